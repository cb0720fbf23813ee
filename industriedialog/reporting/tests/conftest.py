import pytest

from industriedialog.registry.tests.conftest import regions  # noqa: F401


@pytest.fixture(autouse=True)
def private_storage(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Evidence, report files and board documents go to a temporary directory."""
    from django.core.files.storage import FileSystemStorage

    from industriedialog.reporting.models import BoardDocument, ManualValue, Report

    storage = FileSystemStorage(location=tmp_path / "private")
    for model, name in (
        (ManualValue, "evidence"),
        (Report, "pdf"),
        (Report, "docx"),
        (BoardDocument, "file"),
    ):
        monkeypatch.setattr(model._meta.get_field(name), "storage", storage)
    return storage
