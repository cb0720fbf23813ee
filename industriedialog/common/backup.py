"""Backup and restore: the database and both file stores (public media, private files) in
one archive with a manifest of row counts and SHA-256 checksums.

The archive is a gzip'd tar with ``manifest.json``, the database (``database.dump`` from
``pg_dump -Fc`` on PostgreSQL, ``database.sqlite3`` from SQLite's online backup API) and
the files under ``media/`` and ``private/``. Files are read and written through Django's
storage API, so S3-compatible storage works as well as the local disk.

Restoring checks the whole archive against its manifest before it touches anything, loads
the database in one transaction (``pg_restore --single-transaction``; SQLite's backup API
replaces the file as a whole), writes the files and removes files the backup did not
have, then compares row counts and checksums with the manifest and reports any difference.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump/pg_restore with fixed argument lists, no shell
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT_VERSION = 1
STORES = {"media": "default", "private": "private"}


class BackupError(Exception):
    """A backup or restore that cannot proceed; the message says why, in German."""


@dataclass
class RestoreReport:
    tables: int = 0
    rows: int = 0
    files: int = 0
    removed_files: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)

    @property
    def is_identical(self) -> bool:
        return not self.differences


# --- what is in the database and the stores ---------------------------------------------------
def row_counts() -> dict[str, int]:
    """Rows per table of every concrete model (auto-created m2m tables included)."""
    counts: dict[str, int] = {}
    tables = set(connection.introspection.table_names())
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table not in tables:
            continue
        counts[meta.db_table] = model._base_manager.using(connection.alias).count()
    return dict(sorted(counts.items()))


def _walk(storage: Storage, directory: str = "") -> Iterator[str]:
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(directories):
        yield from _walk(storage, f"{directory}/{name}" if directory else name)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_checksums() -> dict[str, dict[str, str]]:
    """SHA-256 of every file per store, by name."""
    result: dict[str, dict[str, str]] = {}
    for prefix, alias in STORES.items():
        storage = storages[alias]
        checksums = {}
        for name in _walk(storage):
            with storage.open(name, "rb") as handle:
                checksums[name] = _sha256(handle.read())
        result[prefix] = checksums
    return result


# --- database ---------------------------------------------------------------------------------
def _vendor() -> str:
    if connection.vendor not in {"postgresql", "sqlite"}:
        raise BackupError(
            _("Datenbank „%(vendor)s“ wird nicht unterstützt (nur PostgreSQL und SQLite).")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump/pg_restore; the password goes in the environment."""
    settings = connection.settings_dict
    args = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        args += ["--host", settings["HOST"]]
    if settings.get("PORT"):
        args += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["--username", settings["USER"]]
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    executable = shutil.which(command[0])
    if executable is None:
        raise BackupError(
            _("Das Programm „%(program)s“ fehlt (Debian-Paket „postgresql-client“).")
            % {"program": command[0]}
        )
    result = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
        [executable, *command[1:]], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(
            _("„%(program)s“ ist fehlgeschlagen: %(error)s")
            % {"program": command[0], "error": result.stderr.strip()[-2000:]}
        )


def _dump_database(target: Path) -> str:
    vendor = _vendor()
    if vendor == "postgresql":
        args, env = _pg_environment()
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *args], env)
        return "database.dump"
    connection.ensure_connection()
    with sqlite3.connect(target) as destination:
        connection.connection.backup(destination)
    destination.close()
    return "database.sqlite3"


def _load_database(source: Path, member: str) -> None:
    vendor = _vendor()
    expected = "database.dump" if vendor == "postgresql" else "database.sqlite3"
    if member != expected:
        raise BackupError(
            _(
                "Die Sicherung stammt aus einer anderen Datenbankart "
                "(%(found)s, erwartet %(expected)s)."
            )
            % {"found": member, "expected": expected}
        )
    if vendor == "postgresql":
        args, env = _pg_environment()
        connection.close()  # pg_restore --clean must not wait for our own locks
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                *args,
                str(source),
            ],
            env,
        )
        return
    connection.ensure_connection()
    with sqlite3.connect(source) as backup:
        backup.backup(connection.connection)
    backup.close()


# --- archive ----------------------------------------------------------------------------------
def backup_create(*, directory: Path) -> Path:
    """Write a complete backup archive into ``directory``; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    archive = directory / f"industriedialog-backup-{stamp}.tar.gz"
    partial = archive.with_suffix(".partial")
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "database"
        member = _dump_database(dump)
        manifest: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "database": {
                "vendor": connection.vendor,
                "member": member,
                "sha256": _sha256(dump.read_bytes()),
            },
            "rows": row_counts(),
            "files": {},
        }
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(dump, arcname=member)
            for prefix, alias in STORES.items():
                storage = storages[alias]
                checksums = {}
                for name in _walk(storage):
                    with storage.open(name, "rb") as handle:
                        data = handle.read()
                    checksums[name] = _sha256(data)
                    info = tarfile.TarInfo(f"{prefix}/{name}")
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
                manifest["files"][prefix] = checksums
            body = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    partial.replace(archive)  # a crash never leaves a truncated archive under the final name
    return archive


def _read_archive(archive: Path, into: Path) -> dict[str, Any]:
    """Unpack and verify every member against the manifest before anything is restored."""
    if not archive.is_file():
        raise BackupError(_("Die Datei „%(path)s“ gibt es nicht.") % {"path": archive})
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(
            _("„%(path)s“ ist kein lesbares Sicherungsarchiv: %(error)s")
            % {"path": archive, "error": error}
        ) from error
    try:
        manifest = json.loads((into / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        raise BackupError(_("Im Archiv fehlt eine lesbare manifest.json.")) from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(
            _("Unbekanntes Sicherungsformat %(format)s.") % {"format": manifest.get("format")}
        )
    database = manifest["database"]
    dump = into / database["member"]
    if not dump.is_file() or _sha256(dump.read_bytes()) != database["sha256"]:
        raise BackupError(_("Die Datenbanksicherung im Archiv ist beschädigt (Prüfsumme)."))
    for prefix, checksums in manifest["files"].items():
        for name, checksum in checksums.items():
            path = into / prefix / name
            if not path.is_file() or _sha256(path.read_bytes()) != checksum:
                raise BackupError(
                    _("Die Datei „%(name)s“ im Archiv fehlt oder ist beschädigt.")
                    % {"name": f"{prefix}/{name}"}
                )
    return manifest


def backup_restore(*, archive: Path) -> RestoreReport:
    """Replace database and files by the archive's; returns what was compared afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        unpacked = Path(tmp)
        manifest = _read_archive(archive, unpacked)
        database = manifest["database"]
        _load_database(unpacked / database["member"], database["member"])
        report = RestoreReport()
        for prefix, checksums in manifest["files"].items():
            storage = storages[STORES[prefix]]
            for name in checksums:
                if storage.exists(name):
                    storage.delete(name)
                stored = storage.save(name, ContentFile((unpacked / prefix / name).read_bytes()))
                if stored != name:
                    raise BackupError(
                        _("Die Datei „%(name)s“ wurde als „%(stored)s“ gespeichert.")
                        % {"name": name, "stored": stored}
                    )
                report.files += 1
            for name in list(_walk(storage)):
                if name not in checksums:
                    storage.delete(name)
                    report.removed_files.append(f"{prefix}/{name}")
    report.differences = _compare(manifest)
    report.tables = len(manifest["rows"])
    report.rows = sum(manifest["rows"].values())
    return report


def _compare(manifest: dict[str, Any]) -> list[str]:
    differences = []
    now = row_counts()
    for table, expected in manifest["rows"].items():
        found = now.get(table)
        if found != expected:
            differences.append(
                _("Tabelle %(table)s: %(found)s Zeilen statt %(expected)s.")
                % {"table": table, "found": found, "expected": expected}
            )
    files = file_checksums()
    for prefix, expected_files in manifest["files"].items():
        if files.get(prefix, {}) != expected_files:
            differences.append(
                _("Dateien in „%(store)s“ weichen von der Sicherung ab.") % {"store": prefix}
            )
    return differences
