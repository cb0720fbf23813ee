from __future__ import annotations

import pytest

from industriedialog.registry.tests.conftest import regions  # noqa: F401


@pytest.fixture(autouse=True)
def _run_on_commit(request, monkeypatch):  # type: ignore[no-untyped-def]
    """E-mails are queued on commit; a test runs inside one transaction that never commits,
    so run the callbacks at once (transactional tests commit for real and need no help)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and not marker.kwargs.get("transaction"):
        monkeypatch.setattr(
            "django.db.transaction.on_commit", lambda func, using=None, robust=False: func()
        )
