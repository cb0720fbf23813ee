from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from industriedialog.accounts.roles import Role
from industriedialog.accounts.tests.factories import UserFactory
from industriedialog.assessments import selectors, services
from industriedialog.assessments.models import (
    Answer,
    CatalogueVersion,
    ContactRequest,
    Criterion,
    PeerOptIn,
)
from industriedialog.assessments.tests.factories import DIMENSIONS, completed_assessment
from industriedialog.registry.tests.factories import (
    InitiativeFactory,
    representative_of,
    staff_login,
)

pytestmark = pytest.mark.django_db
LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture
def world(catalogue):  # type: ignore[no-untyped-def]
    """Initiative A (with a completed assessment last year and this year's draft), its
    representative, the representative of another initiative, staff, the ministry."""
    initiative = InitiativeFactory(name="Initiative A", slug="initiative-a")
    rep = representative_of(initiative)
    done = completed_assessment(initiative, levels=2, year=LAST_YEAR, user=rep)
    draft = services.assessment_start(initiative=initiative, user=rep)
    other = InitiativeFactory(name="Initiative B", slug="initiative-b")
    return {
        "initiative": initiative,
        "rep": rep,
        "done": done,
        "draft": draft,
        "other_rep": representative_of(other),
        "other": other,
        "staff": UserFactory(roles=[Role.ADVISOR]),
        "ministry": UserFactory(roles=[Role.MINISTRY]),
    }


def _client(world: dict[str, Any], who: str) -> Client:
    client = Client()
    if who == "staff":
        staff_login(client, world["staff"])
    elif who != "anonymous":
        client.force_login(world[who])
    return client


def _url(world: dict[str, Any], name: str) -> str:
    a, d, slug = world["done"].pk, world["draft"].pk, world["initiative"].slug
    return {
        "result": reverse("assessments:result", args=[a]),
        "result_pdf": reverse("assessments:result_pdf", args=[a]),
        "step": reverse("assessments:step", args=[d, 1]),
        "summary": reverse("assessments:summary", args=[d]),
        "start": reverse("assessments:start", args=[slug]),
        "peer_opt_in": reverse("assessments:peer_opt_in", args=[slug]),
        "targets": reverse("assessments:targets", args=[a]),
        "contact": reverse("assessments:contact", args=[a]),
        "staff_overview": reverse("assessments:staff_overview"),
        "staff_export": reverse("assessments:staff_export", args=["csv"]),
        "staff_contact_list": reverse("assessments:staff_contact_list"),
        "staff_catalogue_list": reverse("assessments:staff_catalogue_list"),
        "staff_catalogue_detail": reverse(
            "assessments:staff_catalogue_detail", args=[selectors.catalogue_current().pk]
        ),
    }[name]


# (view, method, who may) – everybody else is refused
ACCESS = [
    ("result", "get", {"rep", "staff"}),
    ("result_pdf", "get", {"rep", "staff"}),
    ("step", "get", {"rep"}),
    ("step", "post", {"rep"}),
    ("summary", "get", {"rep"}),
    ("summary", "post", {"rep"}),
    ("start", "post", {"rep"}),
    ("peer_opt_in", "post", {"rep"}),
    ("targets", "post", {"rep"}),
    ("contact", "post", {"rep"}),
    ("staff_overview", "get", {"staff"}),
    ("staff_export", "get", {"staff"}),
    ("staff_contact_list", "get", {"staff"}),
    ("staff_catalogue_list", "get", {"staff"}),
    ("staff_catalogue_list", "post", {"staff"}),
    ("staff_catalogue_detail", "get", {"staff"}),
]


@pytest.mark.parametrize(("view", "method", "allowed"), ACCESS)
def test_only_the_initiatives_representatives_and_staff_get_in(world, view, method, allowed):
    url = _url(world, view)
    for who in ("anonymous", "other_rep", "ministry", "rep", "staff"):
        response = getattr(_client(world, who), method)(url, {"opt_in": "1", "impact": "3"})
        if who == "anonymous":
            assert response.status_code == 302 and "/konto/login/" in response["Location"], who
        elif who in allowed:
            assert response.status_code in (200, 302), (who, response.status_code)
        else:
            assert response.status_code == 403, (who, response.status_code)


def test_refused_writes_change_nothing(world):
    client = _client(world, "other_rep")
    criterion = Criterion.objects.get(key="planning")
    client.post(_url(world, "step"), {f"c{criterion.pk}": "2", "action": "save"})
    client.post(_url(world, "peer_opt_in"), {"opt_in": "1"})
    client.post(_url(world, "targets"), {"impact": "4"})
    client.post(_url(world, "summary"))
    assert not Answer.objects.filter(user=world["other_rep"]).exists()
    assert not PeerOptIn.objects.exists()
    world["done"].refresh_from_db()
    world["draft"].refresh_from_db()
    assert world["done"].targets == {} and world["draft"].state == "draft"


def test_staff_see_results_but_cannot_answer_for_an_initiative(world):
    client = _client(world, "staff")
    assert client.get(_url(world, "result")).status_code == 200
    assert client.post(_url(world, "step"), {"action": "save"}).status_code == 403


def test_scores_of_another_initiative_are_not_shown_on_the_start_page(world):
    completed_assessment(world["other"], levels=4, year=LAST_YEAR)
    page = _client(world, "rep").get(reverse("assessments:index")).content.decode()
    assert "Initiative A" in page and "Initiative B" not in page


# --- the questionnaire -----------------------------------------------------------------------


def _asked(step: int) -> list[Criterion]:
    dimension = selectors.catalogue_dimensions(selectors.catalogue_current())[step - 1]
    return [c for c in dimension.criteria.all() if not c.prefill]


def test_next_without_answers_shows_an_error_summary_linking_to_the_question(world):
    client = _client(world, "rep")
    response = client.post(_url(world, "step"), {"action": "next"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in page and "Bitte wählen Sie eine Stufe." in page
    first = _asked(1)[0]
    assert f'href="#id_c{first.pk}_0"' in page


def test_save_pauses_and_the_answers_are_there_on_resume(world):
    client = _client(world, "rep")
    criterion = _asked(1)[0]
    response = client.post(
        _url(world, "step"),
        {f"c{criterion.pk}": "3", f"n{criterion.pk}": "Entwurf", "action": "save"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("assessments:index")
    page = client.get(_url(world, "step")).content.decode()
    assert 'value="3" class' in page or 'value="3" checked' in page or "checked" in page
    assert "Entwurf" in page
    assert "1 von" in page  # progress


def test_registry_facts_are_shown_and_not_asked(world):
    client = _client(world, "rep")
    page = client.get(reverse("assessments:step", args=[world["draft"].pk, 2])).content.decode()
    assert "Aus dem Verzeichnis übernommen" in page
    tripartite = Criterion.objects.get(key="tripartite")
    assert f'name="c{tripartite.pk}"' not in page
    assert tripartite.question["de"] in page


def test_a_representative_completes_and_gets_chart_recommendations_and_toolbox_links(
    site_pages, world
):
    services.catalogue_link_missing_pages()
    client = _client(world, "rep")
    steps = len(selectors.catalogue_dimensions(world["draft"].catalogue))
    for step in range(1, steps + 1):
        data = {f"c{c.pk}": "2" for c in _asked(step)}
        response = client.post(
            reverse("assessments:step", args=[world["draft"].pk, step]), {**data, "action": "next"}
        )
        assert response.status_code == 302
    assert response["Location"] == _url(world, "summary")
    response = client.post(_url(world, "summary"))
    assert response["Location"] == reverse("assessments:result", args=[world["draft"].pk])
    page = client.get(response["Location"]).content.decode()
    assert '<svg class="radar"' in page and 'id="score-table"' in page
    assert "Ihre drei wichtigsten Entwicklungsfelder" in page
    assert "nächster Schritt:" in page
    assert "/wissen/" in page  # a toolbox page is linked
    assert 'id="trend-table"' in page  # last year's assessment for comparison


def test_disagreement_of_two_representatives_is_shown_before_completion(world):
    second = representative_of(world["initiative"])
    criterion = _asked(1)[0]
    services.answers_save(
        assessment=world["draft"], user=world["rep"], answers={criterion.pk: (1, "")}
    )
    services.answers_save(assessment=world["draft"], user=second, answers={criterion.pk: (4, "")})
    page = _client(world, "rep").get(_url(world, "summary")).content.decode()
    assert "Hier sehen Sie es unterschiedlich" in page
    assert criterion.question["de"] in page


def test_pdf_export_of_the_result(world):
    response = _client(world, "rep").get(_url(world, "result_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


# --- benchmark, targets, peers -----------------------------------------------------------


def test_result_page_hides_the_benchmark_below_five_and_shows_it_from_five(world):
    client = _client(world, "rep")
    for _ in range(4):
        completed_assessment(levels=4, year=LAST_YEAR)
    assert "zu wenige Vergleichswerte" in client.get(_url(world, "result")).content.decode()
    completed_assessment(levels=4, year=LAST_YEAR)
    page = client.get(_url(world, "result")).content.decode()
    assert "zu wenige Vergleichswerte" not in page
    assert "5 Initiativen" in page


def test_targets_are_shown_next_time_as_target_vs_reached(world):
    client = _client(world, "rep")
    client.post(_url(world, "targets"), {"impact": "3"})
    world["done"].refresh_from_db()
    assert world["done"].targets == {"impact": 3}
    draft = world["draft"]
    from industriedialog.assessments.tests.factories import answer_all

    answer_all(draft, 4, user=world["rep"])
    services.assessment_complete(assessment=draft, user=world["rep"])
    page = client.get(reverse("assessments:result", args=[draft.pk])).content.decode()
    assert f"Ziel aus {LAST_YEAR}" in page and "3 – erreicht" in page


def test_peer_suggestion_leads_to_a_contact_request_staff_broker(world):
    own = completed_assessment(
        world["other"], levels={**dict.fromkeys(DIMENSIONS, 4), "networking": 1}, year=LAST_YEAR
    )
    peer = completed_assessment(levels=4, opted_in=True, year=LAST_YEAR, name="Starke Initiative")
    client = _client(world, "other_rep")
    page = client.get(reverse("assessments:result", args=[own.pk])).content.decode()
    assert "Starke Initiative" in page and "Kontakt anfragen" in page
    assert f"{peer.overall}".replace(".", ",") not in page.split("Starke Initiative")[1][:400]
    response = client.post(
        reverse("assessments:contact", args=[own.pk]),
        {"prefix": "p0", "p0-peer": peer.initiative_id, "p0-dimension": "networking",
         "p0-message": "Wie organisieren Sie Netzwerktreffen?"},
    )  # fmt: skip
    assert response.status_code == 302
    request = ContactRequest.objects.get()
    assert request.from_initiative == world["other"] and request.to_initiative == peer.initiative
    staff = _client(world, "staff")
    dashboard = staff.get(reverse("accounts:staff_dashboard")).content.decode()
    assert "Kontaktanfragen aus dem Peer-Matching" in dashboard
    assert (
        "Wie organisieren Sie Netzwerktreffen?"
        in staff.get(_url(world, "staff_contact_list")).content.decode()
    )
    staff.post(
        reverse("assessments:staff_contact_decide", args=[request.pk, "vermittelt"]),
        {"note": "beide angeschrieben"},
    )
    request.refresh_from_db()
    assert request.state == "brokered" and request.handled_by == world["staff"]


def test_a_peer_not_suggested_cannot_be_requested(world):
    own = completed_assessment(world["other"], levels=1, year=LAST_YEAR)
    hidden = completed_assessment(levels=4, year=LAST_YEAR)  # not opted in
    _client(world, "other_rep").post(
        reverse("assessments:contact", args=[own.pk]),
        {"p0-peer": hidden.initiative_id, "p0-dimension": "networking", "prefix": "p0"},
    )
    assert not ContactRequest.objects.exists()


def test_opt_in_and_out(world):
    client = _client(world, "rep")
    client.post(_url(world, "peer_opt_in"), {"opt_in": "1"})
    assert PeerOptIn.objects.filter(initiative=world["initiative"]).exists()
    client.post(_url(world, "peer_opt_in"), {"opt_in": "0"})
    assert not PeerOptIn.objects.exists()


# --- staff -----------------------------------------------------------------------------------


def test_staff_overview_and_export_list_who_assessed(world):
    staff = _client(world, "staff")
    page = staff.get(_url(world, "staff_overview")).content.decode()
    assert "Initiative A" in page and "Verteilung der Ergebnisse je Dimension" in page
    csv = staff.get(_url(world, "staff_export")).content.decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Initiative;Ebene;Jahr")
    assert "Initiative A;Region" in csv
    xlsx = staff.get(reverse("assessments:staff_export", args=["xlsx"]))
    assert xlsx.content[:2] == b"PK"


def test_staff_edit_the_catalogue_in_a_new_version_and_publish_it(world):
    staff = _client(world, "staff")
    response = staff.post(_url(world, "staff_catalogue_list"))
    draft = CatalogueVersion.objects.get(state="draft")
    assert response["Location"].endswith(f"/katalog/{draft.pk}/")
    criterion = Criterion.objects.get(dimension__catalogue=draft, key="planning")
    url = reverse("assessments:staff_criterion_edit", args=[criterion.dimension_id, criterion.pk])
    form = {
        "key": "planning", "weight": "2", "prefill": "",
        "question_de": "Planen Sie Ihr Jahr?", "question_en": "Do you plan your year?",
        "level1_de": "Nein", "level2_de": "Etwas", "level3_de": "Meist",
    }  # fmt: skip
    page = staff.post(url, form).content.decode()
    assert (
        "Stufe 4 (Deutsch)" in page
        and "Stufe 4 (Deutsch): Dieses Feld muss ausgefüllt werden." in page
    )
    response = staff.post(url, {**form, "level4_de": "Immer"})
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert criterion.question["de"] == "Planen Sie Ihr Jahr?" and criterion.weight == 2
    staff.post(reverse("assessments:staff_catalogue_detail", args=[draft.pk]), {"note": "neu"})
    draft.refresh_from_db()
    assert draft.state == "published" and selectors.catalogue_current() == draft
    # the old version stays as it was
    assert Criterion.objects.get(dimension__catalogue__number=1, key="planning").weight == 1


def test_a_published_version_cannot_be_edited_through_the_pages(world):
    criterion = Criterion.objects.get(dimension__catalogue__number=1, key="planning")
    url = reverse("assessments:staff_criterion_edit", args=[criterion.dimension_id, criterion.pk])
    assert _client(world, "staff").get(url).status_code == 403


def test_step_pages_use_a_bounded_number_of_queries(world, django_assert_max_num_queries):
    client = _client(world, "rep")
    with django_assert_max_num_queries(25):
        client.get(_url(world, "step"))


def test_result_page_query_count_does_not_grow_with_the_network(
    world, django_assert_max_num_queries
):
    for _ in range(8):
        completed_assessment(levels=4, opted_in=True, year=LAST_YEAR)
    client = _client(world, "rep")
    with django_assert_max_num_queries(40):
        client.get(_url(world, "result"))


def test_staff_writes_are_refused_to_everybody_else(world):
    draft = services.catalogue_draft_create(actor=None)
    dimension = draft.dimensions.first()
    criterion = dimension.criteria.first()
    own = completed_assessment(
        world["other"], levels={**dict.fromkeys(DIMENSIONS, 4), "networking": 1}, year=LAST_YEAR
    )
    peer = completed_assessment(levels=4, opted_in=True, year=LAST_YEAR)
    request = services.contact_request_create(
        assessment=own, user=None, peer_id=peer.initiative_id, dimension_key="networking"
    )
    urls = [
        reverse("assessments:staff_dimension_edit", args=[dimension.pk]),
        reverse("assessments:staff_criterion_create", args=[dimension.pk]),
        reverse("assessments:staff_criterion_edit", args=[dimension.pk, criterion.pk]),
        reverse("assessments:staff_catalogue_detail", args=[draft.pk]),
        reverse("assessments:staff_contact_decide", args=[request.pk, "vermittelt"]),
    ]
    for who in ("rep", "other_rep", "ministry"):
        client = _client(world, who)
        for url in urls:
            assert client.post(url, {"action": "delete", "note": "x"}).status_code == 403, url
    request.refresh_from_db()
    draft.refresh_from_db()
    assert request.state == "open" and draft.is_draft
    assert dimension.criteria.filter(pk=criterion.pk).exists()
    staff = _client(world, "staff")
    assert staff.get(urls[0]).status_code == 200 and staff.get(urls[1]).status_code == 200
