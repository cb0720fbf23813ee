from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from industriedialog.assessments import selectors, services
from industriedialog.assessments.models import Answer, Assessment, CatalogueVersion, Criterion
from industriedialog.assessments.tests.factories import (
    DIMENSIONS,
    answer_all,
    completed_assessment,
)
from industriedialog.registry.tests.factories import (
    InitiativeFactory,
    representative_of,
    tripartite_initiative,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)


def test_first_catalogue_has_eight_dimensions_with_described_levels_in_two_languages(catalogue):
    dimensions = selectors.catalogue_dimensions(catalogue)
    assert [d.key for d in dimensions] == [
        "goals", "alliance", "resources", "activities",
        "communication", "young-people", "networking", "impact",
    ]  # fmt: skip
    for dimension in dimensions:
        assert dimension.title["de"] and dimension.title["en"]
        for criterion in dimension.criteria.all():
            assert 4 <= criterion.level_count <= 5
            assert all(level["de"] and level["en"] for level in criterion.levels)
            assert criterion.question["de"] and criterion.help_text["de"]
    assert catalogue.state == CatalogueVersion.State.PUBLISHED


def test_loading_the_catalogue_twice_creates_it_once(catalogue):
    assert services.catalogue_load_initial() is None
    assert CatalogueVersion.objects.count() == 1


def test_a_published_catalogue_is_frozen(catalogue, django_user_model):
    criterion = Criterion.objects.filter(dimension__catalogue=catalogue).first()
    with pytest.raises(ValidationError):
        services.criterion_save(criterion=criterion, actor=None, weight=5)
    criterion.refresh_from_db()
    assert criterion.weight == 1


def test_editing_goes_into_a_new_version_and_old_assessments_keep_theirs(catalogue):
    old = completed_assessment(levels=2)
    draft = services.catalogue_draft_create(actor=None)
    assert draft.number == 2 and draft.is_draft
    criterion = Criterion.objects.get(dimension__catalogue=draft, key="mission")
    services.criterion_save(
        criterion=criterion,
        actor=None,
        question={"de": "Gibt es ein Leitbild?", "en": "Is there a mission?"},
    )
    services.catalogue_publish(catalogue=draft, actor=None)
    assert selectors.catalogue_current() == draft
    old.refresh_from_db()
    assert old.catalogue == catalogue
    assert (
        Criterion.objects.get(dimension__catalogue=catalogue, key="mission")
        .question["de"]
        .startswith("Haben Sie")
    )
    new = services.assessment_start(initiative=InitiativeFactory(), user=None, today=TODAY)
    assert new.catalogue == draft


def test_a_criterion_needs_four_or_five_levels(catalogue):
    draft = services.catalogue_draft_create(actor=None)
    criterion = Criterion.objects.get(dimension__catalogue=draft, key="mission")
    with pytest.raises(ValidationError):
        services.criterion_save(criterion=criterion, actor=None, levels=criterion.levels[:3])


def test_registry_facts_are_prefilled_and_not_asked(catalogue):
    initiative = tripartite_initiative()
    assessment = services.assessment_start(initiative=initiative, user=None, today=TODAY)
    facts = {a.criterion.key: a for a in Answer.objects.filter(is_prefilled=True)}
    assert facts["tripartite"].level == 3
    assert facts["actor-groups"].level == 3
    assert "Wirtschaft" in facts["actor-groups"].fact
    tripartite = facts["tripartite"].criterion
    with pytest.raises(ValidationError):
        services.answers_save(assessment=assessment, user=None, answers={tripartite.pk: (1, "")})


def test_representatives_of_one_initiative_share_this_years_draft(catalogue):
    initiative = InitiativeFactory()
    first = services.assessment_start(initiative=initiative, user=representative_of(initiative))
    second = services.assessment_start(initiative=initiative, user=representative_of(initiative))
    assert first == second


def test_a_level_outside_the_criterions_scale_is_refused(catalogue):
    assessment = services.assessment_start(initiative=InitiativeFactory(), user=None, today=TODAY)
    criterion = Criterion.objects.get(dimension__catalogue=catalogue, key="planning")
    with pytest.raises(ValidationError):
        services.answers_save(assessment=assessment, user=None, answers={criterion.pk: (5, "")})


def test_completing_needs_every_question_answered(catalogue):
    assessment = services.assessment_start(initiative=InitiativeFactory(), user=None, today=TODAY)
    with pytest.raises(ValidationError, match="Es fehlen noch Antworten"):
        services.assessment_complete(assessment=assessment, user=None)


def test_answers_of_two_representatives_are_merged_and_disagreements_shown(catalogue):
    initiative = InitiativeFactory()
    anna, ben = representative_of(initiative), representative_of(initiative)
    assessment = services.assessment_start(initiative=initiative, user=anna, today=TODAY)
    answer_all(assessment, 1, user=anna)
    answer_all(assessment, 4, user=ben)
    services.assessment_complete(assessment=assessment, user=anna)
    assessment.refresh_from_db()
    _, results = selectors.assessment_results(assessment)
    planning = next(r for r in results.values() if r.criterion.key == "planning")
    assert planning.levels == [1, 4] or planning.levels == [4, 1]
    assert planning.mean_level == 2.5 and planning.is_disputed
    # both count: the result lies between one person's answers and the other's
    assert 1 < assessment.scores["networking"] < 5


def test_completion_stores_scores_and_marks_the_newest(catalogue):
    initiative = InitiativeFactory()
    old = completed_assessment(initiative, 2, year=2025)
    new = completed_assessment(initiative, 4, year=2026)
    old.refresh_from_db()
    assert (old.is_latest, new.is_latest) == (False, True)
    assert new.scores["networking"] == 5.0 and old.scores["networking"] == pytest.approx(2.33)
    assert new.overall is not None and new.overall > old.overall


def test_a_completed_assessment_takes_no_more_answers(catalogue):
    assessment = completed_assessment()
    criterion = Criterion.objects.get(dimension__catalogue=catalogue, key="planning")
    with pytest.raises(ValidationError):
        services.answers_save(assessment=assessment, user=None, answers={criterion.pk: (2, "")})
    with pytest.raises(ValidationError, match="bereits abgeschlossen"):
        services.assessment_start(initiative=assessment.initiative, user=None)


def test_targets_are_levels_of_known_dimensions(catalogue):
    assessment = completed_assessment()
    services.assessment_targets_set(assessment=assessment, user=None, targets={"impact": 4})
    assessment.refresh_from_db()
    assert assessment.targets == {"impact": 4}
    with pytest.raises(ValidationError):
        services.assessment_targets_set(assessment=assessment, user=None, targets={"impact": 7})
    with pytest.raises(ValidationError):
        services.assessment_targets_set(assessment=assessment, user=None, targets={"x": 2})


def test_contact_can_be_requested_only_from_a_suggested_peer(catalogue):
    own = completed_assessment(levels={**dict.fromkeys(DIMENSIONS, 4), "networking": 1})
    peer = completed_assessment(levels=4, opted_in=True)
    hidden = completed_assessment(levels=4)  # not opted in
    request = services.contact_request_create(
        assessment=own, user=None, peer_id=peer.initiative_id, dimension_key="networking"
    )
    assert request.to_initiative == peer.initiative and request.state == "open"
    again = services.contact_request_create(
        assessment=own, user=None, peer_id=peer.initiative_id, dimension_key="networking"
    )
    assert again == request
    with pytest.raises(ValidationError):
        services.contact_request_create(
            assessment=own, user=None, peer_id=hidden.initiative_id, dimension_key="networking"
        )
    services.contact_request_decide(request=request, user=None, brokered=True, note="per Mail")
    request.refresh_from_db()
    assert request.state == "brokered"
    with pytest.raises(ValidationError):
        services.contact_request_decide(request=request, user=None, brokered=False)


def test_the_demo_loader_is_idempotent_and_gives_benchmark_and_three_peers(catalogue, regions):
    from django.core.management import call_command

    from industriedialog.accounts.tests.factories import representative_user
    from industriedialog.registry.demo import registry_demo_load

    registry_demo_load()
    representative_user(email="vertretung@industriedialog.example")
    call_command("load_demo_assessments")
    count = Assessment.objects.count()
    call_command("load_demo_assessments")
    assert Assessment.objects.count() == count
    home = Assessment.objects.get(initiative__slug="industriedialog-rhein-mosel", is_latest=True)
    dimensions = selectors.catalogue_dimensions(home.catalogue)
    assert len(selectors.benchmark(home)) == 8
    assert len(selectors.peer_suggestions(home, dimensions)) == 3
    assert home.answers.filter(user__email="vertretung@industriedialog.example").exists()


def test_a_persons_answers_and_requests_are_exported_and_anonymised(catalogue):
    from industriedialog.assessments import privacy

    initiative = InitiativeFactory()
    rep = representative_of(initiative, email="anna@example.org")
    assessment = services.assessment_start(initiative=initiative, user=rep, today=TODAY)
    criterion = Criterion.objects.get(dimension__catalogue=catalogue, key="planning")
    services.answers_save(
        assessment=assessment, user=rep, answers={criterion.pk: (3, "laut Frau Meier")}
    )
    exported = privacy.export_person("anna@example.org")
    assert exported["answers"][0]["note"] == "laut Frau Meier"
    assert privacy.erase_person("anna@example.org")["assessment_answers_anonymised"] == 1
    answer = Answer.objects.get(criterion=criterion, is_prefilled=False)
    assert (answer.user, answer.note, answer.level) == (None, "", 3)
