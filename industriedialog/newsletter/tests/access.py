"""Access rules of the newsletter URLs (permission matrix)."""

from industriedialog.common.tests.access_rules import EVERYONE, Rule, public, token

RULES = {
    "newsletter:subscribe": Rule(read=EVERYONE, write=EVERYONE),
    "newsletter:confirm": token(kwargs=lambda w: {"token": "falsch"}),
    "newsletter:unsubscribe": token(kwargs=lambda w: {"token": "falsch"}),
    "newsletter:archive": public(),
    "newsletter:archive_issue": public(kwargs=lambda w: {"pk": w.issue.pk}),
}
