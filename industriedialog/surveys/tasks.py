"""Background tasks of the surveys app (django-tasks): they take ids and call a service."""

from __future__ import annotations

from django_tasks import task

from . import services
from .models import Invitation


@task()
def send_invitation(invitation_id: int) -> bool:
    invitation = Invitation.objects.select_related("survey").filter(pk=invitation_id).first()
    if invitation is None:
        return False
    return services.invitation_send(invitation=invitation)


@task()
def send_reminder(invitation_id: int) -> bool:
    invitation = Invitation.objects.select_related("survey").filter(pk=invitation_id).first()
    if invitation is None:
        return False
    return services.reminder_send(invitation=invitation)
