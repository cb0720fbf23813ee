"""Demo data for `make run`: the planning templates of the event-planning guide for four
formats and a few events (upcoming, past with material, online)."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.db import transaction
from django.utils import timezone

from industriedialog.regions.models import District, State
from industriedialog.registry.models import EventFormat, Initiative, TargetGroup

from . import services
from .models import Event, PlanningTemplate
from .vocabularies import EventKind

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

# Leitfaden zur Veranstaltungsplanung: offsets in days from the event day.
PLANNING_TEMPLATES: dict[str, list[tuple[int, str]]] = {
    "future_workshop": [
        (-84, "Ziel, Zielgruppe und Fragestellung festlegen"),
        (-70, "Raum buchen (barrierefrei, Gruppentische, Stellwände)"),
        (-56, "Moderation und Partner aus Schulen und Betrieben anfragen"),
        (-42, "Einladungen versenden"),
        (-21, "Material für Kritik-, Fantasie- und Umsetzungsphase vorbereiten"),
        (-7, "Erinnerung an Angemeldete, Teilnehmendenliste prüfen"),
        (-1, "Technik, Namensschilder und Verpflegung prüfen"),
        (14, "Dokumentation veröffentlichen"),
        (28, "Ergebnisse an Initiativen und Presse geben"),
    ],
    "world_cafe": [
        (-70, "Raum buchen (Tische für 4–5 Personen)"),
        (-56, "Leitfragen für die Tischrunden formulieren"),
        (-42, "Einladungen versenden"),
        (-21, "Gastgeberinnen und Gastgeber für die Tische gewinnen"),
        (-7, "Erinnerung an Angemeldete"),
        (-1, "Papiertischdecken, Stifte und Namensschilder bereitlegen"),
        (14, "Dokumentation veröffentlichen"),
    ],
    "workshop_talk": [
        (-56, "Gastbetrieb und Termin abstimmen"),
        (-42, "Einladungen versenden"),
        (-14, "Gesprächsleitfaden mit dem Betrieb abstimmen"),
        (-7, "Erinnerung an Angemeldete"),
        (14, "Dokumentation veröffentlichen"),
    ],
    "design_thinking": [
        (-70, "Raum buchen (flexible Möbel, Wandflächen)"),
        (-56, "Herausforderung (Design Challenge) mit den Partnern formulieren"),
        (-42, "Einladungen versenden"),
        (-14, "Prototyping-Material beschaffen"),
        (-7, "Erinnerung an Angemeldete"),
        (14, "Dokumentation und Prototypen veröffentlichen"),
    ],
}


def planning_templates_load() -> int:
    """Create the guide's templates that do not exist yet (never overwrites staff edits)."""
    created = 0
    for code, tasks in PLANNING_TEMPLATES.items():
        event_format = EventFormat.objects.filter(code=code).first()
        if event_format is None or PlanningTemplate.objects.filter(format=event_format).exists():
            continue
        services.planning_template_save(format=event_format, actor=None, note="", tasks=tasks)
        created += 1
    return created


def _at(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


def _demo_events() -> list[dict[str, Any]]:
    return [
        {
            "slug": "zukunftswerkstatt-jugend-bw",
            "title": (
                "Zukunftswerkstatt: Industrie von morgen – mit Jugendlichen aus Baden-Württemberg"
            ),
            "kind": EventKind.WORKSHOP,
            "format": "future_workshop",
            "target_groups": ["young_people"],
            "state": "BW",
            "district": "08111",
            "description": (
                "Schülerinnen, Schüler und Auszubildende entwickeln gemeinsam mit Betrieben, "
                "Gewerkschaften und Kommunen Bilder der Industrie von morgen: Kritikphase, "
                "Fantasiephase, Umsetzungsphase."
            ),
            "venue_name": "Haus der Wirtschaft",
            "venue_address": "Willi-Bleicher-Straße 19, 70174 Stuttgart",
            "venue_accessibility": "Stufenloser Zugang, Aufzug, barrierefreies WC.",
            "starts_at": _at(60, 10),
            "ends_at": _at(60, 16),
            "capacity": 30,
            "organiser": "industriedialog-baden-wuerttemberg",
            "programme": [
                (datetime.time(10, 0), "Begrüßung"),
                (datetime.time(10, 30), "Kritikphase"),
                (datetime.time(12, 30), "Mittagspause"),
                (datetime.time(13, 15), "Fantasiephase"),
                (datetime.time(14, 45), "Umsetzungsphase und Ergebnisse"),
            ],
        },
        {
            "slug": "webinar-fachkraefte-sichern",
            "title": "Webinar: Fachkräfte sichern mit regionalen Industrieinitiativen",
            "kind": EventKind.WEBINAR,
            "format": "lecture",
            "target_groups": ["companies", "politics"],
            "is_online": True,
            "online_url": "https://konferenz.example.org/fachkraefte",
            "description": "Drei Initiativen berichten, wie sie Ausbildung und Fachkräfte stärken.",
            "starts_at": _at(21, 14),
            "ends_at": _at(21, 15, 30),
            "capacity": 200,
            "organiser": None,
            "programme": [],
        },
        {
            "slug": "netzwerktreffen-thueringen",
            "title": "Netzwerktreffen der Industrieinitiativen in Thüringen",
            "kind": EventKind.NETWORK_MEETING,
            "format": "world_cafe",
            "target_groups": ["companies", "employees", "politics"],
            "state": "TH",
            "district": "16051",
            "description": "Austausch der Initiativen im World-Café-Format.",
            "venue_name": "IHK Erfurt",
            "venue_address": "Arnstädter Straße 34, 99096 Erfurt",
            "starts_at": _at(-30, 13),
            "ends_at": _at(-30, 17),
            "capacity": 40,
            "organiser": "buendnis-fuer-industrie-thueringen",
            "recording_url": "https://video.example.org/netzwerktreffen-thueringen",
            "programme": [],
        },
    ]


@transaction.atomic
def events_demo_load() -> int:
    """The demo events that do not exist yet; returns how many were created."""
    planning_templates_load()
    created = 0
    for spec in _demo_events():
        if Event.objects.filter(slug=spec["slug"]).exists():
            continue
        spec = dict(spec)
        fields = {
            k: spec.pop(k)
            for k in list(spec)
            if k not in {"format", "target_groups", "state", "district", "organiser", "programme"}
        }
        state_code = spec.get("state")
        district_ags = spec.get("district")
        organiser = spec.get("organiser")
        services.event_create(
            actor=None,
            format=EventFormat.objects.filter(code=spec["format"]).first(),
            target_groups=TargetGroup.objects.filter(code__in=spec["target_groups"]),
            state=State.objects.filter(code=state_code).first() if state_code else None,
            district=District.objects.filter(ags=district_ags).first() if district_ags else None,
            organiser=Initiative.objects.filter(slug=organiser).first() if organiser else None,
            programme=spec["programme"],
            **fields,
        )
        created += 1
    _past_event_extras()
    return created


DEMO_PARTICIPANTS = [
    ("Anna Becker", "IHK Erfurt"),
    ("Jonas Richter", "IG Metall Thüringen"),
    ("Leonie Wagner", "Stadt Jena"),
    ("Mehmet Yilmaz", "Jenoptik"),
    ("Sabine Krause", "Bündnis für Industrie"),
    ("Tobias Hoffmann", "Landkreis Gotha"),
]
DEMO_RATINGS = [(5, 4, 5, 4), (4, 4, 3, 5), (5, 5, 4, 4), (3, 4, 4, 3), (4, 5, 5, 5)]


def _past_event_extras() -> None:
    """Participants, feedback and material for the past demo event (once)."""
    import secrets

    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from .models import Feedback, Registration
    from .vocabularies import RegistrationStatus

    event = Event.objects.filter(slug="netzwerktreffen-thueringen").first()
    if event is None or event.registrations.exists():
        return
    for name, organisation in DEMO_PARTICIPANTS:
        email = name.lower().replace(" ", ".") + "@example.org"
        Registration.objects.create(
            event=event,
            name=name,
            email=email,
            email_normalised=email,
            organisation=organisation,
            status=RegistrationStatus.CONFIRMED,
            token=secrets.token_urlsafe(32),
            consents_to_list=True,
            confirmed_at=event.starts_at - datetime.timedelta(days=10),
            attended_at=event.starts_at,
        )
    for overall, content, organisation_rating, usefulness in DEMO_RATINGS:
        Feedback.objects.create(
            event=event,
            submitted_on=event.ends_at.date(),
            rating_overall=overall,
            rating_content=content,
            rating_organisation=organisation_rating,
            rating_usefulness=usefulness,
            comment="Gute Mischung aus Input und Austausch." if overall == 5 else "",
        )
    document = get_document_model()(title="Dokumentation Netzwerktreffen Thüringen")
    document.file.save(
        "dokumentation-netzwerktreffen-thueringen.txt",
        ContentFile(b"Dokumentation des Netzwerktreffens: Ergebnisse der drei Tischrunden.\n"),
    )
    event.materials.add(document)
