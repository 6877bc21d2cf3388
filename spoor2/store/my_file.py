"""The my file data of one owner (SQL only here; the rules live in ``spoor2/my_file/``): the self-check
answers, the person's proposals, and :func:`file_facts`, which gathers what the checks read."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from spoor2.errors import InvalidInput, Spoor2Error
from spoor2.model import load_strict
from spoor2.my_file.checks import CheckAnswer, FileFacts, check_answers
from spoor2.my_file.proposals import Proposal, check_proposal, clean
from spoor2.questions.bank import document_ids
from spoor2.store import Store, now_iso, upsert
from spoor2.store import my_file_view as view_repo
from spoor2.store import questions as questions_repo
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as tracker_repo
from spoor2.timeline.rules import Timeline
from spoor2.tracker.activities import STATUSES, ActivityFilter

# --- the self-check -------------------------------------------------------------------------------


def set_check_answers(store: Store, answers: Mapping[str, CheckAnswer | None], as_of: date) -> None:
    """Validate all, then save all in one transaction; ``None`` removes an answer (the check follows the data)."""
    check_answers({key: value for key, value in answers.items() if value is not None}, as_of)
    with store.transaction() as conn:
        for key, value in answers.items():
            if value is None:
                conn.execute(
                    text("DELETE FROM file_check_answers WHERE owner_id = :o AND check_id = :c"),
                    {"o": store.owner_id, "c": key},
                )
                continue
            upsert(
                conn,
                "file_check_answers",
                ("owner_id", "check_id"),
                {
                    "owner_id": store.owner_id,
                    "check_id": key,
                    "answer": value.answer,
                    "since": value.since.isoformat() if value.since else None,
                    "updated_at": now_iso(),
                },
            )


def check_answer_records(store: Store) -> dict[str, CheckAnswer]:
    """The person's own answers (check or fact id → answer), read strictly."""
    with store.read() as conn:
        rows = conn.execute(
            text("SELECT check_id, answer, since FROM file_check_answers WHERE owner_id = :o ORDER BY check_id"),
            {"o": store.owner_id},
        ).all()
    return {key: load_strict(CheckAnswer, {"answer": answer, "since": since}) for key, answer, since in rows}


# --- proposals ------------------------------------------------------------------------------------

_COLUMNS = (
    "id, made_on, to_whom, kind, what, in_writing, answer, answered_on, answer_text, reasons_given, "
    "activity_ids, document_ids"
)


def new_id() -> str:
    return uuid.uuid4().hex


def _from_row(row: Any) -> Proposal:
    names = [name.strip() for name in _COLUMNS.split(",")]
    values = dict(zip(names, row, strict=True))
    values["activity_ids"] = json.loads(values["activity_ids"])
    values["document_ids"] = json.loads(values["document_ids"])
    return load_strict(Proposal, values)


def _validated(store: Store, conn: Connection, proposal: Proposal, as_of: date) -> Proposal:
    proposal = clean(proposal)
    check_proposal(proposal, as_of, documents=document_ids())
    if proposal.activity_ids:
        rows = conn.execute(
            text("SELECT id FROM activities WHERE owner_id = :o"), {"o": store.owner_id}
        ).scalars()  # the owner's own activity ids only
        known = set(rows)
        missing = [a for a in proposal.activity_ids if a not in known]
        if missing:
            raise InvalidInput("my_file.error.unknown_activity")
    return proposal


def _row(store: Store, proposal: Proposal) -> dict[str, Any]:
    return {
        "id": proposal.id,
        "owner_id": store.owner_id,
        "made_on": proposal.made_on.isoformat(),
        "to_whom": proposal.to_whom,
        "kind": proposal.kind,
        "what": proposal.what,
        "in_writing": proposal.in_writing,
        "answer": proposal.answer,
        "answered_on": proposal.answered_on.isoformat() if proposal.answered_on else None,
        "answer_text": proposal.answer_text,
        "reasons_given": proposal.reasons_given,
        "activity_ids": json.dumps(list(proposal.activity_ids)),
        "document_ids": json.dumps(list(proposal.document_ids)),
        "updated_at": now_iso(),
    }


def add_proposal(store: Store, proposal: Proposal, as_of: date) -> Proposal:
    """Validate, then save a new proposal; an id that exists already is refused (nothing is overwritten)."""
    with store.transaction() as conn:
        proposal = _validated(store, conn, proposal, as_of)
        exists = conn.execute(text("SELECT 1 FROM proposals WHERE id = :id"), {"id": proposal.id}).first()
        if exists is not None:
            raise InvalidInput("my_file.error.proposal_exists")
        row = {**_row(store, proposal), "created_at": now_iso()}
        columns = ", ".join(row)
        conn.execute(text(f"INSERT INTO proposals ({columns}) VALUES ({', '.join(':' + c for c in row)})"), row)
    return proposal


def update_proposal(store: Store, proposal: Proposal, as_of: date) -> Proposal:
    """Validate, then save the changes of one of the owner's proposals (another owner's id is not found)."""
    with store.transaction() as conn:
        proposal = _validated(store, conn, proposal, as_of)
        row = _row(store, proposal)
        sets = ", ".join(f"{c} = :{c}" for c in row if c not in ("id", "owner_id"))
        done = conn.execute(text(f"UPDATE proposals SET {sets} WHERE id = :id AND owner_id = :owner_id"), row)
        if done.rowcount != 1:
            raise InvalidInput("my_file.error.proposal_not_found")
    return proposal


def delete_proposal(store: Store, proposal_id: str) -> bool:
    with store.transaction() as conn:
        done = conn.execute(
            text("DELETE FROM proposals WHERE owner_id = :o AND id = :id"), {"o": store.owner_id, "id": proposal_id}
        )
    return done.rowcount == 1


def list_proposals(store: Store) -> list[Proposal]:
    """The owner's proposals, newest first."""
    with store.read() as conn:
        rows = conn.execute(
            text(f"SELECT {_COLUMNS} FROM proposals WHERE owner_id = :o ORDER BY made_on DESC, created_at DESC, id"),
            {"o": store.owner_id},
        ).all()
    return [_from_row(row) for row in rows]


def get_proposal(store: Store, proposal_id: str) -> Proposal | None:
    with store.read() as conn:
        row = conn.execute(
            text(f"SELECT {_COLUMNS} FROM proposals WHERE owner_id = :o AND id = :id"),
            {"o": store.owner_id, "id": proposal_id},
        ).first()
    return _from_row(row) if row is not None else None


# --- what the checks read -------------------------------------------------------------------------


def _happened(store: Store, as_of: date) -> tuple[int, date | None]:
    """Job-search activities that happened (not planned) up to ``as_of``, and the latest one's date."""
    filters = ActivityFilter(end=as_of, statuses=tuple(s for s in STATUSES if s != "planned"))
    count = tracker_repo.count_activities(store, filters)
    latest = tracker_repo.list_activities(store, filters, limit=1)
    return count, latest[0].activity_date if latest else None


def file_facts(store: Store, as_of: date, extra_done: Mapping[str, date] | None = None) -> FileFacts:
    """Everything the checks read, from the person's own data. A saved timeline that no longer validates
    counts as no timeline (the page says so next to the timeline itself)."""
    try:
        saved = timeline_repo.load_standing(store, as_of, extra_done)
    except Spoor2Error:
        saved = None
    return facts_with_timeline(store, as_of, saved.timeline if saved else None, extra_done)


def facts_with_timeline(
    store: Store, as_of: date, timeline: Timeline | None, extra_done: Mapping[str, date] | None = None
) -> FileFacts:
    """:func:`file_facts` with a timeline given (the CLI's ``--period``)."""
    count, latest = _happened(store, as_of)
    done = {**timeline_repo.milestone_records(store), **(extra_done or {})}
    return FileFacts(
        timeline=timeline,
        done=done,
        documents=questions_repo.document_states(store),
        situation=questions_repo.situation_answers(store),
        answers=check_answer_records(store),
        activity_count=count,
        last_activity_on=latest,
        proposals=tuple(list_proposals(store)),
        meeting_count=len(questions_repo.meetings(store)),
        view_written=view_repo.view_written(store),
    )


#: Per owned table of this capability: how the app reads it back (used to check an import, see
#: :func:`spoor2.store.my_data._check_readable`).
READERS: dict[str, Callable[[Store], Any]] = {
    "file_check_answers": check_answer_records,
    "proposals": list_proposals,
}
