"""manage.py load_assessment_catalogue: the first published criteria catalogue (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from industriedialog.assessments.services import (
    catalogue_link_missing_pages,
    catalogue_load_initial,
)


class Command(BaseCommand):
    help = (
        "Legt den ersten Kriterienkatalog der Selbstbewertung an (nur wenn noch keiner existiert)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        catalogue = catalogue_load_initial()
        linked = catalogue_link_missing_pages()
        if catalogue is None:
            self.stdout.write(f"Kriterienkatalog besteht bereits; {linked} Seiten neu verknüpft.")
        else:
            self.stdout.write(self.style.SUCCESS("Kriterienkatalog, Fassung 1, veröffentlicht."))
