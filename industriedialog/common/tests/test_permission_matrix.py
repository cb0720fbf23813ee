"""Permission matrix (issue 11, contract 4): every URL pattern × every role × read/write.

The URL list comes from the URL configuration itself, the expectations from the rule tables
in ``industriedialog/<app>/tests/access.py`` (vocabulary: ``access_rules.py``). A URL without
a rule fails ``test_every_url_pattern_has_an_access_rule`` with its name. Every request runs
inside a savepoint that is rolled back, so a write by one role cannot change what the next
role sees.

Documented rule groups, not in the tables:
- ``/cms/...`` (Wagtail admin): Wagtail checks ``wagtailadmin.access_admin`` on every admin
  view; only staff roles hold it (accounts.roles.ROLE_PERMISSIONS). Checked here on /cms/.
- ``/konto/...`` (allauth: login, sign-up, password reset, second factor): public by design,
  allauth's own permission and rate-limit logic; the second-factor middleware is tested in
  accounts.
- Wagtail's page and document serving (``wagtail_serve``, ``wagtaildocs_serve``, their
  password views): Wagtail's page privacy settings; the knowledge tests cover them.
- ``healthz`` and ``set_language``: public operational endpoints without personal data.
"""

from __future__ import annotations

import importlib
import pkgutil
import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import industriedialog
from industriedialog.accounts.roles import Role
from industriedialog.accounts.tests.factories import UserFactory, login_with_second_factor
from industriedialog.common.tests.access_rules import ANY, ROLES, STAFF, Rule

DOCUMENTED_GROUPS = {
    "wagtail admin": lambda path, name: path.startswith("cms/"),
    "allauth": lambda path, name: path.startswith("konto/"),
    "wagtail serving": lambda path, name: (
        name
        in {
            "wagtail_serve",
            "wagtaildocs_serve",
            "wagtaildocs_authenticate_with_password",
            "wagtailcore_authenticate_with_password",
            "wagtailcore_login",
        }
    ),
    "operations": lambda path, name: name in {"healthz", "set_language"},
}


def url_patterns() -> list[tuple[str, str | None]]:
    """(path, "namespace:name") of every pattern, language prefix left out."""

    def walk(patterns: Any, prefix: str, namespace: str | None) -> Any:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                name = pattern.name
                full = f"{namespace}:{name}" if namespace and name else name
                yield prefix + str(pattern.pattern), full

    return list(walk(get_resolver().url_patterns, "", None))


def access_modules() -> dict[str, Any]:
    """{app: module} for every industriedialog.<app>.tests.access module."""
    modules = {}
    for info in pkgutil.iter_modules(industriedialog.__path__):
        try:
            modules[info.name] = importlib.import_module(
                f"industriedialog.{info.name}.tests.access"
            )
        except ModuleNotFoundError:
            continue
    return modules


def rule_tables() -> dict[str, dict[str, Rule]]:
    """{app: RULES} from every industriedialog.<app>.tests.access module."""
    return {app: module.RULES for app, module in access_modules().items()}


def all_rules() -> dict[str, Rule]:
    merged: dict[str, Rule] = {}
    for table in rule_tables().values():
        for name, rule in table.items():
            assert name not in merged, f"Zwei Regeln für {name}"
            merged[name] = rule
    return merged


def test_every_url_pattern_has_an_access_rule():
    rules = all_rules()
    missing, unnamed = [], []
    for path, name in url_patterns():
        if any(group(path, name) for group in DOCUMENTED_GROUPS.values()):
            continue
        if name is None:
            unnamed.append(path)
        elif name not in rules:
            missing.append(f"{name} ({path})")
    assert not unnamed, f"URL patterns without a name (give them one and a rule): {unnamed}"
    assert not missing, (
        "URL patterns without an access rule – add them to RULES in "
        f"industriedialog/<app>/tests/access.py: {missing}"
    )


def test_no_rule_for_a_url_that_does_not_exist():
    names = {name for _path, name in url_patterns()}
    stale = sorted(set(all_rules()) - names)
    assert not stale, f"Access rules for URL names that no longer exist: {stale}"


# --- the world the rules' URL arguments come from ------------------------------------------


@pytest.fixture
def world(db, tmp_path, settings):  # type: ignore[no-untyped-def]
    from django.core.files.base import ContentFile

    from industriedialog.advisory.models import FoundingDocument, FoundingPartner, FoundingStep
    from industriedialog.advisory.tests.factories import FoundingCaseFactory
    from industriedialog.events.models import PlanningTemplate
    from industriedialog.events.tests.factories import (
        EventFactory,
        PlanningTaskFactory,
        attended,
        event_format,
    )
    from industriedialog.newsletter.models import Issue
    from industriedialog.newsletter.tests.factories import IssueFactory
    from industriedialog.registry.models import ChangeProposal, ImportRun, Representation
    from industriedialog.registry.tests.factories import (
        ContactPersonFactory,
        DistrictFactory,
        InitiativeFactory,
        OrganisationFactory,
        RepresentationFactory,
        representative_of,
    )
    from industriedialog.surveys.tests.factories import make_survey, submit

    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    initiative = InitiativeFactory(slug="diese-initiative")
    other = InitiativeFactory(slug="andere-initiative")
    w = SimpleNamespace(initiative=initiative, other=other)
    w.users = {
        "rep_this": representative_of(initiative),
        "rep_other": representative_of(other),
        "advisor": UserFactory(roles=[Role.ADVISOR]),
        "editor": UserFactory(roles=[Role.EDITOR]),
        "analyst": UserFactory(roles=[Role.ANALYST]),
        "jury": UserFactory(roles=[Role.JURY]),
        "ministry": UserFactory(roles=[Role.MINISTRY]),
        "advisory_board": UserFactory(roles=[Role.ADVISORY_BOARD]),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    w.organisation = OrganisationFactory()
    w.contact = ContactPersonFactory(initiative=initiative)
    w.claim = RepresentationFactory(initiative=initiative)  # pending
    w.approved_claim = Representation.objects.get(user=w.users["rep_this"])
    w.proposal = ChangeProposal.objects.create(
        initiative=initiative,
        proposed_by=w.users["rep_this"],
        changes={"website": {"old": "", "new": "https://x.example"}},
    )
    w.import_run = ImportRun.objects.create(original_name="liste.csv", report={})
    w.import_run.file.save("liste.csv", ContentFile(b"Name\n"), save=True)
    w.district = DistrictFactory(ags="16061")
    w.event = EventFactory(
        slug="netzwerktreffen", capacity=100, format=event_format("network_meeting")
    )
    w.registration = attended(w.event, name="Anna Becker")
    w.task = PlanningTaskFactory(event=w.event)
    w.template = PlanningTemplate.objects.create(format=w.event.format)
    w.survey = make_survey(slug="umfrage")
    w.question = w.survey.questions.order_by("position").first()
    w.response = submit(w.survey, {w.question.key: w.question.options[0]["key"]})
    w.draft_key = uuid.uuid4()
    w.case = FoundingCaseFactory()
    w.step = FoundingStep.objects.create(case=w.case, title="Anrufen", due_on="2030-01-01")
    w.partner = FoundingPartner.objects.create(case=w.case, name="IG Metall", kind="union")
    w.document = FoundingDocument(case=w.case, title="Satzung")
    w.document.file.save("satzung.pdf", ContentFile(b"%PDF-1.4"), save=True)
    w.issue = IssueFactory(status=Issue.Status.SENT)
    # An app adds the objects its own URLs need: ``extend_world(w)`` in its tests/access.py.
    for module in access_modules().values():
        extend = getattr(module, "extend_world", None)
        if extend is not None:
            extend(w)
    return w


@pytest.fixture
def clients(world):  # type: ignore[no-untyped-def]
    result = {"anonymous": Client()}
    for role, user in world.users.items():
        result[role] = Client()
        login_with_second_factor(result[role], user)
    return result


def outcome(response: Any) -> str:
    status = response.status_code
    if status >= 500:
        return "error"
    if status in (403, 404, 405):
        return "refused"
    if status in (301, 302) and "/konto/login/" in response.get("Location", ""):
        return "refused"
    return "allowed"


def _check(name: str, rule: Rule, world: Any, clients: dict[str, Client]) -> list[str]:
    url = reverse(name, kwargs=rule.kwargs(world)) + (f"?{rule.query}" if rule.query else "")
    problems = []
    for method, expected in (("GET", rule.read), ("POST", rule.write)):
        for role in ROLES:
            client = clients[role]
            with transaction.atomic():
                if method == "GET":
                    response = client.get(url)
                else:
                    response = client.post(url, rule.data(world))
                transaction.set_rollback(True)
            got = outcome(response)
            if got == "error":
                problems.append(f"{name} {method} {url} as {role}: {response.status_code}")
                continue
            if expected is ANY:
                continue
            want = "allowed" if role in expected else "refused"  # type: ignore[operator]
            if got != want:
                problems.append(
                    f"{name} {method} {url} as {role}: expected {want}, got {response.status_code}"
                )
    return problems


@pytest.mark.parametrize("app", sorted(rule_tables()))
def test_permission_matrix(app, world, clients):
    problems = []
    for name, rule in rule_tables()[app].items():
        problems += _check(name, rule, world, clients)
    assert not problems, "\n".join(problems)


def test_wagtail_admin_group_is_staff_only(world, clients):
    for role in ROLES:
        response = clients[role].get("/cms/")
        want = "allowed" if role in STAFF else "refused"
        assert outcome(response) == want, (role, response.status_code)
