"""My proposals: the rules (validation, the reminder period at its boundary, refusals without reasons)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spoor2.errors import InvalidInput
from spoor2.my_file.proposals import (
    MAX_ANSWER_TEXT_CHARS,
    MAX_WHAT_CHARS,
    Proposal,
    answer_due,
    check_proposal,
    clean,
    is_unanswered_too_long,
    refused_without_reasons,
    unanswered_too_long,
)
from spoor2.questions.bank import document_ids

AS_OF = date(2026, 11, 23)
MADE = date(2026, 11, 1)


def proposal(**fields: object) -> Proposal:
    base = {"id": "p1", "made_on": MADE, "to_whom": "employer", "kind": "task_or_job", "what": "Planner, 20 h"}
    return Proposal(**{**base, **fields})  # type: ignore[arg-type]


def refused(code: str, **fields: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_proposal(proposal(**fields), AS_OF, documents=document_ids())
    assert caught.value.code == code


def test_a_complete_proposal_with_its_answer_is_accepted():
    check_proposal(
        proposal(answer="partly", answered_on=AS_OF, answer_text="20 h yes, the team no", reasons_given="yes"),
        AS_OF,
        documents=document_ids(),
    )


@pytest.mark.parametrize("what", ["", "   ", "\n\t"])
def test_an_empty_what_is_refused(what):
    refused("my_file.error.what_empty", what=what)


def test_a_ten_megabyte_text_is_refused_with_a_message():
    refused("my_file.error.what_too_long", what="x" * 10_000_000)
    refused("my_file.error.answer_text_too_long", answer_text="x" * 10_000_000)


def test_the_limits_are_inclusive():
    check_proposal(proposal(what="x" * MAX_WHAT_CHARS, answer_text="y" * MAX_ANSWER_TEXT_CHARS), AS_OF)
    refused("my_file.error.what_too_long", what="x" * (MAX_WHAT_CHARS + 1))


def test_the_proposal_date_is_not_in_the_future_nor_long_ago():
    check_proposal(proposal(made_on=AS_OF), AS_OF)
    refused("my_file.error.made_in_future", made_on=AS_OF + timedelta(days=1))
    check_proposal(proposal(made_on=date(2021, 11, 23)), AS_OF)  # five years back: still accepted
    refused("my_file.error.made_too_early", made_on=date(2021, 11, 22))


def test_the_answer_date_is_not_before_the_proposal_and_not_in_the_future():
    check_proposal(proposal(answer="accepted", answered_on=MADE), AS_OF)  # the same day
    check_proposal(proposal(answer="accepted", answered_on=AS_OF), AS_OF)  # today
    refused("my_file.error.answer_before_proposal", answer="accepted", answered_on=MADE - timedelta(days=1))
    refused("my_file.error.answer_in_future", answer="accepted", answered_on=AS_OF + timedelta(days=1))


def test_an_answer_needs_its_date_and_a_date_needs_an_answer():
    refused("my_file.error.answer_date_missing", answer="refused")
    refused("my_file.error.date_without_answer", answered_on=AS_OF)


def test_an_unknown_document_is_refused():
    check_proposal(proposal(document_ids=("action_plan",)), AS_OF, documents=document_ids())
    refused("my_file.error.unknown_document", document_ids=("my_diagnosis",))


def test_clean_strips_the_texts_and_drops_double_links():
    cleaned = clean(proposal(what="  Planner \n", activity_ids=("a", "b", "a"), document_ids=("x", "x")))
    assert cleaned.what == "Planner" and cleaned.activity_ids == ("a", "b") and cleaned.document_ids == ("x",)


def test_the_reminder_period_ends_on_its_last_day():
    days = 14
    open_one = proposal()
    assert answer_due(open_one, days) == MADE + timedelta(days=14)
    assert not is_unanswered_too_long(open_one, MADE + timedelta(days=13), days)
    assert not is_unanswered_too_long(open_one, MADE + timedelta(days=14), days)
    assert is_unanswered_too_long(open_one, MADE + timedelta(days=15), days)
    answered = proposal(answer="refused", answered_on=MADE + timedelta(days=20))
    assert not is_unanswered_too_long(answered, MADE + timedelta(days=40), days)


def test_the_flagged_proposals_are_oldest_first():
    older = proposal(id="a", made_on=date(2026, 9, 1))
    newer = proposal(id="b", made_on=date(2026, 10, 1))
    recent = proposal(id="c", made_on=AS_OF)
    assert [p.id for p in unanswered_too_long((newer, recent, older), AS_OF, 14)] == ["a", "b"]


@pytest.mark.parametrize(
    ("answer", "reasons", "expected"),
    [("refused", "no", True), ("partly", "no", True), ("refused", "yes", False), ("refused", "unknown", False),
     ("accepted", "no", False)],
)  # fmt: skip
def test_a_refusal_without_reasons_is_marked(answer, reasons, expected):
    assert refused_without_reasons(proposal(answer=answer, answered_on=AS_OF, reasons_given=reasons)) is expected
