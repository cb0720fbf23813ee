"""Self-assessment: a versioned criteria catalogue, assessments of initiatives with the
answers of their representatives, opt-in to peer matching and brokered contact requests."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from industriedialog.common.models import TimeStampedModel
from industriedialog.registry.models import Initiative

from .texts import localized

MAX_LEVEL = 5  # scores are shown on the scale of maturity levels 1–5


class CatalogueVersion(TimeStampedModel):
    """One version of the criteria catalogue. A published version is frozen; changes go into
    a new draft, and every assessment keeps pointing to the version it used."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        PUBLISHED = "published", _("veröffentlicht")

    number = models.PositiveIntegerField(_("Fassung"), unique=True)
    state = models.CharField(
        _("Stand"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    note = models.CharField(_("Änderungsvermerk"), max_length=255, blank=True)
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("veröffentlicht von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Kriterienkatalog")
        verbose_name_plural = _("Kriterienkataloge")
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"{_('Kriterienkatalog')} {self.number}"

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT


class Dimension(models.Model):
    """A dimension of a successful initiative; ``key`` stays the same across versions, so
    benchmarks and trends compare like with like."""

    catalogue = models.ForeignKey(
        CatalogueVersion, on_delete=models.CASCADE, related_name="dimensions"
    )
    key = models.SlugField(_("Kennung"), max_length=40)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    title = models.JSONField(_("Titel"), default=dict)
    description = models.JSONField(_("Beschreibung"), default=dict, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("Gewicht"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    class Meta:
        verbose_name = _("Dimension")
        verbose_name_plural = _("Dimensionen")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "key"], name="dimension_unique_key")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self.title)

    @property
    def description_text(self) -> str:
        return localized(self.description)


class Prefill(models.TextChoices):
    """Criteria the registry already answers: shown as facts, never asked."""

    ACTOR_GROUPS = "actor_groups", _("Akteursgruppen unter den Mitgliedern")
    TRIPARTITE = "tripartite", _("Wirtschaft, Gewerkschaften, Politik (tripartit)")
    MEMBERS = "members", _("Zahl der Mitglieder")
    OFFICE = "office", _("Geschäftsstelle und Träger")
    CONTINUITY = "continuity", _("Bestehen seit (Gründungsjahr)")
    MEETINGS = "meetings", _("Häufigkeit der Treffen")
    FORMATS = "formats", _("genutzte Veranstaltungsformate")
    ONLINE = "online", _("Website und Social-Media-Profile")


class Criterion(models.Model):
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="criteria")
    key = models.SlugField(_("Kennung"), max_length=40)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    question = models.JSONField(_("Frage"), default=dict)
    help_text = models.JSONField(_("Hilfetext"), default=dict, blank=True)
    # 4–5 maturity levels, lowest first, each {"de": …, "en": …}
    levels = models.JSONField(_("Stufen"), default=list)
    weight = models.PositiveSmallIntegerField(
        _("Gewicht"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    prefill = models.CharField(
        _("aus dem Verzeichnis"), max_length=30, choices=Prefill.choices, blank=True
    )
    toolbox_pages = models.ManyToManyField(  # type: ignore[var-annotated]
        "wagtailcore.Page", verbose_name=_("Seiten der Werkzeugkiste"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Kriterium")
        verbose_name_plural = _("Kriterien")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "key"], name="criterion_unique_key")
        ]

    def __str__(self) -> str:
        return self.question_text

    @property
    def question_text(self) -> str:
        return localized(self.question)

    @property
    def help(self) -> str:
        return localized(self.help_text)

    @property
    def level_texts(self) -> list[str]:
        return [localized(level) for level in self.levels]

    @property
    def level_count(self) -> int:
        return len(self.levels)


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def completed(self) -> AssessmentQuerySet:
        return self.filter(state=Assessment.State.COMPLETED)


class Assessment(TimeStampedModel):
    """An initiative's self-assessment of one year (archived per year)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("in Bearbeitung")
        COMPLETED = "completed", _("abgeschlossen")

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("Initiative"), on_delete=models.CASCADE, related_name="+"
    )
    catalogue = models.ForeignKey(
        CatalogueVersion, verbose_name=_("Kriterienkatalog"), on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("Jahr"))
    state = models.CharField(
        _("Stand"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("begonnen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    completed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("abgeschlossen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Merged result, written once on completion: {dimension key: 1.0–5.0}
    scores = models.JSONField(_("Ergebnis je Dimension"), default=dict, blank=True)
    overall = models.FloatField(_("Gesamtergebnis"), null=True, blank=True)
    # The initiative's own targets for its next assessment: {dimension key: level 1–5}
    targets = models.JSONField(_("Ziele für die nächste Selbstbewertung"), default=dict, blank=True)
    # True for the newest completed assessment of the initiative (benchmark and matching)
    is_latest = models.BooleanField(default=False, editable=False)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Selbstbewertung")
        verbose_name_plural = _("Selbstbewertungen")
        ordering = ["-year", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "year"], name="assessment_one_per_year")
        ]
        indexes = [
            models.Index(
                fields=["is_latest", "initiative"],
                name="assessment_latest",
                condition=Q(is_latest=True),
            ),
            models.Index(fields=["state", "completed_at"], name="assessment_completed"),
        ]

    def __str__(self) -> str:
        return f"{self.initiative} {self.year}"

    @property
    def is_completed(self) -> bool:
        return self.state == self.State.COMPLETED


class Answer(models.Model):
    """One person's level for one criterion; ``is_prefilled`` rows come from the registry
    (one per criterion, no person)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    level = models.PositiveSmallIntegerField(
        _("Stufe"), validators=[MinValueValidator(1), MaxValueValidator(MAX_LEVEL)]
    )
    note = models.TextField(_("Anmerkung"), blank=True)
    is_prefilled = models.BooleanField(_("aus dem Verzeichnis"), default=False)
    fact = models.CharField(_("Angabe im Verzeichnis"), max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion", "user"],
                condition=Q(user__isnull=False),
                name="answer_one_per_person",
            ),
            models.UniqueConstraint(
                fields=["assessment", "criterion"],
                condition=Q(is_prefilled=True),
                name="answer_one_prefill",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.level}"


class PeerOptIn(TimeStampedModel):
    """The initiative agrees to be suggested to others as a peer (its scores stay hidden)."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="assessment_peer_opt_in"
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Zustimmung zum Peer-Matching")
        verbose_name_plural = _("Zustimmungen zum Peer-Matching")

    def __str__(self) -> str:
        return str(self.initiative)


class ContactRequest(TimeStampedModel):
    """ "Kontakt anfragen": staff broker the contact between two initiatives."""

    class State(models.TextChoices):
        OPEN = "open", _("offen")
        BROKERED = "brokered", _("vermittelt")
        DECLINED = "declined", _("nicht vermittelt")

    from_initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("anfragende Initiative"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    to_initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("angefragte Initiative"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    dimension_key = models.SlugField(_("Dimension"), max_length=40)
    dimension_label = models.CharField(_("Dimension"), max_length=255)
    message = models.TextField(_("Nachricht"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angefragt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("Stand"), max_length=20, choices=State.choices, default=State.OPEN, db_index=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bearbeitet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("bearbeitet am"), null=True, blank=True)
    staff_note = models.CharField(_("Vermerk"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("Kontaktanfrage")
        verbose_name_plural = _("Kontaktanfragen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_initiative", "to_initiative", "dimension_key"],
                condition=Q(state="open"),
                name="contact_request_one_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_initiative} → {self.to_initiative}"


def level_to_score(level: float, level_count: int) -> float:
    """A criterion's level on its own scale (1…n) mapped to the common scale 1–5."""
    if level_count <= 1:
        return float(MAX_LEVEL)
    return 1 + (float(level) - 1) * (MAX_LEVEL - 1) / (level_count - 1)
