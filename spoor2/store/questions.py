"""The critical-questions data of one owner: question list, document checklist, answers, meetings."""

from __future__ import annotations

import json
import uuid
from datetime import date

from sqlalchemy import Connection, text

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
    recorded_by,
)
from spoor2.store import Store, now_iso, upsert
from spoor2.store.timeline import milestone_records


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
# One fact, one record: a document that a timeline step records (``records:`` in documents.yaml, e.g.
# the action plan and ``action_plan_due``) is "received on D" exactly when the step is recorded done on
# D. That record lives in ``milestone_records`` only; the checklist row keeps the other states.


def set_document(store: Store, record: DocumentRecord, as_of: date) -> None:
    """Validate, then save one checklist row (see :func:`set_documents`)."""
    set_documents(store, [record], as_of)


def set_documents(store: Store, records: list[DocumentRecord], as_of: date) -> None:
    """Validate all, then save all in one transaction (state ``unknown`` deletes a row).

    A linked document received on D records its timeline step done on D (the step's note is kept); any
    other state clears the step, unless the step has a note (refused: the note is the person's words).
    """
    for record in records:
        check_document_record(record, as_of)
    linked = recorded_by()
    with store.transaction() as conn:
        for record in records:
            milestone = linked.get(record.id)
            if milestone is not None:
                _set_linked_step(conn, store.owner_id, milestone, record)
            if record.state == "unknown" or (milestone is not None and record.state == "received"):
                conn.execute(
                    text("DELETE FROM document_checklist WHERE owner_id = :o AND doc_id = :d"),
                    {"o": store.owner_id, "d": record.id},
                )
                continue
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


def _set_linked_step(conn: Connection, owner_id: str, milestone: str, record: DocumentRecord) -> None:
    key = {"o": owner_id, "m": milestone}
    row = conn.execute(
        text("SELECT done_on, note FROM milestone_records WHERE owner_id = :o AND milestone_id = :m"), key
    ).first()
    if record.state == "received" and record.on is not None:
        if row is None or row[0] != record.on.isoformat():
            upsert(
                conn,
                "milestone_records",
                ("owner_id", "milestone_id"),
                {
                    "owner_id": owner_id,
                    "milestone_id": milestone,
                    "done_on": record.on.isoformat(),
                    "note": row[1] if row is not None else "",
                    "updated_at": now_iso(),
                },
            )
        return
    if row is not None:
        if row[1]:
            raise InvalidInput("questions.error.linked_note")  # rolls the whole save back
        conn.execute(text("DELETE FROM milestone_records WHERE owner_id = :o AND milestone_id = :m"), key)


def document_records(store: Store) -> dict[str, DocumentRecord]:
    """The checklist; a linked document is received on the date its timeline step was recorded done."""
    with store.read() as conn:
        rows = conn.execute(
            text("SELECT doc_id, state, received_on FROM document_checklist WHERE owner_id = :o"),
            {"o": store.owner_id},
        ).all()
    records = {doc: load_strict(DocumentRecord, {"id": doc, "state": state, "on": on}) for doc, state, on in rows}
    done = milestone_records(store)
    for doc, milestone in recorded_by().items():
        if milestone in done:
            records[doc] = DocumentRecord(id=doc, state="received", on=done[milestone])
    return records


def document_states(store: Store) -> dict[str, str]:
    return {doc: record.state for doc, record in document_records(store).items()}


# --- situation answers ----------------------------------------------------------------------------


def set_answer(store: Store, key: str, value: str) -> None:
    if key not in ANSWER_KEYS or value not in ANSWER_VALUES:
        raise InvalidInput("questions.error.answer_not_a_choice")
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
