#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        # One clear line instead of a traceback: configuration errors are the operator's to fix.
        sys.exit(f"Konfigurationsfehler: {str(exc).strip().splitlines()[0]}")
    except OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        sys.exit(f"Datenbank nicht erreichbar (DATABASE_URL prüfen): {first_line}")


if __name__ == "__main__":
    main()
