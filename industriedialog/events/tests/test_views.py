"""Public calendar, registration pages and the staff back office, through the test client."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from industriedialog.accounts.tests.factories import UserFactory
from industriedialog.events.badges import badges_document
from industriedialog.events.models import Event, Feedback, PlanningTask, Registration
from industriedialog.events.tests.factories import (
    EventFactory,
    PlanningTaskFactory,
    attended,
    confirmed,
    event_format,
)
from industriedialog.registry.tests.factories import InitiativeFactory, staff_login

pytestmark = pytest.mark.django_db


def _past(**kwargs):  # type: ignore[no-untyped-def]
    start = timezone.now() - datetime.timedelta(days=3)
    return EventFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=2), **kwargs)


# --- Calendar ------------------------------------------------------------------------------


def test_calendar_lists_upcoming_published_events_only(client):
    EventFactory(title="Kommendes Netzwerktreffen")
    EventFactory(title="Entwurf", is_published=False)
    _past(title="Vergangenes Treffen")
    page = client.get("/veranstaltungen/").content.decode()
    assert "Kommendes Netzwerktreffen" in page
    assert "Entwurf" not in page
    assert "Vergangenes Treffen" not in page
    past = client.get("/veranstaltungen/?zeitraum=past").content.decode()
    assert "Vergangenes Treffen" in past and "Kommendes Netzwerktreffen" not in past


def test_calendar_filters_by_type_format_state_online_and_date(client, regions):
    from industriedialog.regions.models import State

    bw = State.objects.get(code="BW")
    EventFactory(
        title="Zukunftswerkstatt BW",
        kind="workshop",
        format=event_format("future_workshop"),
        state=bw,
    )
    EventFactory(title="Webinar", kind="webinar", is_online=True, venue_name="")
    later = timezone.now() + datetime.timedelta(days=200)
    EventFactory(title="Späteres Treffen", starts_at=later, ends_at=later)

    def titles(query):  # type: ignore[no-untyped-def]
        return [e.title for e in client.get("/veranstaltungen/?" + query).context["page"]]

    assert titles("kind=workshop") == ["Zukunftswerkstatt BW"]
    assert titles("format=future_workshop") == ["Zukunftswerkstatt BW"]
    assert titles("state=BW") == ["Zukunftswerkstatt BW"]
    assert titles("online=1") == ["Webinar"]
    cutoff = (timezone.localdate() + datetime.timedelta(days=100)).isoformat()
    assert titles(f"von={cutoff}") == ["Späteres Treffen"]


def test_calendar_reports_a_broken_date_filter_in_german(client):
    response = client.get("/veranstaltungen/?von=morgen")
    assert "ab Datum" in response.content.decode()
    assert "Bitte prüfen Sie die Filter" in response.content.decode()


def test_calendar_query_count_does_not_grow_with_events(client, django_assert_max_num_queries):
    for _ in range(15):
        EventFactory(format=event_format("world_cafe"))
    client.get("/veranstaltungen/")  # fills the layout cache (menu pages)
    with django_assert_max_num_queries(6):
        client.get("/veranstaltungen/")


def test_ical_feed_and_event_download(client):
    event = EventFactory(title="Dialog in Erfurt", online_url="https://geheim.example.org/x")
    feed = client.get("/veranstaltungen/kalender.ics")
    assert feed["Content-Type"] == "text/calendar"
    assert "SUMMARY:Dialog in Erfurt" in feed.content.decode()
    single = client.get(f"/veranstaltungen/{event.slug}/termin.ics")
    assert "attachment" in single["Content-Disposition"]
    assert "BEGIN:VEVENT" in single.content.decode()
    assert "geheim.example.org" not in single.content.decode()  # the access link is private


def test_unpublished_event_is_not_found_for_visitors(client):
    event = EventFactory(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_event_page_names_only_participants_who_consented(client):
    event = EventFactory(capacity=5)
    confirmed(event, name="Offen Sichtbar", consents_to_list=True)
    confirmed(event, name="Lieber Anonym", consents_to_list=False)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Offen Sichtbar" in page
    assert "Lieber Anonym" not in page


# --- Registration flow ---------------------------------------------------------------------


def _register(client, event, email="erika@example.org", **extra):  # type: ignore[no-untyped-def]
    data = {"name": "Erika Muster", "email": email, "privacy": "on", **extra}
    return client.post(reverse("events:registration_create", args=[event.slug]), data)


def _link(body: str, kind: str) -> str:
    return re.search(rf"(/anmeldung/[^/\s]+/{kind}/)", body)[1]  # type: ignore[index]


def test_visitor_registers_confirms_by_email_and_can_cancel(client):
    initiative = InitiativeFactory()
    event = EventFactory(capacity=1)
    response = _register(client, event, initiative=initiative.pk, accessibility_needs="Rampe")
    assert "Wir haben eine E-Mail an erika@example.org geschickt" in response.content.decode()
    confirm_url = _link(mail.outbox[-1].body, "bestaetigen")
    assert "Anmeldung bestätigen" in client.get(confirm_url).content.decode()
    assert Registration.objects.get().status == "unconfirmed"  # GET alone changes nothing
    page = client.post(confirm_url).content.decode()
    assert "Sie sind angemeldet." in page
    registration = Registration.objects.get()
    assert (registration.status, registration.initiative) == ("confirmed", initiative)
    cancel_url = _link(mail.outbox[-1].body, "stornieren")
    client.post(cancel_url, {"confirm": "on"})
    assert Registration.objects.get().status == "cancelled"


def test_full_event_puts_the_next_person_on_the_waitlist(client):
    event = EventFactory(capacity=1)
    confirmed(event)
    _register(client, event, "spaet@example.org")
    page = client.post(_link(mail.outbox[-1].body, "bestaetigen")).content.decode()
    assert "Sie stehen auf der Warteliste." in page


def test_registration_form_errors_are_german_and_linked(client):
    event = EventFactory()
    response = client.post(
        reverse("events:registration_create", args=[event.slug]), {"email": "keine-adresse"}
    )
    page = response.content.decode()
    assert "Bitte prüfen Sie Ihre Eingaben" in page or "nicht korrekt ausgefüllt" in page
    assert 'href="#id_email"' in page
    assert "Ohne diese Einwilligung ist keine Anmeldung möglich." in page
    assert not Registration.objects.exists()


def test_double_submit_creates_one_registration(client):
    event = EventFactory()
    _register(client, event)
    _register(client, event)
    assert Registration.objects.count() == 1


def test_invitation_only_event_needs_the_link(client):
    event = EventFactory(is_public=False)
    page = client.get(reverse("events:registration_create", args=[event.slug]))
    assert "nur mit dem Link aus einer persönlichen Einladung" in page.content.decode()
    assert _register(client, event).status_code == 200
    assert not Registration.objects.exists()


def test_unknown_token_is_404(client):
    assert client.get("/anmeldung/erfunden/bestaetigen/").status_code == 404


def test_feedback_form_after_the_event(client):
    event = _past()
    participant = attended(event)
    url = reverse("events:feedback", args=[event.slug, participant.token])
    data = {
        "rating_overall": "5",
        "rating_content": "4",
        "rating_organisation": "4",
        "rating_usefulness": "3",
        "comment": "Mehr Zeit für Austausch",
    }
    assert "Vielen Dank" in client.post(url, data).content.decode()
    assert Feedback.objects.get().comment == "Mehr Zeit für Austausch"
    assert client.get(url).status_code == 403  # only once


# --- Staff ---------------------------------------------------------------------------------


STAFF_URLS = [
    "events:staff_event_list",
    "events:staff_event_create",
    "events:staff_tasks_overdue",
    "events:staff_template_list",
]


@pytest.mark.parametrize("name", STAFF_URLS)
def test_back_office_is_closed_to_visitors_and_non_staff(client, name):
    url = reverse(name)
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


def test_non_staff_cannot_check_in_or_export(client):
    event = EventFactory()
    registration = confirmed(event)
    client.force_login(UserFactory())
    response = client.post(
        reverse("events:staff_check_in", args=[event.pk]),
        {"registration": registration.pk, "attended": "1"},
    )
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.attended_at is None
    export = reverse("events:staff_participants_export", args=[event.pk, "csv"])
    assert client.get(export).status_code == 403


def test_staff_creates_an_event_and_its_planning_tasks_appear(client, regions):
    from industriedialog.events.services import planning_template_save
    from industriedialog.regions.models import State

    staff = staff_login(client)
    future_workshop = event_format("future_workshop")
    planning_template_save(
        format=future_workshop, actor=None, note="", tasks=[(-70, "Raum buchen")]
    )
    response = client.post(
        reverse("events:staff_event_create"),
        {
            "title": "Zukunftswerkstatt für Jugendliche",
            "slug": "zukunftswerkstatt-jugend",
            "kind": "workshop",
            "format": future_workshop.pk,
            "target_groups": [_young_people()],
            "starts_at": "2027-05-20T10:00",
            "ends_at": "2027-05-20T16:00",
            "time_zone": "Europe/Berlin",
            "state": State.objects.get(code="BW").pk,
            "venue_name": "Haus der Wirtschaft",
            "capacity": "25",
            "is_public": "on",
            "is_published": "on",
            "programme": "10:00 Begrüßung\n10:30 Kritikphase",
        },
    )
    event = Event.objects.get(slug="zukunftswerkstatt-jugend")
    assert response.url == reverse("events:staff_planning", args=[event.pk])
    task = PlanningTask.objects.get(event=event)
    assert (task.title, task.due_on, task.owner) == (
        "Raum buchen",
        datetime.date(2027, 3, 11),
        staff,
    )
    assert [p.title for p in event.programme.all()] == ["Begrüßung", "Kritikphase"]
    page = client.get(response.url).content.decode()
    assert "Raum buchen" in page and "11.03.2027" in page


def _young_people() -> int:
    from industriedialog.registry.models import TargetGroup

    return TargetGroup.objects.get(code="young_people").pk


def test_event_form_explains_a_broken_programme_line(client):
    staff_login(client)
    response = client.post(reverse("events:staff_event_create"), {"programme": "Begrüßung"})
    assert "Zeile 1: „Begrüßung“ beginnt nicht mit einer Uhrzeit" in response.content.decode()


def test_staff_check_in_with_htmx_returns_the_row(client):
    staff_login(client)
    event = EventFactory()
    registration = confirmed(event, name="Jonas Richter")
    response = client.post(
        reverse("events:staff_check_in", args=[event.pk]),
        {"registration": registration.pk, "attended": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert "da seit" in response.content.decode()
    registration.refresh_from_db()
    assert registration.attended_at is not None


def test_staff_exports_participants_as_csv_and_xlsx(client):
    from openpyxl import load_workbook

    staff_login(client)
    event = EventFactory()
    confirmed(event, name="=HYPERLINK(1)", email="x@example.org")
    csv = client.get(reverse("events:staff_participants_export", args=[event.pk, "csv"]))
    text = csv.content.decode("utf-8-sig")
    assert text.startswith("Name;E-Mail")
    assert "'=HYPERLINK(1)" in text  # no formula injection
    xlsx = client.get(reverse("events:staff_participants_export", args=[event.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.cell(row=2, column=2).value == "x@example.org"


def test_staff_prints_name_badges_eight_per_page_for_confirmed_people_only(client):
    staff_login(client)
    event = EventFactory(capacity=9)
    for i in range(8):
        confirmed(event, name=f"Person {i}", organisation="IHK Erfurt")
    response = client.get(reverse("events:staff_badges", args=[event.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert len(badges_document(event).pages) == 1
    confirmed(event, name="Neunte Person")
    confirmed(event, name="Wartet noch")  # waitlisted: no badge
    pages = badges_document(event).pages
    assert len(pages) == 2


def test_staff_cancels_and_the_waiting_person_moves_up(client):
    staff_login(client)
    event = EventFactory(capacity=1)
    holder = confirmed(event, name="Erste Person")
    confirmed(event, name="Wartende Person")
    response = client.post(
        reverse("events:staff_participants", args=[event.pk]), {"registration": holder.pk}
    )
    messages = [str(m) for m in response.wsgi_request._messages]  # type: ignore[attr-defined]
    assert any("Nachgerückt: Wartende Person" in m for m in messages)


def test_staff_edits_a_planning_template_with_clear_errors(client):
    staff_login(client)
    event_format("world_cafe")
    url = reverse("events:staff_template_edit", args=["world_cafe"])
    bad = client.post(url, {"tasks": "-70; Raum buchen\nRaum ohne Tage"}).content.decode()
    assert "Zeile 2: „Raum ohne Tage“ hat nicht die Form" in bad
    client.post(url, {"tasks": "-70; Raum buchen\n14; Dokumentation"})
    page = client.get(url).content.decode()
    assert "-70; Raum buchen" in page and "14; Dokumentation" in page


def test_overdue_tasks_appear_on_the_overview_and_the_dashboard(client):
    staff_login(client)
    PlanningTaskFactory(title="Einladungen versenden")
    PlanningTaskFactory(title="Schon erledigt", status="done")
    page = client.get(reverse("events:staff_tasks_overdue")).content.decode()
    assert "Einladungen versenden" in page and "Schon erledigt" not in page
    dashboard = client.get(reverse("accounts:staff_dashboard")).content.decode()
    assert "Überfällige Planungsaufgaben" in dashboard


def test_staff_feedback_page_shows_charts_and_a_data_table(client):
    staff_login(client)
    event = _past()
    for rating in (5, 4, 4):
        Feedback.objects.create(
            event=event,
            submitted_on=timezone.localdate(),
            rating_overall=rating,
            rating_content=rating,
            rating_organisation=rating,
            rating_usefulness=rating,
        )
    page = client.get(reverse("events:staff_feedback", args=[event.pk])).content.decode()
    assert 'data-values="0,0,0,2,1"' in page
    assert "Mittelwert 4,3" in page
    assert "vendor/chartjs/chart.umd.min.js" in page


def test_staff_message_goes_to_confirmed_participants(client):
    staff_login(client)
    event = EventFactory(capacity=1)
    confirmed(event, email="dabei@example.org")
    mail.outbox.clear()
    client.post(
        reverse("events:staff_message", args=[event.pk]),
        {"subject": "Raumänderung", "body": "Wir sind in Saal 2."},
    )
    assert [m.to for m in mail.outbox] == [["dabei@example.org"]]
