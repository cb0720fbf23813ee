"""StreamField blocks of the knowledge pages."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]
EASY_TEXT_FEATURES = ["bold", "link", "ul", "document-link"]


class NoticeBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"))
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "link"])

    class Meta:
        label = _("Hinweiskasten")
        template = "knowledge/blocks/notice.html"


class ImageBlock(blocks.StructBlock):
    """An image always with a text alternative: the editor cannot save it without one."""

    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        max_length=250,
        help_text=_("Beschreiben Sie, was das Bild zeigt (Pflicht für Barrierefreiheit)."),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False)

    class Meta:
        label = _("Bild")
        icon = "image"
        template = "knowledge/blocks/image.html"

    def clean(self, value):  # type: ignore[no-untyped-def]
        cleaned = super().clean(value)
        if not (cleaned.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                {"alt_text": ValidationError(_("Bitte geben Sie einen Alternativtext an."))}
            )
        return cleaned


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    label = blocks.CharBlock(label=_("Linktext"), required=False)

    class Meta:
        label = _("Dokument")
        icon = "doc-full"
        template = "knowledge/blocks/document.html"


class StepBlock(blocks.StructBlock):
    """One step on a way (founding guide, format flow) with the decision it asks for."""

    title = blocks.CharBlock(label=_("Schritt"))
    text = blocks.RichTextBlock(label=_("Beschreibung"), features=RICH_TEXT_FEATURES)
    duration = blocks.CharBlock(label=_("Dauer"), required=False)
    decision = blocks.CharBlock(label=_("Zu entscheiden"), required=False)

    class Meta:
        label = _("Schritt")
        icon = "list-ol"


class TimelineEntryBlock(blocks.StructBlock):
    when = blocks.CharBlock(label=_("Zeitpunkt"), help_text=_("z. B. „8 Wochen vorher“"))
    task = blocks.CharBlock(label=_("Aufgabe"))

    class Meta:
        label = _("Eintrag")


class ContentBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Zwischenüberschrift"), form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("Absatz"), features=RICH_TEXT_FEATURES)
    notice = NoticeBlock()
    image = ImageBlock()
    document = DocumentBlock()

    class Meta:
        template = "knowledge/blocks/content.html"


class GuideBlock(ContentBlock):
    steps = blocks.ListBlock(
        StepBlock(), label=_("Schritte"), template="knowledge/blocks/steps.html"
    )
    timeline = blocks.ListBlock(
        TimelineEntryBlock(), label=_("Zeitplan"), template="knowledge/blocks/timeline.html"
    )


class EasyLanguageBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Zwischenüberschrift"), form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("Absatz"), features=EASY_TEXT_FEATURES)
    image = ImageBlock()

    class Meta:
        template = "knowledge/blocks/content.html"


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"))
    role = blocks.CharBlock(label=_("Funktion, Organisation"), required=False)

    class Meta:
        label = _("Referentin oder Referent")
        icon = "user"
