"""Synthetic scale data for benchmarks: clearly marked (``is_synthetic``, name prefix, source),
deterministic for a seed, written in bulk, never in the demo."""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from industriedialog.common.models import audit_log
from industriedialog.regions.models import District, State

from .forms_transfer import german_labels
from .imports import free_slug, initiative_search_text, m2m_bulk_create
from .models import (
    ContactPerson,
    EventFormat,
    FieldOfAction,
    Initiative,
    Membership,
    Organisation,
    TargetGroup,
)
from .vocabularies import (
    ConsentMethod,
    FieldOfActionCode,
    Level,
    MembershipRole,
    OrganisationKind,
    Status,
)

PREFIX = "[Synthetisch] "
SOURCE = "Synthetische Testdaten – nicht veröffentlichen"
# Fixed, so that a seed always gives the same data.
REFERENCE_DATE = datetime.date(2025, 6, 30)

_LEVELS = {Level.STATE: 8, Level.REGION: 52, Level.MUNICIPALITY: 40}
_STATUSES = {Status.ACTIVE: 75, Status.FOUNDING: 8, Status.DORMANT: 10, Status.ENDED: 7}
_FIELD_WEIGHTS = {
    "skilled_workers": 30,
    "acceptance": 25,
    "digitalisation": 15,
    "energy": 15,
    "innovation": 12,
    "structural_change": 10,
    "land": 6,
    "integration": 4,
}
_KINDS = {
    OrganisationKind.COMPANY: 55,
    OrganisationKind.ASSOCIATION: 6,
    OrganisationKind.IHK: 2,
    OrganisationKind.HWK: 2,
    OrganisationKind.UNION: 8,
    OrganisationKind.MINISTRY: 2,
    OrganisationKind.MUNICIPALITY: 9,
    OrganisationKind.EMPLOYMENT_AGENCY: 3,
    OrganisationKind.EDUCATION: 8,
    OrganisationKind.CIVIL_SOCIETY: 4,
    OrganisationKind.OTHER: 1,
}
_ORGANISATION_NAMES = {
    OrganisationKind.COMPANY: [
        "Maschinenbau {place}",
        "Metallwerk {place}",
        "Chemie {place}",
        "Kunststofftechnik {place}",
        "Elektronik {place}",
        "Papierfabrik {place}",
        "Stahlbau {place}",
        "Automobilzulieferer {place}",
        "Lebensmittelwerke {place}",
        "Glaswerk {place}",
    ],
    OrganisationKind.ASSOCIATION: ["Unternehmerverband {place}", "Arbeitgeberverband {place}"],
    OrganisationKind.IHK: ["IHK {place}"],
    OrganisationKind.HWK: ["Handwerkskammer {place}"],
    OrganisationKind.UNION: [
        "IG Metall {place}",
        "IG BCE {place}",
        "ver.di {place}",
        "DGB-Region {place}",
        "NGG {place}",
    ],
    OrganisationKind.MINISTRY: ["Wirtschaftsministerium {state}"],
    OrganisationKind.MUNICIPALITY: ["Wirtschaftsförderung {place}", "Verwaltung {place}"],
    OrganisationKind.EMPLOYMENT_AGENCY: ["Agentur für Arbeit {place}"],
    OrganisationKind.EDUCATION: [
        "Hochschule {place}",
        "Berufsbildende Schule {place}",
        "Technische Hochschule {place}",
    ],
    OrganisationKind.CIVIL_SOCIETY: ["Bürgerstiftung {place}", "Zukunftsverein {place}"],
    OrganisationKind.OTHER: ["Netzwerkbüro {place}"],
}
_LEGAL_FORMS = ["GmbH", "AG", "GmbH & Co. KG", "SE", "KG"]
_INITIATIVE_NAMES = [
    "Industriedialog {place}",
    "Bündnis für Industrie {place}",
    "Zukunft durch Industrie {place}",
    "Industrienetzwerk {place}",
    "Allianz für Fachkräfte und Industrie {place}",
    "Industrieforum {place}",
    "Masterplan Industrie {place}",
]
_FIRST_NAMES = ["Anna", "Jonas", "Fatma", "Lukas", "Marie", "Mehmet", "Sophie", "Paul", "Lea"]
_LAST_NAMES = ["Schmidt", "Yılmaz", "Müller", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch"]
_FUNCTIONS = ["Geschäftsführung", "Projektleitung", "Referentin Industriepolitik", "Sprecher"]


class SyntheticDataRefused(Exception):
    """Generating synthetic data is not allowed here (the message says why, in German)."""


@dataclass(frozen=True)
class SyntheticResult:
    initiatives: int
    organisations: int
    memberships: int
    contacts: int


def _pick(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _sample_weighted(rng: random.Random, weights: dict[str, int], k: int) -> list[str]:
    pool = dict(weights)
    chosen = []
    for _i in range(min(k, len(pool))):
        code = _pick(rng, pool)
        chosen.append(code)
        del pool[code]
    return chosen


def _organisations(
    rng: random.Random, count: int, districts: list[District], weights: list[int]
) -> list[Organisation]:
    result = []
    for n, district in enumerate(rng.choices(districts, weights=weights, k=count), start=1):
        kind = _pick(rng, _KINDS)
        name = rng.choice(_ORGANISATION_NAMES[kind]).format(
            place=district.name, state=district.state.name
        )
        if kind == OrganisationKind.COMPANY:
            name = f"{name} {n} {rng.choice(_LEGAL_FORMS)}"
        result.append(
            Organisation(name=f"{PREFIX}{name}", kind=kind, district=district, is_synthetic=True)
        )
    return result


def synthetic_generate(*, initiatives: int, organisations: int, seed: int = 1) -> SyntheticResult:
    """Replace all synthetic data with ``initiatives`` initiatives and ``organisations``
    organisations (with memberships, some contact persons and search texts)."""
    if settings.DEMO_MODE:
        raise SyntheticDataRefused(
            _(
                "Synthetische Testdaten dürfen nie in die Demo: Diese Installation läuft im "
                "Demo-Modus (DEMO_MODE), deshalb wurde nichts erzeugt. Bitte nutzen Sie eine "
                "eigene Datenbank für Lasttests."
            )
        )
    districts = list(District.objects.current().select_related("state").order_by("ags"))
    if not districts:
        raise SyntheticDataRefused(
            _("Es sind keine Kreise geladen. Bitte zuerst „manage.py load_regions“ ausführen.")
        )
    with transaction.atomic():
        synthetic_delete()
        return _generate(random.Random(seed), initiatives, organisations, districts)  # noqa: S311


def _generate(
    rng: random.Random, initiative_count: int, organisation_count: int, districts: list[District]
) -> SyntheticResult:
    weights = [d.population or 100_000 for d in districts]
    by_state: dict[int, list[District]] = defaultdict(list)
    for district in districts:
        by_state[district.state_id].append(district)
    states = {s.pk: s for s in State.objects.all()}
    state_ids = sorted(by_state)
    state_weights = [sum(d.population or 100_000 for d in by_state[s]) for s in state_ids]

    orgs = _organisations(rng, organisation_count, districts, weights)
    Organisation.objects.bulk_create(orgs, batch_size=1000)
    orgs_by_state: dict[int, list[Organisation]] = defaultdict(list)
    for org in orgs:
        orgs_by_state[org.district.state_id].append(org)  # type: ignore[union-attr]

    fields = {f.code: f for f in FieldOfAction.objects.all()}
    target_groups = list(TargetGroup.objects.order_by("code"))
    formats = list(EventFormat.objects.order_by("code"))
    taken = set(Initiative.objects.values_list("slug", flat=True))

    initiatives: list[Initiative] = []
    relations: list[dict[str, list[Any]]] = []
    members: list[list[tuple[Organisation, str]]] = []
    for n in range(1, initiative_count + 1):
        state_id = rng.choices(state_ids, weights=state_weights)[0]
        state = states[state_id]
        level = _pick(rng, _LEVELS)
        pool = by_state[state_id]
        if level == Level.STATE:
            covered: list[District] = []
            place = state.name
            seat_district = rng.choice(pool)
        elif level == Level.MUNICIPALITY:
            covered = [rng.choice(pool)]
            place, seat_district = covered[0].name, covered[0]
        else:
            start, width = rng.randrange(len(pool)), rng.randint(2, 6)
            covered = [pool[(start + i) % len(pool)] for i in range(min(width, len(pool)))]
            place, seat_district = covered[0].name, covered[0]
        covered_states = [state]
        if level == Level.REGION and rng.random() < 0.04:
            neighbour = states[rng.choice([s for s in state_ids if s != state_id])]
            covered_states.append(neighbour)
            covered.append(rng.choice(by_state[neighbour.pk]))
        year = rng.choices(range(2000, 2026), weights=range(5, 31))[0]
        founded_on = (
            datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
            if rng.random() < 0.3
            else None
        )
        field_count = rng.choices([1, 2, 3, 4], [2, 4, 3, 1])[0]
        field_codes = _sample_weighted(rng, _FIELD_WEIGHTS, field_count)
        name = f"{PREFIX}{rng.choice(_INITIATIVE_NAMES).format(place=place)} {n}"
        labels = ", ".join(german_labels(FieldOfActionCode)[c] for c in field_codes)
        initiative = Initiative(
            name=name,
            short_name=f"SYN-{n}",
            slug=free_slug(name, taken),
            level=level,
            status=_pick(rng, _STATUSES),
            seat=seat_district.name,
            seat_district=seat_district,
            founded_year=year,
            founded_on=founded_on,
            description=(
                f"Die Initiative bringt Industrieunternehmen, Gewerkschaften, Kammern und "
                f"Verwaltung in {place} zusammen. Schwerpunkte: {labels}."
            ),
            mission_statement="Industrie gemeinsam gestalten: Beschäftigung sichern, "
            "Transformation voranbringen, Akzeptanz stärken.",
            goals="Fachkräftesicherung, Innovation und eine starke industrielle Basis.",
            member_company_count=None
            if rng.random() < 0.1
            else max(3, min(500, int(rng.lognormvariate(3.3, 0.8)))),
            website=f"https://synthetisch.example.org/{n}",
            source=SOURCE,
            last_verified_on=REFERENCE_DATE - datetime.timedelta(days=rng.randint(0, 720))
            if rng.random() < 0.5
            else None,
            is_synthetic=True,
        )
        # 3 to 15 memberships; the sponsor often also hosts the office (a second membership).
        candidates = orgs_by_state[state_id] or orgs
        count, has_office = rng.randint(3, 15), rng.random() < 0.6
        chosen = rng.sample(candidates, min(count - has_office, len(candidates)))
        roles = [
            (org, MembershipRole.SPONSOR if i == 0 else _member_role(rng))
            for i, org in enumerate(chosen)
        ]
        if has_office:
            roles.append((chosen[0], MembershipRole.OFFICE))
            initiative.office_host = chosen[0]
        initiatives.append(initiative)
        members.append(roles)
        relations.append(
            {
                "states": covered_states,
                "districts": list(dict.fromkeys(covered)),
                "fields_of_action": [fields[c] for c in field_codes if c in fields],
                "target_groups": rng.sample(target_groups, rng.randint(1, 3)),
                "formats": rng.sample(formats, rng.randint(1, 4)),
            }
        )
    for initiative, rel, roles in zip(initiatives, relations, members, strict=True):
        initiative.search_text = initiative_search_text(
            initiative,
            field_codes=[f.code for f in rel["fields_of_action"]],
            state_names=[s.name for s in rel["states"]],
            member_names=sorted({org.name for org, _role in roles}),
        )
    Initiative.objects.bulk_create(initiatives, batch_size=500)
    m2m_bulk_create(zip(initiatives, relations, strict=True))
    memberships = [
        Membership(initiative=i, organisation=org, role=role)
        for i, roles in zip(initiatives, members, strict=True)
        for org, role in roles
    ]
    Membership.objects.bulk_create(memberships, batch_size=1000)
    contacts = _contacts(rng, initiatives, members)
    ContactPerson.objects.bulk_create(contacts, batch_size=1000)
    result = SyntheticResult(len(initiatives), len(orgs), len(memberships), len(contacts))
    audit_log("registry.synthetic_generated", data=result.__dict__)
    return result


def _member_role(rng: random.Random) -> str:
    return MembershipRole.PARTNER if rng.random() < 0.2 else MembershipRole.MEMBER


def _contacts(
    rng: random.Random,
    initiatives: list[Initiative],
    members: list[list[tuple[Organisation, str]]],
) -> list[ContactPerson]:
    consent_at = datetime.datetime.combine(REFERENCE_DATE, datetime.time(12), tzinfo=datetime.UTC)
    contacts = []
    for n, (initiative, roles) in enumerate(zip(initiatives, members, strict=True)):
        if rng.random() >= 0.3:
            continue
        for k in range(rng.randint(1, 2)):
            first, last = rng.choice(_FIRST_NAMES), rng.choice(_LAST_NAMES)
            consented = rng.random() < 0.5
            contacts.append(
                ContactPerson(
                    initiative=initiative,
                    organisation=roles[0][0],
                    name=f"{PREFIX}{first} {last}",
                    function=rng.choice(_FUNCTIONS),
                    email=f"kontakt-{n}-{k}@synthetisch.example.org",
                    consent_given_at=consent_at if consented else None,
                    consent_method=ConsentMethod.EMAIL if consented else "",
                )
            )
    return contacts


@transaction.atomic
def synthetic_delete() -> dict[str, int]:
    """Remove every synthetic row (initiatives, organisations and what hangs on them)."""
    synthetic = Q(initiative__is_synthetic=True) | Q(organisation__is_synthetic=True)
    counts = {
        "memberships": Membership.objects.filter(synthetic).delete()[0],
        "initiatives": Initiative.objects.filter(is_synthetic=True).count(),
        "organisations": Organisation.objects.filter(is_synthetic=True).count(),
    }
    Initiative.objects.filter(is_synthetic=True).delete()
    Organisation.objects.filter(is_synthetic=True).delete()
    if counts["initiatives"] or counts["organisations"]:
        audit_log("registry.synthetic_deleted", data=counts)
    return counts
