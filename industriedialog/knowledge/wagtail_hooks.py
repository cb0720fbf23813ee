"""Back-office registration of the knowledge platform."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from .choosers import initiative_chooser_viewset


@hooks.register("register_admin_viewset")
def register_initiative_chooser() -> Any:
    return initiative_chooser_viewset
