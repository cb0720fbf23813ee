"""Factories for the award competition: a call that is open now, with two categories, a
text, a link and a document field, and three criteria (one that does not count)."""

from __future__ import annotations

import datetime
import io
from typing import Any

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from industriedialog.accounts.roles import Role
from industriedialog.accounts.tests.factories import UserFactory
from industriedialog.awards.models import (
    AwardCall,
    Category,
    Criterion,
    FieldKind,
    FormField,
    Phase,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def pdf_upload(name: str = "konzept.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


class AwardCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardCall

    title = factory.Sequence(lambda n: f"Ausgezeichnete regionale Industrieinitiativen {2020 + n}")
    slug = factory.Sequence(lambda n: f"auszeichnung-{2020 + n}")
    description = "Gesucht werden Initiativen, die Dialog und Fachkräfte voranbringen."
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    publish_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    phase = Phase.SUBMISSION


def juror(**kwargs: Any) -> Any:
    return UserFactory(roles=[Role.JURY], **kwargs)


def call_with_parts(**kwargs: Any) -> AwardCall:
    call = AwardCallFactory(**kwargs)
    Category.objects.create(call=call, name="Fachkräfte", position=1)
    Category.objects.create(call=call, name="Dialog und Akzeptanz", position=2)
    FormField.objects.create(
        call=call,
        key="summary",
        label="Kurzbeschreibung",
        kind=FieldKind.TEXT,
        min_length=20,
        max_length=500,
        position=1,
    )
    FormField.objects.create(
        call=call,
        key="team",
        label="Wer steht dahinter?",
        kind=FieldKind.TEXT,
        max_length=300,
        is_identifying=True,
        position=2,
    )
    FormField.objects.create(
        call=call,
        key="website",
        label="Projektseite",
        kind=FieldKind.LINK,
        required=False,
        position=3,
    )
    FormField.objects.create(
        call=call,
        key="concept",
        label="Konzept (PDF)",
        kind=FieldKind.DOCUMENT,
        max_size_mb=1,
        position=4,
    )
    Criterion.objects.create(call=call, name="Wirkung", weight=3, position=1)
    Criterion.objects.create(call=call, name="Beteiligung", weight=2, position=2)
    Criterion.objects.create(
        call=call, name="Originalität des Titels", weight=1, counts_toward_total=False, position=3
    )
    return call
