from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "common"

urlpatterns = [
    path(_("datenquellen/"), views.data_sources, name="data_sources"),
]
