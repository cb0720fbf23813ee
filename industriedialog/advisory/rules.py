"""Who may do what in the founding pipeline: staff only (cases hold internal notes)."""

from __future__ import annotations

import rules

from industriedialog.accounts.rules import is_staff_member

rules.add_perm("advisory.view_founding_cases", is_staff_member)
rules.add_perm("advisory.manage_founding_cases", is_staff_member)
rules.add_perm("advisory.change_founding_case", is_staff_member)
rules.add_perm("advisory.found_initiative", is_staff_member)


# Advice log: consultations hold personal data and internal notes – staff only.
@rules.predicate
def consultation_is_open(user, consultation) -> bool:  # type: ignore[no-untyped-def]
    """An anonymised consultation (retention period over) is closed for changes."""
    return consultation is None or consultation.anonymised_at is None


rules.add_perm("advisory.view_consultations", is_staff_member)
rules.add_perm("advisory.log_consultation", is_staff_member)
rules.add_perm("advisory.change_consultation", is_staff_member & consultation_is_open)
rules.add_perm("advisory.export_consultations", is_staff_member)
rules.add_perm("advisory.view_retention_runs", is_staff_member)
