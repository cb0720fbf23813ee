"""Query strings for links that keep the visitor's filters (pagination, exports, map views)."""

from django.http import HttpRequest


def query_without_page(request: HttpRequest) -> str:
    """The current GET parameters without ``page``, URL-encoded: for links that keep the
    filters but start at the first page (or have no pages: exports, map, calendar feed)."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
