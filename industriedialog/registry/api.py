"""Open-data API of the registry (read-only JSON under /api/v1/, licensed DL-DE BY 2.0).

The initiative list takes exactly the directory's filters (``InitiativeFilter``), so a filtered
directory URL and an API URL with the same query string return the same entries. Mounted in
config/urls.py with ``include("industriedialog.registry.api")``.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable
from typing import Any

import django_filters
from django import forms
from django.core.cache import cache
from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, reverse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Router, Swagger
from ninja.errors import HttpError

from industriedialog.regions.models import District
from industriedialog.regions.reference import STATES

from . import selectors
from .constants import DATA_LICENCE
from .filters import InitiativeFilter
from .models import ContactPerson, Initiative, Membership, Organisation
from .schemas import InitiativeOut, InitiativePage, Labels, OrganisationPage, Problem
from .vocabularies import (
    ACTOR_GROUP_OF_KIND,
    TRIPARTITE_GROUPS,
    ActorGroup,
    EventFormatCode,
    FieldOfActionCode,
    Level,
    MeetingFrequency,
    MembershipRole,
    OrganisationKind,
    Status,
    TargetGroupCode,
)

PAGE_SIZE_DEFAULT = 20
PAGE_SIZE_MAX = 100
CACHE_SECONDS = 300
# How long the time a URL first gave its current body is remembered (any query string is a
# URL of its own, so not forever); afterwards Last-Modified starts again at "now".
VALIDATOR_SECONDS = 24 * 3600

DESCRIPTION = _(
    "Offene Daten der Servicestelle für regionale Industrieinitiativen: alle Initiativen des "
    "Verzeichnisses mit ihren Mitgliedern, Handlungsfeldern und – nur mit deren Einwilligung – "
    "ihren Ansprechpersonen.\n\n"
    "**Lizenz:** Datenlizenz Deutschland – Namensnennung – Version 2.0 "
    "(https://www.govdata.de/dl-de/by-2-0). Bitte nennen Sie als Quelle „Industriedialog – "
    "Servicestelle für regionale Industrieinitiativen“ mit einem Link auf diese Schnittstelle "
    "(jede Antwort der Liste enthält den Quellenvermerk im Feld `attribution`).\n\n"
    "**Filter:** Die Liste kennt dieselben Parameter wie das Verzeichnis unter /initiativen/; "
    "mehrfach erlaubte Parameter werden wiederholt (`?state=TH&state=SN`). Ungültige Werte "
    "ergeben HTTP 400 mit einer Meldung, die den Parameter nennt.\n\n"
    "**Seiten:** `page` (ab 1) und `page_size` (höchstens 100, Vorgabe 20); `next` und "
    "`previous` enthalten die Adressen der Nachbarseiten.\n\n"
    "Nur lesender Zugriff (GET, HEAD), ohne Anmeldung und ohne Cookies; Antworten dürfen von "
    "jeder Website abgerufen (CORS) und fünf Minuten zwischengespeichert werden."
)


class ParameterError(Exception):
    """Invalid query parameters; ``errors`` maps each parameter to its German messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


class PageForm(forms.Form):
    page = forms.IntegerField(min_value=1, required=False)
    page_size = forms.IntegerField(min_value=1, max_value=PAGE_SIZE_MAX, required=False)


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="name", lookup_expr="icontains", label=_("Name enthält")
    )
    kind = django_filters.MultipleChoiceFilter(choices=OrganisationKind.choices, label=_("Art"))

    class Meta:
        model = Organisation
        fields: list[str] = []


api = NinjaAPI(
    title="Industriedialog – Offene Daten",
    version="1",
    description=DESCRIPTION,  # type: ignore[arg-type]  # rendered per request language
    urls_namespace="api_v1",
    docs=Swagger(settings={"validatorUrl": None, "defaultModelsExpandDepth": 0}),
    openapi_extra={
        "info": {"license": {"name": DATA_LICENCE["name"], "url": DATA_LICENCE["url"]}},
    },
)
router = Router(tags=[_("Initiativen")])  # type: ignore[list-item]
organisations_router = Router(tags=[_("Organisationen")])  # type: ignore[list-item]


@api.exception_handler(ParameterError)
def _parameter_error(request: HttpRequest, exc: ParameterError) -> HttpResponse:
    return api.create_response(request, problem(exc.errors), status=400)


def problem(errors: dict[str, list[str]]) -> dict[str, Any]:
    """The 400 body: one sentence naming every bad parameter, and the messages per parameter."""
    detail = "; ".join(
        gettext("Parameter „%(name)s“: %(message)s") % {"name": name, "message": " ".join(messages)}
        for name, messages in errors.items()
    )
    return {"detail": detail, "errors": errors}


# --- the same filters as the directory, documented as query parameters ---------------------------
def _filter_schema(name: str, flt: django_filters.Filter) -> dict[str, Any]:
    if isinstance(flt, django_filters.BooleanFilter):
        return {"type": "boolean"}
    if isinstance(flt, django_filters.NumberFilter):
        attrs = getattr(flt.extra.get("widget"), "attrs", {})
        return {"type": "integer", "minimum": attrs.get("min"), "maximum": attrs.get("max")}
    codes: list[str] | None = None
    if name == "state":
        codes = [state.code for state in STATES]
    elif isinstance(flt, django_filters.ModelMultipleChoiceFilter):
        model_field = flt.extra["queryset"].model._meta.get_field(flt.extra["to_field_name"])
        codes = [str(code) for code, _label in model_field.choices or []] or None
    elif isinstance(flt, django_filters.ChoiceFilter | django_filters.MultipleChoiceFilter):
        codes = [str(code) for code, _label in flt.extra["choices"]]
    item: dict[str, Any] = {"type": "string", **({"enum": codes} if codes else {})}
    if isinstance(
        flt, django_filters.MultipleChoiceFilter | django_filters.ModelMultipleChoiceFilter
    ):
        return {"type": "array", "items": item}
    return item


def filter_parameters(filterset: type[django_filters.FilterSet]) -> list[dict[str, Any]]:
    """OpenAPI query parameters generated from a filter set, so the schema never drifts."""
    params = []
    for name, flt in filterset.base_filters.items():
        schema = {k: v for k, v in _filter_schema(name, flt).items() if v is not None}
        description: Any = flt.label
        if flt.extra.get("help_text"):
            description = format_lazy("{} – {}", description, flt.extra["help_text"])
        if schema["type"] == "array":
            description = format_lazy("{} ({})", description, _("mehrfach möglich"))
        param: dict[str, Any] = {
            "in": "query",
            "name": name,
            "required": False,
            "description": description,
            "schema": schema,
        }
        if schema["type"] == "array":
            param.update(style="form", explode=True)
        params.append(param)
    return params


PAGE_PARAMETERS = [
    {
        "in": "query",
        "name": "page",
        "required": False,
        "description": _("Seite, ab 1"),
        "schema": {"type": "integer", "minimum": 1, "default": 1},
    },
    {
        "in": "query",
        "name": "page_size",
        "required": False,
        "description": _("Einträge je Seite"),
        "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": PAGE_SIZE_MAX,
            "default": PAGE_SIZE_DEFAULT,
        },
    },
]


# --- pagination and the licence block --------------------------------------------------------
def _page_params(request: HttpRequest, filter_form: forms.Form) -> tuple[int, int]:
    """Page number and size; every bad parameter (filters included) is reported at once."""
    page_form = PageForm(request.GET)
    errors = {
        name: [str(message) for message in messages]
        for form in (filter_form, page_form)
        if not form.is_valid()
        for name, messages in form.errors.items()
    }
    if errors:
        raise ParameterError(errors)
    return (
        page_form.cleaned_data.get("page") or 1,
        page_form.cleaned_data.get("page_size") or PAGE_SIZE_DEFAULT,
    )


def _paginate(queryset: QuerySet, number: int, size: int) -> Page:
    paginator = Paginator(queryset, size)
    try:
        return paginator.page(number)
    except EmptyPage:
        raise HttpError(
            404,
            gettext("Seite %(page)s gibt es nicht; die letzte Seite ist %(last)s.")
            % {"page": number, "last": paginator.num_pages},
        ) from None


def _page_url(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _page_body(request: HttpRequest, page: Page, results: list[dict]) -> dict[str, Any]:
    return {
        "count": page.paginator.count,
        "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
        "previous": (
            _page_url(request, page.previous_page_number()) if page.has_previous() else None
        ),
        "licence": DATA_LICENCE,
        "attribution": attribution(request),
        "results": results,
    }


def attribution(request: HttpRequest) -> str:
    """The source note DL-DE BY 2.0 asks re-users to show."""
    return gettext(
        "Datenquelle: Industriedialog – Servicestelle für regionale Industrieinitiativen, "
        "%(url)s, %(licence)s"
    ) % {
        "url": request.build_absolute_uri(reverse("api_v1:initiative_list")),
        "licence": DATA_LICENCE["name"],
    }


# --- serialisation: public fields only ---------------------------------------------------------
def _actor_group(kind: str, labels: Labels) -> dict[str, str] | None:
    group = ACTOR_GROUP_OF_KIND.get(kind)
    return labels.coded(ActorGroup, group) if group else None


def _organisation_ref(organisation: Organisation, labels: Labels) -> dict[str, Any]:
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "kind": labels.coded(OrganisationKind, organisation.kind),
        "actor_group": _actor_group(organisation.kind, labels),
    }


def _district(district: Any) -> dict[str, str] | None:
    return {"ags": district.ags, "name": district.name} if district else None


def initiatives_for_api(ids: list[int]) -> list[Initiative]:
    """The initiatives ``ids`` in that order with all that ``initiative_data`` reads: a fixed
    number of queries whatever the page size. Members and consented contacts come as plain
    tuples (building model instances was most of a page's time); the actor groups present
    are derived from the members already loaded, not from EXISTS per row."""
    rows = {
        i.pk: i
        for i in Initiative.objects.filter(pk__in=ids)
        .select_related("seat_district__state")
        .prefetch_related(
            "states",
            "fields_of_action",
            Prefetch("districts", queryset=District.objects.only("ags", "name")),
            "target_groups",
            "formats",
        )
    }
    for row in rows.values():
        row.api_memberships, row.api_contacts = [], []  # type: ignore[attr-defined]
    memberships = (
        Membership.objects.filter(initiative_id__in=rows)
        .order_by("role", "organisation__name", "id")
        .values_list(
            "initiative_id",
            "role",
            "since",
            "organisation_id",
            "organisation__name",
            "organisation__kind",
        )
    )
    for initiative_id, *membership in memberships:
        rows[initiative_id].api_memberships.append(membership)  # type: ignore[attr-defined]
    contacts = (
        ContactPerson.objects.published()
        .filter(initiative_id__in=rows)
        .order_by("name", "id")
        .values_list("initiative_id", "name", "function", "organisation__name", "email", "phone")
    )
    for initiative_id, *contact in contacts:
        rows[initiative_id].api_contacts.append(contact)  # type: ignore[attr-defined]
    for row in rows.values():
        kinds = {kind for *_, kind in row.api_memberships}  # type: ignore[attr-defined]
        selectors.set_actor_groups(row, kinds)
    return [rows[pk] for pk in ids if pk in rows]


def initiative_data(request: HttpRequest, initiative: Initiative, labels: Labels) -> dict[str, Any]:
    """One initiative as the API shows it; reads only what ``initiatives_for_api`` loaded."""
    groups = selectors.actor_groups_of_row(initiative)
    return {
        "name": initiative.name,
        "short_name": initiative.short_name,
        "slug": initiative.slug,
        "url": request.build_absolute_uri(initiative.get_absolute_url()),
        "level": labels.coded(Level, initiative.level),
        "status": labels.coded(Status, initiative.status),
        "states": [{"code": s.code, "name": s.name} for s in initiative.states.all()],
        "districts": [_district(d) for d in initiative.districts.all()],
        "seat": initiative.seat,
        "seat_district": _district(initiative.seat_district),
        "founded_year": initiative.founded_year,
        "founded_on": initiative.founded_on,
        "description": initiative.description,
        "mission_statement": initiative.mission_statement,
        "goals": initiative.goals,
        "fields_of_action": [
            labels.coded(FieldOfActionCode, f.code) for f in initiative.fields_of_action.all()
        ],
        "target_groups": [
            labels.coded(TargetGroupCode, t.code) for t in initiative.target_groups.all()
        ],
        "formats": [labels.coded(EventFormatCode, f.code) for f in initiative.formats.all()],
        "meeting_frequency": (
            labels.coded(MeetingFrequency, initiative.meeting_frequency)
            if initiative.meeting_frequency
            else None
        ),
        "member_company_count": initiative.member_company_count,
        "website": initiative.website,
        "social_links": [str(link) for link in initiative.social_links or []],
        "memberships": [
            {
                "organisation": {
                    "id": organisation_id,
                    "name": name,
                    "kind": labels.coded(OrganisationKind, kind),
                    "actor_group": _actor_group(kind, labels),
                },
                "role": labels.coded(MembershipRole, role),
                "since": since,
            }
            for role, since, organisation_id, name, kind in initiative.api_memberships  # type: ignore[attr-defined]
        ],
        "actor_groups_present": [labels.coded(ActorGroup, g) for g in groups],
        "is_tripartite": all(group in groups for group in TRIPARTITE_GROUPS),
        "contacts": [
            {
                "name": name,
                "function": function,
                "organisation": organisation,
                "email": email,
                "phone": phone,
            }
            for name, function, organisation, email, phone in initiative.api_contacts  # type: ignore[attr-defined]
        ],
        "last_verified_on": initiative.last_verified_on,
        "updated_at": initiative.updated_at,
    }


# --- endpoints ------------------------------------------------------------------------------
def _json(request: HttpRequest, data: dict[str, Any]) -> HttpResponse:
    """Render without ninja's per-object output validation, which cost 4 ms per initiative;
    the tests check every response against the documented schemas instead."""
    return api.create_response(request, data, status=200)


@router.get(
    "/initiatives/",
    response={200: InitiativePage, 400: Problem, 404: Problem},
    url_name="initiative_list",
    summary=_("Initiativen auflisten und filtern"),  # type: ignore[arg-type]
    description=_(  # type: ignore[arg-type]
        "Dieselben Filter wie das Verzeichnis unter /initiativen/, seitenweise, mit Lizenz "
        "und Quellenvermerk."
    ),
    openapi_extra={"parameters": [*filter_parameters(InitiativeFilter), *PAGE_PARAMETERS]},
)
def initiative_list(request: HttpRequest) -> HttpResponse:
    filterset = InitiativeFilter(request.GET, queryset=selectors.initiatives_public())
    number, size = _page_params(request, filterset.form)
    page = _paginate(filterset.qs.only("pk"), number, size)
    labels = Labels()
    rows = initiatives_for_api([i.pk for i in page.object_list])
    results = [initiative_data(request, i, labels) for i in rows]
    return _json(request, _page_body(request, page, results))


@router.get(
    "/initiatives/{slug}/",
    response={200: InitiativeOut, 404: Problem},
    url_name="initiative_detail",
    summary=_("Eine Initiative"),  # type: ignore[arg-type]
    description=_(  # type: ignore[arg-type]
        "Alle öffentlichen Angaben einer Initiative; Ansprechpersonen nur mit deren Einwilligung."
    ),
)
def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    ids = list(selectors.initiatives_public().filter(slug=slug).values_list("pk", flat=True))
    if not ids:
        raise HttpError(
            404, gettext("Keine Initiative mit der Kurzadresse „%(slug)s“.") % {"slug": slug}
        )
    (initiative,) = initiatives_for_api(ids)
    return _json(request, initiative_data(request, initiative, Labels()))


@organisations_router.get(
    "/organisations/",
    response={200: OrganisationPage, 400: Problem, 404: Problem},
    url_name="organisation_list",
    summary=_("Organisationen und ihre Mitgliedschaften"),  # type: ignore[arg-type]
    description=_(  # type: ignore[arg-type]
        "Unternehmen, Verbände, Gewerkschaften, Verwaltungen und weitere Organisationen mit "
        "den Initiativen, in denen sie mitwirken; keine Personen."
    ),
    openapi_extra={"parameters": [*filter_parameters(OrganisationFilter), *PAGE_PARAMETERS]},
)
def organisation_list(request: HttpRequest) -> HttpResponse:
    filterset = OrganisationFilter(request.GET, queryset=Organisation.objects.all())
    number, size = _page_params(request, filterset.form)
    queryset = (
        filterset.qs.order_by("name", "id")
        .select_related("district")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("initiative")
                .only("organisation_id", "role", "initiative__name", "initiative__slug")
                .order_by("initiative__name", "role"),
            )
        )
    )
    page = _paginate(queryset, number, size)
    labels = Labels()
    return _json(
        request, _page_body(request, page, [organisation_data(request, o, labels) for o in page])
    )


def organisation_data(
    request: HttpRequest, organisation: Organisation, labels: Labels
) -> dict[str, Any]:
    return {
        **_organisation_ref(organisation, labels),
        "district": _district(organisation.district),
        "website": organisation.website,
        "memberships": [
            {
                "slug": m.initiative.slug,
                "name": m.initiative.name,
                "url": request.build_absolute_uri(m.initiative.get_absolute_url()),
                "role": labels.coded(MembershipRole, m.role),
            }
            for m in organisation.memberships.all()
        ],
    }


api.add_router("", router)
api.add_router("", organisations_router)


# --- read-only, open to every origin, cacheable -------------------------------------------------
def _validators(request: HttpRequest, response: HttpResponse) -> int:
    """ETag and Last-Modified of a 200 answer, then 304 if the client's copy is current.

    The ETag is a hash of the body, so it changes exactly when the answer does (whatever
    changed: an initiative, a membership, a consented contact, a label). Last-Modified is the
    time this URL (in this language) first gave this body, kept in the shared cache: it moves
    forward whenever the body changes, even when the change was a deletion that leaves no
    timestamp. If the entry is gone (a day passed, eviction, Redis down), the time is "now",
    which only ever makes a client fetch again, never keep a stale copy."""
    set_response_etag(response)
    etag = response["ETag"]
    key = (
        "api-v1:seen:"
        + hashlib.sha256(f"{get_language()}|{request.get_full_path()}".encode()).hexdigest()
    )
    seen = cache.get(key)
    if isinstance(seen, tuple) and seen[0] == etag:
        first_seen = int(seen[1])
    else:
        # Strictly later than the previous body's time, also within the same second: a client
        # holding the previous body must not get a 304 for the new one.
        first_seen = max(int(time.time()), int(seen[1]) + 1 if isinstance(seen, tuple) else 0)
        cache.set(key, (etag, first_seen), timeout=VALIDATOR_SECONDS)
    response["Last-Modified"] = http_date(first_seen)
    return first_seen


def open_data(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """GET and HEAD only; CORS for every origin (no cookies needed); five minutes cacheable;
    ETag and Last-Modified, so that a conditional request gets 304 without a body."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            response: HttpResponse = JsonResponse(
                {"detail": gettext("Die Schnittstelle ist nur lesbar: erlaubt sind GET und HEAD.")},
                status=405,
            )
            response["Allow"] = "GET, HEAD"
        else:
            is_head = request.method == "HEAD"
            if is_head:
                request.method = "GET"
            response = view(request, *args, **kwargs)
            if is_head:
                request.method = "HEAD"
            if response.status_code == 200:
                patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
                last_modified = _validators(request, response)
                response = (
                    get_conditional_response(
                        request,
                        etag=response["ETag"],
                        last_modified=last_modified,
                        response=response,
                    )
                    or response
                )
            if is_head:
                response["Content-Length"] = str(len(response.content))
                response.content = b""
        response["Access-Control-Allow-Origin"] = "*"
        response["Link"] = f'<{DATA_LICENCE["url"]}>; rel="license"'
        return response

    wrapper.csrf_exempt = True  # type: ignore[attr-defined]
    return wrapper


def _wrapped(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = open_data(pattern.callback)
        else:
            _wrapped(pattern.url_patterns)
    return patterns


app_name = api.urls_namespace
urlpatterns = _wrapped(api.urls[0])
