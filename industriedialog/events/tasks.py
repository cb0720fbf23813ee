"""Background tasks of the events module (django-tasks): ids in, a service does the work."""

from __future__ import annotations

from django_tasks import task

from . import services
from .models import Event, Invitation, Registration


@task()
def send_registration_mail(registration_id: int, kind: str) -> bool:
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.status == "cancelled":
        return False
    services.registration_mail_send(registration=registration, kind=kind)
    return True


@task()
def send_invitation(invitation_id: int) -> bool:
    invitation = Invitation.objects.select_related("event").filter(pk=invitation_id).first()
    if invitation is None:
        return False
    services.invitation_send(invitation=invitation)
    return True


@task()
def send_participants_message(event_id: int, subject: str, body: str) -> int:
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    return services.participants_message_deliver(event=event, subject=subject, body=body)
