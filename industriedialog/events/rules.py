"""Who may do what with events (django-rules; checked on the server for every write)."""

from __future__ import annotations

import rules

from industriedialog.accounts.rules import is_staff_member

# The service centre plans and runs the events; everything else is public or by token.
rules.add_perm("events.manage_events", is_staff_member)
rules.add_perm("events.change_event", is_staff_member)
rules.add_perm("events.view_participants", is_staff_member)
rules.add_perm("events.check_in", is_staff_member)
rules.add_perm("events.message_participants", is_staff_member)
rules.add_perm("events.view_feedback", is_staff_member)
rules.add_perm("events.edit_planning_templates", is_staff_member)
