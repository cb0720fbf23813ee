"""Views of the registry: public directory and back office (thin: input, permission, service
or selector, render)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from industriedialog.accounts.permissions import can, permission_required, require
from industriedialog.common.querystrings import query_without_page
from industriedialog.regions.selectors import state_shapes_url

from . import selectors, services
from .filters import InitiativeFilter
from .forms import (
    ContactPersonForm,
    InitiativeForm,
    MembershipAddForm,
    MembershipForm,
    OrganisationForm,
)
from .models import ContactPerson, Initiative, Membership, Organisation
from .vocabularies import ActorGroup, FieldOfActionCode, Labels, Level, OrganisationKind, Status

PAGE_SIZE = 20
FACETS = ("state", "level", "status", "field")


def _page(request: HttpRequest, queryset: Any, per_page: int = PAGE_SIZE) -> Any:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def _facet_groups(filterset: InitiativeFilter, counts: dict[str, dict[str, int]]) -> list[dict]:
    """Checkbox groups with the number of hits per option, for the directory's side bar."""
    groups = []
    for name in FACETS:
        bound = filterset.form[name]
        selected = {str(v) for v in (bound.value() or [])}
        options = []
        for widget in bound:
            value = str(widget.data["value"])
            options.append(
                {
                    "widget": widget,
                    "value": value,
                    "label": widget.choice_label,
                    "count": counts[name].get(value, 0),
                    "checked": value in selected,
                }
            )
        groups.append({"name": name, "field": bound, "options": options, "selected": selected})
    return groups


def initiative_list(request: HttpRequest) -> HttpResponse:
    filterset = InitiativeFilter(request.GET or None, queryset=selectors.initiatives_public())
    results = filterset.qs
    counts = selectors.facet_counts(results)
    paginator = Paginator(results.only("pk"), PAGE_SIZE)
    paginator.count = counts["total"]["all"]  # already counted with the facets
    page = paginator.get_page(request.GET.get("page"))
    rows = selectors.initiatives_for_listing_page([i.pk for i in page.object_list])
    labels = Labels()
    context = {
        "filter": filterset,
        "page": page,
        "rows": [
            {
                "initiative": i,
                "level": labels.label(Level, i.level),
                "status": labels.label(Status, i.status),
                "fields": [
                    labels.label(FieldOfActionCode, f.code) for f in i.fields_of_action.all()
                ],
                "groups": [labels.label(ActorGroup, g) for g in selectors.actor_groups_of_row(i)],
            }
            for i in rows
        ],
        "total": page.paginator.count,
        "query": query_without_page(request),
        "facets": _facet_groups(filterset, counts),
        "actor_groups": ActorGroup,
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "registry/includes/initiative_results.html", context)
    return render(request, "registry/initiative_list.html", context)


def initiative_map(request: HttpRequest) -> HttpResponse:
    filterset = InitiativeFilter(request.GET or None, queryset=selectors.initiatives_public())
    points, without_location = selectors.initiative_map_points(filterset.qs)
    return render(
        request,
        "registry/initiative_map.html",
        {
            "filter": filterset,
            "points": points,
            "without_location": without_location,
            "query": query_without_page(request),
            "states_url": state_shapes_url(),
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = selectors.initiative_get_public(slug)
    return render(
        request,
        "registry/initiative_detail.html",
        {
            "initiative": initiative,
            "actor_groups": selectors.initiative_actor_groups(initiative),
            "is_tripartite": selectors.initiative_is_tripartite(initiative),
            "memberships": selectors.memberships_by_role(initiative),
            "contacts": selectors.initiative_contacts_for(request.user, initiative),
            "sections": selectors.initiative_sections(initiative),
            "covers_whole_state": initiative.level == "state",
            "can_edit": can(request.user, "registry.change_initiative", initiative),
            "can_propose": can(request.user, "registry.propose_change", initiative),
            "can_claim": can(request.user, "registry.claim_initiative", initiative),
        },
    )


# Back office --------------------------------------------------------------------------------


@permission_required("registry.manage_registry")
def staff_initiative_list(request: HttpRequest) -> HttpResponse:
    filterset = InitiativeFilter(request.GET or None, queryset=selectors.initiatives_public())
    results = filterset.qs.select_related("last_verified_by").prefetch_related("states")
    if request.GET.get("due") == "1":
        from django.utils import timezone

        due = selectors.initiatives_due_for_verification(today=timezone.localdate())
        results = results.filter(pk__in=due.values("pk"))
    return render(
        request,
        "registry/staff_initiative_list.html",
        {
            "filter": filterset,
            "page": _page(request, results, 50),
            "query": query_without_page(request),
            "due_only": request.GET.get("due") == "1",
        },
    )


def _similar_for(data: Any, exclude_pk: int | None = None) -> list[Initiative]:
    """Possible duplicates for the name and states typed into the form."""
    from industriedialog.regions.models import State

    name = (data.get("name") or "").strip()
    ids = [v for v in data.getlist("states") if str(v).isdigit()]
    codes = list(State.objects.filter(pk__in=ids).values_list("code", flat=True))
    return selectors.initiatives_similar(name=name, state_codes=codes, exclude_pk=exclude_pk)


@permission_required("registry.manage_registry")
def staff_initiative_create(request: HttpRequest) -> HttpResponse:
    similar: list[Initiative] = []
    if request.method == "POST":
        similar = _similar_for(request.POST)
    form = InitiativeForm(request.POST or None, request.FILES or None, similar=similar)
    if request.method == "POST" and form.is_valid():
        try:
            initiative = services.initiative_create(actor=request.user, **form.service_data())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Initiative wurde angelegt."))
            return redirect("registry:staff_initiative_edit", pk=initiative.pk)
    return render(
        request,
        "registry/staff_initiative_form.html",
        {"form": form, "similar": similar, "initiative": None},
    )


@permission_required("registry.manage_registry")
def staff_initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative, pk=pk)
    require(request.user, "registry.change_initiative", initiative)
    form = InitiativeForm(request.POST or None, request.FILES or None, instance=initiative)
    if request.method == "POST" and form.is_valid():
        fresh = Initiative.objects.get(pk=pk)
        try:
            changes = services.initiative_update(
                initiative=fresh, actor=request.user, **form.service_data()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if changes:
                messages.success(request, _("Die Änderungen wurden gespeichert."))
            else:
                messages.info(request, _("Es gab nichts zu ändern."))
            return redirect("registry:staff_initiative_edit", pk=pk)
    return render(
        request,
        "registry/staff_initiative_form.html",
        {
            "form": form,
            "initiative": initiative,
            "similar": [],
            "memberships": initiative.memberships.select_related("organisation"),
            "contacts": initiative.contacts.select_related("organisation"),
        },
    )


@permission_required("registry.manage_registry")
def staff_duplicate_check(request: HttpRequest) -> HttpResponse:
    """htmx: similar entries while a new entry is typed in."""
    exclude = request.GET.get("exclude") or ""
    similar = _similar_for(request.GET, int(exclude) if exclude.isdigit() else None)
    return render(request, "registry/includes/similar_initiatives.html", {"similar": similar})


@permission_required("registry.view_history")
def staff_initiative_history(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative, pk=pk)
    return render(
        request,
        "registry/staff_history.html",
        {"object": initiative, "history": selectors.history_for(initiative), "kind": "initiative"},
    )


@require_POST
@permission_required("registry.manage_registry")
def staff_initiative_verify(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative, pk=pk)
    require(request.user, "registry.change_initiative", initiative)
    services.initiative_verify(initiative=initiative, actor=request.user)
    messages.success(request, _("Der Eintrag ist als geprüft markiert."))
    return redirect(request.POST.get("next") or "registry:staff_initiative_edit", pk=pk)


@permission_required("registry.manage_registry")
def staff_membership_manage(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative, pk=pk)
    require(request.user, "registry.change_initiative", initiative)
    search = (request.GET.get("suche") or request.POST.get("suche") or "").strip()
    candidates = (
        Organisation.objects.filter(name__icontains=search).select_related("district")[:20]
        if len(search) >= 2
        else Organisation.objects.none()
    )
    add_form = MembershipAddForm(
        request.POST if request.POST.get("action") == "add" else None,
        candidates=Organisation.objects.all(),
    )
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add" and add_form.is_valid():
            data = add_form.cleaned_data
            try:
                organisation = data["organisation"] or services.organisation_create(
                    actor=request.user, name=data["new_name"], kind=data["new_kind"]
                )
                services.membership_add(
                    initiative=initiative,
                    organisation=organisation,
                    role=data["role"],
                    since=data["since"],
                    actor=request.user,
                )
            except ValidationError as error:
                add_form.add_error(None, error)
            else:
                messages.success(request, _("Die Mitgliedschaft wurde eingetragen."))
                return redirect("registry:staff_membership_manage", pk=pk)
        elif action in {"update", "remove"}:
            membership = get_object_or_404(
                Membership, pk=request.POST.get("membership"), initiative=initiative
            )
            if action == "remove":
                services.membership_remove(membership=membership, actor=request.user)
                messages.success(request, _("Die Mitgliedschaft wurde entfernt."))
                return redirect("registry:staff_membership_manage", pk=pk)
            form = MembershipForm(
                request.POST,
                instance=Membership.objects.get(pk=membership.pk),
                prefix=f"m{membership.pk}",
            )
            if form.is_valid():
                services.membership_update(
                    membership=membership,
                    actor=request.user,
                    role=form.cleaned_data["role"],
                    since=form.cleaned_data["since"],
                )
                messages.success(request, _("Die Mitgliedschaft wurde geändert."))
                return redirect("registry:staff_membership_manage", pk=pk)
            messages.error(request, _("Bitte die Angaben zur Mitgliedschaft prüfen."))
    memberships = initiative.memberships.select_related("organisation").order_by(
        selectors.role_order(), "organisation__name"
    )
    return render(
        request,
        "registry/staff_membership_manage.html",
        {
            "initiative": initiative,
            "rows": [(m, MembershipForm(instance=m, prefix=f"m{m.pk}")) for m in memberships],
            "add_form": add_form,
            "search": search,
            "candidates": candidates,
            "is_tripartite": selectors.initiative_is_tripartite(initiative),
            "actor_groups": selectors.initiative_actor_groups(initiative),
        },
    )


def _contact_form_save(
    request: HttpRequest, form: ContactPersonForm, initiative: Initiative, contact: Any
) -> ContactPerson:
    data = {name: form.cleaned_data[name] for name in form.Meta.fields}
    if contact is None:
        contact = services.contact_create(initiative=initiative, actor=request.user, **data)
    else:
        services.contact_update(contact=contact, actor=request.user, **data)
    consent = form.cleaned_data["consent"]
    method = form.cleaned_data["consent_method_choice"]
    note = form.cleaned_data["consent_note_text"]
    if consent and (
        not contact.has_consent or contact.consent_method != method or contact.consent_note != note
    ):
        services.contact_record_consent(
            contact=contact, method=method, note=note, actor=request.user
        )
    elif not consent and contact.has_consent:
        services.contact_withdraw_consent(contact=contact, actor=request.user)
    return contact


@permission_required("registry.manage_registry")
def staff_contact_create(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative, pk=pk)
    require(request.user, "registry.change_initiative", initiative)
    form = ContactPersonForm(request.POST or None, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        _contact_form_save(request, form, initiative, None)
        messages.success(request, _("Die Ansprechperson wurde angelegt."))
        return redirect("registry:staff_initiative_edit", pk=pk)
    return render(
        request,
        "registry/staff_contact_form.html",
        {"form": form, "initiative": initiative, "contact": None},
    )


@permission_required("registry.manage_registry")
def staff_contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(ContactPerson.objects.select_related("initiative"), pk=pk)
    initiative = contact.initiative
    require(request.user, "registry.change_initiative", initiative)
    if request.method == "POST" and request.POST.get("action") == "delete":
        services.contact_delete(contact=contact, actor=request.user)
        messages.success(request, _("Die Ansprechperson wurde gelöscht."))
        return redirect("registry:staff_initiative_edit", pk=initiative.pk)
    form = ContactPersonForm(request.POST or None, instance=contact, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        fresh = ContactPerson.objects.get(pk=pk)
        _contact_form_save(request, form, initiative, fresh)
        messages.success(request, _("Die Ansprechperson wurde gespeichert."))
        return redirect("registry:staff_initiative_edit", pk=initiative.pk)
    return render(
        request,
        "registry/staff_contact_form.html",
        {"form": form, "initiative": initiative, "contact": contact},
    )


@permission_required("registry.manage_registry")
def staff_organisation_list(request: HttpRequest) -> HttpResponse:
    search = (request.GET.get("q") or "").strip()
    kind = request.GET.get("kind") or ""
    organisations = Organisation.objects.select_related("district__state")
    if search:
        organisations = organisations.filter(
            Q(name__icontains=search) | Q(website__icontains=search)
        )
    if kind in OrganisationKind.values:
        organisations = organisations.filter(kind=kind)
    return render(
        request,
        "registry/staff_organisation_list.html",
        {
            "page": _page(request, organisations, 50),
            "search": search,
            "kind": kind,
            "kinds": OrganisationKind.choices,
            "query": query_without_page(request),
        },
    )


@permission_required("registry.manage_registry")
def staff_organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.organisation_create(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Die Organisation wurde angelegt."))
        return redirect("registry:staff_organisation_list")
    return render(
        request, "registry/staff_organisation_form.html", {"form": form, "organisation": None}
    )


@permission_required("registry.manage_registry")
def staff_organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(
            organisation=Organisation.objects.get(pk=pk), actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("Die Organisation wurde gespeichert."))
        return redirect("registry:staff_organisation_edit", pk=pk)
    return render(
        request,
        "registry/staff_organisation_form.html",
        {
            "form": form,
            "organisation": organisation,
            "memberships": organisation.memberships.select_related("initiative"),
        },
    )


@permission_required("registry.view_history")
def staff_organisation_history(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    return render(
        request,
        "registry/staff_history.html",
        {
            "object": organisation,
            "history": selectors.history_for(organisation),
            "kind": "organisation",
        },
    )
