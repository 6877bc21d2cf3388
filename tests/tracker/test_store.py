"""The activities store: round trips, paging, filters, aggregates, bulk edit, evidence files, owner scoping."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from spoor2.errors import InvalidInput
from spoor2.store import tracker as repo
from spoor2.store.migrations import all_migrations
from spoor2.tracker.activities import ActivityFilter, check_target, validate_activity

TODAY = date(2026, 11, 23)


def make(**values):
    raw = {"date": "2026-11-20", "type": "vacancy_application", "organisation": "Zorggroep Oost", **values}
    return validate_activity(raw, today=TODAY)


def test_round_trip_keeps_every_field(memory_store):
    a = make(role="Planner", channel="werk.nl", contact_person="Anna", status="awaiting_response",
             follow_up="2026-11-27", outcome="sent", notes="Ééntje €", evidence_link="https://werk.nl/v/1",
             fits_limitations="yes", goal="Administratief werk")  # fmt: skip
    repo.add_activity(memory_store, a)
    assert repo.get_activity(memory_store, a.id) == a


def test_migration_declares_the_table_and_its_file_column():
    import importlib

    module = importlib.import_module("spoor2.store.migrations.m0006_activities")
    assert module.OWNED_TABLES == ["activities"] and module.FILE_COLUMNS == {"activities": ["evidence_file"]}
    assert [m.name for m in all_migrations()][5] == "activities"


def test_paging_and_order_in_sql(memory_store):
    items = [make(date=(date(2026, 1, 1) + timedelta(days=i)).isoformat(), organisation=f"Org {i}") for i in range(30)]
    assert repo.import_activities(memory_store, items) == 30
    first = repo.list_activities(memory_store, limit=10, offset=0)
    third = repo.list_activities(memory_store, limit=10, offset=20)
    assert [a.organisation for a in first][:2] == ["Org 29", "Org 28"]
    assert [a.organisation for a in third][-1] == "Org 0"
    assert repo.count_activities(memory_store) == 30
    assert len(list(repo.iter_activities(memory_store, chunk=7))) == 30


def test_filters_by_period_type_and_status(memory_store):
    repo.import_activities(memory_store, [
        make(date="2026-10-01", type="training", status="done"),
        make(date="2026-11-02", type="vacancy_application", status="rejected"),
        make(date="2026-11-20", type="vacancy_application", status="awaiting_response"),
    ])  # fmt: skip
    november = ActivityFilter(start=date(2026, 11, 1), end=date(2026, 11, 30))
    assert repo.count_activities(memory_store, november) == 2
    assert repo.count_activities(memory_store, ActivityFilter(types=("training",))) == 1
    only = ActivityFilter(start=date(2026, 11, 1), statuses=("rejected", "offer"))
    assert [a.status for a in repo.list_activities(memory_store, only)] == ["rejected"]
    assert repo.count_activities(memory_store, ActivityFilter(end=date(2026, 11, 2))) == 2  # end inclusive


def test_aggregates_per_iso_week_type_and_status(memory_store):
    repo.import_activities(memory_store, [
        make(date="2026-12-31", type="vacancy_application"),
        make(date="2027-01-01", type="vacancy_application", status="rejected", response_date="2027-01-05"),
        make(date="2027-01-04", type="network_contact"),
    ])  # fmt: skip
    assert repo.counts_per_week_type(memory_store) == [
        ("2026-W53", "vacancy_application", 2), ("2027-W01", "network_contact", 1),
    ]  # fmt: skip
    assert repo.counts_per_status(memory_store) == {"done": 2, "rejected": 1}
    assert repo.response_days_histogram(memory_store) == [(4, 1)]
    assert repo.date_range(memory_store) == (date(2026, 12, 31), date(2027, 1, 4))


def test_bulk_status_in_one_go_records_the_response_date(memory_store):
    a, b, c = make(), make(), make(status="rejected", response_date="2026-11-21")
    repo.import_activities(memory_store, [a, b, c])
    assert repo.bulk_set_status(memory_store, [a.id, c.id], "interview", today=TODAY) == 2
    assert repo.get_activity(memory_store, a.id).status == "interview"
    assert repo.get_activity(memory_store, a.id).response_date == TODAY
    assert repo.get_activity(memory_store, c.id).response_date == date(2026, 11, 21)  # kept
    assert repo.get_activity(memory_store, b.id).status == "done"
    with pytest.raises(InvalidInput):
        repo.bulk_set_status(memory_store, [a.id], "lost")
    with pytest.raises(InvalidInput):
        repo.bulk_set_status(memory_store, [], "done")


def test_update_many_is_all_or_nothing(memory_store):
    a = make()
    repo.add_activity(memory_store, a)
    ghost = make()
    with pytest.raises(InvalidInput):
        repo.update_activities(memory_store, [a.model_copy(update={"organisation": "New"}), ghost])
    assert repo.get_activity(memory_store, a.id).organisation == "Zorggroep Oost"
    repo.update_activity(memory_store, a.model_copy(update={"organisation": "New"}))
    assert repo.get_activity(memory_store, a.id).organisation == "New"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cv.pdf", b"%PDF-1.4 hello"),
        ("shot.PNG", b"\x89PNG\r\n\x1a\n" + b"0" * 10),
        ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"0" * 10),
        ("note.txt", "Gesprek met Eén".encode()),
        ("letter.docx", _docx()),
        ("mail.eml", b"From: hr@example.nl\nSubject: Uw sollicitatie\n\nBedankt"),
    ],
)
def test_evidence_saved_under_a_generated_name_and_deleted_with_the_activity(memory_store, name, data):
    a = repo.add_activity(memory_store, make(), evidence=repo.EvidenceUpload(name, data))
    relative = a.evidence_file
    assert relative and relative.startswith("evidence/") and name.split(".")[0] not in relative
    stored = repo.evidence_file(memory_store, relative)
    assert stored is not None and stored.content == data and stored.size == len(data)
    assert repo.get_activity(memory_store, a.id) == a
    assert repo.delete_activity(memory_store, a.id)
    assert repo.evidence_file(memory_store, relative) is None and repo.get_activity(memory_store, a.id) is None


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("run.exe", b"MZ", "tracker.error.evidence_type"),
        ("fake.pdf", b"<html>", "tracker.error.evidence_mismatch"),
        ("fake.png", b"%PDF-1.4", "tracker.error.evidence_mismatch"),
        ("bin.txt", b"\x00\x01\x02", "tracker.error.evidence_mismatch"),
        ("fake.docx", b"PK\x03\x04nonsense", "tracker.error.evidence_mismatch"),
        ("empty.pdf", b"", "tracker.error.evidence_empty"),
        ("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "tracker.error.evidence_too_large"),
    ],
)
def test_bad_evidence_is_refused_and_nothing_written(memory_store, name, data, code):
    with pytest.raises(InvalidInput) as info:
        repo.add_activity(memory_store, make(), evidence=repo.EvidenceUpload(name, data))
    assert info.value.code == code
    assert repo.count_activities(memory_store) == 0 and _evidence_rows(memory_store) == 0


def _evidence_rows(store) -> int:  # type: ignore[no-untyped-def]
    with store.read() as conn:
        return int(conn.execute(text("SELECT COUNT(*) FROM evidence_files")).scalar() or 0)


def test_an_activity_and_its_evidence_commit_together_or_not_at_all(memory_store, monkeypatch):
    """D1: the file is a row written in the activity's transaction: a failure after the file was
    written leaves neither (before, the file was written first and stayed without a row)."""

    def failing_insert(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("crash between the file and the row")

    monkeypatch.setattr(repo, "_insert", failing_insert)
    with pytest.raises(RuntimeError):
        repo.add_activity(memory_store, make(), evidence=repo.EvidenceUpload("cv.pdf", b"%PDF-1.4 x"))
    monkeypatch.undo()
    assert repo.count_activities(memory_store) == 0 and _evidence_rows(memory_store) == 0


def test_replacing_evidence_deletes_the_old_file(memory_store):
    old = repo.save_evidence(memory_store, "a.pdf", b"%PDF-1 a")
    new = repo.save_evidence(memory_store, "b.pdf", b"%PDF-1 b")
    a = repo.add_activity(memory_store, make(evidence_file=old))
    repo.update_activity(memory_store, a.model_copy(update={"evidence_file": new}))
    assert repo.evidence_file(memory_store, old) is None
    assert repo.evidence_file(memory_store, new) is not None


def test_another_owner_never_sees_or_changes_rows(memory_store):
    other = memory_store.for_owner("someone-else")
    mine = repo.add_activity(memory_store, make())
    repo.add_activity(other, make(organisation="Theirs"))
    assert [a.organisation for a in repo.list_activities(memory_store)] == ["Zorggroep Oost"]
    assert repo.count_activities(other) == 1 and repo.get_activity(other, mine.id) is None
    assert repo.counts_per_week_type(other) == [("2026-W47", "vacancy_application", 1)]
    assert repo.delete_activities(other, [mine.id]) == 0
    assert repo.bulk_set_status(other, [mine.id], "offer") == 0
    assert repo.get_activity(memory_store, mine.id).status == "done"


def test_weekly_target_is_a_setting(memory_store):
    assert repo.get_weekly_target(memory_store) is None
    repo.set_weekly_target(memory_store, check_target(2, ["vacancy_application", "open_application"]))
    assert repo.get_weekly_target(memory_store).count == 2
    with memory_store.read() as conn:
        raw = conn.execute(text("SELECT value FROM settings WHERE key = 'tracker.weekly_target'")).scalar()
    assert '"count": 2' in raw


def test_agenda_lists_due_follow_ups_and_upcoming_interviews(memory_store):
    repo.import_activities(memory_store, [
        make(organisation="Due", status="awaiting_response", follow_up="2026-11-25"),
        make(organisation="Overdue", follow_up="2026-11-21"),
        make(organisation="Later", follow_up="2027-02-01"),
        make(organisation="Closed", status="rejected", follow_up="2026-11-24"),
        make(organisation="Talk", type="job_interview", date="2026-11-30", status="planned"),
        make(organisation="Past talk", type="job_interview", date="2026-11-02"),
    ])  # fmt: skip
    agenda = repo.agenda(memory_store, TODAY)
    assert [a.organisation for a in agenda.follow_ups] == ["Overdue", "Due"]
    assert [a.organisation for a in agenda.interviews] == ["Talk"]
