"""The registry: initiatives, organisations, memberships, contact persons, and the
representatives' claims and change proposals."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from industriedialog.common.models import LoggedModel, TimeStampedModel
from industriedialog.regions.models import District, State

from .vocabularies import (
    ACTOR_GROUP_OF_KIND,
    ConsentMethod,
    EventFormatCode,
    FieldOfActionCode,
    Level,
    MeetingFrequency,
    MembershipRole,
    OrganisationKind,
    Status,
    TargetGroupCode,
)


def _private_storage() -> Any:
    from django.core.files.storage import storages

    return storages["private"]


class VocabularyModel(models.Model):
    """A fixed vocabulary entry: the code is stored, the label comes from gettext."""

    code = models.CharField(_("Kennung"), max_length=40, unique=True)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> Any:
        return self.get_code_display()  # type: ignore[attr-defined]


class FieldOfAction(VocabularyModel):
    code = models.CharField(
        _("Kennung"), max_length=40, unique=True, choices=FieldOfActionCode.choices
    )

    class Meta(VocabularyModel.Meta):
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")


class TargetGroup(VocabularyModel):
    code = models.CharField(
        _("Kennung"), max_length=40, unique=True, choices=TargetGroupCode.choices
    )

    class Meta(VocabularyModel.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")


class EventFormat(VocabularyModel):
    code = models.CharField(
        _("Kennung"), max_length=40, unique=True, choices=EventFormatCode.choices
    )

    class Meta(VocabularyModel.Meta):
        verbose_name = _("Veranstaltungsformat")
        verbose_name_plural = _("Veranstaltungsformate")


class Organisation(TimeStampedModel, LoggedModel):
    name = models.CharField(_("Name"), max_length=255, db_index=True)
    kind = models.CharField(_("Art"), max_length=30, choices=OrganisationKind.choices)
    district = models.ForeignKey(
        District,
        verbose_name=_("Kreis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    website = models.URLField(_("Website"), blank=True)
    is_synthetic = models.BooleanField(
        _("synthetische Testdaten"), default=False, editable=False, db_index=True
    )

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def actor_group(self) -> str | None:
        return ACTOR_GROUP_OF_KIND.get(self.kind)

    def get_actor_group_display(self) -> str:
        from .vocabularies import ActorGroup

        group = self.actor_group
        return str(ActorGroup(group).label) if group else ""


class InitiativeQuerySet(models.QuerySet["Initiative"]):
    def real(self) -> InitiativeQuerySet:
        """Without synthetic benchmark data."""
        return self.filter(is_synthetic=False)


class Initiative(TimeStampedModel, LoggedModel):
    name = models.CharField(_("Name"), max_length=255)
    short_name = models.CharField(_("Kurzname"), max_length=60, blank=True)
    slug = models.SlugField(_("Kurzadresse"), max_length=120, unique=True)
    level = models.CharField(_("Ebene"), max_length=20, choices=Level.choices)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    states = models.ManyToManyField(
        State, verbose_name=_("Bundesländer"), related_name="initiatives"
    )
    districts = models.ManyToManyField(
        District,
        verbose_name=_("abgedeckte Kreise"),
        blank=True,
        related_name="initiatives",
        help_text=_("Bei Initiativen auf Landesebene nicht nötig: sie decken das ganze Land ab."),
    )
    seat = models.CharField(_("Sitz (Ort)"), max_length=120, blank=True)
    seat_district = models.ForeignKey(
        District,
        verbose_name=_("Kreis des Sitzes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    office_host = models.ForeignKey(
        Organisation,
        verbose_name=_("Träger der Geschäftsstelle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_offices",
    )
    founded_year = models.PositiveSmallIntegerField(
        _("Gründungsjahr"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
        db_index=True,
    )
    founded_on = models.DateField(
        _("Gründungsdatum"), null=True, blank=True, help_text=_("Falls der genaue Tag bekannt ist.")
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    mission_statement = models.TextField(_("Leitbild"), blank=True)
    goals = models.TextField(_("Ziele"), blank=True)
    fields_of_action = models.ManyToManyField(
        FieldOfAction, verbose_name=_("Handlungsfelder"), blank=True, related_name="initiatives"
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("Zielgruppen"), blank=True, related_name="initiatives"
    )
    formats = models.ManyToManyField(
        EventFormat, verbose_name=_("genutzte Formate"), blank=True, related_name="initiatives"
    )
    meeting_frequency = models.CharField(
        _("Treffen"), max_length=20, choices=MeetingFrequency.choices, blank=True
    )
    member_company_count = models.PositiveIntegerField(
        _("Zahl der Mitgliedsunternehmen"), null=True, blank=True
    )
    website = models.URLField(_("Website"), blank=True)
    social_links = models.JSONField(
        _("Social-Media-Profile"), default=list, blank=True, help_text=_("Eine Adresse je Zeile.")
    )
    logo = models.ImageField(
        _("Logo"),
        upload_to="registry/logos/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg", "webp"])],
    )
    founding_declaration = models.FileField(
        _("Gründungserklärung"),
        upload_to="registry/declarations/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
    )
    source = models.CharField(
        _("Quelle"), max_length=255, blank=True, help_text=_("Woher stammen die Angaben?")
    )
    last_verified_on = models.DateField(_("zuletzt geprüft am"), null=True, blank=True)
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zuletzt geprüft von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verification_reminder_sent_at = models.DateTimeField(
        _("Prüf-Erinnerung gesendet am"), null=True, blank=True, editable=False
    )
    # Stemmed words of name, texts, fields of action and members (see search.py); written by
    # the services on every change, read by the directory search.
    search_text = models.TextField(editable=False, blank=True, default="")
    is_synthetic = models.BooleanField(
        _("synthetische Testdaten"), default=False, editable=False, db_index=True
    )

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("Initiative")
        verbose_name_plural = _("Initiativen")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["name"]), models.Index(fields=["level", "status"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.founded_on and self.founded_year and self.founded_on.year != self.founded_year:
            raise ValidationError(
                {"founded_on": _("Das Gründungsdatum passt nicht zum Gründungsjahr.")}
            )
        if self.founded_on and not self.founded_year:
            self.founded_year = self.founded_on.year

    def get_absolute_url(self) -> str:
        return reverse("registry:initiative_detail", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class Membership(TimeStampedModel):
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("Initiative"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(
        _("Rolle"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    since = models.DateField(_("seit"), null=True, blank=True)

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        ordering = ["role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "organisation", "role"], name="membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.initiative} ({self.get_role_display()})"


class ContactPersonQuerySet(models.QuerySet["ContactPerson"]):
    def published(self) -> ContactPersonQuerySet:
        """Only contacts with recorded, not withdrawn consent may be shown to the public."""
        return self.filter(consent_given_at__isnull=False, consent_withdrawn_at__isnull=True)


class ContactPerson(TimeStampedModel, LoggedModel):
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("Initiative"), on_delete=models.CASCADE, related_name="contacts"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    name = models.CharField(_("Name"), max_length=150)
    function = models.CharField(_("Funktion"), max_length=150, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    consent_given_at = models.DateTimeField(_("Einwilligung erteilt am"), null=True, blank=True)
    consent_method = models.CharField(
        _("Art der Einwilligung"), max_length=20, choices=ConsentMethod.choices, blank=True
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Einwilligung erfasst von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_note = models.CharField(_("Vermerk zur Einwilligung"), max_length=255, blank=True)
    consent_withdrawn_at = models.DateTimeField(
        _("Einwilligung widerrufen am"), null=True, blank=True
    )

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(consent_given_at__isnull=True) | ~Q(consent_method=""),
                name="contact_consent_has_method",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def has_consent(self) -> bool:
        return self.consent_given_at is not None and self.consent_withdrawn_at is None


class Representation(TimeStampedModel):
    """A user's claim to represent an initiative; approved by staff, it grants self-service."""

    class State(models.TextChoices):
        PENDING = "pending", _("beantragt")
        APPROVED = "approved", _("bestätigt")
        REJECTED = "rejected", _("abgelehnt")
        REVOKED = "revoked", _("beendet")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="representations",
    )
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("Initiative"),
        on_delete=models.CASCADE,
        related_name="representations",
    )
    state = models.CharField(
        _("Stand"), max_length=20, choices=State.choices, default=State.PENDING, db_index=True
    )
    message = models.TextField(
        _("Begründung"), blank=True, help_text=_("Ihre Funktion in der Initiative.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entschieden von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    decision_note = models.CharField(_("Vermerk"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("Vertretung")
        verbose_name_plural = _("Vertretungen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "initiative"],
                condition=Q(state__in=["pending", "approved"]),
                name="representation_one_open_claim",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.initiative} ({self.get_state_display()})"


class ChangeProposal(TimeStampedModel):
    """Changes a representative proposes for their initiative; staff decide field by field.

    ``changes`` maps a field name to ``{"old": ..., "new": ...}`` (values as at proposal
    time, in the serialised form of ``registry.proposals``); ``decisions`` maps a field name
    to ``"accepted"`` or ``"rejected"``.
    """

    class State(models.TextChoices):
        OPEN = "open", _("offen")
        DECIDED = "decided", _("entschieden")
        WITHDRAWN = "withdrawn", _("zurückgezogen")

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("Initiative"),
        on_delete=models.CASCADE,
        related_name="change_proposals",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vorgeschlagen von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("Stand"), max_length=20, choices=State.choices, default=State.OPEN, db_index=True
    )
    changes = models.JSONField(_("Änderungen"), default=dict)
    comment = models.TextField(_("Anmerkung"), blank=True)
    decisions = models.JSONField(_("Entscheidungen"), default=dict, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entschieden von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Änderungsvorschlag")
        verbose_name_plural = _("Änderungsvorschläge")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.initiative} ({self.created_at:%d.%m.%Y})"


class ImportRun(TimeStampedModel):
    """One uploaded import file: kept (privately) between preview and import, then logged."""

    class State(models.TextChoices):
        PREVIEWED = "previewed", _("geprüft")
        IMPORTED = "imported", _("importiert")
        DISCARDED = "discarded", _("verworfen")

    file = models.FileField(_("Datei"), upload_to="imports/registry/", storage=_private_storage)
    original_name = models.CharField(_("Dateiname"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hochgeladen von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("Stand"), max_length=20, choices=State.choices, default=State.PREVIEWED
    )
    total_rows = models.PositiveIntegerField(_("Zeilen"), default=0)
    error_rows = models.PositiveIntegerField(_("fehlerhafte Zeilen"), default=0)
    duplicate_rows = models.PositiveIntegerField(_("Dubletten"), default=0)
    created_count = models.PositiveIntegerField(_("angelegt"), default=0)
    report = models.JSONField(_("Prüfbericht"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Import")
        verbose_name_plural = _("Importe")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name
