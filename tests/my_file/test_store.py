"""The store of /my-file: answers and proposals round trip, nothing is saved half-way, owners are apart,
file_facts gathers the person's own data, and export → delete → import keeps proposals and answers."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from spoor2.errors import InvalidInput
from spoor2.my_file.checks import CheckAnswer, run_checks
from spoor2.my_file.proposals import Proposal
from spoor2.questions.bank import DocumentRecord, Meeting
from spoor2.store import my_data as data_io
from spoor2.store import my_file as repo
from spoor2.store import questions as questions_repo
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as tracker_repo
from spoor2.timeline.rules import SickPeriod, TimelineInput
from spoor2.tracker.activities import Activity

AS_OF = date(2026, 11, 23)


def proposal(pid: str = "p1", **fields: object) -> Proposal:
    base = {"id": pid, "made_on": date(2026, 11, 1), "to_whom": "employer", "kind": "training", "what": "A course"}
    return Proposal(**{**base, **fields})  # type: ignore[arg-type]


def activity(aid: str, on: date, status: str = "done") -> Activity:
    return Activity(id=aid, activity_date=on, type="vacancy_application", organisation="Acme", status=status)  # type: ignore[arg-type]


# --- answers --------------------------------------------------------------------------------------


def test_answers_round_trip_and_none_removes_one(store):
    repo.set_check_answers(
        store,
        {"own_job": CheckAnswer(answer="no"), "therapeutic_work": CheckAnswer(answer="yes", since=date(2026, 10, 1))},
        AS_OF,
    )
    assert repo.check_answer_records(store) == {
        "own_job": CheckAnswer(answer="no"),
        "therapeutic_work": CheckAnswer(answer="yes", since=date(2026, 10, 1)),
    }
    repo.set_check_answers(store, {"own_job": None, "therapeutic_work": CheckAnswer(answer="no")}, AS_OF)
    assert repo.check_answer_records(store) == {"therapeutic_work": CheckAnswer(answer="no")}


def test_one_bad_answer_saves_none_of_them(store):
    with pytest.raises(InvalidInput):
        repo.set_check_answers(
            store, {"own_job": CheckAnswer(answer="no"), "nonsense": CheckAnswer(answer="yes")}, AS_OF
        )
    assert repo.check_answer_records(store) == {}


def test_a_stored_answer_that_is_not_a_choice_is_not_read_as_one(store):
    sql = "INSERT INTO file_check_answers (owner_id, check_id, answer, updated_at) VALUES (:o, 'own_job', 'maybe', 'x')"
    with store.transaction() as conn:
        conn.execute(text(sql), {"o": store.owner_id})
    with pytest.raises(ValueError):
        repo.check_answer_records(store)


# --- proposals ------------------------------------------------------------------------------------


def test_a_proposal_round_trips_with_its_links(store):
    tracker_repo.add_activity(store, activity("a1", date(2026, 10, 30)), today=AS_OF)
    saved = repo.add_proposal(
        store,
        proposal(what="  A course  ", activity_ids=("a1",), document_ids=("action_plan",), in_writing="no"),
        AS_OF,
    )
    assert saved.what == "A course"
    assert repo.get_proposal(store, "p1") == saved
    assert repo.list_proposals(store) == [saved]


def test_proposals_are_listed_newest_first(store):
    repo.add_proposal(store, proposal("old", made_on=date(2026, 9, 1)), AS_OF)
    repo.add_proposal(store, proposal("new", made_on=date(2026, 11, 1)), AS_OF)
    assert [p.id for p in repo.list_proposals(store)] == ["new", "old"]


def test_an_update_saves_the_answer_and_a_bad_update_changes_nothing(store):
    repo.add_proposal(store, proposal(), AS_OF)
    answered = proposal(answer="refused", answered_on=date(2026, 11, 10), answer_text="No budget", reasons_given="yes")
    repo.update_proposal(store, answered, AS_OF)
    assert repo.get_proposal(store, "p1") == answered
    with pytest.raises(InvalidInput):
        repo.update_proposal(store, answered.model_copy(update={"answered_on": date(2026, 10, 1)}), AS_OF)
    assert repo.get_proposal(store, "p1") == answered


def test_an_unknown_activity_link_is_refused_and_nothing_is_saved(store):
    with pytest.raises(InvalidInput) as caught:
        repo.add_proposal(store, proposal(activity_ids=("nope",)), AS_OF)
    assert caught.value.code == "my_file.error.unknown_activity"
    assert repo.list_proposals(store) == []


def test_the_same_id_twice_is_refused(store):
    repo.add_proposal(store, proposal(), AS_OF)
    with pytest.raises(InvalidInput):
        repo.add_proposal(store, proposal(what="other"), AS_OF)
    assert [p.what for p in repo.list_proposals(store)] == ["A course"]


def test_owners_never_see_or_change_each_others_proposals(store):
    other = store.for_owner("second-person")
    repo.add_proposal(store, proposal(), AS_OF)
    assert repo.list_proposals(other) == [] and repo.get_proposal(other, "p1") is None
    with pytest.raises(InvalidInput):
        repo.update_proposal(other, proposal(what="taken over"), AS_OF)
    assert repo.delete_proposal(other, "p1") is False
    tracker_repo.add_activity(other, activity("theirs", date(2026, 10, 1)), today=AS_OF)
    with pytest.raises(InvalidInput):  # another owner's activity is no link of mine
        repo.update_proposal(store, proposal(activity_ids=("theirs",)), AS_OF)
    assert repo.get_proposal(store, "p1").what == "A course"  # type: ignore[union-attr]


def test_delete_removes_one_proposal(store):
    repo.add_proposal(store, proposal(), AS_OF)
    assert repo.delete_proposal(store, "p1") is True
    assert repo.list_proposals(store) == []
    assert repo.delete_proposal(store, "p1") is False


# --- what the checks read -------------------------------------------------------------------------


def test_file_facts_gathers_the_persons_own_data(store):
    timeline_repo.save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=date(2025, 9, 1)),)))
    timeline_repo.record_milestone(store, "problem_analysis_due", date(2025, 10, 10))
    questions_repo.set_documents(store, [DocumentRecord(id="evaluations", state="not_received")], AS_OF)
    questions_repo.set_answer(store, "spoor2_started", "yes")
    questions_repo.save_meeting(store, Meeting(id="m1", on=date(2026, 11, 2), with_whom="HR", points=("a",)))
    tracker_repo.add_activity(store, activity("a1", date(2026, 10, 1)), today=AS_OF)
    tracker_repo.add_activity(store, activity("a2", date(2026, 11, 3)), today=AS_OF)
    tracker_repo.add_activity(store, activity("a3", date(2026, 11, 20), status="planned"), today=AS_OF)
    repo.add_proposal(store, proposal(), AS_OF)
    repo.set_check_answers(store, {"agency_engaged": CheckAnswer(answer="yes")}, AS_OF)
    facts = repo.file_facts(store, AS_OF)
    assert facts.timeline is not None and facts.timeline.first_sick_day == date(2025, 9, 1)
    assert facts.done == {"problem_analysis_due": date(2025, 10, 10)}
    assert facts.documents["evaluations"] == "not_received"
    assert facts.situation["spoor2_started"] == "yes"
    assert facts.meeting_count == 1
    assert (facts.activity_count, facts.last_activity_on) == (2, date(2026, 11, 3))  # the planned one not
    assert [p.id for p in facts.proposals] == ["p1"]
    result = run_checks(facts, AS_OF)
    assert result.item("problem_analysis").status == "ok"
    assert result.item("plan_evaluated").status == "gap"
    assert result.item("proposal_unanswered").status == "gap"  # 22 days without an answer


def test_file_facts_without_a_timeline(store):
    facts = repo.file_facts(store, AS_OF)
    assert facts.timeline is None and facts.proposals == () and facts.activity_count == 0


# --- my data: export, delete, import --------------------------------------------------------------


def test_export_delete_import_keeps_proposals_and_answers(store):
    tracker_repo.add_activity(store, activity("a1", date(2026, 10, 30)), today=AS_OF)
    repo.add_proposal(store, proposal(activity_ids=("a1",), answer="partly", answered_on=AS_OF), AS_OF)
    repo.set_check_answers(
        store,
        {"own_job": CheckAnswer(answer="no"), "part_time_placement": CheckAnswer(answer="yes", since=AS_OF)},
        AS_OF,
    )
    before = (repo.list_proposals(store), repo.check_answer_records(store))
    archive = data_io.export_bytes(store)
    data_io.delete_everything(store)
    assert repo.list_proposals(store) == [] and repo.check_answer_records(store) == {}
    data_io.import_bytes(store, archive)
    assert (repo.list_proposals(store), repo.check_answer_records(store)) == before


def test_the_readers_read_both_tables():
    assert set(repo.READERS) == {"file_check_answers", "proposals"}
