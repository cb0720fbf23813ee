"""Fixed vocabularies of the events module; formats and target groups come from the registry."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    REGIONAL_DIALOGUE = "regional_dialogue", _("Regionale Dialogveranstaltung")
    NETWORK_MEETING = "network_meeting", _("Netzwerktreffen")
    WEBINAR = "webinar", _("Webinar")
    WORKSHOP = "workshop", _("Workshop")
    ADVISORY_BOARD = "advisory_board", _("Fachbeiratssitzung")
    KICK_OFF = "kick_off", _("Kick-off")
    CLOSING_WORKSHOP = "closing_workshop", _("Abschlussworkshop")


class RegistrationStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("E-Mail noch nicht bestätigt")
    CONFIRMED = "confirmed", _("angemeldet")
    WAITLISTED = "waitlisted", _("auf der Warteliste")
    CANCELLED = "cancelled", _("abgemeldet")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("offen")
    IN_PROGRESS = "in_progress", _("in Arbeit")
    DONE = "done", _("erledigt")


RATING_CHOICES = [(i, str(i)) for i in range(1, 6)]
