from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "industriedialog.common"
    label = "common"
    verbose_name = _("Gemeinsames")

    def ready(self) -> None:
        from . import signals  # noqa: F401
