"""Import of initiatives: dry-run preview, German messages per line and column, duplicates,
nothing written unless the file is clean or the valid rows are explicitly chosen."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from industriedialog.accounts.tests.factories import representative_user
from industriedialog.common.models import AuditLogEntry
from industriedialog.registry.changes import diff, initiative_snapshot
from industriedialog.registry.filters import InitiativeFilter
from industriedialog.registry.imports import HEADERS, MAX_ROWS, import_check, import_table_read
from industriedialog.registry.models import ImportRun, Initiative
from industriedialog.registry.services import initiative_create, initiative_refresh_search_text
from industriedialog.registry.tests.factories import staff_login

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("registry:staff_import")


@pytest.fixture(autouse=True)
def private_storage(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Uploads go to a temporary directory, not to var/private."""
    storage = FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(ImportRun._meta.get_field("file"), "storage", storage)
    return storage


def login_staff(client):  # type: ignore[no-untyped-def]
    return staff_login(client)


@pytest.fixture
def staff(client):  # type: ignore[no-untyped-def]
    return login_staff(client)


def csv_file(rows: list[list[str]], *, headers: list[str] | None = None, sep: str = ";") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerows([headers or HEADERS, *rows])
    return buffer.getvalue().encode("utf-8")


def row(**values: str) -> list[str]:
    """A full row in HEADERS order: valid defaults, overridden by German header names."""
    data = {
        "Name": "Industrieinitiative Eichsfeld",
        "Ebene": "Region",
        "Bundesländer": "TH",
        "Kreise": "16061",
        "Gründungsjahr": "2016",
        "Handlungsfelder": "Fachkräfte und Ausbildung",
        "Mitgliedsunternehmen": "12",
    }
    data.update({k.replace("_", " "): v for k, v in values.items()})
    return [data.get(h, "") for h in HEADERS]


def upload(client, content: bytes, name: str = "initiativen.csv"):  # type: ignore[no-untyped-def]
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content)})


def check_of(content: bytes, name: str = "a.csv"):  # type: ignore[no-untyped-def]
    return import_check(table=import_table_read(content=content, filename=name))


# The issue's done-when: 10,000 rows with 50 malformed ones ---------------------------------

_STATE_DISTRICTS = [("TH", "16061"), ("SN", "14522"), ("NW", "05111"), ("BY", "09162")]
# (column, bad value, words of the expected German message)
_MALFORMED = [
    ("Bundesländer", "XY", "„XY“ ist kein Bundesland-Kürzel (erlaubt: BB, BE, BW"),
    ("Name", "", "Dieses Feld muss ausgefüllt werden."),
    ("Gründungsjahr", "20x6", "Bitte eine ganze Zahl eingeben."),
    ("Gründungsdatum", "31.02.2016", "Bitte ein gültiges Datum im Format TT.MM.JJJJ"),
    ("Kreise", "16O61", "„16O61“ ist kein gültiger Kreisschlüssel"),
    ("Kreise", "99999", "Unter dem Kreisschlüssel „99999“ ist kein Kreis bekannt."),
    ("Mitgliedsunternehmen", "12,5", "Bitte eine ganze Zahl eingeben."),
]


def ten_thousand_rows() -> tuple[bytes, dict[int, tuple[str, str]]]:
    rows, bad = [], {}
    for n in range(10_000):
        state, ags = _STATE_DISTRICTS[n % len(_STATE_DISTRICTS)]
        values = row(
            Name=f"Industrieinitiative {n}",
            Bundesländer=state,
            Kreise=ags,
            Gründungsdatum=f"{n % 28 + 1:02d}.03.2016",
        )
        if n % 200 == 7:  # 50 malformed rows spread over the file
            column, value, message = _MALFORMED[len(bad) % len(_MALFORMED)]
            values[HEADERS.index(column)] = value
            bad[n + 2] = (column, message)  # line 1 is the header
        rows.append(values)
    return csv_file(rows), bad


def test_ten_thousand_rows_with_fifty_malformed_report_exactly_those_and_write_nothing(
    client, staff, regions
):
    content, bad = ten_thousand_rows()
    assert len(bad) == 50
    before = Initiative.objects.count()

    response = upload(client, content)
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("registry:staff_import_detail", args=[run.pk])
    assert (run.total_rows, run.error_rows, run.duplicate_rows) == (10_000, 50, 0)
    reported = {e["line"]: e["issues"] for e in run.report["errors"]}
    assert set(reported) == set(bad)
    for line, (column, message) in bad.items():
        (issue,) = reported[line]
        assert issue["column"] == column
        assert message in issue["message"]
        assert issue["text"].startswith(f"Zeile {line}, Spalte „{column}“: ")
    page = client.get(response["Location"]).content.decode()
    assert "Zeile 9, Spalte „Bundesländer“: „XY“ ist kein Bundesland-Kürzel" in page
    assert Initiative.objects.count() == before

    client.post(reverse("registry:staff_import_execute", args=[run.pk]), {"only_valid": "on"})
    run.refresh_from_db()
    assert run.state == ImportRun.State.IMPORTED
    assert run.created_count == 9_950
    assert Initiative.objects.count() == before + 9_950
    assert not Initiative.objects.filter(name="Industrieinitiative 7").exists()
    assert Initiative.objects.filter(name="Industrieinitiative 8").exists()


def test_a_file_with_errors_is_not_imported_without_the_explicit_choice(client, staff, regions):
    upload(client, csv_file([row(Name="Gut"), row(Name="Schlecht", Bundesländer="XY")]))
    run = ImportRun.objects.get()
    page = client.get(reverse("registry:staff_import_detail", args=[run.pk])).content.decode()
    assert "Ja, nur die 1 gültige Zeile importieren" in page

    response = client.post(reverse("registry:staff_import_execute", args=[run.pk]), follow=True)
    assert "es wurde nichts importiert" in response.content.decode()
    assert not Initiative.objects.exists()
    client.post(reverse("registry:staff_import_execute", args=[run.pk]), {"only_valid": "on"})
    assert list(Initiative.objects.values_list("name", flat=True)) == ["Gut"]


# Messages -----------------------------------------------------------------------------------


def test_each_bad_value_gets_a_german_message_with_line_and_column(regions):
    check = check_of(
        csv_file(
            [
                row(),
                row(Name="B", Ebene="Bezirk"),
                row(Name="C", Status="aufgelöst"),
                row(Name="D", Handlungsfelder="Fachkräfte und Ausbildung; Raumfahrt"),
                row(Name="E", Gründungsjahr="2015", Gründungsdatum="01.09.2016"),
                row(Name="F", Bundesländer="SN"),  # Eichsfeld (16061) lies in Thuringia
                row(Name="G", Website="kein Link"),
            ]
        )
    )
    texts = [i.text for issues in check.issues.values() for i in issues]
    assert texts == [
        "Zeile 3, Spalte „Ebene“: „Bezirk“ ist keine gültige Ebene (erlaubt: Land, Region, "
        "Kommune).",
        "Zeile 4, Spalte „Status“: „aufgelöst“ ist kein gültiger Status (erlaubt: in Gründung, "
        "aktiv, ruhend, beendet).",
        "Zeile 5, Spalte „Handlungsfelder“: „Raumfahrt“ ist kein bekanntes Handlungsfeld "
        "(erlaubt: Fachkräfte und Ausbildung; Akzeptanz und Dialog; Digitalisierung / "
        "Industrie 4.0; Innovation und Gründung; Flächen und Infrastruktur; Energie, Klima und "
        "Transformation; Strukturwandel; Integration).",
        "Zeile 6, Spalte „Gründungsdatum“: Das Gründungsdatum passt nicht zum Gründungsjahr.",
        "Zeile 7, Spalte „Kreise“: Der Kreis 16061 (Eichsfeld) liegt in Thüringen; bitte „TH“ "
        "auch unter „Bundesländer“ angeben.",
        "Zeile 8, Spalte „Website“: Bitte eine gültige Adresse eingeben.",
    ]
    assert len(check.valid_rows) == 1


def test_labels_codes_and_separators_are_understood(regions):
    check = check_of(
        csv_file(
            [
                row(
                    Ebene="kommune",
                    Status="in Gründung",
                    Bundesländer="th, Sachsen",
                    Kreise="16061; 14522",
                    Handlungsfelder="Energie, Klima und Transformation, structural_change",
                    Zielgruppen="Unternehmen; Medien",
                    Formate="webinar",
                    Gründungsdatum="2016-09-01",
                )
            ]
        )
    )
    assert not check.issues
    (valid,) = check.valid_rows
    assert (valid.initiative.level, valid.initiative.status) == ("municipality", "founding")
    assert valid.initiative.founded_on == datetime.date(2016, 9, 1)
    assert {s.code for s in valid.m2m["states"]} == {"TH", "SN"}
    assert [f.code for f in valid.m2m["fields_of_action"]] == ["energy", "structural_change"]
    assert {t.code for t in valid.m2m["target_groups"]} == {"companies", "media"}
    assert [f.code for f in valid.m2m["formats"]] == ["webinar"]


def test_status_defaults_to_active(regions):
    (valid,) = check_of(csv_file([row(Status="")])).valid_rows
    assert valid.initiative.status == "active"


def test_former_district_code_resolves_to_its_successor(regions):
    (valid,) = check_of(csv_file([row(Kreise="16056")])).valid_rows
    assert [d.ags for d in valid.m2m["districts"]] == ["16063"]  # Eisenach → Wartburgkreis


@pytest.mark.parametrize(
    "content",
    [
        csv_file([row()], sep=";"),
        csv_file([row()], sep=","),
        b"\xef\xbb\xbf" + csv_file([row()], sep=";"),
        csv_file([row()], sep=",").replace(b"\n", b"\r\n"),
    ],
    ids=["semicolon", "comma", "bom", "crlf"],
)
def test_csv_dialects(regions, content):
    check = check_of(content)
    assert not check.issues
    assert check.valid_rows[0].initiative.name == "Industrieinitiative Eichsfeld"


def test_unknown_columns_are_reported_once_and_ignored(client, staff, regions):
    headers = [*HEADERS, "Telefon"]
    response = upload(client, csv_file([[*row(), "0361 1234"]], headers=headers))
    page = client.get(response["Location"]).content.decode()
    assert "Unbekannte Spalten werden nicht importiert" in page
    assert page.count("„Telefon“") == 1
    assert ImportRun.objects.get().error_rows == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "liste.csv",
            "Name;Bundesländer\nA;TH\n".encode(),
            "Pflichtspalten fehlen in der Kopfzeile: „Ebene“.",
        ),
        ("liste.xls", b"\xd0\xcf\x11\xe0", "Das alte Excel-Format .xls wird nicht unterstützt."),
        ("liste.pdf", b"%PDF-1.4", "Dateiendung „pdf“ ist nicht erlaubt."),
        ("liste.xlsx", b"Name;Ebene\n", "ist aber keine Excel-Arbeitsmappe"),
        (
            "liste.csv",
            "Name;Ebene;Bundesland\nMünchen;Land;BY\n".encode("latin-1"),
            "Die Datei ist nicht in UTF-8 gespeichert (erstes fremdes Zeichen in Zeile 2).",
        ),
        ("liste.csv", ";".join(HEADERS).encode(), "keine Initiativen (Datenzeilen)"),
    ],
    ids=["missing-column", "xls", "pdf", "fake-xlsx", "latin-1", "header-only"],
)
def test_unusable_files_get_a_clear_message_and_nothing_is_stored(
    client, staff, regions, name, content, message
):
    response = upload(client, content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportRun.objects.exists()


def zip_of(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def test_broken_and_oversized_xlsx_files_are_refused(client, staff, regions, monkeypatch):
    response = upload(client, zip_of("hallo.txt", b"kein Excel"), "liste.xlsx")
    assert "Die Excel-Datei ist beschädigt oder keine gültige XLSX-Datei." in (
        response.content.decode()
    )
    monkeypatch.setattr("industriedialog.registry.imports.MAX_XLSX_UNPACKED", 1000)
    response = upload(client, zip_of("xl/worksheets/sheet1.xml", b"0" * 2000), "liste.xlsx")
    assert "Die Excel-Datei ist entpackt zu groß" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_files_over_ten_megabytes_are_refused(client, staff):
    response = upload(client, b"x" * (10 * 1024 * 1024 + 1))
    assert "erlaubt sind höchstens 10,0\xa0MB" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_more_than_twenty_thousand_rows_are_refused(client, staff, regions):
    content = ";".join(HEADERS).encode() + b"\n" + b"A;;Land;;TH\n" * (MAX_ROWS + 1)
    response = upload(client, content)
    assert "mehr als 20.000 Datenzeilen" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_xlsx_with_numbers_and_dates_in_cells(client, staff, regions):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    values = row(Name="Industriedialog Stuttgart", Bundesländer="BW")
    values[HEADERS.index("Kreise")] = 8111  # Excel dropped the leading zero of 08111
    values[HEADERS.index("Gründungsjahr")] = 2019
    values[HEADERS.index("Gründungsdatum")] = datetime.datetime(2019, 5, 2)  # noqa: DTZ001 - Excel dates are naive
    values[HEADERS.index("Mitgliedsunternehmen")] = 40.0
    sheet.append(values)
    sheet.append(row(Name="", Bundesländer="BW", Kreise="08111"))
    buffer = io.BytesIO()
    workbook.save(buffer)

    upload(client, buffer.getvalue(), "initiativen.xlsx")
    run = ImportRun.objects.get()
    assert run.report["format"] == "xlsx"
    assert [e["line"] for e in run.report["errors"]] == [3]
    client.post(reverse("registry:staff_import_execute", args=[run.pk]), {"only_valid": "on"})
    initiative = Initiative.objects.get(name="Industriedialog Stuttgart")
    assert initiative.founded_on == datetime.date(2019, 5, 2)
    assert initiative.member_company_count == 40
    assert [d.ags for d in initiative.districts.all()] == ["08111"]


# Duplicates ---------------------------------------------------------------------------------


def test_duplicates_in_registry_and_in_file_are_reported_and_never_written_twice(
    client, staff, regions
):
    initiative_create(name="Bündnis für Industrie Thüringen", level="state", states=["TH"])
    content = csv_file(
        [
            row(Name="  bündnis FÜR industrie   Thüringen ", Ebene="Land", Kreise=""),
            row(Name="Bündnis für Industrie Thüringen", Bundesländer="SN", Kreise=""),
            row(Name="Netzwerk Eichsfeld"),
            row(Name="netzwerk eichsfeld"),
        ]
    )
    upload(client, content)
    run = ImportRun.objects.get()
    assert run.duplicate_rows == 2
    assert [d["text"] for d in run.report["duplicates"]] == [
        "Zeile 2: „bündnis FÜR industrie   Thüringen“ steht für Thüringen schon im Verzeichnis "
        "und wird nicht noch einmal angelegt.",
        "Zeile 5: „netzwerk eichsfeld“ steht für Thüringen schon in Zeile 4 der Datei.",
    ]
    client.post(reverse("registry:staff_import_execute", args=[run.pk]))
    assert Initiative.objects.count() == 1  # refused: duplicates need the explicit choice

    client.post(reverse("registry:staff_import_execute", args=[run.pk]), {"only_valid": "on"})
    assert Initiative.objects.filter(name__iexact="Bündnis für Industrie Thüringen").count() == 2
    assert Initiative.objects.filter(name__iexact="netzwerk eichsfeld").count() == 1


def test_import_checks_the_stored_file_again(client, staff, regions):
    upload(client, csv_file([row(Name="Neue Initiative")]))
    run = ImportRun.objects.get()
    assert run.error_rows == run.duplicate_rows == 0
    # Someone creates the same entry between preview and import.
    initiative_create(name="Neue Initiative", level="region", states=["TH"])

    response = client.post(reverse("registry:staff_import_execute", args=[run.pk]), follow=True)
    assert "es wurde nichts importiert" in response.content.decode()
    assert Initiative.objects.filter(name="Neue Initiative").count() == 1
    run.refresh_from_db()
    assert (run.state, run.duplicate_rows) == (ImportRun.State.PREVIEWED, 1)


# Writing ------------------------------------------------------------------------------------


def test_clean_file_is_imported_with_history_and_search_text(client, staff, regions):
    upload(
        client,
        csv_file(
            [
                row(Name="Zukunft Eichsfeld", Handlungsfelder="Fachkräfte und Ausbildung"),
                row(Name="Werkstatt Thüringen", Ebene="Land", Kreise="", Handlungsfelder=""),
            ]
        ),
    )
    run = ImportRun.objects.get()
    response = client.get(reverse("registry:staff_import_detail", args=[run.pk]))
    assert "2 Initiativen importieren" in response.content.decode()
    response = client.post(reverse("registry:staff_import_execute", args=[run.pk]), follow=True)
    assert "2 Initiativen wurden angelegt." in response.content.decode()
    assert "Import abgeschlossen" in response.content.decode()

    initiative = Initiative.objects.get(name="Zukunft Eichsfeld")
    created = AuditLogEntry.objects.get(
        action="registry.initiative_created", object_id=str(initiative.pk)
    )
    assert created.actor == staff
    assert created.data["changes"] == diff({}, initiative_snapshot(initiative))
    assert created.data["import_run"] == run.pk
    completed = AuditLogEntry.objects.get(action="registry.import_completed")
    assert (completed.object_id, completed.data["created"]) == (str(run.pk), 2)

    stored = initiative.search_text
    initiative_refresh_search_text(initiative)
    assert stored == initiative.search_text
    found = InitiativeFilter({"q": "Fachkräfte"}, queryset=Initiative.objects.all()).qs
    assert list(found) == [initiative]
    assert initiative.slug == "zukunft-eichsfeld"


def test_a_finished_run_cannot_be_imported_again(client, staff, regions):
    upload(client, csv_file([row()]))
    run = ImportRun.objects.get()
    url = reverse("registry:staff_import_execute", args=[run.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert "Dieser Import ist bereits abgeschlossen." in response.content.decode()
    assert Initiative.objects.count() == 1


def test_discarding_deletes_the_upload_and_writes_nothing(
    client, staff, regions, private_storage, django_capture_on_commit_callbacks
):
    upload(client, csv_file([row()]))
    run = ImportRun.objects.get()
    stored = run.file.name
    assert private_storage.exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("registry:staff_import_discard", args=[run.pk]))
    run.refresh_from_db()
    assert run.state == ImportRun.State.DISCARDED
    assert not private_storage.exists(stored)
    client.post(reverse("registry:staff_import_execute", args=[run.pk]))
    assert not Initiative.objects.exists()


# Who may import -----------------------------------------------------------------------------


def test_another_staff_member_may_continue_a_run(client, regions):
    first = login_staff(client)
    upload(client, csv_file([row()]))
    run = ImportRun.objects.get()
    client.logout()
    second = login_staff(client)
    client.post(reverse("registry:staff_import_execute", args=[run.pk]))
    assert Initiative.objects.count() == 1
    run.refresh_from_db()
    assert (run.uploaded_by, run.state) == (first, ImportRun.State.IMPORTED)
    entry = AuditLogEntry.objects.get(action="registry.import_completed")
    assert entry.actor == second


@pytest.mark.parametrize("who", ["representative", "visitor"])
def test_representatives_and_visitors_cannot_import(client, regions, who):
    login_staff(client)
    upload(client, csv_file([row()]))
    run = ImportRun.objects.get()
    client.logout()
    if who == "representative":
        client.force_login(representative_user())
    urls = [
        (IMPORT_URL, "get"),
        (IMPORT_URL, "post"),
        (reverse("registry:staff_import_template", args=["csv"]), "get"),
        (reverse("registry:staff_import_detail", args=[run.pk]), "get"),
        (reverse("registry:staff_import_execute", args=[run.pk]), "post"),
        (reverse("registry:staff_import_discard", args=[run.pk]), "post"),
    ]
    for url, method in urls:
        response = getattr(client, method)(url, {"only_valid": "on"} if method == "post" else {})
        if who == "visitor":
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("account_login"))
        else:
            assert response.status_code == 403
    run.refresh_from_db()
    assert run.state == ImportRun.State.PREVIEWED
    assert not Initiative.objects.exists()


def test_upload_page_documents_the_columns_and_offers_templates(client, staff):
    page = client.get(IMPORT_URL).content.decode()
    for header in HEADERS:
        assert f"<code>{header}</code>" in page
    csv_template = client.get(reverse("registry:staff_import_template", args=["csv"]))
    assert csv_template.content.decode("utf-8") == "\ufeff" + ";".join(HEADERS) + "\r\n"
    xlsx_template = client.get(reverse("registry:staff_import_template", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx_template.content), read_only=True).worksheets[0]
    assert [c.value for c in next(sheet.iter_rows())] == HEADERS
