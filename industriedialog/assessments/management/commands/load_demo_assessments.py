"""manage.py load_demo_assessments: demo self-assessments (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from industriedialog.assessments.demo import assessments_demo_load


class Command(BaseCommand):
    help = (
        "Legt den Kriterienkatalog und Demo-Selbstbewertungen an (Industriedialog Rhein-Mosel "
        "und Vergleichsinitiativen); ein zweiter Lauf legt nichts doppelt an."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = assessments_demo_load()
        self.stdout.write(self.style.SUCCESS(f"{created} Demo-Selbstbewertungen angelegt."))
