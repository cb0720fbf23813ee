"""Demo data for ``make run``: the initiatives named in the project's source documents with
the facts given there (founding dates, members, fields of action). Descriptions are written
for this project. E-mail addresses use example.org; no real person is published."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from industriedialog.regions.models import District

from . import services
from .models import Initiative, Organisation
from .vocabularies import ConsentMethod

SOURCE_2017 = "Broschüre „Gesellschaftlicher Dialog zur Zukunft der Industrie“ (2017)"
SOURCE_2024 = "Abschlussbericht der Servicestelle, Kurzfassung in Leichter Sprache (2024)"

# (name, kind, role, since)
Member = tuple[str, str, str, str | None]

INITIATIVES: list[dict[str, Any]] = [
    {
        "name": "Industriedialog Baden-Württemberg",
        "short_name": "Industriedialog BW",
        "slug": "industriedialog-baden-wuerttemberg",
        "level": "state",
        "states": ["BW"],
        "seat": "Stuttgart",
        "seat_ags": "08111",
        "founded_year": 2014,
        "description": (
            "Tripartites Industriebündnis des Landes: Wirtschaftsministerium, Wirtschafts- und "
            "Arbeitgeberverbände, Gewerkschaften und der Industrie- und Handelskammertag "
            "arbeiten seit 2014 an einer gemeinsamen Industrieperspektive für Baden-Württemberg. "
            "Ein Ergebnis ist das Positionspapier „Industrieperspektive Baden-Württemberg 2025“."
        ),
        "mission_statement": (
            "Industrie von Weltrang mit guten Arbeitsplätzen im Land erhalten und Baden-"
            "Württemberg als Musterland für die Industrie positionieren."
        ),
        "goals": (
            "Fachkräfte nachhaltig für die Industrie gewinnen; Innovation und Gründung anregen; "
            "den Standort mit verlässlicher Infrastruktur attraktiv gestalten; Industrie den "
            "Menschen im Dialog näherbringen (z. B. mit der Industriewoche)."
        ),
        "fields_of_action": ["skilled_workers", "innovation", "land", "acceptance"],
        "target_groups": ["young_people", "citizens", "companies"],
        "formats": ["future_workshop", "open_day"],
        "source": SOURCE_2017,
        "members": [
            (
                "Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg",
                "ministry",
                "sponsor",
                None,
            ),
            (
                "Baden-Württembergischer Industrie- und Handelskammertag e. V.",
                "ihk",
                "sponsor",
                None,
            ),
            (
                "Wirtschafts- und Arbeitgeberverbände Baden-Württemberg",
                "association",
                "sponsor",
                None,
            ),
            ("Gewerkschaften in Baden-Württemberg", "union", "sponsor", None),
        ],
    },
    {
        "name": "Bündnis für Industrie Thüringen",
        "short_name": "Bündnis für Industrie",
        "slug": "buendnis-fuer-industrie-thueringen",
        "level": "state",
        "states": ["TH"],
        "seat": "Erfurt",
        "seat_ags": "16051",
        "founded_on": datetime.date(2016, 9, 20),
        "description": (
            "Auf Initiative des Thüringer Wirtschaftsministers gegründetes Bündnis von "
            "Landesregierung, Arbeitgeberverbänden und Gewerkschaften. Es arbeitet eng mit dem "
            "bundesweiten Bündnis „Zukunft der Industrie“ zusammen und befasst sich mit "
            "Digitalisierung, Fachkräftesicherung und der Transformation der Automobilindustrie."
        ),
        "goals": (
            "Rahmenbedingungen verbessern, neue Potenziale erschließen und die Akzeptanz der "
            "Industrie in Thüringen stärken."
        ),
        "fields_of_action": [
            "skilled_workers",
            "digitalisation",
            "structural_change",
            "acceptance",
        ],
        "target_groups": ["companies", "employees", "politics"],
        "formats": ["workshop_talk"],
        "source": SOURCE_2017,
        "members": [
            (
                "Thüringer Ministerium für Wirtschaft, Wissenschaft und Digitale Gesellschaft",
                "ministry",
                "sponsor",
                "2016-09-20",
            ),
            (
                "Verband der Metall- und Elektroindustrie in Thüringen (VMET)",
                "association",
                "member",
                "2016-09-20",
            ),
            ("IG Metall Bezirk Mitte", "union", "member", "2016-09-20"),
            ("Verband der Wirtschaft Thüringens (VWT)", "association", "member", "2016-09-20"),
            ("DGB Bezirk Hessen-Thüringen", "union", "member", "2016-09-20"),
        ],
    },
    {
        "name": "In|du|strie – Gemeinsam. Zukunft. Leben.",
        "short_name": "In|du|strie Nord-Westfalen",
        "slug": "industrie-nord-westfalen",
        "level": "region",
        "states": ["NW"],
        "districts": ["05515", "05554", "05558", "05566", "05570", "05512", "05513", "05562"],
        "seat": "Münster",
        "seat_ags": "05515",
        "founded_year": 2011,
        "member_company_count": 350,
        "description": (
            "Akzeptanzoffensive von mehr als 350 Industrieunternehmen aus dem Münsterland und der "
            "Emscher-Lippe-Region, 2011 von der IHK Nord Westfalen angestoßen. Die Unternehmen "
            "öffnen ihre Türen und suchen mit Aktionen und Veranstaltungen das Gespräch mit den "
            "Menschen der Region."
        ),
        "goals": (
            "Akzeptanz und Vertrauen gewinnen, vor allem bei jungen Menschen; industrielle "
            "Berufe bekannter und attraktiver machen."
        ),
        "fields_of_action": ["acceptance", "skilled_workers"],
        "target_groups": ["young_people", "citizens"],
        "formats": ["open_day"],
        "source": SOURCE_2017,
        "office": "IHK Nord Westfalen",
        "members": [
            ("IHK Nord Westfalen", "ihk", "office", None),
        ],
    },
    {
        "name": "Industriedialog Rhein-Mosel",
        "short_name": "InDiRheMo",
        "slug": "industriedialog-rhein-mosel",
        "level": "region",
        "states": ["RP"],
        "districts": ["07137", "07138", "07111"],
        "seat": "Andernach",
        "seat_ags": "07137",
        "founded_on": datetime.date(2017, 2, 2),
        "description": (
            "Von Unternehmen der Region ausgehender Dialog zwischen Unternehmen und "
            "Betriebsräten, Landespolitik, Kommunen und Gewerkschaft. Die Gründung wurde als "
            "Modellregion vom Projekt „Gesellschaftlicher Dialog zur Zukunft der Industrie“ "
            "begleitet; organisatorisch ist die Initiative bei der IHK Koblenz verankert."
        ),
        "mission_statement": (
            "Die Region Rhein-Mosel soll ein starkes Zentrum für Industrie bleiben – dafür "
            "treten Politik, Wirtschaft und Gewerkschaften gemeinsam ein."
        ),
        "goals": (
            "Fachkräfte sichern, Industrieunternehmen und Berufsschulen verknüpfen, die "
            "Akzeptanz der Industrie verbessern, Breitbandausbau voranbringen, Industrie als "
            "Ort der Integration zeigen."
        ),
        "fields_of_action": ["skilled_workers", "acceptance", "digitalisation", "integration"],
        "target_groups": ["young_people", "companies", "employees"],
        "formats": ["workshop_talk", "world_cafe"],
        "source": SOURCE_2017,
        "office": "IHK Koblenz",
        "members": [
            ("thyssenkrupp Rasselstein GmbH", "company", "sponsor", "2017-02-02"),
            ("Stadt Andernach", "municipality", "member", "2017-02-02"),
            ("Stadt Neuwied", "municipality", "member", "2017-02-02"),
            ("Landkreis Mayen-Koblenz", "municipality", "member", "2017-02-02"),
            (
                "Arbeitgeberverband der Metall- und Elektroindustrie Rheinland-Rheinhessen",
                "association",
                "member",
                "2017-02-02",
            ),
            (
                "Regionaldirektion der Bundesagentur für Arbeit",
                "employment_agency",
                "member",
                "2017-02-02",
            ),
            ("IG Metall", "union", "member", "2017-02-02"),
            ("IHK Koblenz", "ihk", "office", None),
        ],
        "contacts": [
            (
                "Geschäftsstelle Industriedialog Rhein-Mosel",
                "Koordination",
                "IHK Koblenz",
                "rhein-mosel@example.org",
                True,
            ),
        ],
    },
    {
        "name": "Masterplan Industrie der Stadt Frankfurt am Main",
        "short_name": "Masterplan Industrie Frankfurt",
        "slug": "masterplan-industrie-frankfurt",
        "level": "municipality",
        "states": ["HE"],
        "districts": ["06412"],
        "seat": "Frankfurt am Main",
        "seat_ags": "06412",
        "founded_year": 2012,
        "description": (
            "Langfristiger Strategieprozess der Stadt zur Stärkung des Industriestandorts, "
            "2012 bis 2015 unter Beteiligung von über 70 Fachleuten erarbeitet und im Januar "
            "2016 von der Stadtverordnetenversammlung beschlossen. Die Koordination liegt beim "
            "Kompetenzzentrum Industrie der Wirtschaftsförderung; ein Beirat Industrie begleitet."
        ),
        "goals": (
            "Frankfurt als Standort einer „Neuen Industrie“ neben Finanzplatz und Logistik "
            "positionieren; Flächen sichern, digitale Infrastruktur und Energieversorgung "
            "stärken, Verwaltungsprozesse verbessern."
        ),
        "fields_of_action": [
            "land",
            "digitalisation",
            "energy",
            "acceptance",
            "skilled_workers",
            "innovation",
        ],
        "target_groups": ["companies", "politics", "citizens"],
        "formats": ["workshop_talk"],
        "source": SOURCE_2017,
        "office": "Wirtschaftsförderung Frankfurt GmbH",
        "members": [
            ("Stadt Frankfurt am Main", "municipality", "sponsor", None),
            ("Wirtschaftsförderung Frankfurt GmbH", "municipality", "office", None),
        ],
    },
    {
        "name": "Zukunft durch Industrie – Initiative Krefeld",
        "short_name": "Zukunft durch Industrie",
        "slug": "zukunft-durch-industrie-krefeld",
        "level": "municipality",
        "states": ["NW"],
        "districts": ["05114"],
        "seat": "Krefeld",
        "seat_ags": "05114",
        "description": (
            "Bündnis von Unternehmen, Gewerkschaften, Verbänden und der Stadt unter der "
            "Schirmherrschaft des Oberbürgermeisters. Es sucht den offenen Dialog mit der "
            "Stadtgesellschaft und macht industrielle Abläufe und Entscheidungen transparent."
        ),
        "mission_statement": (
            "Akzeptanz und Dialog mit den Bürgerinnen und Bürgern sind die Eckpfeiler für eine "
            "erfolgreiche Entwicklung der Industrie in Krefeld."
        ),
        "goals": (
            "Bewusstsein für Nutzen und Wert der Industrie schaffen; Anregungen der Bevölkerung "
            "aufnehmen; bei jungen Menschen Interesse an Technik wecken; sich für eine "
            "nachhaltige Standort-, Verkehrs- und Flächenpolitik einsetzen."
        ),
        "fields_of_action": ["acceptance", "land", "skilled_workers"],
        "target_groups": ["citizens", "young_people"],
        "formats": ["open_day", "panel"],
        "source": SOURCE_2017,
        "office": "IHK Mittlerer Niederrhein",
        "members": [
            ("IHK Mittlerer Niederrhein", "ihk", "sponsor", None),
            ("Deutscher Gewerkschaftsbund (DGB)", "union", "sponsor", None),
            ("Unternehmerschaft Niederrhein e. V.", "association", "sponsor", None),
            ("Stadt Krefeld", "municipality", "partner", None),
        ],
        "contacts": [
            (
                "Kontaktstelle der Initiative",
                "Geschäftsstelle",
                "IHK Mittlerer Niederrhein",
                "krefeld@example.org",
                False,
            ),
        ],
    },
    {
        "name": "Industrieinitiative Wiesbaden",
        "slug": "industrieinitiative-wiesbaden",
        "level": "municipality",
        "status": "founding",
        "states": ["HE"],
        "districts": ["06414"],
        "seat": "Wiesbaden",
        "seat_ags": "06414",
        "description": "Neue Initiative, deren Gründung die Servicestelle begleitet hat.",
        "source": SOURCE_2024,
        "members": [],
    },
    {
        "name": "Industrieinitiative Bonn",
        "slug": "industrieinitiative-bonn",
        "level": "municipality",
        "status": "founding",
        "states": ["NW"],
        "districts": ["05314"],
        "seat": "Bonn",
        "seat_ags": "05314",
        "description": "Neue Initiative, deren Gründung die Servicestelle begleitet hat.",
        "source": SOURCE_2024,
        "members": [],
    },
    {
        "name": "Industrieinitiative Eichsfeld",
        "slug": "industrieinitiative-eichsfeld",
        "level": "region",
        "status": "founding",
        "states": ["TH"],
        "districts": ["16061"],
        "seat": "Heilbad Heiligenstadt",
        "seat_ags": "16061",
        "description": "Neue Initiative, deren Gründung die Servicestelle begleitet hat.",
        "source": SOURCE_2024,
        "members": [],
    },
]

_EXTRA_KEYS = {"members", "office", "contacts", "seat_ags"}


def _organisation(name: str, kind: str) -> Organisation:
    existing = Organisation.objects.filter(name=name).first()
    return existing or services.organisation_create(name=name, kind=kind)


@transaction.atomic
def registry_demo_load() -> int:
    """Create the demo initiatives that do not exist yet (by slug); returns how many."""
    created = 0
    for spec in INITIATIVES:
        if Initiative.objects.filter(slug=spec["slug"]).exists():
            continue
        data = {k: v for k, v in spec.items() if k not in _EXTRA_KEYS}
        if spec.get("seat_ags"):
            data["seat_district"] = District.objects.filter(ags=spec["seat_ags"]).first()
        initiative = services.initiative_create(**data)
        for name, kind, role, since in spec.get("members", []):
            services.membership_add(
                initiative=initiative,
                organisation=_organisation(name, kind),
                role=role,
                since=datetime.date.fromisoformat(since) if since else None,
            )
        if spec.get("office"):
            services.initiative_update(
                initiative=initiative, office_host=Organisation.objects.get(name=spec["office"])
            )
        for name, function, org_name, email, consented in spec.get("contacts", []):
            contact = services.contact_create(
                initiative=initiative,
                name=name,
                function=function,
                organisation=Organisation.objects.filter(name=org_name).first(),
                email=email,
            )
            if consented:
                services.contact_record_consent(
                    contact=contact,
                    method=ConsentMethod.EMAIL,
                    actor=None,
                    note="Demo-Daten",
                )
        created += 1
    _demo_representative()
    return created


DEMO_REPRESENTATIVE = "vertretung@industriedialog.example"


def _demo_representative() -> None:
    """The demo account of a representative speaks for the Rhein-Mosel initiative."""
    from django.contrib.auth import get_user_model

    from .models import Representation

    user = get_user_model().objects.filter(email=DEMO_REPRESENTATIVE).first()
    initiative = Initiative.objects.filter(slug="industriedialog-rhein-mosel").first()
    if user is None or initiative is None:
        return
    if not Representation.objects.filter(user=user, initiative=initiative).exists():
        claim = services.representation_request(
            user=user, initiative=initiative, message="Demo: Koordination der Geschäftsstelle"
        )
        services.representation_decide(claim=claim, approve=True, actor=None)
