"""Demo consultations for ``make run`` (idempotent): the service centre's advice work with
the demo initiatives and founding cases over the last months, a few follow-ups overdue."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from industriedialog.registry.models import ContactPerson, FieldOfAction, Initiative

from .models import Consultation, ConsultationKind, FoundingCase
from .services import consultation_save

K = ConsultationKind

# (days ago, kind, minutes, initiative slugs, founding case, topics, summary, outcome,
#  follow-up, follow-up due in days relative to today (negative = overdue), done)
DEMO_CONSULTATIONS: list[tuple[Any, ...]] = [
    (
        165,
        K.TELEPHONE,
        40,
        ["industriedialog-rhein-mosel"],
        None,
        ["skilled_workers"],
        "Erstgespräch zur Fachkräftekampagne mit Schulen im Landkreis.",
        "Leitfaden Veranstaltungsplanung zugeschickt.",
        "",
        None,
        False,
    ),
    (
        150,
        K.ON_SITE,
        180,
        ["buendnis-fuer-industrie-thueringen"],
        None,
        ["acceptance", "energy"],
        "Besuch der Geschäftsstelle in Erfurt: Akzeptanz der Transformation in der Region.",
        "Vorschlag für einen Werkstattdialog mit Beschäftigten.",
        "Terminvorschläge für den Werkstattdialog schicken",
        -120,
        True,
    ),
    (
        130,
        K.WORKSHOP,
        240,
        [],
        "Industrieinitiative Eichsfeld",
        ["acceptance"],
        "Gründungsworkshop vorbereitet: Ziele, Partner, Geschäftsstelle.",
        "Landkreis und IHK tragen die Geschäftsstelle gemeinsam.",
        "",
        None,
        False,
    ),
    (
        110,
        K.VIDEO_CALL,
        60,
        ["industriedialog-baden-wuerttemberg", "industrie-nord-westfalen"],
        None,
        ["digitalisation"],
        "Austausch zweier Initiativen über Formate zu Industrie 4.0 für kleine Unternehmen.",
        "Beide nehmen am nächsten Netzwerktreffen teil.",
        "",
        None,
        False,
    ),
    (
        95,
        K.EMAIL,
        15,
        ["masterplan-industrie-frankfurt"],
        None,
        ["land"],
        "Frage nach Beispielen für Flächenmanagement in Ballungsräumen.",
        "Zwei Good-Practice-Beispiele verschickt.",
        "",
        None,
        False,
    ),
    (
        80,
        K.NETWORK_MEETING,
        300,
        [
            "industriedialog-rhein-mosel",
            "buendnis-fuer-industrie-thueringen",
            "zukunft-durch-industrie-krefeld",
            "industriedialog-baden-wuerttemberg",
        ],
        None,
        ["structural_change", "skilled_workers"],
        "Netzwerktreffen: Strukturwandel in Automobilregionen, Erfahrungen der Initiativen.",
        "Arbeitsgruppe Fachkräfte gegründet.",
        "Protokoll an alle Teilnehmenden verschicken",
        -70,
        False,
    ),
    (
        60,
        K.TELEPHONE,
        30,
        ["industrieinitiative-wiesbaden"],
        None,
        ["innovation"],
        "Beratung zur Satzung und zur Rolle der Wirtschaftsförderung.",
        "Mustersatzung aus dem Gründungsleitfaden empfohlen.",
        "Rückfrage zur Satzung beantworten",
        -30,
        False,
    ),
    (
        45,
        K.ON_SITE,
        150,
        ["industrieinitiative-bonn"],
        None,
        ["acceptance"],
        "Vor-Ort-Termin mit Stadt, IHK und DGB zur Gründung der Initiative.",
        "Gemeinsame Erklärung bis zum Herbst geplant.",
        "Entwurf der gemeinsamen Erklärung kommentieren",
        -10,
        False,
    ),
    (
        30,
        K.TELEPHONE,
        20,
        [],
        "Industriedialog Kyffhäuserkreis",
        [],
        "Telefonische Erstberatung der Wirtschaftsförderung.",
        "Interesse an einem Workshop im Frühjahr.",
        "Workshop-Termine abstimmen",
        14,
        False,
    ),
    (
        20,
        K.VIDEO_CALL,
        45,
        ["zukunft-durch-industrie-krefeld"],
        None,
        ["integration"],
        "Projekt zur Integration Geflüchteter in Ausbildungsbetriebe.",
        "Kontakt zur Bundesagentur für Arbeit vermittelt.",
        "",
        None,
        False,
    ),
    (
        12,
        K.EMAIL,
        10,
        ["industriedialog-rhein-mosel"],
        None,
        ["skilled_workers"],
        "Material für den Schulwettbewerb angefragt.",
        "Unterlagen verschickt.",
        "Nachfragen, ob das Material angekommen ist",
        -2,
        False,
    ),
    (
        5,
        K.WORKSHOP,
        210,
        ["industrie-nord-westfalen"],
        None,
        ["energy", "acceptance"],
        "Zukunftswerkstatt zur Energiewende in der Industrie moderiert.",
        "Drei Projektideen für 2026.",
        "Dokumentation der Zukunftswerkstatt versenden",
        10,
        False,
    ),
]


def advisory_consultations_demo_load() -> int:
    """Create the demo consultations that do not exist yet (matched by summary); returns
    how many were created. Initiatives or cases missing from the demo data are skipped."""
    staff = get_user_model().objects.filter(email="servicestelle@industriedialog.example").first()
    today = timezone.localdate()
    created = 0
    for (
        days_ago,
        kind,
        minutes,
        slugs,
        case_name,
        topics,
        summary,
        outcome,
        follow_up,
        due,
        done,
    ) in DEMO_CONSULTATIONS:
        if Consultation.objects.filter(summary=summary).exists():
            continue
        initiatives = list(Initiative.objects.filter(slug__in=slugs))
        case = FoundingCase.objects.filter(name=case_name).first() if case_name else None
        if not initiatives and case is None:
            continue
        contacts = list(ContactPerson.objects.filter(initiative__in=initiatives)[:2])
        consultation = consultation_save(
            actor=None,
            initiatives=initiatives,
            contact_persons=contacts,
            topics=list(FieldOfAction.objects.filter(code__in=topics)),
            kind=kind,
            date=today - datetime.timedelta(days=days_ago),
            duration_minutes=minutes,
            staff_member=staff,
            founding_case=case,
            summary=summary,
            outcome=outcome,
            follow_up=follow_up,
            follow_up_due_on=today + datetime.timedelta(days=due) if follow_up else None,
        )
        if done:
            Consultation.objects.filter(pk=consultation.pk).update(follow_up_done_at=timezone.now())
        created += 1
    return created
