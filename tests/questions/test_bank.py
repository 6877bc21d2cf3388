"""Critical questions: the condition language, the bank, documents, letters, lists, store and exports."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from spoor2.errors import InvalidInput
from spoor2.i18n import placeholders
from spoor2.legal.sources import get_source
from spoor2.paths import CONTENT_DIR
from spoor2.questions.bank import (
    AUDIENCES,
    LETTER_SOURCES,
    LETTERS,
    MAX_MEETING_TEXT_CHARS,
    DocumentRecord,
    ListItem,
    Meeting,
    QuestionList,
    Situation,
    add_own_question,
    applicable_questions,
    build_situation,
    document_is_due,
    document_specs,
    document_texts,
    evaluate,
    fill_letter,
    letter_placeholders,
    merge_list,
    move_item,
    question_bank,
    question_texts,
    record_agreed,
    remove_item,
    restore_defaults,
    shown_questions,
    validate_condition,
)
from spoor2.questions.export import meeting_pdf, meeting_text, questions_markdown, questions_pdf, questions_text
from spoor2.store import questions as repo
from spoor2.timeline.rules import SickPeriod, TimelineInput, compute_timeline, where_i_stand

AS_OF = date(2026, 11, 22)


def S(week: int | None = None, docs: dict | None = None, st: dict | None = None, **answers: str) -> Situation:
    return Situation(sick_week=week, statuses=st or {}, documents=docs or {}, answers=answers)


# --- every operator on both sides -----------------------------------------------------------------

MISSING = {"document": {"action_plan": "missing"}}
OVERDUE = {"milestone_status": {"id": "spoor2_decision", "in": ["overdue"]}}
PLAN = "action_plan"
SP2D = "spoor2_decision"

OPERATOR_CASES = [
    ("always is true", {"always": True}, S(), True),
    ("week_at_least on the week itself", {"week_at_least": 46}, S(46), True),
    ("week_at_least one week before", {"week_at_least": 46}, S(45), False),
    ("week_at_least without a timeline", {"week_at_least": 1}, S(), False),
    ("week_below one week before", {"week_below": 8}, S(7), True),
    ("week_below on the week itself", {"week_below": 8}, S(8), False),
    ("week_below without a timeline", {"week_below": 8}, S(), False),
    ("answer matches", {"answer": {"fixed_term": "yes"}}, S(fixed_term="yes"), True),
    ("answer differs", {"answer": {"fixed_term": "yes"}}, S(fixed_term="no"), False),
    ("answer not given is unknown", {"answer": {"fixed_term": "unknown"}}, S(), True),
    (
        "document missing when not received",
        {"document": {"action_plan": "missing"}},
        S(docs={"action_plan": "not_received"}),
        True,
    ),
    ("document missing when not filled in", MISSING, S(), True),
    (
        "document not missing when received",
        {"document": {"action_plan": "missing"}},
        S(docs={"action_plan": "received"}),
        False,
    ),
    (
        "document not missing when not applicable",
        {"document": {"action_plan": "missing"}},
        S(docs={"action_plan": "not_applicable"}),
        False,
    ),
    ("document exact state", {"document": {"action_plan": "received"}}, S(docs={"action_plan": "received"}), True),
    (
        "milestone status in the list",
        {"milestone_status": {"id": "spoor2_decision", "in": ["overdue"]}},
        S(st={"spoor2_decision": "overdue"}),
        True,
    ),
    (
        "milestone status not in the list",
        {"milestone_status": {"id": "spoor2_decision", "in": ["overdue"]}},
        S(st={"spoor2_decision": "done"}),
        False,
    ),
    (
        "milestone absent from the timeline",
        {"milestone_status": {"id": "spoor2_decision", "in": ["overdue"]}},
        S(),
        False,
    ),
    ("all true", {"all": [{"week_at_least": 1}, {"week_below": 9}]}, S(5), True),
    ("all with one false", {"all": [{"week_at_least": 1}, {"week_below": 9}]}, S(9), False),
    ("any with one true", {"any": [{"week_at_least": 50}, {"week_below": 9}]}, S(5), True),
    ("any all false", {"any": [{"week_at_least": 50}, {"week_below": 9}]}, S(20), False),
    ("not of false", {"not": {"week_at_least": 50}}, S(20), True),
    ("not of true", {"not": {"week_at_least": 50}}, S(60), False),
]


@pytest.mark.parametrize(
    ("name", "condition", "situation", "expected"), OPERATOR_CASES, ids=[c[0] for c in OPERATOR_CASES]
)
def test_condition_operator(name, condition, situation, expected):
    assert evaluate(condition, situation) is expected


BAD_CONDITIONS = [
    {"eval": "1"},
    {"week_at_least": 1, "week_below": 3},
    {"week_at_least": "46"},
    {"week_at_least": True},
    {"answer": {"favourite_colour": "yes"}},
    {"answer": {"fixed_term": "maybe"}},
    {"document": {"diary": "missing"}},
    {"milestone_status": {"id": "nope", "in": ["overdue"]}},
    {"milestone_status": {"id": "spoor2_decision", "in": ["late"]}},
    {"all": []},
    {"not": {"__import__": "os"}},
    {"always": False},
    "week_at_least > 3",
]


@pytest.mark.parametrize("condition", BAD_CONDITIONS, ids=[str(c) for c in BAD_CONDITIONS])
def test_unknown_or_malformed_conditions_raise(condition):
    with pytest.raises(ValueError):
        validate_condition(condition)
    with pytest.raises(ValueError):
        evaluate(condition, S(50))


# --- every question on both sides (table: question id → a situation where true, one where false) ----

NO_SP2 = {"spoor2_started": "no"}
SP2 = {"spoor2_started": "yes"}
RECEIVED_ALL = {spec.id: "received" for spec in document_specs()}

QUESTION_CASES: dict[str, tuple[Situation, Situation | None]] = {
    "emp_contact_person": (S(3), S(8)),
    "emp_problem_analysis_when": (S(5), S(6)),
    "emp_problem_analysis_copy": (S(6), S(6, docs={"problem_analysis": "received"})),
    "emp_problem_analysis_late": (S(st={"problem_analysis_due": "overdue"}), S(st={"problem_analysis_due": "done"})),
    "emp_action_plan_agreed": (S(7), S(6)),
    "emp_action_plan_copy": (S(8), S(8, docs={"action_plan": "received"})),
    "emp_action_plan_late": (S(st={"action_plan_due": "done_late"}), S(st={"action_plan_due": "upcoming"})),
    "emp_plan_adjusted": (S(12), S(12, docs={"action_plan_updates": "received"})),
    "emp_next_evaluation": (S(8), S(91)),
    "emp_evaluation_copies": (S(14), S(13)),
    "emp_sick_report_42": (S(st={"uwv_sick_report_due": "overdue"}), S(st={"uwv_sick_report_due": "done"})),
    "emp_function_change": (S(20), S(19)),
    "emp_spoor2_early": (S(26, **NO_SP2), S(26, **SP2)),
    "emp_labour_expert_report": (S(40), S(39)),
    "emp_eje_held": (S(46), S(46, docs={"first_year_evaluation": "received"})),
    "emp_eje_late": (
        S(st={"first_year_evaluation_window": "overdue"}),
        S(st={"first_year_evaluation_window": "in_window"}),
    ),
    "emp_own_job_perspective": (S(44), S(43)),
    "emp_spoor2_why_not": (S(46, **NO_SP2), S(46, **SP2)),
    "emp_spoor2_late": (S(st={"spoor2_decision": "overdue"}), S(st={"spoor2_decision": "done"})),
    "emp_spoor2_plan_copy": (S(**SP2), S(**SP2, docs={"spoor2_plan": "received"})),
    "emp_agency_with_me": (S(agency_with_me="no"), S(agency_with_me="yes")),
    "emp_agency_reports": (S(**SP2), S(**NO_SP2)),
    "emp_agency_too_little": (S(60, **SP2), S(59, **SP2)),
    "emp_work_limits": (S(work_fits_limits="no"), S(work_fits_limits="yes")),
    "emp_work_check": (S(work_fits_limits="unsure"), S(work_fits_limits="no")),
    "emp_settlement_consequences": (S(settlement_proposed="yes"), S(settlement_proposed="no")),
    "emp_settlement_time": (S(settlement_proposed="yes"), S()),
    "emp_fixed_term_end": (S(fixed_term="yes"), S(fixed_term="no")),
    "emp_disagree_record": (S(disagree_advice="yes"), S(disagree_advice="unsure")),
    "emp_privacy": (S(), None),  # asked always: a general question, also without a timeline
    "emp_file_access": (S(8), S(7)),
    "emp_wage_year_two": (S(48), S(104)),
    "emp_riv_own_view": (S(84), S(83)),
    "emp_riv_copy": (S(88), S(88, docs={"reintegration_report": "received"})),
    "emp_riv_late": (S(st={"reintegration_report_due": "overdue"}), S(st={"reintegration_report_due": "due_soon"})),
    "emp_final_evaluation": (S(86), S(85)),
    "emp_after_104": (S(90), S(89)),
    "agency_person_profile": (S(**SP2), S(**NO_SP2)),
    "agency_search_profile": (S(**SP2), S(spoor2_started="unsure")),
    "agency_search_broad": (S(60, **SP2), S(60, **NO_SP2)),
    "agency_reports_copy": (S(**SP2), S()),
    "agency_vacancies": (S(**SP2), S()),
    "agency_pace_limits": (S(**SP2, work_fits_limits="no"), S(**SP2, work_fits_limits="yes")),
    "agency_data_received": (S(**SP2), S()),
    "agency_trial_placement": (S(52, **SP2), S(51, **SP2)),
    "agency_my_wishes": (S(agency_with_me="no"), S(agency_with_me="unsure")),
    "doctor_what_shared": (S(), None),  # asked always
    "doctor_limits_now": (S(6), S(5)),
    "doctor_capacity_profile": (S(40), S(39)),
    "doctor_prognosis_own_job": (S(30), S(60)),
    "doctor_offered_work": (S(work_fits_limits="no"), S()),
    "doctor_second_opinion": (S(disagree_advice="yes"), S(disagree_advice="no")),
    "doctor_file_copy": (S(disagree_advice="yes"), S(39)),
    "uwv_expert_opinion_work": (S(work_fits_limits="no"), S(work_fits_limits="unsure")),
    "uwv_expert_opinion_effort": (S(st={"spoor2_decision": "overdue"}), S(7, disagree_advice="yes")),
    "uwv_wia_letter": (S(st={"wia_letter_expected": "overdue"}), S(st={"wia_letter_expected": "in_window"})),
    "uwv_wia_apply": (S(86), S(104)),
    "uwv_wia_late": (S(st={"wia_application_deadline": "overdue"}), S(st={"wia_application_deadline": "done"})),
    "uwv_contract_end": (S(fixed_term="yes"), S(fixed_term="unknown")),
    "uwv_settlement_benefit": (S(settlement_proposed="yes"), S(settlement_proposed="unsure")),
}


def test_the_table_covers_every_question():
    assert set(QUESTION_CASES) == {q.id for q in question_bank()}
    assert len(question_bank()) >= 45


@pytest.mark.parametrize("question", question_bank(), ids=lambda q: q.id)
def test_question_condition_on_both_sides(question):
    true_case, false_case = QUESTION_CASES[question.id]
    assert evaluate(question.condition, true_case) is True
    if false_case is None:
        assert question.condition == {"always": True}
    else:
        assert evaluate(question.condition, false_case) is False


# --- the bank and its texts -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_bank_texts_exist_for_every_question_and_nothing_else(lang):
    texts = question_texts(lang)
    assert set(texts) == {q.id for q in question_bank()}
    for text in texts.values():
        assert text.text.strip() and text.why.strip()


def test_every_question_has_a_source_that_resolves():
    for question in question_bank():
        assert question.sources
        for sid in question.sources:
            assert get_source(sid).url


def test_every_audience_and_priority_is_used():
    assert {q.audience for q in question_bank()} == set(AUDIENCES)
    assert {q.priority for q in question_bank()} == {1, 2, 3}


def test_same_situation_gives_different_questions_in_week_3_30_and_60():
    answers = {"spoor2_started": "no", "agency_with_me": "unsure"}
    sets = [frozenset(q.id for q in applicable_questions(S(week, **answers))) for week in (3, 30, 60)]
    assert len(set(sets)) == 3
    assert "emp_problem_analysis_when" in sets[0] and "emp_problem_analysis_when" not in sets[1]
    assert "emp_spoor2_early" in sets[1]
    assert "emp_spoor2_why_not" in sets[2] and "emp_spoor2_why_not" not in sets[1]


def test_applicable_questions_are_grouped_by_audience_then_priority():
    questions = applicable_questions(S(60, **SP2, work_fits_limits="no", disagree_advice="yes"))
    keys = [(AUDIENCES.index(q.audience), q.priority) for q in questions]
    assert keys == sorted(keys)


def test_without_a_timeline_only_general_questions_apply():
    ids = {q.id for q in applicable_questions(S())}
    assert {"emp_privacy", "doctor_what_shared"} <= ids
    assert "emp_spoor2_why_not" not in ids


def test_situation_from_a_real_timeline():
    tl = compute_timeline(TimelineInput(periods=(SickPeriod(start=date(2025, 9, 1)),)))
    standing = where_i_stand(tl, AS_OF, {"problem_analysis_due": date(2025, 10, 20)})
    situation = build_situation(standing, {"action_plan": "received"}, {"spoor2_started": "no"})
    assert situation.sick_week == standing.sick_week == 64
    assert situation.statuses["problem_analysis_due"] == "done_late"
    assert situation.statuses["spoor2_decision"] == "overdue"
    ids = {q.id for q in applicable_questions(situation)}
    assert {"emp_problem_analysis_late", "emp_spoor2_late", "uwv_expert_opinion_effort"} <= ids
    assert "emp_action_plan_copy" not in ids


def test_build_situation_rejects_unknown_answers_and_documents():
    with pytest.raises(InvalidInput):
        build_situation(None, answers={"spoor2_started": "perhaps"})
    with pytest.raises(InvalidInput):
        build_situation(None, documents={"diary": "received"})


# --- documents ------------------------------------------------------------------------------------


def test_documents_cover_the_file_and_have_texts_in_both_languages():
    ids = {spec.id for spec in document_specs()}
    assert {
        "problem_analysis",
        "action_plan",
        "action_plan_updates",
        "evaluations",
        "labour_expert_report",
        "first_year_evaluation",
        "spoor2_plan",
        "agency_reports",
        "reintegration_report",
    } <= ids
    for lang in ("en", "nl"):
        texts = document_texts(lang)
        assert set(texts) == ids
        assert all(text.name and text.missing for text in texts.values())
    for spec in document_specs():
        assert all(get_source(sid) for sid in spec.sources)


def test_document_is_due_follows_the_timeline():
    spec = next(s for s in document_specs() if s.id == "spoor2_plan")
    assert document_is_due(spec, S(st={"spoor2_decision": "overdue"}))
    assert not document_is_due(spec, S(st={"spoor2_decision": "upcoming"}))
    assert not document_is_due(spec, S())


# --- letters --------------------------------------------------------------------------------------


@pytest.mark.parametrize("letter", LETTERS)
def test_letters_exist_in_both_languages_with_the_same_placeholders(letter):
    assert letter_placeholders("en", letter) and set(letter_placeholders("en", letter)) == set(
        letter_placeholders("nl", letter)
    )
    for name in letter_placeholders("en", letter):
        assert placeholders("{" + name + "}") == {name}
    assert all(get_source(sid) for sid in LETTER_SOURCES[letter])


def test_letter_files_are_mirrored():
    en = {p.name for p in (CONTENT_DIR / "en" / "letters").glob("*.md")}
    nl = {p.name for p in (CONTENT_DIR / "nl" / "letters").glob("*.md")}
    assert en == nl == {f"{letter}.md" for letter in LETTERS}


def test_fill_letter_inserts_values_literally_and_marks_gaps():
    text = fill_letter("nl", "access_request", {"name": "Ana {employer} <b>", "first_sick_day": "1 september 2025"})
    assert "Ana {employer} <b>" in text
    assert "[werkgever]" in text and "[employer]" not in text  # a gap in the letter's language, never a KeyError
    assert "1 september 2025" in text and "artikel 15" in text
    with pytest.raises(InvalidInput):
        fill_letter("en", "objection", {"reasons": "x" * 5001})
    with pytest.raises(InvalidInput):
        fill_letter("en", "threat", {})


# --- the person's list ----------------------------------------------------------------------------


def _list(*ids: str) -> QuestionList:
    bank = {q.id: q for q in question_bank()}
    return QuestionList(items=tuple(ListItem(id=i, audience=bank[i].audience) for i in ids))


def test_merge_adds_new_questions_but_not_removed_ones():
    applicable = applicable_questions(S(60, **SP2))
    saved = remove_item(merge_list(None, applicable), "agency_vacancies")
    merged = merge_list(saved, applicable)
    ids = [item.id for item in merged.items]
    assert "agency_vacancies" not in ids
    assert ids == [item.id for item in saved.items]
    later = merge_list(saved, applicable_questions(S(90, **SP2)))
    assert "emp_after_104" in [item.id for item in later.items]


def test_move_swaps_within_the_audience_and_stops_at_the_ends():
    qlist = _list("emp_privacy", "doctor_what_shared", "emp_file_access")
    moved = move_item(qlist, "emp_file_access", "up")
    assert [i.id for i in moved.items] == ["emp_file_access", "doctor_what_shared", "emp_privacy"]
    assert move_item(moved, "emp_file_access", "up") == moved
    assert move_item(qlist, "doctor_what_shared", "down") == qlist
    with pytest.raises(InvalidInput):
        move_item(qlist, "nope", "up")


def test_own_questions_are_validated_and_kept_on_restore():
    qlist = add_own_question(_list("emp_privacy"), "  Who pays my travel costs?  ", "employer", "own-1")
    assert qlist.items[-1] == ListItem(id="own-1", audience="employer", own=True, text="Who pays my travel costs?")
    for bad, audience in (("", "employer"), ("x" * 501, "employer"), ("ok", "neighbour")):
        with pytest.raises(InvalidInput):
            add_own_question(qlist, bad, audience, "own-2")
    removed = remove_item(qlist, "emp_privacy")
    assert removed.removed == ("emp_privacy",)
    assert restore_defaults(removed) == QuestionList(items=(qlist.items[-1],))


def test_shown_questions_group_by_audience_with_texts():
    qlist = add_own_question(_list("uwv_wia_apply", "emp_privacy"), "Mine", "uwv", "own-1")
    shown = shown_questions(qlist, "nl")
    assert [q.id for q in shown] == ["emp_privacy", "uwv_wia_apply", "own-1"]
    assert shown[0].text == question_texts("nl")["emp_privacy"].text and shown[0].sources


# --- store ----------------------------------------------------------------------------------------


def test_store_round_trip_and_owner_scoping(memory_store):
    other = memory_store.for_owner("someone-else")
    qlist = add_own_question(_list("emp_privacy"), "Mine", "employer", "own-1")
    repo.save_question_list(memory_store, qlist)
    repo.set_answer(memory_store, "spoor2_started", "yes")
    repo.set_document(memory_store, DocumentRecord(id="action_plan", state="received", on=date(2026, 3, 1)), AS_OF)
    meeting = Meeting(id=repo.new_id(), on=AS_OF, with_whom="HR", points=("a",), agreed="b")
    repo.save_meeting(memory_store, meeting)
    assert repo.load_question_list(memory_store) == qlist
    assert repo.situation_answers(memory_store) == {"spoor2_started": "yes"}
    assert repo.document_records(memory_store)["action_plan"].on == date(2026, 3, 1)
    assert repo.meetings(memory_store) == [meeting]
    assert repo.load_question_list(other) is None and repo.meetings(other) == []
    assert repo.situation_answers(other) == {} and repo.document_states(other) == {}
    repo.delete_meeting(other, meeting.id)  # another owner cannot delete it
    assert repo.meetings(memory_store) == [meeting]
    repo.set_document(memory_store, DocumentRecord(id="action_plan", state="unknown"), AS_OF)
    assert repo.document_states(memory_store) == {}


def test_store_rejects_bad_input_and_saves_nothing(memory_store):
    with pytest.raises(InvalidInput):
        repo.set_answer(memory_store, "spoor2_started", "perhaps")
    with pytest.raises(InvalidInput):
        repo.set_document(memory_store, DocumentRecord(id="action_plan", state="received", on=date(2027, 1, 1)), AS_OF)
    with pytest.raises(InvalidInput):
        repo.save_meeting(memory_store, Meeting(id="m", on=AS_OF, with_whom="  "))
    assert repo.situation_answers(memory_store) == {}
    assert repo.document_states(memory_store) == {} and repo.meetings(memory_store) == []


@pytest.mark.parametrize(("length", "accepted"), [(MAX_MEETING_TEXT_CHARS - 1, True), (MAX_MEETING_TEXT_CHARS, True),
                                                  (MAX_MEETING_TEXT_CHARS + 1, False)])  # fmt: skip
def test_what_was_agreed_in_a_meeting_has_a_limit_and_over_it_nothing_is_saved(memory_store, length, accepted):
    meeting = Meeting(id="m", on=AS_OF, with_whom="HR")
    repo.save_meeting(memory_store, meeting)
    if accepted:
        repo.save_meeting(memory_store, record_agreed(meeting, "x" * length))
        assert len(repo.meetings(memory_store)[0].agreed) == length
        return
    with pytest.raises(InvalidInput) as raised:
        record_agreed(meeting, "x" * length)
    for lang in ("en", "nl"):
        assert str(MAX_MEETING_TEXT_CHARS) in raised.value.message(lang)
    with pytest.raises(InvalidInput):  # the store checks it too, whatever the page did
        repo.save_meeting(memory_store, meeting.model_copy(update={"agreed": "x" * length}))
    assert repo.meetings(memory_store)[0].agreed == ""


# --- exports --------------------------------------------------------------------------------------


def _shown(lang: str):
    qlist = add_own_question(
        merge_list(None, applicable_questions(S(60, **SP2))), "Mijn *eigen* vraag € é", "uwv", "own-1"
    )
    return shown_questions(qlist, lang)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pdf_export_is_a_pdf(lang):
    data = questions_pdf(_shown(lang), lang, AS_OF)
    assert data.startswith(b"%PDF") and len(data) > 2_000


def test_markdown_and_text_exports_hold_questions_why_and_sources():
    shown = _shown("en")
    md = questions_markdown(shown, "en", AS_OF)
    txt = questions_text(shown, "en", AS_OF)
    first = shown[0]
    assert first.text in md and first.why in md
    assert get_source(first.sources[0]).title in txt
    assert "Mijn \\*eigen\\* vraag" in md  # user text escaped in Markdown
    assert "Mijn *eigen* vraag € é" in txt  # and as typed in plain text
    assert "## Employer" in md and "22 November 2026" in md


def test_meeting_exports():
    meeting = Meeting(
        id="m", on=AS_OF, with_whom="HR & casemanager", points=("Copy of the *plan*",), agreed="We agreed X"
    )
    text = meeting_text(meeting, "nl")
    assert "Gesprek van 22 november 2026" in text and "We agreed X" in text and "HR & casemanager" in text
    assert meeting_pdf(meeting, "en").startswith(b"%PDF")


def test_neutral_files_hold_no_texts_and_content_files_hold_no_conditions():
    neutral = yaml.safe_load((CONTENT_DIR / "questions" / "bank.yaml").read_text(encoding="utf-8"))
    assert all(set(entry) == {"id", "audience", "priority", "condition", "sources"} for entry in neutral)
