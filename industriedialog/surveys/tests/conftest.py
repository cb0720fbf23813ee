from industriedialog.registry.tests.conftest import regions  # noqa: F401
