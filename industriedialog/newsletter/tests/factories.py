"""Factories for newsletter tests."""

from __future__ import annotations

from typing import Any

import factory

from industriedialog.knowledge.models import Topic
from industriedialog.newsletter.models import Issue, Subscriber


def topic(key: str) -> Topic:
    return Topic.objects.get_or_create(key=key)[0]


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"leser{n}@beispiel.de")
    status = Subscriber.Status.CONFIRMED

    @factory.post_generation
    def topic_keys(self, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if create and extracted:
            self.topics.set([topic(key) for key in extracted])


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue
        skip_postgeneration_save = True

    subject = factory.Sequence(lambda n: f"Newsletter {n}/2026")
    intro = "<p>Neues aus der Servicestelle.</p>"

    @factory.post_generation
    def topic_keys(self, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if create and extracted:
            self.topics.set([topic(key) for key in extracted])
