"""The founding pipeline: one case per prospective initiative, from first contact to the
registry entry."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from industriedialog.common.models import LoggedModel, TimeStampedModel
from industriedialog.regions.models import District
from industriedialog.registry.models import FieldOfAction, Initiative, Organisation
from industriedialog.registry.vocabularies import Level, OrganisationKind


def _private_storage() -> Any:
    from django.core.files.storage import storages

    return storages["private"]


class Stage(models.TextChoices):
    FIRST_CONTACT = "first_contact", _("Erstkontakt")
    FIRST_MEETING = "first_meeting", _("Erstgespräch")
    WORKSHOP = "workshop", _("Workshop")
    DECLARATION = "declaration", _("Gründungserklärung in Vorbereitung")
    FOUNDED = "founded", _("gegründet")
    STOPPED = "stopped", _("ruhend/abgebrochen")


OPEN_STAGES = (Stage.FIRST_CONTACT, Stage.FIRST_MEETING, Stage.WORKSHOP, Stage.DECLARATION)


class FoundingCaseQuerySet(models.QuerySet["FoundingCase"]):
    def open(self) -> FoundingCaseQuerySet:
        return self.filter(stage__in=OPEN_STAGES)


class FoundingCase(TimeStampedModel, LoggedModel):
    """A prospective initiative the service centre accompanies."""

    name = models.CharField(
        _("Arbeitstitel"), max_length=255, help_text=_("Name der künftigen Initiative.")
    )
    level = models.CharField(
        _("Ebene"),
        max_length=20,
        choices=[
            (Level.REGION, Level.REGION.label),
            (Level.MUNICIPALITY, Level.MUNICIPALITY.label),
        ],
        default=Level.REGION,
    )
    districts = models.ManyToManyField(
        District,
        verbose_name=_("Kreise"),
        related_name="founding_cases",
        limit_choices_to={"successor__isnull": True},
    )
    stage = models.CharField(
        _("Phase"), max_length=20, choices=Stage.choices, default=Stage.FIRST_CONTACT, db_index=True
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zuständig"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="founding_cases",
    )
    notes = models.TextField(_("Notizen"), blank=True)
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("Eintrag im Verzeichnis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="founding_cases",
        help_text=_(
            "Falls die Initiative schon als „in Gründung“ im Verzeichnis steht; sonst legt "
            "„gegründet“ den Eintrag an."
        ),
    )
    founded_on = models.DateField(_("gegründet am"), null=True, blank=True)

    objects = FoundingCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("Gründungsfall")
        verbose_name_plural = _("Gründungsfälle")
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("advisory:case_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES


class PartnerResponse(models.TextChoices):
    ASKED = "asked", _("angesprochen")
    INTERESTED = "interested", _("interessiert")
    COMMITTED = "committed", _("macht mit")
    DECLINED = "declined", _("abgesagt")


class FoundingPartner(TimeStampedModel):
    """A partner approached for the new initiative; those who commit become members."""

    case = models.ForeignKey(
        FoundingCase,
        verbose_name=_("Gründungsfall"),
        on_delete=models.CASCADE,
        related_name="partners",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Organisation im Verzeichnis"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="founding_partnerships",
    )
    name = models.CharField(
        _("Name"), max_length=255, blank=True, help_text=_("Nur nötig ohne Organisation.")
    )
    kind = models.CharField(_("Art"), max_length=30, choices=OrganisationKind.choices, blank=True)
    response = models.CharField(
        _("Stand"), max_length=20, choices=PartnerResponse.choices, default=PartnerResponse.ASKED
    )
    note = models.CharField(_("Notiz"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("angesprochener Partner")
        verbose_name_plural = _("angesprochene Partner")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False)
                | (~models.Q(name="") & ~models.Q(kind="")),
                name="founding_partner_named",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.organisation.name if self.organisation_id else self.name  # type: ignore[union-attr]

    @property
    def organisation_kind(self) -> str:
        return self.organisation.kind if self.organisation_id else self.kind  # type: ignore[union-attr]

    @property
    def actor_group_label(self) -> str:
        from industriedialog.registry.vocabularies import ACTOR_GROUP_OF_KIND, ActorGroup

        group = ACTOR_GROUP_OF_KIND.get(self.organisation_kind)
        return str(ActorGroup(group).label) if group else ""


class FoundingStepQuerySet(models.QuerySet["FoundingStep"]):
    def open(self) -> FoundingStepQuerySet:
        return self.filter(done_at__isnull=True)


class FoundingStep(TimeStampedModel):
    """A next step with due date and owner."""

    case = models.ForeignKey(
        FoundingCase,
        verbose_name=_("Gründungsfall"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    title = models.CharField(_("Nächster Schritt"), max_length=255)
    due_on = models.DateField(_("fällig am"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zuständig"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="founding_steps",
    )
    done_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)

    objects = FoundingStepQuerySet.as_manager()

    class Meta:
        verbose_name = _("Schritt")
        verbose_name_plural = _("Schritte")
        ordering = ["done_at", "due_on", "id"]

    def __str__(self) -> str:
        return self.title


class FoundingDocument(TimeStampedModel):
    case = models.ForeignKey(
        FoundingCase,
        verbose_name=_("Gründungsfall"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("Titel"), max_length=255)
    file = models.FileField(
        _("Datei"),
        upload_to="advisory/founding/",
        storage=_private_storage,
        validators=[
            FileExtensionValidator(["pdf", "docx", "xlsx", "pptx", "odt", "ods", "png", "jpg"])
        ],
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hochgeladen von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


# --- Advice log ------------------------------------------------------------------------------


class ConsultationKind(models.TextChoices):
    TELEPHONE = "telephone", _("Telefon")
    EMAIL = "email", _("E-Mail")
    VIDEO_CALL = "video_call", _("Videokonferenz")
    ON_SITE = "on_site", _("Vor-Ort-Besuch")
    WORKSHOP = "workshop", _("Workshop")
    NETWORK_MEETING = "network_meeting", _("Netzwerktreffen")


class ConsultationQuerySet(models.QuerySet["Consultation"]):
    def in_period(self, start: datetime.date, end: datetime.date) -> ConsultationQuerySet:
        """Consultations held from ``start`` to ``end``, both days included."""
        return self.filter(date__gte=start, date__lte=end)

    def follow_ups_open(self) -> ConsultationQuerySet:
        return self.exclude(follow_up="").filter(follow_up_done_at__isnull=True)

    def follow_ups_overdue(self, today: datetime.date) -> ConsultationQuerySet:
        return self.follow_ups_open().filter(follow_up_due_on__lt=today)


class Consultation(TimeStampedModel, LoggedModel):
    """One consultation of the service centre: a call, a mail, a visit, a workshop, ...

    It concerns one or more registry initiatives and/or a founding case and/or an
    organisation (at least one of them, checked in ``services.consultation_save``)."""

    kind = models.CharField(_("Art"), max_length=20, choices=ConsultationKind.choices)
    date = models.DateField(_("Datum"), db_index=True)
    duration_minutes = models.PositiveIntegerField(
        _("Dauer (Minuten)"),
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
        help_text=_("Zum Beispiel 30 für eine halbe Stunde."),
    )
    staff_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beraten von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
    )
    initiatives = models.ManyToManyField(
        Initiative, verbose_name=_("Initiativen"), blank=True, related_name="consultations"
    )
    founding_case = models.ForeignKey(
        FoundingCase,
        verbose_name=_("Gründungsfall"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
    )
    contact_persons = models.ManyToManyField(
        "registry.ContactPerson",
        verbose_name=_("Ansprechpersonen"),
        blank=True,
        related_name="consultations",
    )
    other_participants = models.CharField(
        _("weitere Gesprächspartner"),
        max_length=500,
        blank=True,
        help_text=_("Namen von Personen ohne Eintrag als Ansprechperson, durch Komma getrennt."),
    )
    topics = models.ManyToManyField(
        FieldOfAction, verbose_name=_("Themen (Handlungsfelder)"), blank=True, related_name="+"
    )
    summary = models.TextField(_("Zusammenfassung"))
    outcome = models.TextField(_("Ergebnis"), blank=True)
    follow_up = models.CharField(_("Nachfassen"), max_length=255, blank=True)
    follow_up_due_on = models.DateField(_("Nachfassen fällig am"), null=True, blank=True)
    follow_up_done_at = models.DateTimeField(_("Nachfassen erledigt am"), null=True, blank=True)
    anonymised_at = models.DateTimeField(
        _("personenbezogene Daten entfernt am"), null=True, blank=True
    )

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Beratung")
        verbose_name_plural = _("Beratungen")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["follow_up_done_at", "follow_up_due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(follow_up="") | models.Q(follow_up_due_on__isnull=False),
                name="consultation_follow_up_has_due_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("advisory:consultation_detail", kwargs={"pk": self.pk})

    @property
    def has_follow_up(self) -> bool:
        return bool(self.follow_up)

    def follow_up_is_overdue(self, today: datetime.date | None = None) -> bool:
        from django.utils import timezone

        today = today or timezone.localdate()
        return (
            bool(self.follow_up)
            and self.follow_up_done_at is None
            and self.follow_up_due_on is not None
            and self.follow_up_due_on < today
        )


class RetentionRun(models.Model):
    """One run of the advice log's retention rule: what it removed, for the staff log."""

    started_at = models.DateTimeField(_("ausgeführt am"), auto_now_add=True)
    cutoff = models.DateField(_("Stichtag"), help_text=_("Daten bis einschließlich dieses Tags."))
    dry_run = models.BooleanField(_("nur Probelauf"), default=False)
    triggered_by = models.CharField(_("ausgelöst durch"), max_length=255, blank=True)
    counts = models.JSONField(_("Ergebnis"), default=dict)

    class Meta:
        verbose_name = _("Löschlauf")
        verbose_name_plural = _("Löschläufe")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.cutoff})"
