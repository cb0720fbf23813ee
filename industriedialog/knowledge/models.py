"""Editorial pages (Wagtail): start page, content pages, the toolbox (event formats, guides,
good practice), recommendations, news, webinars, the material library and Leichte Sprache."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import (
    ContentBlock,
    DocumentBlock,
    EasyLanguageBlock,
    GuideBlock,
    SpeakerBlock,
    StepBlock,
)
from .cache import serve_cached
from .choosers import InitiativeChooserWidget
from .panels import ReadabilityPanel
from .readability import Readability, readability
from .stemming import stems


def plain_text(value: Any) -> str:
    """Text of a field value for search and readability: rich text and StreamField alike."""
    if value is None:
        return ""
    if hasattr(value, "raw_data"):  # StreamValue
        return " ".join(_strings(list(value.raw_data)))
    return strip_tags(str(value))


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [strip_tags(data.replace("</p>", "</p> ").replace("<br>", " "))]
    if isinstance(data, dict):
        inner = data.get("value", data) if "type" in data else data
        if inner is data:
            return [t for v in data.values() for t in _strings(v)]
        return _strings(inner)
    if isinstance(data, list | tuple):
        return [t for v in data for t in _strings(v)]
    return []


class SearchTextMixin:
    """Plain text and German stems of a page for the search index (see stemming.py)."""

    text_fields: tuple[str, ...] = ("intro", "body")

    def search_text(self) -> str:
        parts = [self.title]  # type: ignore[attr-defined]
        for name in self.text_fields:
            parts.append(plain_text(getattr(self, name, "")))
        return " ".join(p for p in parts if p)

    def search_stems(self) -> str:
        return " ".join(stems(self.search_text()))


class HomePage(SearchTextMixin, Page):
    """Start page of one language tree."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(ContentBlock(), verbose_name=_("Inhalt"), blank=True)
    easy_language_page = models.ForeignKey(  # type: ignore[var-annotated]
        "wagtailcore.Page",
        verbose_name=_("Seite in Leichter Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird auf der Startseite als „Leichte Sprache“ verlinkt (BITV 2.0)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("easy_language_page"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    subpage_types = [
        "knowledge.ContentPage",
        "knowledge.IndexPage",
        "knowledge.MaterialLibraryPage",
        "knowledge.EasyLanguagePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Startseite")


class ContentPage(SearchTextMixin, Page):
    """A plain page: imprint, privacy, accessibility statement, Leichte Sprache, about."""

    class Kind(models.TextChoices):
        GENERAL = "general", _("Allgemein")
        IMPRINT = "imprint", _("Impressum")
        PRIVACY = "privacy", _("Datenschutz")
        ACCESSIBILITY = "accessibility", _("Erklärung zur Barrierefreiheit")
        EASY_LANGUAGE = "easy_language", _("Leichte Sprache")

    kind = models.CharField(  # type: ignore[var-annotated]
        _("Art der Seite"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.GENERAL,
        help_text=_("Impressum, Datenschutz und Barrierefreiheit werden im Fußbereich verlinkt."),
    )
    intro = models.TextField(_("Kurzbeschreibung"), blank=True)  # type: ignore[var-annotated]
    body = StreamField(ContentBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, FieldPanel("kind")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("search_stems"),
    ]
    parent_page_types = ["knowledge.HomePage", "knowledge.ContentPage", "knowledge.IndexPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")

    @property
    def html_lang(self) -> str:
        return self.locale.language_code


# --- Vocabularies ---------------------------------------------------------------------------
class Topic(models.Model):
    """Handlungsfeld: the fields of action of DOMAIN.md, used to tag pages and documents."""

    class Key(models.TextChoices):
        SKILLED_WORKERS = "fachkraefte", _("Fachkräfte und Ausbildung")
        ACCEPTANCE = "akzeptanz", _("Akzeptanz und Dialog")
        DIGITALISATION = "digitalisierung", _("Digitalisierung / Industrie 4.0")
        INNOVATION = "innovation", _("Innovation und Gründung")
        LAND = "flaechen", _("Flächen und Infrastruktur")
        ENERGY = "energie", _("Energie, Klima und Transformation")
        STRUCTURAL_CHANGE = "strukturwandel", _("Strukturwandel")
        INTEGRATION = "integration", _("Integration")

    key = models.CharField(_("Schlüssel"), max_length=40, unique=True, choices=Key.choices)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")

    def __str__(self) -> str:
        return str(self.get_key_display())


class TargetGroup(models.Model):
    """Who a recommendation speaks to."""

    class Key(models.TextChoices):
        INITIATIVES = "initiativen", _("Initiativen")
        POLITICS = "politik", _("Politik und Verwaltung")
        COMPANIES = "unternehmen", _("Unternehmen")
        ASSOCIATIONS = "verbaende-kammern", _("Verbände und Kammern")
        UNIONS = "gewerkschaften", _("Gewerkschaften")

    key = models.CharField(_("Schlüssel"), max_length=40, unique=True, choices=Key.choices)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")

    def __str__(self) -> str:
        return str(self.get_key_display())


class GoodPracticeCriterion(models.Model):
    """A criterion that makes an initiative's practice worth copying."""

    class Key(models.TextChoices):
        BROAD_ALLIANCE = "breites-buendnis", _("Breites, tripartites Bündnis")
        CONTINUITY = "verstetigung", _("Dauerhafte Strukturen und Geschäftsstelle")
        PUBLIC_DIALOGUE = "dialog", _("Dialog mit Bürgerinnen und Bürgern")
        YOUNG_PEOPLE = "jugend", _("Junge Menschen erreichen")
        RESULTS = "ergebnisse", _("Messbare Ergebnisse")
        TRANSFER = "uebertragbarkeit", _("Übertragbar auf andere Regionen")

    key = models.CharField(_("Schlüssel"), max_length=40, unique=True, choices=Key.choices)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Good-Practice-Kriterium")
        verbose_name_plural = _("Good-Practice-Kriterien")

    def __str__(self) -> str:
        return str(self.get_key_display())


# --- Documents: the material library ---------------------------------------------------------
class KnowledgeDocument(AbstractDocument):
    """A Wagtail document with what the material library filters by."""

    class MaterialType(models.TextChoices):
        GUIDE = "leitfaden", _("Leitfaden")
        CHECKLIST = "checkliste", _("Checkliste")
        TEMPLATE = "vorlage", _("Vorlage")
        PRESENTATION = "praesentation", _("Präsentation")
        STUDY = "studie", _("Studie")
        DOCUMENTATION = "dokumentation", _("Dokumentation")
        VIDEO = "video", _("Video")
        OTHER = "sonstiges", _("Sonstiges")

    # Redeclared without a reverse accessor on the user model (keeps the accounts app unaware).
    uploaded_by_user = models.ForeignKey(  # type: ignore[var-annotated]
        settings.AUTH_USER_MODEL,
        verbose_name=_("hochgeladen von"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_by_user.wagtail_reference_index_ignore = True  # type: ignore[attr-defined]
    description = models.TextField(_("Beschreibung"), blank=True)  # type: ignore[var-annotated]
    material_type = models.CharField(  # type: ignore[var-annotated]
        _("Art des Materials"), max_length=20, choices=MaterialType.choices, default="sonstiges"
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("Themen"), blank=True)  # type: ignore[var-annotated]
    year = models.PositiveSmallIntegerField(  # type: ignore[var-annotated]
        _("Jahr"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Erscheinungsjahr; leer lassen, um das Jahr des Hochladens zu verwenden."),
    )
    admin_form_fields = (
        *Document.admin_form_fields,
        "description",
        "material_type",
        "topics",
        "year",
    )
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.SearchField("search_stems"),
        index.FilterField("material_type"),
        index.FilterField("year"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")

    @property
    def display_year(self) -> int:
        return self.year or self.created_at.year

    @property
    def file_type_label(self) -> str:
        return (self.file_extension or "").upper()

    def search_text(self) -> str:
        return f"{self.title} {self.description}"

    def search_stems(self) -> str:
        return " ".join(stems(self.search_text()))


# --- Knowledge pages -------------------------------------------------------------------------
class KnowledgePage(SearchTextMixin, Page):
    """Common fields of the knowledge pages: a teaser text and topics for filters."""

    intro = models.TextField(  # type: ignore[var-annotated]
        _("Kurzbeschreibung"),
        blank=True,
        help_text=_("Ein bis zwei Sätze; erscheint in Übersichten und Suchergebnissen."),
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("Themen"), blank=True)

    listing_label: Any = _("Seite")
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("search_stems"),
    ]
    topic_panel = FieldPanel("topics", widget=forms.CheckboxSelectMultiple)
    parent_page_types = ["knowledge.IndexPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    @property
    def html_lang(self) -> str:
        return self.locale.language_code

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Public, anonymous views come from the page cache (see cache.py)."""

        def render(extra: dict) -> HttpResponse:
            request.is_preview = False  # type: ignore[attr-defined]
            context = self.get_context(request, *args, **kwargs) | extra
            return TemplateResponse(request, self.get_template(request, *args, **kwargs), context)

        is_public = not self.get_view_restrictions().exists()
        return serve_cached(request, render, is_cacheable_page=is_public)


class IndexPage(KnowledgePage):
    """A section that lists its child pages: toolbox, formats, recommendations, news, webinars."""

    body = StreamField(ContentBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["knowledge.HomePage", "knowledge.IndexPage"]
    subpage_types = [
        "knowledge.IndexPage",
        "knowledge.EventFormatPage",
        "knowledge.GuidePage",
        "knowledge.GoodPracticePage",
        "knowledge.RecommendationPage",
        "knowledge.NewsPage",
        "knowledge.WebinarPage",
        "knowledge.ContentPage",
        "knowledge.MaterialLibraryPage",
    ]
    listing_label = _("Übersicht")

    class Meta:
        verbose_name = _("Übersichtsseite")
        verbose_name_plural = _("Übersichtsseiten")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from .selectors import index_children

        context = super().get_context(request, *args, **kwargs)
        context.update(index_children(page=self, params=request.GET))
        return context


class EventFormatPage(KnowledgePage):
    """One event format of the toolbox (World Café, Zukunftswerkstatt, ...)."""

    purpose = RichTextField(_("Ziel und Zweck"), features=["bold", "italic", "link", "ul"])
    target_group = models.CharField(_("Zielgruppe"), max_length=255)  # type: ignore[var-annotated]
    group_size = models.CharField(  # type: ignore[var-annotated]
        _("Gruppengröße"), max_length=100, help_text=_("z. B. „12 bis 40 Personen“")
    )
    duration = models.CharField(_("Dauer"), max_length=100, help_text=_("z. B. „3 Stunden“"))  # type: ignore[var-annotated]
    room = models.TextField(_("Raum und Ausstattung"))  # type: ignore[var-annotated]
    materials = models.TextField(_("Material"), blank=True)  # type: ignore[var-annotated]
    steps = StreamField(
        [("step", StepBlock())], verbose_name=_("Ablauf Schritt für Schritt"), blank=True
    )
    pitfalls = RichTextField(
        _("Stolpersteine"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    body = StreamField(ContentBlock(), verbose_name=_("Weitere Inhalte"), blank=True)

    text_fields = (
        "intro",
        "purpose",
        "target_group",
        "room",
        "materials",
        "steps",
        "pitfalls",
        "body",
    )
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [
                FieldPanel("target_group"),
                FieldRowPanel([FieldPanel("group_size"), FieldPanel("duration")]),
                FieldPanel("room"),
                FieldPanel("materials"),
            ],
            heading=_("Rahmen"),
        ),
        FieldPanel("steps"),
        FieldPanel("pitfalls"),
        FieldPanel("body"),
        KnowledgePage.topic_panel,
    ]
    listing_label = _("Veranstaltungsformat")

    class Meta:
        verbose_name = _("Veranstaltungsformat")
        verbose_name_plural = _("Veranstaltungsformate")


class GuidePage(KnowledgePage):
    """Founding guide, event-planning guide, social-media guide, practice guides."""

    class Kind(models.TextChoices):
        FOUNDING = "founding", _("Gründungsleitfaden")
        EVENT_PLANNING = "event_planning", _("Leitfaden Veranstaltungsplanung")
        SOCIAL_MEDIA = "social_media", _("Social-Media-Anleitung")
        PRACTICE = "practice", _("Praxisleitfaden")
        NETWORKING = "networking", _("Information und Vernetzung")

    kind = models.CharField(_("Art des Leitfadens"), max_length=20, choices=Kind.choices)  # type: ignore[var-annotated]
    body = StreamField(GuideBlock(), verbose_name=_("Inhalt"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("body"),
        KnowledgePage.topic_panel,
    ]
    listing_label = _("Leitfaden")

    class Meta:
        verbose_name = _("Leitfaden")
        verbose_name_plural = _("Leitfäden")


class GoodPracticePage(KnowledgePage):
    """An initiative's practice worth copying, with the criteria it shows."""

    criteria = ParentalManyToManyField(
        GoodPracticeCriterion, verbose_name=_("Good-Practice-Kriterien"), blank=True
    )
    body = StreamField(ContentBlock(), verbose_name=_("Inhalt"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "initiative_links",
            heading=_("Initiativen im Verzeichnis"),
            label=_("Initiative"),
            help_text=_("Die Initiativen, deren Praxis das Beispiel zeigt."),
        ),
        FieldPanel("criteria", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        KnowledgePage.topic_panel,
    ]
    listing_label = _("Good-Practice-Beispiel")

    class Meta:
        verbose_name = _("Good-Practice-Beispiel")
        verbose_name_plural = _("Good-Practice-Beispiele")

    @property
    def initiatives(self) -> list[Any]:
        return [link.initiative for link in self.initiative_links.all()]


class GoodPracticeInitiative(Orderable):
    """A registry initiative whose practice a good-practice page shows; the page is listed on
    the initiative's registry page (see selectors.initiative_good_practice_section)."""

    page = ParentalKey(GoodPracticePage, on_delete=models.CASCADE, related_name="initiative_links")
    initiative = models.ForeignKey(  # type: ignore[var-annotated]
        "registry.Initiative",
        verbose_name=_("Initiative"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("initiative", widget=InitiativeChooserWidget)]

    class Meta(Orderable.Meta):
        verbose_name = _("Initiative des Beispiels")
        verbose_name_plural = _("Initiativen des Beispiels")

    def __str__(self) -> str:
        return str(self.initiative)


class RecommendationPage(KnowledgePage):
    """Recommendations of the service centre for one or more target groups."""

    target_groups = ParentalManyToManyField(TargetGroup, verbose_name=_("Zielgruppen"), blank=True)
    body = StreamField(ContentBlock(), verbose_name=_("Inhalt"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        KnowledgePage.topic_panel,
    ]
    listing_label = _("Empfehlung")

    class Meta:
        verbose_name = _("Empfehlung")
        verbose_name_plural = _("Empfehlungen")


class NewsPage(KnowledgePage):
    date = models.DateField(_("Datum"))  # type: ignore[var-annotated]
    body = StreamField(ContentBlock(), verbose_name=_("Inhalt"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        KnowledgePage.topic_panel,
    ]
    listing_label = _("Meldung")

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")


class WebinarPage(KnowledgePage):
    """A webinar with its recording, slides, material and transcript.

    An embedded recording from another site loads only after the visitor asks for it."""

    starts_at = models.DateTimeField(_("Beginn"))  # type: ignore[var-annotated]
    speakers = StreamField(
        [("speaker", SpeakerBlock())], verbose_name=_("Referentinnen und Referenten"), blank=True
    )
    recording_video = models.ForeignKey(  # type: ignore[var-annotated]
        KnowledgeDocument,
        verbose_name=_("Aufzeichnung (Videodatei)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Hochgeladene Videodatei (MP4 oder WebM). Wird von dieser Website geladen."),
    )
    recording_embed_url = models.URLField(  # type: ignore[var-annotated]
        _("Aufzeichnung (externe Einbettung)"),
        blank=True,
        help_text=_(
            "Adresse des Players eines Videoportals (https). Er wird erst geladen, wenn "
            "Besucherinnen und Besucher dem ausdrücklich zustimmen."
        ),
    )
    materials = StreamField(
        [("document", DocumentBlock())],
        verbose_name=_("Folien und Material"),
        blank=True,
    )
    transcript = RichTextField(_("Transkript"), blank=True, features=["bold", "italic", "ul"])

    text_fields = ("intro", "speakers", "transcript")
    content_panels = [
        *Page.content_panels,
        FieldPanel("starts_at"),
        FieldPanel("intro"),
        FieldPanel("speakers"),
        MultiFieldPanel(
            [FieldPanel("recording_video"), FieldPanel("recording_embed_url")],
            heading=_("Aufzeichnung"),
        ),
        FieldPanel("materials"),
        FieldPanel("transcript"),
        KnowledgePage.topic_panel,
    ]
    listing_label = _("Webinar")

    class Meta:
        verbose_name = _("Webinar")
        verbose_name_plural = _("Webinare")

    @property
    def embed_host(self) -> str:
        return urlsplit(self.recording_embed_url).hostname or ""

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """The Content-Security-Policy allows frames from this page's video site only (the
        recording is embedded after the visitor's consent click; no other page may frame
        anything)."""
        response = super().serve(request, *args, **kwargs)
        if self.recording_embed_url:
            parts = urlsplit(self.recording_embed_url)
            response._csp_update = {"frame-src": [f"{parts.scheme}://{parts.netloc}"]}  # type: ignore[attr-defined]
        return response

    def clean(self) -> None:
        super().clean()
        if self.recording_embed_url and urlsplit(self.recording_embed_url).scheme != "https":
            from django.core.exceptions import ValidationError

            raise ValidationError(
                {"recording_embed_url": _("Bitte eine sichere Adresse (https) angeben.")}
            )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["embed_consented"] = request.GET.get(EMBED_CONSENT_PARAM) == "1"
        context["embed_consent_param"] = EMBED_CONSENT_PARAM
        return context


EMBED_CONSENT_PARAM = "externe-medien"


class MaterialLibraryPage(KnowledgePage):
    """All documents of the platform, filterable by type, topic and year."""

    body = StreamField(ContentBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["knowledge.HomePage", "knowledge.IndexPage"]
    max_count_per_parent = 1
    listing_label = _("Materialsammlung")

    class Meta:
        verbose_name = _("Materialsammlung")
        verbose_name_plural = _("Materialsammlungen")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from .selectors import material_library

        context = super().get_context(request, *args, **kwargs)
        context.update(material_library(params=request.GET))
        return context


# --- Leichte Sprache -------------------------------------------------------------------------
class EasyLanguageReviewMissing(PermissionDenied):
    """Publishing a Leichte-Sprache page without a passed Prüfgruppe check is refused."""


class EasyLanguagePageForm(WagtailAdminPageForm):
    """Tells the editor before publishing that a passed Prüfgruppe check is missing."""

    def clean(self) -> dict:
        cleaned = super().clean()
        publishing = "action-publish" in self.data
        if publishing and not self._has_passed_review():
            self.add_error(
                None,
                _(
                    "Eine Seite in Leichter Sprache kann erst veröffentlicht werden, wenn die "
                    "Prüfgruppe sie geprüft hat. Bitte tragen Sie die bestandene Prüfung ein."
                ),
            )
        return cleaned

    def _has_passed_review(self) -> bool:
        formset = self.formsets.get("reviews")
        if formset is None or not formset.is_valid():  # cleans the formset if not done yet
            return False
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("is_passed") and not data.get("DELETE"):
                return True
        return False


class EasyLanguagePage(SearchTextMixin, Page):
    """The Leichte-Sprache version of a page; linked both ways with the page it explains."""

    source_page = models.ForeignKey(  # type: ignore[var-annotated]
        "wagtailcore.Page",
        verbose_name=_("Seite in Standardsprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="easy_language_versions",
        help_text=_("Die Seite, die diese Seite in Leichter Sprache erklärt."),
    )
    intro = models.TextField(_("Kurzbeschreibung"), blank=True)  # type: ignore[var-annotated]
    body = StreamField(EasyLanguageBlock(), verbose_name=_("Inhalt"))

    base_form_class = EasyLanguagePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("source_page"),
        FieldPanel("intro"),
        FieldPanel("body"),
        ReadabilityPanel(heading=_("Lesbarkeit")),
        InlinePanel(
            "reviews",
            heading=_("Prüfung durch die Prüfgruppe"),
            label=_("Prüfung"),
            help_text=_("Veröffentlicht wird erst nach einer bestandenen Prüfung."),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("search_stems"),
    ]
    parent_page_types = ["knowledge.HomePage", "knowledge.ContentPage", "knowledge.IndexPage"]
    subpage_types: list[str] = []
    listing_label = _("Leichte Sprache")

    class Meta:
        verbose_name = _("Seite in Leichter Sprache")
        verbose_name_plural = _("Seiten in Leichter Sprache")

    def readability(self) -> Readability:
        return readability(" \n".join([self.intro, *self._block_texts()]))

    def _block_texts(self) -> list[str]:
        texts = []
        for block in self.body.raw_data:
            if block["type"] in {"heading", "paragraph"}:
                texts.append(str(block["value"]))
        return texts

    def has_passed_review(self) -> bool:
        return any(review.is_passed for review in self.reviews.all())

    def clean(self) -> None:
        super().clean()
        if self.live and not self.has_passed_review():
            from django.core.exceptions import ValidationError

            raise ValidationError(
                _("Ohne bestandene Prüfung durch die Prüfgruppe ist die Seite nicht öffentlich.")
            )

    def publish(self, revision: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """Server-side rule, also for workflow approval and scheduled publishing."""
        if not revision.as_object().has_passed_review():
            raise EasyLanguageReviewMissing(
                _("Ohne bestandene Prüfung durch die Prüfgruppe wird nicht veröffentlicht.")
            )
        return super().publish(revision, *args, **kwargs)


class EasyLanguageReview(Orderable):
    """A test-group check (Prüfgruppe): who checked the Leichte-Sprache text and when."""

    page = ParentalKey(EasyLanguagePage, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.CharField(  # type: ignore[var-annotated]
        _("Prüfgruppe / geprüft von"),
        max_length=255,
        help_text=_("Name der Prüfgruppe und der Person, die die Prüfung begleitet hat."),
    )
    reviewed_on = models.DateField(_("Geprüft am"))  # type: ignore[var-annotated]
    is_passed = models.BooleanField(  # type: ignore[var-annotated]
        _("Prüfung bestanden"),
        default=False,
        help_text=_("Nur ankreuzen, wenn die Prüfgruppe den Text verstanden und freigegeben hat."),
    )
    note = models.TextField(_("Anmerkungen"), blank=True)  # type: ignore[var-annotated]

    panels = [
        FieldPanel("reviewer"),
        FieldPanel("reviewed_on"),
        FieldPanel("is_passed"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Prüfung in Leichter Sprache")
        verbose_name_plural = _("Prüfungen in Leichter Sprache")

    def __str__(self) -> str:
        return f"{self.reviewer} ({self.reviewed_on:%d.%m.%Y})"
