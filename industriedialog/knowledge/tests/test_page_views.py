"""What a visitor sees on the knowledge pages."""

import re

import pytest

from industriedialog.knowledge.models import KnowledgeDocument, WebinarPage

from .factories import KnowledgeDocumentFactory

pytestmark = pytest.mark.django_db


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_format_page_shows_frame_flow_and_pitfalls(client, site_pages):
    body = get(client, "/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/")
    assert '<h1 class="kern-heading-large">Zukunftswerkstatt</h1>' in body
    for text in (
        "Gruppengröße",
        "15 bis 40 Personen",
        "Ablauf Schritt für Schritt",
        "Fantasiephase",
        "Stolpersteine",
        "Zu entscheiden:",
    ):
        assert text in body, text


def test_toolbox_lists_its_modules(client, site_pages):
    body = get(client, "/werkzeugkiste/")
    for title in (
        "Veranstaltungsformate",
        "Good-Practice-Beispiele",
        "Gründungsleitfaden",
        "Leitfaden Veranstaltungsplanung",
        "Social-Media-Anleitung",
    ):
        assert title in body, title


def test_event_planning_guide_shows_a_time_plan_table(client, site_pages):
    body = get(client, "/werkzeugkiste/veranstaltungsplanung/")
    assert "<caption" in body and "12 Wochen vorher" in body


def test_recommendations_filter_by_target_group_without_javascript(client, site_pages):
    body = get(client, "/empfehlungen/?zielgruppe=gewerkschaften")
    assert "Empfehlungen für Gewerkschaften" in body
    assert "Empfehlungen für Unternehmen" not in body
    assert '<select name="zielgruppe"' in body


def test_recommendation_shows_its_target_groups_and_topics(client, site_pages):
    body = get(client, "/empfehlungen/empfehlungen-fuer-die-politik/")
    assert "Politik und Verwaltung" in body
    assert "Flächen und Infrastruktur" in body


def test_good_practice_page_shows_the_criteria(client, site_pages):
    body = get(client, "/werkzeugkiste/good-practice/ausbildungsbotschafter/")
    assert "Junge Menschen erreichen" in body


def test_webinar_makes_no_third_party_request_before_consent(client, site_pages):
    body = get(client, "/webinare/webinar-zukunftswerkstatt/")
    assert "<iframe" not in body
    assert not re.search(r'src="https?://video\.example\.org', body)
    assert "Video von video.example.org laden" in body
    assert 'name="externe-medien"' in body


def test_webinar_loads_the_embed_after_the_consent_click(client, site_pages):
    body = get(client, "/webinare/webinar-zukunftswerkstatt/?externe-medien=1")
    assert '<iframe class="knowledge-embed" src="https://video.example.org/embed/' in body


def test_webinar_with_uploaded_video_plays_it_from_this_site(client, site_pages):
    video = KnowledgeDocumentFactory(title="Aufzeichnung", material_type="video")
    webinar = WebinarPage.objects.get()
    webinar.recording_video = video
    webinar.save_revision().publish()
    body = get(client, webinar.url)
    assert f'<source src="{video.url}">' in body
    assert "<iframe" not in body and "video.example.org" not in body


def test_webinar_material_links_show_file_type_and_size(client, site_pages):
    body = get(client, "/webinare/webinar-zukunftswerkstatt/")
    link_text = re.compile(
        r"Folien: Die Zukunftswerkstatt in der Praxis "
        r'<span class="document-info">\(PDF, \d+[,.]?\d*\s(Bytes|KB)\)</span>'
    )
    assert link_text.search(body)


def test_embed_url_must_be_https(site_pages):
    from django.core.exceptions import ValidationError

    webinar = WebinarPage.objects.get()
    webinar.recording_embed_url = "http://video.example.org/embed/x"
    with pytest.raises(ValidationError):
        webinar.full_clean()


def test_material_library_filters_by_type_topic_and_year(client, site_pages):
    body = get(client, "/material/")
    assert "Checkliste Veranstaltungsplanung" in body and "Mustererklärung" in body
    body = get(client, "/material/?art=vorlage")
    assert "Checkliste Veranstaltungsplanung" not in body and "Mustererklärung" in body
    body = get(client, "/material/?thema=strukturwandel")
    assert "Maßnahmenplan" in body and "Mustererklärung" not in body
    body = get(client, "/material/?jahr=2024")
    assert "Mustererklärung" in body and "Maßnahmenplan" not in body


def test_document_without_year_counts_in_its_upload_year(client, site_pages):
    doc = KnowledgeDocumentFactory(title="Ohne Jahr", year=None)
    body = get(client, f"/material/?jahr={doc.created_at.year}")
    assert "Ohne Jahr" in body


def test_material_library_is_paginated(client, site_pages):
    KnowledgeDocumentFactory.create_batch(25)
    body = get(client, "/material/")
    assert "Seite 1 von 2" in body
    assert "seite=2" in body


def test_document_download_is_served(client, site_pages):
    doc = KnowledgeDocument.objects.get(title="Checkliste Veranstaltungsplanung")
    response = client.get(doc.url)
    assert response.status_code == 200


def test_knowledge_overview_lists_sections_and_offers_search(client, site_pages):
    body = get(client, "/wissen/")
    assert 'action="/suche/"' in body
    for title in ("Werkzeugkiste", "Empfehlungen", "Webinare", "Materialsammlung"):
        assert title in body
