"""Access rules of the common URLs and the public API (permission matrix)."""

from industriedialog.common.tests.access_rules import NOBODY, Rule, public

RULES = {
    "common:data_sources": public(),
    # The open data API (registry.api): public, read-only, public fields only.
    # django-ninja names the prefix "api-root" but serves nothing there: 404 for all.
    "api_v1:api-root": Rule(read=NOBODY, write=NOBODY),
    "api_v1:openapi-json": public(),
    "api_v1:openapi-view": public(),
    "api_v1:initiative_list": public(),
    "api_v1:initiative_detail": public(kwargs=lambda w: {"slug": w.initiative.slug}),
    "api_v1:organisation_list": public(),
}
