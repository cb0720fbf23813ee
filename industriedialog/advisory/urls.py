from django.urls import path

from . import views
from . import views_consultations as consultations

app_name = "advisory"

urlpatterns = [
    path("intern/gruendungen/", views.case_board, name="case_board"),
    path("intern/gruendungen/liste/", views.case_list, name="case_list"),
    path("intern/gruendungen/neu/", views.case_create, name="case_create"),
    path("intern/gruendungen/<int:pk>/", views.case_detail, name="case_detail"),
    path("intern/gruendungen/<int:pk>/bearbeiten/", views.case_edit, name="case_edit"),
    path("intern/gruendungen/<int:pk>/phase/", views.case_move, name="case_move"),
    path("intern/gruendungen/<int:pk>/gegruendet/", views.case_found, name="case_found"),
    path("intern/gruendungen/<int:pk>/schritte/", views.step_add, name="step_add"),
    path("intern/gruendungen/schritte/<int:pk>/erledigt/", views.step_done, name="step_done"),
    path("intern/gruendungen/<int:pk>/partner/", views.partner_add, name="partner_add"),
    path("intern/gruendungen/partner/<int:pk>/", views.partner_respond, name="partner_respond"),
    path("intern/gruendungen/<int:pk>/dokumente/", views.document_add, name="document_add"),
    path(
        "intern/gruendungen/dokumente/<int:pk>/", views.document_download, name="document_download"
    ),
]

urlpatterns += [
    path("intern/beratungen/", consultations.consultation_list, name="consultation_list"),
    path("intern/beratungen/neu/", consultations.consultation_create, name="consultation_create"),
    path(
        "intern/beratungen/export.<str:file_format>",
        consultations.consultation_export,
        name="consultation_export",
    ),
    path("intern/beratungen/nachfassen/", consultations.follow_ups, name="follow_ups"),
    path("intern/beratungen/beraterinnen/", consultations.staff_overview, name="staff_overview"),
    path(
        "intern/beratungen/initiative/<int:pk>/",
        consultations.initiative_history,
        name="initiative_history",
    ),
    path("intern/beratungen/loeschlaeufe/", consultations.retention_runs, name="retention_runs"),
    path(
        "intern/beratungen/<int:pk>/", consultations.consultation_detail, name="consultation_detail"
    ),
    path(
        "intern/beratungen/<int:pk>/bearbeiten/",
        consultations.consultation_edit,
        name="consultation_edit",
    ),
    path(
        "intern/beratungen/<int:pk>/nachfassen/",
        consultations.consultation_follow_up,
        name="consultation_follow_up",
    ),
]
