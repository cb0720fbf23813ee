"""Who may do what: every permission of the platform is a django-rules predicate.

Views never test roles themselves; they ask ``permissions.can`` (or declare
``permission_required``), which ends here.
"""

from __future__ import annotations

from typing import Any

import rules

from .roles import Role, group_name


def has_role(role: Role) -> Any:
    return rules.is_group_member(group_name(role))


is_admin = rules.is_active & rules.is_superuser
is_advisor = has_role(Role.ADVISOR)
is_editor = has_role(Role.EDITOR)
is_analyst = has_role(Role.ANALYST)
is_representative = has_role(Role.REPRESENTATIVE)
is_jury_member = has_role(Role.JURY)
is_ministry = has_role(Role.MINISTRY)
is_advisory_board = has_role(Role.ADVISORY_BOARD)

is_staff_member = rules.is_active & (is_admin | is_advisor | is_editor | is_analyst)
is_read_only_viewer = rules.is_active & (is_ministry | is_advisory_board)


@rules.predicate
def is_self(user, account) -> bool:  # type: ignore[no-untyped-def]
    return account is not None and user.is_authenticated and user.pk == account.pk


# Staff area and back office
rules.add_perm("accounts.access_staff_area", is_staff_member)
rules.add_perm("accounts.view_reports", is_staff_member | is_read_only_viewer)
rules.add_perm("accounts.manage_roles", is_admin)
# Own account
rules.add_perm("accounts.view_profile", rules.is_authenticated & (is_self | is_admin))
rules.add_perm("accounts.change_profile", rules.is_authenticated & (is_self | is_admin))
