"""The critical-questions data of one owner: question list, document checklist, answers, meetings."""

from __future__ import annotations

import json
import uuid
from datetime import date

from sqlalchemy import text

from spoor2.errors import InvalidInput
from spoor2.model import load_strict, load_strict_json
from spoor2.questions.bank import (
    ANSWER_KEYS,
    ANSWER_VALUES,
    DocumentRecord,
    Meeting,
    QuestionList,
    check_document_record,
    check_meeting,
)
from spoor2.store import Store, now_iso, upsert


def new_id() -> str:
    return uuid.uuid4().hex


# --- question list --------------------------------------------------------------------------------


def save_question_list(store: Store, qlist: QuestionList) -> None:
    payload = qlist.model_dump_json()
    with store.transaction() as conn:
        upsert(
            conn,
            "question_lists",
            ("owner_id",),
            {"owner_id": store.owner_id, "items": payload, "updated_at": now_iso()},
        )


def load_question_list(store: Store) -> QuestionList | None:
    with store.read() as conn:
        row = conn.execute(text("SELECT items FROM question_lists WHERE owner_id = :o"), {"o": store.owner_id}).first()
    if row is None:
        return None
    return load_strict_json(QuestionList, row[0])


# --- document checklist ---------------------------------------------------------------------------


def set_document(store: Store, record: DocumentRecord, as_of: date) -> None:
    """Validate, then save one checklist row (state ``unknown`` deletes it)."""
    check_document_record(record, as_of)
    with store.transaction() as conn:
        if record.state == "unknown":
            conn.execute(
                text("DELETE FROM document_checklist WHERE owner_id = :o AND doc_id = :d"),
                {"o": store.owner_id, "d": record.id},
            )
            return
        upsert(
            conn,
            "document_checklist",
            ("owner_id", "doc_id"),
            {
                "owner_id": store.owner_id,
                "doc_id": record.id,
                "state": record.state,
                "received_on": record.on.isoformat() if record.on else None,
                "updated_at": now_iso(),
            },
        )


def document_records(store: Store) -> dict[str, DocumentRecord]:
    with store.read() as conn:
        rows = conn.execute(
            text("SELECT doc_id, state, received_on FROM document_checklist WHERE owner_id = :o"),
            {"o": store.owner_id},
        ).all()
    return {doc: load_strict(DocumentRecord, {"id": doc, "state": state, "on": on}) for doc, state, on in rows}


def document_states(store: Store) -> dict[str, str]:
    return {doc: record.state for doc, record in document_records(store).items()}


# --- situation answers ----------------------------------------------------------------------------


def set_answer(store: Store, key: str, value: str) -> None:
    if key not in ANSWER_KEYS or value not in ANSWER_VALUES:
        raise InvalidInput("questions.error.bad_answer", answer=f"{key}={value}")
    with store.transaction() as conn:
        upsert(
            conn,
            "situation_answers",
            ("owner_id", "answer_key"),
            {"owner_id": store.owner_id, "answer_key": key, "answer_value": value, "updated_at": now_iso()},
        )


def situation_answers(store: Store) -> dict[str, str]:
    with store.read() as conn:
        rows = conn.execute(
            text("SELECT answer_key, answer_value FROM situation_answers WHERE owner_id = :o"),
            {"o": store.owner_id},
        ).all()
    return {k: v for k, v in rows if k in ANSWER_KEYS and v in ANSWER_VALUES}


# --- meetings -------------------------------------------------------------------------------------


def save_meeting(store: Store, meeting: Meeting) -> None:
    check_meeting(meeting)
    with store.transaction() as conn:
        upsert(
            conn,
            "meetings",
            ("id",),
            {
                "id": meeting.id,
                "owner_id": store.owner_id,
                "meeting_date": meeting.on.isoformat(),
                "with_whom": meeting.with_whom,
                "points": json.dumps(list(meeting.points), ensure_ascii=False),
                "agreed": meeting.agreed,
                "updated_at": now_iso(),
            },
            same=("owner_id",),  # a meeting id of another owner is never overwritten
        )


def meetings(store: Store) -> list[Meeting]:
    """The owner's meetings, newest first."""
    with store.read() as conn:
        rows = conn.execute(
            text(
                "SELECT id, meeting_date, with_whom, points, agreed FROM meetings WHERE owner_id = :o "
                "ORDER BY meeting_date DESC, id"
            ),
            {"o": store.owner_id},
        ).all()
    return [
        load_strict(Meeting, {"id": mid, "on": d, "with_whom": w, "points": json.loads(p), "agreed": a})
        for mid, d, w, p, a in rows
    ]


def delete_meeting(store: Store, meeting_id: str) -> None:
    with store.transaction() as conn:
        conn.execute(
            text("DELETE FROM meetings WHERE owner_id = :o AND id = :id"), {"o": store.owner_id, "id": meeting_id}
        )
