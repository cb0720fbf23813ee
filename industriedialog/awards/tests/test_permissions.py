"""Who sees what: a juror never sees an entry they declared a conflict with (nor one outside
their category), blind review hides names and identifying fields, and a representative
never sees scores."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from industriedialog.awards import services
from industriedialog.awards.models import (
    Eligibility,
    JuryScore,
    Phase,
    Submission,
    SubmissionStatus,
)
from industriedialog.awards.tests.factories import call_with_parts, juror, pdf_upload
from industriedialog.registry.tests.factories import InitiativeFactory, representative_of

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def scoring():  # type: ignore[no-untyped-def]
    """A call in jury scoring with one admitted entry (with a file) and two jurors."""
    call = call_with_parts()
    category = call.categories.get(name="Fachkräfte")
    initiative = InitiativeFactory(name="Bündnis Beta")
    rep = representative_of(initiative)
    submission = services.submission_start(
        call=call, category=category, initiative=initiative, actor=rep
    )
    services.submission_save_answers(
        submission=submission,
        answers={
            "summary": "Ausbildungsbotschafter an 40 Schulen der Region.",
            "team": "Erika Beta",
        },
        actor=rep,
    )
    stored = services.submission_upload(
        submission=submission, field=call.fields.get(key="concept"), upload=pdf_upload(), actor=rep
    )
    services.submission_submit(submission=submission, actor=rep)
    Submission.objects.filter(pk=submission.pk).update(eligibility=Eligibility.ELIGIBLE)
    call.phase = Phase.SCORING
    call.save()
    free, conflicted = juror(), juror()
    category.jurors.set([free, conflicted])
    submission.refresh_from_db()
    services.conflict_declare(submission=submission, juror=conflicted, note="Vorstand")
    return {
        "call": call,
        "submission": submission,
        "file": stored,
        "rep": rep,
        "free": free,
        "conflicted": conflicted,
    }


def test_a_conflicted_juror_can_neither_see_nor_score_nor_download(scoring):
    submission, conflicted = scoring["submission"], scoring["conflicted"]
    client = _client(conflicted)
    assert client.get(reverse("awards:jury_submission", args=[submission.pk])).status_code == 404
    assert client.get(reverse("awards:file_download", args=[scoring["file"].pk])).status_code == 404
    response = client.post(
        reverse("awards:jury_submission", args=[submission.pk]),
        {f"c{c.pk}_value": 5 for c in scoring["call"].criteria.all()},
    )
    assert response.status_code == 404
    listing = client.get(reverse("awards:jury_call", args=[scoring["call"].pk])).content.decode()
    assert "Bündnis Beta" not in listing
    with pytest.raises(PermissionDenied):
        services.scores_save(
            submission=submission,
            juror=conflicted,
            values={c.pk: (5, "") for c in scoring["call"].criteria.all()},
        )
    assert not JuryScore.objects.exists()


def test_declaring_a_conflict_removes_the_jurors_earlier_scores(scoring):
    submission, free = scoring["submission"], scoring["free"]
    services.scores_save(
        submission=submission,
        juror=free,
        values={c.pk: (4, "gut") for c in scoring["call"].criteria.all()},
    )
    assert JuryScore.objects.filter(juror=free).count() == 3
    services.conflict_declare(submission=submission, juror=free)
    assert not JuryScore.objects.filter(juror=free).exists()
    assert (
        _client(free).get(reverse("awards:jury_submission", args=[submission.pk])).status_code
        == 404
    )


def test_a_juror_of_another_category_sees_nothing(scoring):
    other = juror()
    scoring["call"].categories.get(name="Dialog und Akzeptanz").jurors.add(other)
    client = _client(other)
    assert (
        client.get(reverse("awards:jury_submission", args=[scoring["submission"].pk])).status_code
        == 404
    )
    assert client.get(reverse("awards:file_download", args=[scoring["file"].pk])).status_code == 404


def test_the_free_juror_sees_and_scores_but_not_the_others_before_the_lock(scoring):
    submission, free = scoring["submission"], scoring["free"]
    other = juror()
    submission.category.jurors.add(other)
    services.scores_save(
        submission=submission,
        juror=other,
        values={c.pk: (2, "Geheimer Kommentar") for c in scoring["call"].criteria.all()},
    )
    page = (
        _client(free).get(reverse("awards:jury_submission", args=[submission.pk])).content.decode()
    )
    assert "Bündnis Beta" in page and "Ausbildungsbotschafter" in page
    assert "Geheimer Kommentar" not in page


def test_blind_review_hides_the_name_and_identifying_fields(scoring):
    call, submission, free = scoring["call"], scoring["submission"], scoring["free"]
    call.blind_review = True
    call.save()
    client = _client(free)
    page = client.get(reverse("awards:jury_submission", args=[submission.pk])).content.decode()
    assert "Bündnis Beta" not in page and "Erika Beta" not in page
    assert f"Beitrag Nr. {submission.pk}" in page
    assert "Ausbildungsbotschafter" in page
    download = client.get(reverse("awards:file_download", args=[scoring["file"].pk]))
    assert "konzept.pdf" not in download["Content-Disposition"]


def test_a_representative_never_reaches_scores_or_jury_pages(scoring):
    submission, rep, free = scoring["submission"], scoring["rep"], scoring["free"]
    services.scores_save(
        submission=submission,
        juror=free,
        values={c.pk: (4, "Kommentar der Jury") for c in scoring["call"].criteria.all()},
    )
    client = _client(rep)
    own = client.get(submission.get_absolute_url()).content.decode()
    assert "Kommentar der Jury" not in own
    assert client.get(reverse("awards:jury_submission", args=[submission.pk])).status_code in (
        403,
        404,
    )
    assert client.get(reverse("awards:jury_index")).status_code == 403
    assert client.get(reverse("awards:staff_results", args=[scoring["call"].pk])).status_code == 403
    assert (
        client.get(reverse("awards:staff_submission_detail", args=[submission.pk])).status_code
        == 403
    )


def test_files_are_served_as_attachments_to_authorised_people_only(scoring, private_storage):
    stored = scoring["file"]
    assert private_storage.exists(stored.file.name)
    response = _client(scoring["rep"]).get(reverse("awards:file_download", args=[stored.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    stranger = representative_of(InitiativeFactory())
    assert (
        _client(stranger).get(reverse("awards:file_download", args=[stored.pk])).status_code == 404
    )
    assert Client().get(reverse("awards:file_download", args=[stored.pk])).status_code == 302


def test_a_representative_edits_only_their_own_initiatives_entry(scoring):
    stranger = representative_of(InitiativeFactory())
    submission = scoring["submission"]
    Submission.objects.filter(pk=submission.pk).update(status=SubmissionStatus.DRAFT)
    client = _client(stranger)
    assert client.get(submission.get_absolute_url()).status_code == 403
    assert (
        client.post(reverse("awards:submission_withdraw", args=[submission.pk])).status_code == 403
    )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT


def test_a_conflict_declared_during_the_eligibility_check_holds_in_scoring(scoring):
    call, submission, free = scoring["call"], scoring["submission"], scoring["free"]
    call.phase = Phase.ELIGIBILITY
    call.save()
    client = _client(free)
    listing = client.get(reverse("awards:jury_call", args=[call.pk])).content.decode()
    assert "Befangenheit vorab erklären" in listing and "Bündnis Beta" in listing
    client.post(reverse("awards:jury_conflict", args=[submission.pk]), {"note": "Beirat"})
    call.phase = Phase.SCORING
    call.save()
    assert client.get(reverse("awards:jury_submission", args=[submission.pk])).status_code == 404
    # A second declaration is refused, not duplicated.
    again = client.post(reverse("awards:jury_conflict", args=[submission.pk]))
    assert again.status_code == 404
    assert submission.conflicts.filter(juror=free).count() == 1


def test_starting_an_entry_for_an_initiative_one_does_not_represent_is_refused():
    call = call_with_parts()
    category = call.categories.first()
    target, own = InitiativeFactory(), InitiativeFactory()
    url = reverse("awards:submission_start", args=[call.slug])
    data = {"initiative": target.pk, "category": category.pk}
    # A representative of another initiative, and someone who represents none (a juror).
    for user in (representative_of(own), juror()):
        assert _client(user).post(url, data).status_code == 403
    assert not Submission.objects.exists()
    # The initiative's own representative starts it.
    response = _client(representative_of(target)).post(url, data)
    assert response.status_code == 302
    assert Submission.objects.filter(initiative=target, category=category).exists()


def test_only_a_juror_of_the_category_may_declare_a_conflict(scoring):
    from industriedialog.accounts.tests.factories import UserFactory, login_with_second_factor

    submission = scoring["submission"]
    url = reverse("awards:jury_conflict", args=[submission.pk])
    admin = Client()
    login_with_second_factor(admin, UserFactory(is_superuser=True, is_staff=True))
    for client in (admin, _client(juror())):
        assert client.post(url, {"note": "x"}).status_code == 404
    assert not submission.conflicts.exclude(juror=scoring["conflicted"]).exists()
    assert _client(scoring["free"]).post(url, {"note": "Beirat"}).status_code == 302
    assert submission.conflicts.filter(juror=scoring["free"]).exists()
