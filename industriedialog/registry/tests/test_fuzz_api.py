"""Fuzzing the open-data API with schemathesis, in-process through the WSGI application:
generated queries for every operation of the OpenAPI schema must never give a server error,
and every answer must match the schema (status codes, content type, body)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from industriedialog.registry.tests.factories import (
    ContactPersonFactory,
    MembershipFactory,
    tripartite_initiative,
)


def _api_schema():  # type: ignore[no-untyped-def]
    initiative = tripartite_initiative(name="Bündnis für Industrie", slug="buendnis")
    ContactPersonFactory(initiative=initiative, consented=True)
    MembershipFactory(initiative=initiative)
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def keep_test_connection():  # type: ignore[no-untyped-def]
    """The WSGI handler closes the database connection after each request (as in
    production); the test's transaction lives on that connection, so, as Django's test client
    does, keep it open while schemathesis calls the application directly."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_api_never_fails_and_matches_its_schema(regions, keep_test_connection):  # type: ignore[no-untyped-def]
    # All 16 states and the districts, as in production: the schema lists every state code.
    schema = _api_schema()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 3  # list, detail, organisations
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):  # type: ignore[no-untyped-def]
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:500])
            if response.status_code == 400:
                assert "Parameter" in response.text, response.text
            case.validate_response(response)

        check()
