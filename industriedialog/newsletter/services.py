"""Writes of the newsletter: subscription with double opt-in, withdrawal, sending an issue."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from industriedialog.accounts.permissions import can
from industriedialog.common.models import audit_log
from industriedialog.knowledge.models import Topic

from .models import ConsentRecord, Delivery, Issue, Subscriber

logger = logging.getLogger(__name__)

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
CONFIRM_DAYS = 7


# --- Tokens ------------------------------------------------------------------------------------
def confirm_token(subscriber: Subscriber) -> str:
    return signing.dumps({"s": subscriber.pk, "e": subscriber.email}, salt=CONFIRM_SALT)


def unsubscribe_token(subscriber: Subscriber) -> str:
    return signing.dumps({"s": subscriber.pk, "e": subscriber.email}, salt=UNSUBSCRIBE_SALT)


def _subscriber_from(token: str, *, salt: str, max_age: int | None = None) -> Subscriber:
    """The subscriber a signed link names; ValidationError (German) if broken or expired."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("Der Link ist abgelaufen. Bitte melden Sie sich noch einmal an.")
        ) from error
    except signing.BadSignature as error:
        raise ValidationError(
            _("Der Link ist ungültig. Bitte kopieren Sie ihn vollständig aus der E-Mail.")
        ) from error
    subscriber = Subscriber.objects.filter(pk=data.get("s"), email=data.get("e")).first()
    if subscriber is None:
        raise ValidationError(_("Zu diesem Link gibt es keine Anmeldung (mehr)."))
    return subscriber


def subscriber_for_confirmation(token: str) -> Subscriber:
    return _subscriber_from(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 3600)


def subscriber_for_unsubscribe(token: str) -> Subscriber:
    return _subscriber_from(token, salt=UNSUBSCRIBE_SALT)


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _topic_labels(topics: Any) -> str:
    return ", ".join(str(t) for t in topics) or _("alle Themen")


# --- Subscription ------------------------------------------------------------------------------
def subscriptions_purge_unconfirmed() -> int:
    """Deletes addresses never confirmed within the link's validity (data minimisation: without
    confirmation there is no consent to keep them); returns how many."""
    cutoff = timezone.now() - dt.timedelta(days=CONFIRM_DAYS)
    stale = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, confirmed_at__isnull=True, created_at__lt=cutoff
    )
    _total, per_model = stale.delete()
    return per_model.get("newsletter.Subscriber", 0)


@transaction.atomic
def subscription_request(
    *, email: str, topics: list[Topic], consent_text: str, language: str
) -> Subscriber:
    """Records the consent given in the form and mails the confirmation link (double opt-in).

    An address that is already confirmed keeps receiving mails; its topics change only once
    the new link is confirmed, so nobody can change another person's subscription."""
    subscriptions_purge_unconfirmed()
    email = email.strip().lower()
    subscriber, created = Subscriber.objects.get_or_create(
        email=email, defaults={"language": language}
    )
    if subscriber.status != Subscriber.Status.CONFIRMED:
        subscriber.status = Subscriber.Status.PENDING
        subscriber.language = language
        subscriber.full_clean()
        subscriber.save()
        subscriber.topics.set(topics)
    ConsentRecord.objects.create(
        subscriber=subscriber,
        action=ConsentRecord.Action.GIVEN,
        method=ConsentRecord.Method.FORM,
        consent_text=consent_text,
        topics=",".join(t.key for t in topics),
    )
    # Inside the transaction: if the mail cannot be sent, nothing is recorded either.
    _send_confirmation(subscriber.pk, [t.pk for t in topics])
    return subscriber


def _send_confirmation(subscriber_id: int, topic_ids: list[int]) -> None:
    subscriber = Subscriber.objects.get(pk=subscriber_id)
    topics = Topic.objects.filter(pk__in=topic_ids)
    with translation.override(subscriber.language):
        token = confirm_token(subscriber)
        query = "?themen=" + ",".join(str(pk) for pk in topic_ids) if topic_ids else ""
        context = {
            "confirm_url": _absolute(reverse("newsletter:confirm", args=[token]) + query),
            "topics": _topic_labels(topics),
            "valid_days": CONFIRM_DAYS,
            "LANGUAGE_CODE": subscriber.language,
        }
        subject = _("Bitte bestätigen Sie Ihre Anmeldung zum Newsletter")
        text = render_to_string("newsletter/emails/confirm_message.txt", context)
        html = render_to_string("newsletter/emails/confirm_message.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=text,
        to=[subscriber.email],
        headers={"Content-Language": subscriber.language},
    )
    message.attach_alternative(html, "text/html")
    message.send()


@transaction.atomic
def subscription_confirm(*, subscriber: Subscriber, topic_ids: list[int] | None = None) -> None:
    """The confirmation link was used: the subscription is active (double opt-in complete)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if topic_ids is not None:
        subscriber.topics.set(Topic.objects.filter(pk__in=topic_ids))
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save()
    ConsentRecord.objects.create(
        subscriber=subscriber,
        action=ConsentRecord.Action.CONFIRMED,
        method=ConsentRecord.Method.CONFIRMATION_LINK,
        topics=",".join(t.key for t in subscriber.topics.all()),
    )


@transaction.atomic
def subscription_withdraw(*, subscriber: Subscriber, method: str) -> bool:
    """Unsubscribes (consent withdrawn); returns False if it already was."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return False
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save()
    ConsentRecord.objects.create(
        subscriber=subscriber, action=ConsentRecord.Action.WITHDRAWN, method=method
    )
    Subscriber.topics.through.objects.filter(subscriber=subscriber).delete()
    return True


# --- Issues ------------------------------------------------------------------------------------
def issue_context(issue: Issue) -> dict[str, Any]:
    """What an issue shows, in the mail, the preview and the archive alike."""
    from industriedialog.knowledge.search import document_info

    news = [page for page in issue.news.all() if page.live] if issue.pk else []
    documents = list(issue.documents.all()) if issue.pk else []
    return {
        "issue": issue,
        "news": sorted(news, key=lambda page: page.date, reverse=True),
        "documents": [(doc, document_info(doc)) for doc in documents],
        "items": [block.value for block in issue.items],
        "site_url": settings.SITE_URL.rstrip("/"),
    }


@transaction.atomic
def issue_send_start(*, issue: Issue, user: Any) -> Issue:
    """Marks a draft as being sent and queues the background task (editors only)."""
    if not can(user, "newsletter.send_issue", issue):
        raise PermissionDenied(_("Nur die Redaktion darf Newsletter versenden."))
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if not issue.is_draft:
        raise ValidationError(_("Diese Ausgabe wird bereits versandt oder ist schon versandt."))
    issue.status = Issue.Status.SENDING
    issue.recipients_total = issue.recipients().count()
    issue.send_started_at = timezone.now()
    issue.sent_by = user
    issue.save()
    audit_log(
        "newsletter.issue_send",
        obj=issue,
        actor=user,
        data={"subject": issue.subject, "recipients": issue.recipients_total},
    )
    from .tasks import issue_send_task

    # Queued in the same transaction (database task backend): no status without its task.
    issue_send_task.enqueue(issue.pk)
    issue.refresh_from_db()
    return issue


def issue_deliver(*, issue_id: int) -> dict[str, int]:
    """Mails the issue to every recipient who has no delivery yet; safe to run again (a
    retried task skips everyone it reached before). Counters show the progress."""
    issue = Issue.objects.get(pk=issue_id)
    if issue.status != Issue.Status.SENDING:  # a draft, or a task run again after the end
        return {"sent": issue.sent_count, "failed": issue.failed_count}
    done = Delivery.objects.filter(issue=issue).values("subscriber_id")
    for subscriber in issue.recipients().exclude(pk__in=done).iterator():
        try:
            delivery = Delivery.objects.create(issue=issue, subscriber=subscriber)
        except IntegrityError:  # another worker took this one
            continue
        try:
            _send_issue_mail(issue, subscriber)
        except Exception as error:  # noqa: BLE001 - one bad address must not stop the rest
            logger.warning("newsletter delivery failed", extra={"delivery": delivery.pk})
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Delivery.Status.FAILED, error=str(error)[:500]
            )
            Issue.objects.filter(pk=issue.pk).update(failed_count=F("failed_count") + 1)
        else:
            Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SENT)
            Issue.objects.filter(pk=issue.pk).update(sent_count=F("sent_count") + 1)
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT, sent_at=timezone.now())
    issue.refresh_from_db()
    return {"sent": issue.sent_count, "failed": issue.failed_count}


def _send_issue_mail(issue: Issue, subscriber: Subscriber) -> None:
    with translation.override(subscriber.language):
        unsubscribe_url = _absolute(
            reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)])
        )
        context = {
            **issue_context(issue),
            "unsubscribe_url": unsubscribe_url,
            "LANGUAGE_CODE": subscriber.language,
        }
        text = render_to_string("newsletter/emails/issue_message.txt", context)
        html = render_to_string("newsletter/emails/issue_message.html", context)
    message = EmailMultiAlternatives(
        subject=issue.subject,
        body=text,
        to=[subscriber.email],
        headers={
            "Content-Language": subscriber.language,
            # RFC 2369 / RFC 8058: mail programs offer their own unsubscribe button.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()
