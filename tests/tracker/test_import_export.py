"""Tracker files: import (all rows checked, nothing written on any bad row), mapping, exports, ics."""

from __future__ import annotations

import contextlib
import csv
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from spoor2.errors import ImportRejected, InvalidInput
from spoor2.store import tracker as repo
from spoor2.tracker import import_export as tracker_io
from spoor2.tracker.activities import FIELDS, validate_activity
from tests.support.pdf_text import pdf_text

TODAY = date(2026, 11, 23)


def csv_bytes(rows, delimiter=","):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


HEADER = ["date", "type", "organisation", "role", "status", "notes"]


def test_mixed_good_and_bad_rows_are_rejected_with_every_bad_row_and_nothing_written(memory_store):
    data = csv_bytes([
        HEADER,
        ["2026-11-02", "vacancy_application", "Good BV", "Planner", "done", ""],
        ["2026-13-02", "vacancy_application", "Bad date", "", "done", ""],
        ["2026-11-03", "lunch", "Bad type", "", "done", ""],
        ["2026-11-04", "open_application", "", "", "done", ""],
        ["2026-11-05", "open_application", "Good 2", "", "done", "x" * 6000],
    ])  # fmt: skip
    with pytest.raises(ImportRejected) as info:
        tracker_io.import_file(data, "log.csv", today=TODAY)
    assert [(row, code) for row, code, _ in info.value.problems] == [
        (3, "tracker.error.bad_date.date"),
        (4, "tracker.error.unknown_type"),
        (5, "tracker.error.empty_organisation"),
        (6, "tracker.error.too_long.notes"),
    ]
    lines = tracker_io.problem_lines(info.value, "nl")
    assert lines[1] == (4, "‘lunch’ is geen soort activiteit die dit logboek kent.")
    assert repo.count_activities(memory_store) == 0


def test_dutch_headers_labels_semicolons_and_day_month_year_dates(memory_store):
    data = csv_bytes([
        ["Datum", "Soort", "Organisatie", "Functie", "Status", "Notities"],
        ["20-11-2026", "Sollicitatie op vacature", "Gemeente Één", "Medewerker", "Wacht op reactie", "via werk.nl"],
        ["2026-11-21", "Netwerkcontact", "Buurman", "", "Gedaan", ""],
    ], delimiter=";")  # fmt: skip
    activities = tracker_io.import_file(data, "logboek.csv", today=TODAY)
    assert repo.import_activities(memory_store, activities) == 2
    first = repo.list_activities(memory_store)[-1]
    assert (first.activity_date, first.type, first.organisation, first.status, first.notes) == (
        date(2026, 11, 20), "vacancy_application", "Gemeente Één", "awaiting_response", "via werk.nl",
    )  # fmt: skip


def test_other_headers_need_a_mapping_step():
    data = csv_bytes([["When", "What", "Company"], ["2026-11-20", "training", "ROC"]])
    table = tracker_io.read_table(data, "x.csv")
    with pytest.raises(InvalidInput) as info:
        tracker_io.rows_to_activities(table, None, today=TODAY)
    assert info.value.code == "tracker.error.missing_column"
    mapping = {"date": "When", "type": "What", "organisation": "Company"}
    [activity] = tracker_io.rows_to_activities(table, mapping, today=TODAY)
    assert (activity.type, activity.organisation) == ("training", "ROC")
    with pytest.raises(InvalidInput):
        tracker_io.rows_to_activities(table, {**mapping, "role": "Company"}, today=TODAY)


def test_xlsx_import_with_real_dates():
    data = xlsx_bytes([HEADER, [date(2026, 11, 20), "job_interview", "Zorg BV", "Planner", "interview", None]])
    [activity] = tracker_io.import_file(data, "log.xlsx", today=TODAY)
    assert (activity.activity_date, activity.type, activity.status) == (
        date(2026, 11, 20),
        "job_interview",
        "interview",
    )


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        ("date,type\n2026-01-01,x".encode("utf-16"), "x.csv", "tracker.error.not_utf8"),
        (b"not a zip at all", "x.xlsx", "tracker.error.not_xlsx"),
        (b"PK\x03\x04broken", "x.xlsx", "tracker.error.not_xlsx"),
        (b"date,type\n", "x.csv", "tracker.error.empty_file"),
        (b"%PDF-1.4", "x.pdf", "tracker.error.unknown_format"),
        (b"x" * (5 * 1024 * 1024 + 1), "x.csv", "tracker.error.file_too_large"),
    ],
)
def test_unreadable_files_get_a_clear_message(data, name, code):
    with pytest.raises(InvalidInput) as info:
        tracker_io.import_file(data, name, today=TODAY)
    assert info.value.code == code


def test_too_many_rows_are_refused():
    rows = [HEADER] + [["2026-11-20", "training", "x", "", "done", ""]] * 20_001
    with pytest.raises(InvalidInput) as info:
        tracker_io.import_file(csv_bytes(rows), "x.csv", today=TODAY)
    assert info.value.code == "tracker.error.too_many_rows"


DANGEROUS = ['=HYPERLINK("http://evil","click")', "+1", "-1+1", "@SUM(A1:A2)", "\t=1+1", " =1", "\r=2"]


def _dangerous_activities():
    return [
        validate_activity(
            {
                "date": "2026-11-20",
                "type": "other",
                "organisation": "Org",
                "role": value.strip() or "x",
                "notes": value,
            },
            today=TODAY,
        )
        for value in DANGEROUS
    ]


def test_csv_export_neutralises_formulas():
    rows = list(csv.reader(io.StringIO(tracker_io.to_csv(_dangerous_activities(), "en").decode("utf-8-sig"))))
    notes = [row[FIELDS.index("notes")] for row in rows[1:]]
    assert all(cell.startswith("'") for cell in notes), notes
    assert notes[0] == "'" + DANGEROUS[0]
    assert all(row[FIELDS.index("outcome")] == "" for row in rows[1:])


def test_xlsx_export_drops_control_characters_instead_of_crashing():
    a = validate_activity(
        {"date": "2026-11-20", "type": "other", "organisation": "Org", "notes": "a\x1fb"}, today=TODAY
    )
    sheet = load_workbook(io.BytesIO(tracker_io.to_xlsx([a], "en"))).active
    assert sheet.cell(2, FIELDS.index("notes") + 1).value == "ab"


def test_xlsx_export_cells_are_strings_never_formulas():
    book = load_workbook(io.BytesIO(tracker_io.to_xlsx(_dangerous_activities(), "nl")))
    sheet = book.active
    assert sheet.cell(1, 1).value == "Datum"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type in ("s", "inlineStr")  # a string, never "f" (formula)
            value = cell.value or ""
            first = value.lstrip(" \t\r")[:1]
            assert first not in ("=", "+", "-", "@") or value.startswith("'")
    assert sheet.cell(2, FIELDS.index("notes") + 1).value == "'" + DANGEROUS[0]


def test_pdf_overview_groups_by_week_with_totals_in_both_languages():
    activities = [
        validate_activity({"date": d, "type": k, "organisation": o}, today=TODAY)
        for d, k, o in [
            ("2026-12-31", "vacancy_application", "Café Ëlan €"),
            ("2027-01-01", "vacancy_application", "Zorg BV"),
            ("2027-01-01", "network_contact", "Buurman"),
            ("2027-01-05", "training", "ROC"),
        ]
    ]
    nl = pdf_text(tracker_io.overview_pdf(activities, "nl", date(2026, 12, 1), date(2027, 1, 31), TODAY))
    assert "Week 2026-W53" in nl and "Week 2027-W01" in nl and "Café Ëlan €" in nl
    assert "Totaal deze week: 3" in nl and "Sollicitatie op vacature: 2" in nl
    assert "Totaal: 4" in nl
    en = pdf_text(tracker_io.overview_pdf(activities, "en", date(2026, 12, 1), date(2027, 1, 31), TODAY))
    assert "Grand total: 4" in en and "Application to a vacancy: 2" in en and "Total this week: 1" in en
    empty = pdf_text(tracker_io.overview_pdf([], "en", TODAY, TODAY, TODAY))
    assert "No activities in this period." in empty and "Grand total: 0" in empty


def test_json_export_round_trip():
    activities = [
        validate_activity(
            {
                "date": "2026-11-20",
                "type": "secondment",
                "organisation": "Org €",
                "follow_up": "2026-12-01",
                "fits_limitations": "unsure",
                "evidence_link": "https://a.nl",
            },
            today=TODAY,
        ),
    ]
    assert tracker_io.from_json(tracker_io.to_json(activities), today=TODAY) == activities
    with pytest.raises(InvalidInput):
        tracker_io.from_json(b"[1, 2]", today=TODAY)


def test_csv_export_can_be_imported_again():
    activities = [validate_activity({"date": "2026-11-20", "type": "coach_meeting", "organisation": "Coach",
                                     "status": "planned"}, today=TODAY)]  # fmt: skip
    for lang in ("en", "nl"):
        [back] = tracker_io.import_file(tracker_io.to_csv(activities, lang), "x.csv", today=TODAY)
        assert (back.type, back.status, back.organisation) == ("coach_meeting", "planned", "Coach")


def test_ics_has_stable_uids_and_all_day_events():
    follow = validate_activity({"id": "abc", "date": "2026-11-20", "type": "vacancy_application", "organisation": "Org",
                                "follow_up": "2026-11-27"}, today=TODAY)  # fmt: skip
    talk = validate_activity({"id": "def", "date": "2026-12-01", "type": "job_interview", "organisation": "Zorg"},
                             today=TODAY)  # fmt: skip
    data = tracker_io.agenda_ics([follow], [talk], "nl").decode()
    assert "UID:abc-follow-up@spoor2" in data and "UID:def-interview@spoor2" in data
    assert "DTSTART;VALUE=DATE:20261127" in data and "SUMMARY:Gesprek: Zorg" in data
    assert data == tracker_io.agenda_ics([follow], [talk], "nl").decode()


cell = st.text(max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cell, min_size=0, max_size=7), min_size=0, max_size=8), st.booleans())
def test_random_rows_never_crash(rows, with_header):
    table = [HEADER, *rows] if with_header else rows
    clean = [[ILLEGAL_CHARACTERS_RE.sub("", c) for c in r] for r in table]
    for data, name in ((csv_bytes(table), "x.csv"), (xlsx_bytes(clean), "x.xlsx")):
        try:
            activities = tracker_io.import_file(data, name, today=TODAY)
        except (ImportRejected, InvalidInput):
            continue
        assert all(a.organisation for a in activities)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(data):
    for name in ("x.csv", "x.xlsx"):
        with contextlib.suppress(ImportRejected, InvalidInput):
            tracker_io.import_file(data, name, today=TODAY)


# --- issue 12 / 18 ------------------------------------------------------------------------------------


def test_the_overview_pdf_has_the_name_every_activity_its_notes_evidence_and_empty_weeks():
    a = validate_activity(
        {"date": "2026-11-02", "type": "vacancy_application", "organisation": "Gemeente Utrecht",
         "status": "rejected", "notes": "Called about the letter", "evidence_link": "https://werk.nl/v/1"},
        today=TODAY,
    )  # fmt: skip
    b = validate_activity({"date": "2026-11-17", "type": "training", "organisation": "ROC"}, today=TODAY)
    b = b.model_copy(update={"evidence_file": "evidence/" + "a" * 32 + ".pdf"})
    repo_inferred = a.model_copy(update={"response_date": date(2026, 11, 9), "response_date_source": "inferred"})
    text = pdf_text(
        tracker_io.overview_pdf([repo_inferred, b], "en", date(2026, 11, 2), date(2026, 11, 22), TODAY, name="Mark")
    )
    assert "Name: Mark" in text
    assert "Called about the letter" in text and "Evidence file attached" in text
    assert "response date inferred by the portal" in text
    assert "2026-W46" in text and "No activities this week." in text  # the empty week is shown
    assert text.index("Summary") < text.index("2026-W45")  # totals first, the activities are the body
    assert a.organisation in text


def test_exports_carry_whether_a_response_date_was_inferred():
    a = validate_activity(
        {"date": "2026-11-02", "type": "other", "organisation": "X", "status": "rejected",
         "response_date": "2026-11-09", "response_date_source": "inferred"},
        today=TODAY,
    )  # fmt: skip
    assert a.response_date_inferred
    rows = list(csv.reader(io.StringIO(tracker_io.to_csv([a], "nl").decode("utf-8-sig"))))
    assert rows[1][FIELDS.index("response_date_source")] == "afgeleid door het portaal"
    [back] = tracker_io.from_json(tracker_io.to_json([a]), today=TODAY)
    assert back.response_date_source == "inferred"
    # a response date from a person or a file, without a source, is theirs
    entered = validate_activity({"date": "2026-11-02", "type": "other", "organisation": "X",
                                 "response_date": "2026-11-05"}, today=TODAY)  # fmt: skip
    assert entered.response_date_source == "entered" and not entered.response_date_inferred


def test_a_file_with_too_many_columns_is_refused_before_the_mapping_step():
    header = ",".join(f"c{i}" for i in range(tracker_io.MAX_IMPORT_COLUMNS + 1))
    with pytest.raises(InvalidInput) as caught:
        tracker_io.read_table(f"{header}\n{header}\n".encode(), "wide.csv")
    assert caught.value.code == "tracker.error.too_many_columns"
    workbook = Workbook()
    workbook.active.append([f"c{i}" for i in range(tracker_io.MAX_IMPORT_COLUMNS + 5)])
    workbook.active.append(["x"] * (tracker_io.MAX_IMPORT_COLUMNS + 5))
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(InvalidInput) as caught:
        tracker_io.read_table(buffer.getvalue(), "wide.xlsx")
    assert caught.value.code == "tracker.error.too_many_columns"


def test_the_store_counts_inferred_response_dates(memory_store):
    day = {"date": "2026-11-02", "type": "vacancy_application", "organisation": "X", "status": "rejected"}
    repo.add_activity(memory_store, validate_activity(day, today=TODAY), today=TODAY)  # inferred by the store
    repo.add_activity(memory_store, validate_activity({**day, "response_date": "2026-11-04"}, today=TODAY))
    assert repo.response_dates_inferred(memory_store) == (1, 2)


HOSTILE_CELLS = ["x;=cmd|' /C calc'!A0", "ok\n=2+2", "a,\t@SUM(A1)", '=HYPERLINK("http://127.0.0.1:9")', "-1+1"]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_csv_export_has_no_formula_cell_whichever_separator_the_spreadsheet_uses(delimiter):
    """D5: Excel opens a .csv with ";" in a Dutch locale; ``x;=…`` and later lines of a note must not
    become formula cells. Read naively (split on the separator and on line breaks) and as CSV."""
    activities = [
        validate_activity({"date": TODAY, "type": "other", "organisation": "Acme", "notes": cell},
                          today=TODAY)
        for cell in HOSTILE_CELLS
    ]  # fmt: skip
    text = tracker_io.to_csv(activities, "nl").decode("utf-8-sig")
    parsed = [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]
    naive = [piece for line in text.splitlines() for piece in line.split(delimiter)]
    for cell in parsed + naive:
        assert cell.strip(' "\t')[:1] not in ("=", "+", "-", "@"), cell
    # and every field is quoted, so a real CSV reader keeps the notes whole
    assert all(field.startswith('"') for field in text.splitlines()[0].split(","))


def test_one_line_fields_lose_controls_and_bidi_overrides_notes_keep_their_lines():
    """D13: an imported CSV could put terminal escapes into `tracker list`, and U+202E makes
    "evil\u202etxt.exe" read as "evilexe.txt"."""
    activity = validate_activity(
        {"date": TODAY, "type": "other", "organisation": "evil\u202etxt.exe\x1b[31m",
         "role": "line\r\nbreak", "notes": "first\nsecond\x07"},
        today=TODAY,
    )  # fmt: skip
    assert activity.organisation == "eviltxt.exe[31m"
    assert activity.role == "line break"
    assert activity.notes == "first\nsecond"


def _zip_bytes(parts: dict[str, bytes]) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _workbook_bomb(kind: str, unpacked_mb: int) -> bytes:
    """A real workbook whose sheet is inflated: empty rows, or one cell of one enormous text."""
    sheet = Workbook()
    sheet.active.append(["Datum", "Organisatie"])
    buffer = io.BytesIO()
    sheet.save(buffer)
    import zipfile

    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    size = unpacked_mb * 1024 * 1024
    if kind == "empty_rows":
        filler = b"<row/>" * (size // 6)
    else:
        filler = b'<row><c t="inlineStr"><is><t>' + b"a" * size + b"</t></is></c></row>"
    part = "xl/worksheets/sheet1.xml"
    parts[part] = parts[part].replace(b"</sheetData>", filler + b"</sheetData>", 1)
    return _zip_bytes(parts)


@pytest.mark.parametrize("kind", ["empty_rows", "huge_text"])
def test_a_small_workbook_that_unpacks_to_gigabytes_is_refused_unread(kind):
    """D6: a 3.3 MB shared-strings bomb took 1.9 GB and 40 s; an empty-rows bomb ran over 300 s.

    Limits (stated here, measured with tracemalloc): refused in under 2 s with under 64 MB of Python
    memory, whatever the workbook would unpack to.
    """
    import time
    import tracemalloc

    bomb = _workbook_bomb(kind, unpacked_mb=200)
    assert len(bomb) < tracker_io.MAX_IMPORT_BYTES  # small enough to pass the upload limit
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(InvalidInput) as raised:
        tracker_io.read_table(bomb, "activities.xlsx")
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert raised.value.code == "tracker.error.xlsx_unpacks_too_large"
    assert elapsed < 2.0 and peak < 64 * 1024 * 1024, (elapsed, peak)


def test_a_400000_column_csv_is_refused_before_any_mapping():
    """D6: the mapping step sent 14 selects with 400,000 options each and crashed the browser tab."""
    data = (",".join(f"c{i}" for i in range(400_000)) + "\n").encode()
    with pytest.raises(InvalidInput) as raised:
        tracker_io.read_table(data, "wide.csv")
    assert raised.value.code == "tracker.error.too_many_columns"
