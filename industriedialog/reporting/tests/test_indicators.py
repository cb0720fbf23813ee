"""Each computed indicator, counted from real rows of the other apps (period: 2025)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from industriedialog.advisory.models import Stage
from industriedialog.advisory.tests.factories import ConsultationFactory, FoundingCaseFactory
from industriedialog.events.tests.factories import EventFactory, attended
from industriedialog.events.vocabularies import EventKind, RegistrationStatus
from industriedialog.registry.tests.factories import InitiativeFactory
from industriedialog.registry.vocabularies import Status
from industriedialog.reporting import indicators
from industriedialog.reporting.models import BoardMeeting, Report
from industriedialog.surveys.models import Invitation, Response, Survey, SurveyVersion

from .factories import at, make_project, period

pytestmark = pytest.mark.django_db

START, END = datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)
INSIDE, OUTSIDE = datetime.date(2025, 5, 6), datetime.date(2024, 12, 31)


def figure(key: str) -> object:
    return indicators.compute(key, START, END)


def event(day: datetime.date, kind: str = EventKind.REGIONAL_DIALOGUE, **kwargs: object) -> object:
    return EventFactory(starts_at=at(day), ends_at=at(day, 14), kind=kind, **kwargs)


def test_initiatives_reached_counts_each_initiative_once_via_consultation_or_event() -> None:
    consulted, participant, both, outside = InitiativeFactory.create_batch(4)
    ConsultationFactory(date=INSIDE, initiatives=[consulted, both])
    ConsultationFactory(date=INSIDE, initiatives=[both])
    ConsultationFactory(date=OUTSIDE, initiatives=[outside])
    held = event(INSIDE)
    attended(held, initiative=participant)
    attended(held, initiative=both)
    assert figure("initiatives_reached") == 3


def test_consultations_count_those_held_in_the_period() -> None:
    ConsultationFactory.create_batch(3, date=INSIDE)
    ConsultationFactory(date=END)
    ConsultationFactory(date=OUTSIDE)
    assert figure("consultations") == 4


def test_initiatives_founded_from_registry_dates_and_founding_cases(regions) -> None:  # noqa: ANN001, F811
    dated = InitiativeFactory(founded_on=INSIDE, founded_year=2025)
    InitiativeFactory(founded_on=OUTSIDE, founded_year=2024)
    via_case = InitiativeFactory(founded_year=2016)
    FoundingCaseFactory(stage=Stage.FOUNDED, founded_on=INSIDE, initiative=dated)
    FoundingCaseFactory(stage=Stage.FOUNDED, founded_on=INSIDE, initiative=via_case)
    FoundingCaseFactory(stage=Stage.WORKSHOP, founded_on=None)
    assert figure("initiatives_founded") == 2


def test_events_held_and_their_participants() -> None:
    first, second = event(INSIDE), event(END, kind=EventKind.WORKSHOP)
    event(OUTSIDE)
    for _ in range(3):
        attended(first)
    attended(second)
    waiting = attended(second)
    waiting.status = RegistrationStatus.WAITLISTED
    waiting.save(update_fields=["status"])
    assert (figure("events_held"), figure("event_participants")) == (2, 4)


def test_events_in_the_future_are_not_yet_held() -> None:
    soon = timezone.localdate() + datetime.timedelta(days=10)
    event(soon)
    assert indicators.compute("events_held", soon, soon) == 0


def test_network_meetings() -> None:
    event(INSIDE, kind=EventKind.NETWORK_MEETING)
    event(INSIDE, kind=EventKind.WEBINAR)
    event(OUTSIDE, kind=EventKind.NETWORK_MEETING)
    assert figure("network_meetings") == 1


def test_webinars_held_and_their_participants() -> None:
    webinar = event(INSIDE, kind=EventKind.WEBINAR, is_online=True)
    for _ in range(5):
        attended(webinar)
    attended(event(INSIDE))
    assert (figure("webinars_held"), figure("webinar_participants")) == (1, 5)


def _survey(published: datetime.date, closes_on: datetime.date | None = None) -> Survey:
    survey = Survey.objects.create(
        title={"de": "Umfrage"}, mode=Survey.Mode.PERSONAL, closes_on=closes_on
    )
    version = SurveyVersion.objects.create(
        survey=survey, number=1, definition={"questions": []}, published_at=at(published)
    )
    survey.current_version = version
    survey.save(update_fields=["current_version"])
    return survey


def _invite(survey: Survey, sent: datetime.date, answered: bool) -> None:
    invitation = Invitation.objects.create(
        survey=survey, email=f"p{Invitation.objects.count()}@example.org", sent_at=at(sent)
    )
    if answered:
        Response.objects.create(
            survey=survey,
            version=survey.current_version,
            invitation=invitation,
            started_on=sent,
            submitted_on=sent,
        )


def test_surveys_run_are_those_open_during_the_period() -> None:
    _survey(datetime.date(2024, 11, 1))  # still open in 2025
    _survey(INSIDE)
    _survey(datetime.date(2024, 3, 1), closes_on=datetime.date(2024, 6, 30))  # closed before
    _survey(datetime.date(2026, 2, 1))  # later
    Survey.objects.create(title={"de": "Entwurf"}, mode=Survey.Mode.PUBLIC)  # never published
    assert figure("surveys_run") == 2


def test_survey_response_rate_is_submitted_per_sent_invitation() -> None:
    survey = _survey(INSIDE)
    for answered in (True, True, True, False, False, False, False, False):
        _invite(survey, INSIDE, answered)
    assert figure("survey_response_rate") == 37.5


def test_survey_response_rate_is_empty_without_invitations() -> None:
    _survey(INSIDE)
    assert figure("survey_response_rate") is None


def test_survey_responses_count_submitted_ones_in_the_period() -> None:
    survey = _survey(INSIDE)
    _invite(survey, INSIDE, answered=True)
    _invite(survey, INSIDE, answered=False)
    Response.objects.create(
        survey=survey, version=survey.current_version, started_on=INSIDE, submitted_on=None
    )
    assert figure("survey_responses") == 1


def test_initiatives_registered_at_the_end_of_the_period() -> None:
    InitiativeFactory.create_batch(2)
    InitiativeFactory(status=Status.ENDED)
    InitiativeFactory(is_synthetic=True)
    today = timezone.localdate()
    assert indicators.compute("initiatives_registered", today, today) == 2
    assert indicators.compute("initiatives_registered", START, OUTSIDE) == 0


def test_board_meetings_in_the_period() -> None:
    BoardMeeting.objects.create(title="1. Sitzung", held_on=INSIDE)
    BoardMeeting.objects.create(title="2. Sitzung", held_on=OUTSIDE)
    assert figure("board_meetings") == 1


def test_reports_issued_in_the_period() -> None:
    project = make_project()
    for status in (Report.Status.ISSUED, Report.Status.DRAFT):
        Report.objects.create(
            project=project,
            period=period(project, "2025"),
            kind=Report.Kind.INTERIM,
            title="Zwischenbericht",
            status=status,
            issued_at=at(INSIDE),
        )
    assert figure("reports_issued") == 1


def test_assessments_completed_counts_those_completed_in_the_period() -> None:
    from industriedialog.assessments.models import Assessment
    from industriedialog.assessments.services import catalogue_load_initial
    from industriedialog.assessments.tests.factories import completed_assessment

    catalogue_load_initial()
    inside, on_the_last_day, outside = (completed_assessment() for _ in range(3))
    Assessment.objects.filter(pk=inside.pk).update(completed_at=at(INSIDE))
    Assessment.objects.filter(pk=on_the_last_day.pk).update(completed_at=at(END, 23))
    Assessment.objects.filter(pk=outside.pk).update(completed_at=at(OUTSIDE))
    assert figure("assessments_completed") == 2


def test_award_submissions_count_submitted_entries_only() -> None:
    from industriedialog.awards.models import Submission, SubmissionStatus
    from industriedialog.awards.tests.factories import call_with_parts

    call = call_with_parts()
    category = call.categories.first()

    def entry(status: str, day: datetime.date | None) -> None:
        Submission.objects.create(
            call=call,
            category=category,
            initiative=InitiativeFactory(),
            status=status,
            submitted_at=at(day) if day else None,
        )

    entry(SubmissionStatus.SUBMITTED, INSIDE)
    entry(SubmissionStatus.SUBMITTED, OUTSIDE)
    entry(SubmissionStatus.DRAFT, None)
    entry(SubmissionStatus.WITHDRAWN, INSIDE)
    assert figure("award_submissions") == 1


def test_a_missing_contract_function_is_unavailable_not_an_error() -> None:
    with pytest.raises(indicators.ModuleUnavailable):
        indicators.contract("industriedialog.events.selectors.count_something_missing")


def test_every_computation_has_a_test() -> None:
    tested = {
        "initiatives_reached",
        "consultations",
        "initiatives_founded",
        "events_held",
        "event_participants",
        "network_meetings",
        "webinars_held",
        "webinar_participants",
        "surveys_run",
        "survey_response_rate",
        "survey_responses",
        "initiatives_registered",
        "board_meetings",
        "reports_issued",
        "assessments_completed",
        "award_submissions",
    }
    assert set(indicators.COMPUTATIONS) == tested
