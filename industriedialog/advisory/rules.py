"""Who may do what in the founding pipeline: staff only (cases hold internal notes)."""

from __future__ import annotations

import rules

from industriedialog.accounts.rules import is_staff_member

rules.add_perm("advisory.view_founding_cases", is_staff_member)
rules.add_perm("advisory.manage_founding_cases", is_staff_member)
rules.add_perm("advisory.change_founding_case", is_staff_member)
rules.add_perm("advisory.found_initiative", is_staff_member)
