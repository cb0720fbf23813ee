"""The award competition: calls with categories, form fields and criteria; submissions of
initiatives; the jury's conflicts of interest and scores."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from industriedialog.common.models import TimeStampedModel
from industriedialog.registry.models import Initiative


def _private_storage() -> Any:
    from django.core.files.storage import storages

    return storages["private"]


class Phase(models.TextChoices):
    """The review phases of a call, in order."""

    PREPARATION = "preparation", _("Vorbereitung")
    SUBMISSION = "submission", _("Einreichung")
    ELIGIBILITY = "eligibility", _("Prüfung der Teilnahmebedingungen")
    SCORING = "scoring", _("Bewertung durch die Jury")
    FINAL = "final", _("Jurysitzung")
    PUBLISHED = "published", _("veröffentlicht")


PHASE_ORDER = [p.value for p in Phase]


class AwardCallQuerySet(models.QuerySet["AwardCall"]):
    def published(self) -> AwardCallQuerySet:
        return self.filter(phase=Phase.PUBLISHED, publish_on__lte=timezone.localdate())

    def public(self) -> AwardCallQuerySet:
        """Calls a visitor may see: open for submissions or later (not in preparation)."""
        return self.exclude(phase=Phase.PREPARATION)


class AwardCall(TimeStampedModel):
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), max_length=120, unique=True)
    description = models.TextField(_("Beschreibung"))
    opens_at = models.DateTimeField(_("Einreichung ab"))
    closes_at = models.DateTimeField(
        _("Einsendeschluss"), help_text=_("Maßgeblich ist die Uhrzeit des Servers.")
    )
    publish_on = models.DateField(
        _("Veröffentlichung am"), help_text=_("Ab diesem Tag ist die Siegerseite öffentlich.")
    )
    require_active = models.BooleanField(
        _("nur aktive Initiativen"),
        default=True,
        help_text=_("Initiativen in Gründung, ruhende und beendete können nicht einreichen."),
    )
    founded_before = models.DateField(
        _("gegründet vor"),
        null=True,
        blank=True,
        help_text=_("Leer lassen, wenn das Gründungsdatum keine Rolle spielt."),
    )
    blind_review = models.BooleanField(
        _("anonyme Begutachtung"),
        default=False,
        help_text=_(
            "Die Jury sieht weder den Namen der Initiative noch die als identifizierend "
            "markierten Felder."
        ),
    )
    phase = models.CharField(
        _("Phase"), max_length=20, choices=Phase.choices, default=Phase.PREPARATION
    )
    results_locked_at = models.DateTimeField(
        _("Ergebnis festgeschrieben am"), null=True, blank=True
    )
    results_locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("festgeschrieben von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tie_break_note = models.TextField(_("Entscheidung der Jurysitzung bei Gleichstand"), blank=True)

    objects = AwardCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("Wettbewerbsaufruf")
        verbose_name_plural = _("Wettbewerbsaufrufe")
        ordering = ["-opens_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="awardcall_window_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("awards:call_detail", kwargs={"slug": self.slug})

    @property
    def is_locked(self) -> bool:
        return self.results_locked_at is not None

    def is_open(self, now: Any = None) -> bool:
        now = now or timezone.now()
        return self.phase == Phase.SUBMISSION and self.opens_at <= now < self.closes_at

    @property
    def is_published(self) -> bool:
        return self.phase == Phase.PUBLISHED and self.publish_on <= timezone.localdate()


class Category(models.Model):
    call = models.ForeignKey(
        AwardCall, verbose_name=_("Aufruf"), on_delete=models.CASCADE, related_name="categories"
    )
    name = models.CharField(_("Name"), max_length=150)
    description = models.TextField(_("Beschreibung"), blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    jurors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Jury dieser Kategorie"),
        blank=True,
        related_name="award_categories",
    )

    class Meta:
        verbose_name = _("Kategorie")
        verbose_name_plural = _("Kategorien")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class FieldKind(models.TextChoices):
    TEXT = "text", _("Text")
    DOCUMENT = "document", _("Dokument (PDF, Word, OpenDocument)")
    IMAGE = "image", _("Bild (JPEG, PNG, WebP)")
    LINK = "link", _("Link")


class FormField(models.Model):
    """One question of the submission form; answers are stored under ``key``."""

    call = models.ForeignKey(
        AwardCall, verbose_name=_("Aufruf"), on_delete=models.CASCADE, related_name="fields"
    )
    key = models.SlugField(_("Kennung"), max_length=40, editable=False)
    label = models.CharField(_("Bezeichnung"), max_length=200)
    help_text = models.CharField(_("Hinweis"), max_length=300, blank=True)
    kind = models.CharField(_("Art"), max_length=20, choices=FieldKind.choices)
    required = models.BooleanField(_("Pflichtfeld"), default=True)
    min_length = models.PositiveIntegerField(_("mindestens Zeichen"), null=True, blank=True)
    max_length = models.PositiveIntegerField(_("höchstens Zeichen"), null=True, blank=True)
    max_size_mb = models.PositiveSmallIntegerField(
        _("höchstens MB"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Nur für Dokumente und Bilder."),
    )
    is_identifying = models.BooleanField(
        _("identifizierend"),
        default=False,
        help_text=_("Bei anonymer Begutachtung sieht die Jury dieses Feld nicht."),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Formularfeld")
        verbose_name_plural = _("Formularfelder")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["call", "key"], name="awards_formfield_unique_key")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_file(self) -> bool:
        return self.kind in (FieldKind.DOCUMENT, FieldKind.IMAGE)


class Criterion(models.Model):
    call = models.ForeignKey(
        AwardCall, verbose_name=_("Aufruf"), on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("Name"), max_length=150)
    description = models.TextField(_("Beschreibung"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("Gewicht"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    scale_min = models.PositiveSmallIntegerField(_("Skala von"), default=1)
    scale_max = models.PositiveSmallIntegerField(
        _("Skala bis"), default=5, validators=[MaxValueValidator(100)]
    )
    counts_toward_total = models.BooleanField(
        _("zählt zur Gesamtpunktzahl"),
        default=True,
        help_text=_("Kriterien ohne Haken werden bewertet und angezeigt, zählen aber nicht."),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Kriterium")
        verbose_name_plural = _("Kriterien")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_max__gt=models.F("scale_min")), name="awards_criterion_scale"
            )
        ]

    def __str__(self) -> str:
        return self.name


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    SUBMITTED = "submitted", _("eingereicht")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


class Eligibility(models.TextChoices):
    PENDING = "pending", _("noch nicht geprüft")
    ELIGIBLE = "eligible", _("zugelassen")
    INELIGIBLE = "ineligible", _("nicht zugelassen")


class Submission(TimeStampedModel):
    call = models.ForeignKey(
        AwardCall, verbose_name=_("Aufruf"), on_delete=models.CASCADE, related_name="submissions"
    )
    category = models.ForeignKey(
        Category, verbose_name=_("Kategorie"), on_delete=models.PROTECT, related_name="submissions"
    )
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("Initiative"),
        on_delete=models.CASCADE,
        related_name="award_submissions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angelegt von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("Stand"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
        db_index=True,
    )
    answers = models.JSONField(_("Antworten"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("eingereicht am"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)
    eligibility = models.CharField(
        _("Teilnahmebedingungen"),
        max_length=20,
        choices=Eligibility.choices,
        default=Eligibility.PENDING,
    )
    eligibility_reason = models.TextField(_("Begründung"), blank=True)
    eligibility_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geprüft von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    eligibility_decided_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    # Final session: staff record the order of submissions the rules leave tied (1 = first).
    tie_break_position = models.PositiveSmallIntegerField(
        _("Platz nach Entscheidung der Jurysitzung"), null=True, blank=True
    )
    # Written when results are locked; never changes afterwards.
    final_rank = models.PositiveSmallIntegerField(_("Platz"), null=True, blank=True)
    final_total = models.DecimalField(
        _("Gesamtpunktzahl"), max_digits=7, decimal_places=3, null=True, blank=True
    )
    award_title = models.CharField(
        _("Auszeichnung"), max_length=100, blank=True, help_text=_("z. B. „1. Preis“.")
    )
    laudation = models.TextField(_("Laudatio"), blank=True)

    class Meta:
        verbose_name = _("Beitrag")
        verbose_name_plural = _("Beiträge")
        ordering = ["call", "category", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "category", "initiative"],
                condition=~Q(status="withdrawn"),
                name="awards_one_submission_per_category",
            )
        ]

    def __str__(self) -> str:
        return f"{self.initiative} – {self.category}"

    def get_absolute_url(self) -> str:
        return reverse("awards:submission_edit", kwargs={"pk": self.pk})

    @property
    def is_in_review(self) -> bool:
        return (
            self.status == SubmissionStatus.SUBMITTED and self.eligibility == Eligibility.ELIGIBLE
        )


class SubmissionFile(TimeStampedModel):
    """An uploaded document or image, kept in private storage (outside the web root)."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("Beitrag"), on_delete=models.CASCADE, related_name="files"
    )
    field_key = models.SlugField(_("Feld"), max_length=40)
    file = models.FileField(_("Datei"), upload_to="awards/", storage=_private_storage)
    original_name = models.CharField(_("Dateiname"), max_length=255)
    content_type = models.CharField(_("Dateityp"), max_length=120)
    size = models.PositiveIntegerField(_("Größe (Bytes)"))

    class Meta:
        verbose_name = _("Datei")
        verbose_name_plural = _("Dateien")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "field_key"], name="awards_one_file_per_field"
            )
        ]

    def __str__(self) -> str:
        return self.original_name


class Conflict(TimeStampedModel):
    """A juror's declared conflict of interest: they can neither see nor score the submission."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("Beitrag"), on_delete=models.CASCADE, related_name="conflicts"
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Jurymitglied"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="award_conflicts",
    )
    note = models.CharField(_("Art der Befangenheit"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("Befangenheit")
        verbose_name_plural = _("Befangenheiten")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "juror"], name="awards_one_conflict_per_juror"
            )
        ]

    def __str__(self) -> str:
        return f"{self.juror} – {self.submission_id}"


class JuryScore(TimeStampedModel):
    submission = models.ForeignKey(
        Submission, verbose_name=_("Beitrag"), on_delete=models.CASCADE, related_name="scores"
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Jurymitglied"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="award_scores",
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("Kriterium"), on_delete=models.CASCADE, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(_("Punkte"))
    comment = models.TextField(_("Kommentar"), blank=True)

    class Meta:
        verbose_name = _("Bewertung")
        verbose_name_plural = _("Bewertungen")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "juror", "criterion"], name="awards_one_score_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.submission_id}/{self.criterion_id}: {self.value}"
