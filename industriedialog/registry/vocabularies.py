"""Fixed vocabularies of the registry (DOMAIN.md glossary).

Codes are stored; labels are translated through gettext, so a vocabulary entry never needs
``_de``/``_en`` columns.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    STATE = "state", _("Land")
    REGION = "region", _("Region")
    MUNICIPALITY = "municipality", _("Kommune")


class Status(models.TextChoices):
    FOUNDING = "founding", _("in Gründung")
    ACTIVE = "active", _("aktiv")
    DORMANT = "dormant", _("ruhend")
    ENDED = "ended", _("beendet")


class ActorGroup(models.TextChoices):
    BUSINESS = "business", _("Wirtschaft")
    UNIONS = "unions", _("Gewerkschaften")
    POLITICS = "politics", _("Politik und Verwaltung")
    SCIENCE = "science", _("Wissenschaft und Bildung")
    CIVIL_SOCIETY = "civil_society", _("Zivilgesellschaft")


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("Unternehmen")
    UNION = "union", _("Gewerkschaft")
    ASSOCIATION = "association", _("Arbeitgeber- oder Wirtschaftsverband")
    IHK = "ihk", _("Industrie- und Handelskammer (IHK)")
    HWK = "hwk", _("Handwerkskammer (HWK)")
    MINISTRY = "ministry", _("Landesministerium")
    MUNICIPALITY = "municipality", _("Stadt oder Kreis")
    EMPLOYMENT_AGENCY = "employment_agency", _("Bundesagentur für Arbeit")
    EDUCATION = "education", _("Hochschule oder Schule")
    CIVIL_SOCIETY = "civil_society", _("Zivilgesellschaft")
    OTHER = "other", _("Sonstige")


# Which actor group each kind of organisation belongs to; "other" belongs to none.
ACTOR_GROUP_OF_KIND: dict[str, str | None] = {
    OrganisationKind.COMPANY: ActorGroup.BUSINESS,
    OrganisationKind.ASSOCIATION: ActorGroup.BUSINESS,
    OrganisationKind.IHK: ActorGroup.BUSINESS,
    OrganisationKind.HWK: ActorGroup.BUSINESS,
    OrganisationKind.UNION: ActorGroup.UNIONS,
    OrganisationKind.MINISTRY: ActorGroup.POLITICS,
    OrganisationKind.MUNICIPALITY: ActorGroup.POLITICS,
    OrganisationKind.EMPLOYMENT_AGENCY: ActorGroup.POLITICS,
    OrganisationKind.EDUCATION: ActorGroup.SCIENCE,
    OrganisationKind.CIVIL_SOCIETY: ActorGroup.CIVIL_SOCIETY,
    OrganisationKind.OTHER: None,
}

# "Tripartit": business, unions and politics all present.
TRIPARTITE_GROUPS = (ActorGroup.BUSINESS, ActorGroup.UNIONS, ActorGroup.POLITICS)


def kinds_of_group(group: str) -> list[str]:
    return [kind for kind, g in ACTOR_GROUP_OF_KIND.items() if g == group]


class MembershipRole(models.TextChoices):
    SPONSOR = "sponsor", _("Träger")
    MEMBER = "member", _("Mitglied")
    PARTNER = "partner", _("Partner")
    OFFICE = "office", _("Geschäftsstelle")


class FieldOfActionCode(models.TextChoices):
    SKILLED_WORKERS = "skilled_workers", _("Fachkräfte und Ausbildung")
    ACCEPTANCE = "acceptance", _("Akzeptanz und Dialog")
    DIGITALISATION = "digitalisation", _("Digitalisierung / Industrie 4.0")
    INNOVATION = "innovation", _("Innovation und Gründung")
    LAND = "land", _("Flächen und Infrastruktur")
    ENERGY = "energy", _("Energie, Klima und Transformation")
    STRUCTURAL_CHANGE = "structural_change", _("Strukturwandel")
    INTEGRATION = "integration", _("Integration")


class TargetGroupCode(models.TextChoices):
    YOUNG_PEOPLE = "young_people", _("Jugendliche und Schulen")
    CITIZENS = "citizens", _("Bürgerinnen und Bürger")
    COMPANIES = "companies", _("Unternehmen")
    EMPLOYEES = "employees", _("Beschäftigte und Betriebsräte")
    POLITICS = "politics", _("Politik und Verwaltung")
    MEDIA = "media", _("Medien")
    SKILLED_WORKERS = "skilled_workers", _("Fachkräfte")


class EventFormatCode(models.TextChoices):
    WORLD_CAFE = "world_cafe", _("Welt-Café")
    WORKSHOP_TALK = "workshop_talk", _("Werkstattgespräch")
    DESIGN_THINKING = "design_thinking", _("Design-Thinking-Workshop")
    FUTURE_WORKSHOP = "future_workshop", _("Zukunftswerkstatt")
    NETWORK_MEETING = "network_meeting", _("Netzwerktreffen")
    WEBINAR = "webinar", _("Webinar")
    ADVISORY_BOARD = "advisory_board", _("Fachbeirat")
    KICK_OFF = "kick_off", _("Kick-off")
    CLOSING_WORKSHOP = "closing_workshop", _("Abschlussworkshop")
    OPEN_DAY = "open_day", _("Tag der offenen Tür / Industrienacht")
    LECTURE = "lecture", _("Vortrag")
    PANEL = "panel", _("Podiumsdiskussion")


class MeetingFrequency(models.TextChoices):
    WEEKLY = "weekly", _("wöchentlich")
    MONTHLY = "monthly", _("monatlich")
    QUARTERLY = "quarterly", _("vierteljährlich")
    HALF_YEARLY = "half_yearly", _("halbjährlich")
    YEARLY = "yearly", _("jährlich")
    IRREGULAR = "irregular", _("unregelmäßig")


class ConsentMethod(models.TextChoices):
    WRITTEN = "written", _("schriftlich (unterschrieben)")
    EMAIL = "email", _("per E-Mail")
    FORM = "form", _("über das Formular der Plattform")
    VERBAL = "verbal", _("mündlich, mit Gesprächsnotiz")


class Labels:
    """Vocabulary labels in the active language, looked up once per response.

    Django's ``get_FOO_display`` rebuilds and hashes the lazy choices on every call (about
    0.2 ms each), which made a page of 100 initiatives take 0.4 s.
    """

    def __init__(self) -> None:
        self._tables: dict[type[models.Choices], dict[str, str]] = {}

    def label(self, choices: type[models.Choices], code: str) -> str:
        table = self._tables.get(choices)
        if table is None:
            table = self._tables[choices] = {str(c): str(label) for c, label in choices.choices}
        return table.get(code, code)

    def coded(self, choices: type[models.Choices], code: str) -> dict[str, str]:
        return {"code": code, "label": self.label(choices, code)}
