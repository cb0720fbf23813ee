"""List views must not run one query per listed item."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import KnowledgeDocumentFactory, format_page


def formats(first: int, count: int) -> None:
    for number in range(first, first + count):
        format_page(title=f"Format {number}", slug=f"format-{number}")


def documents(first: int, count: int) -> None:
    KnowledgeDocumentFactory.create_batch(count)


pytestmark = pytest.mark.django_db


def queries_for(client, path: str) -> int:
    client.get(path)  # warm Wagtail's caches (site root paths) first
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("path", "make"),
    [
        ("/werkzeugkiste/veranstaltungsformate/?thema=", formats),
        ("/material/?art=", documents),
        ("/suche/?q=Format", formats),
    ],
)
def test_list_views_do_not_grow_queries_per_item(client, site_pages, path, make):
    make(0, 2)
    before = queries_for(client, path)
    make(2, 8)
    after = queries_for(client, path)
    assert after <= before + 1, (before, after)
