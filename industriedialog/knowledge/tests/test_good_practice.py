"""Good-practice pages linked to registry initiatives and listed on the initiatives' pages."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from industriedialog.knowledge.models import GoodPracticeInitiative, GoodPracticePage
from industriedialog.knowledge.selectors import good_practice_for_initiative
from industriedialog.knowledge.services import good_practice_link_initiatives, site_setup
from industriedialog.registry.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def link(page, *initiatives):  # type: ignore[no-untyped-def]
    for initiative in initiatives:
        page.initiative_links.add(GoodPracticeInitiative(initiative=initiative))
    page.save_revision().publish()


def test_initiative_page_lists_its_good_practice_examples(client, site_pages):
    initiative = InitiativeFactory(name="Bündnis Südwestfalen")
    other = InitiativeFactory(name="Industrie Erfurt")
    page = GoodPracticePage.objects.get(slug="ausbildungsbotschafter")
    link(page, initiative)

    body = client.get(initiative.get_absolute_url()).content.decode()
    assert "Good-Practice-Beispiele" in body
    assert f'href="{page.url}"' in body
    assert page.title in body
    other_body = client.get(other.get_absolute_url()).content.decode()
    assert page.title not in other_body and "Good-Practice-Beispiele" not in other_body


def test_unpublished_example_is_not_listed(client, site_pages):
    initiative = InitiativeFactory()
    page = GoodPracticePage.objects.get(slug="ausbildungsbotschafter")
    link(page, initiative)
    page.unpublish()
    assert good_practice_for_initiative(initiative_id=initiative.pk) == []
    assert page.title not in client.get(initiative.get_absolute_url()).content.decode()


def test_english_visitors_get_the_translation_if_there_is_one(client, site_pages):
    from wagtail.models import Locale

    initiative = InitiativeFactory()
    page = GoodPracticePage.objects.get(slug="ausbildungsbotschafter")
    link(page, initiative)
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Apprentices promote apprenticeships"
    english.save_revision().publish()

    url = initiative.get_absolute_url()
    body = client.get("/en" + url).content.decode()
    assert "Apprentices promote apprenticeships" in body
    assert "Auszubildende werben für Ausbildung" not in body
    german = Client().get(url).content.decode()
    assert "Auszubildende werben für Ausbildung" in german


def test_demo_examples_link_seed_initiatives_once_they_exist(site_pages):
    from industriedialog.regions.reference import DEFAULT_SOURCE_CSV
    from industriedialog.regions.services import regions_load
    from industriedialog.registry.demo import registry_demo_load

    regions_load(csv_path=Path(settings.BASE_DIR) / DEFAULT_SOURCE_CSV)
    registry_demo_load()
    site_setup()  # the second run links what the first could not
    site_setup()
    links = GoodPracticeInitiative.objects.filter(page__live=True)
    slugs = {(link.page.slug, link.initiative.slug) for link in links}
    assert ("nacht-der-industrie", "industriedialog-rhein-mosel") in slugs
    assert ("ausbildungsbotschafter", "industrie-nord-westfalen") in slugs
    assert links.count() == len(slugs), "no initiative linked twice"
    page = GoodPracticePage.objects.get(slug="nacht-der-industrie")
    assert page.get_latest_revision().as_object().initiatives, "the revision has the links too"


def test_linking_skips_unknown_and_already_linked_initiatives(site_pages):
    initiative = InitiativeFactory(slug="bekannt")
    page = GoodPracticePage.objects.get(slug="ausbildungsbotschafter")
    assert good_practice_link_initiatives(page=page, slugs=["bekannt", "unbekannt"]) == 1
    assert good_practice_link_initiatives(page=page, slugs=["bekannt"]) == 0
    assert [p.pk for p in good_practice_for_initiative(initiative_id=initiative.pk)] == [page.pk]


def test_editor_chooses_initiatives_from_the_registry(client, monkeypatch, site_pages):
    from .factories import reviewer_user

    monkeypatch.setattr(
        "industriedialog.accounts.middleware.requires_second_factor", lambda user: False
    )
    client.force_login(reviewer_user())
    InitiativeFactory(name="Zukunft durch Industrie Krefeld")
    InitiativeFactory(name="Industrieinitiative Bonn")
    page = GoodPracticePage.objects.get(slug="ausbildungsbotschafter")
    edit = client.get(f"/cms/pages/{page.pk}/edit/").content.decode()
    assert "initiative_links" in edit and "Initiative auswählen" in edit

    response = client.get("/cms/initiative_chooser/results/", {"q": "krefeld"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Zukunft durch Industrie Krefeld" in body and "Bonn" not in body


def test_chooser_is_closed_to_visitors(client, site_pages):
    response = client.get("/cms/initiative_chooser/")
    assert response.status_code in (302, 403)
