"""Whole-page cache of public knowledge pages."""

import pytest

from industriedialog.accounts.tests.factories import UserFactory

from .factories import format_page

pytestmark = pytest.mark.django_db

PATH = "/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/"


def test_second_anonymous_request_is_served_from_the_cache(client, site_pages):
    assert client.get(PATH)["X-Page-Cache"] == "miss"
    assert client.get(PATH)["X-Page-Cache"] == "hit"


def test_each_visitor_gets_their_own_csrf_token_from_a_cached_page(client, site_pages):
    from django.test import Client

    client.get(PATH)
    other = Client()
    body = other.get(PATH).content.decode()
    assert "__knowledge_csrf_token__" not in body
    token = body.split('"X-CSRFToken": "')[1].split('"')[0]
    assert len(token) == 64
    assert "csrftoken" in other.cookies


def test_publishing_a_page_refreshes_the_lists(client, site_pages):
    client.get("/werkzeugkiste/veranstaltungsformate/")
    format_page(title="Planspiel Industrie", slug="planspiel")
    body = client.get("/werkzeugkiste/veranstaltungsformate/").content.decode()
    assert "Planspiel Industrie" in body


def test_signed_in_users_and_filtered_views_bypass_the_cache(client, site_pages):
    client.get(PATH)
    assert client.get(PATH + "?externe-medien=1").get("X-Page-Cache") is None
    client.force_login(UserFactory())
    assert client.get(PATH).get("X-Page-Cache") is None


def test_cache_can_be_switched_off(client, site_pages, settings):
    settings.KNOWLEDGE_PAGE_CACHE_SECONDS = 0
    client.get(PATH)
    assert client.get(PATH).get("X-Page-Cache") is None
