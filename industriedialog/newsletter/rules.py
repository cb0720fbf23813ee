"""Who may compose and send newsletter issues: editors and administrators only."""

from __future__ import annotations

import rules

from industriedialog.accounts.rules import is_admin, is_editor

is_newsletter_editor = rules.is_active & (is_admin | is_editor)

for action in ("view", "add", "change", "delete"):
    rules.add_perm(f"newsletter.{action}_issue", is_newsletter_editor)
rules.add_perm("newsletter.send_issue", is_newsletter_editor)
