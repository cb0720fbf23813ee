"""The roles of DOMAIN.md. Each role is a Django group; administrators are superusers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REPRESENTATIVE = "representative", _("Vertretung einer Initiative")
    ADVISOR = "advisor", _("Servicestelle: Beratung")
    EDITOR = "editor", _("Servicestelle: Redaktion")
    ANALYST = "analyst", _("Servicestelle: Analyse")
    JURY = "jury", _("Jury")
    MINISTRY = "ministry", _("Auftraggeber (Ministerium)")
    ADVISORY_BOARD = "advisory_board", _("Fachbeirat")


STAFF_ROLES = frozenset({Role.ADVISOR, Role.EDITOR, Role.ANALYST})
READ_ONLY_ROLES = frozenset({Role.MINISTRY, Role.ADVISORY_BOARD})

# Fixed group names (German, as administrators see them in the back office). Code refers to
# roles only through Role; this table is the one place that ties a role to its group.
GROUP_NAMES: dict[str, str] = {
    Role.REPRESENTATIVE: "Vertretung einer Initiative",
    Role.ADVISOR: "Servicestelle: Beratung",
    Role.EDITOR: "Servicestelle: Redaktion",
    Role.ANALYST: "Servicestelle: Analyse",
    Role.JURY: "Jury",
    Role.MINISTRY: "Auftraggeber (Ministerium)",
    Role.ADVISORY_BOARD: "Fachbeirat",
}


def group_name(role: Role | str) -> str:
    return GROUP_NAMES[Role(role)]


# Model permissions each role's group gets (object-level rules live in rules.py).
_STAFF_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "regions.view_state",
    "regions.view_district",
)
ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    Role.ADVISOR: _STAFF_PERMISSIONS,
    Role.ANALYST: _STAFF_PERMISSIONS,
    Role.EDITOR: (
        *_STAFF_PERMISSIONS,
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
    ),
}
