"""Registration rules (double opt-in, capacity, waitlist), planning, feedback, reminders."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from industriedialog.events import services
from industriedialog.events.models import Feedback, FeedbackMarker, PlanningTask, Registration
from industriedialog.events.tests.factories import (
    EventFactory,
    attended,
    confirmed,
    event_format,
    registration,
)
from industriedialog.events.vocabularies import RegistrationStatus

pytestmark = pytest.mark.django_db


def _status(event):  # type: ignore[no-untyped-def]
    return sorted(event.registrations.values_list("email", "status"))


def test_a_registration_holds_no_place_until_the_email_is_confirmed():
    event = EventFactory(capacity=1)
    first = registration(event, "a@example.org")
    second = registration(event, "b@example.org")
    assert first.status == second.status == RegistrationStatus.UNCONFIRMED
    # b confirms first and gets the only place; a confirms later and waits.
    assert services.registration_confirm(token=second.token).status == "confirmed"
    assert services.registration_confirm(token=first.token).status == "waitlisted"


def test_the_confirmation_email_carries_the_link_and_confirmation_sends_an_ics():
    event = EventFactory(capacity=1, title="Zukunftswerkstatt Stuttgart")
    reg = registration(event, "a@example.org")
    assert len(mail.outbox) == 1
    assert f"/anmeldung/{reg.token}/bestaetigen/" in mail.outbox[0].body
    services.registration_confirm(token=reg.token)
    confirmation = mail.outbox[-1]
    assert "Anmeldung bestätigt" in confirmation.subject
    name, content, mimetype = confirmation.attachments[0]
    assert mimetype == "text/calendar"
    assert "SUMMARY:Zukunftswerkstatt Stuttgart" in str(content)
    assert f"/anmeldung/{reg.token}/stornieren/" in confirmation.body


def test_capacity_is_never_exceeded_and_the_rest_join_the_waitlist_in_order():
    event = EventFactory(capacity=2)
    results = [confirmed(event, f"p{i}@example.org").status for i in range(5)]
    assert results == ["confirmed", "confirmed", "waitlisted", "waitlisted", "waitlisted"]
    assert "Warteliste" in mail.outbox[-1].subject


def test_a_repeated_submit_returns_the_same_registration():
    event = EventFactory()
    first, created = services.registration_submit(
        event=event, name="Erika", email="Erika@Example.org"
    )
    again, created_again = services.registration_submit(
        event=event, name="Erika", email=" erika@example.org "
    )
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert Registration.objects.count() == 1


def test_after_cancelling_one_may_register_again():
    event = EventFactory()
    reg = confirmed(event, "a@example.org")
    services.registration_cancel(registration=reg)
    again, created = services.registration_submit(event=event, name="A", email="a@example.org")
    assert created and again.pk != reg.pk


def test_cancelling_moves_the_first_waiting_person_up_and_emails_them():
    event = EventFactory(capacity=1)
    holder = confirmed(event, "holder@example.org")
    first_waiting = confirmed(event, "first@example.org")
    confirmed(event, "second@example.org")
    mail.outbox.clear()
    moved = services.registration_cancel(registration=holder)
    assert [m.email for m in moved] == ["first@example.org"]
    assert _status(event) == [
        ("first@example.org", "confirmed"),
        ("holder@example.org", "cancelled"),
        ("second@example.org", "waitlisted"),
    ]
    assert [m.to for m in mail.outbox] == [["first@example.org"]]
    assert "Platz frei geworden" in mail.outbox[0].subject
    first_waiting.refresh_from_db()
    assert first_waiting.waitlisted_at is None


def test_cancelling_a_waitlisted_registration_moves_nobody_up():
    event = EventFactory(capacity=1)
    confirmed(event, "holder@example.org")
    waiting = confirmed(event, "w@example.org")
    assert services.registration_cancel(registration=waiting) == []


def test_more_places_move_waiting_people_up():
    event = EventFactory(capacity=1)
    confirmed(event, "a@example.org")
    confirmed(event, "b@example.org")
    confirmed(event, "c@example.org")
    services.event_update(event=event, actor=None, capacity=2)
    assert _status(event) == [
        ("a@example.org", "confirmed"),
        ("b@example.org", "confirmed"),
        ("c@example.org", "waitlisted"),
    ]


def test_a_second_click_on_the_confirmation_link_changes_nothing():
    event = EventFactory(capacity=1)
    reg = registration(event, "a@example.org")
    services.registration_confirm(token=reg.token)
    sent = len(mail.outbox)
    assert services.registration_confirm(token=reg.token).status == "confirmed"
    assert len(mail.outbox) == sent


def test_registration_is_refused_when_the_window_is_closed():
    event = EventFactory(registration_closes_at=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError, match="keine Anmeldung"):
        registration(event)


def test_invitation_only_events_need_the_personal_token():
    event = EventFactory(is_public=False)
    with pytest.raises(ValidationError, match="persönlicher Einladung"):
        registration(event)
    [invitation] = services.invitations_create(
        event=event, actor=None, emails=["gast@example.org", "GAST@example.org"]
    )
    assert "?einladung=" + invitation.token in mail.outbox[-1].body
    reg = registration(event, "gast@example.org", invitation_token=invitation.token)
    assert reg.invitation == invitation


def test_creating_an_event_generates_its_planning_tasks_from_the_format_template():
    future_workshop = event_format("future_workshop")
    services.planning_template_save(
        format=future_workshop,
        actor=None,
        note="",
        tasks=[(-70, "Raum buchen"), (-42, "Einladungen versenden"), (14, "Dokumentation")],
    )
    event = services.event_create(
        actor=None,
        title="Zukunftswerkstatt",
        slug="zukunftswerkstatt",
        kind="workshop",
        format=future_workshop,
        venue_name="Haus der Wirtschaft",
        starts_at=datetime.datetime(2027, 3, 10, 10, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2027, 3, 10, 16, tzinfo=datetime.UTC),
        capacity=30,
    )
    assert list(event.planning_tasks.values_list("title", "due_on")) == [
        ("Raum buchen", datetime.date(2026, 12, 30)),
        ("Einladungen versenden", datetime.date(2027, 1, 27)),
        ("Dokumentation", datetime.date(2027, 3, 24)),
    ]


def test_an_event_needs_a_venue_unless_it_is_online():
    with pytest.raises(ValidationError) as error:
        services.event_create(
            actor=None,
            title="Ohne Ort",
            slug="ohne-ort",
            kind="workshop",
            starts_at=timezone.now(),
            ends_at=timezone.now(),
            capacity=10,
        )
    assert "venue_name" in error.value.message_dict


def test_check_in_only_for_confirmed_registrations():
    event = EventFactory(capacity=1)
    confirmed(event)
    waiting = confirmed(event)
    with pytest.raises(ValidationError):
        services.registration_check_in(registration=waiting, actor=None, attended=True)


def test_feedback_is_anonymous_and_possible_once_per_participant():
    event = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2) + datetime.timedelta(hours=2),
    )
    participant = attended(event)
    ratings = {
        "rating_overall": 5,
        "rating_content": 4,
        "rating_organisation": 3,
        "rating_usefulness": 4,
    }
    feedback = services.feedback_submit(event=event, token=participant.token, **ratings)
    with pytest.raises(ValidationError):
        services.feedback_submit(event=event, token=participant.token, **ratings)
    assert Feedback.objects.count() == 1
    # Nothing on the row points to the person: only event, day, ratings, comment.
    names = {f.name for f in Feedback._meta.get_fields()}
    assert names == {"id", "event", "submitted_on", *ratings, "comment"}
    assert isinstance(feedback.submitted_on, datetime.date)
    marker = FeedbackMarker.objects.get()
    assert participant.token not in marker.token_hash


def test_feedback_is_refused_before_the_event_and_for_unknown_tokens():
    event = EventFactory()
    reg = confirmed(event)
    assert not services.feedback_allowed(event=event, token=reg.token)
    past = EventFactory(starts_at=timezone.now() - datetime.timedelta(days=1))
    assert not services.feedback_allowed(event=past, token="erfunden")


def test_reminders_go_out_once_before_the_event():
    soon = EventFactory(starts_at=timezone.now() + datetime.timedelta(hours=30))
    later = EventFactory(starts_at=timezone.now() + datetime.timedelta(days=10))
    confirmed(soon, "soon@example.org")
    confirmed(later, "later@example.org")
    mail.outbox.clear()
    assert services.reminders_schedule() == 1
    assert services.reminders_schedule() == 0
    assert [m.to for m in mail.outbox] == [["soon@example.org"]]
    assert "Erinnerung" in mail.outbox[0].subject


def test_feedback_invitations_go_to_participants_after_the_event():
    past = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(hours=5),
        ends_at=timezone.now() - datetime.timedelta(hours=2),
    )
    participant = attended(past, email="p@example.org")
    assert services.reminders_schedule() == 1
    assert f"/rueckmeldung/{participant.token}/" in mail.outbox[-1].body


def test_message_to_all_participants_reaches_only_confirmed_people():
    event = EventFactory(capacity=1)
    confirmed(event, "in@example.org")
    confirmed(event, "waiting@example.org")
    mail.outbox.clear()
    assert (
        services.participants_message_send(
            event=event, actor=None, subject="Anfahrt", body="Bitte Eingang B nutzen."
        )
        == 1
    )
    assert [m.to for m in mail.outbox] == [["in@example.org"]]
    assert "Eingang B" in mail.outbox[0].body


def test_planning_task_done_records_the_time():
    event = EventFactory()
    task = PlanningTask.objects.create(event=event, title="Raum", due_on=timezone.localdate())
    task = services.planning_task_update(
        task=task, actor=None, status="done", owner=None, due_on=task.due_on
    )
    assert task.done_at is not None
