from __future__ import annotations

import datetime
import secrets
from typing import Any

import factory
from django.utils import timezone

from industriedialog.events import services
from industriedialog.events.models import Event, PlanningTask, Registration
from industriedialog.events.vocabularies import EventKind, RegistrationStatus
from industriedialog.registry.models import EventFormat


def event_format(code: str) -> EventFormat:
    from industriedialog.registry.services import vocabularies_ensure

    vocabularies_ensure()  # transactional browser tests flush the vocabulary tables
    return EventFormat.objects.get(code=code)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Dialogveranstaltung {n}")
    slug = factory.Sequence(lambda n: f"dialogveranstaltung-{n}")
    kind = EventKind.REGIONAL_DIALOGUE
    venue_name = "Rathaus"
    venue_address = "Marktplatz 1, 99084 Erfurt"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))
    capacity = 2


def registration(event: Event, email: str | None = None, **kwargs: Any) -> Registration:
    """A registration through the service, as the form submits it (unconfirmed)."""
    email = email or f"person-{secrets.token_hex(4)}@example.org"
    created, _ = services.registration_submit(
        event=event, name=kwargs.pop("name", "Erika Muster"), email=email, **kwargs
    )
    return created


def confirmed(event: Event, email: str | None = None, **kwargs: Any) -> Registration:
    """A registration whose e-mail address was confirmed (place or waitlist)."""
    result = services.registration_confirm(token=registration(event, email, **kwargs).token)
    assert result is not None
    return result


def attended(event: Event, **kwargs: Any) -> Registration:
    """A confirmed participant who was checked in (the event may lie in the past)."""
    email = kwargs.pop("email", f"person-{secrets.token_hex(4)}@example.org")
    return Registration.objects.create(
        event=event,
        name=kwargs.pop("name", "Erika Muster"),
        email=email,
        email_normalised=email.lower(),
        token=secrets.token_urlsafe(32),
        status=RegistrationStatus.CONFIRMED,
        attended_at=event.starts_at,
        **kwargs,
    )


class PlanningTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanningTask

    event = factory.SubFactory(EventFactory)
    title = "Raum buchen"
    due_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
