"""The saved timeline: loaded strictly, and computed with the recorded milestones in one place."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError
from sqlalchemy import text

from spoor2.errors import InvalidInput
from spoor2.store.timeline import load_standing, load_timeline_input, record_milestone, save_timeline_input
from spoor2.timeline.rules import SickPeriod, TimelineInput, compute_timeline, where_i_stand

D1 = date(2026, 1, 5)
AS_OF = date(2026, 11, 23)


def test_nothing_saved_gives_no_standing(memory_store):
    assert load_standing(memory_store, AS_OF) is None


def test_the_saved_timeline_stands_with_its_recorded_milestones(memory_store):
    inp = TimelineInput(periods=(SickPeriod(start=D1),))
    save_timeline_input(memory_store, inp)
    record_milestone(memory_store, "problem_analysis_due", date(2026, 2, 10))
    saved = load_standing(memory_store, AS_OF)
    assert saved is not None
    assert saved.input == inp
    recorded = {"problem_analysis_due": date(2026, 2, 10)}
    assert saved.timeline == compute_timeline(inp, recorded)
    assert saved.standing == where_i_stand(saved.timeline, AS_OF)
    assert saved.standing.of("problem_analysis_due").status == "done"
    # Regeling procesgang art. 4 lid 1: the saved timeline's action plan follows the recorded analysis
    assert saved.timeline.milestone("action_plan_due").date == date(2026, 2, 24)


def test_extra_done_steps_win_over_the_recorded_ones(memory_store):
    save_timeline_input(memory_store, TimelineInput(periods=(SickPeriod(start=D1),)))
    record_milestone(memory_store, "action_plan_due", date(2026, 2, 20))
    saved = load_standing(memory_store, AS_OF, extra_done={"action_plan_due": date(2026, 3, 5)})
    assert saved is not None
    assert saved.standing.of("action_plan_due").done_on == date(2026, 3, 5)
    assert saved.standing.of("action_plan_due").status == "done_late"


def test_an_input_that_breaks_a_rule_of_the_count_is_not_saved(memory_store):
    day_before_the_window = TimelineInput(periods=(SickPeriod(start=D1),), early_iva_applied=date(2026, 1, 25))
    with pytest.raises(InvalidInput) as caught:
        save_timeline_input(memory_store, day_before_the_window)
    assert caught.value.code == "early_iva_outside_window"
    assert load_timeline_input(memory_store) is None


@pytest.mark.parametrize("start", ["0", 0, "05-01-2026", "2026-1-5"])
def test_a_stored_date_that_is_not_iso_text_is_refused(memory_store, start):
    save_timeline_input(memory_store, TimelineInput(periods=(SickPeriod(start=D1),)))
    payload = '{"periods": [{"start": %s, "end": null}]}' % (f'"{start}"' if isinstance(start, str) else start)
    with memory_store.transaction() as conn:
        conn.execute(text("UPDATE timeline_inputs SET payload = :p"), {"p": payload})
    with pytest.raises(ValidationError):
        load_timeline_input(memory_store)
