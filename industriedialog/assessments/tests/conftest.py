from __future__ import annotations

import pytest


@pytest.fixture
def catalogue(db):  # type: ignore[no-untyped-def]
    """The first published catalogue, as `load_assessment_catalogue` creates it."""
    from industriedialog.assessments.services import catalogue_load_initial

    return catalogue_load_initial()


from industriedialog.registry.tests.conftest import regions  # noqa: E402, F401
