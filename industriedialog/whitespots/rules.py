"""Coverage and the map are public; the priority ranking and the indicator import are for
staff (the ministry and the advisory board may read the ranking)."""

from __future__ import annotations

import rules

from industriedialog.accounts.rules import is_read_only_viewer, is_staff_member

rules.add_perm("whitespots.view_ranking", is_staff_member | is_read_only_viewer)
rules.add_perm("whitespots.import_indicators", is_staff_member)
