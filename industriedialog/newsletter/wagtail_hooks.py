"""Back office: newsletter issues as Wagtail snippets (compose, preview) plus the send view."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from industriedialog.accounts.permissions import can

from . import views_admin
from .models import Issue


class IssueIndexView(IndexView):
    def get_list_more_buttons(self, instance: Any) -> list:
        buttons = super().get_list_more_buttons(instance)
        if can(self.request.user, "newsletter.send_issue", instance):
            buttons.append(
                MenuItem(
                    _("Versand"),
                    url=reverse("newsletter_issue_send", args=[instance.pk]),
                    icon_name="mail",
                    priority=5,
                )
            )
        return buttons


class IssueViewSet(SnippetViewSet):
    model = Issue
    icon = "mail"
    menu_label = _("Newsletter")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["subject", "status", "sent_count", "created_at"]
    list_filter = ["status"]
    index_view_class = IssueIndexView


register_snippet(IssueViewSet)


@hooks.register("register_admin_urls")
def register_send_url() -> list:
    return [
        path("newsletter/<int:pk>/versand/", views_admin.issue_send, name="newsletter_issue_send")
    ]
