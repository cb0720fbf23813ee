"""Reads of the registry, shared by views, API, exports and other apps.

What the public may see is decided here once: contact persons only with recorded consent.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, Prefetch, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from industriedialog.accounts.permissions import can
from industriedialog.common.models import AuditLogEntry
from industriedialog.regions.models import District

from .changes import display_value, field_label
from .models import (
    ChangeProposal,
    ContactPerson,
    Initiative,
    Membership,
    Organisation,
    Representation,
)
from .search import query_stems, stems
from .vocabularies import (
    ACTOR_GROUP_OF_KIND,
    TRIPARTITE_GROUPS,
    ActorGroup,
    Level,
    MembershipRole,
)


def role_order() -> Case:
    """Träger first, then office, members, partners (the order people read a member list)."""
    order = [
        MembershipRole.SPONSOR,
        MembershipRole.OFFICE,
        MembershipRole.MEMBER,
        MembershipRole.PARTNER,
    ]
    return Case(
        *(When(role=role, then=Value(i)) for i, role in enumerate(order)),
        default=Value(len(order)),
        output_field=IntegerField(),
    )


ACTOR_GROUP_ANNOTATIONS = {f"has_{group}": group for group in ActorGroup.values}


def initiatives_public() -> QuerySet[Initiative]:
    """Every entry of the directory (the public sees all statuses; filters narrow it)."""
    return Initiative.objects.all()


def initiatives_search(
    query: str, queryset: QuerySet[Initiative] | None = None
) -> QuerySet[Initiative]:
    """Entries whose German stems contain every stem of ``query`` (see search.py)."""
    queryset = initiatives_public() if queryset is None else queryset
    for term in query_stems(query):
        queryset = queryset.filter(search_text__contains=term)
    return queryset


def initiatives_for_listing_page(ids: list[int]) -> list[Initiative]:
    """The rows of one result page, in the given order, with ``has_<group>`` attributes.
    The actor groups come from one query over these rows' memberships: on PostgreSQL the
    EXISTS annotations became hashed subplans over all memberships, which cost more than
    the rest of the page."""
    rows = {
        i.pk: i
        for i in Initiative.objects.filter(pk__in=ids)
        .select_related("seat_district__state")
        .prefetch_related("states", "fields_of_action")
    }
    kinds: dict[int, set[str]] = {pk: set() for pk in rows}
    memberships = Membership.objects.filter(initiative_id__in=ids).values_list(
        "initiative_id", "organisation__kind"
    )
    for initiative_id, kind in memberships.order_by().distinct():
        kinds[initiative_id].add(kind)
    for pk, initiative in rows.items():
        set_actor_groups(initiative, kinds[pk])
    return [rows[pk] for pk in ids if pk in rows]


def set_actor_groups(initiative: Initiative, kinds: Iterable[str]) -> None:
    """Set the ``has_<group>`` attributes of a listing row from its members' kinds."""
    present = {ACTOR_GROUP_OF_KIND.get(kind) for kind in kinds}
    for name, group in ACTOR_GROUP_ANNOTATIONS.items():
        setattr(initiative, name, group in present)


def actor_groups_of_row(initiative: Initiative) -> list[str]:
    """Groups present on a row loaded by ``initiatives_for_listing_page``."""
    return [group for name, group in ACTOR_GROUP_ANNOTATIONS.items() if getattr(initiative, name)]


def facet_counts(queryset: QuerySet[Initiative]) -> dict[str, dict[str, int]]:
    """How many of ``queryset`` fall into each state, level, status and field of action, and
    their total (``["total"]["all"]``), in two queries: the hits' level and status, then one
    UNION ALL over their state and field-of-action links."""
    counts: dict[str, dict[str, int]] = {"state": {}, "level": {}, "status": {}, "field": {}}
    total = 0
    for level, status in queryset.order_by().values_list("level", "status"):
        total += 1
        counts["level"][level] = counts["level"].get(level, 0) + 1
        counts["status"][status] = counts["status"].get(status, 0) + 1
    counts["total"] = {"all": total}
    if not total:
        return counts
    ids = queryset.order_by().values("pk")

    def link_counts(through: Any, facet: str, code: str) -> QuerySet:
        return (
            through.objects.filter(initiative_id__in=ids)
            .annotate(facet=Value(facet))
            .values_list("facet", code)
            .annotate(n=Count("id"))
            .order_by()
        )

    states = link_counts(Initiative.states.through, "state", "state__code")
    fields = link_counts(Initiative.fields_of_action.through, "field", "fieldofaction__code")
    for facet, code, n in states.union(fields, all=True):
        counts[facet][code] = n
    return counts


def initiative_get_public(slug: str) -> Initiative:
    return get_object_or_404(
        Initiative.objects.select_related("seat_district__state", "office_host").prefetch_related(
            "states",
            "districts__state",
            "fields_of_action",
            "target_groups",
            "formats",
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("organisation__district").order_by(
                    role_order(), "organisation__name"
                ),
            ),
        ),
        slug=slug,
    )


@dataclass(frozen=True)
class ActorGroupSummary:
    group: str
    label: str
    organisations: list[Organisation]


def initiative_actor_groups(initiative: Initiative) -> list[ActorGroupSummary]:
    """The actor groups present among the members, in the glossary's order."""
    by_group: dict[str, list[Organisation]] = {}
    for membership in initiative.memberships.all():
        group = membership.organisation.actor_group
        if group:
            orgs = by_group.setdefault(group, [])
            if membership.organisation not in orgs:
                orgs.append(membership.organisation)
    return [
        ActorGroupSummary(group=value, label=str(label), organisations=by_group[value])
        for value, label in ActorGroup.choices
        if value in by_group
    ]


def initiative_is_tripartite(initiative: Initiative) -> bool:
    """Business, unions and politics all present: computed from the members, never typed in."""
    present = {summary.group for summary in initiative_actor_groups(initiative)}
    return all(group in present for group in TRIPARTITE_GROUPS)


def initiative_contacts_for(user: Any, initiative: Initiative) -> QuerySet[ContactPerson]:
    """Staff see every contact; everybody else only those with recorded consent."""
    contacts = initiative.contacts.select_related("organisation")
    if can(user, "registry.view_private_contacts"):
        return contacts
    return contacts.published()


def initiative_covered_districts(initiative: Initiative) -> QuerySet[District]:
    """A state-level initiative covers all current districts of its states."""
    if initiative.level == Level.STATE:
        return District.objects.current().filter(state__in=initiative.states.all())
    return initiative.districts.all()


def memberships_by_role(initiative: Initiative) -> dict[str, list[Membership]]:
    grouped: dict[str, list[Membership]] = {role: [] for role in MembershipRole.values}
    for membership in initiative.memberships.all():
        grouped[membership.role].append(membership)
    return grouped


@dataclass(frozen=True)
class HistoryChange:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime.datetime
    actor: Any
    action: str
    changes: list[HistoryChange]
    data: dict


def history_for(obj: Initiative | Organisation) -> list[HistoryEntry]:
    """The change history of an entry, newest first, with readable old and new values."""
    model = type(obj)
    entries = (
        AuditLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=str(obj.pk)
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )
    result = []
    for entry in entries:
        changes = [
            HistoryChange(
                field=name,
                label=field_label(model, name),
                old=_safe_display(model, name, values[0]),
                new=_safe_display(model, name, values[1]),
            )
            for name, values in (entry.data.get("changes") or {}).items()
        ]
        result.append(
            HistoryEntry(
                at=entry.created_at,
                actor=entry.actor,
                action=entry.action,
                changes=changes,
                data=entry.data,
            )
        )
    return result


def _safe_display(model: Any, name: str, value: Any) -> str:
    try:
        return display_value(model, name, value)
    except Exception:  # noqa: BLE001 - a removed field or vocabulary entry shows its raw value
        return str(value)


def _normalise(name: str) -> str:
    return " ".join(stems(name))


def initiatives_similar(
    *, name: str, state_codes: list[str], exclude_pk: int | None = None, limit: int = 5
) -> list[Initiative]:
    """Entries in the same state(s) whose name looks like ``name`` (duplicate check)."""
    if not name.strip() or not state_codes:
        return []
    candidates = Initiative.objects.filter(states__code__in=state_codes).distinct()
    if exclude_pk:
        candidates = candidates.exclude(pk=exclude_pk)
    wanted = _normalise(name)
    wanted_stems = set(wanted.split())
    scored = []
    for initiative in candidates.only("pk", "name", "slug", "short_name"):
        other = _normalise(initiative.name)
        ratio = difflib.SequenceMatcher(None, wanted, other).ratio()
        overlap = wanted_stems & set(other.split())
        significant = {s for s in overlap if len(s) > 5}
        if ratio >= 0.75 or (significant and ratio >= 0.5):
            scored.append((ratio, initiative))
    scored.sort(key=lambda pair: -pair[0])
    return [initiative for _ratio, initiative in scored[:limit]]


def initiatives_due_for_verification(*, today: datetime.date) -> QuerySet[Initiative]:
    """Overdue entries (``initiatives_overdue_for_verification``) not reminded in the last
    30 days: the ones the reminder run writes to."""
    from django.db.models import Q

    month_ago = today - datetime.timedelta(days=30)
    return initiatives_overdue_for_verification(today=today).filter(
        Q(verification_reminder_sent_at__isnull=True)
        | Q(verification_reminder_sent_at__date__lte=month_ago)
    )


def representatives_of(initiative: Initiative) -> QuerySet[Any]:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        is_active=True,
        representations__initiative=initiative,
        representations__state=Representation.State.APPROVED,
    )


def initiatives_represented_by(user: Any) -> QuerySet[Initiative]:
    if not user.is_authenticated:
        return Initiative.objects.none()
    return Initiative.objects.filter(
        representations__user=user, representations__state=Representation.State.APPROVED
    ).distinct()


def representation_claims_pending() -> QuerySet[Representation]:
    return Representation.objects.filter(state=Representation.State.PENDING).select_related(
        "user", "initiative"
    )


def change_proposals_open() -> QuerySet[ChangeProposal]:
    return ChangeProposal.objects.filter(state=ChangeProposal.State.OPEN).select_related(
        "initiative", "proposed_by"
    )


def _centroid(district: District | None) -> tuple[float, float] | None:
    if district is None:
        return None
    lat, lon = getattr(district, "centroid_lat", None), getattr(district, "centroid_lon", None)
    if lat is None or lon is None:
        return None
    return float(lat), float(lon)


def initiative_map_points(
    queryset: QuerySet[Initiative],
) -> tuple[list[dict[str, Any]], list[Initiative]]:
    """One point per initiative: its seat's district, else the middle of the districts it
    covers, else (state level) the middle of its state. Returns points and the initiatives
    that have no location yet."""
    initiatives = list(
        queryset.select_related("seat_district").prefetch_related("states", "districts")
    )
    state_ids = {s.pk for i in initiatives for s in i.states.all()}
    state_centres: dict[int, tuple[float, float]] = {}
    by_state: dict[int, list[tuple[float, float]]] = {}
    for district in District.objects.current().filter(state_id__in=state_ids):
        point = _centroid(district)
        if point:
            by_state.setdefault(district.state_id, []).append(point)
    for state_id, coords in by_state.items():
        state_centres[state_id] = (
            sum(c[0] for c in coords) / len(coords),
            sum(c[1] for c in coords) / len(coords),
        )
    points, missing = [], []
    for initiative in initiatives:
        point = _centroid(initiative.seat_district)
        if point is None:
            coords = [c for c in (_centroid(d) for d in initiative.districts.all()) if c]
            if coords:
                point = (
                    sum(c[0] for c in coords) / len(coords),
                    sum(c[1] for c in coords) / len(coords),
                )
        if point is None and initiative.level == Level.STATE:
            states = [state_centres[s.pk] for s in initiative.states.all() if s.pk in state_centres]
            point = states[0] if states else None
        if point is None:
            missing.append(initiative)
            continue
        points.append(
            {
                "name": initiative.name,
                "url": initiative.get_absolute_url(),
                "lat": round(point[0], 4),
                "lon": round(point[1], 4),
                "level": initiative.level,
                "level_label": str(initiative.get_level_display()),
                "status_label": str(initiative.get_status_display()),
                "states": ", ".join(s.name for s in initiative.states.all()),
            }
        )
    return points, missing


# Self-service and reminders ----------------------------------------------------------------
# Reads for the representatives' self-service, the staff review of claims and proposals, and
# the update reminders (views_self_service, tasks, the staff dashboard).


def representation_claims_of(user: Any) -> QuerySet[Representation]:
    """The claims of ``user`` that staff have not decided yet."""
    if not user.is_authenticated:
        return Representation.objects.none()
    return Representation.objects.filter(
        user=user, state=Representation.State.PENDING
    ).select_related("initiative")


def representation_open_claim(*, user: Any, initiative: Initiative) -> Representation | None:
    """The pending or approved claim of ``user`` on ``initiative`` (at most one exists)."""
    if not user.is_authenticated:
        return None
    return Representation.objects.filter(
        user=user,
        initiative=initiative,
        state__in=[Representation.State.PENDING, Representation.State.APPROVED],
    ).first()


def representations_approved() -> QuerySet[Representation]:
    return Representation.objects.filter(state=Representation.State.APPROVED).select_related(
        "user", "initiative", "decided_by"
    )


def change_proposals_of(user: Any) -> QuerySet[ChangeProposal]:
    """Everything ``user`` has proposed, newest first."""
    if not user.is_authenticated:
        return ChangeProposal.objects.none()
    return ChangeProposal.objects.filter(proposed_by=user).select_related("initiative")


@dataclass(frozen=True)
class ProposalRow:
    """One field of a change proposal as people read it."""

    field: str
    label: str
    old: str
    new: str
    current: str
    is_stale: bool
    decision: str

    @property
    def decision_label(self) -> str:
        from django.utils.translation import gettext as _

        return {"accepted": _("übernommen"), "rejected": _("abgelehnt")}.get(
            self.decision, _("offen")
        )


def change_proposal_rows(
    proposal: ChangeProposal, *, with_current: bool = False
) -> list[ProposalRow]:
    """The proposed fields in form order; with ``with_current`` also today's value and whether
    the entry changed since the proposal was made (its "old" value is no longer current)."""
    from django.utils.text import capfirst

    from .changes import INITIATIVE_FIELDS, initiative_snapshot

    current = initiative_snapshot(proposal.initiative) if with_current else {}
    order = {name: i for i, name in enumerate(INITIATIVE_FIELDS)}
    rows = []
    for name in sorted(proposal.changes, key=lambda n: (order.get(n, len(order)), n)):
        values = proposal.changes[name]
        old, new = values.get("old"), values.get("new")
        rows.append(
            ProposalRow(
                field=name,
                label=capfirst(field_label(Initiative, name)),
                old=_safe_display(Initiative, name, old),
                new=_safe_display(Initiative, name, new),
                current=_safe_display(Initiative, name, current.get(name)) if with_current else "",
                is_stale=with_current and current.get(name) != old,
                decision=(proposal.decisions or {}).get(name, ""),
            )
        )
    return rows


def initiative_facts(initiative: Initiative) -> list[tuple[str, str]]:
    """Label and readable value of every field staff maintain (the verification page)."""
    from django.utils.text import capfirst

    from .changes import INITIATIVE_FIELDS, initiative_snapshot

    values = initiative_snapshot(initiative)
    return [
        (capfirst(field_label(Initiative, name)), _safe_display(Initiative, name, values[name]))
        for name in INITIATIVE_FIELDS
    ]


def advisors_active() -> QuerySet[Any]:
    """Active accounts with the advisor role: they look after entries nobody represents."""
    from django.contrib.auth import get_user_model

    from industriedialog.accounts.roles import Role, group_name

    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=group_name(Role.ADVISOR))
        .exclude(email="")
        .distinct()
    )


def initiatives_overdue_for_verification(*, today: datetime.date) -> QuerySet[Initiative]:
    """Entries not verified for 12 months (or never), whether or not a reminder went out."""
    from django.db.models import F, Q

    year_ago = today - datetime.timedelta(days=365)
    return (
        Initiative.objects.real()
        .exclude(status="ended")
        .filter(Q(last_verified_on__isnull=True) | Q(last_verified_on__lte=year_ago))
        .order_by(F("last_verified_on").asc(nulls_first=True), "name")
    )


@dataclass(frozen=True)
class StaffTask:
    """A count of things waiting for staff, with the page where they are dealt with."""

    key: str
    label: str
    count: int
    url: str


def registry_staff_tasks(user: Any) -> list[StaffTask]:
    """What waits for ``user`` in the registry: pending claims, open proposals, entries whose
    yearly check is overdue (only the kinds ``user`` may deal with)."""
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.translation import gettext as _

    tasks = []
    if can(user, "registry.decide_claims"):
        tasks.append(
            StaffTask(
                key="claims",
                label=_("Anträge auf Vertretung"),
                count=representation_claims_pending().count(),
                url=reverse("registry:staff_representation_list"),
            )
        )
    if can(user, "registry.decide_proposals"):
        tasks.append(
            StaffTask(
                key="proposals",
                label=_("Offene Änderungsvorschläge"),
                count=change_proposals_open().count(),
                url=reverse("registry:staff_proposal_list"),
            )
        )
    if can(user, "registry.manage_registry"):
        tasks.append(
            StaffTask(
                key="verification",
                label=_("Einträge seit über einem Jahr nicht geprüft"),
                count=initiatives_overdue_for_verification(today=timezone.localdate()).count(),
                url=reverse("registry:staff_verification_list"),
            )
        )
    return tasks


@dataclass(frozen=True)
class SectionLink:
    title: str
    url: str
    text: str = ""


@dataclass(frozen=True)
class InitiativeSection:
    """A list of links another app shows on an initiative's public page (good practice, ...)."""

    key: str
    heading: str
    links: list[SectionLink]


def initiative_sections(initiative: Initiative) -> list[InitiativeSection]:
    """Sections the feature apps add to an initiative's page (settings.INITIATIVE_SECTION_
    PROVIDERS: functions initiative -> InitiativeSection | None), so the registry never imports
    a feature app."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    sections = []
    for dotted in getattr(settings, "INITIATIVE_SECTION_PROVIDERS", []):
        section = import_string(dotted)(initiative)
        if section is not None and section.links:
            sections.append(section)
    return sections
