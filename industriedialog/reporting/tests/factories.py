"""Test helpers: a project with yearly periods and the whole term, tasks and indicators."""

from __future__ import annotations

import datetime
import secrets
from decimal import Decimal
from typing import Any

from django.utils import timezone

from industriedialog.accounts.roles import Role
from industriedialog.accounts.tests.factories import UserFactory, login_with_second_factor
from industriedialog.reporting.models import Indicator, Period, Project, Target, Task

YEAR = 2025


def make_project(years: tuple[int, ...] = (2025, 2026, 2027)) -> Project:
    project = Project.objects.create(
        name="Servicestelle 2025–2027",
        slug=f"servicestelle-{secrets.token_hex(3)}",
        starts_on=datetime.date(years[0], 1, 1),
        ends_on=datetime.date(years[-1], 12, 31),
    )
    for year in years:
        Period.objects.create(
            project=project,
            label=str(year),
            starts_on=datetime.date(year, 1, 1),
            ends_on=datetime.date(year, 12, 31),
        )
    Period.objects.create(
        project=project,
        label="Gesamt",
        starts_on=project.starts_on,
        ends_on=project.ends_on,
        is_whole_term=True,
    )
    return project


def period(project: Project, label: str) -> Period:
    return project.periods.get(label=label)


def make_task(project: Project, number: int = 1, title: str = "Initiativen unterstützen") -> Task:
    return Task.objects.create(project=project, number=number, title=title)


def make_indicator(
    task: Task, name: str, computation: str = "", targets: dict[str, Any] | None = None
) -> Indicator:
    indicator = Indicator.objects.create(task=task, name=name, computation=computation)
    for label, value in (targets or {}).items():
        Target.objects.create(
            indicator=indicator, period=period(task.project, label), value=Decimal(value)
        )
    return indicator


def user_with(role: Role | None) -> Any:
    return UserFactory(roles=[role] if role else [])


def login_as(client: Any, role: Role | None) -> Any:
    return login_with_second_factor(client, user_with(role))


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(
        day.year, day.month, day.day, hour, tzinfo=timezone.get_current_timezone()
    )
