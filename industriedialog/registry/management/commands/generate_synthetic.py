"""manage.py generate_synthetic: clearly marked synthetic scale data for benchmarks only."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from industriedialog.registry.synthetic import (
    SyntheticDataRefused,
    synthetic_delete,
    synthetic_generate,
)


class Command(BaseCommand):
    help = (
        "Erzeugt synthetische Initiativen und Organisationen für Lasttests (ersetzt vorhandene "
        "synthetische Daten); --delete entfernt sie. Nie im Demo-Modus."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--initiatives", type=int, default=2000)
        parser.add_argument("--organisations", type=int, default=20000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--delete", action="store_true", help="Nur alle synthetischen Daten löschen."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["delete"]:
            counts = synthetic_delete()
            self.stdout.write(
                f"Gelöscht: {counts['initiatives']} synthetische Initiativen, "
                f"{counts['organisations']} Organisationen."
            )
            return
        if options["initiatives"] < 0 or options["organisations"] < 1:
            raise CommandError("Bitte --initiatives ≥ 0 und --organisations ≥ 1 angeben.")
        start = time.perf_counter()
        try:
            result = synthetic_generate(
                initiatives=options["initiatives"],
                organisations=options["organisations"],
                seed=options["seed"],
            )
        except SyntheticDataRefused as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.initiatives} Initiativen, {result.organisations} Organisationen, "
                f"{result.memberships} Mitgliedschaften, {result.contacts} Ansprechpersonen "
                f"erzeugt (synthetisch, in {time.perf_counter() - start:.1f} s)."
            )
        )
