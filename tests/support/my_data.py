"""Shared by the /my-data tests: a store filled through every feature's repository, and zip surgery."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from sqlalchemy import text

from spoor2.applying.after_start import CheckinAnswer
from spoor2.applying.cv import check_cv
from spoor2.applying.interviews import Story
from spoor2.journal.entries import ActivityCost, CheckIn
from spoor2.my_data import archive as archive_format
from spoor2.my_file import expert as expert_rules
from spoor2.my_file import view as view_rules
from spoor2.my_file.checks import CheckAnswer
from spoor2.my_file.proposals import Proposal
from spoor2.orientation.questionnaires import load_questionnaire
from spoor2.questions.bank import DocumentRecord, ListItem, Meeting, QuestionList
from spoor2.store import Store
from spoor2.store import applying as applying_repo
from spoor2.store import journal as journal_repo
from spoor2.store import my_data as data_io
from spoor2.store import my_file as my_file_repo
from spoor2.store import my_file_view as view_repo
from spoor2.store import orientation as orientation_repo
from spoor2.store import questions as questions_repo
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as activities_repo
from spoor2.timeline.rules import SickPeriod, TimelineInput
from spoor2.tracker.activities import Activity

AS_OF = date(2026, 11, 23)
EVIDENCE = b"%PDF-1.4 proof that I applied at Acme"


def fill_store(store: Store, *, note: str = "Received <b>by mail</b>") -> None:
    """Data of every feature, written through its repository (as the pages do)."""
    timeline_repo.save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=date(2025, 9, 1)),)))
    timeline_repo.record_milestone(store, "action_plan_due", date(2025, 11, 3), note=note)
    timeline_repo.set_setting(store, "timeline.view", "list")
    orientation_repo.save_draft(store, "interests", {"r1": 4, "r2": 2}, 0)
    values = load_questionnaire("values")
    orientation_repo.complete_questionnaire(store, "values", {item.id: 3 for item in values.items}, date(2026, 9, 1))
    questions_repo.save_question_list(
        store,
        QuestionList(
            items=(
                ListItem(id="emp_privacy", audience="employer"),
                ListItem(id="own-1", audience="uwv", own=True, text="Who pays my travel costs?"),
            )
        ),
    )
    questions_repo.set_answer(store, "spoor2_started", "yes")
    # the action plan is linked to its timeline step (b1b4072: kept in milestone_records, the note kept),
    # the evaluations are not: their row is what fills document_checklist
    questions_repo.set_documents(
        store,
        [
            DocumentRecord(id="action_plan", state="received", on=date(2026, 3, 1)),
            DocumentRecord(id="evaluations", state="received", on=date(2026, 6, 1)),
        ],
        AS_OF,
    )
    questions_repo.save_meeting(
        store, Meeting(id=questions_repo.new_id(), on=date(2026, 11, 2), with_whom="HR", points=("a",), agreed="b")
    )
    applied = activities_repo.add_activity(
        store,
        Activity(
            id=questions_repo.new_id(),
            activity_date=date(2026, 11, 2),
            type="vacancy_application",
            organisation="Acme",
            role="Planner",
            status="done",
        ),
        today=AS_OF,
        evidence=activities_repo.EvidenceUpload("proof.pdf", EVIDENCE),
    )
    _fill_applying(store, applied.id, note)
    activities_repo.import_activities(
        store, [], source=activities_repo.UploadedFile("earlier.csv", b"date,type,organisation\n")
    )
    # after the new start (C2): the start date, a check-in answer and a tick of a route's checklist
    applying_repo.set_start_date(store, date(2026, 10, 1), AS_OF)
    applying_repo.save_checkin_answer(
        store, CheckinAnswer(checkpoint=1, question_id="work_fits", answer="=Goed, <b>moe</b>", answered_on=AS_OF)
    )
    applying_repo.set_route_tick(store, "secondment", "wage", True)
    journal_repo.save_entry(
        store, CheckIn(day=date(2026, 11, 2), part="evening", energy=3, active_hours=2.5, note=note, could_not="=1+1")
    )
    journal_repo.save_cost(
        store, ActivityCost(activity_id="typed-1", source="typed", on=date(2026, 11, 2), heaviness=8)
    )
    journal_repo.save_typical_day(store, "nl", "Een gemiddelde dag.", date(2026, 10, 1), date(2026, 11, 2))
    # my file, part 2: the view per element, its signature, an expert-opinion request with a chosen file
    view_repo.save_section(store, view_rules.clean_section("job", "disagree", "Not my <b>job</b>", AS_OF, AS_OF))
    view_repo.save_signature(store, view_rules.clean_signature("Anna de Vries", "Planner", AS_OF, AS_OF))
    chosen = tuple(view_repo.evidence_choices(store, "en"))
    view_repo.save_request(
        store, expert_rules.clean_request("effort", "Has my employer done enough?", ["doctor_messages"], chosen)
    )
    _fill_my_file(store, note)
    _fill_hosted(store)


def _fill_my_file(store: Store, note: str) -> None:
    """/my-file: a proposal of mine (linked to a document) and answers of the check, one with a date."""
    proposal = Proposal(
        id=questions_repo.new_id(),
        made_on=date(2026, 11, 3),
        to_whom="employer",
        kind="task_or_job",
        what=f"Planner, 20 hours: {note}",
        answer="refused",
        answered_on=date(2026, 11, 10),
        answer_text=note,
        reasons_given="no",
        document_ids=("action_plan",),
    )
    my_file_repo.add_proposal(store, proposal, AS_OF)
    answers = {
        "own_job": CheckAnswer(answer="no"),
        "therapeutic_work": CheckAnswer(answer="yes", since=date(2026, 10, 1)),
    }
    my_file_repo.set_check_answers(store, answers, AS_OF)


def _fill_hosted(store: Store) -> None:
    """The hosted mode's tables (migration 12): written as rows, because a local store offers no grants."""
    with store.transaction() as conn:
        conn.execute(
            text(
                "INSERT INTO adviser_grants (owner_id, adviser_login, granted_at, revoked_at) "
                "VALUES (:o, 'adviseur@juridischloket.example', '2026-11-02T09:00:00+00:00', NULL)"
            ),
            {"o": store.owner_id},
        )
        conn.execute(
            text(
                "INSERT INTO adviser_reads (id, owner_id, adviser_login, what, read_at) "
                "VALUES (:id, :o, 'adviseur@juridischloket.example', 'timeline', '2026-11-03T10:00:00+00:00')"
            ),
            {"id": questions_repo.new_id(), "o": store.owner_id},
        )


def _fill_applying(store: Store, activity_id: str, note: str) -> None:
    """/applying: a CV version, the letter and notes on the activity (the version used), a STAR story."""
    cv = check_cv({"personal": {"name": "Sanne"}, "profile": note, "skills": "Excel"}, AS_OF)
    version = applying_repo.save_version(store, applying_repo.new_id(), "Planning", "nl", cv)
    applying_repo.save_letter(store, activity_id, f"Geachte heer, mevrouw,\n\n{note}", "nl", version.id)
    applying_repo.save_interview_notes(store, activity_id, "Tweede ronde")
    applying_repo.save_story(store, Story(id=applying_repo.new_id(), title="Drukke week", action=note))


def snapshot(store: Store) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Everything of the owner (export content) and every file under the files root."""
    files = {
        path.relative_to(store.files_root).as_posix(): path.read_bytes()
        for path in sorted(store.files_root.rglob("*"))
        if path.is_file()
    }
    return archive_format.archive_content(data_io.export_bytes(store)), files


def rebuild(
    data: bytes,
    *,
    drop: tuple[str, ...] = (),
    change: Mapping[str, Callable[[bytes], bytes]] | None = None,
    add: tuple[tuple[str | zipfile.ZipInfo, bytes], ...] = (),
    stored: bool = False,
) -> bytes:
    """A copy of an archive with entries dropped, changed or added (in that order)."""
    change = change or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        compression = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        for info in source.infolist():
            if info.filename in drop:
                continue
            content = source.read(info)
            if info.filename in change:
                content = change[info.filename](content)
            target.writestr(info.filename, content, compress_type=compression)
        for name, content in add:
            target.writestr(name, content, compress_type=compression)
    return out.getvalue()


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()}
