from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _run_on_commit(request, monkeypatch):  # type: ignore[no-untyped-def]
    """Confirmation e-mails are sent on commit; a normal test never commits, so run the
    callbacks at once (transactional tests commit for real)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and not marker.kwargs.get("transaction"):
        monkeypatch.setattr(
            "django.db.transaction.on_commit", lambda func, using=None, robust=False: func()
        )


@pytest.fixture(autouse=True)
def private_storage(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Uploads land in a throw-away private store, not in var/private."""
    from django.core.files.storage import FileSystemStorage

    from industriedialog.awards.models import SubmissionFile

    storage = FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(SubmissionFile._meta.get_field("file"), "storage", storage)
    return storage
