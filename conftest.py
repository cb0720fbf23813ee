"""Project-wide pytest fixtures."""

import pytest


@pytest.fixture(autouse=True)
def _german_default(settings):  # type: ignore[no-untyped-def]
    settings.LANGUAGE_CODE = "de"


@pytest.fixture
def site_pages(db):  # type: ignore[no-untyped-def]
    """Start pages and legal pages as `make run` creates them."""
    from industriedialog.knowledge.services import site_setup

    return site_setup()


@pytest.fixture(autouse=True)
def _fresh_cache():  # type: ignore[no-untyped-def]
    """Each test starts with an empty cache (login rate limits live there)."""
    from django.core.cache import cache

    cache.clear()
