"""Every write of the surveys app: building, publishing (frozen versions), invitations and
reminders, and the loss-free collection of responses."""

from __future__ import annotations

import datetime
import re
import uuid
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from industriedialog.common.models import audit_log

from .models import Answer, Invitation, Question, Response, Survey, SurveyVersion
from .questions import (
    CATEGORICAL_KINDS,
    KINDS_WITH_OPTIONS,
    Kind,
    answers_from_draft,
    decimal_text,
)

REMINDER_MIN_DAYS = 7


# --- Building ---------------------------------------------------------------------------------


@transaction.atomic
def survey_create(*, actor: Any, **fields: Any) -> Survey:
    survey = Survey(created_by=actor if getattr(actor, "is_authenticated", False) else None)
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.full_clean()
    survey.save()
    survey.log_action("surveys.survey_created", actor=actor)
    return survey


@transaction.atomic
def survey_update(*, survey: Survey, actor: Any, **fields: Any) -> list[str]:
    changed = [name for name, value in fields.items() if getattr(survey, name) != value]
    if survey.is_anonymous and "mode" in changed and survey.responses.exists():
        raise ValidationError(
            _(
                "Eine anonyme Umfrage mit Antworten kann nicht auf eine andere Teilnahme "
                "umgestellt werden."
            )
        )
    if "mode" in changed and fields["mode"] == Survey.Mode.ANONYMOUS and survey.responses.exists():
        raise ValidationError(
            _("Eine Umfrage mit Antworten kann nachträglich nicht anonym werden.")
        )
    for name in changed:
        setattr(survey, name, fields[name])
    if changed:
        survey.full_clean()
        survey.save()
        survey.log_action("surveys.survey_changed", actor=actor, data={"fields": changed})
    return changed


def options_parse(lines: str, existing: list[dict]) -> list[dict]:
    """Options from "German | English" lines. An option keeps its key as long as its German
    text stays the same, so answers already given keep their meaning."""
    keys_by_label = {o["de"]: o["key"] for o in existing}
    used = {o["key"] for o in existing}
    next_number = 1 + max((int(k[1:]) for k in used if re.fullmatch(r"o\d+", k)), default=0)
    options: list[dict] = []
    for raw in lines.splitlines():
        if not raw.strip():
            continue
        de, _sep, en = raw.partition("|")
        de, en = de.strip(), en.strip()
        if not de:
            continue
        key = keys_by_label.get(de)
        if key is None or any(o["key"] == key for o in options):
            key = f"o{next_number}"
            next_number += 1
        options.append({"key": key, "de": de[:300], "en": en[:300]})
    return options


def options_format(options: list[dict]) -> str:
    return "\n".join(f"{o['de']} | {o['en']}" if o.get("en") else o["de"] for o in options)


def _next_question_key(survey: Survey) -> str:
    numbers = [
        int(k[1:]) for k in survey.questions.values_list("key", flat=True) if k[1:].isdigit()
    ]
    # Keys of questions deleted after publishing stay reserved in old versions.
    for version in survey.versions.all():
        numbers += [int(q["key"][1:]) for q in version.definition["questions"]]
    return f"q{max(numbers, default=0) + 1}"


@transaction.atomic
def question_save(
    *, survey: Survey, actor: Any, question: Question | None = None, data: dict
) -> Question:
    """Create or change a question of the working copy (published versions stay as they are)."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.state == Survey.State.CLOSED:
        raise ValidationError(_("Eine geschlossene Umfrage kann nicht mehr geändert werden."))
    is_new = question is None
    if question is None:
        position = survey.questions.aggregate(m=Max("position"))["m"]
        question = Question(
            survey=survey, key=_next_question_key(survey), position=(position or 0) + 1
        )
    options_text = data.pop("options_text", None)
    for name, value in data.items():
        setattr(question, name, value)
    if options_text is not None:
        question.options = options_parse(options_text, question.options or [])
    question_check(question)
    question.full_clean()
    question.save()
    _mark_changed(survey)
    audit_log(
        "surveys.question_created" if is_new else "surveys.question_changed",
        obj=survey,
        actor=actor,
        data={"question": question.key},
    )
    return question


def question_check(question: Question) -> None:
    """Errors a builder would otherwise only notice when respondents fail."""
    errors: dict[str, str] = {}
    if question.kind in KINDS_WITH_OPTIONS and len(question.options or []) < 2:
        errors["options_text"] = _("Bitte mindestens zwei Antwortmöglichkeiten (je Zeile eine).")
    if (
        question.kind == Kind.NUMBER
        and question.min_value is not None
        and question.max_value is not None
        and question.min_value > question.max_value
    ):
        errors["max_value"] = _("Der größte Wert muss mindestens so groß sein wie der kleinste.")
    if question.kind == Kind.REGION and not question.region_level:
        errors["region_level"] = _("Bitte wählen Sie Bundesland oder Kreis.")
    if question.condition_key:
        source = (
            Question.objects.filter(survey=question.survey, key=question.condition_key)
            .exclude(pk=question.pk)
            .first()
        )
        if source is None or source.kind not in CATEGORICAL_KINDS:
            errors["condition"] = _("Die Bedingung verweist auf keine Auswahlfrage dieser Umfrage.")
        elif source.page >= question.page:
            errors["condition"] = _(
                "Eine Bedingung darf sich nur auf eine Frage einer früheren Seite beziehen "
                "(Frage „%(key)s“ steht auf Seite %(page)s)."
            ) % {"key": source.key, "page": source.page}
        elif not question.condition_values:
            errors["condition"] = _("Bitte wählen Sie die Antwort, bei der die Frage erscheint.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def question_delete(*, question: Question, actor: Any) -> None:
    survey = question.survey
    dependants = Question.objects.filter(survey=survey, condition_key=question.key)
    if dependants.exists():
        raise ValidationError(
            _(
                "Andere Fragen hängen von dieser Frage ab (%(keys)s); bitte zuerst deren "
                "Bedingung ändern."
            )
            % {"keys": ", ".join(dependants.values_list("key", flat=True))}
        )
    key = question.key
    question.delete()
    _mark_changed(survey)
    audit_log("surveys.question_deleted", obj=survey, actor=actor, data={"question": key})


@transaction.atomic
def question_move(*, question: Question, actor: Any, offset: int) -> None:
    """Swap the question with its neighbour on the same page."""
    siblings = list(question.survey.questions.filter(page=question.page))
    index = next(i for i, q in enumerate(siblings) if q.pk == question.pk)
    other = index + offset
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, item in enumerate(siblings, start=1):
        Question.objects.filter(pk=item.pk).update(position=position)
    _mark_changed(question.survey)


def _mark_changed(survey: Survey) -> None:
    Survey.objects.filter(pk=survey.pk).update(has_unpublished_changes=True)


def survey_definition(survey: Survey) -> dict:
    """The working copy as the frozen JSON a version keeps."""
    questions = []
    for q in survey.questions.all():
        questions.append(
            {
                "key": q.key,
                "page": q.page,
                "kind": q.kind,
                "text": q.text,
                "help": q.help,
                "required": q.is_required,
                "options": q.options,
                "other": q.has_other,
                "random": q.is_randomised,
                "min": _plain(q.min_value),
                "max": _plain(q.max_value),
                "region": q.region_level,
                "condition": (
                    {"key": q.condition_key, "values": q.condition_values}
                    if q.condition_key
                    else None
                ),
            }
        )
    return {"title": survey.title, "intro": survey.intro, "questions": questions}


def _plain(value: Decimal | None) -> str | None:
    """A decimal without trailing zeros ("100", "2.5"), as respondents read it in messages."""
    return None if value is None else decimal_text(value)


@transaction.atomic
def survey_publish(*, survey: Survey, actor: Any) -> SurveyVersion:
    """Freeze the working copy into a new version; responses keep the version they answered."""
    caller, survey = survey, Survey.objects.select_for_update().get(pk=survey.pk)
    definition = survey_definition(survey)
    if not definition["questions"]:
        raise ValidationError(_("Eine Umfrage ohne Fragen kann nicht veröffentlicht werden."))
    for question in survey.questions.all():
        question_check(question)
    current = survey.current_version
    if current is not None and current.definition == definition:
        version = current
    else:
        version = SurveyVersion.objects.create(
            survey=survey,
            number=(current.number + 1) if current else 1,
            definition=definition,
            published_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
    survey.current_version = version
    survey.state = Survey.State.PUBLISHED
    survey.has_unpublished_changes = False
    survey.save(update_fields=["current_version", "state", "has_unpublished_changes", "updated_at"])
    survey.log_action("surveys.survey_published", actor=actor, data={"version": version.number})
    caller.current_version, caller.state = version, survey.state
    caller.has_unpublished_changes = False
    return version


@transaction.atomic
def survey_close(*, survey: Survey, actor: Any) -> None:
    Survey.objects.filter(pk=survey.pk).update(state=Survey.State.CLOSED)
    survey.state = Survey.State.CLOSED
    survey.log_action("surveys.survey_closed", actor=actor)


@transaction.atomic
def survey_reopen(*, survey: Survey, actor: Any) -> None:
    if survey.current_version_id is None:
        raise ValidationError(_("Die Umfrage wurde noch nie veröffentlicht."))
    Survey.objects.filter(pk=survey.pk).update(state=Survey.State.PUBLISHED)
    survey.state = Survey.State.PUBLISHED
    survey.log_action("surveys.survey_reopened", actor=actor)


@transaction.atomic
def survey_duplicate(*, survey: Survey, actor: Any) -> Survey:
    """A new draft with the same questions (and keys), without invitations or responses."""
    title = {lang: f"{text} ({_('Kopie')})" for lang, text in survey.title.items() if text}
    copy = survey_create(
        actor=actor,
        title=title,
        intro=survey.intro,
        mode=survey.mode,
        is_shared_with_ministry=False,
        shows_on_initiative_page=survey.shows_on_initiative_page,
    )
    for question in survey.questions.all():
        question.pk = None
        question.survey = copy
        question.save()
    survey.log_action("surveys.survey_duplicated", actor=actor, data={"copy": copy.pk})
    return copy


# --- Invitations and reminders ----------------------------------------------------------------

EMAIL_LINE = re.compile(r"^\s*(?:(?P<name>[^<]*?)\s*<(?P<email>[^>]+)>|(?P<plain>\S+))\s*$")


def invitation_lines_parse(text: str) -> list[tuple[str, str]]:
    """(email, name) from lines "name <email>" or "email"; a bad line raises a German error
    naming the line."""
    from django.core.validators import validate_email

    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = EMAIL_LINE.match(line)
        email = (match.group("email") or match.group("plain")) if match else ""
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                _("Zeile %(line)s: „%(text)s“ ist keine gültige E-Mail-Adresse.")
                % {"line": number, "text": line.strip()[:80]}
            ) from None
        entries.append(
            (email.strip().lower(), ((match.group("name") if match else "") or "").strip())
        )
    return entries


@transaction.atomic
def invitations_add(
    *, survey: Survey, actor: Any, entries: list[dict[str, Any]]
) -> list[Invitation]:
    """New invitations for addresses not yet invited (an address is invited once)."""
    if survey.mode != Survey.Mode.PERSONAL:
        raise ValidationError(_("Einladungen gibt es nur bei Umfragen mit persönlichen Tokens."))
    existing = set(survey.invitations.values_list("email", flat=True))
    created = []
    for entry in entries:
        email = entry["email"].strip().lower()
        if not email or email in existing:
            continue
        existing.add(email)
        created.append(Invitation.objects.create(survey=survey, **{**entry, "email": email}))
    audit_log("surveys.invitations_added", obj=survey, actor=actor, data={"count": len(created)})
    return created


def invitations_add_from_registry(
    *, survey: Survey, actor: Any, state_codes: list[str], organisation_kinds: list[str]
) -> list[Invitation]:
    """Invite contact persons straight from the registry: of initiatives in the given states
    and/or of organisations of the given kinds. An invitation needs no publication consent
    (it is not a publication); the link to initiative and organisation is kept."""
    from industriedialog.registry.models import ContactPerson

    query = Q()
    if state_codes:
        query |= Q(initiative__states__code__in=state_codes)
    if organisation_kinds:
        query |= Q(organisation__kind__in=organisation_kinds)
    if not query:
        raise ValidationError(_("Bitte wählen Sie Bundesländer oder Arten von Organisationen."))
    contacts = (
        ContactPerson.objects.filter(query)
        .exclude(email="")
        .select_related("initiative", "organisation")
        .distinct()
        .order_by("id")
    )
    return invitations_add(
        survey=survey,
        actor=actor,
        entries=[
            {
                "email": c.email,
                "name": c.name,
                "contact": c,
                "initiative": c.initiative,
                "organisation": c.organisation,
            }
            for c in contacts
        ],
    )


def invitations_send(*, survey: Survey, actor: Any) -> int:
    """Queue the invitation e-mail for every address not yet invited."""
    from .tasks import send_invitation

    if not survey.is_open():
        raise ValidationError(
            _("Einladungen können erst nach dem Veröffentlichen versandt werden.")
        )
    ids = list(survey.invitations.filter(sent_at__isnull=True).values_list("pk", flat=True))
    for pk in ids:
        send_invitation.enqueue(pk)
    audit_log("surveys.invitations_sent", obj=survey, actor=actor, data={"count": len(ids)})
    return len(ids)


def _mail(*, invitation: Invitation, template: str) -> None:
    with translation.override(invitation.language or "de"):
        context = {
            "invitation": invitation,
            "survey": invitation.survey,
            "site_url": _site_url(),
        }
        subject = render_to_string(f"surveys/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"surveys/emails/{template}_message.txt", context)
        html = render_to_string(f"surveys/emails/{template}_message.html", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[invitation.email])
    message.attach_alternative(html, "text/html")
    message.send()


def _site_url() -> str:
    from django.conf import settings

    return settings.SITE_URL.rstrip("/")


def invitation_send(*, invitation: Invitation) -> bool:
    """Send one invitation, once: a second call (a task retried) sends nothing."""
    claimed = Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(
        sent_at=timezone.now()
    )
    if not claimed:
        return False
    _mail(invitation=invitation, template="invitation")
    return True


def reminders_schedule(
    *, survey: Survey | None = None, actor: Any = None, now: datetime.datetime | None = None
) -> list[int]:
    """Queue a reminder for each invited address without a submitted response, at most one
    per address in REMINDER_MIN_DAYS days. Returns the invitations' ids."""
    from .tasks import send_reminder

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=REMINDER_MIN_DAYS)
    surveys = Survey.objects.open_on(timezone.localdate(now)).filter(mode=Survey.Mode.PERSONAL)
    if survey is not None:
        surveys = surveys.filter(pk=survey.pk)
    due = (
        Invitation.objects.filter(survey__in=surveys, sent_at__isnull=False)
        .exclude(response__submitted_on__isnull=False)
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=cutoff))
    )
    scheduled = []
    for pk in due.values_list("pk", flat=True):
        # Conditional update: two overlapping runs never remind the same address twice.
        claimed = (
            Invitation.objects.filter(pk=pk)
            .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=cutoff))
            .update(reminded_at=now)
        )
        if claimed:
            send_reminder.enqueue(pk)
            scheduled.append(pk)
    if survey is not None:
        audit_log("surveys.reminders_sent", obj=survey, actor=actor, data={"count": len(scheduled)})
    return scheduled


def reminder_send(*, invitation: Invitation) -> bool:
    if hasattr(invitation, "response") and invitation.response.is_submitted:
        return False
    Invitation.objects.filter(pk=invitation.pk).update(reminder_count=invitation.reminder_count + 1)
    _mail(invitation=invitation, template="reminder")
    return True


# --- Collection -----------------------------------------------------------------------------


class ResponseClosed(ValidationError):
    """The survey no longer takes answers (closed or past its date)."""


def _new_response_fields(survey: Survey, *, user: Any, invitation: Invitation | None) -> dict:
    fields: dict[str, Any] = {
        "survey": survey,
        "version": survey.current_version,
        "started_on": timezone.localdate(),
    }
    if survey.is_anonymous:
        return fields  # no user, no invitation, no initiative: nothing that identifies
    if user is not None and getattr(user, "is_authenticated", False):
        fields["user"] = user
    if invitation is not None:
        fields.update(
            invitation=invitation,
            initiative_id=invitation.initiative_id,
            organisation_id=invitation.organisation_id,
        )
    return fields


def response_for_invitation(*, invitation: Invitation) -> Response:
    """The one response of a token, created on first use (concurrent first uses: one row)."""
    survey = invitation.survey
    existing = Response.objects.filter(invitation=invitation).first()
    if existing is not None:
        return existing
    if not survey.is_open():
        raise ResponseClosed(_("Diese Umfrage ist geschlossen."))
    try:
        with transaction.atomic():
            return Response.objects.create(
                **_new_response_fields(survey, user=None, invitation=invitation)
            )
    except IntegrityError:
        return Response.objects.get(invitation=invitation)


def _locked_response(*, survey: Survey, key: uuid.UUID) -> Response:
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("version", "survey")
        .filter(key=key)
        .first()
    )
    if response is None:
        raise Response.DoesNotExist
    if response.survey_id != survey.pk:
        raise Response.DoesNotExist
    return response


def response_save_page(
    *,
    survey: Survey,
    key: uuid.UUID,
    field_names: list[str],
    values: dict[str, Any],
    page: int,
    submit: bool = False,
    user: Any = None,
    create: bool = False,
) -> Response:
    """Store the answers of one page in the draft and, with ``submit``, turn the draft into
    Answer rows. Idempotent: repeating the same request (a retry after a network error)
    changes nothing; a submitted response is never changed again."""
    if not survey.is_open():
        raise ResponseClosed(_("Diese Umfrage ist geschlossen."))
    if create:
        created = _response_insert(
            survey=survey, key=key, user=user, values=values, page=page, submit=submit
        )
        if created is not None:
            return created
        # The key exists already (a retry, or a request racing this one): the locked path
        # below decides, and never changes a submitted response.
    with transaction.atomic():
        response = _locked_response(survey=survey, key=key)
        if response.is_submitted:
            return response
        draft = {k: v for k, v in response.draft.items() if k not in field_names}
        draft.update(values)
        response.draft = draft
        response.last_page = max(response.last_page, page)
        update = ["draft", "last_page"]
        if submit:
            _response_submit(response)
            update += ["submitted_on", "submitted_at", "draft"]
        response.save(update_fields=update)
    return response


def _response_insert(
    *, survey: Survey, key: uuid.UUID, user: Any, values: dict[str, Any], page: int, submit: bool
) -> Response | None:
    """The first request of a new key: INSERT … ON CONFLICT (key) DO NOTHING RETURNING id, so
    of concurrent requests with one key exactly one inserts; a one-page survey is submitted in
    the same step (response and answer rows together). ``None`` if the key exists already.

    The submission hot path (bench/surveys.py): on PostgreSQL one statement, the response
    insert as a data-modifying CTE feeding the answer insert (atomic as any single statement);
    elsewhere the two inserts in one transaction."""
    response = Response(key=key, **_new_response_fields(survey, user=user, invitation=None))
    response.draft = dict(values)
    response.last_page = page
    rows: list[dict] = []
    if submit:
        rows = answers_from_draft(response.version.definition, response.draft)
        response.draft = {}
        response.submitted_on = timezone.localdate()
        if not survey.is_anonymous:
            response.submitted_at = timezone.now()
    connection = transaction.get_connection()
    fields = [f for f in Response._meta.concrete_fields if f.name != "id"]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    params = [f.get_db_prep_save(f.pre_save(response, True), connection) for f in fields]
    marks = ", ".join(["%s"] * len(fields))
    insert = (
        f"INSERT INTO surveys_response ({columns}) VALUES ({marks}) "  # noqa: S608 - model columns
        f"ON CONFLICT ({connection.ops.quote_name('key')}) DO NOTHING RETURNING id"
    )
    if rows and connection.vendor == "postgresql":
        answer = {
            "question_key": [r["question_key"] for r in rows],
            "item": [r.get("item", "") for r in rows],
            "choice": [r.get("choice", "") for r in rows],
            "number": [r.get("number") for r in rows],
            "date": [r.get("date") for r in rows],
            "text": [r.get("text", "") for r in rows],
        }
        sql = (
            f"WITH r AS ({insert}), a AS (INSERT INTO surveys_answer "  # noqa: S608
            "(survey_id, response_id, question_key, item, choice, number, date, text) "
            "SELECT %s, r.id, v.* FROM r, unnest(%s::varchar[], %s::varchar[], "
            "%s::varchar[], %s::numeric[], %s::date[], %s::text[]) AS v) SELECT id FROM r"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, survey.pk, *answer.values()])
            found = cursor.fetchone()
        if found is None:
            return None
        response.pk = found[0]
        return response
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(insert, params)
            found = cursor.fetchone()
        if found is None:
            return None
        response.pk = found[0]
        if rows:
            Answer.objects.bulk_create(
                [Answer(survey_id=survey.pk, response=response, **row) for row in rows]
            )
    return response


def _response_submit(response: Response) -> None:
    rows = answers_from_draft(response.version.definition, response.draft)
    Answer.objects.bulk_create(
        [Answer(survey_id=response.survey_id, response=response, **row) for row in rows]
    )
    response.submitted_on = timezone.localdate()
    if not response.survey.is_anonymous:
        response.submitted_at = timezone.now()
    response.draft = {}


def responses_generate(*, survey: Survey, count: int, seed: int = 1, synthetic: bool = True) -> int:
    """Random submitted responses for demos and benchmarks, written in bulk."""
    import random

    from .questions import GRADE_SCALE, LIKERT_SCALE, region_choices

    rng = random.Random(seed)  # noqa: S311 - test data
    version = survey.current_version
    if version is None:
        raise ValidationError(_("Die Umfrage ist nicht veröffentlicht."))
    questions = version.definition["questions"]
    regions = {}
    for q in questions:
        if q["kind"] == Kind.REGION:
            choices = region_choices(q.get("region") or "state")
            if q.get("region") == "district":
                choices = [c for _group, items in choices for c in items]
            regions[q["key"]] = [c[0] for c in choices]
    today = timezone.localdate()
    made = 0
    batch = 2000
    while made < count:
        size = min(batch, count - made)
        with transaction.atomic():
            responses = Response.objects.bulk_create(
                [
                    Response(
                        survey=survey,
                        version=version,
                        started_on=today,
                        submitted_on=today,
                        is_synthetic=synthetic,
                    )
                    for _i in range(size)
                ]
            )
            answers = []
            for response in responses:
                draft: dict[str, Any] = {}
                for q in questions:
                    key, kind = q["key"], q["kind"]
                    options = [o["key"] for o in q.get("options") or []]
                    if kind == Kind.SINGLE:
                        draft[key] = rng.choice(options)
                    elif kind == Kind.MULTIPLE:
                        draft[key] = rng.sample(options, rng.randint(1, len(options)))
                    elif kind == Kind.LIKERT:
                        draft[key] = rng.choice(LIKERT_SCALE)[0]
                    elif kind == Kind.GRADE:
                        draft[key] = rng.choice(GRADE_SCALE[:5])[0]
                    elif kind == Kind.NUMBER:
                        low = Decimal(q["min"]) if q.get("min") else Decimal(0)
                        high = Decimal(q["max"]) if q.get("max") else Decimal(100)
                        draft[key] = str(rng.randint(int(low), int(high)))
                    elif kind == Kind.DATE:
                        draft[key] = (
                            today - datetime.timedelta(days=rng.randint(0, 900))
                        ).isoformat()
                    elif kind in {Kind.SHORT_TEXT, Kind.LONG_TEXT}:
                        if rng.random() < 0.3:
                            draft[key] = rng.choice(
                                [
                                    "Mehr Austausch mit Nachbarregionen",
                                    "Weniger Bürokratie",
                                    "Fachkräfte gemeinsam gewinnen",
                                    "Gute Zusammenarbeit",
                                ]
                            )
                    elif kind == Kind.MATRIX:
                        for option in options:
                            draft[f"{key}__{option}"] = rng.choice(LIKERT_SCALE)[0]
                    elif kind == Kind.RANKING:
                        ranks = list(range(1, len(options) + 1))
                        rng.shuffle(ranks)
                        for option, rank in zip(options, ranks, strict=True):
                            draft[f"{key}__{option}"] = str(rank)
                    elif kind == Kind.REGION and regions.get(key):
                        draft[key] = rng.choice(regions[key])
                answers += [
                    Answer(survey_id=survey.pk, response=response, **row)
                    for row in answers_from_draft(version.definition, draft)
                ]
            Answer.objects.bulk_create(answers, batch_size=5000)
        made += size
    return made
