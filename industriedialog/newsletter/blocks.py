from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FreeItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    url = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        label = _("Beitrag")
        icon = "doc-full"
