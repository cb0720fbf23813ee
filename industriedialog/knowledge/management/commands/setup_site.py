"""manage.py setup_site: start pages (de/en), imprint, privacy, accessibility, Leichte Sprache."""

from typing import Any

from django.core.management.base import BaseCommand

from industriedialog.knowledge.services import site_setup


class Command(BaseCommand):
    help = "Legt Startseiten und Pflichtseiten an, falls sie fehlen (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = site_setup()
        if options["verbosity"] == 0:
            return
        if result.created:
            self.stdout.write(self.style.SUCCESS("Angelegt: " + ", ".join(result.created)))
        else:
            self.stdout.write("Seiten vorhanden, nichts zu tun.")
