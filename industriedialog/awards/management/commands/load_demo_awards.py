"""manage.py load_demo_awards: a published past call with winners and an open call, plus a
demo jury account (idempotent; the password is printed once)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from industriedialog.awards.demo import awards_demo_load


class Command(BaseCommand):
    help = (
        "Legt zwei Demo-Wettbewerbe (veröffentlicht und offen) und einen Jury-Zugang an "
        "(idempotent; braucht load_demo_initiatives)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_MODE", False):
            raise CommandError("Demodaten gibt es nur im Demo-Betrieb (config.settings.local).")
        result = awards_demo_load()
        if not options["verbosity"]:
            return
        self.stdout.write(self.style.SUCCESS(f"{result['calls']} Demo-Wettbewerbe angelegt."))
        if result["password"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo-Zugang angelegt: {result['juror']}  Passwort: {result['password']}"
                )
            )
        else:
            self.stdout.write(f"Demo-Zugang {result['juror']} besteht bereits.")
