"""Demo data of the reporting module: the project with its tasks, indicators and targets,
an advisory board with one meeting, and a report draft. Actual values are never demo data:
they come from the demo data of the other apps (consultations, events, surveys, …)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from .models import (
    AgendaItem,
    BoardMeeting,
    BoardMember,
    Decision,
    Indicator,
    ManualValue,
    Period,
    Project,
    Report,
    Target,
    Task,
)

PROJECT_SLUG = "servicestelle-2025-2027"
YEARS = (2025, 2026, 2027)
WHOLE_TERM = "2025–2027"

TASKS = [
    (
        0,
        "Initiativen kennen: Bestandsaufnahme und Good Practice",
        "Verzeichnis aller regionalen Industrieinitiativen, Strukturen, Good-Practice-Kriterien.",
    ),
    (
        1,
        "Bestehende Initiativen unterstützen und vernetzen",
        "Regionale Veranstaltungen, Netzwerktreffen, Beratung vor Ort, voneinander lernen.",
    ),
    (
        2,
        "Neue Initiativen anstoßen",
        "Weiße Flecken finden, telefonisch beraten, Workshops, Partner benennen, "
        "Gründungen begleiten.",
    ),
    (
        3,
        "Dialog zwischen Industrie, Politik und Gesellschaft",
        "Wissensplattform mit Werkzeugkiste, Leitfäden, Webinare, Online-Schulungen.",
    ),
    (
        4,
        "Qualität messen",
        "Selbstbewertung, Wettbewerb „Ausgezeichnete regionale Industrieinitiativen“, Umfragen.",
    ),
    (
        5,
        "Empfehlungen für Zielgruppen",
        "Empfehlungen für Initiativen, Politik, Unternehmen, Verbände und Kammern, Gewerkschaften.",
    ),
    (6, "Berichte an das Ministerium", "Zwischen- und Abschlussberichte, Kennzahlen, Dashboard."),
    (
        7,
        "Fachbeirat, Kick-off und Abschlussworkshop",
        "Sitzungen des Fachbeirats mit Beschlüssen und ihrer Umsetzung.",
    ),
]

# (task, name, computation or "" for manual, unit, targets per year, target whole term)
INDICATORS: list[tuple[int, str, str, str, tuple[int, int, int], int]] = [
    (
        0,
        "Initiativen im Verzeichnis",
        "initiatives_registered",
        "Initiativen",
        (100, 110, 120),
        120,
    ),
    (1, "Initiativen erreicht", "initiatives_reached", "Initiativen", (30, 45, 60), 60),
    (1, "Beratungen", "consultations", "Beratungen", (50, 50, 50), 150),
    (1, "Veranstaltungen durchgeführt", "events_held", "Veranstaltungen", (10, 10, 10), 30),
    (1, "Teilnehmende an Veranstaltungen", "event_participants", "Personen", (300, 300, 300), 900),
    (1, "Netzwerktreffen", "network_meetings", "Treffen", (3, 3, 3), 9),
    (2, "Neue Initiativen gegründet", "initiatives_founded", "Initiativen", (1, 1, 1), 3),
    (3, "Webinare durchgeführt", "webinars_held", "Webinare", (4, 4, 4), 12),
    (3, "Teilnehmende an Webinaren", "webinar_participants", "Personen", (200, 200, 200), 600),
    (3, "Seitenaufrufe der Wissensplattform", "", "Aufrufe", (15000, 17500, 20000), 52500),
    (4, "Umfragen durchgeführt", "surveys_run", "Umfragen", (1, 2, 1), 4),
    (4, "Rücklaufquote der Umfragen", "survey_response_rate", "%", (40, 40, 40), 40),
    (
        4,
        "Selbstbewertungen abgeschlossen",
        "assessments_completed",
        "Bewertungen",
        (10, 15, 15),
        40,
    ),
    (4, "Wettbewerbsbeiträge", "award_submissions", "Beiträge", (0, 25, 0), 25),
    (5, "Empfehlungspapiere veröffentlicht", "", "Papiere", (1, 2, 2), 5),
    (6, "Berichte an das Ministerium ausgestellt", "reports_issued", "Berichte", (1, 1, 1), 3),
    (7, "Sitzungen des Fachbeirats", "board_meetings", "Sitzungen", (2, 2, 2), 6),
]

MANUAL_VALUES = {
    ("Seitenaufrufe der Wissensplattform", "2025"): (
        16240,
        "Webanalyse (datensparsam, ohne Cookies), Auswertung Januar 2026.",
    ),
    ("Empfehlungspapiere veröffentlicht", "2025"): (
        1,
        "Empfehlungen für Kommunen, veröffentlicht in der Wissensplattform.",
    ),
}

MEMBERS = [
    ("Dr. Katrin Albers", "Verband der Industrie (Demo)", "Vorsitz"),
    ("Jonas Reuter", "Gewerkschaft Industrie (Demo)", "stellvertretender Vorsitz"),
    ("Prof. Dr. Miriam Ostendorf", "Hochschule für Regionalentwicklung (Demo)", "Mitglied"),
    ("Selin Demir", "Industrie- und Handelskammer (Demo)", "Mitglied"),
    ("Thomas Brandt", "Landesministerium für Wirtschaft (Demo)", "Mitglied"),
]


@transaction.atomic
def load_demo_reporting() -> dict[str, int]:
    created: dict[str, int] = {}

    def count(kind: str, was_created: bool) -> None:
        created[kind] = created.get(kind, 0) + int(was_created)

    project, was = Project.objects.get_or_create(
        slug=PROJECT_SLUG,
        defaults={
            "name": "Servicestelle Regionale Industrieinitiativen 2025–2027",
            "client": "Bundesministerium für Wirtschaft und Energie",
            "reference": "IVA1 – 40010/004-02#005 (Demo)",
            "starts_on": datetime.date(2025, 1, 1),
            "ends_on": datetime.date(2027, 12, 31),
        },
    )
    count("project", was)
    periods: dict[str, Period] = {}
    for year in YEARS:
        periods[str(year)], was = Period.objects.get_or_create(
            project=project,
            label=str(year),
            defaults={
                "starts_on": datetime.date(year, 1, 1),
                "ends_on": datetime.date(year, 12, 31),
            },
        )
        count("periods", was)
    periods[WHOLE_TERM], was = Period.objects.get_or_create(
        project=project,
        label=WHOLE_TERM,
        defaults={
            "starts_on": project.starts_on,
            "ends_on": project.ends_on,
            "is_whole_term": True,
        },
    )
    count("periods", was)
    tasks: dict[int, Task] = {}
    for number, title, description in TASKS:
        tasks[number], was = Task.objects.get_or_create(
            project=project, number=number, defaults={"title": title, "description": description}
        )
        count("tasks", was)
    for position, (task, name, key, unit, yearly, whole) in enumerate(INDICATORS):
        indicator, was = Indicator.objects.get_or_create(
            task=tasks[task],
            name=name,
            defaults={"computation": key, "unit": unit, "position": position},
        )
        count("indicators", was)
        for year, value in zip(YEARS, yearly, strict=True):
            _, was = Target.objects.get_or_create(
                indicator=indicator, period=periods[str(year)], defaults={"value": Decimal(value)}
            )
            count("targets", was)
        _, was = Target.objects.get_or_create(
            indicator=indicator, period=periods[WHOLE_TERM], defaults={"value": Decimal(whole)}
        )
        count("targets", was)
        for (indicator_name, label), (value, note) in MANUAL_VALUES.items():
            if indicator_name == name:
                _, was = ManualValue.objects.get_or_create(
                    indicator=indicator,
                    period=periods[label],
                    defaults={"value": Decimal(value), "note": note},
                )
                count("manual_values", was)
    _demo_board(count)
    _, was = Report.objects.get_or_create(
        project=project,
        title="Zwischenbericht 2025",
        defaults={
            "period": periods["2025"],
            "kind": Report.Kind.INTERIM,
            "texts": {
                "summary": (
                    "Im ersten Jahr hat die Servicestelle ihre Angebote aufgebaut: Verzeichnis, "
                    "Beratung, Veranstaltungen und Wissensplattform.\n\n"
                    "Die Zahlen in diesem Bericht stammen unmittelbar aus der Plattform."
                ),
                f"task-{tasks[1].pk}": (
                    "Schwerpunkt waren regionale Dialogveranstaltungen und Netzwerktreffen."
                ),
            },
        },
    )
    count("reports", was)
    return created


def _demo_board(count: Any) -> None:
    members = []
    for name, organisation, role in MEMBERS:
        member, was = BoardMember.objects.get_or_create(
            name=name, defaults={"organisation": organisation, "role": role}
        )
        members.append(member)
        count("board_members", was)
    meeting, was = BoardMeeting.objects.get_or_create(
        title="1. Sitzung des Fachbeirats",
        defaults={
            "held_on": datetime.date(2025, 6, 17),
            "location": "Berlin und online",
            "minutes": (
                "Der Fachbeirat begrüßt den Start der Plattform. Er regt an, die Beratung in "
                "Regionen ohne Initiative zu verstärken und die Wirkung der Netzwerktreffen "
                "mit einer kurzen Umfrage zu messen."
            ),
        },
    )
    count("board_meetings", was)
    if was:
        meeting.attendees.set(members)
        for position, (title, presenter) in enumerate(
            [
                ("Begrüßung und Vorstellung der Mitglieder", "Vorsitz"),
                ("Bericht der Servicestelle: Kennzahlen 1. Halbjahr", "Servicestelle"),
                ("Weiße Flecken: Prioritäten für Gründungen", "Servicestelle"),
                ("Verschiedenes", ""),
            ],
            start=1,
        ):
            AgendaItem.objects.create(
                meeting=meeting, position=position, title=title, presenter=presenter
            )
        Decision.objects.create(
            meeting=meeting,
            text=(
                "Die Servicestelle legt zur nächsten Sitzung eine Rangliste der weißen Flecken vor."
            ),
            due_on=datetime.date(2025, 11, 30),
            status=Decision.Status.DONE,
            follow_up="Rangliste in der Sitzung am 25.11.2025 vorgestellt.",
        )
        Decision.objects.create(
            meeting=meeting,
            text="Nach jedem Netzwerktreffen wird eine kurze Wirkungsumfrage durchgeführt.",
            due_on=datetime.date(2026, 3, 31),
            status=Decision.Status.IN_PROGRESS,
        )
