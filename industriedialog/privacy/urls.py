from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("intern/datenschutz/", views.index, name="index"),
    path("intern/datenschutz/export/", views.export, name="export"),
    path("intern/datenschutz/loeschen/", views.erase, name="erase"),
]
