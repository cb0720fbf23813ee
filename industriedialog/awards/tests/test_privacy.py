"""Export and erasure of a juror's data: locked results keep their points anonymised."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone

from industriedialog.awards import privacy
from industriedialog.awards.models import (
    Category,
    Conflict,
    Eligibility,
    JuryScore,
    Phase,
    Submission,
    SubmissionStatus,
)
from industriedialog.awards.tests.factories import call_with_parts, juror
from industriedialog.registry.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def _entry(call):  # type: ignore[no-untyped-def]
    return Submission.objects.create(
        call=call,
        category=call.categories.first(),
        initiative=InitiativeFactory(),
        status=SubmissionStatus.SUBMITTED,
        eligibility=Eligibility.ELIGIBLE,
    )


def test_export_and_erase_a_juror():
    member = juror(email="jana@example.org")
    locked = call_with_parts(phase=Phase.PUBLISHED, results_locked_at=timezone.now())
    running = call_with_parts(phase=Phase.SCORING)
    running.categories.first().jurors.add(member)
    criterion = locked.criteria.first()
    JuryScore.objects.create(
        submission=_entry(locked), juror=member, criterion=criterion, value=4, comment="stark"
    )
    JuryScore.objects.create(
        submission=_entry(running), juror=member, criterion=running.criteria.first(), value=2
    )
    Conflict.objects.create(submission=_entry(running), juror=member, note="Vorstand")

    exported = privacy.export_person("Jana@example.org")
    json.dumps(exported)
    assert len(exported["jury_scores"]) == 2 and exported["conflicts"][0]["note"] == "Vorstand"

    result = privacy.erase_person("jana@example.org")
    assert result["jury_scores_deleted"] == 1 and result["jury_scores_anonymised"] == 1
    kept = JuryScore.objects.get()
    assert (kept.juror, kept.comment, kept.value) == (None, "", 4)
    assert Conflict.objects.get().note == ""
    assert not Category.jurors.through.objects.filter(user=member).exists()
    assert privacy.export_person("jana@example.org")["jury_scores"] == []
