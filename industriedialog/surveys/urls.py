from django.urls import path

from . import views, views_respond

app_name = "surveys"

urlpatterns = [
    # --- staff: builder, invitations (views) ---
    path("intern/umfragen/", views.staff_survey_list, name="staff_survey_list"),
    path("intern/umfragen/neu/", views.staff_survey_create, name="staff_survey_create"),
    path("intern/umfragen/<int:pk>/", views.staff_survey_edit, name="staff_survey_edit"),
    path(
        "intern/umfragen/<int:pk>/fragen/neu/",
        views.staff_question_edit,
        name="staff_question_create",
    ),
    path(
        "intern/umfragen/<int:pk>/fragen/<int:question_pk>/",
        views.staff_question_edit,
        name="staff_question_edit",
    ),
    path(
        "intern/umfragen/<int:pk>/fragen/<int:question_pk>/verschieben/",
        views.staff_question_move,
        name="staff_question_move",
    ),
    path("intern/umfragen/<int:pk>/vorschau/", views.staff_preview, name="staff_preview"),
    path(
        "intern/umfragen/<int:pk>/einladungen/",
        views.staff_invitations,
        name="staff_invitations",
    ),
    path(
        "intern/umfragen/<int:pk>/ruecklauf/",
        views.staff_response_rate,
        name="staff_response_rate",
    ),
    path(
        "intern/umfragen/<int:pk>/<str:action>/",
        views.staff_survey_action,
        name="staff_survey_action",
    ),
    # --- results: staff, and the ministry for shared surveys ---
    path("umfragen/auswertung/", views.results_list, name="results_list"),
    path("umfragen/auswertung/<int:pk>/", views.results, name="results"),
    path(
        "umfragen/auswertung/<int:pk>/export.<str:fmt>",
        views.results_export,
        name="results_export",
    ),
    path(
        "umfragen/auswertung/<int:pk>/bericht.pdf",
        views.results_report,
        name="results_report",
    ),
    path(
        "umfragen/<slug:slug>/ergebnisse/<slug:initiative_slug>/",
        views.initiative_results,
        name="initiative_results",
    ),
    # --- respondents (views_respond) ---
    path("umfragen/<slug:slug>/", views_respond.survey_start, name="respond_start"),
    path("umfragen/<slug:slug>/t/<str:token>/", views_respond.survey_token, name="respond_token"),
    path(
        "umfragen/<slug:slug>/antwort/<uuid:key>/",
        views_respond.survey_resume,
        name="respond_resume",
    ),
    path(
        "umfragen/<slug:slug>/antwort/<uuid:key>/<int:page>/",
        views_respond.survey_page,
        name="respond_page",
    ),
    path("umfragen/<slug:slug>/danke/", views_respond.survey_thanks, name="respond_thanks"),
]
