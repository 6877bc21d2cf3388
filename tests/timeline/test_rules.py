"""The timeline rules: the worked cases as data, where-I-stand statuses, and property tests."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spoor2.dates import is_working_day, kings_day, next_working_day, public_holidays
from spoor2.errors import InvalidInput
from spoor2.i18n import has, placeholders, t
from spoor2.legal.sources import all_sources
from spoor2.timeline.rules import (
    ALL_MILESTONES,
    DUE_SOON_DAYS,
    SickPeriod,
    TimelineInput,
    check_against_today,
    check_done_on,
    compute_timeline,
    next_milestones,
    validate_timeline_input,
    where_i_stand,
)

CASES_DIR = Path(__file__).resolve().parent / "cases"
D1 = date(2026, 1, 5)


def _load_cases() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["rule"] and data["source"], path.name
        out.extend((f"{path.stem}: {case['name']}", case) for case in data["cases"])
    return out


CASES = _load_cases()


def _input(raw: dict) -> TimelineInput:
    periods = tuple(SickPeriod(start=start, end=end) for start, end in raw["periods"])
    return TimelineInput(periods=periods, **{k: v for k, v in raw.items() if k not in ("periods", "done")})


def _done(raw: dict) -> dict[str, date]:
    """The steps the case records as done (``done: {milestone id: date}``): later steps follow them."""
    return dict(raw.get("done") or {})


def test_there_are_case_files_with_full_sentence_names():
    assert len(CASES) >= 40
    for name, case in CASES:
        assert case["name"].endswith("."), name
        assert ("expected" in case) or ("error" in case) or ("absent" in case), name


@pytest.mark.parametrize(("name", "case"), CASES, ids=[name for name, _ in CASES])
def test_case(name, case):
    inp = _input(case["input"])
    done = _done(case["input"])
    if "error" in case:
        with pytest.raises(InvalidInput) as caught:
            compute_timeline(inp, done)
        assert caught.value.code == case["error"]
        return
    timeline = compute_timeline(inp, done)
    for mid, expected in (case.get("expected") or {}).items():
        item = timeline.milestone(mid)
        if isinstance(expected, list):
            assert item.kind == "window", mid
            assert [item.start, item.end] == expected, mid
        else:
            assert item.kind == "date", mid
            assert item.date == expected, mid
    for mid in case.get("absent", []):
        assert not timeline.has(mid), mid
    for mid, notes in (case.get("notes") or {}).items():
        assert set(notes) <= set(timeline.milestone(mid).notes), mid
    for mid in case.get("not_applicable", []):
        assert not timeline.milestone(mid).applies, mid
        assert timeline.milestone(mid).reason, mid
    for mid in case.get("applies", []):
        assert timeline.milestone(mid).applies, mid
    for mid, status in (case.get("status") or {}).items():
        as_of = case["as_of"]
        assert where_i_stand(timeline, as_of).of(mid).status == status, (mid, as_of)


# --- holidays -----------------------------------------------------------------------------------------


def test_kings_day_moves_to_the_26th_when_the_27th_is_a_sunday():
    assert kings_day(2031) == date(2031, 4, 26)
    assert kings_day(2026) == date(2026, 4, 27)
    assert date(2031, 4, 26) in public_holidays(2031)
    assert date(2031, 4, 27) not in public_holidays(2031)
    assert is_working_day(date(2031, 4, 28))  # the Monday after is an ordinary working day
    assert next_working_day(date(2031, 4, 26)) == date(2031, 4, 28)


def test_five_may_is_a_holiday_every_year():
    for year in (2026, 2027, 2028, 2029):
        assert date(year, 5, 5) in public_holidays(year)


# --- where I stand ------------------------------------------------------------------------------------


def _standing(as_of: date, done: dict[str, date] | None = None, periods=None):
    timeline = compute_timeline(TimelineInput(periods=periods or (SickPeriod(start=D1),)))
    return timeline, where_i_stand(timeline, as_of, done)


def test_sick_days_and_week_on_the_first_day_and_at_week_boundaries():
    assert _standing(D1)[1].sick_days == 1
    assert _standing(D1)[1].sick_week == 1
    assert _standing(D1 + timedelta(days=6))[1].sick_week == 1
    assert _standing(D1 + timedelta(days=7))[1].sick_week == 2
    standing = _standing(date(2026, 11, 23))[1]
    assert standing.sick_days == 323
    assert standing.sick_week == 47
    assert standing.sick_now


def test_status_around_a_due_date():
    due = date(2026, 2, 15)  # problem analysis, day 42
    assert _standing(due - timedelta(days=DUE_SOON_DAYS + 1))[1].of("problem_analysis_due").status == "upcoming"
    assert _standing(due - timedelta(days=DUE_SOON_DAYS))[1].of("problem_analysis_due").status == "due_soon"
    assert _standing(due - timedelta(days=1))[1].of("problem_analysis_due").status == "due_soon"
    assert _standing(due)[1].of("problem_analysis_due").status == "due_soon"
    assert _standing(due + timedelta(days=1))[1].of("problem_analysis_due").status == "overdue"


def test_done_on_time_and_done_late():
    due = date(2026, 2, 15)
    on_time = _standing(date(2026, 3, 1), {"problem_analysis_due": due})[1].of("problem_analysis_due")
    assert on_time.status == "done"
    assert on_time.done_on == due
    late = _standing(date(2026, 3, 1), {"problem_analysis_due": due + timedelta(days=1)})[1]
    assert late.of("problem_analysis_due").status == "done_late"
    assert "problem_analysis_due" in late.flagged


def test_overdue_steps_are_flagged_and_passed_ones_are_not():
    standing = _standing(date(2026, 11, 23))[1]
    assert standing.of("uwv_sick_report_due").status == "overdue"
    assert standing.of("first_sick_day").status == "passed"
    assert {"problem_analysis_due", "action_plan_due", "uwv_sick_report_due"} <= set(standing.flagged)
    assert "first_sick_day" not in standing.flagged


def test_a_window_is_in_window_between_its_start_and_end():
    timeline, standing = _standing(date(2026, 11, 16))
    assert standing.of("first_year_evaluation_window").status == "in_window"
    assert _standing(date(2027, 1, 3))[1].of("first_year_evaluation_window").status == "in_window"
    assert _standing(date(2027, 1, 4))[1].of("first_year_evaluation_window").status == "overdue"
    assert _standing(date(2026, 11, 15))[1].of("first_year_evaluation_window").status == "due_soon"
    assert timeline.milestone("first_year_evaluation_window").first == date(2026, 11, 16)


def test_recovered_count_shows_until_when_a_new_sickness_continues():
    periods = (SickPeriod(start=D1, end=date(2026, 3, 1)),)
    timeline, standing = _standing(date(2026, 3, 10), periods=periods)
    # BW 7:629 lid 10: a break of at most 27 days is summed, so a new first sick day on 29 March still counts
    assert timeline.continues_count_until() == date(2026, 3, 29)
    assert standing.continues_count_until == date(2026, 3, 29)
    assert not standing.sick_now
    assert not standing.count_closed
    assert standing.sick_days == 56
    assert standing.of("uwv_sick_report_due").status == "not_reached"
    assert standing.of("problem_analysis_due").status == "overdue"  # day 42 was reached while sick
    assert _standing(date(2026, 3, 29), periods=periods)[1].count_closed is False
    assert _standing(date(2026, 3, 30), periods=periods)[1].count_closed is True


def test_an_open_count_has_no_continue_date():
    assert compute_timeline(TimelineInput(periods=(SickPeriod(start=D1),))).continues_count_until() is None


def test_check_against_today_refuses_future_and_too_old_first_sick_days():
    today = date(2026, 11, 23)
    check_against_today(TimelineInput(periods=(SickPeriod(start=today),)), today)
    with pytest.raises(InvalidInput) as caught:
        check_against_today(TimelineInput(periods=(SickPeriod(start=today + timedelta(days=1)),)), today)
    assert caught.value.code == "first_sick_day_in_future"
    check_against_today(TimelineInput(periods=(SickPeriod(start=date(2021, 11, 23)),)), today)
    with pytest.raises(InvalidInput) as caught:
        check_against_today(TimelineInput(periods=(SickPeriod(start=date(2021, 11, 22)),)), today)
    assert caught.value.code == "first_sick_day_too_old"


def test_a_step_can_be_recorded_as_done_today_or_before_but_not_tomorrow():
    today = date(2026, 11, 23)
    check_done_on(today - timedelta(days=1), today)
    check_done_on(today, today)
    for refused in (today + timedelta(days=1), None):
        with pytest.raises(InvalidInput) as caught:
            check_done_on(refused, today)
        assert caught.value.code == "timeline.error.done_in_future"


def test_validation_reports_the_input_first_then_today_then_the_count():
    today = date(2026, 11, 23)
    future = SickPeriod(start=today + timedelta(days=1))
    both = TimelineInput(periods=(future,), wage_sanction_weeks=53, early_iva_applied=today)
    with pytest.raises(InvalidInput) as caught:
        validate_timeline_input(both, today)
    assert caught.value.code == "wage_sanction_range"
    with pytest.raises(InvalidInput) as caught:
        validate_timeline_input(both.model_copy(update={"wage_sanction_weeks": None}), today)
    assert caught.value.code == "first_sick_day_in_future"
    with pytest.raises(InvalidInput) as caught:
        validate_timeline_input(both.model_copy(update={"wage_sanction_weeks": None}))  # without today
    assert caught.value.code == "early_iva_outside_window"


# --- properties ---------------------------------------------------------------------------------------

_starts = st.dates(min_value=date(2022, 1, 1), max_value=date(2030, 12, 31))
_lengths = st.integers(min_value=1, max_value=400)
_gaps = st.integers(min_value=0, max_value=27)
_fast = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: milestones whose order follows from the rules regardless of the input
ORDER = (
    "first_sick_day",
    "problem_analysis_due",
    "action_plan_due",
    "uwv_sick_report_due",
    "reintegration_report_due",
    "wia_application_deadline",
    "wage_sanction_decision_latest",
    "wage_continuation_last_day",
    "wia_earliest_start",
)


@_fast
@given(
    start=_starts,
    first_length=_lengths,
    gap=_gaps,
    sanction=st.none() | st.integers(1, 52),
    extension=st.none() | st.integers(13, 60),
)
def test_milestones_keep_their_order(start, first_length, gap, sanction, extension):
    end = start + timedelta(days=first_length - 1)
    periods = (SickPeriod(start=start, end=end), SickPeriod(start=end + timedelta(days=gap + 1)))
    timeline = compute_timeline(TimelineInput(periods=periods, wage_sanction_weeks=sanction, extension_weeks=extension))
    dates = [timeline.milestone(mid).due for mid in ORDER]
    assert dates == sorted(dates)
    assert timeline.milestone("dismissal_ban_end").date >= timeline.milestone("wia_earliest_start").date
    firsts = [item.first for item in timeline.milestones]
    assert firsts == sorted(firsts)


@_fast
@given(start=_starts, first_length=st.integers(1, 700), gap=_gaps)
def test_summing_a_gap_never_makes_the_end_earlier(start, first_length, gap):
    end = start + timedelta(days=first_length - 1)
    continuous = compute_timeline(TimelineInput(periods=(SickPeriod(start=start),)))
    with_gap = compute_timeline(
        TimelineInput(periods=(SickPeriod(start=start, end=end), SickPeriod(start=end + timedelta(days=gap + 1))))
    )
    last = "wage_continuation_last_day"
    assert with_gap.milestone(last).date >= continuous.milestone(last).date
    assert with_gap.milestone(last).date == continuous.milestone(last).date + timedelta(days=gap)


@_fast
@given(start=_starts, first_length=_lengths, gap=_gaps)
def test_wage_continuation_last_day_is_day_728_plus_the_gaps(start, first_length, gap):
    end = start + timedelta(days=first_length - 1)
    periods = (SickPeriod(start=start, end=end), SickPeriod(start=end + timedelta(days=gap + 1)))
    timeline = compute_timeline(TimelineInput(periods=periods))
    assert timeline.gap_days == gap
    assert timeline.milestone("wage_continuation_last_day").date == start + timedelta(days=727 + gap)
    assert timeline.milestone("wia_earliest_start").date == start + timedelta(days=728 + gap)


@_fast
@given(start=_starts, as_of=st.dates(min_value=date(2022, 1, 1), max_value=date(2033, 12, 31)))
def test_results_do_not_depend_on_as_of(start, as_of):
    inp = TimelineInput(periods=(SickPeriod(start=start),))
    first = compute_timeline(inp)
    where_i_stand(first, as_of)
    assert compute_timeline(inp) == first
    standing = where_i_stand(first, as_of)
    assert [s.id for s in standing.milestones] == [m.id for m in first.milestones]


# --- every milestone is explained -------------------------------------------------------------------


def _all_milestones():
    inp = TimelineInput(
        periods=(SickPeriod(start=D1),), early_iva_applied=date(2026, 4, 13), contract_end=date(2026, 6, 30)
    )
    return compute_timeline(inp).milestones


def test_the_full_input_produces_every_milestone_id():
    assert {item.id for item in _all_milestones()} == set(ALL_MILESTONES)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_milestone_has_a_source_label_rule_and_reason(lang):
    sources = all_sources()
    for item in _all_milestones():
        assert item.sources, item.id
        assert all(sid in sources for sid in item.sources), item.id
        assert has(lang, f"milestones.{item.id}.label"), item.id
        rule_key = f"milestones.{item.id}.rule"
        assert has(lang, rule_key), item.id
        assert placeholders(t(lang, rule_key)) <= set(item.params), item.id
        assert "{" not in t(lang, rule_key, **item.params), item.id
        if item.indicative:
            reason_key = f"milestones.{item.id}.indicative"
            assert has(lang, reason_key), item.id
            assert placeholders(t(lang, reason_key)) <= set(item.params), item.id
        for note in item.notes:
            assert has(lang, f"milestones.note.{note}"), note
        assert has(lang, f"milestones.actor.{item.actor}")


def test_every_status_and_actor_has_a_label():
    from typing import get_args

    from spoor2.timeline.rules import Actor, Status

    for lang in ("en", "nl"):
        for status in get_args(Status):
            assert has(lang, f"milestones.status.{status}"), status
        for actor in get_args(Actor):
            assert has(lang, f"milestones.actor.{actor}"), actor


def test_every_error_code_of_the_rules_has_a_message():
    source = (Path(__file__).resolve().parents[2] / "spoor2" / "timeline" / "rules.py").read_text(encoding="utf-8")
    import re

    codes = set(re.findall(r'InvalidInput\("([a-z_.]+)"', source))
    assert codes
    for code in codes:
        key = code if "." in code else f"error.{code}"
        for lang in ("en", "nl"):
            assert has(lang, key), (lang, key)


def test_missing_and_done_late_are_told_apart():
    timeline = compute_timeline(TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),)))
    # action plan due 1 March 2026: recorded a day late; problem analysis (15 Feb) not recorded at all
    standing = where_i_stand(timeline, date(2026, 6, 1), {"action_plan_due": date(2026, 3, 2)})
    assert standing.missing == ("problem_analysis_due",)
    assert standing.done_late == ("action_plan_due",)
    assert set(standing.flagged) == {"problem_analysis_due", "action_plan_due"}
    on_time = where_i_stand(timeline, date(2026, 6, 1), {"action_plan_due": date(2026, 3, 1)})
    assert on_time.done_late == ()


def test_the_early_iva_window_is_never_a_next_step_for_everyone():
    timeline = compute_timeline(TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),)))
    standing = where_i_stand(timeline, date(2026, 2, 1))
    assert standing.of("early_iva_application_window").status == "in_window"
    ids = [m.id for m in next_milestones(timeline, standing)]
    assert ids == ["problem_analysis_due", "action_plan_due", "uwv_sick_report_due"]


def test_steps_that_no_longer_apply_and_a_wage_sanction_never_decided_are_not_missing():
    """WIA art. 26 lid 1 and art. 25 lid 10: the home page and the questions read ``missing`` and ``flagged``."""
    timeline = compute_timeline(TimelineInput(periods=(SickPeriod(start=D1),), contract_end=date(2026, 6, 30)))
    standing = where_i_stand(timeline, date(2027, 12, 1))
    for mid in ("uwv_sick_report_due", "reintegration_report_due", "final_evaluation", "wage_sanction_decision_latest"):
        assert mid not in standing.missing, mid
        assert mid not in standing.flagged, mid
    assert "wia_application_deadline" in standing.missing
    plain = where_i_stand(compute_timeline(TimelineInput(periods=(SickPeriod(start=D1),))), date(2027, 12, 1))
    assert "wage_sanction_decision_latest" not in plain.missing
    assert "reintegration_report_due" in plain.missing
