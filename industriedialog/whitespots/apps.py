from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WhitespotsConfig(AppConfig):
    name = "industriedialog.whitespots"
    label = "whitespots"
    verbose_name = _("Weiße Flecken")
