"""Job-search activities of one owner: add, edit, delete, page, aggregate, import and evidence files.

Filtering, paging and the weekly/status aggregates happen in SQL, so the page never loads all rows
(the tracker must stay responsive with 10,000 activities). Evidence files are rows of
``evidence_files`` (their bytes included), written in the SAME transaction as the activity that names
them (:func:`add_activity` with ``evidence=``), so a crash can never leave a row without its file or a
file without its row; the column ``evidence_file`` holds the file's id ``evidence/<uuid>.<ext>``,
never a name the user chose.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, Field
from sqlalchemy import Connection, bindparam, text

from spoor2.errors import InvalidInput
from spoor2.model import Model, load_strict, load_strict_json
from spoor2.store import Store, now_iso, upsert
from spoor2.store.timeline import get_setting, set_setting
from spoor2.tracker.activities import (
    CLOSED_STATUSES,
    EVIDENCE_EXTENSIONS,
    EVIDENCE_FILE_RE,
    EVIDENCE_MEDIA_TYPES,
    RESPONSE_STATUSES,
    STATUSES,
    Activity,
    ActivityFilter,
    WeeklyTarget,
    check_target,
    iso_week_key,
)

TARGET_SETTING = "tracker.weekly_target"
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_DIR = "evidence"
AGENDA_DAYS = 14
AGENDA_LIMIT = 200

#: The table's columns are the model's fields, in the same order.
_COLUMNS: tuple[str, ...] = tuple(Activity.model_fields)
_SELECT = "SELECT " + ", ".join(_COLUMNS) + " FROM activities"


# --- rows ↔ models ------------------------------------------------------------------------------------


def _to_row(store: Store, activity: Activity) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in _COLUMNS:
        value = getattr(activity, name)
        row[name] = value.isoformat() if isinstance(value, date) else value
    row["activity_week"] = iso_week_key(activity.activity_date)
    row["o"] = store.owner_id
    return row


def _from_row(row: Sequence[Any]) -> Activity:
    """The activity of a row, validated strictly: dates are ISO text (a number or an empty text is refused)."""
    return load_strict(Activity, dict(zip(_COLUMNS, row, strict=True)))


def _where(store: Store, filters: ActivityFilter | None) -> tuple[str, dict[str, Any], list[Any]]:
    clauses = ["owner_id = :o"]
    params: dict[str, Any] = {"o": store.owner_id}
    expanding: list[Any] = []
    f = filters or ActivityFilter()
    if f.start is not None:
        clauses.append("activity_date >= :start")
        params["start"] = f.start.isoformat()
    if f.end is not None:
        clauses.append("activity_date <= :end")
        params["end"] = f.end.isoformat()
    if f.types:
        clauses.append("type IN :types")
        params["types"] = list(f.types)
        expanding.append(bindparam("types", expanding=True))
    if f.statuses:
        clauses.append("status IN :statuses")
        params["statuses"] = list(f.statuses)
        expanding.append(bindparam("statuses", expanding=True))
    return " WHERE " + " AND ".join(clauses), params, expanding


def _query(sql: str, expanding: list[Any]):  # type: ignore[no-untyped-def]
    statement = text(sql)
    return statement.bindparams(*expanding) if expanding else statement


# --- reading ------------------------------------------------------------------------------------------


def list_activities(
    store: Store, filters: ActivityFilter | None = None, limit: int = 50, offset: int = 0
) -> list[Activity]:
    """One page of activities, newest first (by date, then by when they were entered)."""
    where, params, expanding = _where(store, filters)
    params.update(limit=max(0, int(limit)), offset=max(0, int(offset)))
    sql = f"{_SELECT}{where} ORDER BY activity_date DESC, created_at DESC, id LIMIT :limit OFFSET :offset"
    with store.read() as conn:
        rows = conn.execute(_query(sql, expanding), params).all()
    return [_from_row(row) for row in rows]


def iter_activities(store: Store, filters: ActivityFilter | None = None, chunk: int = 2_000) -> Iterable[Activity]:
    """Every matching activity, oldest first, read in chunks (for exports)."""
    where, params, expanding = _where(store, filters)
    sql = f"{_SELECT}{where} ORDER BY activity_date, created_at, id LIMIT :limit OFFSET :offset"
    offset = 0
    while True:
        with store.read() as conn:
            rows = conn.execute(_query(sql, expanding), {**params, "limit": chunk, "offset": offset}).all()
        yield from (_from_row(row) for row in rows)
        if len(rows) < chunk:
            return
        offset += chunk


def count_activities(store: Store, filters: ActivityFilter | None = None) -> int:
    where, params, expanding = _where(store, filters)
    with store.read() as conn:
        return int(conn.execute(_query(f"SELECT COUNT(*) FROM activities{where}", expanding), params).scalar() or 0)


def get_activity(store: Store, activity_id: str) -> Activity | None:
    with store.read() as conn:
        row = conn.execute(
            text(f"{_SELECT} WHERE owner_id = :o AND id = :id"), {"o": store.owner_id, "id": activity_id}
        ).first()
    return _from_row(row) if row else None


def date_range(store: Store) -> tuple[date, date] | None:
    """The first and last activity date of this owner, or None without activities."""
    with store.read() as conn:
        row = conn.execute(
            text("SELECT MIN(activity_date), MAX(activity_date) FROM activities WHERE owner_id = :o"),
            {"o": store.owner_id},
        ).first()
    if not row or row[0] is None:
        return None
    return date.fromisoformat(row[0]), date.fromisoformat(row[1])


def counts_per_week_type(store: Store, filters: ActivityFilter | None = None) -> list[tuple[str, str, int]]:
    """``(ISO week, type, count)`` rows, in week order — the weekly chart and target in one GROUP BY."""
    where, params, expanding = _where(store, filters)
    sql = f"SELECT activity_week, type, COUNT(*) FROM activities{where} GROUP BY activity_week, type ORDER BY 1, 2"
    with store.read() as conn:
        return [(w, k, int(n)) for w, k, n in conn.execute(_query(sql, expanding), params).all()]


def counts_per_type_status(store: Store, filters: ActivityFilter | None = None) -> list[tuple[str, str, int]]:
    """``(type, status, count)`` rows — the funnel and the response rate."""
    where, params, expanding = _where(store, filters)
    sql = f"SELECT type, status, COUNT(*) FROM activities{where} GROUP BY type, status ORDER BY 1, 2"
    with store.read() as conn:
        return [(k, s, int(n)) for k, s, n in conn.execute(_query(sql, expanding), params).all()]


def counts_per_status(store: Store, filters: ActivityFilter | None = None) -> dict[str, int]:
    out: dict[str, int] = {}
    for _, status, count in counts_per_type_status(store, filters):
        out[status] = out.get(status, 0) + count
    return out


def response_days_histogram(store: Store, filters: ActivityFilter | None = None) -> list[tuple[int, int]]:
    """``(days from activity to response, count)`` for activities with a response date."""
    where, params, expanding = _where(store, filters)
    # the difference of two ISO dates in days: julianday() in SQLite, date subtraction in PostgreSQL
    if store.hosted:
        days = "(CAST(response_date AS DATE) - CAST(activity_date AS DATE))"
    else:
        days = "CAST(julianday(response_date) - julianday(activity_date) AS INTEGER)"
    sql = f"SELECT {days}, COUNT(*) FROM activities{where} AND response_date IS NOT NULL GROUP BY 1 ORDER BY 1"
    with store.read() as conn:
        return [(int(d), int(n)) for d, n in conn.execute(_query(sql, expanding), params).all()]


@dataclass(frozen=True)
class Agenda:
    follow_ups: list[Activity]
    interviews: list[Activity]


def agenda(store: Store, today: date, days: int = AGENDA_DAYS) -> Agenda:
    """Follow-ups due (overdue or within ``days``) on open activities, and interviews from today on."""
    closed = ", ".join(f"'{status}'" for status in CLOSED_STATUSES)
    horizon = (today + timedelta(days=days)).isoformat()
    with store.read() as conn:
        follow = conn.execute(
            text(
                f"{_SELECT} WHERE owner_id = :o AND follow_up IS NOT NULL AND follow_up <= :h "
                f"AND status NOT IN ({closed}) ORDER BY follow_up, id LIMIT :n"
            ),
            {"o": store.owner_id, "h": horizon, "n": AGENDA_LIMIT},
        ).all()
        interviews = conn.execute(
            text(
                f"{_SELECT} WHERE owner_id = :o AND activity_date >= :t "
                "AND (type = 'job_interview' OR status = 'interview') AND status NOT IN ('withdrawn') "
                "ORDER BY activity_date, id LIMIT :n"
            ),
            {"o": store.owner_id, "t": today.isoformat(), "n": AGENDA_LIMIT},
        ).all()
    return Agenda([_from_row(r) for r in follow], [_from_row(r) for r in interviews])


# --- writing ------------------------------------------------------------------------------------------

_INSERT = (
    "INSERT INTO activities (owner_id, activity_week, created_at, updated_at, "
    + ", ".join(_COLUMNS)
    + ") VALUES (:o, :activity_week, :at, :at, "
    + ", ".join(f":{c}" for c in _COLUMNS)
    + ")"
)


def _insert(conn: Connection, store: Store, activities: Sequence[Activity]) -> None:
    if not activities:
        return
    at = now_iso()
    conn.execute(text(_INSERT), [{**_to_row(store, a), "at": at} for a in activities])


def _with_response_date(activity: Activity, previous_status: str | None, today: date | None) -> Activity:
    """Moving into an answered status (interview, offer, rejected) records today as the response date."""
    if (
        today is not None
        and activity.response_date is None
        and activity.status in RESPONSE_STATUSES
        and previous_status not in RESPONSE_STATUSES
        and today >= activity.activity_date
    ):
        return activity.model_copy(update={"response_date": today})
    return activity


def add_activity(
    store: Store, activity: Activity, *, today: date | None = None, evidence: EvidenceUpload | None = None
) -> Activity:
    """Add one activity; with ``evidence``, its file is checked and stored in the same transaction."""
    activity = _with_response_date(activity, None, today)
    row = None
    if evidence is not None:
        row = _evidence_row(store, evidence.name, evidence.data)
        activity = activity.model_copy(update={"evidence_file": row["id"]})
    with store.transaction() as conn:
        if conn.execute(text("SELECT 1 FROM activities WHERE id = :id"), {"id": activity.id}).first():
            activity = activity.model_copy(update={"id": uuid.uuid4().hex})
        if row is not None:
            conn.execute(_INSERT_EVIDENCE, row)
        _insert(conn, store, [activity])
    return activity


def update_activity(store: Store, activity: Activity, *, today: date | None = None) -> Activity:
    """Replace one activity (same id). A replaced evidence file is deleted in the same transaction."""
    return update_activities(store, [activity], today=today)[0]


def update_activities(store: Store, activities: Sequence[Activity], *, today: date | None = None) -> list[Activity]:
    """Replace several activities in ONE transaction (the edited table): all or nothing."""
    done: list[Activity] = []
    with store.transaction() as conn:
        for activity in activities:
            old = conn.execute(
                text("SELECT status, evidence_file FROM activities WHERE owner_id = :o AND id = :id"),
                {"o": store.owner_id, "id": activity.id},
            ).first()
            if old is None:
                raise InvalidInput("tracker.error.not_found")
            new = _with_response_date(activity, old[0], today)
            row = _to_row(store, new)
            sets = ", ".join(f"{c} = :{c}" for c in _COLUMNS if c != "id")
            conn.execute(
                text(
                    f"UPDATE activities SET {sets}, activity_week = :activity_week, updated_at = :at "
                    "WHERE owner_id = :o AND id = :id"
                ),
                {**row, "at": now_iso()},
            )
            if old[1] and old[1] != new.evidence_file:
                _delete_evidence(conn, store, [old[1]])
            done.append(new)
    return done


def delete_activities(store: Store, ids: Iterable[str]) -> int:
    """Delete activities (and their evidence files). Returns how many were deleted."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return 0
    select = text("SELECT evidence_file FROM activities WHERE owner_id = :o AND id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    delete = text("DELETE FROM activities WHERE owner_id = :o AND id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    with store.transaction() as conn:
        files = [r[0] for r in conn.execute(select, {"o": store.owner_id, "ids": wanted}).all() if r[0]]
        deleted = conn.execute(delete, {"o": store.owner_id, "ids": wanted}).rowcount
        _delete_evidence(conn, store, files)
    return int(deleted or 0)


def delete_activity(store: Store, activity_id: str) -> bool:
    return delete_activities(store, [activity_id]) == 1


def bulk_set_status(store: Store, ids: Iterable[str], status: str, *, today: date | None = None) -> int:
    """Set one status on many activities in one transaction. Returns how many changed."""
    if status not in STATUSES:
        raise InvalidInput("tracker.error.unknown_status", value=str(status)[:40])
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        raise InvalidInput("tracker.error.no_selection")
    params: dict[str, Any] = {"o": store.owner_id, "ids": wanted, "s": status, "at": now_iso()}
    response = ""
    if today is not None and status in RESPONSE_STATUSES:
        answered = ", ".join(f"'{s}'" for s in RESPONSE_STATUSES)
        response = (
            ", response_date = CASE WHEN response_date IS NULL AND status NOT IN "
            f"({answered}) AND activity_date <= :t THEN :t ELSE response_date END"
        )
        params["t"] = today.isoformat()
    sql = text(
        f"UPDATE activities SET status = :s, updated_at = :at{response} WHERE owner_id = :o AND id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    with store.transaction() as conn:
        return int(conn.execute(sql, params).rowcount or 0)


_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")
MAX_IMPORT_NAME_CHARS = 200


def _iso_moment(value: str) -> str:
    """``value`` if it is an ISO date and time that exists (``now_iso``'s form), else ``ValueError``."""
    if not _ISO_MOMENT.fullmatch(value):
        raise ValueError("not an ISO date and time")
    datetime.fromisoformat(value)  # a real day and time: no 29 February of a common year, no hour 25
    return value


class PreviousImport(Model):
    """A tracker file imported before (recognised by its sha256), read back strictly from ``tracker_imports``."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    file_name: str = Field(max_length=MAX_IMPORT_NAME_CHARS)
    row_count: int = Field(ge=0)
    imported_at: Annotated[str, AfterValidator(_iso_moment)]


_SELECT_IMPORTS = "SELECT sha256, file_name, row_count, imported_at FROM tracker_imports WHERE owner_id = :o"


def _import_from_row(row: Sequence[Any]) -> PreviousImport:
    """A stored import, validated strictly (a text row count or a date of 0 is refused, not guessed)."""
    return load_strict(PreviousImport, dict(zip(("sha256", "file_name", "row_count", "imported_at"), row, strict=True)))


def file_digest(data: bytes) -> str:
    """The sha256 by which an imported file is recognised (whatever its name)."""
    return hashlib.sha256(data).hexdigest()


def previous_import(store: Store, data: bytes) -> PreviousImport | None:
    """When exactly this file (the same bytes) was imported before, else None: ask before importing again."""
    with store.read() as conn:
        row = conn.execute(
            text(f"{_SELECT_IMPORTS} AND sha256 = :h"), {"o": store.owner_id, "h": file_digest(data)}
        ).first()
    return _import_from_row(row) if row else None


def tracker_imports(store: Store) -> list[PreviousImport]:
    """Every tracker file this owner imported, oldest first (each row read strictly)."""
    with store.read() as conn:
        rows = conn.execute(text(f"{_SELECT_IMPORTS} ORDER BY imported_at, sha256"), {"o": store.owner_id}).all()
    return [_import_from_row(row) for row in rows]


def import_activities(store: Store, activities: Sequence[Activity], *, source: UploadedFile | None = None) -> int:
    """Add many checked activities in ONE transaction (ids already in use get a new id).

    ``source`` is the imported file (its name and bytes): its sha256 is recorded in the same
    transaction, so that :func:`previous_import` recognises it next time.
    """
    with store.transaction() as conn:
        if source is not None:
            upsert(
                conn,
                "tracker_imports",
                ("owner_id", "sha256"),
                {
                    "owner_id": store.owner_id,
                    "sha256": file_digest(source.data),
                    "file_name": Path(source.name).name[:MAX_IMPORT_NAME_CHARS],
                    "row_count": len(activities),
                    "imported_at": now_iso(),
                },
            )
        taken: set[str] = set()
        ids = [a.id for a in activities]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = text("SELECT id FROM activities WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
            taken.update(r[0] for r in conn.execute(query, {"ids": chunk}).all())
        fresh: list[Activity] = []
        for activity in activities:
            kept = activity.model_copy(update={"id": uuid.uuid4().hex}) if activity.id in taken else activity
            taken.add(kept.id)
            fresh.append(kept)
        _insert(conn, store, fresh)
    return len(fresh)


# --- weekly target ------------------------------------------------------------------------------------


def get_weekly_target(store: Store) -> WeeklyTarget | None:
    raw = get_setting(store, TARGET_SETTING)
    if not raw:
        return None
    try:
        stored = load_strict_json(WeeklyTarget, raw)
        return check_target(stored.count, stored.types)
    except (ValueError, InvalidInput):
        return None


def set_weekly_target(store: Store, target: WeeklyTarget) -> None:
    set_setting(store, TARGET_SETTING, json.dumps({"count": target.count, "types": list(target.types)}))


def clear_weekly_target(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute(
            text("DELETE FROM settings WHERE owner_id = :o AND key = :k"), {"o": store.owner_id, "k": TARGET_SETTING}
        )


# --- evidence files -----------------------------------------------------------------------------------

_EML_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")


def _looks_like_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _zip_names(data: bytes) -> set[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return set()


def _content_matches(extension: str, data: bytes) -> bool:
    """Magic bytes (and for zip-based formats the archive's content) must match the extension."""
    if extension == "pdf":
        return data.startswith(b"%PDF-")
    if extension == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return data.startswith(b"\xff\xd8\xff")
    if extension == "txt":
        return _looks_like_text(data)
    if extension == "eml":
        return _looks_like_text(data) and bool(_EML_HEADER.match(data.lstrip()[:200]))
    if extension == "docx":
        names = _zip_names(data) if data.startswith(b"PK\x03\x04") else set()
        return "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
    if extension == "odt":
        return data.startswith(b"PK\x03\x04") and data[30:38] == b"mimetype" and b"opendocument.text" in data[38:90]
    return False  # pragma: no cover - guarded by EVIDENCE_EXTENSIONS


def check_evidence(filename: str, data: bytes) -> str:
    """The (lower-case) extension of an allowed evidence file, or ``InvalidInput``."""
    extension = Path(filename).suffix.lower().lstrip(".")
    if extension not in EVIDENCE_EXTENSIONS:
        raise InvalidInput("tracker.error.evidence_type")
    if len(data) > MAX_EVIDENCE_BYTES:
        raise InvalidInput("tracker.error.evidence_too_large", maximum_mb=MAX_EVIDENCE_BYTES // (1024 * 1024))
    if not data:
        raise InvalidInput("tracker.error.evidence_empty")
    if not _content_matches(extension, data):
        raise InvalidInput("tracker.error.evidence_mismatch")
    return extension


@dataclass(frozen=True)
class UploadedFile:
    """A file as the person chose it: evidence (its name only gives the extension) or an imported table."""

    name: str
    data: bytes


EvidenceUpload = UploadedFile


@dataclass(frozen=True)
class EvidenceFile:
    """A stored evidence file: its id (``evidence/<uuid>.<ext>``), generated name, type and bytes."""

    id: str
    name: str
    media_type: str
    size: int
    sha256: str
    content: bytes


_INSERT_EVIDENCE = text(
    "INSERT INTO evidence_files (owner_id, id, name, media_type, size, sha256, content, created_at) "
    "VALUES (:o, :id, :name, :media_type, :size, :sha256, :content, :at)"
)


def _evidence_row(store: Store, filename: str, data: bytes) -> dict[str, Any]:
    """The checked file as a row of ``evidence_files`` under a generated id (never the user's name)."""
    extension = check_evidence(filename, data)
    identifier = f"{EVIDENCE_DIR}/{uuid.uuid4().hex}.{extension}"
    return {
        "o": store.owner_id,
        "id": identifier,
        "name": identifier.rsplit("/", 1)[1],
        "media_type": EVIDENCE_MEDIA_TYPES[extension],
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "content": data,
        "at": now_iso(),
    }


def save_evidence(store: Store, filename: str, data: bytes) -> str:
    """Check and store a file that is not attached yet; returns its id ``evidence/<uuid>.<ext>``.

    To attach a new file to a new activity, use :func:`add_activity` with ``evidence=`` (one transaction).
    """
    row = _evidence_row(store, filename, data)
    with store.transaction() as conn:
        conn.execute(_INSERT_EVIDENCE, row)
    return str(row["id"])


def evidence_file(store: Store, identifier: str) -> EvidenceFile | None:
    """A stored evidence file, or None when the id is not a valid one or names no file of this owner."""
    if not EVIDENCE_FILE_RE.match(identifier or ""):
        return None
    with store.read() as conn:
        row = conn.execute(
            text(
                "SELECT id, name, media_type, size, sha256, content FROM evidence_files "
                "WHERE owner_id = :o AND id = :id"
            ),
            {"o": store.owner_id, "id": identifier},
        ).first()
    return EvidenceFile(row[0], row[1], row[2], int(row[3]), row[4], bytes(row[5])) if row else None


def discard_evidence(store: Store, identifier: str | None) -> None:
    """Delete a stored file that was never attached (e.g. the activity it was for was invalid)."""
    if identifier:
        with store.transaction() as conn:
            _delete_evidence(conn, store, [identifier])


def _delete_evidence(conn: Connection, store: Store, identifiers: Sequence[str]) -> None:
    if identifiers:
        conn.execute(
            text("DELETE FROM evidence_files WHERE owner_id = :o AND id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"o": store.owner_id, "ids": list(identifiers)},
        )


def response_dates_inferred(store: Store, filters: ActivityFilter | None = None) -> tuple[int, int]:
    """``(inferred, total)`` response dates: how many of them the portal inferred and nobody confirmed
    (``response_date_source`` is not ``entered``). Added by the tracker page for its statistics."""
    where, params, expanding = _where(store, filters)
    inferred = "SUM(CASE WHEN response_date_source = 'entered' THEN 0 ELSE 1 END)"
    sql = f"SELECT COALESCE({inferred}, 0), COUNT(*) FROM activities{where} AND response_date IS NOT NULL"
    with store.read() as conn:
        row = conn.execute(_query(sql, expanding), params).first()
    return (int(row[0]), int(row[1])) if row else (0, 0)
