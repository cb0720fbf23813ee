from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    # --- representatives ---
    path("selbstbewertung/", views.index, name="index"),
    path("selbstbewertung/<slug:slug>/starten/", views.start, name="start"),
    path("selbstbewertung/<slug:slug>/peer-matching/", views.peer_opt_in, name="peer_opt_in"),
    path("selbstbewertung/bewertung/<int:pk>/schritt/<int:step>/", views.step, name="step"),
    path("selbstbewertung/bewertung/<int:pk>/abschluss/", views.summary, name="summary"),
    path("selbstbewertung/bewertung/<int:pk>/", views.result, name="result"),
    path("selbstbewertung/bewertung/<int:pk>/ergebnis.pdf", views.result_pdf, name="result_pdf"),
    path("selbstbewertung/bewertung/<int:pk>/ziele/", views.targets, name="targets"),
    path("selbstbewertung/bewertung/<int:pk>/kontakt/", views.contact_request, name="contact"),
    # --- staff ---
    path("intern/selbstbewertung/", views.staff_overview, name="staff_overview"),
    path("intern/selbstbewertung/export.<str:fmt>", views.staff_export, name="staff_export"),
    path(
        "intern/selbstbewertung/kontaktanfragen/",
        views.staff_contact_list,
        name="staff_contact_list",
    ),
    path(
        "intern/selbstbewertung/kontaktanfragen/<int:pk>/<str:decision>/",
        views.staff_contact_decide,
        name="staff_contact_decide",
    ),
    path(
        "intern/selbstbewertung/katalog/", views.staff_catalogue_list, name="staff_catalogue_list"
    ),
    path(
        "intern/selbstbewertung/katalog/<int:pk>/",
        views.staff_catalogue_detail,
        name="staff_catalogue_detail",
    ),
    path(
        "intern/selbstbewertung/dimension/<int:pk>/",
        views.staff_dimension_edit,
        name="staff_dimension_edit",
    ),
    path(
        "intern/selbstbewertung/dimension/<int:dimension_pk>/kriterium/neu/",
        views.staff_criterion_edit,
        name="staff_criterion_create",
    ),
    path(
        "intern/selbstbewertung/dimension/<int:dimension_pk>/kriterium/<int:pk>/",
        views.staff_criterion_edit,
        name="staff_criterion_edit",
    ),
]
