from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisoryConfig(AppConfig):
    name = "industriedialog.advisory"
    label = "advisory"
    verbose_name = _("Beratung und Gründungsbegleitung")
