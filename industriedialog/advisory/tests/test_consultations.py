"""Advice log: writing consultations, follow-ups, the lists built on them, and an
initiative's history across modules."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from industriedialog.accounts.tests.factories import staff_user
from industriedialog.advisory.models import Consultation, ConsultationKind
from industriedialog.advisory.selectors import (
    advisory_follow_up_tasks,
    consultations_per_staff_member,
    follow_ups_overdue,
)
from industriedialog.advisory.selectors import (
    initiative_timeline_entries as advisory_entries,
)
from industriedialog.advisory.services import consultation_follow_up_done, consultation_save
from industriedialog.common.models import AuditLogEntry
from industriedialog.common.timeline import initiative_timeline
from industriedialog.events.selectors import initiative_timeline_entries as event_entries
from industriedialog.events.tests.factories import EventFactory, attended
from industriedialog.events.vocabularies import RegistrationStatus
from industriedialog.registry.models import FieldOfAction
from industriedialog.registry.services import vocabularies_ensure
from industriedialog.registry.tests.factories import (
    ContactPersonFactory,
    InitiativeFactory,
    OrganisationFactory,
)
from industriedialog.surveys.models import Response, Survey
from industriedialog.surveys.selectors import initiative_timeline_entries as survey_entries
from industriedialog.surveys.tests.factories import make_survey

from .factories import ConsultationFactory, FoundingCaseFactory

pytestmark = pytest.mark.django_db


def _data(**overrides):  # type: ignore[no-untyped-def]
    data = {
        "kind": ConsultationKind.TELEPHONE,
        "date": timezone.localdate() - datetime.timedelta(days=1),
        "duration_minutes": 30,
        "staff_member": None,
        "founding_case": None,
        "organisation": None,
        "other_participants": "",
        "summary": "Satzungsfragen besprochen.",
        "outcome": "",
        "follow_up": "",
        "follow_up_due_on": None,
        "initiatives": [],
        "contact_persons": [],
        "topics": [],
    }
    data.update(overrides)
    return data


def test_save_creates_the_consultation_with_its_links_and_a_log_entry():
    vocabularies_ensure()
    actor, initiative = staff_user(), InitiativeFactory()
    contact = ContactPersonFactory(initiative=initiative)
    topic = FieldOfAction.objects.get(code="skilled_workers")
    c = consultation_save(
        actor=actor,
        **_data(
            initiatives=[initiative], contact_persons=[contact], topics=[topic], staff_member=actor
        ),
    )
    assert list(c.initiatives.all()) == [initiative]
    assert list(c.contact_persons.all()) == [contact]
    assert list(c.topics.all()) == [topic]
    entry = AuditLogEntry.objects.get(action="advisory.consultation_created")
    assert entry.actor == actor
    assert entry.data["changes"]["initiatives"] == [None, [initiative.pk]]

    consultation_save(
        actor=actor, consultation=c, **_data(initiatives=[initiative], duration_minutes=45)
    )
    changed = AuditLogEntry.objects.get(action="advisory.consultation_changed")
    assert changed.data["changes"]["duration_minutes"] == ["30", "45"]
    assert "contact_persons" in changed.data["changes"]  # contact removed


def test_a_consultation_needs_an_initiative_a_case_or_an_organisation():
    with pytest.raises(ValidationError) as exc:
        consultation_save(actor=None, **_data())
    assert "initiatives" in exc.value.error_dict
    assert Consultation.objects.count() == 0
    consultation_save(actor=None, **_data(organisation=OrganisationFactory()))
    consultation_save(actor=None, **_data(founding_case=FoundingCaseFactory()))
    assert Consultation.objects.count() == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"follow_up": "Rückruf"}, "follow_up_due_on"),
        ({"follow_up_due_on": datetime.date(2030, 1, 1)}, "follow_up"),
        ({"date": datetime.date(2999, 1, 1)}, "date"),
        ({"duration_minutes": 0}, "duration_minutes"),
    ],
)
def test_bad_input_names_the_field(overrides, field):
    with pytest.raises(ValidationError) as exc:
        consultation_save(actor=None, **_data(organisation=OrganisationFactory(), **overrides))
    assert field in exc.value.error_dict


def test_contact_persons_must_belong_to_a_chosen_initiative_or_organisation():
    mine, other = InitiativeFactory(), InitiativeFactory()
    organisation = OrganisationFactory()
    stranger = ContactPersonFactory(initiative=other, name="Rita Fremd")
    with pytest.raises(ValidationError, match="Rita Fremd"):
        consultation_save(actor=None, **_data(initiatives=[mine], contact_persons=[stranger]))
    of_org = ContactPersonFactory(initiative=other, organisation=organisation)
    c = consultation_save(actor=None, **_data(organisation=organisation, contact_persons=[of_org]))
    assert list(c.contact_persons.all()) == [of_org]


def test_an_anonymised_consultation_cannot_be_changed():
    c = ConsultationFactory(initiatives=[InitiativeFactory()], anonymised_at=timezone.now())
    with pytest.raises(ValidationError, match="anonymisiert"):
        consultation_save(
            actor=None, consultation=c, **_data(initiatives=list(c.initiatives.all()))
        )


def test_overdue_follow_ups_and_the_staff_task():
    today = timezone.localdate()
    yesterday, tomorrow = today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)
    overdue = ConsultationFactory(follow_up="Rückruf", follow_up_due_on=yesterday)
    ConsultationFactory(follow_up="Angebot", follow_up_due_on=today)  # due today: not yet
    ConsultationFactory(follow_up="Termin", follow_up_due_on=tomorrow)
    done = ConsultationFactory(follow_up="Mail", follow_up_due_on=yesterday)
    consultation_follow_up_done(consultation=done, actor=None)
    ConsultationFactory()  # no follow-up at all
    assert list(follow_ups_overdue()) == [overdue]
    [task] = advisory_follow_up_tasks(staff_user())
    assert task.count == 1 and task.url == "/intern/beratungen/nachfassen/"

    consultation_follow_up_done(consultation=done, actor=None, done=False)
    assert set(follow_ups_overdue()) == {overdue, done}
    with pytest.raises(ValidationError):
        consultation_follow_up_done(consultation=ConsultationFactory(), actor=None)


def test_staff_task_is_empty_for_people_outside_the_service_centre():
    from industriedialog.accounts.tests.factories import representative_user

    ConsultationFactory(follow_up="Rückruf", follow_up_due_on=datetime.date(2020, 1, 1))
    assert advisory_follow_up_tasks(representative_user()) == []


def test_per_staff_member_counts_consultations_hours_and_open_follow_ups_in_the_period():
    anna, ben = staff_user(first_name="Anna"), staff_user(first_name="Ben")
    start, end = datetime.date(2025, 1, 1), datetime.date(2025, 1, 31)
    ConsultationFactory(staff_member=anna, date=start, duration_minutes=60)
    ConsultationFactory(
        staff_member=anna,
        date=end,
        duration_minutes=30,
        follow_up="Rückruf",
        follow_up_due_on=datetime.date(2025, 2, 1),
    )
    ConsultationFactory(staff_member=anna, date=datetime.date(2025, 2, 1), duration_minutes=600)
    ConsultationFactory(staff_member=ben, date=datetime.date(2025, 1, 10), duration_minutes=15)
    rows = consultations_per_staff_member(start, end)
    assert [
        (r["staff_member"], r["consultations"], r["hours"], r["open_follow_ups"]) for r in rows
    ] == [
        (anna, 2, 1.5, 1),
        (ben, 1, 0.25, 0),
    ]


def test_timeline_of_an_initiative_across_modules():
    initiative, other = InitiativeFactory(), InitiativeFactory()
    # advisory: directly, and through the founding case whose registry entry it is
    ConsultationFactory(date=datetime.date(2025, 3, 1), initiatives=[initiative], summary="Direkt")
    ConsultationFactory(
        date=datetime.date(2025, 2, 1),
        founding_case=FoundingCaseFactory(initiative=initiative),
        summary="Über den Gründungsfall",
    )
    ConsultationFactory(initiatives=[other], summary="Andere Initiative")
    assert sorted(e.title for e in advisory_entries(initiative)) == [
        "Telefon: Direkt",
        "Telefon: Über den Gründungsfall",
    ]

    # events: organised, partnered, attended (confirmed), not a waitlisted registration
    day = timezone.make_aware(
        datetime.datetime.combine(datetime.date(2025, 4, 2), datetime.time(10))
    )
    EventFactory(title="Eigene Tagung", starts_at=day, ends_at=day, organiser=initiative)
    partnered = EventFactory(title="Partnertreffen", starts_at=day, ends_at=day)
    partnered.partners.add(initiative)
    visited = EventFactory(title="Besuchte Werkstatt", starts_at=day, ends_at=day)
    attended(visited, initiative=initiative)
    attended(visited, initiative=initiative)
    waiting = EventFactory(title="Nur Warteliste", starts_at=day, ends_at=day)
    r = attended(waiting, initiative=initiative)
    r.status = RegistrationStatus.WAITLISTED
    r.save()
    events = {e.title: e for e in event_entries(initiative)}
    assert set(events) == {"Eigene Tagung", "Partnertreffen", "Besuchte Werkstatt"}
    assert "2 Person(en) angemeldet" in events["Besuchte Werkstatt"].detail
    assert events["Eigene Tagung"].date == datetime.date(2025, 4, 2)

    # surveys: submitted responses naming the initiative, never anonymous or unsubmitted
    personal = make_survey(Survey.Mode.PERSONAL)
    anonymous = make_survey(Survey.Mode.ANONYMOUS)
    for survey, submitted in (
        (personal, datetime.date(2025, 5, 5)),
        (personal, None),
        (anonymous, datetime.date(2025, 5, 6)),
    ):
        Response.objects.create(
            survey=survey,
            version=survey.versions.first(),
            started_on=datetime.date(2025, 5, 1),
            submitted_on=submitted,
            initiative=initiative,
        )
    [answered] = survey_entries(initiative)
    assert answered.date == datetime.date(2025, 5, 5) and answered.kind == "survey"

    timeline = initiative_timeline(initiative)
    assert [e.kind for e in timeline] == [
        "survey",
        "event",
        "event",
        "event",
        "consultation",
        "consultation",
    ]
