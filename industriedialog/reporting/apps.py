from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "industriedialog.reporting"
    label = "reporting"
    verbose_name = _("Berichte und Fachbeirat")

    def ready(self) -> None:
        from . import cache, rules  # noqa: F401

        cache.connect_invalidation()
