"""English translation, Leichte Sprache and the visible fallbacks."""

import pytest

from industriedialog.knowledge.models import EasyLanguagePage, EventFormatPage, GuidePage

from .factories import easy_page, format_page

pytestmark = pytest.mark.django_db


def body(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_format_page_links_to_its_english_translation_and_back(client, site_pages):
    german = body(client, "/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/")
    assert 'href="/en/toolbox/event-formats/future-workshop/" lang="en" hreflang="en"' in german
    english = body(client, "/en/toolbox/event-formats/future-workshop/")
    assert '<html lang="en"' in english
    assert "Future workshop" in english
    assert 'href="/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/" lang="de"' in english


def test_page_without_translation_says_so_instead_of_a_broken_link(client, site_pages):
    german = body(client, "/werkzeugkiste/veranstaltungsformate/world-cafe/")
    assert "This page is not yet available in English." in german
    assert 'class="page-versions__missing" lang="en"' in german


def test_english_section_lists_untranslated_pages_in_german_marked_as_such(client, site_pages):
    english = body(client, "/en/toolbox/event-formats/")
    assert "Future workshop" in english
    assert 'lang="de"' in english and "World Café" in english
    assert "Not yet translated – shown in German." in english


def test_format_and_easy_language_version_link_both_ways(client, site_pages):
    founding = GuidePage.objects.get(kind="founding")
    easy = EasyLanguagePage.objects.get(source_page=founding)
    standard = body(client, founding.url)
    assert f'href="{easy.url}" lang="de"' in standard
    assert "Diese Seite in Leichter Sprache" in standard
    simple = body(client, easy.url)
    assert f'href="{founding.url}" lang="de">Diese Seite in Alltags-Sprache' in simple
    assert '<html lang="de"' in simple


def test_english_page_offers_the_german_easy_language_version(client, site_pages):
    future = EventFormatPage.objects.get(slug="zukunftswerkstatt")
    easy = easy_page(source=future)
    english = body(client, "/en/toolbox/event-formats/future-workshop/")
    assert f'href="{easy.url}" lang="de"' in english


def test_unpublished_easy_language_version_is_not_offered(client, site_pages):
    page = format_page()
    easy_page(source=page, publish=False)
    assert "Leichter Sprache" not in body(client, page.url).split("page-versions")[1]


def test_easy_language_page_has_no_missing_translation_note(client, site_pages):
    founding = GuidePage.objects.get(kind="founding")
    easy = EasyLanguagePage.objects.get(source_page=founding)
    assert "not yet available in English" not in body(client, easy.url)
