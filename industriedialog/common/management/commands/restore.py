"""manage.py restore ARCHIVE: replace database and files by a backup, then compare."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from industriedialog.common.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = _(
        "Stellt Datenbank, Medien und private Dateien aus einer Sicherung wieder her und "
        "vergleicht danach Zeilenzahlen und Prüfsummen. Der heutige Stand wird ersetzt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help=_("Pfad der Sicherung (.tar.gz)"))
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=_("Nicht nachfragen (für Skripte)."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["archive"])
        if options["interactive"]:
            answer = input(
                _(
                    "Alle Daten und Dateien werden durch „%(archive)s“ ersetzt. "
                    "Fortfahren? [ja/nein] "
                )
                % {"archive": archive}
            )
            if answer.strip().lower() not in {"ja", "j", "yes", "y"}:
                raise CommandError(_("Abgebrochen; nichts wurde verändert."))
        try:
            report = backup_restore(archive=archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Wiederhergestellt: %(tables)s Tabellen, %(rows)s Zeilen, %(files)s Dateien.")
            % {"tables": report.tables, "rows": report.rows, "files": report.files}
        )
        for name in report.removed_files:
            self.stdout.write(_("Entfernt (nicht in der Sicherung): %(name)s") % {"name": name})
        if not report.is_identical:
            for difference in report.differences:
                self.stderr.write(difference)
            raise CommandError(_("Der wiederhergestellte Stand weicht von der Sicherung ab."))
        self.stdout.write(_("Zeilenzahlen und Prüfsummen stimmen mit der Sicherung überein."))
