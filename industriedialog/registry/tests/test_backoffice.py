from __future__ import annotations

import pytest
from django.urls import reverse

from industriedialog.accounts.tests.factories import (
    PASSWORD,
    login_with_second_factor,
    representative_user,
    staff_user,
)
from industriedialog.registry import selectors, services
from industriedialog.registry.models import ContactPerson, Initiative, Membership, Organisation
from industriedialog.registry.tests.factories import (
    ContactPersonFactory,
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor(client):  # type: ignore[no-untyped-def]
    return login_with_second_factor(client, staff_user())


def write_urls(initiative: Initiative, contact: ContactPerson, organisation: Organisation):  # type: ignore[no-untyped-def]
    return [
        reverse("registry:staff_initiative_create"),
        reverse("registry:staff_initiative_edit", args=[initiative.pk]),
        reverse("registry:staff_initiative_verify", args=[initiative.pk]),
        reverse("registry:staff_membership_manage", args=[initiative.pk]),
        reverse("registry:staff_contact_create", args=[initiative.pk]),
        reverse("registry:staff_contact_edit", args=[contact.pk]),
        reverse("registry:staff_organisation_create"),
        reverse("registry:staff_organisation_edit", args=[organisation.pk]),
    ]


def test_visitors_and_representatives_cannot_write(client):
    initiative = InitiativeFactory(name="Unverändert")
    contact = ContactPersonFactory(initiative=initiative)
    organisation = OrganisationFactory(name="Org")
    urls = write_urls(initiative, contact, organisation)
    for url in urls:
        response = client.post(url, {"name": "Gehackt", "action": "delete"})
        assert response.status_code == 302 and "/konto/login/" in response["Location"], url
    representative = representative_user()
    services.representation_decide(
        claim=services.representation_request(user=representative, initiative=initiative),
        approve=True,
        actor=None,
    )
    client.login(email=representative.email, password=PASSWORD)
    for url in urls:
        assert client.post(url, {"name": "Gehackt", "action": "delete"}).status_code == 403, url
    initiative.refresh_from_db()
    assert initiative.name == "Unverändert"
    assert ContactPerson.objects.filter(pk=contact.pk).exists()
    assert Organisation.objects.get(pk=organisation.pk).name == "Org"


def test_staff_create_warns_about_duplicates_then_creates(client, advisor):
    state = StateFactory()
    InitiativeFactory(name="Industriedialog Rhein-Mosel", states=[state])
    data = {
        "name": "Industrie-Dialog Rhein Mosel",
        "level": "region",
        "status": "active",
        "states": [state.pk],
    }
    response = client.post(reverse("registry:staff_initiative_create"), data)
    assert response.status_code == 200
    assert "Ähnliche Einträge im selben Bundesland" in response.content.decode()
    assert Initiative.objects.count() == 1
    response = client.post(
        reverse("registry:staff_initiative_create"), {**data, "confirm_not_duplicate": "on"}
    )
    assert response.status_code == 302
    created = Initiative.objects.get(name="Industrie-Dialog Rhein Mosel")
    assert selectors.history_for(created)[0].actor == advisor


def test_staff_edit_is_logged_and_shown_in_history(client, advisor):
    state = StateFactory()
    initiative = InitiativeFactory(name="Vorher", states=[state])
    url = reverse("registry:staff_initiative_edit", args=[initiative.pk])
    data = {
        "name": "Nachher",
        "level": "region",
        "status": "dormant",
        "states": [state.pk],
        "founded_year": "2016",
        "social_links": "https://social.example/@initiative",
    }
    assert client.post(url, data).status_code == 302
    history = client.get(reverse("registry:staff_initiative_history", args=[initiative.pk]))
    body = history.content.decode()
    assert "Vorher" in body and "Nachher" in body and "ruhend" in body


def test_bad_social_link_gets_german_error_at_the_field(client, advisor):
    state = StateFactory()
    initiative = InitiativeFactory(states=[state])
    response = client.post(
        reverse("registry:staff_initiative_edit", args=[initiative.pk]),
        {
            "name": "X",
            "level": "region",
            "status": "active",
            "states": [state.pk],
            "social_links": "ok.de\nkein link",
        },
    )
    assert response.status_code == 200
    assert "Zeile 1: „ok.de“ ist keine gültige Web-Adresse" in response.content.decode()


def test_staff_mark_verified(client, advisor):
    initiative = InitiativeFactory()
    client.post(reverse("registry:staff_initiative_verify", args=[initiative.pk]))
    initiative.refresh_from_db()
    assert initiative.last_verified_by == advisor


def test_staff_add_new_organisation_as_member_and_remove_it(client, advisor):
    initiative = InitiativeFactory()
    url = reverse("registry:staff_membership_manage", args=[initiative.pk])
    response = client.post(
        url,
        {"action": "add", "new_name": "IG Metall Bezirk", "new_kind": "union", "role": "sponsor"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(initiative=initiative)
    assert membership.organisation.name == "IG Metall Bezirk"
    client.post(url, {"action": "remove", "membership": membership.pk})
    assert not Membership.objects.filter(initiative=initiative).exists()


def test_membership_of_another_initiative_cannot_be_removed_through_this_one(client, advisor):
    mine, other = InitiativeFactory(), InitiativeFactory()
    foreign = MembershipFactory(initiative=other)
    response = client.post(
        reverse("registry:staff_membership_manage", args=[mine.pk]),
        {"action": "remove", "membership": foreign.pk},
    )
    assert response.status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_recording_consent_publishes_the_contact(client, advisor):
    initiative = InitiativeFactory()
    contact = ContactPersonFactory(initiative=initiative, name="Erika Kontakt")
    url = reverse("registry:staff_contact_edit", args=[contact.pk])
    response = client.post(url, {"name": "Erika Kontakt", "consent": "on"})
    assert "Bitte angeben, wie die Einwilligung erteilt wurde." in response.content.decode()
    client.post(url, {"name": "Erika Kontakt", "consent": "on", "consent_method_choice": "written"})
    contact.refresh_from_db()
    assert contact.has_consent and contact.consent_recorded_by == advisor
    client.logout()
    assert "Erika Kontakt" in client.get(initiative.get_absolute_url()).content.decode()


def test_staff_dashboard_shows_pending_claims(client, advisor):
    from industriedialog.accounts.tests.factories import UserFactory

    services.representation_request(user=UserFactory(), initiative=InitiativeFactory())
    body = client.get(reverse("accounts:staff_dashboard")).content.decode()
    assert "Anträge auf Vertretung" in body
    assert reverse("registry:staff_representation_list") in body
