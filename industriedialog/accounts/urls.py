from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "accounts"

urlpatterns = [
    path(_("konto/profil/"), views.profile, name="profile"),
    path(_("intern/"), views.staff_dashboard, name="staff_dashboard"),
]
