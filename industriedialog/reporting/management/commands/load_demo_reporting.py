from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from industriedialog.reporting.demo import load_demo_reporting


class Command(BaseCommand):
    help = "Demo-Projekt mit Teilaufgaben, Kennzahlen und Zielwerten, Fachbeirat (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_demo_reporting()
        summary = ", ".join(f"{kind}: {n}" for kind, n in created.items() if n) or "nichts Neues"
        self.stdout.write(f"Berichte-Demo geladen ({summary}).")
