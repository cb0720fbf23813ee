from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("intern/berichte/", views.dashboard, name="dashboard"),
    path("intern/berichte/kennzahlen/neu/", views.indicator_create, name="indicator_create"),
    path("intern/berichte/kennzahlen/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path(
        "intern/berichte/kennzahlen/<int:pk>/bearbeiten/",
        views.indicator_edit,
        name="indicator_edit",
    ),
    path("intern/berichte/kennzahlen/<int:pk>/ziele/", views.targets_edit, name="targets_edit"),
    path(
        "intern/berichte/kennzahlen/<int:pk>/wert/", views.manual_value_add, name="manual_value_add"
    ),
    path("intern/berichte/nachweise/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("intern/berichte/teilaufgaben/<int:pk>/", views.task_edit, name="task_edit"),
    path("intern/berichte/berichte/", views.report_list, name="report_list"),
    path("intern/berichte/berichte/<int:pk>/", views.report_detail, name="report_detail"),
    path("intern/berichte/berichte/<int:pk>/ausstellen/", views.report_issue, name="report_issue"),
    path("intern/berichte/berichte/<int:pk>/status/", views.report_status, name="report_status"),
    path(
        "intern/berichte/berichte/<int:pk>/<str:fmt>/",
        views.report_download,
        name="report_download",
    ),
    path("intern/fachbeirat/", views.board, name="board"),
    path("intern/fachbeirat/mitglieder/neu/", views.member_form, name="member_create"),
    path("intern/fachbeirat/mitglieder/<int:pk>/", views.member_form, name="member_edit"),
    path("intern/fachbeirat/sitzungen/neu/", views.meeting_form, name="meeting_create"),
    path("intern/fachbeirat/sitzungen/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path(
        "intern/fachbeirat/sitzungen/<int:pk>/bearbeiten/", views.meeting_form, name="meeting_edit"
    ),
    path("intern/fachbeirat/sitzungen/<int:pk>/tagesordnung/", views.agenda_add, name="agenda_add"),
    path(
        "intern/fachbeirat/sitzungen/<int:pk>/unterlagen/", views.document_add, name="document_add"
    ),
    path(
        "intern/fachbeirat/unterlagen/<int:pk>/", views.document_download, name="document_download"
    ),
    path(
        "intern/fachbeirat/sitzungen/<int:pk>/beschluesse/", views.decision_add, name="decision_add"
    ),
    path("intern/fachbeirat/beschluesse/<int:pk>/", views.decision_edit, name="decision_edit"),
]
