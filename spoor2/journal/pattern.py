"""The pattern of the journal: days from check-ins, spreads, weekdays, recovery after heavy days, capacity.

Pure functions over check-ins, activity costs and an explicit period or ``as_of``. Every number comes with
what it rests on (a :class:`Spread` has its count; a period its first and last day), so a page never
shows a number without its period and the count of days.

Definitions (the page says the same in words):

* **A day** combines its check-ins. Energy: the mean of the parts of the day that have it. Load: the
  heaviest axis (physical, mental, emotional) of any part. Hours and rest moments: the whole-day
  check-in's value when it has one, else morning plus evening. Longest stretch: the longest of any part.
* **A heavy day**: a load of :data:`HEAVY_LOAD` or more, or an activity that day that cost that much.
* **Recovery after a heavy day D**: the usual level is the median energy of the recorded days in the
  :data:`BASELINE_DAYS` days before D (at least :data:`MIN_BASELINE_DAYS` of them). Recovery is the
  number of days from D to the first later day whose energy is at or above that level (1: the next
  day was already back). Not back within :data:`RECOVERY_WINDOW` days, or not recorded: unknown.
* **The capacity rule** (:func:`plan_exceeds_capacity`): the hours the plan asks for a week exceed the
  median of the recorded weekly activity hours of the last :data:`CAPACITY_WEEKS` whole weeks.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spoor2.journal.entries import ActivityCost, CheckIn

HEAVY_LOAD = 7
BASELINE_DAYS = 14
MIN_BASELINE_DAYS = 3
RECOVERY_WINDOW = 14
CAPACITY_WEEKS = 4
#: a whole week counts for the capacity rule when at least this many of its days have activity hours
MIN_DAYS_PER_WEEK = 3
#: at least this many such weeks before the capacity rule says anything
MIN_CAPACITY_WEEKS = 2
#: an appointment without recorded hours counts as this many hours in the plan
DEFAULT_APPOINTMENT_HOURS = 1.0


@dataclass(frozen=True)
class Day:
    day: date
    energy: float | None = None
    load: int | None = None
    active_hours: float | None = None
    rest_hours: float | None = None
    rest_moments: int | None = None
    longest_stretch: float | None = None
    heavy: bool = False


@dataclass(frozen=True)
class Spread:
    """Values and what they rest on: how many, the mean, the median, the lowest and the highest."""

    count: int
    mean: float
    median: float
    low: float
    high: float


@dataclass(frozen=True)
class Recovery:
    day: date
    baseline: float
    days: int | None


def spread(values: Iterable[float | None]) -> Spread | None:
    """The spread of the values that are there (None: not recorded).

    >>> spread([4, 6, None, 8])
    Spread(count=3, mean=6.0, median=6, low=4, high=8)
    """
    kept = [v for v in values if v is not None]
    if not kept:
        return None
    return Spread(len(kept), statistics.fmean(kept), statistics.median(kept), min(kept), max(kept))


def _whole_day(parts: dict[str, CheckIn], field: str) -> float | None:
    whole = getattr(parts["day"], field) if "day" in parts else None
    if whole is not None:
        return whole
    values = [getattr(parts[p], field) for p in ("morning", "evening") if p in parts]
    kept = [v for v in values if v is not None]
    return sum(kept) if kept else None


def _day(day: date, parts: dict[str, CheckIn], cost_heaviness: int | None) -> Day:
    energies = [e.energy for e in parts.values() if e.energy is not None]
    loads = [e.load for e in parts.values() if e.load is not None]
    stretches = [e.longest_stretch for e in parts.values() if e.longest_stretch is not None]
    load = max(loads) if loads else None
    moments = _whole_day(parts, "rest_moments")
    return Day(
        day=day,
        energy=statistics.fmean(energies) if energies else None,
        load=load,
        active_hours=_whole_day(parts, "active_hours"),
        rest_hours=_whole_day(parts, "rest_hours"),
        rest_moments=int(moments) if moments is not None else None,
        longest_stretch=max(stretches) if stretches else None,
        heavy=(load is not None and load >= HEAVY_LOAD)
        or (cost_heaviness is not None and cost_heaviness >= HEAVY_LOAD),
    )


def days_of(entries: Iterable[CheckIn], costs: Iterable[ActivityCost] = ()) -> list[Day]:
    """The recorded days, oldest first (a day with only an activity cost counts as recorded too)."""
    by_day: dict[date, dict[str, CheckIn]] = defaultdict(dict)
    for entry in entries:
        by_day[entry.day][entry.part] = entry
    heaviest: dict[date, int] = {}
    for cost in costs:
        if cost.heaviness is not None:
            heaviest[cost.on] = max(heaviest.get(cost.on, 0), cost.heaviness)
            by_day.setdefault(cost.on, {})
    return [_day(d, by_day[d], heaviest.get(d)) for d in sorted(by_day)]


def in_period(days: Iterable[Day], start: date | None, end: date | None) -> list[Day]:
    return [d for d in days if (start is None or d.day >= start) and (end is None or d.day <= end)]


def weekday_energy(days: Sequence[Day]) -> list[tuple[int, Spread | None]]:
    """Per weekday (0 = Monday): the spread of the day energies recorded on it."""
    return [(weekday, spread(d.energy for d in days if d.day.weekday() == weekday)) for weekday in range(7)]


def share_below(days: Sequence[Day], level: float) -> tuple[int, int]:
    """(days with energy below ``level``, days with energy recorded)."""
    energies = [d.energy for d in days if d.energy is not None]
    return sum(1 for e in energies if e < level), len(energies)


def _baseline(energy: dict[date, float], day: date) -> float | None:
    before = [energy[d] for d in (day - timedelta(days=n) for n in range(1, BASELINE_DAYS + 1)) if d in energy]
    return statistics.median(before) if len(before) >= MIN_BASELINE_DAYS else None


def recoveries(days: Sequence[Day], start: date | None = None, end: date | None = None) -> list[Recovery]:
    """Recovery after every heavy day from ``start`` to ``end`` (None: no bound) that has a usual level to
    come back to (see the module text); the days before the period still give a usual level, the days after
    it a recovery."""
    energy = {d.day: d.energy for d in days if d.energy is not None}
    out: list[Recovery] = []
    for heavy in (d for d in in_period(days, start, end) if d.heavy):
        baseline = _baseline(energy, heavy.day)
        if baseline is None:
            continue
        back = next(
            (n for n in range(1, RECOVERY_WINDOW + 1) if energy.get(heavy.day + timedelta(days=n), -1.0) >= baseline),
            None,
        )
        out.append(Recovery(heavy.day, baseline, back))
    return out


def first_day_needed(start: date | None) -> date | None:
    """The first day :func:`pattern_of` reads for a period from ``start`` (None: every day): the usual level
    of a heavy day on ``start`` rests on the :data:`BASELINE_DAYS` days before it. The days after the period
    count too (recovery looks ahead), so a pattern needs the days from here on, not the whole journal.

    >>> first_day_needed(date(2026, 3, 1)), first_day_needed(None)
    (datetime.date(2026, 2, 15), None)
    """
    return None if start is None else start - timedelta(days=BASELINE_DAYS)


@dataclass(frozen=True)
class Pattern:
    """The recorded period and its numbers (each spread has its own count of days)."""

    first: date | None
    last: date | None
    days: int
    energy: Spread | None
    load: Spread | None
    active: Spread | None
    rest: Spread | None
    moments: Spread | None
    stretch: Spread | None
    heavy_days: int
    recoveries: tuple[Recovery, ...]

    @property
    def recovery(self) -> Spread | None:
        return spread(r.days for r in self.recoveries)


def pattern_of(all_days: Sequence[Day], start: date | None = None, end: date | None = None) -> Pattern:
    """The pattern of the days from ``start`` to ``end``. Recovery uses the days before ``start`` as usual level
    (``all_days`` from :func:`first_day_needed` on give the same pattern as every day)."""
    days = in_period(all_days, start, end)
    return Pattern(
        first=days[0].day if days else None,
        last=days[-1].day if days else None,
        days=len(days),
        energy=spread(d.energy for d in days),
        load=spread(d.load for d in days),
        active=spread(d.active_hours for d in days),
        rest=spread(d.rest_hours for d in days),
        moments=spread(d.rest_moments for d in days),
        stretch=spread(d.longest_stretch for d in days),
        heavy_days=sum(1 for d in days if d.heavy),
        recoveries=tuple(recoveries(all_days, start, end)),
    )


def worst_days(days: Sequence[Day]) -> list[Day]:
    """A bad day: the quarter of the days with energy that had the lowest energy (at least one day)."""
    with_energy = sorted((d for d in days if d.energy is not None), key=lambda d: (d.energy, d.day))
    return with_energy[: max(1, -(-len(with_energy) // 4))] if with_energy else []


# --- the capacity rule ------------------------------------------------------------------------------------


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekHours:
    start: date
    days: int
    hours: float


def first_capacity_day(as_of: date) -> date:
    """The first day the capacity rule reads (:func:`recorded_weeks`): the Monday :data:`CAPACITY_WEEKS` weeks
    before ``as_of``'s week.

    >>> first_capacity_day(date(2026, 12, 2))  # a Wednesday
    datetime.date(2026, 11, 2)
    """
    return week_start(as_of) - timedelta(weeks=CAPACITY_WEEKS)


def recorded_weeks(days: Sequence[Day], as_of: date) -> list[WeekHours]:
    """The last :data:`CAPACITY_WEEKS` whole weeks before ``as_of``'s week that have enough days with hours.

    A week's hours: the mean activity hours of its days that have them, times 7 (a gap is not a zero).
    """
    out: list[WeekHours] = []
    this_week = week_start(as_of)
    for back in range(CAPACITY_WEEKS, 0, -1):
        start = this_week - timedelta(weeks=back)
        hours = [
            d.active_hours for d in in_period(days, start, start + timedelta(days=6)) if d.active_hours is not None
        ]
        if len(hours) >= MIN_DAYS_PER_WEEK:
            out.append(WeekHours(start, len(hours), statistics.fmean(hours) * 7))
    return out


def plan_exceeds_capacity(planned_hours: float, weekly_hours: Sequence[float]) -> bool:
    """Whether the plan asks more hours than the median recorded week: strictly more (equal is within).

    >>> plan_exceeds_capacity(10.5, [8, 10, 12]), plan_exceeds_capacity(10, [8, 10, 12])
    (True, False)
    """
    return bool(weekly_hours) and planned_hours > statistics.median(weekly_hours)


@dataclass(frozen=True)
class CapacityCheck:
    week: date
    planned_hours: float
    median_hours: float
    weeks: tuple[WeekHours, ...]
    exceeds: bool


def planned_hours(target_count: int, hours_per_activity: float, appointment_hours: Iterable[float | None]) -> float:
    """The hours a week of the plan asks: the weekly target times the hours one activity takes, plus the
    appointments of that week (one without hours counts :data:`DEFAULT_APPOINTMENT_HOURS`)."""
    extra = sum(DEFAULT_APPOINTMENT_HOURS if h is None else h for h in appointment_hours)
    return target_count * hours_per_activity + extra


def capacity_check(days: Sequence[Day], as_of: date, week: date, planned: float) -> CapacityCheck | None:
    """The capacity rule for the week starting ``week``; None when too few whole weeks were recorded."""
    weeks = recorded_weeks(days, as_of)
    if len(weeks) < MIN_CAPACITY_WEEKS:
        return None
    hours = [w.hours for w in weeks]
    return CapacityCheck(week, planned, statistics.median(hours), tuple(weeks), plan_exceeds_capacity(planned, hours))
