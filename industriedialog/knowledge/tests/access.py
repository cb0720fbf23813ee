"""Access rules of the knowledge URLs (permission matrix)."""

from industriedialog.common.tests.access_rules import public

RULES = {
    "knowledge:index": public(),
    "knowledge:search": public(query="q=Industrie"),
}
