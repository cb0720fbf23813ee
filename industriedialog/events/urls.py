from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("veranstaltungen/", views.event_list, name="event_list"),
    path("veranstaltungen/kalender.ics", views.calendar_feed, name="calendar_feed"),
    path("veranstaltungen/<slug:slug>/", views.event_detail, name="event_detail"),
    path("veranstaltungen/<slug:slug>/termin.ics", views.event_ics, name="event_ics"),
    path(
        "veranstaltungen/<slug:slug>/anmelden/",
        views.registration_create,
        name="registration_create",
    ),
    path(
        "veranstaltungen/<slug:slug>/rueckmeldung/<str:token>/",
        views.feedback,
        name="feedback",
    ),
    path(
        "anmeldung/<str:token>/bestaetigen/",
        views.registration_confirm,
        name="registration_confirm",
    ),
    path(
        "anmeldung/<str:token>/stornieren/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    # Back office (staff)
    path("intern/veranstaltungen/", views.staff_event_list, name="staff_event_list"),
    path("intern/veranstaltungen/neu/", views.staff_event_create, name="staff_event_create"),
    path(
        "intern/veranstaltungen/erinnerungen/",
        views.staff_send_reminders,
        name="staff_send_reminders",
    ),
    path(
        "intern/veranstaltungen/aufgaben-ueberfaellig/",
        views.staff_tasks_overdue,
        name="staff_tasks_overdue",
    ),
    path("intern/veranstaltungen/vorlagen/", views.staff_template_list, name="staff_template_list"),
    path(
        "intern/veranstaltungen/vorlagen/<str:code>/",
        views.staff_template_edit,
        name="staff_template_edit",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/bearbeiten/",
        views.staff_event_edit,
        name="staff_event_edit",
    ),
    path("intern/veranstaltungen/<int:pk>/planung/", views.staff_planning, name="staff_planning"),
    path(
        "intern/veranstaltungen/<int:pk>/teilnehmende/",
        views.staff_participants,
        name="staff_participants",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/teilnehmende.<str:file_format>",
        views.staff_participants_export,
        name="staff_participants_export",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/namensschilder.pdf",
        views.staff_badges,
        name="staff_badges",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/einladungen/",
        views.staff_invitations,
        name="staff_invitations",
    ),
    path("intern/veranstaltungen/<int:pk>/check-in/", views.staff_check_in, name="staff_check_in"),
    path("intern/veranstaltungen/<int:pk>/nachricht/", views.staff_message, name="staff_message"),
    path(
        "intern/veranstaltungen/<int:pk>/auswertung/", views.staff_feedback, name="staff_feedback"
    ),
]
