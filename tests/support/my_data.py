"""Shared by the /my-data tests: a store filled through every feature's repository, and zip surgery."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from spoor2.my_data import archive as archive_format
from spoor2.orientation.questionnaires import load_questionnaire
from spoor2.questions.bank import DocumentRecord, ListItem, Meeting, QuestionList
from spoor2.store import Store
from spoor2.store import my_data as data_io
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
    activities_repo.add_activity(
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
    activities_repo.import_activities(
        store, [], source=activities_repo.UploadedFile("earlier.csv", b"date,type,organisation\n")
    )


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
