import pytest
from wagtail.models import Page, Site

from industriedialog.knowledge.models import ContentPage, HomePage
from industriedialog.knowledge.services import site_setup

pytestmark = pytest.mark.django_db


def test_setup_creates_german_and_english_start_pages(site_pages):
    assert HomePage.objects.count() == 2
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "de"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


def test_setup_is_idempotent_and_keeps_edits(site_pages):
    imprint = ContentPage.objects.get(kind="imprint", locale__language_code="de")
    imprint.title = "Impressum (geändert)"
    imprint.save_revision().publish()
    again = site_setup()
    assert again.created == []
    assert ContentPage.objects.get(pk=imprint.pk).title == "Impressum (geändert)"
    assert ContentPage.objects.filter(kind="imprint").count() == 2


def test_start_page_is_german_with_easy_language_and_english_switch(client, site_pages):
    body = client.get("/").content.decode()
    assert '<html lang="de"' in body
    assert "Starke Industrie in allen Regionen" in body
    assert 'href="/leichte-sprache/"' in body
    assert "Leichte Sprache" in body
    assert 'href="/en/" lang="en" hreflang="en"' in body


def test_english_start_page_links_back_to_german(client, site_pages):
    body = client.get("/en/").content.decode()
    assert '<html lang="en"' in body
    assert "Strong industry in every region" in body
    assert 'href="/" lang="de" hreflang="de"' in body


def test_language_switch_leads_to_the_translated_page(client, site_pages):
    body = client.get("/impressum/").content.decode()
    assert 'href="/en/imprint/"' in body


def test_footer_links_to_imprint_privacy_and_accessibility(client, site_pages):
    body = client.get("/").content.decode()
    for path in ("/impressum/", "/datenschutz/", "/barrierefreiheit/"):
        assert f'href="{path}"' in body
        assert client.get(path).status_code == 200


def test_easy_language_page_is_reachable_from_english_pages_too(client, site_pages):
    body = client.get("/en/").content.decode()
    assert 'href="/leichte-sprache/"' in body


def test_editor_may_edit_but_publishing_is_for_reviewers(site_pages):
    from industriedialog.accounts.roles import Role
    from industriedialog.accounts.tests.factories import UserFactory

    from .factories import reviewer_user

    editor = UserFactory(roles=[Role.EDITOR])
    advisor = UserFactory(roles=[Role.ADVISOR])
    imprint = ContentPage.objects.get(kind="imprint", locale__language_code="de")
    assert imprint.permissions_for_user(editor).can_edit()
    assert not imprint.permissions_for_user(editor).can_publish()
    assert imprint.permissions_for_user(reviewer_user()).can_publish()
    assert not imprint.permissions_for_user(advisor).can_edit()
