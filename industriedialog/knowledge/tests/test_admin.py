"""The editor's side: every page type opens in Wagtail's admin; translation via wagtail-localize."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page

from industriedialog.knowledge import models as m

from .factories import KnowledgeDocumentFactory, reviewer_user

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    m.IndexPage,
    m.EventFormatPage,
    m.GuidePage,
    m.GoodPracticePage,
    m.RecommendationPage,
    m.NewsPage,
    m.WebinarPage,
    m.MaterialLibraryPage,
    m.EasyLanguagePage,
]


@pytest.fixture
def admin_client(client, monkeypatch, site_pages):
    monkeypatch.setattr(
        "industriedialog.accounts.middleware.requires_second_factor", lambda user: False
    )
    client.force_login(reviewer_user())
    return client


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_opens_in_the_editor(admin_client, model):
    page = model.objects.filter(locale__language_code="de").first()
    assert page is not None, "demo content has a page of every type"
    assert admin_client.get(f"/cms/pages/{page.pk}/edit/").status_code == 200
    parent = page.get_parent()
    ct = ContentType.objects.get_for_model(model)
    add_url = f"/cms/pages/add/{ct.app_label}/{ct.model}/{parent.pk}/"
    if model.can_create_at(parent):
        assert admin_client.get(add_url).status_code == 200


def test_image_block_without_alt_text_is_rejected():
    from django.core.exceptions import ValidationError

    from industriedialog.knowledge.blocks import ImageBlock

    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": ""}))


def test_document_editor_offers_type_topics_and_year(client, monkeypatch, site_pages):
    from .factories import editor_user

    monkeypatch.setattr(
        "industriedialog.accounts.middleware.requires_second_factor", lambda user: False
    )
    admin_client = client
    admin_client.force_login(editor_user())
    document = KnowledgeDocumentFactory()
    body = admin_client.get(f"/cms/documents/edit/{document.pk}/").content.decode()
    for name in ("material_type", "topics", "year", "description"):
        assert f'name="{name}"' in body


def test_page_can_be_sent_to_translation_with_wagtail_localize(admin_client):
    page = m.GuidePage.objects.get(kind="founding")
    response = admin_client.get(f"/cms/localize/submit/page/{page.pk}/")
    assert response.status_code == 200
    response = admin_client.post(
        f"/cms/localize/submit/page/{page.pk}/",
        {"locales": [Locale.objects.get(language_code="en").pk]},
    )
    assert response.status_code == 302
    assert Page.objects.filter(
        translation_key=page.translation_key, locale__language_code="en"
    ).exists()
