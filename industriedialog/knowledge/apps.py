from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "industriedialog.knowledge"
    label = "knowledge"
    verbose_name = _("Wissensplattform")

    def ready(self) -> None:
        from . import signals  # noqa: F401
