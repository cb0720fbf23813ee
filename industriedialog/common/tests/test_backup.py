"""The restore drill: back up, wipe, restore, compare counts and checksums."""

import hashlib
import io
import tarfile
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command

from industriedialog.common.backup import (
    BackupError,
    backup_create,
    backup_restore,
    file_checksums,
    row_counts,
)
from industriedialog.registry.models import Initiative, Organisation
from industriedialog.registry.tests.factories import InitiativeFactory, OrganisationFactory

# No wrapping transaction: pg_restore replaces the tables from its own connection.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stores(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }


def _some_data():
    InitiativeFactory(name="Bündnis für Industrie Nordhessen")
    OrganisationFactory(name="IG Metall Nordhessen")
    storages["default"].save("logos/nordhessen.png", ContentFile(b"\x89PNG binary \x00\xff" * 50))
    storages["private"].save("imports/liste.csv", ContentFile(b"Name;Land\nA;HE\n"))


def test_drill_restores_equal_row_counts_and_byte_identical_files(stores, tmp_path):
    _some_data()
    counts, checksums = row_counts(), file_checksums()
    archive = backup_create(directory=tmp_path / "backups")

    # Wipe: data gone, files changed and added.
    Initiative.objects.all().delete()
    Organisation.objects.all().delete()
    storages["default"].delete("logos/nordhessen.png")
    storages["default"].save("logos/nordhessen.png", ContentFile(b"overwritten"))
    storages["private"].save("imports/after-backup.csv", ContentFile(b"new"))
    assert row_counts() != counts

    report = backup_restore(archive=archive)

    assert report.is_identical, report.differences
    assert row_counts() == counts
    assert file_checksums() == checksums
    assert Initiative.objects.get().name == "Bündnis für Industrie Nordhessen"
    assert report.removed_files == ["private/imports/after-backup.csv"]
    restored = storages["default"].open("logos/nordhessen.png").read()
    assert (
        hashlib.sha256(restored).digest()
        == hashlib.sha256(b"\x89PNG binary \x00\xff" * 50).digest()
    )


def test_damaged_archive_is_refused_before_anything_changes(stores, tmp_path):
    _some_data()
    archive = backup_create(directory=tmp_path / "backups")
    # Rewrite the archive with one file's content changed but the manifest kept.
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "media/logos/nordhessen.png":
                data = b"tampered"
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    InitiativeFactory(name="Nach der Sicherung angelegt")

    with pytest.raises(BackupError, match="media/logos/nordhessen.png"):
        backup_restore(archive=damaged)
    assert Initiative.objects.filter(name="Nach der Sicherung angelegt").exists()


def test_restore_command_asks_nothing_with_noinput_and_reports_in_german(stores, tmp_path):
    _some_data()
    archive = backup_create(directory=tmp_path / "backups")
    out = StringIO()
    call_command("restore", str(archive), "--noinput", stdout=out)
    assert "Zeilenzahlen und Prüfsummen stimmen mit der Sicherung überein." in out.getvalue()


def test_restore_of_a_missing_file_says_which(stores, tmp_path):
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("restore", str(tmp_path / "fehlt.tar.gz"), "--noinput")


def test_backup_command_prints_the_archive_path(stores, tmp_path):
    out = StringIO()
    call_command("backup", "--dir", str(tmp_path / "b"), stdout=out)
    path = out.getvalue().strip()
    assert path.endswith(".tar.gz")
    with tarfile.open(path) as tar:
        names = tar.getnames()
    assert "manifest.json" in names
    assert any(name.startswith("database.") for name in names)
