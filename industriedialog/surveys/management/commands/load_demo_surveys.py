"""manage.py load_demo_surveys: the two demo surveys of `make run` (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from industriedialog.surveys.demo import demo_surveys_load


class Command(BaseCommand):
    help = "Legt die Demo-Umfragen (Auslandshandelskammern, Akzeptanz) an, falls sie fehlen."

    def handle(self, *args: Any, **options: Any) -> None:
        made = demo_surveys_load()
        self.stdout.write(self.style.SUCCESS(f"{len(made)} Demo-Umfrage(n) angelegt."))
