"""Representatives' self-service: claims, proposals, and the staff decisions on both."""

import re

import pytest
from django.urls import reverse

from industriedialog.accounts.roles import Role
from industriedialog.accounts.selectors import user_roles
from industriedialog.accounts.tests.factories import UserFactory, staff_user
from industriedialog.common.models import AuditLogEntry
from industriedialog.registry import selectors, services
from industriedialog.registry.models import ChangeProposal, Representation
from industriedialog.registry.vocabularies import MembershipRole

from .factories import (
    DistrictFactory,
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
    RepresentationFactory,
    representative_of,
    staff_login,
)

pytestmark = pytest.mark.django_db


def _form_data(initiative, **changes):
    """What the browser sends for the unchanged proposal form, with ``changes`` applied."""
    from industriedialog.registry.forms_self_service import ChangeProposalForm

    data = {}
    for name, value in ChangeProposalForm(initiative=initiative).initial.items():
        if isinstance(value, list):
            data[name] = [str(v) for v in value]
        else:
            data[name] = "" if value is None else str(value)
    data.update(changes)
    return data


# --- Claims ------------------------------------------------------------------------------------


def test_visitor_is_sent_to_login_before_claiming(client):
    initiative = InitiativeFactory()
    response = client.get(reverse("registry:representation_request", args=[initiative.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_signed_in_person_claims_an_initiative_and_staff_are_told(client, mailoutbox):
    initiative = InitiativeFactory(name="Industriedialog Eichsfeld")
    advisor = staff_user(email="beratung@example.org")
    person = UserFactory()
    client.force_login(person)
    url = reverse("registry:representation_request", args=[initiative.slug])

    response = client.post(url, {"message": "Geschäftsführerin der Geschäftsstelle"})

    assert response.status_code == 302
    claim = Representation.objects.get(user=person, initiative=initiative)
    assert claim.state == Representation.State.PENDING
    assert claim.message == "Geschäftsführerin der Geschäftsstelle"
    assert [m.to for m in mailoutbox] == [[advisor.email]]
    assert "Industriedialog Eichsfeld" in mailoutbox[0].subject
    assert reverse("registry:staff_representation_list") in mailoutbox[0].body
    page = client.get(reverse("registry:my_initiatives")).content.decode()
    assert "Meine offenen Anträge" in page and "Industriedialog Eichsfeld" in page


def test_claim_page_shows_a_pending_claim_instead_of_a_second_form(client, mailoutbox):
    claim = RepresentationFactory()
    client.force_login(claim.user)
    url = reverse("registry:representation_request", args=[claim.initiative.slug])

    page = client.get(url).content.decode()
    client.post(url, {"message": "noch einmal"})

    assert "Ihr Antrag wird geprüft." in page
    assert 'name="message"' not in page
    assert Representation.objects.filter(user=claim.user).count() == 1
    assert mailoutbox == []


def test_claim_without_function_gets_a_german_error_and_stores_nothing(client):
    initiative = InitiativeFactory()
    client.force_login(UserFactory())
    response = client.post(
        reverse("registry:representation_request", args=[initiative.slug]), {"message": " "}
    )
    assert response.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    assert not Representation.objects.exists()


def test_staff_approve_a_claim_the_person_becomes_representative_and_gets_mail(client, mailoutbox):
    claim = RepresentationFactory(user=UserFactory(language="en"))
    staff = staff_login(client)
    listing = client.get(reverse("registry:staff_representation_list")).content.decode()
    assert claim.initiative.name in listing and claim.user.email in listing

    response = client.post(
        reverse("registry:staff_representation_decide", args=[claim.pk]),
        {"decision": "approve", "note": "Telefonisch bestätigt"},
    )

    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.state == Representation.State.APPROVED
    assert claim.decided_by == staff
    assert Role.REPRESENTATIVE in user_roles(claim.user)
    mail = mailoutbox[-1]
    assert mail.to == [claim.user.email]
    assert "Telefonisch bestätigt" in mail.body
    # Rendered in the claimant's language: English links and markup.
    assert "/en/" + reverse("registry:my_initiatives").lstrip("/") in mail.body
    assert '<html lang="en">' in mail.alternatives[0].content
    assert mail.extra_headers["Content-Language"] == "en"


def test_staff_reject_a_claim_the_person_is_told_and_gets_no_role(client, mailoutbox):
    claim = RepresentationFactory()
    staff_login(client)
    client.post(
        reverse("registry:staff_representation_decide", args=[claim.pk]),
        {"decision": "reject", "note": "Nicht Teil der Initiative"},
    )
    claim.refresh_from_db()
    assert claim.state == Representation.State.REJECTED
    assert Role.REPRESENTATIVE not in user_roles(claim.user)
    assert mailoutbox[-1].to == [claim.user.email]
    assert "abgelehnt" in mailoutbox[-1].subject
    assert '<html lang="de">' in mailoutbox[-1].alternatives[0].content


def test_deciding_twice_sends_one_mail(client, mailoutbox):
    claim = RepresentationFactory()
    staff_login(client)
    url = reverse("registry:staff_representation_decide", args=[claim.pk])
    client.post(url, {"decision": "approve"})
    client.post(url, {"decision": "reject"})
    claim.refresh_from_db()
    assert claim.state == Representation.State.APPROVED
    assert len(mailoutbox) == 1


def test_decisions_are_post_only(client):
    claim = RepresentationFactory()
    staff_login(client)
    assert (
        client.get(reverse("registry:staff_representation_decide", args=[claim.pk])).status_code
        == 405
    )
    assert (
        client.get(reverse("registry:staff_representation_revoke", args=[claim.pk])).status_code
        == 405
    )


@pytest.mark.parametrize("who", ["representative", "visitor"])
def test_only_staff_decide_claims(client, who):
    claim = RepresentationFactory()
    if who == "representative":
        client.force_login(representative_of(InitiativeFactory()))
    decide = client.post(
        reverse("registry:staff_representation_decide", args=[claim.pk]), {"decision": "approve"}
    )
    listing = client.get(reverse("registry:staff_representation_list"))
    expected = 403 if who == "representative" else 302
    assert (decide.status_code, listing.status_code) == (expected, expected)
    claim.refresh_from_db()
    assert claim.state == Representation.State.PENDING


def test_revoked_representative_can_no_longer_propose(client, mailoutbox):
    initiative = InitiativeFactory()
    rep = representative_of(initiative)
    claim = Representation.objects.get(user=rep)
    staff_login(client)
    client.post(
        reverse("registry:staff_representation_revoke", args=[claim.pk]), {"note": "Wechsel"}
    )
    claim.refresh_from_db()
    assert claim.state == Representation.State.REVOKED
    assert mailoutbox[-1].to == [rep.email] and "beendet" in mailoutbox[-1].subject
    client.force_login(rep)
    url = reverse("registry:change_proposal_create", args=[initiative.slug])
    assert client.get(url).status_code == 403


def test_revoke_refuses_a_pending_claim(client):
    claim = RepresentationFactory()
    staff_login(client)
    client.post(reverse("registry:staff_representation_revoke", args=[claim.pk]))
    claim.refresh_from_db()
    assert claim.state == Representation.State.PENDING


def _query_count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_staff_claim_list_needs_a_fixed_number_of_queries(client):
    staff_login(client)
    url = reverse("registry:staff_representation_list")
    RepresentationFactory()
    RepresentationFactory(approved=True)
    few = _query_count(client, url)
    for _ in range(7):
        RepresentationFactory()
        RepresentationFactory(approved=True)
    assert _query_count(client, url) == few
    assert client.get(url).content.decode().count("/entscheiden/") == 8


# --- My initiatives ----------------------------------------------------------------------------


def test_my_initiatives_needs_login(client):
    response = client.get(reverse("registry:my_initiatives"))
    assert response.status_code == 302


def test_my_initiatives_lists_represented_entries_and_proposals_with_decisions(client):
    initiative = InitiativeFactory(name="Bündnis Zukunft Industrie", goals="Alt")
    other = InitiativeFactory(name="Fremde Initiative")
    rep = representative_of(initiative)
    proposal = services.change_proposal_submit(
        initiative=initiative,
        user=rep,
        new_values={"goals": "Neue Ziele", "seat": "Erfurt"},
    )
    services.change_proposal_decide(
        proposal=proposal, decisions={"goals": True, "seat": False}, actor=staff_user()
    )
    client.force_login(rep)
    page = client.get(reverse("registry:my_initiatives")).content.decode()
    assert "Bündnis Zukunft Industrie" in page
    assert other.name not in page
    assert "Neue Ziele" in page and "übernommen" in page
    assert "Erfurt" in page and "abgelehnt" in page


# --- Change proposals --------------------------------------------------------------------------


def test_proposal_form_is_prefilled_with_the_current_entry(client):
    initiative = InitiativeFactory(name="Industrieland Thüringen", website="https://example.org")
    client.force_login(representative_of(initiative))
    page = client.get(reverse("registry:change_proposal_create", args=[initiative.slug]))
    body = page.content.decode()
    assert page.status_code == 200
    assert 'value="Industrieland Thüringen"' in body
    assert 'value="https://example.org"' in body
    assert 'value="2016"' in body  # founded_year


def test_representative_of_one_initiative_is_refused_on_another(client):
    own, other = InitiativeFactory(), InitiativeFactory(goals="Original")
    client.force_login(representative_of(own))
    url = reverse("registry:change_proposal_create", args=[other.slug])
    assert client.get(url).status_code == 403
    response = client.post(url, _form_data(other, goals="Übernahme"))
    assert response.status_code == 403
    assert not ChangeProposal.objects.exists()


def test_tampered_initiative_id_changes_nothing_on_the_other_entry(client):
    own, other = InitiativeFactory(goals="Eigen"), InitiativeFactory(goals="Fremd")
    client.force_login(representative_of(own))
    client.post(
        reverse("registry:change_proposal_create", args=[own.slug]),
        {**_form_data(own, goals="Neu"), "initiative": other.pk, "initiative_id": other.pk},
    )
    proposal = ChangeProposal.objects.get()
    assert proposal.initiative == own
    assert not ChangeProposal.objects.filter(initiative=other).exists()


def test_visitor_and_plain_user_cannot_propose(client):
    initiative = InitiativeFactory()
    url = reverse("registry:change_proposal_create", args=[initiative.slug])
    assert client.post(url, _form_data(initiative, goals="x")).status_code == 302
    client.force_login(UserFactory())
    assert client.post(url, _form_data(initiative, goals="x")).status_code == 403
    assert not ChangeProposal.objects.exists()


def test_unchanged_form_says_so_even_with_browser_line_endings(client):
    initiative = InitiativeFactory(description="Erste Zeile\nZweite Zeile")
    client.force_login(representative_of(initiative))
    data = _form_data(initiative, description="Erste Zeile\r\nZweite Zeile\r\n")
    response = client.post(reverse("registry:change_proposal_create", args=[initiative.slug]), data)
    assert response.status_code == 200
    assert "Sie haben nichts geändert" in response.content.decode()
    assert not ChangeProposal.objects.exists()


def test_only_changed_fields_are_stored_in_snapshot_form(client, mailoutbox):
    DistrictFactory(ags="16061", name="Eichsfeld")
    district_b = DistrictFactory(ags="16062", name="Nordhausen")
    host = OrganisationFactory(name="IHK Erfurt")
    initiative = InitiativeFactory(goals="Alt")
    initiative.districts.set([district_b])
    MembershipFactory(initiative=initiative, organisation=host, role=MembershipRole.SPONSOR)
    rep = representative_of(initiative)
    advisor = staff_user()
    client.force_login(rep)

    response = client.post(
        reverse("registry:change_proposal_create", args=[initiative.slug]),
        _form_data(
            initiative,
            goals="Fachkräfte sichern",
            districts=["16062", "16061"],
            fields_of_action=["skilled_workers", "acceptance"],
            founded_on="2016-05-04",
            office_host=str(host.pk),
            social_links="https://social.example/a\n\nhttps://social.example/b",
            comment="Beschluss des Lenkungskreises",
        ),
    )

    assert response.status_code == 302
    proposal = ChangeProposal.objects.get()
    assert proposal.proposed_by == rep
    assert proposal.comment == "Beschluss des Lenkungskreises"
    assert {name: value["new"] for name, value in proposal.changes.items()} == {
        "goals": "Fachkräfte sichern",
        "districts": ["16061", "16062"],
        "fields_of_action": ["acceptance", "skilled_workers"],
        "founded_on": "2016-05-04",
        "office_host": host.pk,
        "social_links": ["https://social.example/a", "https://social.example/b"],
    }
    assert proposal.changes["districts"]["old"] == ["16062"]
    assert [m.to for m in mailoutbox] == [[advisor.email]]
    assert "Fachkräfte sichern" not in initiative.__class__.objects.get(pk=initiative.pk).goals


def test_office_host_choices_are_the_members(client):
    initiative = InitiativeFactory()
    MembershipFactory(initiative=initiative, organisation=OrganisationFactory(name="IHK Erfurt"))
    OrganisationFactory(name="Fremde GmbH")
    client.force_login(representative_of(initiative))
    body = client.get(reverse("registry:change_proposal_create", args=[initiative.slug])).content
    assert "IHK Erfurt" in body.decode() and "Fremde GmbH" not in body.decode()


def test_bad_social_link_is_named_in_german(client):
    initiative = InitiativeFactory()
    client.force_login(representative_of(initiative))
    response = client.post(
        reverse("registry:change_proposal_create", args=[initiative.slug]),
        _form_data(initiative, social_links="https://ok.example\nkein link"),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Zeile 2: „kein link“ ist keine gültige Web-Adresse (https://…)." in body
    assert not ChangeProposal.objects.exists()


def test_founding_date_must_match_the_year(client):
    initiative = InitiativeFactory(founded_year=2016)
    client.force_login(representative_of(initiative))
    response = client.post(
        reverse("registry:change_proposal_create", args=[initiative.slug]),
        _form_data(initiative, founded_on="2015-01-10"),
    )
    assert "Das Gründungsdatum passt nicht zum Gründungsjahr." in response.content.decode()
    assert not ChangeProposal.objects.exists()


def test_representative_withdraws_own_open_proposal_only(client):
    initiative = InitiativeFactory(goals="Alt")
    rep, colleague = representative_of(initiative), representative_of(initiative)
    own = services.change_proposal_submit(
        initiative=initiative, user=rep, new_values={"goals": "A"}
    )
    theirs = services.change_proposal_submit(
        initiative=initiative, user=colleague, new_values={"goals": "B"}
    )
    client.force_login(rep)

    def url(proposal, slug=initiative.slug):
        return reverse("registry:change_proposal_withdraw", args=[slug, proposal.pk])

    assert client.get(url(own)).status_code == 405
    assert client.post(url(theirs)).status_code == 403
    assert client.post(url(own, slug=InitiativeFactory().slug)).status_code == 404
    assert client.post(url(own)).status_code == 302
    own.refresh_from_db()
    theirs.refresh_from_db()
    assert own.state == ChangeProposal.State.WITHDRAWN
    assert theirs.state == ChangeProposal.State.OPEN


def test_staff_proposal_list_shows_open_proposals_only_to_staff(client):
    def propose():
        initiative = InitiativeFactory(goals="Alt")
        services.change_proposal_submit(
            initiative=initiative, user=representative_of(initiative), new_values={"goals": "Neu"}
        )

    propose()
    client.force_login(representative_of(InitiativeFactory()))
    url = reverse("registry:staff_proposal_list")
    assert client.get(url).status_code == 403
    staff_login(client)
    few = _query_count(client, url)
    for _ in range(4):
        propose()
    assert _query_count(client, url) == few
    page = client.get(url).content.decode()
    assert len(re.findall(r"/intern/aenderungsvorschlaege/\d+/", page)) == 5


def _open_proposal(**initiative_kwargs):
    initiative = InitiativeFactory(**initiative_kwargs)
    rep = representative_of(initiative, language="en")
    proposal = services.change_proposal_submit(
        initiative=initiative,
        user=rep,
        new_values={"goals": "Neue Ziele", "seat": "Erfurt", "meeting_frequency": "monthly"},
        comment="Aus dem Jahresbericht",
    )
    return initiative, rep, proposal


def test_review_page_shows_each_field_side_by_side_in_a_fieldset(client):
    initiative, _rep, proposal = _open_proposal(goals="Alte Ziele", seat="Weimar")
    staff_login(client)
    body = client.get(
        reverse("registry:staff_proposal_review", args=[proposal.pk])
    ).content.decode()
    assert body.count("<fieldset") == 3
    assert '<legend class="kern-label kern-heading-small">Ziele</legend>' in body
    assert "Alte Ziele" in body and "Neue Ziele" in body
    assert "monatlich" in body  # the label, not the code
    assert "Aus dem Jahresbericht" in body
    assert "Seit dem Vorschlag geändert" not in body


def test_review_page_shows_when_the_entry_changed_since_the_proposal(client):
    initiative, _rep, proposal = _open_proposal(seat="Weimar")
    services.initiative_update(initiative=initiative, seat="Jena")
    staff_login(client)
    body = client.get(
        reverse("registry:staff_proposal_review", args=[proposal.pk])
    ).content.decode()
    assert "Seit dem Vorschlag geändert" in body
    assert "Als der Vorschlag gemacht wurde, stand im Eintrag: Weimar" in body


def test_review_without_every_decision_shows_german_error_and_applies_nothing(client, mailoutbox):
    initiative, _rep, proposal = _open_proposal(goals="Alte Ziele")
    staff_login(client)
    mailoutbox.clear()
    response = client.post(
        reverse("registry:staff_proposal_review", args=[proposal.pk]), {"decision_goals": "accept"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Für jedes Feld ist eine Entscheidung nötig (fehlt: Sitz (Ort), Treffen)." in body
    assert body.index("Für jedes Feld") < body.index("<fieldset")
    proposal.refresh_from_db()
    initiative.refresh_from_db()
    assert proposal.state == ChangeProposal.State.OPEN
    assert initiative.goals == "Alte Ziele"
    assert mailoutbox == []


def test_accept_one_field_reject_another_applies_exactly_the_accepted_change(client, mailoutbox):
    initiative, rep, proposal = _open_proposal(goals="Alte Ziele", seat="Weimar")
    staff = staff_login(client)
    mailoutbox.clear()

    response = client.post(
        reverse("registry:staff_proposal_review", args=[proposal.pk]),
        {
            "decision_goals": "accept",
            "decision_seat": "reject",
            "decision_meeting_frequency": "reject",
        },
    )

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert (initiative.goals, initiative.seat, initiative.meeting_frequency) == (
        "Neue Ziele",
        "Weimar",
        "",
    )
    entry = next(
        e
        for e in selectors.history_for(initiative)
        if e.action == "registry.initiative_changed_by_proposal"
    )
    assert entry.actor == staff
    assert [(c.field, c.old, c.new) for c in entry.changes] == [
        ("goals", "Alte Ziele", "Neue Ziele")
    ]
    mail = mailoutbox[-1]
    assert mail.to == [rep.email]
    assert mail.extra_headers["Content-Language"] == "en"
    assert "Neue Ziele" in mail.body and "Erfurt" in mail.body
    assert "/en/" in mail.body


def test_invalid_result_of_accepted_fields_is_shown_and_nothing_written(client):
    initiative = InitiativeFactory(founded_year=2016)
    rep = representative_of(initiative)
    proposal = services.change_proposal_submit(
        initiative=initiative,
        user=rep,
        new_values={"founded_year": 2015, "founded_on": "2015-03-01", "goals": "Neu"},
    )
    staff_login(client)
    response = client.post(
        reverse("registry:staff_proposal_review", args=[proposal.pk]),
        {
            "decision_founded_year": "reject",
            "decision_founded_on": "accept",
            "decision_goals": "accept",
        },
    )
    assert response.status_code == 200
    assert (
        "Gründungsdatum: Das Gründungsdatum passt nicht zum Gründungsjahr."
        in response.content.decode()
    )
    initiative.refresh_from_db()
    proposal.refresh_from_db()
    assert (initiative.founded_on, initiative.goals) == (None, "")
    assert proposal.state == ChangeProposal.State.OPEN


def test_representative_cannot_decide_own_proposal(client):
    initiative, rep, proposal = _open_proposal(goals="Alt")
    client.force_login(rep)
    url = reverse("registry:staff_proposal_review", args=[proposal.pk])
    assert client.get(url).status_code == 403
    response = client.post(
        url,
        {
            "decision_goals": "accept",
            "decision_seat": "accept",
            "decision_meeting_frequency": "accept",
        },
    )
    assert response.status_code == 403
    initiative.refresh_from_db()
    assert initiative.goals == "Alt"
    assert not AuditLogEntry.objects.filter(action="registry.change_proposal_decided").exists()


def test_decided_proposal_is_shown_read_only(client):
    initiative, _rep, proposal = _open_proposal(goals="Alt")
    staff = staff_login(client)
    services.change_proposal_decide(
        proposal=proposal,
        decisions={"goals": True, "seat": False, "meeting_frequency": False},
        actor=staff,
    )
    body = client.get(
        reverse("registry:staff_proposal_review", args=[proposal.pk])
    ).content.decode()
    assert "<fieldset" not in body
    assert "übernommen" in body and "abgelehnt" in body


# --- Staff dashboard data ----------------------------------------------------------------------


def test_staff_tasks_count_what_waits(client):
    RepresentationFactory()
    _open_proposal(goals="Alt")
    InitiativeFactory(last_verified_on=None)
    staff = staff_user()
    tasks = {task.key: task for task in selectors.registry_staff_tasks(staff)}
    assert tasks["claims"].count == 1
    assert tasks["proposals"].count == 1
    assert tasks["verification"].count == 3  # none of the three entries was ever verified
    assert tasks["proposals"].url == reverse("registry:staff_proposal_list")
    assert selectors.registry_staff_tasks(representative_of(InitiativeFactory())) == []
