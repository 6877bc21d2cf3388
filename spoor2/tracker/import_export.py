"""Files in and out of the tracker: CSV/XLSX import with a column mapping, and CSV/XLSX/JSON/PDF/ICS export.

Import checks EVERY row first and rejects the whole file when any row is bad
(:class:`~spoor2.errors.ImportRejected` lists each bad row with its number), so a bad file
changes nothing. Exports neutralise cells that a spreadsheet would run as a formula.

>>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise(" @SUM(A1)"), neutralise("ok")
('\\'=HYPERLINK("http://x")', "' @SUM(A1)", 'ok')
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from spoor2.dates import add_days
from spoor2.errors import ImportRejected, InvalidInput, Spoor2Error
from spoor2.i18n import LANGS, format_date, t
from spoor2.tracker.activities import (
    ACTIVITY_TYPES,
    FIELDS,
    Activity,
    iso_week_key,
    validate_activity,
    week_keys,
    week_monday,
)

if TYPE_CHECKING:
    from spoor2.render.document import Document, Item

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000
#: More columns than a log has fields (and its labels) is not a log: refused before any mapping step.
MAX_IMPORT_COLUMNS = 100
#: Rows read from a workbook, empty ones included (a file of a million empty rows is refused quickly).
MAX_SCANNED_ROWS = MAX_IMPORT_ROWS + 10_000
#: Fields a file must provide (a column must be mapped to each).
REQUIRED_FIELDS: tuple[str, ...] = ("date", "type", "organisation")
#: Known headers per field besides the field id and its labels in both languages.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("datum", "activity_date", "dag", "day"),
    "type": ("soort", "kind", "activity", "activiteit", "soort activiteit", "activity type", "type activiteit"),
    "organisation": ("organisatie", "organization", "company", "bedrijf", "werkgever", "employer"),
    "role": ("functie", "job", "position", "vacature", "vacancy", "job title", "functietitel"),
    "channel": ("kanaal", "bron", "source", "via"),
    "contact_person": ("contactpersoon", "contact", "contact person"),
    "status": ("stand", "state"),
    "follow_up": ("opvolging", "follow-up", "follow up", "followup", "opvolgdatum"),
    "response_date": ("reactiedatum", "datum reactie", "response"),
    "response_date_source": ("response date source", "herkomst datum reactie"),
    "outcome": ("resultaat", "uitkomst", "result"),
    "notes": ("notities", "opmerkingen", "notitie", "note", "comments", "toelichting"),
    "evidence_link": ("link", "url", "bewijs", "evidence"),
    "fits_limitations": ("past bij beperkingen", "fits limitations", "past"),
    "goal": ("doel", "plan goal"),
}
_CSV_DELIMITERS = (",", ";", "\t")
#: ``DTSTAMP`` of the agenda's events: fixed, so that the export is reproducible.
AGENDA_STAMP = date(2000, 1, 1)


_FORMULA_START = ("=", "+", "-", "@")
#: A formula character right after a separator, tab or line break: a spreadsheet that splits the
#: text there (Excel opens a ``.csv`` with ``;`` in a Dutch locale) would start a cell with it.
_FORMULA_AFTER_BREAK = re.compile(r"([,;\t\r\n][ \t]*)([=+\-@])")


def neutralise(value: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would treat as a formula (``= + - @``, also after blanks),
    and to every formula character that follows a separator (``,`` ``;``), a tab or a line break.

    >>> neutralise("x;=cmd|' /C calc'!A0"), neutralise("line 1\\n=2+2"), neutralise("a, -b")
    ("x;'=cmd|' /C calc'!A0", "line 1\\n'=2+2", "a, '-b")
    """
    if not value:
        return value
    value = _FORMULA_AFTER_BREAK.sub(r"\1'\2", value)
    if value.lstrip(" \t\r\n")[:1] in _FORMULA_START or value[:1] in ("\t", "\r"):
        return "'" + value
    return value


# --- reading files ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """The cells of an import file: headers and rows of text (row numbers count the header as row 1)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(data: bytes, filename: str) -> Table:
    """Read a CSV or XLSX file into a :class:`Table`; clear ``InvalidInput`` for everything else."""
    if len(data) > MAX_IMPORT_BYTES:
        raise InvalidInput("tracker.error.file_too_large", maximum_mb=MAX_IMPORT_BYTES // (1024 * 1024))
    name = filename.lower()
    if name.endswith(".xlsx"):
        table = _read_xlsx(data)
    elif name.endswith((".csv", ".txt")):
        table = _read_csv(data)
    else:
        raise InvalidInput("tracker.error.unknown_format")
    if not table.rows:
        raise InvalidInput("tracker.error.empty_file")
    return table


def _read_csv(data: bytes) -> Table:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("tracker.error.not_utf8") from None
    if "\x00" in content:
        raise InvalidInput("tracker.error.not_csv")
    first = content.split("\n", 1)[0]
    delimiter = max(_CSV_DELIMITERS, key=first.count)
    try:
        rows = []
        for row in csv.reader(io.StringIO(content, newline=""), delimiter=delimiter):  # csv is lenient by default
            if len(row) > MAX_IMPORT_COLUMNS:
                raise InvalidInput("tracker.error.too_many_columns", maximum=MAX_IMPORT_COLUMNS)
            if any(cell.strip() for cell in row):
                rows.append(tuple(row))
            if len(rows) > MAX_IMPORT_ROWS + 1:
                raise InvalidInput("tracker.error.too_many_rows", maximum=MAX_IMPORT_ROWS)
    except csv.Error:
        raise InvalidInput("tracker.error.not_csv") from None
    if not rows:
        raise InvalidInput("tracker.error.empty_file")
    return Table(tuple(cell.strip() for cell in rows[0]), tuple(rows[1:]))


#: What a workbook may unpack to, in all and per part, and how much a part may be compressed:
#: a 3 MB workbook whose shared strings unpack to gigabytes (a "zip bomb") is refused unread.
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_XLSX_RATIO = 100


def _check_xlsx_parts(data: bytes) -> None:
    """Refuse a workbook that unpacks to far more than a spreadsheet of activities can need."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise InvalidInput("tracker.error.not_xlsx") from None
    total = sum(part.file_size for part in parts)
    squeezed = any(
        part.file_size > 1024 * 1024 and part.file_size > MAX_XLSX_RATIO * part.compress_size for part in parts
    )
    if total > MAX_XLSX_UNPACKED_BYTES or squeezed or len(parts) > 1_000:
        raise InvalidInput("tracker.error.xlsx_unpacks_too_large", maximum_mb=MAX_XLSX_UNPACKED_BYTES // (1024 * 1024))


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    if not data.startswith(b"PK\x03\x04"):
        raise InvalidInput("tracker.error.not_xlsx")
    _check_xlsx_parts(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise InvalidInput("tracker.error.not_xlsx") from None
    except Exception:  # openpyxl raises its own exception types for broken workbooks
        raise InvalidInput("tracker.error.not_xlsx") from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise InvalidInput("tracker.error.empty_file")
        rows: list[tuple[Any, ...]] = []
        for scanned, row in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_IMPORT_COLUMNS + 1)):
            if scanned > MAX_SCANNED_ROWS:
                raise InvalidInput("tracker.error.too_many_rows", maximum=MAX_IMPORT_ROWS)
            if len(row) > MAX_IMPORT_COLUMNS and any(v not in (None, "") for v in row[MAX_IMPORT_COLUMNS:]):
                raise InvalidInput("tracker.error.too_many_columns", maximum=MAX_IMPORT_COLUMNS)
            cells = tuple(_cell(value) for value in row[:MAX_IMPORT_COLUMNS])
            if any(str(cell).strip() for cell in cells):
                rows.append(cells)
            if len(rows) > MAX_IMPORT_ROWS + 1:
                raise InvalidInput("tracker.error.too_many_rows", maximum=MAX_IMPORT_ROWS)
    except Spoor2Error:
        raise
    except Exception:
        raise InvalidInput("tracker.error.not_xlsx") from None
    finally:
        workbook.close()
    if not rows:
        raise InvalidInput("tracker.error.empty_file")
    return Table(tuple(str(cell).strip() for cell in rows[0]), tuple(rows[1:]))


# --- mapping ------------------------------------------------------------------------------------------


def _normalise_header(header: str) -> str:
    return " ".join(header.replace("_", " ").replace("*", "").strip().lower().split())


def _known_headers() -> dict[str, str]:
    known: dict[str, str] = {}
    for field in FIELDS:
        names = [field, *HEADER_ALIASES.get(field, ()), *(t(lang, f"tracker.field.{field}") for lang in LANGS)]
        for name in names:
            known.setdefault(_normalise_header(name), field)
    return known


def auto_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Field → the header that holds it (known English and Dutch headers), or None.

    >>> m = auto_mapping(["Datum", "Soort", "Organisatie", "Functie", "Status", "Notities", "x"])
    >>> m["date"], m["type"], m["notes"], m["goal"]
    ('Datum', 'Soort', 'Notities', None)
    """
    known = _known_headers()
    mapping: dict[str, str | None] = dict.fromkeys(FIELDS)
    for header in headers:
        field = known.get(_normalise_header(str(header)))
        if field is not None and mapping[field] is None:
            mapping[field] = header
    return mapping


def check_mapping(headers: Sequence[str], mapping: Mapping[str, str | None]) -> dict[str, int]:
    """Field → column index; every required field mapped, no column used twice."""
    used: dict[str, str] = {}
    out: dict[str, int] = {}
    for field in FIELDS:
        header = mapping.get(field)
        if not header:
            continue
        if header not in headers:
            raise InvalidInput("tracker.error.missing_column", column=t("en", f"tracker.field.{field}"))
        if header in used:
            raise InvalidInput("tracker.error.duplicate_mapping", column=str(header)[:60])
        used[header] = field
        out[field] = list(headers).index(header)
    for field in REQUIRED_FIELDS:
        if field not in out:
            raise InvalidInput("tracker.error.missing_column", column=field)
    return out


def rows_to_activities(table: Table, mapping: Mapping[str, str | None] | None, *, today: date) -> list[Activity]:
    """Check every row; all good → the activities, else :class:`ImportRejected` with every bad row."""
    columns = check_mapping(table.headers, mapping if mapping is not None else auto_mapping(table.headers))
    if len(table.rows) > MAX_IMPORT_ROWS:
        raise InvalidInput("tracker.error.too_many_rows", maximum=MAX_IMPORT_ROWS)
    activities: list[Activity] = []
    problems: list[tuple[int, str, dict[str, Any]]] = []
    for index, row in enumerate(table.rows):
        raw = {field: (row[col] if col < len(row) else "") for field, col in columns.items()}
        try:
            activities.append(validate_activity(raw, today=today))
        except InvalidInput as error:
            problems.append((index + 2, error.code, error.params))  # row 1 is the header
    if problems:
        raise ImportRejected("tracker.error.import_rejected", problems=problems, count=len(problems))
    if not activities:
        raise InvalidInput("tracker.error.empty_file")
    return activities


def problem_lines(error: ImportRejected, lang: str) -> list[tuple[int, str]]:
    """``(row number, reason in the user's language)`` for each bad row."""
    return [(row, Spoor2Error(code, **params).message(lang)) for row, code, params in error.problems]


def import_file(data: bytes, filename: str, *, today: date, mapping: Mapping[str, str | None] | None = None):
    """Read, map and check a whole file (no store involved); the page and CLI write the result."""
    return rows_to_activities(read_table(data, filename), mapping, today=today)


# --- exports ------------------------------------------------------------------------------------------


def _display(activity: Activity, field: str, lang: str) -> str:
    value = activity.field_value(field)
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if field == "type":
        return t(lang, f"tracker.type.{value}")
    if field == "status":
        return t(lang, f"tracker.status.{value}")
    if field == "fits_limitations":
        return t(lang, f"tracker.fit.{value}")
    if field == "response_date_source":
        return t(lang, f"tracker.response_source.{value}")
    return str(value)


def headers(lang: str) -> list[str]:
    return [t(lang, f"tracker.field.{field}") for field in FIELDS]


def table_rows(activities: Iterable[Activity], lang: str) -> Iterable[list[str]]:
    """Rows of neutralised text, labels in ``lang`` (importable again: labels are accepted)."""
    for activity in activities:
        yield [neutralise(_display(activity, field, lang)) for field in FIELDS]


def to_csv(activities: Iterable[Activity], lang: str) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)  # every field quoted: a ";" or a line break never splits it
    writer.writerow([neutralise(h) for h in headers(lang)])
    writer.writerows(table_rows(activities, lang))
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(activities: Iterable[Activity], lang: str) -> bytes:
    """An XLSX workbook in which every cell is a string (``data_type = "s"``), never a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(t(lang, "tracker.pdf.title")[:31])

    def cells(values: Iterable[str]) -> list[WriteOnlyCell]:
        out = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))  # control characters
            cell.data_type = "s"
            out.append(cell)
        return out

    sheet.append(cells(neutralise(h) for h in headers(lang)))
    for row in table_rows(activities, lang):
        sheet.append(cells(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_json(activities: Iterable[Activity]) -> bytes:
    """Ids and ISO dates (not labels): a faithful copy that :func:`from_json` reads back."""
    items = [a.model_dump(mode="json") for a in activities]
    return json.dumps(
        {"format": "spoor2.activities", "version": 1, "activities": items}, ensure_ascii=False, indent=1
    ).encode("utf-8")


def from_json(data: bytes, *, today: date) -> list[Activity]:
    """Activities from :func:`to_json`, each checked like any other input."""
    try:
        payload = json.loads(data.decode("utf-8"))
        items = payload["activities"] if payload.get("format") == "spoor2.activities" else None
    except (UnicodeDecodeError, ValueError, AttributeError, KeyError, TypeError):
        items = None
    if not isinstance(items, list):
        raise InvalidInput("tracker.error.bad_json")
    problems: list[tuple[int, str, dict[str, Any]]] = []
    out: list[Activity] = []
    for index, item in enumerate(items, start=1):
        try:
            if not isinstance(item, dict):
                raise InvalidInput("tracker.error.bad_json")
            out.append(validate_activity(item, today=today))
        except InvalidInput as error:
            problems.append((index, error.code, error.params))
    if problems:
        raise ImportRejected("tracker.error.import_rejected", problems=problems, count=len(problems))
    return out


# --- PDF overview -------------------------------------------------------------------------------------


def _overview_item(activity: Activity, lang: str) -> Item:
    """One activity of the overview: its line, then its notes, outcome, response and evidence."""
    from spoor2.render.document import Item, UserText

    fmt = lambda d: format_date(d, lang)  # noqa: E731
    parts: list[str | UserText] = [format_date(activity.activity_date, lang, "medium")]
    parts += [" · ", t(lang, f"tracker.type.{activity.type}")]
    for typed in (activity.organisation, activity.role):
        if typed:
            parts += [" · ", UserText(typed)]
    parts += [" · ", t(lang, f"tracker.status.{activity.status}")]
    notes: list[tuple[str | UserText, ...]] = []
    for field in ("outcome", "notes"):
        text = getattr(activity, field)
        if text:
            notes.append((f"{t(lang, f'tracker.field.{field}')}: ", UserText(text[:1_000])))
    if activity.response_date is not None:
        response = t(lang, "tracker.pdf.response", date=fmt(activity.response_date))
        inferred = f" ({t(lang, 'tracker.pdf.response_inferred')})" if activity.response_date_inferred else ""
        notes.append((response + inferred,))
    if activity.evidence_file:
        notes.append((t(lang, "tracker.pdf.evidence_attached"),))
    if activity.evidence_link:
        notes.append((t(lang, "tracker.pdf.evidence_link", link=""), UserText(activity.evidence_link)))
    return Item(tuple(parts), notes=tuple(notes))


def overview_document(
    activities: Iterable[Activity], lang: str, start: date, end: date, today: date, *, name: str = ""
) -> Document:
    """The "activity overview" a person hands over: their name, a summary (totals per type), then every
    ISO week of the period with its activities as the body — notes, outcome, response date (marked when
    inferred) and whether evidence is attached; a week without activities is shown as empty.
    ``activities`` in date order."""
    from spoor2.render.document import Block, BulletList, Caption, Document, Heading, Item, Paragraph, UserText

    fmt = lambda d: format_date(d, lang)  # noqa: E731

    def counts(numbers: Mapping[str, int]) -> list[str]:
        return [f"{t(lang, f'tracker.type.{kind}')}: {numbers[kind]}" for kind in ACTIVITY_TYPES if numbers.get(kind)]

    title = t(lang, "tracker.pdf.title")
    blocks: list[Block] = [Heading(title)]
    if name.strip():
        blocks.append(Paragraph((t(lang, "tracker.pdf.name", name=""), UserText(name.strip()[:200]))))
    blocks.append(Paragraph(t(lang, "tracker.pdf.subtitle", start=fmt(start), end=fmt(end), today=fmt(today))))
    totals: dict[str, int] = {}
    by_week: dict[str, list[Activity]] = {}
    for activity in activities:
        by_week.setdefault(iso_week_key(activity.activity_date), []).append(activity)
        totals[activity.type] = totals.get(activity.type, 0) + 1
    blocks.append(Heading(t(lang, "tracker.pdf.summary_title"), level=2))
    blocks.append(Paragraph(t(lang, "tracker.pdf.grand_total", count=sum(totals.values()))))
    if totals:
        blocks.append(BulletList(tuple(Item(line) for line in counts(totals))))
    else:
        blocks.append(Paragraph(t(lang, "tracker.pdf.none")))
    weeks = sorted({*week_keys(start, end), *by_week}) if start <= end else sorted(by_week)
    for key in weeks:
        monday = week_monday(key)
        in_week = by_week.get(key, [])
        week = t(lang, "tracker.pdf.week", week=key, start=fmt(monday), end=fmt(add_days(monday, 6)))
        blocks.append(Heading(f"{week} · {t(lang, 'tracker.pdf.week_total', count=len(in_week))}", level=3))
        if in_week:
            blocks.append(BulletList(tuple(_overview_item(a, lang) for a in in_week)))
        else:
            blocks.append(Caption(t(lang, "tracker.pdf.empty_week")))
    blocks.append(Caption(t(lang, "tracker.pdf.footer")))
    return Document(title, tuple(blocks))


def overview_pdf(
    activities: Iterable[Activity], lang: str, start: date, end: date, today: date, *, name: str = ""
) -> bytes:
    """The activity overview (:func:`overview_document`) as a PDF."""
    return overview_document(activities, lang, start, end, today, name=name).to_pdf()


# --- calendar -----------------------------------------------------------------------------------------


def agenda_ics(follow_ups: Iterable[Activity], interviews: Iterable[Activity], lang: str) -> bytes:
    """An iCalendar file: all-day events for follow-ups and interviews, with stable UIDs
    (``<activity id>-follow-up@spoor2`` / ``-interview@spoor2``), so re-importing updates them.
    ``DTSTAMP`` is a fixed day, so the same agenda always gives the same file."""
    from spoor2.render.ics import AllDayEvent, calendar_ics

    def event(activity: Activity, day: date, kind: str, summary_key: str) -> AllDayEvent:
        details = [t(lang, f"tracker.type.{activity.type}"), activity.role, activity.contact_person, activity.notes]
        return AllDayEvent(
            uid=f"{activity.id}-{kind}@spoor2",
            first=day,
            summary=t(lang, summary_key, organisation=activity.organisation),
            description="\n".join(d for d in details if d)[:2000],
        )

    events = [
        event(activity, activity.follow_up, "follow-up", "tracker.agenda.event_follow_up")
        for activity in follow_ups
        if activity.follow_up is not None
    ]
    events += [
        event(activity, activity.activity_date, "interview", "tracker.agenda.event_interview")
        for activity in interviews
    ]
    return calendar_ics(events, prodid="-//Spoor 2 self-help portal//tracker//EN", stamp=AGENDA_STAMP)
