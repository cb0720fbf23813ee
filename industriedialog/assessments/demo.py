"""Demo data: the demo representative's initiative (Rhein-Mosel) with three years of
completed self-assessments, and enough comparison initiatives of the same level (marked as
demo entries) for the benchmark and three peer suggestions. Idempotent."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from industriedialog.registry import services as registry_services
from industriedialog.registry.models import Initiative, Organisation, Representation

from . import selectors, services
from .models import Answer, Assessment, PeerOptIn

DEMO_REPRESENTATIVE = "vertretung@industriedialog.example"
HOME_SLUG = "industriedialog-rhein-mosel"

# level per dimension (on each criterion's own scale, capped there) for asked criteria
HOME_HISTORY: list[tuple[int, dict[str, int], dict[str, int]]] = [
    # years ago, levels, targets set for the next assessment
    (
        2,
        {
            "goals": 2,
            "alliance": 2,
            "resources": 2,
            "activities": 2,
            "communication": 1,
            "young-people": 3,
            "networking": 1,
            "impact": 1,
        },
        {"goals": 3, "communication": 2, "networking": 2},
    ),
    (
        1,
        {
            "goals": 3,
            "alliance": 3,
            "resources": 2,
            "activities": 3,
            "communication": 2,
            "young-people": 3,
            "networking": 1,
            "impact": 1,
        },
        {"goals": 4, "communication": 3, "networking": 3, "impact": 2},
    ),
    (
        0,
        {
            "goals": 4,
            "alliance": 3,
            "resources": 3,
            "activities": 3,
            "communication": 2,
            "young-people": 4,
            "networking": 2,
            "impact": 1,
        },
        {},
    ),
]

_STRUCTURE = [
    ("company", "sponsor"),
    ("union", "member"),
    ("municipality", "member"),
    ("ihk", "office"),
    ("education", "member"),
]

PEERS: list[dict[str, Any]] = [
    {
        "slug": "demo-initiative-westpfalz",
        "name": "Demo-Initiative Westpfalz",
        "state": "RP",
        "fields": ["skilled_workers", "acceptance", "digitalisation"],
        "opt_in": True,
        "levels": {
            "goals": 3,
            "alliance": 3,
            "resources": 3,
            "activities": 3,
            "communication": 4,
            "young-people": 3,
            "networking": 4,
            "impact": 3,
        },
    },
    {
        "slug": "demo-initiative-suedwestfalen",
        "name": "Demo-Initiative Südwestfalen",
        "state": "NW",
        "fields": ["skilled_workers", "acceptance", "integration"],
        "opt_in": True,
        "levels": {
            "goals": 4,
            "alliance": 3,
            "resources": 4,
            "activities": 3,
            "communication": 3,
            "young-people": 4,
            "networking": 3,
            "impact": 4,
        },
    },
    {
        "slug": "demo-initiative-ostwuerttemberg",
        "name": "Demo-Initiative Ostwürttemberg",
        "state": "BW",
        "fields": ["skilled_workers", "digitalisation", "innovation"],
        "opt_in": True,
        "levels": {
            "goals": 3,
            "alliance": 4,
            "resources": 3,
            "activities": 4,
            "communication": 4,
            "young-people": 3,
            "networking": 4,
            "impact": 2,
        },
    },
    {
        "slug": "demo-initiative-lausitz",
        "name": "Demo-Initiative Lausitz",
        "state": "BB",
        "fields": ["structural_change", "energy", "skilled_workers"],
        "opt_in": True,
        "levels": {
            "goals": 4,
            "alliance": 4,
            "resources": 4,
            "activities": 3,
            "communication": 3,
            "young-people": 3,
            "networking": 4,
            "impact": 4,
        },
    },
    {
        "slug": "demo-initiative-oberfranken",
        "name": "Demo-Initiative Oberfranken",
        "state": "BY",
        "fields": ["acceptance", "land"],
        "opt_in": False,
        "levels": {
            "goals": 2,
            "alliance": 2,
            "resources": 2,
            "activities": 2,
            "communication": 2,
            "young-people": 2,
            "networking": 2,
            "impact": 1,
        },
    },
    {
        "slug": "demo-initiative-emscher-lippe",
        "name": "Demo-Initiative Emscher-Lippe",
        "state": "NW",
        "fields": ["structural_change", "skilled_workers"],
        "opt_in": False,
        "levels": {
            "goals": 3,
            "alliance": 3,
            "resources": 2,
            "activities": 3,
            "communication": 3,
            "young-people": 3,
            "networking": 3,
            "impact": 2,
        },
    },
]


def _peer_initiative(spec: dict[str, Any]) -> Initiative:
    existing = Initiative.objects.filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    initiative = registry_services.initiative_create(
        name=spec["name"],
        slug=spec["slug"],
        level="region",
        states=[spec["state"]],
        founded_year=2018,
        meeting_frequency="quarterly",
        website="https://example.org/",
        fields_of_action=spec["fields"],
        formats=["world_cafe", "workshop_talk", "network_meeting"],
        description="Beispieleintrag für die Demo der Selbstbewertung (keine echte Initiative).",
        source="Demo-Daten",
    )
    for kind, role in _STRUCTURE:
        organisation, _ = Organisation.objects.get_or_create(
            name=f"{spec['name']}: {kind}", defaults={"kind": kind}
        )
        registry_services.membership_add(
            initiative=initiative, organisation=organisation, role=role
        )
    return initiative


def _completed(
    initiative: Initiative,
    year: int,
    levels: dict[str, int],
    *,
    user: Any = None,
    targets: dict[str, int] | None = None,
) -> Assessment | None:
    if Assessment.objects.filter(initiative=initiative, year=year).exists():
        return None
    catalogue = selectors.catalogue_current()
    if catalogue is None:
        return None
    assessment = Assessment.objects.create(
        initiative=initiative, catalogue=catalogue, year=year, started_by=user
    )
    for dimension in selectors.catalogue_dimensions(catalogue):
        for criterion in dimension.criteria.all():
            if criterion.prefill:
                continue
            Answer.objects.create(
                assessment=assessment,
                criterion=criterion,
                user=user,
                level=min(levels[dimension.key], criterion.level_count),
            )
    services.assessment_complete(assessment=assessment, user=user)
    completed_at = datetime.datetime(year, 10, 15, 10, 0, tzinfo=timezone.get_current_timezone())
    if year == timezone.localdate().year:
        completed_at = min(completed_at, timezone.now())
    Assessment.objects.filter(pk=assessment.pk).update(
        completed_at=completed_at, targets=targets or {}
    )
    return assessment


def _home_representative(initiative: Initiative) -> Any:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(email=DEMO_REPRESENTATIVE).first()
    if user is None:
        return None
    if not Representation.objects.filter(
        user=user, initiative=initiative, state=Representation.State.APPROVED
    ).exists():
        claim = registry_services.representation_request(
            user=user, initiative=initiative, message="Demo: Koordination der Geschäftsstelle"
        )
        registry_services.representation_decide(claim=claim, approve=True, actor=None)
    return user


@transaction.atomic
def assessments_demo_load() -> int:
    """Returns how many assessments were created (0 on a second run)."""
    services.catalogue_load_initial()
    services.catalogue_link_missing_pages()
    this_year = timezone.localdate().year
    created = 0
    for spec in PEERS:
        initiative = _peer_initiative(spec)
        created += _completed(initiative, this_year - 1, spec["levels"]) is not None
        if spec["opt_in"]:
            PeerOptIn.objects.get_or_create(initiative=initiative)
    nord = Initiative.objects.filter(slug="industrie-nord-westfalen").first()
    if nord is not None:
        levels = {
            "goals": 4,
            "alliance": 4,
            "resources": 4,
            "activities": 4,
            "communication": 3,
            "young-people": 4,
            "networking": 3,
            "impact": 3,
        }
        created += _completed(nord, this_year - 1, levels) is not None
    home = Initiative.objects.filter(slug=HOME_SLUG).first()
    if home is not None:
        user = _home_representative(home)
        for years_ago, levels, targets in HOME_HISTORY:
            created += (
                _completed(home, this_year - years_ago, levels, user=user, targets=targets)
                is not None
            )
    return created
