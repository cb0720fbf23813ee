"""Demo founding cases for ``make run`` (idempotent): Eichsfeld, as in the source documents,
plus two more at other stages."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from industriedialog.regions.models import District
from industriedialog.registry.models import Initiative, Organisation
from industriedialog.registry.vocabularies import OrganisationKind, Status

from .models import FoundingCase, PartnerResponse, Stage
from .services import founding_case_create, founding_partner_add, founding_step_add

DEMO_CASES: list[dict[str, Any]] = [
    {
        "name": "Industrieinitiative Eichsfeld",
        "districts": ["16061"],
        "stage": Stage.WORKSHOP,
        "registry_slug": "industrieinitiative-eichsfeld",
        "notes": (
            "Landrat und IHK unterstützen die Gründung. Workshop mit Unternehmen, "
            "Gewerkschaft und Kreisverwaltung vorbereitet."
        ),
        "partners": [
            ("Landkreis Eichsfeld", OrganisationKind.MUNICIPALITY, PartnerResponse.COMMITTED),
            ("IHK Erfurt", OrganisationKind.IHK, PartnerResponse.COMMITTED),
            ("IG Metall Nordhausen", OrganisationKind.UNION, PartnerResponse.INTERESTED),
        ],
        "steps": [
            ("Einladung zum Gründungsworkshop versenden", -3),
            ("Entwurf der Gründungserklärung abstimmen", 21),
        ],
    },
    {
        "name": "Industriedialog Kyffhäuserkreis",
        "districts": ["16065"],
        "stage": Stage.FIRST_CONTACT,
        "notes": "Anfrage der Wirtschaftsförderung nach einer Beratung per Telefon.",
        "partners": [
            (
                "Wirtschaftsförderung Kyffhäuserkreis",
                OrganisationKind.MUNICIPALITY,
                PartnerResponse.ASKED,
            )
        ],
        "steps": [("Telefonische Erstberatung", 7)],
    },
    {
        "name": "Industriebündnis Vogtland",
        "districts": ["14523"],
        "stage": Stage.FIRST_MEETING,
        "notes": "Erstgespräch mit Landratsamt und Unternehmerverband geführt.",
        "partners": [
            (
                "Unternehmerverband Vogtland",
                OrganisationKind.ASSOCIATION,
                PartnerResponse.INTERESTED,
            )
        ],
        "steps": [("Partnerliste für den Workshop erstellen", 14)],
    },
]


def advisory_demo_load() -> int:
    """Create the demo cases that do not exist yet; returns how many were created."""
    owner = get_user_model().objects.filter(email="servicestelle@industriedialog.example").first()
    today = timezone.localdate()
    created = 0
    for spec in DEMO_CASES:
        if FoundingCase.objects.filter(name=spec["name"]).exists():
            continue
        districts = list(District.objects.filter(ags__in=spec["districts"]))
        if not districts:
            continue
        initiative = None
        if spec.get("registry_slug"):
            initiative = Initiative.objects.filter(
                slug=spec["registry_slug"], status=Status.FOUNDING
            ).first()
        case = founding_case_create(
            actor=None,
            districts=districts,
            name=spec["name"],
            stage=spec["stage"],
            owner=owner,
            notes=spec["notes"],
            initiative=initiative,
        )
        for name, kind, response in spec["partners"]:
            organisation = Organisation.objects.filter(name=name, is_synthetic=False).first()
            founding_partner_add(
                case=case,
                actor=None,
                organisation=organisation,
                name=name,
                kind=kind,
                response=response,
            )
        for title, days in spec["steps"]:
            founding_step_add(
                case=case,
                actor=None,
                title=title,
                due_on=today + datetime.timedelta(days=days),
                owner=owner,
            )
        created += 1
    return created
