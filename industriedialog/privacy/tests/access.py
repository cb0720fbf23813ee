"""Access rules of the data-protection pages (permission matrix): staff search and export,
only advisors and administrators erase."""

from industriedialog.common.tests.access_rules import (
    ADVISOR,
    STAFF,
    SUPERUSER,
    Rule,
    staff_post_only,
)

RULES = {
    "privacy:index": Rule(read=STAFF, write=STAFF),
    "privacy:export": staff_post_only(),
    "privacy:erase": Rule(
        read=frozenset({ADVISOR, SUPERUSER}), write=frozenset({ADVISOR, SUPERUSER})
    ),
}
