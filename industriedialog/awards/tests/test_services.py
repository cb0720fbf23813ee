"""Rules of the services: deadline, eligibility rules, one entry per category, uploads,
completeness, eligibility reasons, the tie rule and locking, the contract selectors."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from industriedialog.awards import selectors, services
from industriedialog.awards.models import (
    AwardCall,
    Eligibility,
    Phase,
    Submission,
    SubmissionStatus,
)
from industriedialog.awards.tests.factories import (
    PDF,
    call_with_parts,
    juror,
    pdf_upload,
    png_bytes,
)
from industriedialog.registry.tests.factories import (
    InitiativeFactory,
    representative_of,
    staff_login,
)
from industriedialog.registry.vocabularies import Status

pytestmark = pytest.mark.django_db


def _draft(call: AwardCall, name: str = "Industriedialog Alpha", **kwargs):  # type: ignore[no-untyped-def]
    initiative = InitiativeFactory(name=name, **kwargs)
    rep = representative_of(initiative)
    submission = services.submission_start(
        call=call, category=call.categories.first(), initiative=initiative, actor=rep
    )
    return submission, rep


def _complete(submission: Submission, rep) -> None:  # type: ignore[no-untyped-def]
    services.submission_save_answers(
        submission=submission,
        answers={"summary": "Betriebserkundungen für alle Schulen im Landkreis.", "team": "Team"},
        actor=rep,
    )
    services.submission_upload(
        submission=submission,
        field=submission.call.fields.get(key="concept"),
        upload=pdf_upload(),
        actor=rep,
    )


def test_a_late_submission_is_refused_with_the_deadline_in_server_time():
    call = call_with_parts()
    submission, rep = _draft(call)
    _complete(submission, rep)
    AwardCall.objects.filter(pk=call.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    submission.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.submission_submit(submission=submission, actor=rep)
    assert "Einsendeschluss war am" in error.value.messages[0]
    assert "Serverzeit" in error.value.messages[0]
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT


def test_the_late_submit_shows_the_german_message_on_the_page():
    call = call_with_parts()
    submission, rep = _draft(call)
    _complete(submission, rep)
    AwardCall.objects.filter(pk=call.pk).update(
        closes_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    client = Client()
    client.force_login(rep)
    page = client.post(f"/wettbewerb/beitraege/{submission.pk}/einreichen/", follow=True)
    assert (
        "Der Beitrag wurde nicht eingereicht. Der Einsendeschluss war am" in page.content.decode()
    )


def test_an_incomplete_draft_cannot_be_submitted_and_says_what_is_missing():
    call = call_with_parts()
    submission, rep = _draft(call)
    services.submission_save_answers(
        submission=submission, answers={"summary": "zu kurz"}, actor=rep
    )
    with pytest.raises(ValidationError) as error:
        services.submission_submit(submission=submission, actor=rep)
    messages = " ".join(error.value.messages)
    assert "Kurzbeschreibung: Bitte schreiben Sie mindestens 20 Zeichen (bisher 7)." in messages
    assert "Konzept (PDF): Bitte laden Sie eine Datei hoch." in messages
    assert "Projektseite" not in messages  # optional


def test_one_entry_per_initiative_and_category_but_a_withdrawn_one_frees_the_place():
    call = call_with_parts()
    submission, rep = _draft(call)
    with pytest.raises(ValidationError, match="schon einen Beitrag"):
        services.submission_start(
            call=call, category=submission.category, initiative=submission.initiative, actor=rep
        )
    services.submission_withdraw(submission=submission, actor=rep)
    again = services.submission_start(
        call=call, category=submission.category, initiative=submission.initiative, actor=rep
    )
    assert again.pk != submission.pk


def test_eligibility_rules_of_the_call_apply():
    call = call_with_parts(founded_before=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError, match="vor dem 01.01.2020 gegründet"):
        _draft(call, name="Junge Initiative", founded_year=2021)
    with pytest.raises(ValidationError, match="nur aktive Initiativen"):
        _draft(call, name="Ruhende Initiative", status=Status.DORMANT)
    submission, _rep = _draft(call, name="Alte Initiative", founded_year=2012)
    assert submission.status == SubmissionStatus.DRAFT


@pytest.mark.parametrize(
    ("field_key", "name", "content", "message"),
    [
        ("concept", "konzept.pdf", b"MZ\x90\x00" + b"\x00" * 200, "kein erlaubtes Format"),
        ("concept", "bild.pdf", png_bytes(), "kein erlaubtes Format"),
        ("concept", "gross.pdf", PDF + b"0" * (1024 * 1024 + 1), "größer als 1 MB"),
    ],
)
def test_uploads_are_checked_by_content_and_size(
    field_key, name, content, message, private_storage
):
    call = call_with_parts()
    submission, rep = _draft(call)
    with pytest.raises(ValidationError, match=message):
        services.submission_upload(
            submission=submission,
            field=call.fields.get(key=field_key),
            upload=SimpleUploadedFile(name, content, content_type="application/pdf"),
            actor=rep,
        )
    assert not submission.files.exists()


def test_an_image_field_accepts_a_real_image_and_refuses_a_broken_one():
    from industriedialog.awards.models import FieldKind, FormField

    call = call_with_parts()
    photo = FormField.objects.create(
        call=call, key="photo", label="Foto", kind=FieldKind.IMAGE, required=False
    )
    submission, rep = _draft(call)
    stored = services.submission_upload(
        submission=submission,
        field=photo,
        upload=SimpleUploadedFile("x.exe", png_bytes()),
        actor=rep,
    )
    assert stored.content_type == "image/png" and stored.file.name.endswith(".png")
    broken = png_bytes()[:40]
    with pytest.raises(ValidationError, match="beschädigt"):
        services.submission_upload(
            submission=submission,
            field=photo,
            upload=SimpleUploadedFile("y.png", broken),
            actor=rep,
        )


def test_submitting_sends_a_confirmation_email(mailoutbox):
    call = call_with_parts()
    submission, rep = _draft(call)
    _complete(submission, rep)
    services.submission_submit(submission=submission, actor=rep)
    assert [m.to for m in mailoutbox] == [[rep.email]]
    assert "Industriedialog Alpha" in mailoutbox[0].body


def test_a_refusal_needs_a_reason():
    call = call_with_parts()
    submission, rep = _draft(call)
    _complete(submission, rep)
    services.submission_submit(submission=submission, actor=rep)
    staff = staff_login(Client())
    with pytest.raises(ValidationError, match="Bitte begründen Sie"):
        services.eligibility_decide(submission=submission, eligible=False, reason=" ", actor=staff)
    with pytest.raises(PermissionDenied):
        services.eligibility_decide(submission=submission, eligible=True, reason="", actor=rep)


def _ranked_call(
    points: dict[str, list[tuple[int, int, int]]], conflicts: dict[str, int] | None = None
):  # type: ignore[no-untyped-def]
    """Entries scored by jurors: name -> list of (Wirkung, Beteiligung, Originalität) per juror."""
    call = call_with_parts()
    jurors = [juror() for _ in range(3)]
    category = call.categories.first()
    category.jurors.set(jurors)
    entries = {}
    for name in points:
        submission, rep = _draft(call, name=name)
        _complete(submission, rep)
        services.submission_submit(submission=submission, actor=rep)
        Submission.objects.filter(pk=submission.pk).update(eligibility=Eligibility.ELIGIBLE)
        entries[name] = submission
    AwardCall.objects.filter(pk=call.pk).update(phase=Phase.SCORING)
    call.refresh_from_db()
    criteria = list(call.criteria.all())
    for name, rows in points.items():
        submission = Submission.objects.get(pk=entries[name].pk)
        skip = (conflicts or {}).get(name, 0)
        for index, row in enumerate(rows):
            member = jurors[index + skip]
            services.scores_save(
                submission=submission,
                juror=member,
                values={c.pk: (v, "") for c, v in zip(criteria, row, strict=True)},
            )
        for index in range(skip):
            services.conflict_declare(submission=submission, juror=jurors[index])
    AwardCall.objects.filter(pk=call.pk).update(phase=Phase.FINAL)
    call.refresh_from_db()
    return call, entries


def test_total_is_the_weighted_mean_of_counting_criteria_with_the_spread():
    call, entries = _ranked_call({"A": [(5, 1, 1), (3, 3, 5)]})
    row = selectors.ranking_compute(call)[call.categories.first()][0]
    # juror 1: (3*5 + 2*1)/5 = 3.4; juror 2: (3*3 + 2*3)/5 = 3.0 -> 3.2; spread 0.4
    assert str(row.total) == "3.200"
    assert str(row.spread) == "0.400"


def test_a_tie_goes_to_fewer_conflicts_when_the_first_criterion_is_equal():
    call, entries = _ranked_call(
        {
            "Weniger befangen": [(4, 4, 1), (4, 4, 1), (4, 4, 1)],
            "Mehr befangen": [(4, 4, 5), (4, 4, 5)],
        },
        conflicts={"Mehr befangen": 1},
    )
    rows = selectors.ranking_compute(call)[call.categories.first()]
    assert [r.submission.initiative.name for r in rows] == ["Weniger befangen", "Mehr befangen"]
    assert "Befangenheiten" in rows[1].decided_by
    assert [r.rank for r in rows] == [1, 2]


def test_an_open_tie_blocks_the_lock_until_the_final_session_decides():
    call, entries = _ranked_call({"Erste": [(4, 4, 1)], "Zweite": [(4, 4, 1)]})
    staff = staff_login(Client())
    rows = selectors.ranking_compute(call)[call.categories.first()]
    assert all(r.unresolved_tie for r in rows) and {r.rank for r in rows} == {1}
    with pytest.raises(ValidationError, match="Gleichstand"):
        services.results_lock(call=call, actor=staff)
    with pytest.raises(ValidationError, match="Bitte halten Sie fest"):
        services.tie_break_record(
            call=call,
            positions={entries["Zweite"].pk: 1, entries["Erste"].pk: 2},
            note="",
            actor=staff,
        )
    services.tie_break_record(
        call=call,
        positions={entries["Zweite"].pk: 1, entries["Erste"].pk: 2},
        note="Die Jurysitzung gibt der Zweiten wegen der größeren Reichweite den Vorzug.",
        actor=staff,
    )
    services.results_lock(call=call, actor=staff)
    ranks = dict(Submission.objects.filter(call=call).values_list("initiative__name", "final_rank"))
    assert ranks == {"Zweite": 1, "Erste": 2}
    member = call.categories.first().jurors.first()
    with pytest.raises(PermissionDenied):  # locked: nobody scores any more
        services.scores_save(submission=entries["Erste"], juror=member, values={})


def test_scores_outside_the_scale_are_refused():
    call, entries = _ranked_call({"A": [(4, 4, 1)]})
    AwardCall.objects.filter(pk=call.pk).update(phase=Phase.SCORING)
    member = call.categories.first().jurors.first()
    criterion = call.criteria.first()
    with pytest.raises(ValidationError) as error:
        services.scores_save(submission=entries["A"], juror=member, values={criterion.pk: (9, "")})
    assert "1 bis 5 Punkte" in " ".join(error.value.messages)


def test_contract_selectors_count_submitted_entries_in_the_period():
    call = call_with_parts()
    draft, _rep = _draft(call, name="Nur Entwurf")
    submitted, rep = _draft(call, name="Eingereicht")
    _complete(submitted, rep)
    services.submission_submit(submission=submitted, actor=rep)
    withdrawn, rep2 = _draft(call, name="Zurückgezogen")
    _complete(withdrawn, rep2)
    services.submission_submit(submission=withdrawn, actor=rep2)
    services.submission_withdraw(submission=withdrawn, actor=rep2)
    today = timezone.localdate()
    assert selectors.count_award_submissions(today, today) == 1
    assert selectors.initiatives_with_submission(today, today) == {submitted.initiative_id}
    assert (
        selectors.count_award_submissions(
            today - datetime.timedelta(days=9), today - datetime.timedelta(days=1)
        )
        == 0
    )
    entries = selectors.initiative_timeline_entries(submitted.initiative)
    assert [(e.kind, e.date) for e in entries] == [("award", today)]
    assert selectors.initiative_timeline_entries(draft.initiative) == []


def test_staff_task_counts_entries_awaiting_the_eligibility_check():
    call = call_with_parts()
    submission, rep = _draft(call)
    _complete(submission, rep)
    services.submission_submit(submission=submission, actor=rep)
    staff = staff_login(Client())
    [task] = selectors.awards_staff_tasks(staff)
    assert task.count == 1 and str(call.pk) in task.url
    assert selectors.awards_staff_tasks(rep) == []


def test_the_final_session_records_its_tie_decision_on_the_ranking_page():
    call, entries = _ranked_call({"Erste": [(4, 4, 1)], "Zweite": [(4, 4, 1)]})
    client = Client()
    staff_login(client)
    url = f"/intern/wettbewerb/{call.pk}/ergebnis/"
    page = client.get(url).content.decode()
    assert "offen – Entscheidung der Jurysitzung nötig" in page
    client.post(
        url,
        {
            f"tie_{entries['Erste'].pk}": "2",
            f"tie_{entries['Zweite'].pk}": "1",
            "note": "Losentscheid in der Jurysitzung am 12. März.",
        },
    )
    page = client.get(url).content.decode()
    assert "Losentscheid in der Jurysitzung" in page
    assert "Entscheidung der Jurysitzung, mit Begründung festgehalten" in page
    client.post(f"/intern/wettbewerb/{call.pk}/festschreiben/")
    call.refresh_from_db()
    assert call.is_locked
    assert Submission.objects.get(pk=entries["Zweite"].pk).final_rank == 1


def test_a_draft_after_the_deadline_says_so_on_its_page():
    call = call_with_parts()
    submission, rep = _draft(call)
    AwardCall.objects.filter(pk=call.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    client = Client()
    client.force_login(rep)
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "Dieser Entwurf kann nicht mehr eingereicht werden." in page
    assert "Beitrag einreichen" not in page
