"""The person's view (*oordeel werknemer*) and expert-opinion requests of one owner (SQL only here; the
rules live in ``spoor2/my_file/view.py`` and ``spoor2/my_file/expert.py``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import text

from spoor2.errors import Spoor2Error
from spoor2.model import load_strict
from spoor2.my_file.checks import run_checks
from spoor2.my_file.expert import QUESTIONS, ExpertRequest, PackFile
from spoor2.my_file.proposals import Proposal
from spoor2.my_file.view import ELEMENT_IDS, Evidence, ViewSection, ViewSignature, is_written
from spoor2.my_file.whole import WholeFile
from spoor2.store import Store, now_iso, upsert
from spoor2.store import questions as questions_repo
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as tracker_repo
from spoor2.tracker.activities import EVIDENCE_FILE_RE

# --- my view ------------------------------------------------------------------------------------------


def save_section(store: Store, section: ViewSection) -> None:
    """Save one element's view (validated by :func:`spoor2.my_file.view.clean_section`)."""
    with store.transaction() as conn:
        upsert(
            conn,
            "employee_view_sections",
            ("owner_id", "element_id"),
            {
                "owner_id": store.owner_id,
                "element_id": section.element_id,
                "stance": section.stance,
                "body": section.body,
                "written_on": section.written_on.isoformat() if section.written_on else None,
                "updated_at": now_iso(),
            },
        )


def view_sections(store: Store) -> dict[str, ViewSection]:
    """The saved view per element id (elements never written are absent)."""
    with store.read() as conn:
        rows = conn.execute(
            text("SELECT element_id, stance, body, written_on FROM employee_view_sections WHERE owner_id = :o"),
            {"o": store.owner_id},
        ).all()
    return {
        element_id: load_strict(
            ViewSection, {"element_id": element_id, "stance": stance, "body": body, "written_on": on}
        )
        for element_id, stance, body, on in rows
        if element_id in ELEMENT_IDS
    }


def save_signature(store: Store, signature: ViewSignature) -> None:
    with store.transaction() as conn:
        upsert(
            conn,
            "employee_view_signature",
            ("owner_id",),
            {
                "owner_id": store.owner_id,
                "name": signature.name,
                "job_title": signature.job_title,
                "signed_on": signature.signed_on.isoformat() if signature.signed_on else None,
                "updated_at": now_iso(),
            },
        )


def view_signature(store: Store) -> ViewSignature | None:
    with store.read() as conn:
        row = conn.execute(
            text("SELECT name, job_title, signed_on FROM employee_view_signature WHERE owner_id = :o"),
            {"o": store.owner_id},
        ).first()
    if row is None:
        return None
    return load_strict(ViewSignature, {"name": row[0], "job_title": row[1], "signed_on": row[2]})


def view_written(store: Store) -> bool:
    """Whether the person has written (and dated) their view for the reintegration report."""
    return is_written(view_sections(store), view_signature(store))


# --- the person's own records, as pointers ----------------------------------------------------------


def _proposals(store: Store) -> list[Proposal]:
    """The owner's proposals, oldest first (part 1's store owns the table; imported here, as it imports this)."""
    from spoor2.store import my_file as proposals_repo

    return sorted(proposals_repo.list_proposals(store), key=lambda p: (p.made_on, p.id))


def received_documents(store: Store) -> dict[str, date | None]:
    """The checklist documents marked received (with their date when known)."""
    return {doc: rec.on for doc, rec in questions_repo.document_records(store).items() if rec.state == "received"}


def evidence(store: Store) -> Evidence:
    """What the portal knows that the view can point to: counts and dates only."""
    saved = timeline_repo.load_timeline_input(store)
    first = min((p.start for p in saved.periods), default=None) if saved is not None else None
    span = tracker_repo.date_range(store)
    proposals = _proposals(store)
    meetings = questions_repo.meetings(store)
    return Evidence(
        first_sick_day=first,
        recorded=timeline_repo.milestone_records(store),
        received=received_documents(store),
        activities=tracker_repo.count_activities(store),
        first_activity=span[0] if span else None,
        last_activity=span[1] if span else None,
        with_evidence=len(evidence_choices(store, "en")),
        proposals=len(proposals),
        unanswered=sum(1 for p in proposals if p.answer == "none"),
        meetings=len(meetings),
        last_meeting=meetings[0].on if meetings else None,
    )


# --- expert-opinion requests ----------------------------------------------------------------------------


def save_request(store: Store, request: ExpertRequest) -> None:
    """Save the draft for one question; a chosen file that is not this owner's is refused."""
    from spoor2.errors import InvalidInput

    if any(not EVIDENCE_FILE_RE.match(f) for f in request.files):
        raise InvalidInput("my_file_view.error.not_a_choice")
    with store.transaction() as conn:
        upsert(
            conn,
            "expert_requests",
            ("owner_id", "question_id"),
            {
                "owner_id": store.owner_id,
                "question_id": request.question_id,
                "body": request.body,
                "documents_have": json.dumps(list(request.have)),
                "chosen_documents": json.dumps(list(request.files)),
                "updated_at": now_iso(),
            },
        )


def expert_requests(store: Store) -> dict[str, ExpertRequest]:
    with store.read() as conn:
        rows = conn.execute(
            text("SELECT question_id, body, documents_have, chosen_documents FROM expert_requests WHERE owner_id = :o"),
            {"o": store.owner_id},
        ).all()
    return {
        q: load_strict(ExpertRequest, {"question_id": q, "body": b, "have": json.loads(h), "files": json.loads(f)})
        for q, b, h, f in rows
        if q in QUESTIONS
    }


def expert_request(store: Store, question_id: str) -> ExpertRequest:
    """The saved draft for a question, or an empty one."""
    return expert_requests(store).get(question_id) or ExpertRequest(question_id=question_id)  # type: ignore[arg-type]


def evidence_choices(store: Store, lang: str) -> dict[str, str]:
    """The evidence files the person uploaded with tracker activities: id -> how they know it
    (``2 Nov 2026 · Acme · Planner``), oldest first."""
    from spoor2.i18n import format_date, t

    out: dict[str, str] = {}
    for activity in tracker_repo.iter_activities(store):
        if activity.evidence_file and activity.evidence_file not in out:
            parts = [format_date(activity.activity_date, lang, "medium"), t(lang, f"tracker.type.{activity.type}")]
            parts += [p for p in (activity.organisation, activity.role) if p]
            out[activity.evidence_file] = " · ".join(parts)
    return out


def pack_files(store: Store, ids: tuple[str, ...], lang: str) -> list[PackFile]:
    """The chosen files that still exist, in the order chosen (a file deleted since is left out)."""
    choices = evidence_choices(store, lang)
    files: list[PackFile] = []
    for identifier in ids:
        stored = tracker_repo.evidence_file(store, identifier)
        if stored is not None and identifier in choices:
            extension = identifier.rsplit(".", 1)[1]
            files.append(PackFile(identifier, choices[identifier], extension, stored.content))
    return files


# --- the whole file ---------------------------------------------------------------------------------


def whole_file(store: Store, today: date) -> WholeFile:
    """Everything the whole file shows, read from the store (a timeline that no longer validates is left out)."""
    try:
        saved = timeline_repo.load_standing(store, today)
    except Spoor2Error:
        saved = None
    from spoor2.store import my_file as checks_repo

    checks = run_checks(checks_repo.file_facts(store, today), today)
    return WholeFile(
        timeline=saved,
        activities=list(tracker_repo.iter_activities(store)),
        proposals=_proposals(store),
        checks=checks,
        meetings=questions_repo.meetings(store),
        sections=view_sections(store),
        signature=view_signature(store),
        evidence=evidence(store),
    )


#: Per owned table of this capability: how the app reads it back (used to check an import, see
#: :func:`spoor2.store.my_data._check_readable`).
READERS: dict[str, Callable[[Store], Any]] = {
    "employee_view_sections": view_sections,
    "employee_view_signature": view_signature,
    "expert_requests": expert_requests,
}
