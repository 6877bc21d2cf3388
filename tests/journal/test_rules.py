"""The journal's rules on hand-made data with known answers: checks, days, spreads, recovery, capacity."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spoor2.errors import InvalidInput
from spoor2.journal.entries import ActivityCost, CheckIn, check_in_from_values, cost_from_values
from spoor2.journal.pattern import (
    HEAVY_LOAD,
    capacity_check,
    days_of,
    first_capacity_day,
    first_day_needed,
    in_period,
    pattern_of,
    plan_exceeds_capacity,
    planned_hours,
    recorded_weeks,
    recoveries,
    share_below,
    weekday_energy,
    worst_days,
)

AS_OF = date(2026, 11, 30)  # a Monday
MONDAY = date(2026, 11, 2)


def entry(day: date, **values) -> CheckIn:  # type: ignore[no-untyped-def]
    return CheckIn(day=day, **values)


# --- checking input ---------------------------------------------------------------------------------------


def test_a_check_in_with_only_energy_is_enough_and_texts_are_kept_as_typed():
    made = check_in_from_values(
        {"day": AS_OF, "part": "morning", "energy": "7", "note": '<b>ok</b> =HYPERLINK("x")'}, AS_OF
    )
    assert made.energy == 7 and made.part == "morning" and made.active_hours is None
    assert made.note == '<b>ok</b> =HYPERLINK("x")'


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"energy": 11}, "journal.error.energy"),
        ({"energy": -1}, "journal.error.energy"),
        ({"energy": "5.5"}, "journal.error.energy"),
        ({"mental": "heavy"}, "journal.error.mental"),
        ({"active_hours": 24.25}, "journal.error.active_hours"),
        ({"active_hours": 1.3}, "journal.error.active_hours"),
        ({"rest_moments": 49}, "journal.error.rest_moments"),
        ({"note": "x" * 10_000_000}, "journal.error.note"),
        ({"could": "x" * 201}, "journal.error.could"),
        ({}, "journal.error.empty"),
        ({"active_hours": 14, "rest_hours": 10.25}, "journal.error.over_24"),
        ({"active_hours": 2, "longest_stretch": 2.25}, "journal.error.stretch_over_active"),
        ({"part": "night", "energy": 3}, "journal.error.bad_part"),
    ],
)
def test_bad_input_is_refused_with_its_own_message(values, code):
    with pytest.raises(InvalidInput) as caught:
        check_in_from_values({"day": AS_OF, **values}, AS_OF)
    assert caught.value.code == code


def test_the_edges_of_each_range_are_accepted():
    made = check_in_from_values(
        {"day": AS_OF, "energy": 0, "physical": 10, "active_hours": 23.75, "rest_hours": 0.25, "rest_moments": 48},
        AS_OF,
    )
    assert (made.energy, made.physical, made.active_hours, made.rest_moments) == (0, 10, 23.75, 48)


def test_today_and_earlier_days_are_fine_and_tomorrow_is_refused():
    assert check_in_from_values({"day": AS_OF, "energy": 4}, AS_OF).day == AS_OF
    assert check_in_from_values({"day": AS_OF - timedelta(days=400), "energy": 4}, AS_OF).day.year == 2025
    with pytest.raises(InvalidInput) as caught:
        check_in_from_values({"day": AS_OF + timedelta(days=1), "energy": 4}, AS_OF)
    assert caught.value.code == "journal.error.future_date"


def test_an_activity_cost_needs_something_to_keep_and_a_known_feeling():
    base = {"source": "typed", "activity_id": "a1", "on": AS_OF, "kind": "shift"}
    assert cost_from_values({**base, "heaviness": 8, "next_day": "dip"}, AS_OF).next_day == "dip"
    for values, code in (
        ({}, "journal.error.cost_empty"),
        ({"next_day": "awful"}, "journal.error.bad_after"),
        ({"heaviness": 11}, "journal.error.heaviness"),
        ({"kind": "boss", "heaviness": 3}, "journal.error.bad_kind"),
    ):
        with pytest.raises(InvalidInput) as caught:
            cost_from_values({**base, **values}, AS_OF)
        assert caught.value.code == code


# --- days and spreads ---------------------------------------------------------------------------------------


def test_a_day_combines_its_parts():
    day = MONDAY
    days = days_of(
        [
            entry(day, part="morning", energy=6, physical=2, active_hours=1.5, rest_moments=1, longest_stretch=1),
            entry(day, part="evening", energy=3, mental=8, active_hours=2, rest_moments=2, longest_stretch=1.5),
        ]
    )
    (only,) = days
    assert only.energy == 4.5  # the mean of the parts
    assert only.load == 8  # the heaviest axis of any part
    assert only.active_hours == 3.5 and only.rest_moments == 3  # morning plus evening
    assert only.longest_stretch == 1.5
    assert only.heavy  # 8 >= HEAVY_LOAD


def test_a_whole_day_check_in_gives_the_hours_of_that_day():
    (only,) = days_of(
        [entry(MONDAY, part="day", active_hours=4), entry(MONDAY, part="morning", active_hours=1, energy=5)]
    )
    assert only.active_hours == 4


def test_an_activity_that_cost_much_makes_its_day_heavy():
    cost = ActivityCost(activity_id="x", source="typed", on=MONDAY, heaviness=HEAVY_LOAD)
    light = ActivityCost(activity_id="y", source="typed", on=MONDAY + timedelta(days=1), heaviness=HEAVY_LOAD - 1)
    days = days_of([entry(MONDAY, energy=5, physical=2)], [cost, light])
    assert [d.heavy for d in days] == [True, False]


def test_means_ranges_and_weekdays_over_a_period_with_gaps():
    # Mondays 2, 16 and 23 November (the 9th is missing), a Wednesday in between
    entries = [
        entry(MONDAY, energy=2),
        entry(MONDAY + timedelta(days=14), energy=4),
        entry(MONDAY + timedelta(days=21), energy=9),
        entry(MONDAY + timedelta(days=2), energy=5, active_hours=3),
    ]
    days = days_of(entries)
    p = pattern_of(days, MONDAY, AS_OF)
    assert (p.first, p.last, p.days) == (MONDAY, MONDAY + timedelta(days=21), 4)
    assert p.energy is not None and (p.energy.count, p.energy.mean, p.energy.low, p.energy.high) == (4, 5.0, 2, 9)
    weekdays = dict(weekday_energy(days))
    assert weekdays[0] is not None and (weekdays[0].count, weekdays[0].mean, weekdays[0].low, weekdays[0].high) == (
        3,
        5.0,
        2,
        9,
    )
    assert weekdays[2] is not None and weekdays[2].count == 1
    assert weekdays[1] is None
    assert share_below(days, 5) == (2, 4)  # 2 and 4 are below 5; 5 itself is not


def test_a_bad_day_is_the_lowest_quarter_of_the_days_with_energy():
    days = days_of([entry(MONDAY + timedelta(days=n), energy=n) for n in range(8)])
    assert [d.energy for d in worst_days(days)] == [0, 1]
    assert [d.energy for d in worst_days(days[:1])] == [0]


# --- recovery -----------------------------------------------------------------------------------------------


def _usual_then_heavy(after: list[int | None]) -> list[CheckIn]:
    """Five usual days at energy 6, a heavy day, then the energies after it (None: not recorded)."""
    start = MONDAY
    made = [entry(start + timedelta(days=n), energy=6) for n in range(5)]
    heavy = start + timedelta(days=5)
    made.append(entry(heavy, energy=4, physical=9))
    made += [entry(heavy + timedelta(days=n + 1), energy=e) for n, e in enumerate(after) if e is not None]
    return made


def test_recovery_counts_the_days_until_energy_is_back_at_the_usual_level():
    (found,) = recoveries(days_of(_usual_then_heavy([3, 5, 6, 7])))
    assert found.baseline == 6 and found.days == 3


def test_recovery_over_a_gap_counts_calendar_days():
    (found,) = recoveries(days_of(_usual_then_heavy([3, None, 7])))
    assert found.days == 3


def test_back_the_next_day_is_one_day():
    (found,) = recoveries(days_of(_usual_then_heavy([6])))
    assert found.days == 1


def test_not_back_within_the_window_is_unknown():
    (found,) = recoveries(days_of(_usual_then_heavy([3] * 14 + [8])))
    assert found.days is None


def test_a_heavy_day_without_enough_days_before_it_has_no_usual_level():
    days = days_of([entry(MONDAY, energy=6), entry(MONDAY + timedelta(days=1), energy=6, mental=9)])
    assert recoveries(days) == []


def test_recovery_within_a_period_still_uses_the_days_around_it():
    days = days_of(_usual_then_heavy([3, 5, 6, 7]))
    heavy = MONDAY + timedelta(days=5)
    (found,) = recoveries(days, heavy, heavy)  # the usual level from before, the recovery from after
    assert found.baseline == 6 and found.days == 3
    assert recoveries(days, heavy + timedelta(days=1)) == recoveries(days, None, heavy - timedelta(days=1)) == []


#: a journal of up to 90 days from MONDAY: energy and the heaviest load of each day (None: not recorded)
_journals = st.lists(
    st.tuples(st.one_of(st.none(), st.integers(0, 10)), st.one_of(st.none(), st.integers(0, 10))), max_size=90
)


def _journal(values: list[tuple[int | None, int | None]]) -> list[CheckIn]:
    return [
        entry(MONDAY + timedelta(days=n), energy=energy, physical=load)
        for n, (energy, load) in enumerate(values)
        if energy is not None or load is not None
    ]


@given(values=_journals, start=st.integers(-5, 95), length=st.integers(0, 60))
def test_a_pattern_from_the_first_day_it_needs_on_is_the_pattern_from_every_day(values, start, length):
    all_days = days_of(_journal(values))
    first, end = MONDAY + timedelta(days=start), MONDAY + timedelta(days=start + length)
    needed = in_period(all_days, first_day_needed(first), None)
    assert pattern_of(needed, first, end) == pattern_of(all_days, first, end)
    assert len(needed) <= len(all_days)


def test_the_usual_level_of_a_heavy_first_day_of_the_period_reaches_back_the_whole_fourteen_days():
    start = MONDAY + timedelta(days=20)
    usual = [(14, 9), (13, 9), (2, 1), (1, 1)]  # days before start: the median is 5, without the 14th back 1
    made = [entry(start - timedelta(days=back), energy=energy) for back, energy in usual]
    made += [entry(start, energy=0, physical=9), entry(start + timedelta(days=1), energy=3)]
    needed = in_period(days_of(made), first_day_needed(start), None)
    assert first_day_needed(start) == start - timedelta(days=14)
    (found,) = pattern_of(needed, start, start + timedelta(days=7)).recoveries
    assert found.baseline == 5 and found.days is None  # 3 the next day is not back at 5


@given(values=_journals, as_of=st.integers(0, 100))
def test_the_capacity_rule_from_its_first_day_on_is_the_rule_from_every_day(values, as_of):
    all_days = days_of([e.model_copy(update={"active_hours": e.energy}) for e in _journal(values)])
    today = MONDAY + timedelta(days=as_of)
    needed = in_period(all_days, first_capacity_day(today), None)
    assert recorded_weeks(needed, today) == recorded_weeks(all_days, today)


# --- the capacity rule --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("planned", "exceeds"), [(9.75, False), (10.0, False), (10.25, True)])
def test_the_plan_exceeds_capacity_only_above_the_median(planned, exceeds):
    assert plan_exceeds_capacity(planned, [8.0, 10.0, 12.0]) is exceeds


def test_without_recorded_weeks_the_rule_says_nothing():
    assert plan_exceeds_capacity(100, []) is False


def test_planned_hours_count_the_target_and_the_appointments():
    assert planned_hours(2, 1.5, [2.0, None]) == 2 * 1.5 + 2.0 + 1.0


def _weeks_of_hours(hours_per_day: list[float], days_per_week: int = 3) -> list[CheckIn]:
    made = []
    for back, hours in enumerate(hours_per_day, start=1):
        start = AS_OF - timedelta(weeks=back)  # a Monday, the weeks before as_of's week
        made += [entry(start + timedelta(days=n), active_hours=hours) for n in range(days_per_week)]
    return made


def test_weekly_hours_are_the_mean_of_the_recorded_days_times_seven():
    weeks = recorded_weeks(days_of(_weeks_of_hours([1.0, 2.0, 3.0, 4.0])), AS_OF)
    assert [w.hours for w in weeks] == [28.0, 21.0, 14.0, 7.0]  # oldest first
    check = capacity_check(days_of(_weeks_of_hours([1.0, 2.0, 3.0, 4.0])), AS_OF, AS_OF, 17.5)
    assert check is not None and check.median_hours == 17.5 and not check.exceeds
    check = capacity_check(days_of(_weeks_of_hours([1.0, 2.0, 3.0, 4.0])), AS_OF, AS_OF, 17.75)
    assert check is not None and check.exceeds


def test_a_week_with_too_few_recorded_days_does_not_count():
    days = days_of(_weeks_of_hours([1.0, 2.0], days_per_week=2) + _weeks_of_hours([5.0], days_per_week=3))
    assert capacity_check(days, AS_OF, AS_OF, 1.0) is None  # one usable week of the two needed
