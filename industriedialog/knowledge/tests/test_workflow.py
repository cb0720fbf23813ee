"""Editor → reviewer → published, and scheduled publishing."""

from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import WorkflowState

from industriedialog.knowledge.models import EasyLanguagePage, EventFormatPage
from industriedialog.knowledge.services import WORKFLOW_NAME

from .factories import easy_page, editor_user, format_page, reviewer_user

pytestmark = pytest.mark.django_db


def test_knowledge_pages_go_through_the_moderation_workflow(site_pages):
    page = format_page(publish=False)
    assert page.get_workflow().name == WORKFLOW_NAME


def test_page_goes_live_only_after_the_reviewer_approves(site_pages):
    editor, reviewer = editor_user(), reviewer_user()
    page = format_page(publish=False)
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert not page.live
    task_state = state.current_task_state
    assert reviewer in task_state.task.specific.groups.first().user_set.all()
    task_state.approve(user=reviewer)
    page.refresh_from_db()
    assert page.live
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED


def test_editor_cannot_approve_their_own_submission(site_pages):
    editor = editor_user()
    page = format_page(publish=False)
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    actions = state.current_task_state.task.specific.get_actions(page, editor)
    assert not any(name == "approve" for name, *_ in actions)


def test_easy_language_page_without_check_is_not_published_by_approval(site_pages):
    from industriedialog.knowledge.models import EasyLanguageReviewMissing

    editor, reviewer = editor_user(), reviewer_user()
    page = easy_page(passed=None, publish=False)
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    with pytest.raises(EasyLanguageReviewMissing):
        state.current_task_state.approve(user=reviewer)
    assert not EasyLanguagePage.objects.get(pk=page.pk).live


def test_scheduled_page_goes_live_with_publish_scheduled(site_pages):
    page = format_page(publish=False)
    page.go_live_at = timezone.now() + timezone.timedelta(minutes=5)
    page.save_revision().publish()
    assert not EventFormatPage.objects.get(pk=page.pk).live
    call_command("publish_scheduled")
    assert not EventFormatPage.objects.get(pk=page.pk).live
    later = timezone.now() + timezone.timedelta(minutes=6)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    assert EventFormatPage.objects.get(pk=page.pk).live


def test_editor_submits_through_the_admin_and_reviewer_approves(client, monkeypatch, site_pages):
    monkeypatch.setattr(
        "industriedialog.accounts.middleware.requires_second_factor", lambda user: False
    )
    editor, reviewer = editor_user(), reviewer_user()
    page = format_page(publish=False)
    page.save_revision(user=editor)
    client.force_login(editor)
    edit_view = client.get(f"/cms/pages/{page.pk}/edit/").content.decode()
    assert 'name="action-submit"' in edit_view
    assert 'name="action-publish"' not in edit_view
    page.get_workflow().start(page, editor)
    client.force_login(reviewer)
    state = page.current_workflow_state
    response = client.post(
        f"/cms/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    assert EventFormatPage.objects.get(pk=page.pk).live
