"""Demo data of the award competition: a published past call with winners from the demo
initiatives and an open call the demo representative can submit to (idempotent by slug)."""

from __future__ import annotations

import datetime
import secrets
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from industriedialog.accounts.roles import Role
from industriedialog.registry.models import Initiative

from .models import (
    AwardCall,
    Category,
    Criterion,
    Eligibility,
    FieldKind,
    FormField,
    JuryScore,
    Phase,
    Submission,
    SubmissionStatus,
)

DEMO_JUROR = "jury@industriedialog.example"
DEMO_REPRESENTATIVE = "vertretung@industriedialog.example"
PAST_SLUG = "auszeichnung-2025"
OPEN_SLUG = "auszeichnung-2027"

CATEGORIES = [
    (
        "Fachkräfte und Ausbildung",
        "Initiativen, die junge Menschen und Beschäftigte für Industrieberufe gewinnen und "
        "qualifizieren.",
    ),
    (
        "Dialog und Akzeptanz",
        "Initiativen, die Bürgerinnen und Bürger, Betriebe und Politik ins Gespräch bringen.",
    ),
]
FIELDS = [
    ("summary", "Kurzbeschreibung des Projekts", FieldKind.TEXT, True, 100, 1500, False),
    ("impact", "Wirkung in der Region", FieldKind.TEXT, True, 100, 2000, False),
    ("partners", "Beteiligte Partner", FieldKind.TEXT, True, None, 1000, True),
    ("website", "Projektseite", FieldKind.LINK, False, None, None, True),
    ("concept", "Projektkonzept", FieldKind.DOCUMENT, True, None, None, False),
    ("photo", "Foto vom Projekt", FieldKind.IMAGE, False, None, None, False),
]
CRITERIA = [
    (
        "Wirkung in der Region",
        "Erreicht das Projekt messbar Betriebe, Beschäftigte oder Schulen?",
        3,
        True,
    ),
    (
        "Beteiligung der Sozialpartner",
        "Wirken Unternehmen, Gewerkschaften und Politik gemeinsam?",
        2,
        True,
    ),
    ("Übertragbarkeit", "Können andere Regionen das Projekt übernehmen?", 2, True),
    ("Nachhaltigkeit", "Ist das Projekt über die Förderung hinaus gesichert?", 1, True),
    ("Qualität der Darstellung", "Nur zur Orientierung der Jury.", 1, False),
]
WINNERS = [
    (
        "buendnis-fuer-industrie-thueringen",
        0,
        "1. Preis",
        "Das Bündnis bringt jedes Jahr Hunderte Schülerinnen und Schüler in Thüringer Betriebe. "
        "Die Jury würdigt, wie Kammern, Gewerkschaften und Land die Berufsorientierung "
        "gemeinsam tragen.",
        [5, 5, 4, 4, 4],
    ),
    (
        "zukunft-durch-industrie-krefeld",
        1,
        "1. Preis",
        "Mit offenen Werkstoren und Bürgerdialogen hat Krefeld die Industrie zurück ins "
        "Gespräch der Stadt geholt. Ein Vorbild für Städte mit großen Standorten.",
        [5, 4, 5, 4, 5],
    ),
    (
        "masterplan-industrie-frankfurt",
        1,
        "Anerkennung",
        "Der Masterplan zeigt, wie eine Großstadt Flächen für Industrie sichert und dabei die "
        "Nachbarschaft beteiligt.",
        [4, 4, 4, 3, 4],
    ),
]


def _juror() -> tuple[Any, str | None]:
    """The demo juror; the password is returned only when the account is new."""
    from django.contrib.auth import get_user_model

    from industriedialog.accounts.services import user_create

    user = get_user_model().objects.filter(email=DEMO_JUROR).first()
    if user is not None:
        return user, None
    password = secrets.token_urlsafe(12)
    user = user_create(
        email=DEMO_JUROR,
        password=password,
        first_name="Jutta",
        last_name="Juror",
        roles=[Role.JURY],
    )
    return user, password


def _parts(call: AwardCall, juror: Any) -> None:
    for position, (name, description) in enumerate(CATEGORIES, start=1):
        category = Category.objects.create(
            call=call, name=name, description=description, position=position
        )
        category.jurors.add(juror)
    for position, (key, label, kind, required, low, high, identifying) in enumerate(FIELDS, 1):
        FormField.objects.create(
            call=call,
            key=key,
            label=label,
            kind=kind,
            required=required,
            min_length=low,
            max_length=high,
            is_identifying=identifying,
            max_size_mb=10,
            position=position,
        )
    for position, (name, description, weight, counts) in enumerate(CRITERIA, start=1):
        Criterion.objects.create(
            call=call,
            name=name,
            description=description,
            weight=weight,
            counts_toward_total=counts,
            position=position,
        )


def _demo_representative() -> None:
    """The demo representative speaks for the Rhein-Mosel initiative (as the registry's demo
    sets up; repeated here because create_demo_accounts runs after load_demo_initiatives)."""
    from django.contrib.auth import get_user_model

    from industriedialog.registry import services as registry_services
    from industriedialog.registry.models import Representation

    user = get_user_model().objects.filter(email=DEMO_REPRESENTATIVE).first()
    initiative = Initiative.objects.filter(slug="industriedialog-rhein-mosel").first()
    if user is None or initiative is None:
        return
    if not Representation.objects.filter(user=user, initiative=initiative).exists():
        claim = registry_services.representation_request(
            user=user, initiative=initiative, message="Demo: Koordination der Geschäftsstelle"
        )
        registry_services.representation_decide(claim=claim, approve=True, actor=None)


@transaction.atomic
def awards_demo_load() -> dict[str, Any]:
    _demo_representative()
    juror, password = _juror()
    created = 0
    now = timezone.now()
    if not AwardCall.objects.filter(slug=PAST_SLUG).exists():
        tz = timezone.get_current_timezone()
        past = AwardCall.objects.create(
            title="Ausgezeichnete regionale Industrieinitiativen 2025",
            slug=PAST_SLUG,
            description=(
                "Im ersten Durchgang suchte die Servicestelle Initiativen, die Fachkräfte "
                "gewinnen und den Dialog über Industrie in ihrer Region beleben. 14 Initiativen "
                "reichten Beiträge ein; eine unabhängige Jury wählte die Preisträger."
            ),
            opens_at=datetime.datetime(2025, 3, 1, 9, 0, tzinfo=tz),
            closes_at=datetime.datetime(2025, 5, 31, 23, 59, tzinfo=tz),
            publish_on=datetime.date(2025, 9, 18),
            founded_before=datetime.date(2025, 1, 1),
            phase=Phase.PUBLISHED,
            results_locked_at=datetime.datetime(2025, 9, 10, 16, 0, tzinfo=tz),
            blind_review=False,
        )
        _parts(past, juror)
        categories = list(past.categories.all())
        criteria = list(past.criteria.all())
        counting = [c for c in criteria if c.counts_toward_total]
        ranks: dict[int, int] = {}
        for slug, category_index, title, laudation, points in WINNERS:
            initiative = Initiative.objects.filter(slug=slug).first()
            if initiative is None:
                continue
            category = categories[category_index]
            ranks[category.pk] = ranks.get(category.pk, 0) + 1
            total = sum(
                Decimal(c.weight * p)
                for c, p in zip(criteria, points, strict=True)
                if c.counts_toward_total
            ) / sum(c.weight for c in counting)
            submission = Submission.objects.create(
                call=past,
                category=category,
                initiative=initiative,
                status=SubmissionStatus.SUBMITTED,
                submitted_at=datetime.datetime(2025, 5, 20, 12, 0, tzinfo=tz),
                eligibility=Eligibility.ELIGIBLE,
                answers={
                    "summary": laudation,
                    "impact": laudation,
                    "partners": "Kammern, Gewerkschaften, Land und Kommunen",
                },
                final_rank=ranks[category.pk],
                final_total=Decimal(total).quantize(Decimal("0.001")),
                award_title=title,
                laudation=laudation,
            )
            for criterion, value in zip(criteria, points, strict=True):
                JuryScore.objects.create(
                    submission=submission, juror=juror, criterion=criterion, value=value
                )
        created += 1
    if not AwardCall.objects.filter(slug=OPEN_SLUG).exists():
        closes = timezone.localtime(now + datetime.timedelta(days=90)).replace(
            hour=23, minute=59, second=0, microsecond=0
        )
        call = AwardCall.objects.create(
            title="Ausgezeichnete regionale Industrieinitiativen 2027",
            slug=OPEN_SLUG,
            description=(
                "Der zweite Durchgang ist offen: Zeigen Sie, wie Ihre Initiative Fachkräfte "
                "gewinnt oder den Dialog über Industrie in der Region belebt. Teilnehmen können "
                "aktive Initiativen aus dem Verzeichnis, die vor dem 1. Januar 2026 gegründet "
                "wurden – je Kategorie ein Beitrag."
            ),
            opens_at=now - datetime.timedelta(days=7),
            closes_at=closes,
            publish_on=(closes + datetime.timedelta(days=75)).date(),
            founded_before=datetime.date(2026, 1, 1),
            phase=Phase.SUBMISSION,
            blind_review=True,
        )
        _parts(call, juror)
        created += 1
    return {"calls": created, "juror": DEMO_JUROR, "password": password}
