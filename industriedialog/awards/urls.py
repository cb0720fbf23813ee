from django.urls import path

from . import views

app_name = "awards"

urlpatterns = [
    path("wettbewerb/", views.index, name="index"),
    path("wettbewerb/meine-beitraege/", views.my_submissions, name="my_submissions"),
    path("wettbewerb/beitraege/<int:pk>/", views.submission_edit, name="submission_edit"),
    path(
        "wettbewerb/beitraege/<int:pk>/datei/<slug:key>/",
        views.submission_upload,
        name="submission_upload",
    ),
    path(
        "wettbewerb/beitraege/<int:pk>/einreichen/",
        views.submission_submit,
        name="submission_submit",
    ),
    path(
        "wettbewerb/beitraege/<int:pk>/zurueckziehen/",
        views.submission_withdraw,
        name="submission_withdraw",
    ),
    path(
        "wettbewerb/dateien/<int:pk>/entfernen/",
        views.submission_file_remove,
        name="submission_file_remove",
    ),
    path("wettbewerb/dateien/<int:pk>/", views.file_download, name="file_download"),
    path("wettbewerb/<slug:slug>/", views.call_detail, name="call_detail"),
    path("wettbewerb/<slug:slug>/beitrag/", views.submission_start, name="submission_start"),
    # Jury
    path("jury/", views.jury_index, name="jury_index"),
    path("jury/aufruf/<int:pk>/", views.jury_call, name="jury_call"),
    path("jury/beitrag/<int:pk>/", views.jury_submission, name="jury_submission"),
    path("jury/beitrag/<int:pk>/befangen/", views.jury_conflict, name="jury_conflict"),
    # Staff
    path("intern/wettbewerb/", views.staff_call_list, name="staff_call_list"),
    path("intern/wettbewerb/neu/", views.staff_call_create, name="staff_call_create"),
    path("intern/wettbewerb/<int:pk>/", views.staff_call_edit, name="staff_call_edit"),
    path("intern/wettbewerb/<int:pk>/phase/", views.staff_call_phase, name="staff_call_phase"),
    path(
        "intern/wettbewerb/<int:pk>/beitraege/",
        views.staff_submissions,
        name="staff_submissions",
    ),
    path("intern/wettbewerb/<int:pk>/ergebnis/", views.staff_results, name="staff_results"),
    path("intern/wettbewerb/<int:pk>/festschreiben/", views.staff_lock, name="staff_lock"),
    path(
        "intern/wettbewerb/<int:pk>/veroeffentlichung/",
        views.staff_publication,
        name="staff_publication",
    ),
    path(
        "intern/wettbewerb/beitrag/<int:pk>/",
        views.staff_submission_detail,
        name="staff_submission_detail",
    ),
    path(
        "intern/wettbewerb/beitrag/<int:pk>/zulassung/",
        views.staff_eligibility,
        name="staff_eligibility",
    ),
    path("intern/wettbewerb/<int:pk>/<str:part>/", views.staff_parts, name="staff_parts"),
]
