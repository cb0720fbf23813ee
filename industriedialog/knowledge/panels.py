"""Editor panels of the knowledge pages."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel


class ReadabilityPanel(Panel):
    """Shows LIX and Flesch-Amstad of the last saved version of a Leichte-Sprache page."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "knowledge/panels/readability.html"

        def get_context_data(self, parent_context: Any = None) -> dict:
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["score"] = instance.readability() if instance.body else None
            return context
