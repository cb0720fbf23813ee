"""Targets and indicators of the service centre's project, frozen reports, and the advisory
board (Fachbeirat). Actual values of computed indicators are never stored here: they come
from the other apps' selectors (``indicators.py``); only issued reports keep a snapshot."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from industriedialog.common.models import LoggedModel, TimeStampedModel

DOCUMENT_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "png", "jpg"]


def _private_storage() -> Any:
    from django.core.files.storage import storages

    return storages["private"]


class Project(TimeStampedModel, LoggedModel):
    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), max_length=80, unique=True)
    client = models.CharField(_("Auftraggeber"), max_length=200, blank=True)
    reference = models.CharField(_("Aktenzeichen"), max_length=100, blank=True)
    starts_on = models.DateField(_("Beginn"))
    ends_on = models.DateField(_("Ende"))

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="project_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Period(models.Model):
    """A reporting period of a project (a year, the whole term, …); targets are per period."""

    project = models.ForeignKey(
        Project, verbose_name=_("Projekt"), on_delete=models.CASCADE, related_name="periods"
    )
    label = models.CharField(_("Bezeichnung"), max_length=100)
    starts_on = models.DateField(_("Beginn"))
    ends_on = models.DateField(_("Ende"))
    is_whole_term = models.BooleanField(_("gesamte Laufzeit"), default=False)

    class Meta:
        verbose_name = _("Berichtszeitraum")
        verbose_name_plural = _("Berichtszeiträume")
        ordering = ["is_whole_term", "starts_on", "ends_on"]
        constraints = [
            models.UniqueConstraint(fields=["project", "label"], name="period_unique_label"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="period_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def dates(self) -> tuple[Any, Any]:
        return (self.starts_on, self.ends_on)


class Task(models.Model):
    """A Teilaufgabe of the service centre (0–7 as in the project description)."""

    project = models.ForeignKey(
        Project, verbose_name=_("Projekt"), on_delete=models.CASCADE, related_name="tasks"
    )
    number = models.PositiveSmallIntegerField(_("Nummer"))
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)

    class Meta:
        verbose_name = _("Teilaufgabe")
        verbose_name_plural = _("Teilaufgaben")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="task_unique_number"),
            models.CheckConstraint(condition=Q(number__lte=7), name="task_number_0_to_7"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Indicator(TimeStampedModel, LoggedModel):
    """A figure with targets: computed from live data (``computation`` names a function in
    ``indicators.COMPUTATIONS``) or, if ``computation`` is empty, entered by staff."""

    task = models.ForeignKey(
        Task, verbose_name=_("Teilaufgabe"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("Bezeichnung"), max_length=200)
    computation = models.CharField(
        _("Berechnung"),
        max_length=60,
        blank=True,
        help_text=_("Leer lassen für eine manuell erfasste Kennzahl (mit Nachweis)."),
    )
    unit = models.CharField(_("Einheit"), max_length=30, blank=True)
    description = models.TextField(_("Erläuterung"), blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")
        ordering = ["task__number", "position", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_manual(self) -> bool:
        return not self.computation

    def get_absolute_url(self) -> str:
        return reverse("reporting:indicator_detail", kwargs={"pk": self.pk})


class Target(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("Kennzahl"), on_delete=models.CASCADE, related_name="targets"
    )
    period = models.ForeignKey(
        Period, verbose_name=_("Zeitraum"), on_delete=models.CASCADE, related_name="targets"
    )
    value = models.DecimalField(_("Zielwert"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("Zielwert")
        verbose_name_plural = _("Zielwerte")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="target_unique"),
            models.CheckConstraint(condition=Q(value__gte=0), name="target_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


class ManualValue(TimeStampedModel):
    """The actual value of a manual indicator for a period, with a note and evidence."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("Kennzahl"),
        on_delete=models.CASCADE,
        related_name="manual_values",
    )
    period = models.ForeignKey(
        Period, verbose_name=_("Zeitraum"), on_delete=models.CASCADE, related_name="+"
    )
    value = models.DecimalField(_("Istwert"), max_digits=12, decimal_places=2)
    note = models.TextField(_("Vermerk"), help_text=_("Woher stammt der Wert?"))
    evidence = models.FileField(
        _("Nachweis"),
        upload_to="reporting/evidence/",
        storage=_private_storage,
        blank=True,
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erfasst von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("manueller Wert")
        verbose_name_plural = _("manuelle Werte")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="manual_value_unique"),
            models.CheckConstraint(condition=Q(value__gte=0), name="manual_value_not_negative"),
        ]


class Report(TimeStampedModel, LoggedModel):
    """An interim or final report for a period. Issuing freezes the figures into
    ``snapshot`` and renders PDF and DOCX from it once; later data changes alter nothing."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("Zwischenbericht")
        FINAL = "final", _("Abschlussbericht")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        RENDERING = "rendering", _("wird erzeugt")
        ISSUED = "issued", _("ausgestellt")
        FAILED = "failed", _("Erzeugung fehlgeschlagen")

    project = models.ForeignKey(
        Project, verbose_name=_("Projekt"), on_delete=models.PROTECT, related_name="reports"
    )
    period = models.ForeignKey(
        Period, verbose_name=_("Berichtszeitraum"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("Titel"), max_length=200)
    texts = models.JSONField(_("Texte"), default=dict, blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    snapshot = models.JSONField(_("eingefrorene Zahlen"), null=True, blank=True, editable=False)
    pdf = models.FileField(
        _("PDF"), upload_to="reporting/reports/", storage=_private_storage, blank=True
    )
    docx = models.FileField(
        _("DOCX"), upload_to="reporting/reports/", storage=_private_storage, blank=True
    )
    error = models.TextField(_("Fehler"), blank=True)
    issued_at = models.DateTimeField(_("ausgestellt am"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ausgestellt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Bericht")
        verbose_name_plural = _("Berichte")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reporting:report_detail", kwargs={"pk": self.pk})

    @property
    def is_frozen(self) -> bool:
        return self.status != self.Status.DRAFT and self.status != self.Status.FAILED


# --- Advisory board (Fachbeirat) ------------------------------------------------------------


class BoardMember(TimeStampedModel):
    name = models.CharField(_("Name"), max_length=150)
    organisation = models.CharField(_("Organisation"), max_length=200)
    role = models.CharField(
        _("Funktion im Fachbeirat"), max_length=100, help_text=_("z. B. Vorsitz, Mitglied")
    )
    email = models.EmailField(_("E-Mail"), blank=True)
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        verbose_name = _("Mitglied des Fachbeirats")
        verbose_name_plural = _("Mitglieder des Fachbeirats")
        ordering = ["-is_active", "name"]

    def __str__(self) -> str:
        return self.name


class BoardMeeting(TimeStampedModel, LoggedModel):
    title = models.CharField(_("Titel"), max_length=200)
    held_on = models.DateField(_("Datum"))
    location = models.CharField(_("Ort"), max_length=200, blank=True)
    attendees = models.ManyToManyField(
        BoardMember, verbose_name=_("Teilnehmende"), blank=True, related_name="meetings"
    )
    minutes = models.TextField(_("Protokoll"), blank=True)

    class Meta:
        verbose_name = _("Sitzung des Fachbeirats")
        verbose_name_plural = _("Sitzungen des Fachbeirats")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reporting:meeting_detail", kwargs={"pk": self.pk})


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        BoardMeeting, verbose_name=_("Sitzung"), on_delete=models.CASCADE, related_name="agenda"
    )
    position = models.PositiveSmallIntegerField(_("TOP"))
    title = models.CharField(_("Thema"), max_length=255)
    presenter = models.CharField(_("Vortragende Person"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnung")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_unique_position")
        ]

    def __str__(self) -> str:
        return f"TOP {self.position}: {self.title}"


class BoardDocument(TimeStampedModel):
    meeting = models.ForeignKey(
        BoardMeeting,
        verbose_name=_("Sitzung"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("Titel"), max_length=255)
    file = models.FileField(
        _("Datei"),
        upload_to="reporting/board/",
        storage=_private_storage,
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)],
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hochgeladen von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Sitzungsunterlage")
        verbose_name_plural = _("Sitzungsunterlagen")
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class Decision(TimeStampedModel, LoggedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        IN_PROGRESS = "in_progress", _("in Arbeit")
        DONE = "done", _("erledigt")

    meeting = models.ForeignKey(
        BoardMeeting,
        verbose_name=_("Sitzung"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    text = models.TextField(_("Beschluss"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zuständig"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_on = models.DateField(_("fällig am"), null=True, blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    follow_up = models.TextField(_("Umsetzung / Nachverfolgung"), blank=True)

    class Meta:
        verbose_name = _("Beschluss")
        verbose_name_plural = _("Beschlüsse")
        ordering = ["status", "due_on", "id"]

    def __str__(self) -> str:
        return self.text[:80]
