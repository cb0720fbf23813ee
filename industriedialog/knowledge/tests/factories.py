"""Factories and helpers for knowledge tests (wagtail-factories is not installed)."""

from __future__ import annotations

import json
from typing import Any

import factory
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Page

from industriedialog.accounts.roles import Role
from industriedialog.accounts.tests.factories import UserFactory
from industriedialog.knowledge.models import (
    EasyLanguagePage,
    EasyLanguageReview,
    EventFormatPage,
    IndexPage,
    KnowledgeDocument,
)
from industriedialog.knowledge.services import REVIEWER_GROUP, minimal_pdf


def editor_user(**kwargs: Any):  # type: ignore[no-untyped-def]
    return UserFactory(roles=[Role.EDITOR], **kwargs)


def reviewer_user(**kwargs: Any):  # type: ignore[no-untyped-def]
    user = UserFactory(roles=[Role.EDITOR], **kwargs)
    user.groups.add(Group.objects.get(name=REVIEWER_GROUP))
    return user


class KnowledgeDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KnowledgeDocument

    title = factory.Sequence(lambda n: f"Dokument {n}")
    description = "Eine Beschreibung."
    material_type = KnowledgeDocument.MaterialType.CHECKLIST
    year = 2025
    file = factory.LazyFunction(lambda: ContentFile(minimal_pdf("Test"), name="test.pdf"))


def formats_index() -> IndexPage:
    return IndexPage.objects.get(slug="veranstaltungsformate", locale__language_code="de")


def format_page(
    *, parent: Page | None = None, publish: bool = True, **fields: Any
) -> EventFormatPage:
    values: dict[str, Any] = {
        "title": "Bürgerdialog am Werkstor",
        "slug": "buergerdialog",
        "intro": "Gespräche mit der Nachbarschaft direkt am Betrieb.",
        "purpose": "<p>Nachbarn lernen den Betrieb kennen.</p>",
        "target_group": "Nachbarschaft",
        "group_size": "10 bis 30 Personen",
        "duration": "2 Stunden",
        "room": "Werkhalle",
        "steps": json.dumps(
            [{"type": "step", "value": {"title": "Rundgang", "text": "<p>Los.</p>"}}]
        ),
    }
    values.update(fields)
    page = EventFormatPage(live=publish, **values)
    (parent or formats_index()).add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def easy_page(
    *, source: Page | None = None, passed: bool | None = True, publish: bool = True
) -> EasyLanguagePage:
    from industriedialog.knowledge.models import ContentPage

    parent = ContentPage.objects.get(kind="easy_language", locale__language_code="de")
    page = EasyLanguagePage(
        title="Bürger-Dialog",
        slug="buerger-dialog",
        intro="Hier steht: So reden Firmen mit den Nachbarn.",
        body=json.dumps([{"type": "paragraph", "value": "<p>Die Firma lädt ein.</p>"}]),
        source_page=source,
        live=publish,
    )
    if passed is not None:
        page.reviews.add(
            EasyLanguageReview(
                reviewer="Prüfgruppe Erfurt, begleitet von A. Beispiel",
                reviewed_on=timezone.localdate(),
                is_passed=passed,
            )
        )
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page
