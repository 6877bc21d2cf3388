"""When a check-in is due: the start date plus 1, 3 or 6 calendar months (the last day of a shorter month)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spoor2.applying.after_start import (
    CheckinAnswer,
    add_months,
    check_answer,
    check_start_date,
    checkin_due,
    checkin_state,
)
from spoor2.errors import InvalidInput


@pytest.mark.parametrize(
    ("start", "checkpoint", "due"),
    [
        (date(2026, 3, 2), 1, date(2026, 4, 2)),  # the same day of the month
        (date(2026, 3, 2), 3, date(2026, 6, 2)),
        (date(2026, 3, 2), 6, date(2026, 9, 2)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # the 31st: the last day of a shorter month
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # a leap year
        (date(2026, 1, 30), 1, date(2026, 2, 28)),
        (date(2026, 1, 28), 1, date(2026, 2, 28)),  # exists: no shift
        (date(2026, 8, 31), 1, date(2026, 9, 30)),
        (date(2026, 8, 31), 3, date(2026, 11, 30)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),  # over the year end
        (date(2026, 12, 31), 1, date(2027, 1, 31)),
        (date(2026, 7, 31), 6, date(2027, 1, 31)),
    ],
)
def test_checkin_due(start, checkpoint, due):
    assert checkin_due(start, checkpoint) == due


def test_add_months_never_slips_into_the_next_month():
    for day in range(1, 32):
        start = date(2026, 1, day)
        assert add_months(start, 1).month == 2


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2026, 4, 1), "upcoming"),  # the day before the 1-month check-in
        (date(2026, 4, 2), "due"),  # on it
        (date(2026, 6, 1), "due"),  # the day before the 3-month one
        (date(2026, 6, 2), "past"),  # the next one is due
    ],
)
def test_checkin_state_of_the_first_checkin(today, state):
    assert checkin_state(date(2026, 3, 2), 1, today) == state


def test_the_last_checkin_stays_due_for_a_month():
    start = date(2026, 3, 2)
    assert checkin_state(start, 6, date(2026, 9, 1)) == "upcoming"
    assert checkin_state(start, 6, date(2026, 9, 2)) == "due"
    assert checkin_state(start, 6, date(2026, 10, 1)) == "due"
    assert checkin_state(start, 6, date(2026, 10, 2)) == "past"


def test_an_unknown_checkpoint_is_refused():
    with pytest.raises(InvalidInput) as error:
        checkin_due(date(2026, 3, 2), 2)
    assert error.value.code == "routes.error.unknown_checkpoint"


def test_start_date_range():
    today = date(2026, 12, 2)
    check_start_date(date(2000, 1, 1), today)
    check_start_date(date(2028, 12, 2), today)
    for bad in (date(1999, 12, 31), date(2028, 12, 3), date(226, 1, 1)):
        with pytest.raises(InvalidInput) as error:
            check_start_date(bad, today)
        assert error.value.code == "routes.error.start_range"


def _answer(**changes):
    values = {"checkpoint": 1, "question_id": "work_fits", "answer": "Goed", "answered_on": date(2026, 4, 2)}
    return CheckinAnswer(**{**values, **changes})


def test_answers_are_checked():
    check_answer(_answer())
    check_answer(_answer(answer="x" * 4000))
    for changes, code in (
        ({"answer": "x" * 4001}, "routes.error.answer_too_long"),
        ({"question_id": "energy"}, "routes.error.unknown_question"),  # a question of the 3-month check-in
        ({"checkpoint": 2}, "routes.error.unknown_checkpoint"),
    ):
        with pytest.raises(InvalidInput) as error:
            check_answer(_answer(**changes))
        assert error.value.code == code


@given(start=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), checkpoint=st.sampled_from([1, 3, 6]))
def test_due_is_in_the_target_month_on_the_same_day_or_its_last_day(start, checkpoint):
    due = checkin_due(start, checkpoint)
    months = (due.year - start.year) * 12 + due.month - start.month
    assert months == checkpoint
    assert due.day == start.day or (due.day < start.day and (due + timedelta(days=1)).day == 1)
