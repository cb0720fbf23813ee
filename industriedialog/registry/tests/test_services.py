from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from industriedialog.accounts.tests.factories import representative_user, staff_user
from industriedialog.registry import selectors, services
from industriedialog.registry.models import ChangeProposal, Initiative, Representation
from industriedialog.registry.tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
    StateFactory,
    tripartite_initiative,
)
from industriedialog.registry.vocabularies import OrganisationKind

pytestmark = pytest.mark.django_db


def test_create_requires_a_state():
    with pytest.raises(ValidationError) as error:
        services.initiative_create(name="Ohne Land", level="region", states=[])
    assert "states" in error.value.message_dict
    assert not Initiative.objects.filter(name="Ohne Land").exists()


def test_create_makes_unique_slug_and_logs_all_fields():
    StateFactory()
    first = services.initiative_create(name="Bündnis für Industrie", level="state", states=["TH"])
    second = services.initiative_create(name="Bündnis für Industrie", level="region", states=["TH"])
    assert first.slug == "bundnis-fur-industrie"
    assert second.slug == "bundnis-fur-industrie-2"
    history = selectors.history_for(first)
    assert history[0].action == "registry.initiative_created"
    assert {c.field for c in history[0].changes} >= {"name", "level", "states"}


def test_update_records_who_changed_what():
    advisor = staff_user()
    initiative = InitiativeFactory(name="Alt", founded_year=2015)
    changes = services.initiative_update(
        initiative=initiative, actor=advisor, name="Neu", fields_of_action=["energy"]
    )
    assert set(changes) == {"name", "fields_of_action"}
    entry = selectors.history_for(initiative)[0]
    assert entry.actor == advisor
    rows = {c.field: (c.old, c.new) for c in entry.changes}
    assert rows["name"] == ("Alt", "Neu")
    assert rows["fields_of_action"] == ("–", "Energie, Klima und Transformation")


def test_update_without_change_writes_no_history():
    initiative = InitiativeFactory(name="Gleich")
    before = len(selectors.history_for(initiative))
    assert services.initiative_update(initiative=initiative, name="Gleich") == {}
    assert len(selectors.history_for(initiative)) == before


def test_founding_date_must_match_year():
    initiative = InitiativeFactory(founded_year=2016)
    import datetime

    with pytest.raises(ValidationError):
        services.initiative_update(initiative=initiative, founded_on=datetime.date(2017, 2, 2))
    initiative.refresh_from_db()
    assert initiative.founded_on is None


def test_tripartite_is_computed_from_members():
    initiative = InitiativeFactory()
    MembershipFactory(initiative=initiative, organisation=OrganisationFactory(kind="company"))
    MembershipFactory(initiative=initiative, organisation=OrganisationFactory(kind="union"))
    fetched = selectors.initiative_get_public(initiative.slug)
    assert not selectors.initiative_is_tripartite(fetched)
    MembershipFactory(
        initiative=initiative, organisation=OrganisationFactory(kind=OrganisationKind.MUNICIPALITY)
    )
    fetched = selectors.initiative_get_public(initiative.slug)
    assert selectors.initiative_is_tripartite(fetched)
    assert [g.group for g in selectors.initiative_actor_groups(fetched)] == [
        "business",
        "unions",
        "politics",
    ]


def test_member_names_are_searchable():
    initiative = tripartite_initiative(name="Netzwerk Süd")
    organisation = OrganisationFactory(name="Stahlwerke Musterstadt")
    services.membership_add(initiative=initiative, organisation=organisation, role="member")
    initiative.refresh_from_db()
    assert " stahlwerk " in initiative.search_text


def test_state_level_initiative_covers_all_districts_of_its_state(regions):
    from industriedialog.regions.models import State

    thuringia = State.objects.get(code="TH")
    initiative = InitiativeFactory(level="state", states=[thuringia])
    covered = selectors.initiative_covered_districts(initiative)
    assert covered.count() == thuringia.districts.current().count() == 22


def test_similar_names_in_same_state_are_found():
    state = StateFactory()
    existing = InitiativeFactory(name="Industriedialog Rhein-Mosel", states=[state])
    found = selectors.initiatives_similar(name="Industrie-Dialog Rhein Mosel", state_codes=["TH"])
    assert found == [existing]
    assert selectors.initiatives_similar(name="Bündnis Nord", state_codes=["TH"]) == []


def test_change_proposal_applies_only_accepted_fields():
    representative = representative_user()
    advisor = staff_user()
    initiative = InitiativeFactory(name="Alt", seat="Erfurt", website="")
    proposal = services.change_proposal_submit(
        initiative=initiative,
        user=representative,
        new_values={"name": "Neu", "seat": "Weimar", "website": "https://example.org/"},
    )
    assert proposal is not None and set(proposal.changes) == {"name", "seat", "website"}
    with pytest.raises(ValidationError):
        services.change_proposal_decide(proposal=proposal, decisions={"name": True}, actor=advisor)
    services.change_proposal_decide(
        proposal=proposal,
        decisions={"name": True, "seat": False, "website": True},
        actor=advisor,
    )
    initiative.refresh_from_db()
    assert (initiative.name, initiative.seat, initiative.website) == (
        "Neu",
        "Erfurt",
        "https://example.org/",
    )
    proposal.refresh_from_db()
    assert proposal.state == ChangeProposal.State.DECIDED
    assert proposal.decisions == {"name": "accepted", "seat": "rejected", "website": "accepted"}
    assert selectors.history_for(initiative)[1].action == "registry.initiative_changed_by_proposal"


def test_approved_claim_makes_a_representative_of_that_initiative_only():
    from industriedialog.accounts.permissions import can
    from industriedialog.accounts.tests.factories import UserFactory

    person = UserFactory()
    mine, other = InitiativeFactory(), InitiativeFactory()
    claim = services.representation_request(user=person, initiative=mine, message="Sprecher")
    assert not can(person, "registry.propose_change", mine)
    services.representation_decide(claim=claim, approve=True, actor=staff_user())
    assert claim.__class__.objects.get(pk=claim.pk).state == Representation.State.APPROVED
    assert can(person, "registry.propose_change", mine)
    assert not can(person, "registry.propose_change", other)


def test_verify_sets_date_and_clears_reminder():
    from django.utils import timezone

    advisor = staff_user()
    initiative = InitiativeFactory(verification_reminder_sent_at=timezone.now())
    services.initiative_verify(initiative=initiative, actor=advisor)
    initiative.refresh_from_db()
    assert initiative.last_verified_on == timezone.localdate()
    assert initiative.last_verified_by == advisor
    assert initiative.verification_reminder_sent_at is None


def test_contacts_without_consent_are_hidden_from_the_public():
    from django.contrib.auth.models import AnonymousUser

    from industriedialog.registry.tests.factories import ContactPersonFactory

    initiative = InitiativeFactory()
    public = ContactPersonFactory(initiative=initiative, consented=True)
    private = ContactPersonFactory(initiative=initiative)
    assert list(selectors.initiative_contacts_for(AnonymousUser(), initiative)) == [public]
    assert set(selectors.initiative_contacts_for(staff_user(), initiative)) == {public, private}
    services.contact_withdraw_consent(contact=public, actor=staff_user())
    assert list(selectors.initiative_contacts_for(AnonymousUser(), initiative)) == []


def test_revoking_the_last_representation_removes_the_role():
    from industriedialog.accounts.roles import Role
    from industriedialog.accounts.selectors import user_roles
    from industriedialog.accounts.tests.factories import UserFactory

    person = UserFactory()
    claim = services.representation_request(user=person, initiative=InitiativeFactory())
    services.representation_revoke(claim=claim, actor=staff_user())  # pending: nothing to end
    claim.refresh_from_db()
    assert claim.state == Representation.State.PENDING
    services.representation_decide(claim=claim, approve=True, actor=staff_user())
    assert Role.REPRESENTATIVE in user_roles(person)
    services.representation_revoke(claim=claim, actor=staff_user())
    assert Role.REPRESENTATIVE not in user_roles(person)
