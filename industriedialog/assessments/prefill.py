"""Facts the registry already knows, turned into a criterion's level (not asked again)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from industriedialog.registry import selectors as registry_selectors
from industriedialog.registry.models import Initiative
from industriedialog.registry.vocabularies import (
    TRIPARTITE_GROUPS,
    ActorGroup,
    MeetingFrequency,
    MembershipRole,
)

from .models import Prefill


@dataclass(frozen=True)
class Fact:
    level: int  # on a 1…n scale of the criterion, clamped by the caller
    text: str  # what the registry says, shown to the representative


def _actor_groups(initiative: Initiative, today: datetime.date) -> Fact:
    groups = registry_selectors.initiative_actor_groups(initiative)
    labels = ", ".join(g.label for g in groups) or _("keine")
    return Fact(max(1, len(groups)), _("Akteursgruppen im Verzeichnis: %s") % labels)


def _tripartite(initiative: Initiative, today: datetime.date) -> Fact:
    present = {g.group for g in registry_selectors.initiative_actor_groups(initiative)}
    core = sum(1 for group in TRIPARTITE_GROUPS if group in present)
    if core == len(TRIPARTITE_GROUPS):
        extra = {ActorGroup.SCIENCE, ActorGroup.CIVIL_SOCIETY} & present
        if extra:
            return Fact(4, _("tripartit, dazu Wissenschaft oder Zivilgesellschaft"))
        return Fact(3, _("tripartit"))
    return Fact(
        max(1, core),
        ngettext(
            "%(n)d von drei Gruppen (Wirtschaft, Gewerkschaften, Politik)",
            "%(n)d von drei Gruppen (Wirtschaft, Gewerkschaften, Politik)",
            core,
        )
        % {"n": core},
    )


def _members(initiative: Initiative, today: datetime.date) -> Fact:
    count = max(
        len({m.organisation_id for m in initiative.memberships.all()}),
        initiative.member_company_count or 0,
    )
    level = 1 if count < 5 else 2 if count < 15 else 3 if count < 30 else 4 if count < 60 else 5
    return Fact(level, _("%d Mitglieder") % count)


def _office(initiative: Initiative, today: datetime.date) -> Fact:
    roles = [m.role for m in initiative.memberships.all()]
    sponsors = roles.count(MembershipRole.SPONSOR)
    has_office = initiative.office_host_id is not None or MembershipRole.OFFICE in roles
    if has_office and sponsors >= 2:
        return Fact(4, _("Geschäftsstelle und %d Träger") % sponsors)
    if has_office:
        return Fact(3, _("Geschäftsstelle eingetragen"))
    if sponsors:
        return Fact(2, _("Träger eingetragen, keine Geschäftsstelle"))
    return Fact(1, _("weder Geschäftsstelle noch Träger eingetragen"))


def _continuity(initiative: Initiative, today: datetime.date) -> Fact:
    if not initiative.founded_year:
        return Fact(1, _("Gründungsjahr nicht eingetragen"))
    years = today.year - initiative.founded_year
    level = 1 if years < 1 else 2 if years <= 2 else 3 if years <= 5 else 4 if years <= 10 else 5
    return Fact(level, _("gegründet %d") % initiative.founded_year)


_MEETING_LEVEL: dict[str, int] = {
    MeetingFrequency.WEEKLY: 5,
    MeetingFrequency.MONTHLY: 5,
    MeetingFrequency.QUARTERLY: 4,
    MeetingFrequency.HALF_YEARLY: 3,
    MeetingFrequency.YEARLY: 2,
}


def _meetings(initiative: Initiative, today: datetime.date) -> Fact:
    if not initiative.meeting_frequency:
        return Fact(1, _("Treffen nicht angegeben"))
    return Fact(
        _MEETING_LEVEL.get(initiative.meeting_frequency, 1),
        _("Treffen: %s") % initiative.get_meeting_frequency_display(),
    )


def _formats(initiative: Initiative, today: datetime.date) -> Fact:
    names = [str(f.label) for f in initiative.formats.all()]
    n = len(names)
    level = 1 if n == 0 else 2 if n == 1 else 3 if n <= 3 else 4 if n <= 5 else 5
    return Fact(level, _("Formate: %s") % (", ".join(names) or _("keine")))


def _online(initiative: Initiative, today: datetime.date) -> Fact:
    profiles = len([link for link in initiative.social_links or [] if link])
    if not initiative.website:
        return Fact(1, _("keine Website eingetragen"))
    level = 2 if profiles == 0 else 3 if profiles == 1 else 4
    return Fact(level, _("Website und %d Social-Media-Profile") % profiles)


PREFILLS: dict[str, Callable[[Initiative, datetime.date], Fact]] = {
    Prefill.ACTOR_GROUPS: _actor_groups,
    Prefill.TRIPARTITE: _tripartite,
    Prefill.MEMBERS: _members,
    Prefill.OFFICE: _office,
    Prefill.CONTINUITY: _continuity,
    Prefill.MEETINGS: _meetings,
    Prefill.FORMATS: _formats,
    Prefill.ONLINE: _online,
}


def prefill_fact(
    code: str, initiative: Initiative, *, level_count: int, today: datetime.date
) -> Fact:
    fact = PREFILLS[code](initiative, today)
    return Fact(min(max(fact.level, 1), level_count), fact.text)
