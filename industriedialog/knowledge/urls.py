from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("wissen/", views.overview, name="index"),
    path("suche/", views.search, name="search"),
]
