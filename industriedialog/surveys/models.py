"""Online surveys: the editable survey with its questions, frozen published versions,
personal invitations, responses and one typed answer row per value (aggregated in the DB)."""

from __future__ import annotations

import datetime
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from industriedialog.common.models import LoggedModel, TimeStampedModel

from .questions import Kind


def new_slug() -> str:
    return secrets.token_urlsafe(9)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def localized(texts: dict | None, language: str | None = None) -> str:
    """The text in the active language, German when there is no translation."""
    texts = texts or {}
    language = (language or get_language() or "de")[:2]
    return texts.get(language) or texts.get("de") or ""


class SurveyQuerySet(models.QuerySet["Survey"]):
    def open_on(self, day: datetime.date) -> SurveyQuerySet:
        return self.filter(state=Survey.State.PUBLISHED).filter(
            Q(closes_on__isnull=True) | Q(closes_on__gte=day)
        )


class Survey(TimeStampedModel, LoggedModel):
    class Mode(models.TextChoices):
        PUBLIC = "public", _("Öffentlicher Link")
        PERSONAL = "personal", _("Persönliche Einladungen (Token)")
        ANONYMOUS = "anonymous", _("Anonym (öffentlicher Link, nichts Persönliches gespeichert)")

    class State(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        PUBLISHED = "published", _("veröffentlicht")
        CLOSED = "closed", _("geschlossen")

    slug = models.SlugField(_("Kurzadresse"), max_length=40, unique=True, default=new_slug)
    title = models.JSONField(_("Titel"), default=dict)
    intro = models.JSONField(_("Einleitung"), default=dict, blank=True)
    mode = models.CharField(_("Teilnahme"), max_length=20, choices=Mode.choices)
    state = models.CharField(
        _("Status"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    closes_on = models.DateField(_("Teilnahme möglich bis einschließlich"), null=True, blank=True)
    is_shared_with_ministry = models.BooleanField(
        _("Ergebnisse für das Ministerium freigeben (nur lesen)"), default=False
    )
    shows_on_initiative_page = models.BooleanField(
        _("Ergebnisse einer Initiative dürfen auf ihrer Seite erscheinen"), default=False
    )
    current_version = models.ForeignKey(
        "SurveyVersion",
        verbose_name=_("veröffentlichte Fassung"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    has_unpublished_changes = models.BooleanField(_("unveröffentlichte Änderungen"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angelegt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("Umfrage")
        verbose_name_plural = _("Umfragen")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return localized(self.title) or f"#{self.pk}"

    @property
    def display_title(self) -> str:
        return localized(self.title)

    @property
    def display_intro(self) -> str:
        return localized(self.intro)

    @property
    def is_anonymous(self) -> bool:
        return self.mode == self.Mode.ANONYMOUS

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.state == self.State.PUBLISHED
            and self.current_version_id is not None
            and (self.closes_on is None or self.closes_on >= today)
        )


class Question(models.Model):
    """The working copy staff edit; publishing freezes all questions into a SurveyVersion."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("Umfrage"), on_delete=models.CASCADE, related_name="questions"
    )
    key = models.CharField(_("Kennung"), max_length=20)
    page = models.PositiveSmallIntegerField(_("Seite"), default=1)
    position = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    kind = models.CharField(_("Fragetyp"), max_length=20, choices=Kind.choices)
    text = models.JSONField(_("Frage"), default=dict)
    help = models.JSONField(_("Hilfetext"), default=dict, blank=True)
    is_required = models.BooleanField(_("Pflichtfrage"), default=False)
    options = models.JSONField(_("Antwortmöglichkeiten"), default=list, blank=True)
    has_other = models.BooleanField(_("„Sonstiges“ mit Freitext"), default=False)
    is_randomised = models.BooleanField(_("Reihenfolge der Antworten zufällig"), default=False)
    min_value = models.DecimalField(
        _("kleinster Wert"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("größter Wert"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    region_level = models.CharField(
        _("Regionsebene"),
        max_length=10,
        blank=True,
        choices=[("state", _("Bundesland")), ("district", _("Kreis"))],
    )
    condition_key = models.CharField(_("nur zeigen, wenn Frage"), max_length=20, blank=True)
    condition_values = models.JSONField(_("diese Antwort hat"), default=list, blank=True)

    class Meta:
        verbose_name = _("Frage")
        verbose_name_plural = _("Fragen")
        ordering = ["page", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "key"], name="surveys_question_unique_key")
        ]

    def __str__(self) -> str:
        return localized(self.text)


class SurveyVersion(models.Model):
    """A published, never again changed definition; responses point to the one they answered."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("Umfrage"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("Fassung"))
    definition = models.JSONField(_("Fragen"), editable=False)
    published_at = models.DateTimeField(_("veröffentlicht am"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("veröffentlicht von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Fassung")
        verbose_name_plural = _("Fassungen")
        ordering = ["survey", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "number"], name="surveys_version_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey} v{self.number}"


class Invitation(TimeStampedModel):
    """A personal link for one address; at most one response per token."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("Umfrage"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("E-Mail"))
    name = models.CharField(_("Name"), max_length=150, blank=True)
    token = models.CharField(_("Token"), max_length=64, unique=True, default=new_token)
    contact = models.ForeignKey(
        "registry.ContactPerson",
        verbose_name=_("Ansprechperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    initiative = models.ForeignKey(
        "registry.Initiative",
        verbose_name=_("Initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("Sprache"), max_length=5, default="de")
    sent_at = models.DateTimeField(_("eingeladen am"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("zuletzt erinnert am"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("Erinnerungen"), default=0)

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "email"], name="surveys_invitation_unique_email"
            )
        ]

    def __str__(self) -> str:
        return self.email


class Response(models.Model):
    """One respondent's answers. Until submitted, answers live in ``draft``; submitting writes
    the typed Answer rows once. Anonymous surveys leave every identifying column empty and keep
    only dates."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("Umfrage"), on_delete=models.CASCADE, related_name="responses"
    )
    version = models.ForeignKey(
        SurveyVersion, verbose_name=_("Fassung"), on_delete=models.PROTECT, related_name="+"
    )
    key = models.UUIDField(_("Schlüssel"), unique=True, default=uuid.uuid4)
    invitation = models.OneToOneField(
        Invitation,
        verbose_name=_("Einladung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="response",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Konto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    initiative = models.ForeignKey(
        "registry.Initiative",
        verbose_name=_("Initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    draft = models.JSONField(_("Zwischenstand"), default=dict, blank=True)
    last_page = models.PositiveSmallIntegerField(_("zuletzt bearbeitete Seite"), default=0)
    started_on = models.DateField(_("begonnen am"))
    submitted_on = models.DateField(_("abgeschickt am"), null=True, blank=True, db_index=True)
    submitted_at = models.DateTimeField(
        _("abgeschickt um"),
        null=True,
        blank=True,
        help_text=_("Bei anonymen Umfragen leer: dort wird nur das Datum gespeichert."),
    )
    is_synthetic = models.BooleanField(_("synthetische Testdaten"), default=False, editable=False)

    class Meta:
        verbose_name = _("Antwortbogen")
        verbose_name_plural = _("Antwortbögen")
        ordering = ["id"]
        indexes = [models.Index(fields=["survey", "submitted_on"])]

    def __str__(self) -> str:
        return str(self.key)

    @property
    def is_submitted(self) -> bool:
        return self.submitted_on is not None


class Answer(models.Model):
    """One value of a submitted response: a chosen option, a matrix cell, a rank, a number, a
    date or a text. ``survey`` is repeated so every result is one indexed GROUP BY."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question_key = models.CharField(max_length=20)
    item = models.CharField(max_length=20, blank=True, default="")
    choice = models.CharField(max_length=40, blank=True, default="")
    number = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    text = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_key", "item", "choice"],
                name="surveys_answer_unique_value",
            )
        ]
        indexes = [
            models.Index(fields=["survey", "question_key", "item", "choice"]),
            models.Index(fields=["survey", "question_key", "number"]),
            models.Index(fields=["response", "question_key"]),
        ]

    def __str__(self) -> str:
        return f"{self.question_key}={self.choice or self.number or self.date or self.text[:20]}"
