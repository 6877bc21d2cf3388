"""The journal as a file the person keeps or chooses to share: CSV (for a spreadsheet) or JSON.

Nothing of the journal goes into an export meant for the employer; this is the person's own copy. A CSV
cell that a spreadsheet would run as a formula is neutralised the way the tracker export does it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from spoor2.i18n import t
from spoor2.journal.entries import PARTS, CheckIn
from spoor2.tracker.import_export import neutralise

FIELDS = (
    "day",
    "part",
    "energy",
    "physical",
    "mental",
    "emotional",
    "active_hours",
    "rest_hours",
    "rest_moments",
    "longest_stretch",
    "could",
    "could_not",
    "note",
)


def _cell(entry: CheckIn, field: str, lang: str) -> str:
    value = getattr(entry, field)
    if field == "day":
        return value.isoformat()
    if field == "part":
        return t(lang, f"journal.part.{value}") if value in PARTS else str(value)
    return "" if value is None else neutralise(str(value))


def to_csv(entries: Sequence[CheckIn], lang: str) -> bytes:
    """A CSV with headers in ``lang`` (UTF-8 with a BOM, so a spreadsheet reads accents right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([neutralise(t(lang, f"journal.field.{field}")) for field in FIELDS])
    for entry in entries:
        writer.writerow([_cell(entry, field, lang) for field in FIELDS])
    return out.getvalue().encode("utf-8-sig")


def to_json(entries: Sequence[CheckIn]) -> bytes:
    """The check-ins as JSON, values as stored (text exactly as typed)."""
    rows = [entry.model_dump(mode="json") for entry in entries]
    return (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
