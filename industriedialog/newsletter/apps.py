from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "industriedialog.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self) -> None:
        from . import rules  # noqa: F401
