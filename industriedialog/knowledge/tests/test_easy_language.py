"""Leichte Sprache: readability in the editor, publishing only after the Prüfgruppe."""

import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from industriedialog.knowledge.models import EasyLanguagePage, EasyLanguageReviewMissing

from .factories import easy_page, reviewer_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, monkeypatch, site_pages):
    """A reviewer signed in to Wagtail's admin (second factor skipped for the test)."""
    monkeypatch.setattr(
        "industriedialog.accounts.middleware.requires_second_factor", lambda user: False
    )
    client.force_login(reviewer_user())
    return client


def test_publishing_without_a_passed_check_is_refused(site_pages):
    page = easy_page(passed=None, publish=False)
    with pytest.raises(EasyLanguageReviewMissing):
        page.save_revision().publish()
    assert not EasyLanguagePage.objects.get(pk=page.pk).live


def test_a_failed_check_does_not_allow_publishing(site_pages):
    page = easy_page(passed=False, publish=False)
    with pytest.raises(EasyLanguageReviewMissing):
        page.save_revision().publish()


def test_a_passed_check_allows_publishing(site_pages):
    page = easy_page(passed=True, publish=False)
    page.save_revision().publish()
    assert EasyLanguagePage.objects.get(pk=page.pk).live


def test_scheduling_without_check_is_refused_too(site_pages):
    page = easy_page(passed=None, publish=False)
    page.go_live_at = timezone.now() + timezone.timedelta(hours=1)
    with pytest.raises(EasyLanguageReviewMissing):
        page.save_revision().publish()
    call_command("publish_scheduled")
    assert not EasyLanguagePage.objects.get(pk=page.pk).live


def _edit_form_data(page, *, reviews):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "source_page": "",
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-value": json.dumps(
            {
                "blocks": [
                    {
                        "key": "a",
                        "text": "Die Firma lädt ein.",
                        "type": "unstyled",
                        "depth": 0,
                        "inlineStyleRanges": [],
                        "entityRanges": [],
                    }
                ],
                "entityMap": {},
            }
        ),
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "b0",
        "reviews-TOTAL_FORMS": str(len(reviews)),
        "reviews-INITIAL_FORMS": "0",
        "reviews-MIN_NUM_FORMS": "0",
        "reviews-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    for i, review in enumerate(reviews):
        for key, value in review.items():
            data[f"reviews-{i}-{key}"] = value
        data[f"reviews-{i}-ORDER"] = str(i)
        data[f"reviews-{i}-DELETE"] = ""
    return data


def test_editor_sees_why_publishing_is_refused(admin_client, site_pages):
    page = easy_page(passed=None, publish=False)
    response = admin_client.post(f"/cms/pages/{page.pk}/edit/", _edit_form_data(page, reviews=[]))
    assert response.status_code == 200
    assert "erst veröffentlicht werden, wenn die Prüfgruppe" in response.content.decode()
    assert not EasyLanguagePage.objects.get(pk=page.pk).live


def test_editor_publishes_after_recording_the_check(admin_client, site_pages):
    page = easy_page(passed=None, publish=False)
    review = {"reviewer": "Prüfgruppe Erfurt", "reviewed_on": "2026-11-20", "is_passed": "on"}
    response = admin_client.post(
        f"/cms/pages/{page.pk}/edit/", _edit_form_data(page, reviews=[review])
    )
    assert response.status_code == 302
    page = EasyLanguagePage.objects.get(pk=page.pk)
    assert page.live
    stored = page.reviews.get()
    assert (stored.reviewer, str(stored.reviewed_on)) == ("Prüfgruppe Erfurt", "2026-11-20")


def test_editor_sees_the_readability_score(admin_client, site_pages):
    page = easy_page()
    response = admin_client.get(f"/cms/pages/{page.pk}/edit/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Lesbarkeitsindex (LIX)" in body
    assert f"{page.readability().lix:.0f}" in body
    assert "Flesch-Lesbarkeit (Amstad)" in body


def test_creating_a_live_page_without_check_is_refused(site_pages):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        easy_page(passed=None, publish=True)
