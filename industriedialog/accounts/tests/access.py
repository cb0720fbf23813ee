"""Access rules of the accounts URLs (permission matrix, see common/tests/access_rules.py)."""

from industriedialog.common.tests.access_rules import SIGNED_IN, STAFF, Rule

RULES = {
    "accounts:profile": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "accounts:staff_dashboard": Rule(read=STAFF, write=STAFF),
}
