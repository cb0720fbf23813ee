"""Editor form of an issue (Wagtail admin)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class IssueForm(WagtailAdminModelForm):
    def clean(self) -> dict[str, Any]:
        if self.instance.pk and self.instance.status != "draft":
            raise ValidationError(
                _(
                    "Diese Ausgabe ist versandt (oder wird es gerade) und kann nicht mehr "
                    "geändert werden."
                )
            )
        return super().clean()
