"""Editorial pages (Wagtail). The start page and simple content pages live here; the toolbox,
guides, webinars and news follow in this app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index


class ContentBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Zwischenüberschrift"), form_classname="title")
    paragraph = blocks.RichTextBlock(
        label=_("Absatz"), features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )
    notice = blocks.StructBlock(
        [
            ("title", blocks.CharBlock(label=_("Titel"))),
            ("text", blocks.RichTextBlock(label=_("Text"), features=["bold", "link"])),
        ],
        label=_("Hinweiskasten"),
        template="knowledge/blocks/notice.html",
    )

    class Meta:
        template = "knowledge/blocks/content.html"


class HomePage(Page):
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
    subpage_types = ["knowledge.ContentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Startseite")


class ContentPage(Page):
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
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["knowledge.HomePage", "knowledge.ContentPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")

    @property
    def html_lang(self) -> str:
        return self.locale.language_code
