"""Events: dialogue events, network meetings and webinars with registration, waitlist,
attendance, anonymous feedback and a planning timeline per event.

Capacity rule (double opt-in): a registration holds no place until its e-mail address is
confirmed. Confirmation locks the event row and either takes a free place (``confirmed``)
or joins the waitlist (``waitlisted``); unconfirmed registrations never count.
"""

from __future__ import annotations

import zoneinfo
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string

from industriedialog.common.models import LoggedModel, TimeStampedModel
from industriedialog.regions.models import District, State
from industriedialog.registry.models import EventFormat, Initiative, TargetGroup

from .vocabularies import EventKind, RegistrationStatus, TaskStatus

TIME_ZONE_CHOICES = [
    (name, name) for name in ("Europe/Berlin", "UTC", "Europe/London", "America/New_York")
]


class EventQuerySet(models.QuerySet["Event"]):
    def published(self) -> EventQuerySet:
        return self.filter(is_published=True)

    def upcoming(self, now: Any = None) -> EventQuerySet:
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now: Any = None) -> EventQuerySet:
        return self.filter(ends_at__lt=now or timezone.now())


class Event(TimeStampedModel, LoggedModel):
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), max_length=120, unique=True)
    kind = models.CharField(_("Art"), max_length=30, choices=EventKind.choices, db_index=True)
    format = models.ForeignKey(
        EventFormat,
        verbose_name=_("Format"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("Zielgruppen"), blank=True, related_name="events"
    )
    state = models.ForeignKey(
        State,
        verbose_name=_("Bundesland"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("Kreis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    is_online = models.BooleanField(_("online"), default=False, db_index=True)
    online_url = models.URLField(
        _("Zugangslink"), blank=True, help_text=_("Wird nur angemeldeten Personen geschickt.")
    )
    venue_name = models.CharField(_("Veranstaltungsort"), max_length=200, blank=True)
    venue_address = models.CharField(_("Adresse"), max_length=255, blank=True)
    venue_accessibility = models.TextField(
        _("Barrierefreiheit des Ortes"),
        blank=True,
        help_text=_("z. B. stufenloser Zugang, Induktionsschleife, barrierefreies WC."),
    )
    starts_at = models.DateTimeField(_("Beginn"), db_index=True)
    ends_at = models.DateTimeField(_("Ende"), db_index=True)
    time_zone = models.CharField(
        _("Zeitzone"), max_length=40, choices=TIME_ZONE_CHOICES, default="Europe/Berlin"
    )
    organiser = models.ForeignKey(
        Initiative,
        verbose_name=_("Veranstaltet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
    )
    partners = models.ManyToManyField(
        Initiative,
        verbose_name=_("Partner-Initiativen"),
        blank=True,
        related_name="partner_events",
    )
    capacity = models.PositiveIntegerField(
        _("Plätze"), validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    registration_opens_at = models.DateTimeField(_("Anmeldung ab"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("Anmeldung bis"), null=True, blank=True)
    is_public = models.BooleanField(
        _("öffentliche Anmeldung"),
        default=True,
        help_text=_("Ohne Haken können sich nur persönlich eingeladene Personen anmelden."),
    )
    is_published = models.BooleanField(_("im Kalender veröffentlicht"), default=True)
    speakers = models.TextField(_("Referentinnen und Referenten"), blank=True)
    recording_url = models.URLField(_("Aufzeichnung"), blank=True)
    materials: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        get_document_model_string(),
        verbose_name=_("Material"),
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angelegt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["is_published", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("Das Ende liegt vor dem Beginn.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at < self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Das Anmeldeende liegt vor dem Anmeldebeginn.")
        if not self.is_online and not self.venue_name:
            errors["venue_name"] = _("Bitte einen Veranstaltungsort angeben oder „online“ wählen.")
        if self.district is not None and self.state_id and self.district.state_id != self.state_id:
            errors["district"] = _("Der Kreis liegt nicht im gewählten Bundesland.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self) -> Any:
        return timezone.localtime(self.starts_at, self.tz)

    @property
    def local_end(self) -> Any:
        return timezone.localtime(self.ends_at, self.tz)

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    def registration_is_open(self, now: Any = None) -> bool:
        now = now or timezone.now()
        if self.starts_at <= now:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return not (self.registration_closes_at and now > self.registration_closes_at)


class ProgrammeItem(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("Veranstaltung"), on_delete=models.CASCADE, related_name="programme"
    )
    starts_at = models.TimeField(_("Uhrzeit"))
    title = models.CharField(_("Programmpunkt"), max_length=255)

    class Meta:
        verbose_name = _("Programmpunkt")
        verbose_name_plural = _("Programm")
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M} {self.title}"


class Invitation(TimeStampedModel):
    """A personal invitation to an invitation-only event; its token opens the registration."""

    event = models.ForeignKey(
        Event, verbose_name=_("Veranstaltung"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("E-Mail"))
    token = models.CharField(max_length=64, unique=True, editable=False)
    sent_at = models.DateTimeField(_("versandt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="invitation_one_per_address")
        ]

    def __str__(self) -> str:
        return self.email


class Registration(TimeStampedModel):
    event = models.ForeignKey(
        Event,
        verbose_name=_("Veranstaltung"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("Name"), max_length=150)
    email = models.EmailField(_("E-Mail"))
    # Lower-cased address: the key that makes a repeated submit find the same registration.
    email_normalised = models.CharField(max_length=254, editable=False)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("Initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    role = models.CharField(_("Funktion"), max_length=150, blank=True)
    accessibility_needs = models.TextField(_("Bedarfe zur Barrierefreiheit"), blank=True)
    consents_to_list = models.BooleanField(_("in der Teilnehmendenliste sichtbar"), default=False)
    status = models.CharField(
        _("Stand"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.UNCONFIRMED,
        db_index=True,
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    invitation = models.ForeignKey(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="registrations"
    )
    language = models.CharField(max_length=10, default="de", editable=False)
    confirmed_at = models.DateTimeField(_("E-Mail bestätigt am"), null=True, blank=True)
    # Position on the waitlist: the time the person joined it.
    waitlisted_at = models.DateTimeField(_("auf der Warteliste seit"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("abgemeldet am"), null=True, blank=True)
    attended_at = models.DateTimeField(_("anwesend (Check-in)"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("Erinnerung gesendet am"), null=True, blank=True)
    feedback_invited_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email_normalised"],
                condition=~Q(status="cancelled"),
                name="registration_one_active_per_address",
            )
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        return f"{self.name} – {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status in {RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED}


class Feedback(models.Model):
    """Anonymous feedback: no link to a registration or person, only the day it came in."""

    event = models.ForeignKey(
        Event, verbose_name=_("Veranstaltung"), on_delete=models.CASCADE, related_name="feedback"
    )
    submitted_on = models.DateField(_("eingegangen am"))
    rating_overall = models.PositiveSmallIntegerField(
        _("Gesamteindruck"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_content = models.PositiveSmallIntegerField(
        _("Inhalte"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_organisation = models.PositiveSmallIntegerField(
        _("Organisation"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_usefulness = models.PositiveSmallIntegerField(
        _("Nutzen für die eigene Arbeit"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("Anmerkungen"), blank=True)

    class Meta:
        verbose_name = _("Rückmeldung")
        verbose_name_plural = _("Rückmeldungen")
        ordering = ["submitted_on"]

    def __str__(self) -> str:
        return f"{self.event} ({self.submitted_on:%d.%m.%Y})"


class FeedbackMarker(models.Model):
    """Marks "this participant has given feedback": a keyed hash of the registration token, stored
    apart from the feedback so neither points to the other."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "token_hash"], name="feedback_once_per_token")
        ]

    def __str__(self) -> str:
        return self.token_hash[:8]


class PlanningTemplate(TimeStampedModel, LoggedModel):
    """The event-planning guide for one format: tasks with offsets from the event date."""

    format = models.OneToOneField(
        EventFormat,
        verbose_name=_("Format"),
        on_delete=models.CASCADE,
        related_name="planning_template",
    )
    note = models.TextField(_("Hinweise"), blank=True)

    class Meta:
        verbose_name = _("Planungsvorlage")
        verbose_name_plural = _("Planungsvorlagen")
        ordering = ["format__code"]

    def __str__(self) -> str:
        return str(self.format)


class PlanningTemplateTask(models.Model):
    template = models.ForeignKey(PlanningTemplate, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("Aufgabe"), max_length=200)
    offset_days = models.IntegerField(
        _("Tage zum Termin"),
        validators=[MinValueValidator(-730), MaxValueValidator(365)],
        help_text=_("Negativ: vor der Veranstaltung, positiv: danach."),
    )

    class Meta:
        verbose_name = _("Vorlagen-Aufgabe")
        verbose_name_plural = _("Vorlagen-Aufgaben")
        ordering = ["offset_days", "id"]

    def __str__(self) -> str:
        return self.title


class PlanningTask(TimeStampedModel):
    event = models.ForeignKey(
        Event,
        verbose_name=_("Veranstaltung"),
        on_delete=models.CASCADE,
        related_name="planning_tasks",
    )
    title = models.CharField(_("Aufgabe"), max_length=200)
    due_on = models.DateField(_("fällig am"), db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zuständig"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_planning_tasks",
    )
    status = models.CharField(
        _("Stand"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    done_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Planungsaufgabe")
        verbose_name_plural = _("Planungsaufgaben")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status != TaskStatus.DONE and self.due_on < timezone.localdate()
