"""The issue's "done when": an editor's format page with a Leichte-Sprache version goes
through moderation, goes live, is found by search and links to Leichte Sprache and English."""

import pytest
from wagtail.models import Locale

from .factories import easy_page, editor_user, format_page, reviewer_user

pytestmark = pytest.mark.django_db


def _moderate(page, editor, reviewer):
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    state.current_task_state.approve(user=reviewer)
    page.refresh_from_db()
    assert page.live


def test_format_page_from_editor_to_visitor(client, site_pages):
    editor, reviewer = editor_user(), reviewer_user()
    page = format_page(
        title="Zukunftswerkstatt mit Schulklassen",
        slug="zukunftswerkstatt-schulen",
        intro="Wie Sie eine Zukunftswerkstatt mit Jugendlichen planen.",
        publish=False,
    )
    easy = easy_page(source=page, passed=True, publish=False)
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Future workshop with school classes", "future-workshop-schools"
    english.save()
    assert client.get(page.url).status_code == 404

    for draft in (page, easy, english):
        _moderate(draft, editor, reviewer)

    results = client.get("/suche/", {"q": "Zukunftswerkstatt planen"}).content.decode()
    assert f'href="{page.url}"' in results
    standard = client.get(page.url).content.decode()
    easy_url = easy.url
    assert f'href="{easy_url}" lang="de"' in standard
    assert f'href="{english.url}" lang="en"' in standard
    assert "Future workshop with school classes" in client.get(english.url).content.decode()
    assert f'href="{page.url}" lang="de"' in client.get(easy_url).content.decode()
