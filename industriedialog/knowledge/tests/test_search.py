"""German search over knowledge pages and documents."""

import pytest

from .factories import KnowledgeDocumentFactory, format_page

pytestmark = pytest.mark.django_db


def search(client, query="", prefix="", **filters):
    response = client.get(f"{prefix}/suche/", {"q": query, **filters})
    assert response.status_code == 200
    return response.content.decode()


def test_finds_the_format_by_an_inflected_query(client, site_pages):
    body = search(client, "Zukunftswerkstatt planen")
    assert 'href="/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/"' in body


def test_stemming_finds_plural_and_umlaut_forms(client, site_pages):
    body = search(client, "Zukunftswerkstätten")
    assert 'href="/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/"' in body


def test_hits_are_highlighted(client, site_pages):
    body = search(client, "Zukunftswerkstatt planen")
    assert "<mark>planen</mark>" in body or "<mark>Zukunftswerkstatt</mark>" in body


def test_all_words_must_match(client, site_pages):
    body = search(client, "Zukunftswerkstatt Gebärdensprachdolmetschung")
    assert "0 Treffer" in body


def test_filter_by_content_type(client, site_pages):
    body = search(client, "Zukunftswerkstatt", art="webinar")
    assert "Webinar: Die Zukunftswerkstatt in der Praxis" in body
    assert 'href="/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/"' not in body


def test_filter_by_topic(client, site_pages):
    format_page(title="Zukunftswerkstatt ohne Thema", slug="ohne-thema")
    body = search(client, "Zukunftswerkstatt", thema="strukturwandel")
    assert 'href="/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/"' in body
    assert "ohne-thema" not in body
    body = search(client, "Zukunftswerkstatt", thema="fachkraefte")
    assert 'href="/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/"' not in body


def test_documents_are_found_by_description_with_type_and_size(client, site_pages):
    KnowledgeDocumentFactory(
        title="Handreichung Flächen", description="Wie Gewerbeflächen Akzeptanz finden."
    )
    body = search(client, "Gewerbefläche")
    assert "Handreichung Flächen" in body
    assert "(PDF," in body


def test_drafts_are_not_found(client, site_pages):
    format_page(title="Geheimformat Mondlandung", slug="geheim", publish=False)
    assert "Geheimformat" not in search(client, "Mondlandung")


def test_english_search_finds_english_pages(client, site_pages):
    body = search(client, "future workshop", prefix="/en")
    assert 'href="/en/toolbox/event-formats/future-workshop/"' in body


def test_search_page_works_without_javascript(client, site_pages):
    body = search(client)
    assert '<form method="get" action="/suche/" role="search"' in body
    assert '<label class="kern-label" for="id_q">' in body
    assert "Treffer" not in body


def test_very_broad_queries_are_listed_newest_first_and_say_so(client, site_pages, monkeypatch):
    monkeypatch.setattr("industriedialog.knowledge.search.RELEVANCE_LIMIT", 1)
    body = search(client, "Zukunftswerkstatt")
    assert "nach Aktualität sortiert" in body
    assert 'href="/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/"' in body


def test_results_are_paginated(client, site_pages):
    for number in range(22):
        format_page(title=f"Zukunftswerkstatt Variante {number}", slug=f"variante-{number}")
    body = search(client, "Zukunftswerkstatt Variante")
    assert "22 Treffer" in body and "Seite 1 von 2" in body
    second = search(client, "Zukunftswerkstatt Variante", seite="2")
    assert second.count('class="knowledge-list__item"') == 2


def registry_initiative(**kwargs):  # type: ignore[no-untyped-def]
    from industriedialog.registry.models import FieldOfAction
    from industriedialog.registry.services import initiative_refresh_search_text
    from industriedialog.registry.tests.factories import InitiativeFactory

    fields = kwargs.pop("fields", [])
    initiative = InitiativeFactory(**kwargs)
    for code in fields:
        field, _ = FieldOfAction.objects.get_or_create(code=code)
        initiative.fields_of_action.add(field)
    initiative_refresh_search_text(initiative)
    return initiative


def test_registry_initiatives_are_found_and_link_to_their_page(client, site_pages):
    initiative = registry_initiative(
        name="Zukunftsbündnis Lausitz",
        description="Die Initiative veranstaltet jedes Jahr Zukunftswerkstätten mit Schulen.",
    )
    body = search(client, "Zukunftswerkstatt planen")
    assert 'href="/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/"' in body
    assert "Zukunftsbündnis Lausitz" not in body, "every word must match"
    body = search(client, "Zukunftswerkstätten Schulen")
    assert f'href="{initiative.get_absolute_url()}"' in body
    assert "<mark>Zukunftswerkstätten</mark>" in body


def test_filter_initiatives_only(client, site_pages):
    registry_initiative(name="Zukunftswerkstatt-Netzwerk Harz", slug="harz")
    body = search(client, "Zukunftswerkstatt", art="initiativen")
    assert 'href="/initiativen/harz/"' in body
    assert 'href="/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/"' not in body
    body = search(client, "Zukunftswerkstatt", art="format")
    assert 'href="/initiativen/harz/"' not in body
    body = search(client, "Zukunftswerkstatt", art="material")
    assert 'href="/initiativen/harz/"' not in body


def test_topic_filter_uses_the_initiatives_fields_of_action(client, site_pages):
    registry_initiative(name="Werkstatt Fachkräfte Ost", slug="ost", fields=["skilled_workers"])
    registry_initiative(name="Werkstatt Energie West", slug="west", fields=["energy"])
    body = search(client, "Werkstatt", thema="fachkraefte")
    assert 'href="/initiativen/ost/"' in body
    assert 'href="/initiativen/west/"' not in body


def test_initiative_filter_is_offered_on_the_search_page(client, site_pages):
    body = search(client)
    assert '<option value="initiativen">Initiativen</option>' in body
