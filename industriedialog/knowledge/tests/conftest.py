import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Uploaded and demo documents go to a temporary directory, not the checkout."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
