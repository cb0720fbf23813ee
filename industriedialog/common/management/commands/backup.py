"""manage.py backup: database and files into one verified archive."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from industriedialog.common.backup import BackupError, backup_create


class Command(BaseCommand):
    help = _("Sichert Datenbank, Medien und private Dateien in ein Archiv mit Prüfsummen.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir",
            default=str(getattr(settings, "BACKUP_DIR", "backups")),
            help=_("Zielverzeichnis (Standard: BACKUP_DIR)"),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            archive = backup_create(directory=Path(options["dir"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
