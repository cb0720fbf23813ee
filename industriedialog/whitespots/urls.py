from django.urls import path

from . import views

app_name = "whitespots"

urlpatterns = [
    path("weisse-flecken/", views.coverage_map, name="map"),
    path("weisse-flecken/kreis/<str:ags>/", views.district_card, name="district_card"),
    path("weisse-flecken/rangliste/", views.ranking, name="ranking"),
    path("weisse-flecken/rangliste/export.<str:fmt>", views.ranking_export, name="ranking_export"),
    path("intern/kennzahlen/import/", views.indicator_import, name="indicator_import"),
]
