from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from industriedialog.accounts.tests.factories import (
    UserFactory,
    login_with_second_factor,
    staff_user,
)
from industriedialog.registry.models import Initiative
from industriedialog.registry.tests.factories import (
    ContactPersonFactory,
    InitiativeFactory,
    StateFactory,
    tripartite_initiative,
)

pytestmark = pytest.mark.django_db
LIST = reverse("registry:initiative_list")


def names(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [row["initiative"].name for row in response.context["rows"]]


def test_search_finds_compound_words(client):
    InitiativeFactory(name="Bündnis für Fachkräftesicherung")
    InitiativeFactory(name="Energieforum Süd")
    response = client.get(LIST, {"q": "Fachkräfte"})
    assert names(response) == ["Bündnis für Fachkräftesicherung"]
    assert "1 Initiative" in response.content.decode()


def test_filters_combine_and_the_url_is_shareable(client, regions):
    from industriedialog.regions.models import State

    thuringia, saxony = State.objects.get(code="TH"), State.objects.get(code="SN")
    tripartite_initiative(name="Bündnis Thüringen", states=[thuringia], level="state")
    InitiativeFactory(name="Regionalforum Thüringen", states=[thuringia], level="region")
    tripartite_initiative(name="Allianz Sachsen", states=[saxony], level="state")
    response = client.get(LIST + "?state=TH&tripartite=true")
    assert names(response) == ["Bündnis Thüringen"]
    body = response.content.decode()
    assert 'value="TH" id="f-state-' in body and "checked" in body


def test_facet_counts_follow_the_result(client):
    state = StateFactory()
    InitiativeFactory(level="state", states=[state])
    InitiativeFactory(level="region", states=[state])
    InitiativeFactory(level="region", states=[state], status="ended")
    response = client.get(LIST, {"status": "active"})
    level = next(f for f in response.context["facets"] if f["name"] == "level")
    counts = {o["value"]: o["count"] for o in level["options"]}
    assert counts == {"state": 1, "region": 1, "municipality": 0}


def test_htmx_request_gets_only_the_results(client):
    InitiativeFactory(name="Forum A")
    response = client.get(LIST, {"q": "Forum"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "<html" not in body


def test_invalid_year_shows_german_error_and_no_crash(client):
    InitiativeFactory()
    response = client.get(LIST, {"founded_from": "zwanzig"})
    assert response.status_code == 200
    assert "Bitte prüfen Sie die Filter" in response.content.decode()
    assert "gegründet ab (Jahr): Bitte eine Zahl eingeben." in response.content.decode()


def test_query_count_does_not_grow_with_page_size(client):
    state = StateFactory()
    for _ in range(3):
        tripartite_initiative(states=[state])
    with CaptureQueriesContext(connection) as small:
        client.get(LIST)
    for _ in range(12):
        tripartite_initiative(states=[state])
    with CaptureQueriesContext(connection) as large:
        response = client.get(LIST)
    assert len(response.context["rows"]) == 15
    assert len(large) == len(small)


def test_sorting_by_founding_year(client):
    InitiativeFactory(name="Alt", founded_year=2011)
    InitiativeFactory(name="Neu", founded_year=2020)
    assert names(client.get(LIST, {"sort": "-founded"})) == ["Neu", "Alt"]
    assert names(client.get(LIST, {"sort": "founded"})) == ["Alt", "Neu"]


def test_detail_shows_tripartite_and_only_consented_contacts(client):
    initiative = tripartite_initiative(name="Industriedialog Muster")
    ContactPersonFactory(initiative=initiative, name="Erika Öffentlich", consented=True)
    ContactPersonFactory(initiative=initiative, name="Max Geheim")
    body = client.get(initiative.get_absolute_url()).content.decode()
    assert "Die Initiative ist tripartit" in body
    assert "Erika Öffentlich" in body
    assert "Max Geheim" not in body


def test_staff_see_unconsented_contacts_marked_internal(client):
    initiative = InitiativeFactory()
    ContactPersonFactory(initiative=initiative, name="Max Geheim")
    login_with_second_factor(client, staff_user())
    body = client.get(initiative.get_absolute_url()).content.decode()
    assert "Max Geheim" in body
    assert "Nur für die Servicestelle sichtbar" in body


def test_unknown_initiative_is_404(client):
    assert (
        client.get(reverse("registry:initiative_detail", args=["gibt-es-nicht"])).status_code == 404
    )


def test_map_lists_every_initiative_as_text(client):
    InitiativeFactory(name="Karteninitiative")
    body = client.get(reverse("registry:initiative_map")).content.decode()
    assert "Karteninitiative" in body
    assert 'id="map-points"' in body


def test_english_directory_is_served(client):
    InitiativeFactory(name="Forum")
    assert client.get("/en" + LIST).status_code == 200


def test_no_synthetic_flag_in_demo(client, regions):
    from industriedialog.registry.demo import registry_demo_load

    assert registry_demo_load() == 9
    assert registry_demo_load() == 0
    assert not Initiative.objects.filter(is_synthetic=True).exists()
    rhein_mosel = Initiative.objects.get(slug="industriedialog-rhein-mosel")
    assert rhein_mosel.founded_on.isoformat() == "2017-02-02"
    body = client.get(rhein_mosel.get_absolute_url()).content.decode()
    assert "tripartit" in body and "thyssenkrupp Rasselstein GmbH" in body


def test_every_listed_user_visible_name_is_escaped(client):
    InitiativeFactory(name="<script>alert(1)</script>")
    body = client.get(LIST).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert UserFactory  # factories import stays used
