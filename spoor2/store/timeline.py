"""Timeline input, recorded milestones and small settings, owner-scoped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from spoor2.errors import InvalidInput
from spoor2.model import IsoDate, Model, load_strict, load_strict_json
from spoor2.store import Store, now_iso, upsert
from spoor2.timeline.rules import (
    ALL_MILESTONES,
    RECORDABLE,
    Standing,
    Timeline,
    TimelineInput,
    compute_timeline,
    validate_timeline_input,
    where_i_stand,
)

MAX_NOTE_CHARS = 2_000
MAX_SETTING_CHARS = 10_000


def save_timeline_input(store: Store, inp: TimelineInput) -> None:
    """Validate, then save (replacing the previous input). Nothing is saved if invalid."""
    validate_timeline_input(inp)
    with store.transaction() as conn:
        upsert(
            conn,
            "timeline_inputs",
            ("owner_id",),
            {"owner_id": store.owner_id, "payload": inp.model_dump_json(), "updated_at": now_iso()},
        )


def load_timeline_input(store: Store) -> TimelineInput | None:
    with store.read() as conn:
        row = conn.execute(
            text("SELECT payload FROM timeline_inputs WHERE owner_id = :o"), {"o": store.owner_id}
        ).first()
    if row is None:
        return None
    return load_strict_json(TimelineInput, row[0])


@dataclass(frozen=True)
class SavedStanding:
    """The saved timeline, computed, and where the person stands with the recorded milestones."""

    input: TimelineInput
    timeline: Timeline
    standing: Standing


def load_standing(store: Store, as_of: date, extra_done: Mapping[str, date] | None = None) -> SavedStanding | None:
    """Load the saved timeline, compute it and stand on ``as_of`` with the recorded milestones.

    None when no timeline is saved; raises :class:`~spoor2.errors.Spoor2Error` when the saved input
    no longer validates. ``extra_done`` adds steps done (they win over the recorded dates).
    """
    inp = load_timeline_input(store)
    if inp is None:
        return None
    done = {**milestone_records(store), **(extra_done or {})}
    timeline = compute_timeline(inp, done)  # recorded dates are input: later steps follow them
    return SavedStanding(input=inp, timeline=timeline, standing=where_i_stand(timeline, as_of))


def delete_timeline_input(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute(text("DELETE FROM timeline_inputs WHERE owner_id = :o"), {"o": store.owner_id})


def record_milestone(store: Store, milestone_id: str, done_on: date, note: str = "") -> None:
    """Record that a milestone happened ("I received the plan van aanpak on …")."""
    if milestone_id not in RECORDABLE or milestone_id not in ALL_MILESTONES:
        raise InvalidInput("unknown_milestone", milestone=milestone_id)
    if len(note) > MAX_NOTE_CHARS:
        raise InvalidInput("note_too_long", maximum=MAX_NOTE_CHARS)
    with store.transaction() as conn:
        upsert(
            conn,
            "milestone_records",
            ("owner_id", "milestone_id"),
            {
                "owner_id": store.owner_id,
                "milestone_id": milestone_id,
                "done_on": done_on.isoformat(),
                "note": note,
                "updated_at": now_iso(),
            },
        )


def clear_milestone(store: Store, milestone_id: str) -> None:
    with store.transaction() as conn:
        conn.execute(
            text("DELETE FROM milestone_records WHERE owner_id = :o AND milestone_id = :m"),
            {"o": store.owner_id, "m": milestone_id},
        )


class _Recorded(Model):
    """A stored milestone record as it is read back: its date strictly ``YYYY-MM-DD``."""

    milestone_id: str
    done_on: IsoDate


def milestone_records(store: Store) -> dict[str, date]:
    """Recorded milestones: id → the date the user recorded.

    Read strictly (a ``ValidationError`` for a stored ``0``, ``20261102`` or 29 February of a common
    year, never a guessed date): the linked documents of the checklist read their date from here too.
    """
    with store.read() as conn:
        rows = conn.execute(
            text("SELECT milestone_id, done_on FROM milestone_records WHERE owner_id = :o"),
            {"o": store.owner_id},
        ).all()
    records = (load_strict(_Recorded, {"milestone_id": mid, "done_on": done_on}) for mid, done_on in rows)
    return {record.milestone_id: record.done_on for record in records}


def milestone_notes(store: Store) -> dict[str, str]:
    with store.read() as conn:
        rows = conn.execute(
            text("SELECT milestone_id, note FROM milestone_records WHERE owner_id = :o"),
            {"o": store.owner_id},
        ).all()
    return dict(rows)


def get_setting(store: Store, key: str, default: str | None = None) -> str | None:
    with store.read() as conn:
        row = conn.execute(
            text("SELECT value FROM settings WHERE owner_id = :o AND key = :k"),
            {"o": store.owner_id, "k": key},
        ).first()
    return row[0] if row else default


def set_setting(store: Store, key: str, value: str) -> None:
    if len(value) > MAX_SETTING_CHARS:
        raise InvalidInput("note_too_long", maximum=MAX_SETTING_CHARS)
    with store.transaction() as conn:
        upsert(
            conn,
            "settings",
            ("owner_id", "key"),
            {"owner_id": store.owner_id, "key": key, "value": value, "updated_at": now_iso()},
        )
