"""Access rules of the white-spot URLs (permission matrix)."""

from industriedialog.common.tests.access_rules import STAFF_AND_READERS, Rule, public, staff

RULES = {
    "whitespots:map": public(),
    "whitespots:district_card": public(kwargs=lambda w: {"ags": w.district.ags}),
    "whitespots:ranking": Rule(read=STAFF_AND_READERS),
    "whitespots:ranking_export": Rule(read=STAFF_AND_READERS, kwargs=lambda w: {"fmt": "csv"}),
    "whitespots:indicator_import": staff(),
}
