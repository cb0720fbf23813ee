"""Who may do what in the registry (django-rules; checked on the server for every write)."""

from __future__ import annotations

import rules

from industriedialog.accounts.rules import is_staff_member


@rules.predicate
def represents(user, initiative) -> bool:  # type: ignore[no-untyped-def]
    """An approved representative of exactly this initiative."""
    if initiative is None or not user.is_authenticated or not user.is_active:
        return False
    from .models import Representation

    return Representation.objects.filter(
        user=user, initiative=initiative, state=Representation.State.APPROVED
    ).exists()


# Staff maintain the whole registry.
rules.add_perm("registry.manage_registry", is_staff_member)
rules.add_perm("registry.change_initiative", is_staff_member)
rules.add_perm("registry.view_history", is_staff_member)
rules.add_perm("registry.view_private_contacts", is_staff_member)
rules.add_perm("registry.import_initiatives", is_staff_member)
rules.add_perm("registry.decide_claims", is_staff_member)
rules.add_perm("registry.decide_proposals", is_staff_member)
# Signed-in people may ask to represent an initiative; representatives propose changes to
# their own initiative only (staff edit entries directly in the back office).
rules.add_perm("registry.claim_initiative", rules.is_authenticated & rules.is_active)
rules.add_perm("registry.propose_change", represents)
rules.add_perm("registry.confirm_entry", represents | is_staff_member)
