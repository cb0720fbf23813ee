from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture
def regions(db):  # type: ignore[no-untyped-def]
    """The 16 states and 400 districts as `make run` loads them."""
    from industriedialog.regions.reference import DEFAULT_SOURCE_CSV
    from industriedialog.regions.services import regions_load

    return regions_load(csv_path=Path(settings.BASE_DIR) / DEFAULT_SOURCE_CSV)
