"""Open-data API: same filters as the directory, public fields only, licence stated."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from industriedialog.registry.constants import DATA_LICENCE
from industriedialog.registry.filters import InitiativeFilter
from industriedialog.registry.models import FieldOfAction
from industriedialog.registry.schemas import InitiativeOut, InitiativePage, OrganisationPage
from industriedialog.registry.selectors import initiatives_public
from industriedialog.registry.vocabularies import FieldOfActionCode, Level, OrganisationKind, Status

from .factories import (
    ContactPersonFactory,
    DistrictFactory,
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
    StateFactory,
    tripartite_initiative,
)

pytestmark = pytest.mark.django_db

LIST = "/api/v1/initiatives/"


# --- helpers -------------------------------------------------------------------------------------
def sachsen() -> Any:
    return StateFactory(code="SN", ags="14", nuts1="DED", name="Sachsen")


def slugs(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


# --- list, pagination, licence ----------------------------------------------------------------
def test_list_states_licence_and_attribution(client):
    InitiativeFactory(name="Bündnis für Industrie Thüringen")
    body = client.get(LIST).json()
    assert body["count"] == 1
    assert body["licence"] == DATA_LICENCE
    assert "Industriedialog" in body["attribution"]
    assert DATA_LICENCE["name"] in body["attribution"]
    assert body["results"][0]["name"] == "Bündnis für Industrie Thüringen"


def test_pages_link_to_each_other_and_keep_the_filters(client):
    for n in range(5):
        InitiativeFactory(name=f"Initiative {n}", slug=f"initiative-{n}")
    first = client.get(LIST, {"status": "active", "page_size": 2}).json()
    assert first["count"] == 5
    assert [r["slug"] for r in first["results"]] == ["initiative-0", "initiative-1"]
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/initiatives/?")
    assert "status=active" in first["next"] and "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert [r["slug"] for r in second["results"]] == ["initiative-2", "initiative-3"]
    assert "page=1" in second["previous"]
    last = client.get(second["next"]).json()
    assert last["next"] is None
    assert len(last["results"]) == 1


def test_page_size_above_100_is_refused_in_german(client):
    response = client.get(LIST, {"page_size": 500})
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "Parameter „page_size“: Dieser Wert muss kleiner oder gleich 100 sein."
    )


def test_page_behind_the_last_is_404_in_german(client):
    InitiativeFactory()
    response = client.get(LIST, {"page": 3})
    assert response.status_code == 404
    assert response.json()["detail"] == "Seite 3 gibt es nicht; die letzte Seite ist 1."


# --- the directory's filters ------------------------------------------------------------------
@pytest.fixture
def directory() -> dict[str, Any]:
    sn = sachsen()
    energy = FieldOfAction.objects.get(code=FieldOfActionCode.ENERGY)
    skilled = FieldOfAction.objects.get(code=FieldOfActionCode.SKILLED_WORKERS)
    th_tri = tripartite_initiative(
        name="Bündnis für Industrie Thüringen",
        slug="buendnis-thueringen",
        level=Level.STATE,
        founded_year=2014,
    )
    th_tri.fields_of_action.set([skilled])
    sn_region = InitiativeFactory(
        name="Industriedialog Chemnitz",
        slug="chemnitz",
        states=[sn],
        founded_year=2019,
        status=Status.FOUNDING,
        description="Fachkräftesicherung in der Region",
    )
    sn_region.fields_of_action.set([energy])
    from industriedialog.registry.services import initiative_refresh_search_text

    initiative_refresh_search_text(sn_region)
    MembershipFactory(
        initiative=sn_region, organisation=OrganisationFactory(kind=OrganisationKind.UNION)
    )
    InitiativeFactory(name="Zukunft Eichsfeld", slug="eichsfeld", founded_year=2022)
    return {"sn": sn}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=Fachkräfte",
        "state=SN",
        "state=TH&state=SN",
        "level=state",
        "status=founding&status=active",
        "field=energy",
        "actors=unions",
        "actors=unions&actors=politics",
        "tripartite=true",
        "founded_from=2015",
        "founded_to=2019&founded_from=2015",
        "sort=-founded",
        "sort=-name&state=TH",
    ],
)
def test_list_filters_exactly_like_the_directory(client, directory, query):
    expected = [
        i.slug for i in InitiativeFilter(QueryDict(query), queryset=initiatives_public()).qs
    ]
    assert slugs(client.get(f"{LIST}?{query}")) == expected


def test_filters_narrow_the_list(client, directory):
    assert slugs(client.get(LIST, {"state": "SN"})) == ["chemnitz"]
    assert slugs(client.get(LIST, {"tripartite": "true"})) == ["buendnis-thueringen"]
    assert slugs(client.get(LIST, {"q": "Fachkräfte"})) == ["chemnitz"]
    assert slugs(client.get(LIST, {"founded_from": 2020})) == ["eichsfeld"]


def test_invalid_filter_value_is_400_naming_the_parameter_in_german(client):
    response = client.get(LIST, {"founded_from": "zwanzig"})
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Parameter „founded_from“: Bitte eine Zahl eingeben."
    assert body["errors"] == {"founded_from": ["Bitte eine Zahl eingeben."]}


def test_every_bad_parameter_is_reported_at_once(client):
    response = client.get(LIST, {"state": "XX", "level": "planet", "page": 0})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"state", "level", "page"}
    assert "XX" in errors["state"][0]
    assert "Parameter „level“" in response.json()["detail"]


# --- public fields only -------------------------------------------------------------------------
def test_detail_has_the_public_fields(client):
    district = DistrictFactory(ags="16061", name="Eichsfeld")
    initiative = tripartite_initiative(
        name="Zukunft Eichsfeld",
        slug="zukunft-eichsfeld",
        seat="Heilbad Heiligenstadt",
        seat_district=district,
        website="https://example.org",
        social_links=["https://social.example.org/eichsfeld"],
        member_company_count=40,
    )
    initiative.districts.set([district])
    response = client.get(f"{LIST}zukunft-eichsfeld/")
    assert response.status_code == 200
    data = response.json()
    assert data["url"] == "http://testserver" + initiative.get_absolute_url()
    assert data["level"] == {"code": "region", "label": "Region"}
    assert data["status"] == {"code": "active", "label": "aktiv"}
    assert data["states"] == [{"code": "TH", "name": "Thüringen"}]
    assert data["districts"] == [{"ags": "16061", "name": "Eichsfeld"}]
    assert data["seat"] == "Heilbad Heiligenstadt"
    assert data["seat_district"] == {"ags": "16061", "name": "Eichsfeld"}
    assert data["is_tripartite"] is True
    assert [g["code"] for g in data["actor_groups_present"]] == ["business", "unions", "politics"]
    assert {m["organisation"]["kind"]["code"] for m in data["memberships"]} == {
        "company",
        "union",
        "ministry",
    }
    assert data["memberships"][0]["organisation"]["actor_group"]["label"]
    assert data["social_links"] == ["https://social.example.org/eichsfeld"]
    assert data["member_company_count"] == 40
    for private in ("search_text", "source", "last_verified_by", "is_synthetic", "logo"):
        assert private not in data


def test_responses_match_the_documented_schemas_field_for_field(client):
    initiative = tripartite_initiative(slug="schema")
    ContactPersonFactory(initiative=initiative, consented=True)
    page = client.get(LIST).json()
    detail = client.get(f"{LIST}schema/").json()
    organisations = client.get("/api/v1/organisations/").json()
    InitiativePage.model_validate(page)
    InitiativeOut.model_validate(detail)
    OrganisationPage.model_validate(organisations)
    assert set(page) == set(InitiativePage.model_fields)
    assert set(detail) == set(page["results"][0]) == set(InitiativeOut.model_fields)
    assert set(detail["memberships"][0]["organisation"]) == {"id", "name", "kind", "actor_group"}
    assert set(detail["contacts"][0]) == {"name", "function", "organisation", "email", "phone"}


def test_not_tripartite_without_a_union(client):
    initiative = InitiativeFactory(slug="ohne-gewerkschaft")
    MembershipFactory(initiative=initiative, organisation=OrganisationFactory(kind="company"))
    MembershipFactory(initiative=initiative, organisation=OrganisationFactory(kind="ministry"))
    assert client.get(f"{LIST}ohne-gewerkschaft/").json()["is_tripartite"] is False


def test_unknown_slug_is_404_in_german(client):
    response = client.get(f"{LIST}gibt-es-nicht/")
    assert response.status_code == 404
    assert response.json()["detail"] == "Keine Initiative mit der Kurzadresse „gibt-es-nicht“."


def test_only_consented_contacts_are_published(client):
    initiative = InitiativeFactory(slug="kontakte")
    ContactPersonFactory(
        initiative=initiative,
        consented=True,
        name="Erika Einverstanden",
        email="erika@example.org",
        organisation=OrganisationFactory(name="IG Metall Thüringen"),
    )
    ContactPersonFactory(initiative=initiative, name="Nora Nichtgefragt", email="nora@example.org")
    ContactPersonFactory(
        initiative=initiative,
        consented=True,
        consent_withdrawn_at=timezone.now(),
        name="Willi Widerrufen",
        email="willi@example.org",
    )
    for url in (LIST, f"{LIST}kontakte/"):
        response = client.get(url)
        for secret in ("Nora", "nora@example.org", "Willi", "willi@example.org"):
            assert secret not in response.content.decode()
    contacts = client.get(f"{LIST}kontakte/").json()["contacts"]
    assert contacts == [
        {
            "name": "Erika Einverstanden",
            "function": "Geschäftsführung",
            "organisation": "IG Metall Thüringen",
            "email": "erika@example.org",
            "phone": "",
        }
    ]


# --- speed --------------------------------------------------------------------------------------
def _queries(client: Any, page_size: int) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(LIST, {"page_size": page_size, "state": "TH", "q": "Industrie"})
    assert len(response.json()["results"]) == page_size
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_page_size(client):
    district = DistrictFactory()
    fields = [FieldOfAction.objects.get(code=code) for code in FieldOfActionCode.values[:2]]
    for n in range(50):
        initiative = tripartite_initiative(
            name=f"Industrieinitiative {n:02d}", slug=f"ii-{n}", seat_district=district
        )
        initiative.districts.set([district])
        initiative.fields_of_action.set(fields)
        ContactPersonFactory(initiative=initiative, consented=True)
        ContactPersonFactory(initiative=initiative)
    assert _queries(client, 5) == _queries(client, 50)


# --- OpenAPI, docs, HTTP behaviour -------------------------------------------------------------
def test_openapi_documents_every_directory_filter_and_the_licence(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["license"] == DATA_LICENCE
    assert "Offene Daten" in schema["info"]["description"]
    operation = schema["paths"]["/api/v1/initiatives/"]["get"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert set(params) == {*InitiativeFilter.base_filters, "page", "page_size"}
    assert params["level"]["schema"] == {
        "type": "array",
        "items": {"type": "string", "enum": ["state", "region", "municipality"]},
    }
    assert "TH" in params["state"]["schema"]["items"]["enum"]
    assert params["founded_from"]["schema"]["type"] == "integer"
    assert params["tripartite"]["schema"] == {"type": "boolean"}
    assert params["q"]["description"] == "Suchbegriff"
    assert params["actors"]["description"] == (
        "Beteiligte Akteursgruppen – Alle gewählten Gruppen sind in der Initiative vertreten. "
        "(mehrfach möglich)"
    )
    assert params["page_size"]["schema"]["maximum"] == 100
    assert "/api/v1/initiatives/{slug}/" in schema["paths"]
    assert "contacts" in schema["components"]["schemas"]["InitiativeOut"]["properties"]


def test_docs_page_loads_nothing_from_outside(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(url.endswith("swagger-ui-bundle.js") for url in urls)
    assert all(url.startswith("/static/") for url in urls), urls
    assert '"validatorUrl": null' in html


def test_responses_are_open_to_every_origin_and_cacheable(client):
    InitiativeFactory(slug="offen")
    for url in (LIST, f"{LIST}offen/", "/api/v1/openapi.json"):
        response = client.get(url, HTTP_ORIGIN="https://partner.example")
        assert response["Access-Control-Allow-Origin"] == "*"
        assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
        assert "Set-Cookie" not in response.headers
    refused = client.get(LIST, {"founded_from": "x"})
    assert refused["Access-Control-Allow-Origin"] == "*"
    assert "public" not in refused.get("Cache-Control", "")


def test_head_answers_like_get_without_a_body(client):
    InitiativeFactory()
    get = client.get(LIST)
    head = client.head(LIST)
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Length"] == str(len(get.content))
    assert head["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_writing_methods_are_refused(client, method):
    response = getattr(client, method)(LIST)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json()["detail"].startswith("Die Schnittstelle ist nur lesbar")


# --- organisations ---------------------------------------------------------------------------
def test_organisations_list_their_memberships(client):
    initiative = InitiativeFactory(name="Zukunft Eichsfeld", slug="zukunft-eichsfeld")
    union = OrganisationFactory(name="IG Metall Thüringen", kind=OrganisationKind.UNION)
    MembershipFactory(initiative=initiative, organisation=union, role="sponsor")
    OrganisationFactory(name="Ohne Mitgliedschaft GmbH")
    body = client.get("/api/v1/organisations/", {"kind": "union"}).json()
    assert body["count"] == 1
    assert body["licence"] == DATA_LICENCE
    (row,) = body["results"]
    assert row["name"] == "IG Metall Thüringen"
    assert row["actor_group"] == {"code": "unions", "label": "Gewerkschaften"}
    assert row["memberships"] == [
        {
            "slug": "zukunft-eichsfeld",
            "name": "Zukunft Eichsfeld",
            "url": "http://testserver" + initiative.get_absolute_url(),
            "role": {"code": "sponsor", "label": "Träger"},
        }
    ]


def test_organisations_refuse_an_unknown_kind(client):
    response = client.get("/api/v1/organisations/", {"kind": "verein"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Parameter „kind“:")
