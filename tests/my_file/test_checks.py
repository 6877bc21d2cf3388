"""Check my file: each check both ways from data, the person's answer winning, and every red flag at its
boundary day (the day before / on / after)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spoor2.errors import InvalidInput
from spoor2.legal.sources import get_source
from spoor2.my_file.checks import (
    BLOCKS,
    FACTS,
    FLAG_IDS,
    FLAGS,
    CheckAnswer,
    FileFacts,
    add_months,
    check_answers,
    check_ids,
    check_specs,
    flag_agency_inactive,
    flag_no_search_profile,
    flag_part_time_review,
    flag_proposal_unanswered,
    flag_spoor2_late,
    flag_therapeutic_too_long,
    flag_view_due,
    portal_parameters,
    result_dict,
    run_checks,
    spoor2_deadline,
)
from spoor2.my_file.proposals import Proposal
from spoor2.questions.bank import document_ids, question_bank
from spoor2.timeline.rules import ALL_MILESTONES, SickPeriod, TimelineInput, compute_timeline

FIRST_DAY = date(2025, 9, 1)
TIMELINE = compute_timeline(TimelineInput(periods=(SickPeriod(start=FIRST_DAY),)))
AS_OF = date(2026, 11, 1)
DAY = timedelta(days=1)


def facts(**fields: object) -> FileFacts:
    return FileFacts(**{"timeline": TIMELINE, **fields})  # type: ignore[arg-type]


def answers(**values: str | tuple[str, date]) -> dict[str, CheckAnswer]:
    out = {}
    for key, value in values.items():
        answer, since = value if isinstance(value, tuple) else (value, None)
        out[key] = CheckAnswer(answer=answer, since=since)  # type: ignore[arg-type]
    return out


def proposal(made_on: date, **fields: object) -> Proposal:
    base = {"id": "p", "made_on": made_on, "to_whom": "employer", "kind": "task_or_job", "what": "Planner"}
    return Proposal(**{**base, **fields})  # type: ignore[arg-type]


def status(result_facts: FileFacts, item_id: str, as_of: date = AS_OF) -> str:
    return run_checks(result_facts, as_of).item(item_id).status


# --- the data -------------------------------------------------------------------------------------


def test_every_check_has_a_block_known_sources_a_real_question_and_a_real_due_step():
    questions = {q.id for q in question_bank()}
    for spec in check_specs():
        assert spec.block in BLOCKS
        assert spec.question in questions, spec.id
        assert spec.due is None or spec.due in ALL_MILESTONES, spec.id
        for source in spec.sources:
            get_source(source)  # raises for an unknown id
        for rule in spec.prefill:
            ((kind, arg),) = rule.items()
            if kind == "document":
                assert arg in document_ids(), spec.id
            if kind == "milestone":
                assert arg in ALL_MILESTONES, spec.id


def test_every_block_of_the_framework_has_checks():
    assert {spec.block for spec in check_specs()} == set(BLOCKS)


def test_every_portal_parameter_cites_known_sources_and_says_what_it_is():
    for parameter in portal_parameters():
        for source in parameter.sources:
            get_source(source)
    notes = {p.name: p.note for p in portal_parameters()}
    assert "not a legal term" in notes["proposal_answer_days"]
    assert "not a legal term" in notes["agency_inactive_weeks"]


# --- each check both ways -------------------------------------------------------------------------


@pytest.mark.parametrize("check_id", check_ids())
def test_each_check_follows_the_persons_answer_both_ways(check_id):
    assert status(facts(answers=answers(**{check_id: "yes"})), check_id) == "ok"
    assert status(facts(answers=answers(**{check_id: "no"})), check_id) == "gap"
    item = run_checks(facts(answers=answers(**{check_id: "no"})), AS_OF).item(check_id)
    assert item.prefilled_from is None and item.question_id is not None


def _doc(doc_id: str, state: str) -> dict[str, object]:
    return {"documents": {doc_id: state}}


PREFILLS = [
    ("problem_analysis", {"done": {"problem_analysis_due": date(2025, 10, 10)}}, {}, "milestone:problem_analysis_due"),
    ("action_plan", _doc("action_plan", "received"), _doc("action_plan", "not_received"), "document:action_plan"),
    ("plan_evaluated", _doc("evaluations", "received"), _doc("evaluations", "not_received"), "document:evaluations"),
    (
        "labour_expert",
        _doc("labour_expert_report", "received"),
        _doc("labour_expert_report", "not_received"),
        "document:labour_expert_report",
    ),
    ("work_elsewhere", {"activity_count": 3}, {"activity_count": 0}, "activities:1"),
    (
        "spoor2_prepared",
        {"situation": {"spoor2_started": "yes"}},
        {"situation": {"spoor2_started": "no"}},
        "situation:spoor2_started",
    ),
    ("own_view", {"view_written": True}, {"view_written": False}, "view:written"),
    (
        "agency_reports",
        _doc("agency_reports", "received"),
        _doc("agency_reports", "not_received"),
        "document:agency_reports",
    ),
    (
        "proposals_in_writing",
        {"proposals": (proposal(date(2026, 10, 1)),)},
        {"proposals": (proposal(date(2026, 10, 1), in_writing="no"),)},
        "proposals:written",
    ),
    ("my_cooperation", {"meeting_count": 2}, {"meeting_count": 0}, "meetings:1"),
]


@pytest.mark.parametrize(("check_id", "holds", "fails", "where"), PREFILLS)
def test_a_prefilled_check_holds_from_the_data_and_not_without_it(check_id, holds, fails, where):
    ok = run_checks(facts(**holds), AS_OF).item(check_id)
    assert ok.status == "ok" and ok.prefilled_from == where
    assert run_checks(facts(**fails), AS_OF).item(check_id).status in ("gap", "unknown")


def test_a_document_marked_not_received_is_a_gap_not_an_unknown():
    item = run_checks(facts(documents={"action_plan": "not_received"}), AS_OF).item("action_plan")
    assert item.status == "gap" and item.prefilled_from == "document:action_plan"


def test_proposals_answered_is_a_gap_with_an_open_or_unreasoned_refusal_and_ok_when_all_are_answered():
    open_one = proposal(date(2026, 10, 1))
    refused = proposal(date(2026, 10, 1), answer="refused", answered_on=date(2026, 10, 5), reasons_given="no")
    reasoned = proposal(date(2026, 10, 1), answer="refused", answered_on=date(2026, 10, 5), reasons_given="yes")
    assert status(facts(proposals=(open_one,)), "proposals_answered") == "gap"
    assert status(facts(proposals=(refused,)), "proposals_answered") == "gap"
    assert status(facts(proposals=(reasoned,)), "proposals_answered") == "ok"
    assert status(facts(), "proposals_answered") == "unknown"


def test_the_persons_answer_wins_over_the_prefilled_one():
    item = run_checks(facts(documents={"action_plan": "received"}, answers=answers(action_plan="no")), AS_OF).item(
        "action_plan"
    )
    assert item.status == "gap" and item.prefilled_from is None


def test_a_check_has_its_timeline_date_as_due_and_none_without_a_timeline():
    item = run_checks(facts(), AS_OF).item("file_complete")
    assert item.due == TIMELINE.milestone("reintegration_report_due").due
    assert run_checks(FileFacts(), AS_OF).item("file_complete").due is None


# --- the red flags at their boundary days --------------------------------------------------------


def test_spoor2_late_the_day_after_about_six_weeks_after_the_first_year_evaluation():
    deadline = spoor2_deadline(facts())
    assert deadline == TIMELINE.milestone("first_year_evaluation_window").due + timedelta(weeks=6)
    assert deadline == TIMELINE.milestone("spoor2_decision").due  # the same reading as the timeline's window
    assert flag_spoor2_late(facts(), deadline - DAY).status == "ok"
    assert flag_spoor2_late(facts(), deadline).status == "ok"
    assert flag_spoor2_late(facts(), deadline + DAY).status == "gap"
    assert flag_spoor2_late(facts(), deadline + DAY).due == deadline


def test_spoor2_late_counts_from_a_recorded_first_year_evaluation():
    held = date(2026, 9, 20)
    recorded = facts(done={"first_year_evaluation_window": held})
    assert flag_spoor2_late(recorded, held + timedelta(weeks=6)).status == "ok"
    assert flag_spoor2_late(recorded, held + timedelta(weeks=6) + DAY).status == "gap"


@pytest.mark.parametrize(
    "started",
    [
        {"answers": answers(spoor2_started="yes")},
        {"done": {"spoor2_decision": date(2026, 9, 1)}},
        {"situation": {"spoor2_started": "yes"}},
        {"answers": answers(own_work_prospect="yes")},
    ],
)
def test_spoor2_late_is_not_raised_when_spoor2_started_or_own_work_is_concretely_in_sight(started):
    assert flag_spoor2_late(facts(**started), date(2026, 12, 1)).status == "ok"


def test_a_spoor2_start_after_the_six_weeks_is_a_late_start_and_stays_flagged():
    deadline = spoor2_deadline(facts())
    later = deadline + timedelta(weeks=10)
    for since, expected in [(deadline - DAY, "ok"), (deadline, "ok"), (deadline + DAY, "gap")]:
        started = facts(answers=answers(spoor2_started=("yes", since)))
        assert flag_spoor2_late(started, later).status == expected, since
    late_decision = facts(done={"spoor2_decision": deadline + timedelta(weeks=8)})
    assert flag_spoor2_late(late_decision, later).status == "gap"
    # before the deadline a start that is still to come does not count yet, and nothing is due yet
    assert flag_spoor2_late(facts(answers=answers(spoor2_started=("yes", deadline))), deadline - DAY).status == "ok"


def test_spoor2_late_is_not_raised_when_state_pension_age_comes_within_a_year_after_the_evaluation():
    held = FIRST_DAY + timedelta(weeks=56)  # held late, in week 56
    near = compute_timeline(TimelineInput(periods=(SickPeriod(start=FIRST_DAY),), aow_date=add_months(held, 12)))
    far = compute_timeline(TimelineInput(periods=(SickPeriod(start=FIRST_DAY),), aow_date=add_months(held, 12) + DAY))
    late = held + timedelta(weeks=7)
    done = {"first_year_evaluation_window": held}
    assert flag_spoor2_late(FileFacts(timeline=near, done=done), late).status == "ok"
    assert flag_spoor2_late(FileFacts(timeline=far, done=done), late).status == "gap"


def test_spoor2_late_is_unknown_without_a_timeline():
    assert flag_spoor2_late(FileFacts(), AS_OF).status == "unknown"


def test_no_search_profile_from_the_day_spoor2_started():
    start = date(2026, 9, 1)
    without = facts(answers=answers(spoor2_started=("yes", start), search_profile="no"))
    assert flag_no_search_profile(without, start - DAY).status == "ok"
    assert flag_no_search_profile(without, start).status == "gap"
    assert flag_no_search_profile(without, start + DAY).status == "gap"
    unknown = facts(answers=answers(spoor2_started=("yes", start)))
    assert flag_no_search_profile(unknown, start).status == "unknown"
    concrete = facts(answers=answers(spoor2_started=("yes", start), search_profile="yes"))
    assert flag_no_search_profile(concrete, start).status == "ok"
    assert flag_no_search_profile(facts(answers=answers(search_profile="no")), start).status == "ok"  # not started


def test_therapeutic_work_beyond_six_weeks_from_day_43():
    since = date(2026, 9, 1)
    working = facts(answers=answers(therapeutic_work=("yes", since)))
    last = since + timedelta(days=41)  # day 42, counting the first day as day 1
    assert flag_therapeutic_too_long(working, last - DAY).status == "ok"
    assert flag_therapeutic_too_long(working, last).status == "ok"
    assert flag_therapeutic_too_long(working, last + DAY).status == "gap"
    assert flag_therapeutic_too_long(facts(answers=answers(therapeutic_work="yes")), AS_OF).status == "unknown"
    assert flag_therapeutic_too_long(facts(answers=answers(therapeutic_work="no")), AS_OF).status == "ok"


def test_a_proposal_without_an_answer_is_flagged_after_the_reminder_period():
    made = date(2026, 10, 1)
    open_one = facts(proposals=(proposal(made),))
    assert flag_proposal_unanswered(open_one, made + timedelta(days=13)).status == "ok"
    assert flag_proposal_unanswered(open_one, made + timedelta(days=14)).status == "ok"
    flagged = flag_proposal_unanswered(open_one, made + timedelta(days=15))
    assert flagged.status == "gap" and flagged.params["count"] == 1 and flagged.params["days"] == 14
    answered = facts(proposals=(proposal(made, answer="accepted", answered_on=made + DAY),))
    assert flag_proposal_unanswered(answered, made + timedelta(days=60)).status == "ok"


def test_no_job_search_activity_for_more_than_four_weeks_while_an_agency_is_engaged():
    last = date(2026, 10, 1)
    quiet = facts(answers=answers(agency_engaged="yes"), activity_count=5, last_activity_on=last)
    assert flag_agency_inactive(quiet, last + timedelta(days=27)).status == "ok"
    assert flag_agency_inactive(quiet, last + timedelta(days=28)).status == "ok"
    assert flag_agency_inactive(quiet, last + timedelta(days=29)).status == "gap"
    no_agency = facts(answers=answers(agency_engaged="no"), activity_count=5, last_activity_on=last)
    assert flag_agency_inactive(no_agency, last + timedelta(days=90)).status == "ok"
    nothing = facts(answers=answers(agency_engaged="yes"))
    assert flag_agency_inactive(nothing, AS_OF).status == "gap"


def test_the_quiet_weeks_count_from_the_start_of_spoor2_when_no_activity_is_logged():
    start = date(2026, 10, 1)
    started = facts(answers=answers(agency_engaged="yes", spoor2_started=("yes", start)))
    assert flag_agency_inactive(started, start + timedelta(days=28)).status == "ok"
    assert flag_agency_inactive(started, start + timedelta(days=29)).status == "gap"


def test_a_part_time_placement_not_evaluated_again_within_three_months():
    since = date(2026, 1, 31)
    placed = facts(answers=answers(part_time_placement=("yes", since)))
    due = date(2026, 4, 30)  # three months after 31 January: the month has no 31st
    assert flag_part_time_review(placed, due - DAY).status == "ok"
    assert flag_part_time_review(placed, due).status == "ok"
    assert flag_part_time_review(placed, due + DAY).status == "gap"
    assert flag_part_time_review(placed, due + DAY).due == due


def test_the_view_is_flagged_from_28_days_before_the_reintegration_report_is_due():
    due = TIMELINE.milestone("reintegration_report_due").due
    first = due - timedelta(days=28)
    assert flag_view_due(facts(), first - DAY).status == "ok"
    assert flag_view_due(facts(), first).status == "gap"
    assert flag_view_due(facts(), first + DAY).status == "gap"
    assert flag_view_due(facts(view_written=True), due).status == "ok"
    assert flag_view_due(FileFacts(), first).status == "unknown"


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2028, 1, 31), 1, date(2028, 2, 29)),
    (date(2026, 11, 15), 3, date(2027, 2, 15)),
    (date(2026, 12, 31), 12, date(2027, 12, 31)),
])  # fmt: skip
def test_months_are_added_to_the_same_day_or_the_last_day_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


# --- the result -------------------------------------------------------------------------------------


def test_the_result_lists_every_check_and_flag_with_a_summary():
    result = run_checks(facts(answers=answers(own_job="no"), proposals=(proposal(date(2026, 9, 1)),)), AS_OF)
    assert [i.id for i in result.items] == [*check_ids(), *FLAG_IDS]
    assert len(FLAGS) == len(FLAG_IDS)
    assert {"own_job", "spoor2_late", "proposal_unanswered"} <= {i.id for i in result.gaps}
    data = result_dict(result)
    assert data["summary"] == {"gaps": len(result.gaps), "unknown": len(result.unknown)}
    row = next(r for r in data["items"] if r["id"] == "spoor2_late")
    assert row["status"] == "gap" and row["due"] == "2026-10-11" and "practice_spoor2_six_weeks" in row["sources"]


def test_every_flag_cites_known_sources_and_a_real_question():
    questions = {q.id for q in question_bank()}
    for item in run_checks(facts(), AS_OF).items:
        assert item.question_id in questions
        for source in item.sources:
            get_source(source)


# --- answers are checked before they are saved -------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ({"no_such_check": CheckAnswer(answer="yes")}, "my_file.error.unknown_check"),
        ({"own_job": CheckAnswer(answer="yes", since=date(2026, 1, 1))}, "my_file.error.date_not_asked"),
        ({"therapeutic_work": CheckAnswer(answer="no", since=date(2026, 1, 1))}, "my_file.error.date_not_asked"),
        ({"therapeutic_work": CheckAnswer(answer="yes", since=AS_OF + DAY)}, "my_file.error.since_in_future"),
        ({"therapeutic_work": CheckAnswer(answer="yes", since=date(2014, 12, 31))}, "my_file.error.since_too_early"),
    ],
)
def test_a_wrong_answer_is_refused_with_its_message(given, code):
    with pytest.raises(InvalidInput) as caught:
        check_answers(given, AS_OF)
    assert caught.value.code == code


def test_every_fact_and_check_id_is_accepted():
    check_answers({key: CheckAnswer(answer="unknown") for key in (*check_ids(), *FACTS)}, AS_OF)
