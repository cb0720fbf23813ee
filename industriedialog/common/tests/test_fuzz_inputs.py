"""Property tests (hypothesis) for the inputs strangers and staff send: the registry import
(CSV/XLSX upload), the district-indicator CSV import and survey answers. Whatever the bytes
or values, the result is either accepted or refused with a German message – never an
unexpected exception (a 500 for the user)."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from industriedialog.regions.indicators import IndicatorFileError, indicator_file_check
from industriedialog.registry.imports import HEADERS, import_check, import_table_read

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)

REGISTRY_HEADER = ";".join(HEADERS)  # the template's header: the rows are what varies
INDICATOR_HEADER = "AGS;Kennzahl;Jahr;Wert;Einheit;Quelle"
GERMAN_WORDS = (
    "Datei",
    "Zeile",
    "Spalte",
    "Kopfzeile",
    "bitte",
    "Bitte",
    "nicht",
    "fehl",
    "ungültig",
    "kein",
    "Erwartet",
    " ist ",
)

cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
separator = st.sampled_from([";", ",", "\t"])


def _csv(header: str, rows: list[list[str]], sep: str) -> bytes:
    lines = [header.replace(";", sep)] + [sep.join(row) for row in rows]
    return "\n".join(lines).encode("utf-8")


def _is_german(message: str) -> bool:
    return any(word in message for word in GERMAN_WORDS)


@FUZZ
@given(content=st.binary(max_size=400), name=st.sampled_from(["a.csv", "a.xlsx", "a.txt", "a"]))
def test_registry_import_refuses_arbitrary_bytes_in_german(content, name):
    try:
        import_check(table=import_table_read(content=content, filename=name))
    except ValidationError as error:
        assert _is_german(" ".join(error.messages)), error.messages


@FUZZ
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=8), max_size=6), sep=separator)
def test_registry_import_checks_any_rows_without_crashing(rows, sep):
    try:
        table = import_table_read(content=_csv(REGISTRY_HEADER, rows, sep), filename="x.csv")
        check = import_check(table=table)
    except ValidationError as error:  # the file as a whole (header, size): refused in German
        assert _is_german(" ".join(error.messages)), error.messages
        return
    for line in check.report()["errors"]:
        for issue in line["issues"]:  # each names its column, in German
            assert issue["column"] and issue["message"], issue


@FUZZ
@given(content=st.binary(max_size=400))
def test_indicator_import_refuses_arbitrary_bytes_in_german(content):
    try:
        indicator_file_check(content=content, filename="kennzahlen.csv")
    except IndicatorFileError as error:
        assert _is_german(str(error)), str(error)


@FUZZ
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=7), max_size=6), sep=separator)
def test_indicator_import_reports_bad_lines_in_german(rows, sep):
    try:
        check = indicator_file_check(
            content=_csv(INDICATOR_HEADER, rows, sep), filename="kennzahlen.csv"
        )
    except IndicatorFileError as error:
        assert _is_german(str(error)), str(error)
        return
    for error in check.errors:
        assert "Zeile" in str(error), error


# --- survey answers --------------------------------------------------------------------------

answer_value = st.one_of(
    cell,
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", "1", "0", "Ja", "-1", "1e309", "2024-02-30", "NaN", "<script>", "\x00"]),
)


@pytest.fixture
def open_survey(db):  # type: ignore[no-untyped-def]
    from industriedialog.surveys.tests.factories import make_survey

    survey = make_survey(slug="fuzz")
    fields = []
    for question in survey.current_version.definition["questions"]:
        fields.append(question["key"])
    return survey, fields


def test_survey_answers_never_cause_a_server_error(client, open_survey):
    survey, keys = open_survey

    @FUZZ
    @given(
        values=st.dictionaries(
            st.sampled_from([*keys, "page", "action", "unknown"]), answer_value, max_size=8
        ),
        page=st.integers(min_value=0, max_value=5),
    )
    def check(values, page):  # type: ignore[no-untyped-def]
        key = uuid.uuid4()
        url = f"/umfragen/{survey.slug}/antwort/{key}/{page}/"
        response = client.post(url, values)
        assert response.status_code < 500, (values, page, response.status_code)
        if response.status_code in (200, 400) and "kern-error" in response.content.decode():
            assert _is_german(response.content.decode()) or "Pflicht" in response.content.decode()

    check()
