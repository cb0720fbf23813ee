from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "industriedialog.privacy"
    verbose_name = _("Datenschutz")
    default_auto_field = "django.db.models.BigAutoField"
