"""Personal data of the newsletter (contract 3): the subscription, its topics and the consent
records (what was agreed to or withdrawn, when and how).

Erasure deletes the subscriber with its consent records and delivery rows; the issues keep
their sent/failed totals. Sign-ups never confirmed are deleted once their confirmation link
has expired (``services.CONFIRM_DAYS``, the same rule as ``purge_newsletter_pending``).
"""

from __future__ import annotations

import datetime
from typing import Any

from .models import ConsentRecord, Subscriber
from .services import CONFIRM_DAYS


def export_person(email: str) -> dict[str, Any]:
    subscribers = list(Subscriber.objects.filter(email__iexact=email).prefetch_related("topics"))
    return {
        "subscriptions": [
            {
                "email": s.email,
                "language": s.language,
                "status": s.status,
                "topics": [str(t) for t in s.topics.all()],
                "created_at": s.created_at,
                "confirmed_at": s.confirmed_at,
                "unsubscribed_at": s.unsubscribed_at,
            }
            for s in subscribers
        ],
        "consent_records": [
            {
                "action": c.action,
                "method": c.method,
                "consent_text": c.consent_text,
                "topics": c.topics,
                "at": c.created_at,
            }
            for c in ConsentRecord.objects.filter(subscriber__in=subscribers)
        ],
    }


def erase_person(email: str) -> dict[str, int]:
    subscribers = Subscriber.objects.filter(email__iexact=email)
    consents = ConsentRecord.objects.filter(subscriber__in=subscribers).count()
    count = subscribers.count()
    subscribers.delete()
    return {"subscriptions": count, "consent_records": consents}


def apply_retention(today: datetime.date, *, dry_run: bool) -> dict[str, int]:
    days = CONFIRM_DAYS
    cutoff = datetime.datetime.combine(
        today - datetime.timedelta(days=days), datetime.time.min, tzinfo=datetime.UTC
    )
    pending = Subscriber.objects.filter(status=Subscriber.Status.PENDING, created_at__lt=cutoff)
    count = pending.count()
    if not dry_run:
        pending.delete()
    return {"unconfirmed_subscriptions": count}
