"""Back-office view: start sending an issue and follow its progress."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from industriedialog.accounts.permissions import permission_required

from . import services
from .models import Issue


@permission_required("newsletter.send_issue")
def issue_send(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(Issue, pk=pk)
    if request.method == "POST":
        try:
            services.issue_send_start(issue=issue, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Der Versand hat begonnen."))
        return redirect("newsletter_issue_send", pk=issue.pk)
    issue.refresh_from_db()
    done = issue.sent_count + issue.failed_count
    return render(
        request,
        "newsletter/admin/issue_send.html",
        {
            "issue": issue,
            "recipients": issue.recipients().count() if issue.is_draft else issue.recipients_total,
            "done": done,
            "percent": round(100 * done / issue.recipients_total)
            if issue.recipients_total
            else 100,
            "is_sending": issue.status == Issue.Status.SENDING,
        },
    )
