"""Who may do what with self-assessments (django-rules; checked on the server for every read
of scores and every write). Scores are seen only by the initiative's representatives and staff."""

from __future__ import annotations

import rules

from industriedialog.accounts.rules import is_staff_member
from industriedialog.registry.rules import represents


@rules.predicate
def represents_assessed(user, assessment) -> bool:  # type: ignore[no-untyped-def]
    """An approved representative of the assessment's initiative."""
    return assessment is not None and represents(user, assessment.initiative)


@rules.predicate
def is_draft(user, assessment) -> bool:  # type: ignore[no-untyped-def]
    return assessment is not None and assessment.state == "draft"


@rules.predicate
def is_completed(user, assessment) -> bool:  # type: ignore[no-untyped-def]
    return assessment is not None and assessment.state == "completed"


# Per initiative (obj = Initiative)
rules.add_perm("assessments.view_initiative_assessments", represents | is_staff_member)
rules.add_perm("assessments.start_assessment", represents)
rules.add_perm("assessments.change_peer_opt_in", represents)
# Per assessment (obj = Assessment)
rules.add_perm("assessments.view_assessment", represents_assessed | is_staff_member)
rules.add_perm("assessments.answer", represents_assessed & is_draft)
rules.add_perm("assessments.complete", represents_assessed & is_draft)
rules.add_perm("assessments.set_targets", represents_assessed & is_completed)
rules.add_perm("assessments.request_contact", represents_assessed & is_completed)
# Staff: the network view, exports, the catalogue and brokering contacts
rules.add_perm("assessments.view_network", is_staff_member)
rules.add_perm("assessments.export", is_staff_member)
rules.add_perm("assessments.manage_catalogue", is_staff_member)
rules.add_perm("assessments.broker_contacts", is_staff_member)
