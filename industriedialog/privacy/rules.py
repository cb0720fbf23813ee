"""Who handles data-subject requests: staff search and export; erasure only advisors and
administrators (it cannot be undone)."""

from __future__ import annotations

import rules

from industriedialog.accounts.rules import is_admin, is_advisor, is_staff_member

rules.add_perm("privacy.handle_requests", is_staff_member)
rules.add_perm("privacy.erase_person", rules.is_active & (is_admin | is_advisor))
