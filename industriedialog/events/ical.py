"""iCalendar (RFC 5545) files for events, built with the ``icalendar`` package."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, vText
from icalendar import Event as ICalEvent

from .models import Event

PRODID = "-//Industriedialog//Veranstaltungen//DE"


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def _component(event: Event, *, include_online_url: bool) -> ICalEvent:
    site = settings.SITE_URL.rstrip("/")
    item = ICalEvent()
    item.add("uid", f"event-{event.pk}@{site.split('://')[-1]}")
    item.add("dtstamp", event.updated_at or timezone.now())
    item.add("dtstart", event.local_start)
    item.add("dtend", event.local_end)
    item.add("summary", event.title)
    url = site + event.get_absolute_url()
    description = event.description.strip()
    if include_online_url and event.online_url:
        description = f"{description}\n\nZugang: {event.online_url}".strip()
    item.add("description", vText(f"{description}\n\n{url}".strip()))
    item.add("url", url)
    if event.is_online:
        item.add("location", event.online_url if include_online_url else "Online")
    else:
        item.add("location", ", ".join(p for p in (event.venue_name, event.venue_address) if p))
    return item


def event_ics(event: Event, *, include_online_url: bool = False) -> bytes:
    """One event as a calendar file; the online access link only for registered people."""
    calendar = _calendar()
    calendar.add_component(_component(event, include_online_url=include_online_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def events_feed(events: Iterable[Event]) -> bytes:
    calendar = _calendar()
    calendar.add("x-wr-calname", "Industriedialog – Veranstaltungen")
    for event in events:
        calendar.add_component(_component(event, include_online_url=False))
    calendar.add_missing_timezones()
    return calendar.to_ical()
