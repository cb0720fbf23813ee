"""Public newsletter pages: subscribe, confirm, unsubscribe, archive."""

from __future__ import annotations

from allauth.core import ratelimit
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from . import selectors, services
from .forms import CONSENT_TEXT, SubscriptionForm
from .models import ConsentRecord


def subscribe(request: HttpRequest) -> HttpResponse:
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not _rate_limited(request, form):
        services.subscription_request(
            email=form.cleaned_data["email"],
            topics=list(form.cleaned_data["topics"]),
            consent_text=str(CONSENT_TEXT),
            language=get_language() or "de",
        )
        return render(
            request, "newsletter/subscribe_done.html", {"email": form.cleaned_data["email"]}
        )
    status = 429 if form.errors.get("__all__") == [str(RATE_LIMITED)] else 200
    return render(request, "newsletter/subscribe.html", {"form": form}, status=status)


RATE_LIMITED = _(
    "Von Ihrem Anschluss oder für diese Adresse kamen in kurzer Zeit zu viele Anmeldungen. "
    "Bitte versuchen Sie es in einer Stunde erneut."
)


def _rate_limited(request: HttpRequest, form: SubscriptionForm) -> bool:
    """Sign-ups send confirmation mails to any address: limit them per IP and per address
    (``ACCOUNT_RATE_LIMITS["newsletter_subscribe"]``) so the form cannot be used to flood
    someone's mailbox."""
    email = form.cleaned_data["email"].strip().lower()
    if ratelimit.consume(request, action="newsletter_subscribe", key=email):
        return False
    form.add_error(None, str(RATE_LIMITED))
    return True


def _topic_ids(request: HttpRequest) -> list[int] | None:
    raw = request.GET.get("themen")
    if raw is None:
        return None
    return [int(part) for part in raw.split(",") if part.isdigit()]


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = services.subscriber_for_confirmation(token)
    except ValidationError as error:
        return render(
            request, "newsletter/link_invalid.html", {"error": error.messages[0]}, status=400
        )
    if request.method == "POST":
        services.subscription_confirm(subscriber=subscriber, topic_ids=_topic_ids(request))
        return render(request, "newsletter/confirm_done.html", {"subscriber": subscriber})
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt  # mail programs post RFC 8058 one-click requests without a form; the token decides
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = services.subscriber_for_unsubscribe(token)
    except ValidationError as error:
        return render(
            request, "newsletter/link_invalid.html", {"error": error.messages[0]}, status=400
        )
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        method = (
            ConsentRecord.Method.ONE_CLICK if one_click else ConsentRecord.Method.UNSUBSCRIBE_PAGE
        )
        services.subscription_withdraw(subscriber=subscriber, method=method)
        return render(request, "newsletter/unsubscribe_done.html", {"subscriber": subscriber})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


def archive(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/archive.html", {"issues": selectors.issues_archived()})


def archive_issue(request: HttpRequest, pk: int) -> HttpResponse:
    issue = selectors.issue_get_archived(pk)
    return render(request, "newsletter/issue_detail.html", services.issue_context(issue))
