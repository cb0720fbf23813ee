from __future__ import annotations

import datetime

import pytest

from industriedialog.reporting import privacy
from industriedialog.reporting.models import BoardMeeting, BoardMember

pytestmark = pytest.mark.django_db


def test_board_member_is_exported_and_anonymised_keeping_the_organisation() -> None:
    member = BoardMember.objects.create(
        name="Dr. Katrin Albers",
        email="k.albers@example.org",
        organisation="Verband",
        role="Vorsitz",
    )
    BoardMember.objects.create(
        name="Jonas Reuter", email="j@example.org", organisation="IG", role="M"
    )
    meeting = BoardMeeting.objects.create(title="1. Sitzung", held_on=datetime.date(2025, 6, 17))
    meeting.attendees.add(member)
    exported = privacy.export_person("K.Albers@example.org")
    assert exported["board_members"][0]["name"] == "Dr. Katrin Albers"
    assert exported["board_members"][0]["meetings"] == [
        {"title": "1. Sitzung", "held_on": "2025-06-17"}
    ]
    assert privacy.erase_person("k.albers@example.org") == {"board_members_anonymised": 1}
    member.refresh_from_db()
    assert (member.name, member.email, member.organisation) == ("[Name entfernt]", "", "Verband")
    assert BoardMember.objects.filter(name="Jonas Reuter").exists()
    assert privacy.export_person("k.albers@example.org")["board_members"] == []
