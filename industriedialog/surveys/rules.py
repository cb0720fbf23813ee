"""Who may do what with surveys (django-rules; checked on the server for every write)."""

from __future__ import annotations

import rules

from industriedialog.accounts.rules import is_ministry, is_staff_member


@rules.predicate
def is_shared_with_ministry(user, survey) -> bool:  # type: ignore[no-untyped-def]
    return survey is None or bool(survey.is_shared_with_ministry)


# Staff build surveys, invite, remind and read every result.
rules.add_perm("surveys.manage_surveys", is_staff_member)
rules.add_perm("surveys.change_survey", is_staff_member)
rules.add_perm("surveys.invite", is_staff_member)
rules.add_perm("surveys.export_results", is_staff_member)
# The ministry reads (never changes) the results staff have shared with it.
rules.add_perm("surveys.view_shared_results", rules.is_active & is_ministry)
rules.add_perm(
    "surveys.view_results",
    is_staff_member | (rules.is_active & is_ministry & is_shared_with_ministry),
)
