"""Every write of the events module: events, planning, registration (double opt-in, waitlist),
attendance, feedback and e-mails. Capacity rules are documented in models.py."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from industriedialog.common.models import audit_log
from industriedialog.registry.models import EventFormat

from . import ical
from .models import (
    Event,
    Feedback,
    FeedbackMarker,
    Invitation,
    PlanningTask,
    PlanningTemplate,
    PlanningTemplateTask,
    ProgrammeItem,
    Registration,
)
from .vocabularies import RegistrationStatus, TaskStatus

# Reminders go out this long before the start; feedback invitations after the end.
REMINDER_BEFORE = datetime.timedelta(days=2)
FEEDBACK_WINDOW = datetime.timedelta(days=14)


# --- E-mail --------------------------------------------------------------------------------


@dataclass
class Mail:
    subject: str
    paragraphs: list[str]
    links: list[tuple[str, str]]
    attachments: list[tuple[str, bytes, str]]


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _mail_send(*, to: str, language: str, build: Any) -> None:
    """Render ``build()`` (a Mail, built in the recipient's language) and send it."""
    language = language if language in {c for c, _n in settings.LANGUAGES} else "de"
    with translation.override(language):
        mail: Mail = build()
        context = {"mail": mail, "LANGUAGE_CODE": language}
        text = render_to_string("events/emails/message.txt", context)
        html = render_to_string("events/emails/message.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + mail.subject,
        body=text,
        to=[to],
        headers={"Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in mail.attachments:
        message.attach(name, content, mimetype)
    message.send()


def _when(event: Event) -> str:
    start, end = event.local_start, event.local_end
    if start.date() == end.date():
        return f"{start:%d.%m.%Y}, {start:%H:%M}–{end:%H:%M} ({event.time_zone})"
    return f"{start:%d.%m.%Y %H:%M} – {end:%d.%m.%Y %H:%M} ({event.time_zone})"


def _where(event: Event) -> str:
    if event.is_online:
        return _("online")
    return ", ".join(p for p in (event.venue_name, event.venue_address) if p)


def _cancel_link(registration: Registration) -> tuple[str, str]:
    return (
        _("Anmeldung stornieren"),
        _absolute(reverse("events:registration_cancel", kwargs={"token": registration.token})),
    )


def _ics_attachment(event: Event) -> tuple[str, bytes, str]:
    return (f"{event.slug}.ics", ical.event_ics(event, include_online_url=True), "text/calendar")


def registration_mail_send(*, registration: Registration, kind: str) -> None:
    """The e-mails a registrant gets: ``confirm`` (double opt-in), ``confirmed``,
    ``waitlisted``, ``promoted`` (moved up from the waitlist), ``reminder``, ``feedback``."""
    event = registration.event

    def build() -> Mail:
        greeting = _("Guten Tag %(name)s,") % {"name": registration.name}
        facts = _("„%(title)s“ am %(when)s, %(where)s.") % {
            "title": event.title,
            "when": _when(event),
            "where": _where(event),
        }
        online = (
            [_("Zugang zur Online-Veranstaltung: %(url)s") % {"url": event.online_url}]
            if event.is_online and event.online_url
            else []
        )
        if kind == "confirm":
            url = reverse("events:registration_confirm", kwargs={"token": registration.token})
            return Mail(
                _("Bitte bestätigen Sie Ihre Anmeldung: %(title)s") % {"title": event.title},
                [
                    greeting,
                    _("vielen Dank für Ihre Anmeldung zu %(facts)s") % {"facts": facts},
                    _(
                        "Bitte bestätigen Sie Ihre E-Mail-Adresse. Erst dann ist Ihre Anmeldung "
                        "gültig und wir vergeben einen Platz (oder einen Platz auf der Warteliste)."
                    ),
                    _("Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail."),
                ],
                [(_("Anmeldung bestätigen"), _absolute(url))],
                [],
            )
        if kind in {"confirmed", "promoted"}:
            first = (
                _("für Sie ist ein Platz frei geworden. Sie sind jetzt angemeldet zu %(facts)s")
                if kind == "promoted"
                else _("Ihre Anmeldung ist bestätigt: %(facts)s")
            ) % {"facts": facts}
            return Mail(
                (
                    _("Platz frei geworden: %(title)s")
                    if kind == "promoted"
                    else _("Anmeldung bestätigt: %(title)s")
                )
                % {"title": event.title},
                [
                    greeting,
                    first,
                    *online,
                    _("Den Termin für Ihren Kalender finden Sie im Anhang."),
                    _("Falls Sie nicht teilnehmen können, geben Sie Ihren Platz bitte frei."),
                ],
                [_cancel_link(registration)],
                [_ics_attachment(event)],
            )
        if kind == "waitlisted":
            return Mail(
                _("Warteliste: %(title)s") % {"title": event.title},
                [
                    greeting,
                    _(
                        "alle Plätze für %(facts)s sind vergeben. Sie stehen auf der Warteliste "
                        "und rücken automatisch nach, sobald ein Platz frei wird; wir schreiben "
                        "Ihnen dann."
                    )
                    % {"facts": facts},
                ],
                [_cancel_link(registration)],
                [],
            )
        if kind == "reminder":
            return Mail(
                _("Erinnerung: %(title)s") % {"title": event.title},
                [greeting, _("wir freuen uns auf Sie: %(facts)s") % {"facts": facts}, *online],
                [
                    (_("Zur Veranstaltung"), _absolute(event.get_absolute_url())),
                    _cancel_link(registration),
                ],
                [_ics_attachment(event)],
            )
        if kind == "feedback":
            url = reverse(
                "events:feedback", kwargs={"slug": event.slug, "token": registration.token}
            )
            return Mail(
                _("Ihre Meinung zu: %(title)s") % {"title": event.title},
                [
                    greeting,
                    _(
                        "vielen Dank für Ihre Teilnahme. Wie war die Veranstaltung? Die "
                        "Rückmeldung ist anonym und dauert zwei Minuten."
                    ),
                ],
                [(_("Rückmeldung geben"), _absolute(url))],
                [],
            )
        raise ValueError(kind)

    _mail_send(to=registration.email, language=registration.language, build=build)


# --- Events and planning -------------------------------------------------------------------


def _programme_set(event: Event, programme: Sequence[tuple[datetime.time, str]]) -> None:
    event.programme.all().delete()
    ProgrammeItem.objects.bulk_create(
        ProgrammeItem(event=event, starts_at=time, title=title) for time, title in programme
    )


@transaction.atomic
def event_create(
    *,
    actor: Any,
    target_groups: Iterable[Any] = (),
    partners: Iterable[Any] = (),
    materials: Iterable[Any] = (),
    programme: Sequence[tuple[datetime.time, str]] = (),
    **fields: Any,
) -> Event:
    """Create an event and its planning tasks from the template of its format."""
    event = Event(created_by=actor if getattr(actor, "is_authenticated", False) else None, **fields)
    event.full_clean()
    event.save()
    event.target_groups.set(target_groups)
    event.partners.set(partners)
    event.materials.set(materials)
    _programme_set(event, programme)
    tasks = planning_tasks_generate(event=event, owner=event.created_by)
    event.log_action("events.event_created", actor=actor, data={"planning_tasks": len(tasks)})
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    actor: Any,
    target_groups: Iterable[Any] | None = None,
    partners: Iterable[Any] | None = None,
    materials: Iterable[Any] | None = None,
    programme: Sequence[tuple[datetime.time, str]] | None = None,
    **fields: Any,
) -> Event:
    """Save changes; more places move people up from the waitlist."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    changed = [name for name, value in fields.items() if getattr(event, name) != value]
    for name, value in fields.items():
        setattr(event, name, value)
    event.full_clean()
    event.save()
    if target_groups is not None:
        event.target_groups.set(target_groups)
    if partners is not None:
        event.partners.set(partners)
    if materials is not None:
        event.materials.set(materials)
    if programme is not None:
        _programme_set(event, programme)
    _waitlist_fill(event)
    event.log_action("events.event_updated", actor=actor, data={"fields": changed})
    return event


def planning_tasks_generate(*, event: Event, owner: Any = None) -> list[PlanningTask]:
    """The event's task plan from its format's template: due date = event day + offset."""
    template = (
        PlanningTemplate.objects.filter(format_id=event.format_id).first()
        if event.format_id
        else None
    )
    if template is None:
        return []
    day = event.local_start.date()
    return PlanningTask.objects.bulk_create(
        PlanningTask(
            event=event,
            title=item.title,
            due_on=day + datetime.timedelta(days=item.offset_days),
            owner=owner,
        )
        for item in template.tasks.all()
    )


@transaction.atomic
def planning_task_update(
    *, task: PlanningTask, actor: Any, status: str, owner: Any, due_on: datetime.date
) -> PlanningTask:
    task = PlanningTask.objects.select_for_update().get(pk=task.pk)
    task.status, task.owner, task.due_on = status, owner, due_on
    task.done_at = timezone.now() if status == TaskStatus.DONE else None
    task.full_clean()
    task.save()
    audit_log(
        "events.planning_task_updated",
        obj=task.event,
        actor=actor,
        data={"task": task.pk, "status": status},
    )
    return task


@transaction.atomic
def planning_task_add(
    *, event: Event, actor: Any, title: str, due_on: datetime.date, owner: Any = None
) -> PlanningTask:
    task = PlanningTask(event=event, title=title, due_on=due_on, owner=owner)
    task.full_clean()
    task.save()
    audit_log("events.planning_task_added", obj=event, actor=actor, data={"task": task.pk})
    return task


@transaction.atomic
def planning_template_save(
    *, format: EventFormat, actor: Any, note: str, tasks: Sequence[tuple[int, str]]
) -> PlanningTemplate:
    """Replace the template of ``format``; events already planned keep their tasks."""
    template, _created = PlanningTemplate.objects.get_or_create(format=format)
    template.note = note
    template.save()
    template.tasks.all().delete()
    items = [PlanningTemplateTask(template=template, offset_days=o, title=t) for o, t in tasks]
    for item in items:
        item.full_clean(exclude=["template"])
    PlanningTemplateTask.objects.bulk_create(items)
    template.log_action("events.planning_template_saved", actor=actor, data={"tasks": len(items)})
    return template


# --- Registration --------------------------------------------------------------------------


def _normalise(email: str) -> str:
    return email.strip().lower()


def invitation_for(*, event: Event, token: str) -> Invitation | None:
    if not token:
        return None
    return Invitation.objects.filter(event=event, token=token).first()


def registration_submit(
    *,
    event: Event,
    name: str,
    email: str,
    organisation: str = "",
    initiative: Any = None,
    role: str = "",
    accessibility_needs: str = "",
    consents_to_list: bool = False,
    invitation_token: str = "",
    language: str = "de",
) -> tuple[Registration, bool]:
    """Record a registration and send the confirmation link (double opt-in).

    Returns ``(registration, created)``; a repeated submit with the same address returns the
    active registration (and sends the confirmation link again if still unconfirmed) instead
    of creating a second one, also when two submits race each other.
    """
    if not event.registration_is_open():
        raise ValidationError(_("Für diese Veranstaltung ist keine Anmeldung (mehr) möglich."))
    invitation = None
    if not event.is_public:
        invitation = invitation_for(event=event, token=invitation_token)
        if invitation is None:
            raise ValidationError(
                _("Diese Veranstaltung ist nur mit persönlicher Einladung zugänglich.")
            )
    key = _normalise(email)
    existing = _active_registration(event, key)
    if existing is not None:
        if existing.status == RegistrationStatus.UNCONFIRMED:
            _queue_mail(existing, "confirm")
        return existing, False
    registration = Registration(
        event=event,
        name=name.strip(),
        email=email.strip(),
        email_normalised=key,
        organisation=organisation.strip(),
        initiative=initiative,
        role=role.strip(),
        accessibility_needs=accessibility_needs.strip(),
        consents_to_list=consents_to_list,
        token=secrets.token_urlsafe(32),
        invitation=invitation,
        language=language,
    )
    registration.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            registration.save()
            audit_log(
                "events.registration_submitted", obj=event, data={"registration": registration.pk}
            )
            _queue_mail(registration, "confirm")
    except IntegrityError:
        # The same address was submitted at the same moment: the other request won.
        existing = _active_registration(event, key)
        if existing is None:
            raise
        return existing, False
    return registration, True


def _active_registration(event: Event, key: str) -> Registration | None:
    return (
        Registration.objects.filter(event=event, email_normalised=key)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )


def _queue_mail(registration: Registration, kind: str) -> None:
    from .tasks import send_registration_mail

    pk = registration.pk
    transaction.on_commit(lambda: send_registration_mail.enqueue(pk, kind))


def _confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


@transaction.atomic
def registration_confirm(*, token: str) -> Registration | None:
    """Double opt-in: the e-mail address is confirmed. Under a lock on the event row the
    registration takes a free place or joins the waitlist, so capacity is never exceeded."""
    registration = Registration.objects.filter(token=token).first()
    if registration is None:
        return None
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.UNCONFIRMED:
        return registration  # a second click changes nothing
    now = timezone.now()
    registration.confirmed_at = now
    if _confirmed_count(event) < event.capacity:
        registration.status = RegistrationStatus.CONFIRMED
    else:
        registration.status = RegistrationStatus.WAITLISTED
        registration.waitlisted_at = now
    registration.save(update_fields=["status", "confirmed_at", "waitlisted_at", "updated_at"])
    audit_log(
        "events.registration_confirmed",
        obj=event,
        data={"registration": registration.pk, "status": registration.status},
    )
    _queue_mail(registration, registration.status)
    return registration


def _waitlist_fill(event: Event) -> list[Registration]:
    """Move waiting people up while places are free; the caller holds the event row lock."""
    free = event.capacity - _confirmed_count(event)
    if free <= 0:
        return []
    moved = list(
        event.registrations.select_for_update()
        .filter(status=RegistrationStatus.WAITLISTED)
        .order_by("waitlisted_at", "id")[:free]
    )
    for registration in moved:
        registration.status = RegistrationStatus.CONFIRMED
        registration.waitlisted_at = None
        registration.save(update_fields=["status", "waitlisted_at", "updated_at"])
        audit_log("events.registration_promoted", obj=event, data={"registration": registration.pk})
        _queue_mail(registration, "promoted")
    return moved


@transaction.atomic
def registration_cancel(*, registration: Registration, actor: Any = None) -> list[Registration]:
    """Cancel; a freed place goes to the first person on the waitlist. Returns who moved up."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return []
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.waitlisted_at = None
    registration.save(update_fields=["status", "cancelled_at", "waitlisted_at", "updated_at"])
    audit_log(
        "events.registration_cancelled",
        obj=event,
        actor=actor,
        data={"registration": registration.pk},
    )
    return _waitlist_fill(event)


@transaction.atomic
def registration_check_in(
    *, registration: Registration, actor: Any, attended: bool
) -> Registration:
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ValidationError(_("Nur bestätigte Anmeldungen können eingecheckt werden."))
    registration.attended_at = timezone.now() if attended else None
    registration.save(update_fields=["attended_at", "updated_at"])
    audit_log(
        "events.check_in",
        obj=registration.event,
        actor=actor,
        data={"registration": registration.pk, "attended": attended},
    )
    return registration


@transaction.atomic
def invitations_create(*, event: Event, actor: Any, emails: Sequence[str]) -> list[Invitation]:
    """Personal invitations (one per address, repeated addresses are skipped), sent by mail."""
    from .tasks import send_invitation

    known = set(event.invitations.values_list("email", flat=True))
    created = []
    for email in dict.fromkeys(_normalise(e) for e in emails if e.strip()):
        if email in known:
            continue
        invitation = Invitation.objects.create(
            event=event, email=email, token=secrets.token_urlsafe(32)
        )
        created.append(invitation)
        transaction.on_commit(partial(send_invitation.enqueue, invitation.pk))
    audit_log("events.invitations_created", obj=event, actor=actor, data={"count": len(created)})
    return created


def invitation_send(*, invitation: Invitation) -> None:
    event = invitation.event

    def build() -> Mail:
        url = reverse("events:registration_create", kwargs={"slug": event.slug})
        return Mail(
            _("Einladung: %(title)s") % {"title": event.title},
            [
                _("Guten Tag,"),
                _("wir laden Sie herzlich ein zu „%(title)s“ am %(when)s, %(where)s.")
                % {"title": event.title, "when": _when(event), "where": _where(event)},
                _("Die Anmeldung ist nur über Ihren persönlichen Link möglich."),
            ],
            [(_("Jetzt anmelden"), _absolute(f"{url}?einladung={invitation.token}"))],
            [],
        )

    _mail_send(to=invitation.email, language="de", build=build)
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())


def participants_message_send(*, event: Event, actor: Any, subject: str, body: str) -> int:
    """E-mail all confirmed participants (in a background task); returns the recipients."""
    from .tasks import send_participants_message

    count = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    audit_log(
        "events.participants_messaged",
        obj=event,
        actor=actor,
        data={"subject": subject, "recipients": count},
    )
    transaction.on_commit(lambda: send_participants_message.enqueue(event.pk, subject, body))
    return count


def participants_message_deliver(*, event: Event, subject: str, body: str) -> int:
    sent = 0
    for registration in event.registrations.filter(status=RegistrationStatus.CONFIRMED):

        def build(registration: Registration = registration) -> Mail:
            return Mail(
                subject,
                [_("Guten Tag %(name)s,") % {"name": registration.name}, *body.split("\n\n")],
                [(_("Zur Veranstaltung"), _absolute(event.get_absolute_url()))],
                [],
            )

        _mail_send(to=registration.email, language=registration.language, build=build)
        sent += 1
    return sent


def reminders_schedule(*, now: datetime.datetime | None = None) -> int:
    """Queue the reminder before each event and the feedback invitation after it; every
    registration is claimed with a conditional update, so overlapping runs send once."""
    from .tasks import send_registration_mail

    now = now or timezone.now()
    queued = 0
    due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__starts_at__gt=now,
        event__starts_at__lte=now + REMINDER_BEFORE,
    )
    for pk in list(due.values_list("pk", flat=True)):
        if Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        ):
            send_registration_mail.enqueue(pk, "reminder")
            queued += 1
    feedback_due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        feedback_invited_at__isnull=True,
        event__ends_at__lte=now,
        event__ends_at__gt=now - FEEDBACK_WINDOW,
    )
    for pk in list(feedback_due.values_list("pk", flat=True)):
        if Registration.objects.filter(pk=pk, feedback_invited_at__isnull=True).update(
            feedback_invited_at=now
        ):
            send_registration_mail.enqueue(pk, "feedback")
            queued += 1
    return queued


# --- Feedback ------------------------------------------------------------------------------


def _feedback_marker(event: Event, token: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"feedback:{event.pk}:{token}".encode(), hashlib.sha256).hexdigest()


def feedback_allowed(*, event: Event, token: str) -> bool:
    """A confirmed participant of a finished event who has not yet given feedback."""
    if not event.is_past:
        return False
    if not Registration.objects.filter(
        event=event, token=token, status=RegistrationStatus.CONFIRMED
    ).exists():
        return False
    marker = _feedback_marker(event, token)
    return not FeedbackMarker.objects.filter(event=event, token_hash=marker).exists()


@transaction.atomic
def feedback_submit(
    *,
    event: Event,
    token: str,
    rating_overall: int,
    rating_content: int,
    rating_organisation: int,
    rating_usefulness: int,
    comment: str = "",
) -> Feedback:
    """Store anonymous feedback: the row knows only the event and the day; a separate marker
    (keyed hash of the token) prevents a second submission."""
    if not feedback_allowed(event=event, token=token):
        raise ValidationError(
            _("Für diese Veranstaltung können Sie keine Rückmeldung (mehr) geben.")
        )
    try:
        with transaction.atomic():
            FeedbackMarker.objects.create(event=event, token_hash=_feedback_marker(event, token))
    except IntegrityError:
        raise ValidationError(_("Sie haben bereits eine Rückmeldung gegeben.")) from None
    feedback = Feedback(
        event=event,
        submitted_on=timezone.localdate(),
        rating_overall=rating_overall,
        rating_content=rating_content,
        rating_organisation=rating_organisation,
        rating_usefulness=rating_usefulness,
        comment=comment.strip(),
    )
    feedback.full_clean()
    feedback.save()
    return feedback
