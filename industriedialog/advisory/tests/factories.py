from __future__ import annotations

from typing import Any

import factory

from industriedialog.advisory.models import FoundingCase, Stage
from industriedialog.regions.models import District
from industriedialog.registry.vocabularies import Level


class FoundingCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FoundingCase
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Industrieinitiative Neugründung {n}")
    level = Level.REGION
    stage = Stage.FIRST_CONTACT

    @factory.post_generation
    def districts(self, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if create:
            self.districts.set(District.objects.filter(ags__in=extracted or ["16061"]))
