"""Conditional requests on the open-data API: ETag and Last-Modified, 304 without a body."""

from __future__ import annotations

import pytest

from .factories import InitiativeFactory, MembershipFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/initiatives/"


@pytest.mark.parametrize("path", [LIST, f"{LIST}im-cache/"])
def test_a_current_copy_is_answered_with_304_without_a_body(client, path):
    InitiativeFactory(slug="im-cache")
    first = client.get(path)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]

    by_etag = client.get(path, headers={"If-None-Match": etag})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == etag
    assert by_etag["Access-Control-Allow-Origin"] == "*"  # still usable from other sites

    by_date = client.get(path, headers={"If-Modified-Since": last_modified})
    assert by_date.status_code == 304

    # The same URL asked again without a validator gives the same ETag and date.
    again = client.get(path)
    assert (again["ETag"], again["Last-Modified"]) == (etag, last_modified)


def test_head_honours_the_validators_too(client):
    InitiativeFactory(slug="kopf")
    etag = client.get(f"{LIST}kopf/")["ETag"]
    assert client.head(f"{LIST}kopf/", headers={"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize("path", [LIST, f"{LIST}veraendert/"])
def test_any_change_of_the_answer_gives_a_new_etag_and_a_later_date(client, path):
    initiative = InitiativeFactory(slug="veraendert")
    membership = MembershipFactory(initiative=initiative)
    old = client.get(path)

    # A deletion leaves no timestamp on the initiative: the answer changes all the same.
    membership.delete()
    new = client.get(path, headers={"If-None-Match": old["ETag"]})
    assert new.status_code == 200
    assert new["ETag"] != old["ETag"]
    assert membership.organisation.name not in new.content.decode()
    # Within the same second as the first answer too: a client that only sends the date
    # must not be told its old copy is current.
    assert client.get(path, headers={"If-Modified-Since": old["Last-Modified"]}).status_code == 200
    assert client.get(path, headers={"If-None-Match": new["ETag"]}).status_code == 304


def test_errors_carry_no_validators(client):
    response = client.get(LIST, {"page_size": "1000"})
    assert response.status_code == 400
    assert "ETag" not in response.headers and "Last-Modified" not in response.headers
