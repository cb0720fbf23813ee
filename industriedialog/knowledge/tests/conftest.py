"""Knowledge tests share one demo site per test module (creating it takes seconds).

The site is created inside a transaction that is rolled back after the module; every test
runs in a savepoint within it, as pytest-django does for a plain ``db`` test. Modules with
transactional (browser) tests define their own ``site_pages``."""

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from industriedialog.knowledge.services import SetupResult, site_setup


@pytest.fixture(scope="session", autouse=True)
def _media_in_tmp(tmp_path_factory) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Uploaded and demo documents go to a temporary directory, not the checkout."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """The page cache lives in local memory, the database rolls back: start each test clean."""
    cache.clear()


@pytest.fixture(scope="module")
def _demo_site(django_db_setup, django_db_blocker) -> Iterator[SetupResult]:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield site_setup()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def site_pages(_demo_site, db) -> SetupResult:  # type: ignore[no-untyped-def]
    return _demo_site
