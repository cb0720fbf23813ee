"""The founding pipeline: one case per prospective initiative, from first contact to the
registry entry."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from industriedialog.common.models import LoggedModel, TimeStampedModel
from industriedialog.regions.models import District
from industriedialog.registry.models import Initiative, Organisation
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
