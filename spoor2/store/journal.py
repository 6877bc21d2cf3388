"""The journal data of one owner (SQL only here; the rules live in ``spoor2/journal/``)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import text

from spoor2.journal.entries import ActivityCost, CheckIn
from spoor2.model import load_strict
from spoor2.store import Store, now_iso, upsert

_ENTRY_COLUMNS = (
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
_ENTRY_SELECT = f"SELECT entry_date, part, {', '.join(_ENTRY_COLUMNS)} FROM journal_entries WHERE owner_id = :o"
_HOURS_COLUMNS = ("active_hours", "rest_hours", "longest_stretch")
#: the parts of a day in their order (morning before the whole day before evening), as SQL
_PART_ORDER = "CASE part WHEN 'morning' THEN 0 WHEN 'day' THEN 1 ELSE 2 END"
_CHECK_INS = TypeAdapter(list[CheckIn])
_COST_COLUMNS = ("source", "on_date", "label", "kind", "hours", "heaviness", "next_day", "day_after", "note")


# --- check-ins ------------------------------------------------------------------------------------------


def get_entry(store: Store, day: date, part: str) -> CheckIn | None:
    with store.read() as conn:
        row = conn.execute(
            text(f"{_ENTRY_SELECT} AND entry_date = :d AND part = :p"),
            {"o": store.owner_id, "d": day.isoformat(), "p": part},
        ).first()
    return _entry(row) if row is not None else None


def save_entry(store: Store, entry: CheckIn) -> bool:
    """Save a check-in; the same day and part again replaces it. True when it was new."""
    key = {"o": store.owner_id, "d": entry.day.isoformat(), "p": entry.part}
    now = now_iso()
    with store.transaction() as conn:
        existing = conn.execute(
            text("SELECT created_at FROM journal_entries WHERE owner_id = :o AND entry_date = :d AND part = :p"), key
        ).first()
        values: dict[str, Any] = {
            "owner_id": store.owner_id,
            "entry_date": key["d"],
            "part": entry.part,
            **{name: getattr(entry, name) for name in _ENTRY_COLUMNS},
            "created_at": existing[0] if existing is not None else now,
            "updated_at": now,
        }
        upsert(conn, "journal_entries", ("owner_id", "entry_date", "part"), values)
    return existing is None


def delete_entry(store: Store, day: date, part: str) -> bool:
    with store.transaction() as conn:
        result = conn.execute(
            text("DELETE FROM journal_entries WHERE owner_id = :o AND entry_date = :d AND part = :p"),
            {"o": store.owner_id, "d": day.isoformat(), "p": part},
        )
    return bool(result.rowcount)


def _row_values(row: Sequence[Any]) -> dict[str, Any]:
    values = dict(zip(("day", "part", *_ENTRY_COLUMNS), row, strict=True))
    for name in _HOURS_COLUMNS:
        if values[name] is not None:
            values[name] = float(values[name])
    return values


def _entry(row: Sequence[Any]) -> CheckIn:
    return load_strict(CheckIn, _row_values(row))


def _entries(rows: Iterable[Sequence[Any]]) -> list[CheckIn]:
    """Rows as check-ins, checked as strictly as :func:`spoor2.model.load_strict` checks one, all in one go
    (one row at a time took twice as long for 3 years of check-ins: issue 19). The rows hold text and
    numbers only (dates are ISO text)."""
    return _CHECK_INS.validate_json(json.dumps([_row_values(r) for r in rows]), strict=True)


def entries(store: Store, start: date | None = None, end: date | None = None) -> list[CheckIn]:
    """The owner's check-ins from ``start`` to ``end`` (inclusive; None: no bound), oldest first (morning
    before evening). Without bounds every row is read, so one that is no date is refused, not skipped."""
    where, params = "", {"o": store.owner_id}
    if start is not None:
        where, params["s"] = f"{where} AND entry_date >= :s", start.isoformat()
    if end is not None:
        where, params["e"] = f"{where} AND entry_date <= :e", end.isoformat()
    with store.read() as conn:
        rows = conn.execute(text(f"{_ENTRY_SELECT}{where} ORDER BY entry_date, {_PART_ORDER}"), params).all()
    return _entries(rows)


def count_entries(store: Store) -> int:
    """How many check-ins the owner has."""
    with store.read() as conn:
        found = conn.execute(text("SELECT COUNT(*) FROM journal_entries WHERE owner_id = :o"), {"o": store.owner_id})
        return int(found.scalar() or 0)


def newest_entries(store: Store, limit: int, offset: int = 0) -> list[CheckIn]:
    """A page of the owner's check-ins, newest first (evening before morning): at most ``limit`` of them,
    after the ``offset`` newest. Page by page, every check-in comes once (a day and part are one check-in)."""
    with store.read() as conn:
        rows = conn.execute(
            text(f"{_ENTRY_SELECT} ORDER BY entry_date DESC, {_PART_ORDER} DESC LIMIT :limit OFFSET :offset"),
            {"o": store.owner_id, "limit": max(0, int(limit)), "offset": max(0, int(offset))},
        ).all()
    return _entries(rows)


# --- what activities cost ---------------------------------------------------------------------------------


def save_cost(store: Store, cost: ActivityCost) -> None:
    """Save what an activity cost (saving it again for the same activity replaces it)."""
    values: dict[str, Any] = {
        "owner_id": store.owner_id,
        "activity_id": cost.activity_id,
        "source": cost.source,
        "on_date": cost.on.isoformat(),
        "label": cost.label,
        "kind": cost.kind,
        "hours": cost.hours,
        "heaviness": cost.heaviness,
        "next_day": cost.next_day,
        "day_after": cost.day_after,
        "note": cost.note,
        "updated_at": now_iso(),
    }
    with store.transaction() as conn:
        upsert(conn, "journal_activity_costs", ("owner_id", "activity_id"), values)


def costs(store: Store) -> list[ActivityCost]:
    """What activities cost, newest first."""
    with store.read() as conn:
        rows = conn.execute(
            text(
                f"SELECT activity_id, {', '.join(_COST_COLUMNS)} FROM journal_activity_costs "
                "WHERE owner_id = :o ORDER BY on_date DESC, activity_id"
            ),
            {"o": store.owner_id},
        ).all()
    out = []
    for row in rows:
        values = dict(zip(("activity_id", *_COST_COLUMNS), row, strict=True))
        values["on"] = values.pop("on_date")
        if values["hours"] is not None:
            values["hours"] = float(values["hours"])
        out.append(load_strict(ActivityCost, values))
    return out


def delete_cost(store: Store, activity_id: str) -> bool:
    with store.transaction() as conn:
        result = conn.execute(
            text("DELETE FROM journal_activity_costs WHERE owner_id = :o AND activity_id = :a"),
            {"o": store.owner_id, "a": activity_id},
        )
    return bool(result.rowcount)


# --- the person's typical day -----------------------------------------------------------------------------


def save_typical_day(store: Store, lang: str, body: str, start: date | None, end: date | None) -> None:
    values = {
        "owner_id": store.owner_id,
        "lang": lang,
        "body": body,
        "period_start": start.isoformat() if start else None,
        "period_end": end.isoformat() if end else None,
        "updated_at": now_iso(),
    }
    with store.transaction() as conn:
        upsert(conn, "journal_typical_days", ("owner_id", "lang"), values)


def typical_day(store: Store, lang: str) -> str | None:
    """The typical day the person saved for readers of ``lang`` (None: none saved)."""
    with store.read() as conn:
        row = conn.execute(
            text("SELECT body FROM journal_typical_days WHERE owner_id = :o AND lang = :l"),
            {"o": store.owner_id, "l": lang},
        ).first()
    return None if row is None else str(row[0])


def forget_typical_day(store: Store, lang: str) -> None:
    """Start again from the generated text ("regenerate")."""
    with store.transaction() as conn:
        conn.execute(
            text("DELETE FROM journal_typical_days WHERE owner_id = :o AND lang = :l"), {"o": store.owner_id, "l": lang}
        )


def _typical_days(store: Store) -> dict[str, str]:
    with store.read() as conn:
        rows = conn.execute(
            text("SELECT lang, body, period_start, period_end FROM journal_typical_days WHERE owner_id = :o"),
            {"o": store.owner_id},
        ).all()
    for _lang, _body, start, end in rows:  # dates must be dates (a hand-edited export is refused)
        for value in (start, end):
            if value is not None:
                date.fromisoformat(value)
    return {str(r[0]): str(r[1]) for r in rows}


#: Per owned table of this capability: how the app reads it back (used to check an import, see
#: :func:`spoor2.store.my_data._check_readable`).
READERS: dict[str, Callable[[Store], Any]] = {
    "journal_entries": entries,
    "journal_activity_costs": costs,
    "journal_typical_days": _typical_days,
}
