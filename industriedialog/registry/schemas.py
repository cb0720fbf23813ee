"""Response shapes of the open-data API: public fields only, documented in the OpenAPI schema."""

from __future__ import annotations

import datetime

from ninja import Field, Schema

from .vocabularies import Labels  # noqa: F401 - re-exported for api.py


class Coded(Schema):
    code: str = Field(description="Kennung des Vokabulars, bleibt über Sprachen hinweg gleich")
    label: str = Field(description="Bezeichnung in der Sprache der Anfrage")


class StateOut(Schema):
    code: str = Field(examples=["TH"])
    name: str = Field(examples=["Thüringen"])


class DistrictOut(Schema):
    ags: str = Field(description="Kreisschlüssel (AGS)", examples=["16061"])
    name: str


class OrganisationRef(Schema):
    id: int
    name: str
    kind: Coded
    actor_group: Coded | None = Field(description="Akteursgruppe; bei „Sonstige“ keine")


class MembershipOut(Schema):
    organisation: OrganisationRef
    role: Coded
    since: datetime.date | None


class ContactOut(Schema):
    """Only persons who consented to publication; all others are never part of the API."""

    name: str
    function: str
    organisation: str | None
    email: str
    phone: str


class Licence(Schema):
    name: str
    url: str


class InitiativeOut(Schema):
    name: str
    short_name: str
    slug: str
    url: str = Field(description="Adresse der Seite im Verzeichnis")
    level: Coded
    status: Coded
    states: list[StateOut]
    districts: list[DistrictOut] = Field(
        description="Abgedeckte Kreise; bei Initiativen auf Landesebene leer (ganzes Land)"
    )
    seat: str = Field(description="Sitz (Ort)")
    seat_district: DistrictOut | None
    founded_year: int | None
    founded_on: datetime.date | None
    description: str
    mission_statement: str
    goals: str
    fields_of_action: list[Coded]
    target_groups: list[Coded]
    formats: list[Coded]
    meeting_frequency: Coded | None
    member_company_count: int | None
    website: str
    social_links: list[str]
    memberships: list[MembershipOut]
    actor_groups_present: list[Coded]
    is_tripartite: bool = Field(
        description="Wirtschaft, Gewerkschaften sowie Politik und Verwaltung sind beteiligt "
        "(aus den Mitgliedschaften berechnet)"
    )
    contacts: list[ContactOut] = Field(
        description="Nur Ansprechpersonen, die der Veröffentlichung zugestimmt haben"
    )
    last_verified_on: datetime.date | None
    updated_at: datetime.datetime


class InitiativePage(Schema):
    count: int = Field(description="Zahl aller Treffer")
    next: str | None = Field(description="Adresse der nächsten Seite")
    previous: str | None = Field(description="Adresse der vorigen Seite")
    licence: Licence
    attribution: str = Field(description="Quellenvermerk, den die Lizenz verlangt")
    results: list[InitiativeOut]


class InitiativeRef(Schema):
    slug: str
    name: str
    url: str
    role: Coded


class OrganisationOut(Schema):
    id: int
    name: str
    kind: Coded
    actor_group: Coded | None
    district: DistrictOut | None
    website: str
    memberships: list[InitiativeRef]


class OrganisationPage(Schema):
    count: int
    next: str | None
    previous: str | None
    licence: Licence
    attribution: str
    results: list[OrganisationOut]


class Problem(Schema):
    detail: str = Field(
        examples=["Parameter „founded_from“: Bitte eine Zahl eingeben."],
    )
    errors: dict[str, list[str]] | None = Field(
        default=None, description="Fehlermeldungen je Parameter"
    )
