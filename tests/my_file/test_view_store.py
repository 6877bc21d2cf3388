"""The view and the expert-opinion requests in the store: round trip, per owner, and export -> delete -> import."""

from __future__ import annotations

from datetime import date

from spoor2.my_file import expert as expert_rules
from spoor2.my_file import view as view_rules
from spoor2.my_file.proposals import Proposal
from spoor2.store import my_data as data_io
from spoor2.store import my_file as proposals_repo
from spoor2.store import my_file_view as repo
from spoor2.store import tracker as tracker_repo
from spoor2.tracker.activities import Activity
from tests.support.my_data import AS_OF, fill_store

TODAY = AS_OF


def _activity_with_file(store, organisation: str) -> str:
    activity = tracker_repo.add_activity(
        store,
        Activity(
            id=organisation.lower(),
            activity_date=date(2026, 11, 2),
            type="vacancy_application",
            organisation=organisation,
        ),
        today=TODAY,
        evidence=tracker_repo.EvidenceUpload("proof.pdf", b"%PDF-1.4 " + organisation.encode()),
    )
    return activity.evidence_file


def test_sections_and_signature_round_trip_and_replace(store):
    repo.save_section(store, view_rules.clean_section("job", "disagree", "Not <b>my</b> job", date(2026, 11, 1), TODAY))
    repo.save_section(store, view_rules.clean_section("job", "agree", "On second thought", None, TODAY))
    repo.save_signature(store, view_rules.clean_signature("Anna", "Planner", TODAY, TODAY))
    sections = repo.view_sections(store)
    assert list(sections) == ["job"]
    assert sections["job"] == view_rules.ViewSection(element_id="job", stance="agree", body="On second thought")
    assert repo.view_signature(store) == view_rules.ViewSignature(name="Anna", job_title="Planner", signed_on=TODAY)


def test_view_written_is_false_until_a_view_is_given_with_name_and_date(store):
    assert repo.view_written(store) is False
    repo.save_section(store, view_rules.clean_section("suitable_work", "disagree", "No", None, TODAY))
    assert repo.view_written(store) is False
    repo.save_signature(store, view_rules.clean_signature("Anna", "", TODAY, TODAY))
    assert repo.view_written(store) is True


def test_another_owner_sees_nothing_of_it(store):
    fill_store(store)
    other = store.for_owner("second-person")
    assert repo.view_sections(other) == {} and repo.view_signature(other) is None
    assert repo.expert_requests(other) == {}
    assert repo.view_written(other) is False


def test_a_request_keeps_the_files_chosen_and_a_deleted_file_is_left_out_of_the_pack(store):
    first, second = _activity_with_file(store, "Acme"), _activity_with_file(store, "Bolt")
    repo.save_request(store, expert_rules.clean_request("own_work", "Kan ik mijn werk doen?", [], [second, first]))
    assert repo.expert_request(store, "own_work").files == (second, first)
    assert [f.id for f in repo.pack_files(store, (second, first), "en")] == [second, first]
    tracker_repo.delete_activity(store, "bolt")
    assert [f.id for f in repo.pack_files(store, (second, first), "en")] == [first]
    assert repo.expert_request(store, "suitable_work") == expert_rules.ExpertRequest(question_id="suitable_work")


def test_a_file_of_another_owner_is_never_packed(store):
    mine = _activity_with_file(store, "Acme")
    other = store.for_owner("second-person")
    assert repo.pack_files(other, (mine,), "en") == []


def test_evidence_counts_the_persons_records(store):
    fill_store(store)
    ev = repo.evidence(store)
    assert ev.first_sick_day == date(2025, 9, 1)
    assert ev.recorded["action_plan_due"] == date(2026, 3, 1)  # the checklist date records the step (one fact)
    assert ev.received["action_plan"] == date(2026, 3, 1)
    assert ev.received["evaluations"] == date(2026, 6, 1)
    assert (ev.activities, ev.with_evidence, ev.meetings) == (1, 1, 1)


def _proposal(store, pid: str, answer: str) -> None:
    answered = {"answered_on": date(2026, 10, 8)} if answer != "none" else {}
    proposal = Proposal(
        id=pid,
        made_on=date(2026, 10, 1),
        to_whom="employer",
        kind="task_or_job",
        what="Planner bij Acme",
        answer=answer,
        **answered,
    )
    proposals_repo.add_proposal(store, proposal, TODAY)


def test_proposals_are_counted_with_the_unanswered_ones(store):
    _proposal(store, "p1", "none")
    _proposal(store, "p2", "accepted")
    ev = repo.evidence(store)
    assert (ev.proposals, ev.unanswered) == (2, 1)


def test_export_delete_import_keeps_the_view_and_the_requests(store):
    fill_store(store)
    before = (repo.view_sections(store), repo.view_signature(store), repo.expert_requests(store))
    assert before[0] and before[1] and before[2]["effort"].files
    archive = data_io.export_bytes(store)
    data_io.delete_everything(store)
    assert repo.view_sections(store) == {} and repo.view_signature(store) is None and repo.expert_requests(store) == {}
    data_io.import_bytes(store, archive)
    assert (repo.view_sections(store), repo.view_signature(store), repo.expert_requests(store)) == before
    assert len(repo.pack_files(store, before[2]["effort"].files, "en")) == 1


def test_the_readers_read_every_table_of_this_part():
    assert set(repo.READERS) == {"employee_view_sections", "employee_view_signature", "expert_requests"}
