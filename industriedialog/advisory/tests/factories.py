from __future__ import annotations

import datetime
from typing import Any

import factory
from django.utils import timezone

from industriedialog.advisory.models import Consultation, ConsultationKind, FoundingCase, Stage
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


class ConsultationFactory(factory.django.DjangoModelFactory):
    """A consultation; ``initiatives=[...]`` links registry initiatives after creation."""

    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    kind = ConsultationKind.TELEPHONE
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    duration_minutes = 45
    summary = "Fragen zur Einbindung der Gewerkschaften besprochen."

    @factory.post_generation
    def initiatives(self, create: bool, extracted: list[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            self.initiatives.set(extracted)

    @factory.post_generation
    def contact_persons(self, create: bool, extracted: list[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            self.contact_persons.set(extracted)
