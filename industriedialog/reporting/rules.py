"""Reporting: staff read and write; the ministry and the advisory board read (dashboard,
issued reports, advisory board); representatives and visitors nothing."""

from __future__ import annotations

import rules

from industriedialog.accounts.rules import is_read_only_viewer, is_staff_member


@rules.predicate
def is_issued(user, report) -> bool:  # type: ignore[no-untyped-def]
    return report is None or report.status == report.Status.ISSUED


can_read = is_staff_member | is_read_only_viewer

rules.add_perm("reporting.view_dashboard", can_read)
rules.add_perm("reporting.manage_indicators", is_staff_member)
rules.add_perm("reporting.view_reports", can_read)
rules.add_perm("reporting.view_report", is_staff_member | (is_read_only_viewer & is_issued))
rules.add_perm("reporting.manage_reports", is_staff_member)
rules.add_perm("reporting.view_board", can_read)
rules.add_perm("reporting.manage_board", is_staff_member)
