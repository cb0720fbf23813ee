"""Synthetic scale data: clearly marked, deterministic, removable, never in the demo."""

from __future__ import annotations

from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import Count

from industriedialog.registry.filters import InitiativeFilter
from industriedialog.registry.models import ContactPerson, Initiative, Membership, Organisation
from industriedialog.registry.services import initiative_create, initiative_refresh_search_text
from industriedialog.registry.synthetic import PREFIX, SOURCE, synthetic_generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions(db):  # type: ignore[no-untyped-def]
    from industriedialog.regions.reference import DEFAULT_SOURCE_CSV
    from industriedialog.regions.services import regions_load

    return regions_load(csv_path=Path(settings.BASE_DIR) / DEFAULT_SOURCE_CSV)


def generate(*args: str) -> str:
    out = StringIO()
    call_command("generate_synthetic", *args, stdout=out)
    return out.getvalue()


def test_generates_clearly_marked_data(regions):
    output = generate("--initiatives", "300", "--organisations", "3000")
    assert "300 Initiativen, 3000 Organisationen" in output
    initiatives = Initiative.objects.all()
    assert initiatives.count() == 300
    assert all(i.is_synthetic and i.name.startswith(PREFIX) for i in initiatives)
    assert set(initiatives.values_list("source", flat=True)) == {SOURCE}
    assert Organisation.objects.filter(is_synthetic=True).count() == 3000
    assert not Organisation.objects.filter(is_synthetic=False).exists()
    assert not Initiative.objects.real().exists()


def test_distribution_looks_like_a_real_registry(regions):
    synthetic_generate(initiatives=400, organisations=4000, seed=1)
    initiatives = Initiative.objects.all()
    assert len(set(initiatives.values_list("states__code", flat=True))) >= 12
    assert set(initiatives.values_list("level", flat=True)) == {"state", "region", "municipality"}
    statuses = Counter(initiatives.values_list("status", flat=True))
    assert statuses.most_common(1)[0][0] == "active" and len(statuses) == 4
    members = initiatives.annotate(n=Count("memberships"))
    assert {i.n for i in members} == set(range(3, 16))  # 3 to 15 memberships each
    assert Membership.objects.filter(role="office").exists()
    assert initiatives.filter(fields_of_action__isnull=True).count() == 0
    contacts = ContactPerson.objects.all()
    assert contacts.published().exists() and contacts.exclude(consent_given_at__isnull=False)
    # Search texts are filled as the services fill them.
    sample = initiatives.order_by("pk").first()
    assert sample is not None
    stored = sample.search_text
    initiative_refresh_search_text(sample)
    assert stored == sample.search_text
    found = InitiativeFilter({"q": "Industrie", "state": ["NW"]}, queryset=initiatives).qs
    assert found.exists()


def test_same_seed_same_data_other_seed_other_data(regions):
    def names() -> list[str]:
        return list(Initiative.objects.order_by("name").values_list("name", flat=True))

    synthetic_generate(initiatives=50, organisations=500, seed=7)
    first = names()
    synthetic_generate(initiatives=50, organisations=500, seed=7)
    assert names() == first  # replaced, not added: running twice gives the same data
    synthetic_generate(initiatives=50, organisations=500, seed=8)
    assert names() != first


def test_delete_removes_only_synthetic_rows(regions):
    real = initiative_create(name="Industriedialog Baden-Württemberg", level="state", states=["BW"])
    generate("--initiatives", "30", "--organisations", "300")
    output = generate("--delete")
    assert "30 synthetische Initiativen, 300 Organisationen" in output
    assert list(Initiative.objects.all()) == [real]
    assert not Organisation.objects.exists()
    assert not Membership.objects.exists()


def test_refuses_in_demo_mode(regions, settings):
    settings.DEMO_MODE = True
    with pytest.raises(CommandError, match="Synthetische Testdaten dürfen nie in die Demo"):
        generate("--initiatives", "10", "--organisations", "100")
    assert not Initiative.objects.exists()
    assert not Organisation.objects.exists()


def test_refuses_without_regions(db):
    with pytest.raises(CommandError, match="manage.py load_regions"):
        generate("--initiatives", "10", "--organisations", "100")
