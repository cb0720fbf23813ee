"""A whole call, end to end through the pages: three initiatives submit, one is not
admitted, three jurors score (one declares a conflict), the ranking breaks a tie by the
documented rule, staff lock and publish, and the winner shows on the public pages."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from industriedialog.awards.models import Phase, Submission
from industriedialog.awards.tests.factories import call_with_parts, juror, pdf_upload
from industriedialog.registry.tests.factories import (
    InitiativeFactory,
    representative_of,
    staff_login,
)

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _set_phase(staff: Client, call, phase: str) -> None:  # type: ignore[no-untyped-def]
    response = staff.post(reverse("awards:staff_call_phase", args=[call.pk]), {"phase": phase})
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.phase == phase


def _submit(rep: Client, call, category, initiative) -> Submission:  # type: ignore[no-untyped-def]
    response = rep.post(
        reverse("awards:submission_start", args=[call.slug]),
        {"initiative": initiative.pk, "category": category.pk},
    )
    submission = Submission.objects.get(initiative=initiative)
    assert response["Location"] == submission.get_absolute_url()
    autosave = rep.post(
        submission.get_absolute_url(),
        {
            "summary": f"{initiative.name} bringt Schulen und Betriebe in der Region zusammen.",
            "team": "Geschäftsstelle und Lenkungskreis",
            "website": "https://example.org/projekt",
        },
        headers={"HX-Request": "true"},
    )
    assert "automatisch gespeichert" in autosave.content.decode()
    rep.post(
        reverse("awards:submission_upload", args=[submission.pk, "concept"]),
        {"file": pdf_upload()},
    )
    response = rep.post(reverse("awards:submission_submit", args=[submission.pk]), follow=True)
    assert "Ihr Beitrag ist eingereicht" in response.content.decode()
    submission.refresh_from_db()
    return submission


def _score(client: Client, submission: Submission, call, points: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    data = {}
    for criterion in call.criteria.all():
        data[f"c{criterion.pk}_value"] = points[criterion.name]
        data[f"c{criterion.pk}_comment"] = f"Kommentar zu {criterion.name}"
    response = client.post(reverse("awards:jury_submission", args=[submission.pk]), data)
    assert response.status_code == 302, response.content.decode()


def test_a_full_call_from_submission_to_the_published_winners(db):
    call = call_with_parts()
    category = call.categories.get(name="Fachkräfte")
    alpha = InitiativeFactory(name="Industriedialog Alpha")
    beta = InitiativeFactory(name="Bündnis Beta")
    gamma = InitiativeFactory(name="Initiative Gamma")
    reps = {i.pk: _client(representative_of(i)) for i in (alpha, beta, gamma)}
    staff = Client()
    staff_login(staff)
    jurors = [juror(first_name=n, last_name="Jury") for n in ("Jana", "Jonas", "Jule")]
    category.jurors.set(jurors)
    juries = [_client(j) for j in jurors]

    # Three initiatives submit before the deadline; each gets a confirmation e-mail.
    entries = {i.pk: _submit(reps[i.pk], call, category, i) for i in (alpha, beta, gamma)}
    assert {e.status for e in entries.values()} == {"submitted"}
    assert len(mail.outbox) == 3
    assert "ist eingegangen" in mail.outbox[0].subject

    # Staff check eligibility; Gamma is refused with a reason its representative sees.
    _set_phase(staff, call, Phase.ELIGIBILITY)
    for initiative, decision, reason in (
        (alpha, "eligible", ""),
        (beta, "eligible", ""),
        (gamma, "ineligible", "Das Projekt lag vor dem Stichtag schon abgeschlossen vor."),
    ):
        staff.post(
            reverse("awards:staff_eligibility", args=[entries[initiative.pk].pk]),
            {"decision": decision, "reason": reason},
        )
    page = reps[gamma.pk].get(entries[gamma.pk].get_absolute_url()).content.decode()
    assert "nicht zugelassen" in page
    assert "vor dem Stichtag schon abgeschlossen" in page

    # Jury scoring: the third juror is conflicted with Beta and never gets to see it.
    _set_phase(staff, call, Phase.SCORING)
    jule = juries[2]
    jule.post(
        reverse("awards:jury_conflict", args=[entries[beta.pk].pk]),
        {"note": "Mitglied im Lenkungskreis"},
    )
    assert (
        jule.get(reverse("awards:jury_submission", args=[entries[beta.pk].pk])).status_code == 404
    )
    listing = jule.get(reverse("awards:jury_call", args=[call.pk])).content.decode()
    assert "Industriedialog Alpha" in listing and "Bündnis Beta" not in listing
    assert "Initiative Gamma" not in listing  # not admitted: nobody scores it

    # Alpha: strong impact, little participation; Beta: the reverse. Both total 3.4; the
    # non-counting criterion would favour Beta if it counted.
    for client in juries:
        _score(
            client,
            entries[alpha.pk],
            call,
            {"Wirkung": 5, "Beteiligung": 1, "Originalität des Titels": 1},
        )
    for client in juries[:2]:
        _score(
            client,
            entries[beta.pk],
            call,
            {"Wirkung": 3, "Beteiligung": 4, "Originalität des Titels": 5},
        )

    # Before the lock, a juror sees neither the others' scores nor their comments.
    before = juries[0].get(reverse("awards:jury_submission", args=[entries[alpha.pk].pk]))
    assert "Bewertungen der anderen Jurymitglieder" not in before.content.decode()

    # Final session: the tie is broken by the criterion with the highest weight.
    _set_phase(staff, call, Phase.FINAL)
    results = staff.get(reverse("awards:staff_results", args=[call.pk])).content.decode()
    assert "3,400" in results
    assert "entschieden durch:" in results and "höchsten Gewicht" in results
    staff.post(reverse("awards:staff_lock", args=[call.pk]))
    call.refresh_from_db()
    assert call.is_locked
    ranks = {
        s.initiative_id: s.final_rank for s in call.submissions.filter(final_rank__isnull=False)
    }
    assert ranks == {alpha.pk: 1, beta.pk: 2}

    # After the lock, all jurors see all scores of the entries they may see.
    after = juries[0].get(reverse("awards:jury_submission", args=[entries[alpha.pk].pk]))
    assert "Bewertungen der anderen Jurymitglieder" in after.content.decode()

    # Laudation, publication, public winners' page and the badge on the initiative's page.
    staff.post(
        reverse("awards:staff_publication", args=[call.pk]),
        {
            "submission": entries[alpha.pk].pk,
            "award_title": "1. Preis",
            "laudation": "Alpha holt die Schulen in die Betriebe.",
        },
    )
    call.publish_on = timezone.localdate()
    call.save()
    _set_phase(staff, call, Phase.PUBLISHED)
    public = Client().get(call.get_absolute_url()).content.decode()
    assert "Alpha holt die Schulen in die Betriebe." in public
    assert alpha.get_absolute_url() in public
    assert "Bündnis Beta" not in public
    archive = Client().get(reverse("awards:index")).content.decode()
    assert call.title in archive
    badge = Client().get(alpha.get_absolute_url()).content.decode()
    assert "Auszeichnungen" in badge and f"1. Preis: {call.title}" in badge

    # Representatives never see points or jury comments, not even after publication.
    for initiative in (alpha, beta, gamma):
        own = reps[initiative.pk].get(entries[initiative.pk].get_absolute_url()).content.decode()
        assert "Kommentar zu Wirkung" not in own and "3,400" not in own


def test_staff_build_a_call_with_the_staff_forms(db):
    staff = Client()
    staff_login(staff)
    response = staff.post(
        reverse("awards:staff_call_create"),
        {
            "title": "Ausgezeichnete regionale Industrieinitiativen 2027",
            "slug": "auszeichnung-2027",
            "description": "Der dritte Durchgang.",
            "opens_at": "2027-01-10T09:00",
            "closes_at": "2027-03-31T23:59",
            "publish_on": "2027-06-01",
            "require_active": "on",
            "founded_before": "2026-01-01",
        },
    )
    assert response.status_code == 302
    pk = int(response["Location"].split("/")[-3])
    jana = juror(first_name="Jana")
    response = staff.post(
        reverse("awards:staff_parts", args=[pk, "kategorien"]),
        {
            "category-TOTAL_FORMS": "1",
            "category-INITIAL_FORMS": "0",
            "category-0-name": "Fachkräfte",
            "category-0-position": "1",
            "category-0-jurors": [jana.pk],
        },
    )
    assert response.status_code == 302
    response = staff.post(
        reverse("awards:staff_parts", args=[pk, "kriterien"]),
        {
            "criterion-TOTAL_FORMS": "1",
            "criterion-INITIAL_FORMS": "0",
            "criterion-0-name": "Wirkung",
            "criterion-0-weight": "3",
            "criterion-0-scale_min": "5",
            "criterion-0-scale_max": "1",
            "criterion-0-position": "1",
        },
    )
    assert "Das Ende der Skala muss größer als der Anfang sein." in response.content.decode()
    response = staff.post(
        reverse("awards:staff_parts", args=[pk, "formular"]),
        {
            "formfield-TOTAL_FORMS": "1",
            "formfield-INITIAL_FORMS": "0",
            "formfield-0-label": "Kurzbeschreibung",
            "formfield-0-kind": "text",
            "formfield-0-required": "on",
            "formfield-0-max_size_mb": "10",
            "formfield-0-position": "1",
        },
    )
    assert "Bitte begrenzen Sie die Länge eines Textfelds." in response.content.decode()
    from industriedialog.awards.models import AwardCall

    call = AwardCall.objects.get(pk=pk)
    assert list(call.categories.get().jurors.all()) == [jana]
    assert call.criteria.count() == 0 and call.fields.count() == 0
