import pytest

from industriedialog.knowledge.models import (
    EasyLanguagePage,
    EventFormatPage,
    GoodPracticePage,
    GuidePage,
    KnowledgeDocument,
    RecommendationPage,
    TargetGroup,
    WebinarPage,
)
from industriedialog.knowledge.services import site_setup

pytestmark = pytest.mark.django_db


def test_toolbox_has_the_four_formats(site_pages):
    titles = set(
        EventFormatPage.objects.live()
        .filter(locale__language_code="de")
        .values_list("title", flat=True)
    )
    assert {
        "World Café",
        "Werkstattgespräch",
        "Design-Thinking-Workshop",
        "Zukunftswerkstatt",
    } <= titles


def test_demo_has_guides_good_practice_webinar_and_documents(site_pages):
    kinds = set(GuidePage.objects.live().values_list("kind", flat=True))
    assert {"founding", "event_planning", "social_media", "practice"} <= kinds
    assert GoodPracticePage.objects.live().count() == 2
    assert WebinarPage.objects.live().count() == 1
    assert KnowledgeDocument.objects.count() >= 3


def test_every_target_group_has_a_recommendation(site_pages):
    for group in TargetGroup.objects.all():
        assert RecommendationPage.objects.live().filter(target_groups=group).exists(), group


def test_founding_guide_has_a_reviewed_easy_language_version(site_pages):
    founding = GuidePage.objects.get(kind="founding")
    easy = EasyLanguagePage.objects.live().get(source_page=founding)
    assert easy.has_passed_review()


def test_running_setup_again_creates_nothing_and_keeps_edits(site_pages):
    page = EventFormatPage.objects.get(slug="zukunftswerkstatt")
    page.title = "Zukunftswerkstatt (überarbeitet)"
    page.save_revision().publish()
    assert site_setup().created == []
    assert EventFormatPage.objects.get(pk=page.pk).title == "Zukunftswerkstatt (überarbeitet)"
    assert EventFormatPage.objects.filter(slug="zukunftswerkstatt").count() == 1
