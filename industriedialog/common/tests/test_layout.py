"""The CMS parts of the layout are cached, yet editors' changes show on the next request."""

import pytest

from industriedialog.knowledge.models import ContentPage

pytestmark = pytest.mark.django_db


def _menu_labels(client, path="/initiativen/"):
    return [item["label"] for item in client.get(path).context["main_navigation"]]


def _publish(page):
    page.save_revision().publish()


def test_a_page_published_into_the_menu_shows_at_once_and_leaves_when_unpublished(
    client, site_pages
):
    home = ContentPage.objects.filter(locale__language_code="de").first().get_parent()
    assert "Presse und Medien" not in _menu_labels(client)  # the layout is now cached

    page = ContentPage(
        title="Presse und Medien", slug="presse-und-medien", show_in_menus=True, live=False
    )
    home.add_child(instance=page)
    _publish(page)
    assert "Presse und Medien" in _menu_labels(client)

    page.refresh_from_db()
    page.unpublish()
    assert "Presse und Medien" not in _menu_labels(client)


def test_a_renamed_footer_page_shows_its_new_title_at_once(client, site_pages):
    imprint = ContentPage.objects.get(kind=ContentPage.Kind.IMPRINT, locale__language_code="de")
    assert "Impressum" in client.get("/initiativen/").content.decode()

    imprint.title = "Impressum und Herausgeber"
    _publish(imprint)
    assert "Impressum und Herausgeber" in client.get("/initiativen/").content.decode()


def test_the_layout_is_read_from_the_cache_after_the_first_request(client, site_pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as cold:
        client.get("/datenquellen/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/datenquellen/")
    assert len(warm) < len(cold)
    assert not [q for q in warm.captured_queries if "wagtailcore_page" in q["sql"]]
