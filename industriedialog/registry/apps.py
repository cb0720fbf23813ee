from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_vocabularies(sender: Any, **kwargs: Any) -> None:
    from .services import vocabularies_ensure

    vocabularies_ensure()


class RegistryConfig(AppConfig):
    name = "industriedialog.registry"
    label = "registry"
    verbose_name = _("Verzeichnis der Initiativen")

    def ready(self) -> None:
        post_migrate.connect(_ensure_vocabularies, sender=self)
