"""The personal Poortwachter timeline: the law as named rules, one function per milestone.

Every rule is explained, with its sources and the choices where sources disagree, in
``docs/rules.md`` (the anchor of a milestone is its id with dashes: ``docs/rules.md#action-plan-due``).
The registry :data:`MILESTONES` lists every milestone once; :func:`compute_timeline` runs it.

Everything here is a pure function of validated inputs. Rules never call ``date.today()``;
:func:`where_i_stand` takes ``as_of`` from the caller. Every milestone carries the ids of
its sources (``content/legal/sources*.yaml``); its texts live in ``content/{en,nl}/ui/milestones.yaml``.

Conventions (docs/rules.md#counting-days-and-weeks): day *n* is the n-th *counted* sick day
(day 1 = first sick day); week *k* is days 7k−6 … 7k. Gap days between summed periods are not
counted (docs/rules.md#summation).

>>> tl = compute_timeline(TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),)))
>>> tl.milestone("uwv_sick_report_due").date, tl.milestone("wia_application_deadline").date
(datetime.date(2026, 10, 26), datetime.date(2027, 10, 17))
>>> tl.milestone("wage_continuation_last_day").date, tl.milestone("wia_earliest_start").date
(datetime.date(2028, 1, 2), datetime.date(2028, 1, 3))
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Literal

from pydantic import Field

from spoor2.dates import add_days, anniversary, next_working_day, previous_working_day
from spoor2.errors import InvalidInput
from spoor2.legal.params import legal_value
from spoor2.model import FrozenMap, IsoDate, Model

Actor = Literal["employee", "employer", "company_doctor", "employer_and_employee", "uwv", "law"]
Status = Literal[
    "done", "done_late", "overdue", "due_soon", "in_window", "upcoming", "passed", "not_reached", "not_applicable"
]

DUE_SOON_DAYS = 14
#: where the rules are explained; a milestone's anchor there is its id with dashes
RULES_DOC = "docs/rules.md"


# --- the input --------------------------------------------------------------------------------------


class SickPeriod(Model):
    """One period of sickness: first sick day and, once recovered, the last sick day (inclusive)."""

    start: IsoDate
    end: IsoDate | None = None


class LeavePeriod(Model):
    """Pregnancy and maternity leave (WAZO art. 3:1): first and last day of the leave (inclusive)."""

    start: IsoDate
    end: IsoDate


class TimelineInput(Model):
    periods: tuple[SickPeriod, ...] = Field(min_length=1)
    wage_sanction_weeks: int | None = None
    extension_weeks: int | None = None
    early_iva_applied: IsoDate | None = None
    contract_end: IsoDate | None = None
    #: WAZO pregnancy and maternity leave between two sick periods (docs/rules.md#pregnancy-leave)
    pregnancy_leave: LeavePeriod | None = None
    #: the sickness after the leave can have the same cause as the sickness before (BW 7:629 lid 10)
    after_leave_same_cause: bool = True
    #: the day the person reaches state pension age (AOW), if known (docs/rules.md#state-pension-age)
    aow_date: IsoDate | None = None


#: Steps the employer owes only while the employment lasts: after a fixed-term contract ends, UWV takes
#: over (Wet WIA art. 26 lid 1; Ziektewet art. 38 lid 1) — docs/rules.md#after-the-contract-ends
EMPLOYER_DUTIES_WHILE_EMPLOYED: frozenset[str] = frozenset(
    {
        "problem_analysis_due",
        "action_plan_due",
        "uwv_sick_report_due",
        "first_year_evaluation_window",
        "spoor2_decision",
        "reintegration_report_due",
        "final_evaluation",
        "wage_sanction_decision_latest",
    }
)


# --- the milestones: a dated step or a window -------------------------------------------------------


class _MilestoneBase(Model):
    id: str
    actor: Actor
    #: ids in ``content/legal/sources*.yaml``
    sources: tuple[str, ...]
    recordable: bool = False
    indicative: bool = False
    #: it happens only if someone acts (UWV imposes a wage sanction): never "missing" when not recorded
    conditional: bool = False
    #: False when the step no longer applies (the contract ended before it); ``reason`` says why
    applies: bool = True
    #: an i18n key under ``milestones.not_applicable.`` (with ``params``)
    reason: str | None = None
    #: the counted sick day on which it falls (a window: opens); None when not tied to a sick day
    day: int | None = None
    #: extra notes, as i18n keys under ``milestones.note.``
    notes: tuple[str, ...] = ()
    #: values for the rule text (``{weeks}``, ``{day}``, …)
    params: FrozenMap[str, int | str] = FrozenMap()


class DatedMilestone(_MilestoneBase):
    """A step due on one date."""

    kind: Literal["date"] = "date"
    date: IsoDate

    @property
    def first(self) -> dt.date:
        return self.date

    @property
    def due(self) -> dt.date:
        """The date by which it should have happened."""
        return self.date


class WindowMilestone(_MilestoneBase):
    """A step expected within a window of days, ``start`` to ``end`` inclusive."""

    kind: Literal["window"] = "window"
    start: IsoDate
    end: IsoDate
    #: the counted sick day on which the window closes
    end_day: int | None = None

    @property
    def first(self) -> dt.date:
        return self.start

    @property
    def due(self) -> dt.date:
        """The date by which it should have happened: the window's end."""
        return self.end


Milestone = Annotated[DatedMilestone | WindowMilestone, Field(discriminator="kind")]


# --- validation -------------------------------------------------------------------------------------


#: Dates the calculation accepts at all (far outside them a deadline would not even be a date).
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2999, 12, 31)


def in_order(inp: TimelineInput) -> TimelineInput:
    """The same input with its periods oldest first: a person may enter them in any order.

    The periods are ordered by their first sick day before any rule looks at them (the rules
    then speak of "period 1" as the oldest). An input already in order is returned as it is.
    """
    periods = tuple(sorted(inp.periods, key=lambda period: period.start))
    if periods == inp.periods:
        return inp
    return inp.model_copy(update={"periods": periods})


def validate_timeline_input(inp: TimelineInput, as_of: date | None = None) -> None:
    """Every rule about the input, in the order a person should fix them; raises :class:`InvalidInput`.

    First the input on its own, then (with ``as_of``) against today, then against the counted
    sickness (the early IVA window and the contract end need the first sick day of the count).
    """
    check_input(inp)
    if as_of is not None:
        check_against_today(inp, as_of)
    count = count_sickness(inp)
    if inp.early_iva_applied is not None:
        window_start, window_end = early_iva_window(count)
        if not window_start <= inp.early_iva_applied <= window_end:
            raise InvalidInput("early_iva_outside_window", start=window_start.isoformat(), end=window_end.isoformat())
    if inp.contract_end is not None and inp.contract_end < count.first_sick_day:
        raise InvalidInput("contract_end_before_sickness")
    if inp.aow_date is not None and inp.aow_date <= add_days(count.wage_last_day, 1):
        # BW 7:629 lid 2 and 7:670 lid 1: at state pension age wage and the ban run for 6 weeks, no WIA
        raise InvalidInput("timeline.error.aow_age_within_wachttijd", aow_date=inp.aow_date.isoformat())


def check_input(inp: TimelineInput) -> None:
    """Rules about the input on its own: dates in range, periods in order, options within the law."""
    periods = inp.periods
    leave = inp.pregnancy_leave
    given = [d for p in periods for d in (p.start, p.end)] + [inp.early_iva_applied, inp.contract_end, inp.aow_date]
    given += [leave.start, leave.end] if leave is not None else []
    if any(d is not None and not EARLIEST_DATE <= d <= LATEST_DATE for d in given):
        raise InvalidInput("date_out_of_range", earliest=EARLIEST_DATE.isoformat(), latest=LATEST_DATE.isoformat())
    for index, period in enumerate(periods, start=1):
        if period.end is not None and period.end < period.start:
            raise InvalidInput("period_end_before_start", number=index)
        if period.end is None and index != len(periods):
            raise InvalidInput("open_period_not_last", number=index)
    for index in range(1, len(periods)):
        before, after = periods[index - 1], periods[index]
        if after.start <= (before.end or before.start):
            raise InvalidInput("periods_overlap", first=index, second=index + 1)
    first_sick_day = periods[0].start
    if leave is not None:
        check_pregnancy_leave(leave, periods)
    if inp.wage_sanction_weeks is not None:
        maximum = legal_value("wage_sanction_max_weeks", first_sick_day)
        if not 1 <= inp.wage_sanction_weeks <= maximum:
            raise InvalidInput("wage_sanction_range", maximum=maximum)
    if inp.extension_weeks is not None:
        minimum = legal_value("voluntary_extension_min_weeks", first_sick_day)
        if inp.extension_weeks < minimum or inp.extension_weeks > 520:
            raise InvalidInput("extension_minimum", minimum=minimum)


def check_pregnancy_leave(leave: LeavePeriod, periods: tuple[SickPeriod, ...]) -> None:
    """WAZO art. 3:1 — a leave ends after it starts, lasts at most the law's maximum and is not a sick period."""
    if leave.end < leave.start:
        raise InvalidInput("timeline.error.pregnancy_leave_end_before_start")
    maximum = legal_value("pregnancy_leave_max_weeks", leave.start)
    if (leave.end - leave.start).days + 1 > 7 * maximum:
        raise InvalidInput("timeline.error.pregnancy_leave_too_long", weeks=maximum)
    for index, period in enumerate(periods, start=1):
        # BW 7:629 lid 4: during the leave there is no wage for sickness; the leave is not a sick period
        if period.start <= leave.end and (period.end is None or period.end >= leave.start):
            raise InvalidInput("timeline.error.pregnancy_leave_overlaps", number=index)


def check_against_today(inp: TimelineInput, as_of: date) -> None:
    """Rules that depend on today: no first sick day in the future or more than 5 years back."""
    first = inp.periods[0].start
    latest_start = inp.periods[-1].start
    if latest_start > as_of:
        raise InvalidInput("first_sick_day_in_future")
    years = legal_value("max_history_years", first)
    if first < anniversary(as_of, -years):
        raise InvalidInput("first_sick_day_too_old", years=years)
    for index, period in enumerate(inp.periods, start=1):
        if period.end is not None and period.end > as_of + timedelta(days=366):
            raise InvalidInput("period_end_too_far", number=index)


def check_done_on(done_on: date | None, as_of: date) -> None:
    """A step can be recorded as done only on a day that has come (docs/rules.md#recording-a-step)."""
    if done_on is None or done_on > as_of:
        raise InvalidInput("timeline.error.done_in_future")


# --- counting (docs/rules.md#counting-days-and-weeks, #summation) -----------------------------------


def around_leave(before: SickPeriod, after: SickPeriod, leave: LeavePeriod | None) -> bool:
    """The sickness ends the day before the leave and starts again the day after it (docs/rules.md#pregnancy-leave)."""
    return (
        leave is not None
        and before.end is not None
        and add_days(before.end, 1) == leave.start
        and after.start == add_days(leave.end, 1)
    )


def counted_chain(
    periods: tuple[SickPeriod, ...],
    first: date,
    leave: LeavePeriod | None = None,
    same_cause: bool = True,
) -> tuple[tuple[SickPeriod, ...], int]:
    """The periods that count together, and the total gap days between them.

    BW 7:629 lid 10, WIA art. 23 lid 3 — periods that follow each other with a break of
    *less than four weeks* are summed; a gap of 28 days or more starts a new count.
    The gap is the number of fit days between the last sick day and the next first sick day.
    Periods directly before and directly after a WAZO leave are summed too (the leave days are
    not counted), unless the sickness after it cannot have the same cause (``same_cause``).
    """
    limit = legal_value("summation_gap_days", first)
    chain: list[SickPeriod] = [periods[0]]
    gaps = 0
    for period in periods[1:]:
        previous_end = chain[-1].end
        assert previous_end is not None  # check_input: only the last period may be open
        gap = (period.start - previous_end).days - 1
        if gap < limit or (same_cause and around_leave(chain[-1], period, leave)):
            chain.append(period)
            gaps += gap
        else:
            chain = [period]
            gaps = 0
    return tuple(chain), gaps


def nth_sick_day(chain: tuple[SickPeriod, ...], n: int) -> date:
    """The calendar date of counted sick day ``n`` (docs/rules.md#counting-days-and-weeks).

    Beyond the last counted day of a closed count, the date is where day ``n`` would fall
    if the sickness had continued — a projection the caller marks as such.

    >>> chain = (SickPeriod(start=date(2026, 1, 5), end=date(2026, 3, 1)), SickPeriod(start=date(2026, 3, 29)))
    >>> nth_sick_day(chain, 56), nth_sick_day(chain, 57)
    (datetime.date(2026, 3, 1), datetime.date(2026, 3, 29))
    """
    if n < 1:
        raise ValueError("sick days are counted from 1")
    remaining = n
    for period in chain[:-1]:
        assert period.end is not None
        length = (period.end - period.start).days + 1
        if remaining <= length:
            return add_days(period.start, remaining - 1)
        remaining -= length
    return add_days(chain[-1].start, remaining - 1)


def week_of_day(day: int) -> int:
    """Week k holds days 7k−6 … 7k (docs/rules.md#counting-days-and-weeks).

    >>> week_of_day(1), week_of_day(7), week_of_day(8), week_of_day(294), week_of_day(295)
    (1, 1, 2, 42, 43)
    """
    return math.ceil(day / 7)


class SickCount(Model):
    """The sickness as the law counts it: the summed periods, and the options that move the end."""

    input: TimelineInput
    #: the periods that count together, oldest first
    periods: tuple[SickPeriod, ...]
    #: fit days between the counted periods (they do not count, but every later date moves by them)
    gap_days: int
    #: the dates the person recorded steps as done (docs/rules.md#recorded-dates-move-later-steps)
    done: FrozenMap[str, IsoDate] = FrozenMap()
    #: the counted periods were summed over a WAZO leave (docs/rules.md#pregnancy-leave)
    summed_over_leave: bool = False
    #: sick days directly before the leave: not counted for the dismissal ban (BW 7:670 lid 1)
    pregnancy_days_not_counted_for_ban: int = 0

    @property
    def first_sick_day(self) -> date:
        return self.periods[0].start

    def value(self, name: str) -> int:
        """A legal number (``content/legal/parameters.yaml``) as it applied on the first sick day."""
        return legal_value(name, self.first_sick_day)

    def date_of_day(self, day: int) -> date:
        """The calendar date of counted sick day ``day``."""
        return nth_sick_day(self.periods, day)

    @property
    def extension_days(self) -> int:
        return 7 * (self.input.extension_weeks or 0)

    @property
    def sanction_days(self) -> int:
        return 7 * (self.input.wage_sanction_weeks or 0)

    @property
    def end_is_moved(self) -> bool:
        """A voluntary extension or a wage sanction moves the last day of wage continuation."""
        return bool(self.extension_days or self.sanction_days)

    @property
    def wachttijd_days(self) -> int:
        """WIA art. 23 lid 1 — the wachttijd of 104 weeks is 728 counted sick days."""
        return 7 * self.value("wachttijd_weeks")

    @property
    def wachttijd_end(self) -> date:
        """The last day of the wachttijd; a voluntary extension (WIA art. 24) moves it."""
        return add_days(self.date_of_day(self.wachttijd_days), self.extension_days)

    @property
    def wage_last_day(self) -> date:
        """The last day of wage continuation: the end of the wachttijd plus a wage sanction."""
        return add_days(self.wachttijd_end, self.sanction_days)

    def weeks_before_end(self, weeks: int) -> date:
        """docs/rules.md#weeks-before-the-end — "x weken voor afloop van de wachttijd": counted sick day
        7·(104 − x) (plus a voluntary extension's days), never moved for a weekend. Counted, not calendar
        days: fit days that come after that day (a relapse within four weeks late in the second year) move
        the end of the wachttijd but not a date that had already come."""
        return self.date_of_day(self.wachttijd_days + self.extension_days - 7 * weeks)

    def day_weeks_before_end(self, weeks: int) -> int | None:
        """The counted sick day of :meth:`weeks_before_end`; None when an extension moved the end."""
        return None if self.extension_days else self.wachttijd_days - 7 * weeks

    def sick_on(self, day: date) -> bool:
        """Whether ``day`` is a sick day of the count (not a fit day between periods, nor after recovery)."""
        return any(p.start <= day and (p.end is None or day <= p.end) for p in self.periods)

    def sick_days_until(self, last: date) -> int:
        """Counted sick days from day 1 up to and including ``last``."""
        return sum((min(p.end or last, last) - p.start).days + 1 for p in self.periods if p.start <= last)


def count_sickness(inp: TimelineInput, done: Mapping[str, date] | None = None) -> SickCount:
    """The counted sickness of a checked input (docs/rules.md#summation), with the recorded dates."""
    leave = inp.pregnancy_leave
    periods, gap_days = counted_chain(inp.periods, inp.periods[0].start, leave, inp.after_leave_same_cause)
    before_leave = [before for before, after in itertools.pairwise(periods) if around_leave(before, after, leave)]
    ban_days = sum((p.end - p.start).days + 1 for p in before_leave if p.end is not None)
    return SickCount(
        input=inp,
        periods=periods,
        gap_days=gap_days,
        done=FrozenMap(done or {}),
        summed_over_leave=bool(before_leave),
        pregnancy_days_not_counted_for_ban=ban_days,
    )


# --- the registry -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MilestoneSpec:
    """One milestone of the registry: its rule (a function named after the id) and what never varies."""

    rule: Callable[[SickCount, MilestoneSpec], Milestone | None]
    actor: Actor
    #: a person can mark it as done ("I received the plan van aanpak on …")
    recordable: bool = False
    #: it appears only in some situations (not part of the core contract of the CLI and exports)
    optional: bool = False
    #: shown as a "next step" for everyone (an early IVA application is not for everyone)
    next_step: bool = True
    #: it happens only if someone acts (a wage sanction): "if UWV imposes one", never missing
    conditional: bool = False

    @property
    def id(self) -> str:
        return self.rule.__name__

    @property
    def docs(self) -> str:
        """Where the rule is explained: ``docs/rules.md#<id with dashes>``."""
        return f"{RULES_DOC}#{self.id.replace('_', '-')}"

    def dated(self, on: date, *, params: Mapping[str, int | str] | None = None, **fields: object) -> DatedMilestone:
        return DatedMilestone(
            id=self.id,
            actor=self.actor,
            recordable=self.recordable,
            conditional=self.conditional,
            date=on,
            params=FrozenMap(params),
            **fields,  # type: ignore[arg-type]
        )

    def window(
        self, start: date, end: date, *, params: Mapping[str, int | str] | None = None, **fields: object
    ) -> WindowMilestone:
        return WindowMilestone(
            id=self.id,
            actor=self.actor,
            recordable=self.recordable,
            conditional=self.conditional,
            start=start,
            end=end,
            params=FrozenMap(params),
            **fields,  # type: ignore[arg-type]
        )


# --- the milestones, in the order of the registry ---------------------------------------------------


def first_sick_day(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """Wet WIA art. 23 lid 2 — day 1 is the first day not worked "wegens ziekte"."""
    return spec.dated(count.first_sick_day, day=1, sources=("wia_23_2",))


def problem_analysis_due(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """Regeling procesgang art. 2 lid 2 — the analysis "binnen zes weken na de eerste dag van ongeschiktheid"."""
    weeks = count.value("problem_analysis_weeks")
    day = 7 * weeks
    return spec.dated(count.date_of_day(day), day=day, sources=("procesgang_2",), params={"weeks": weeks, "day": day})


def action_plan_due(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """Regeling procesgang art. 4 lid 1 — the plan van aanpak "binnen twee weken na het oordeel" (the analysis)."""
    # With the analysis recorded as done on date D the plan is due on D + 2 weeks, early or late
    # (docs/rules.md#action-plan-due); otherwise two weeks after the analysis's own due day.
    weeks = count.value("action_plan_weeks_after_analysis")
    analysis_day = 7 * count.value("problem_analysis_weeks")
    day = analysis_day + 7 * weeks
    analysis_done = count.done.get("problem_analysis_due")
    if analysis_done is None:
        return spec.dated(
            count.date_of_day(day),
            day=day,
            sources=("procesgang_4", "bw_7_658a"),
            params={"weeks": weeks, "day": day},
        )
    late = ("analysis_was_late",) if analysis_done > count.date_of_day(analysis_day) else ()
    return spec.dated(
        add_days(analysis_done, 7 * weeks),
        sources=("procesgang_4", "bw_7_658a"),
        notes=("follows_recorded_analysis", *late),
        params={"weeks": weeks, "day": day, "analysis": analysis_done.isoformat()},
    )


def uwv_sick_report_due(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """UWV — the 42-week report "uiterlijk de eerste werkdag na de 42e ziekteweek" (Atw holidays)."""
    # Ziektewet art. 38 lid 1 says "uiterlijk op de eerste dag nadat de ongeschiktheid 42 weken heeft
    # geduurd" (day 295, any weekday): the note ``statute_first_day`` shows that date too
    # (docs/rules.md#uwv-sick-report-due).
    week = count.value("uwv_sick_report_week")
    day_after_week = 7 * week + 1
    on_that_day = count.date_of_day(day_after_week)
    due = next_working_day(on_that_day)
    shifted = ("shifted_to_working_day",) if due != on_that_day else ()
    return spec.dated(
        due,
        day=day_after_week + (due - on_that_day).days,
        sources=("uwv_42_week_report", "zw_38_1", "atw"),
        notes=("working_day_assumption", "statute_first_day", *shifted),
        params={"week": week, "day": day_after_week, "statute_date": on_that_day.isoformat()},
    )


def first_year_evaluation_window(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """Regeling procesgang art. 4 lid 2 sub b — "in ieder geval aan het einde van het eerste ziektejaar"."""
    from_week = count.value("first_year_evaluation_from_week")
    to_week = count.value("first_year_evaluation_to_week")
    first_day, last_day = 7 * from_week - 6, 7 * to_week
    return spec.window(
        count.date_of_day(first_day),
        count.date_of_day(last_day),
        day=first_day,
        end_day=last_day,
        indicative=True,
        sources=("procesgang_4_2b", "practice_eje_weeks"),
        params={"from_week": from_week, "to_week": to_week},
    )


def spoor2_decision(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """BW 7:658a lid 1-2 — spoor 2 "zo tijdig mogelijk"; window to EJE + 6 weeks is indicative (secondary only)."""
    weeks_after = count.value("spoor2_weeks_after_first_year_evaluation")
    first_day = 7 * count.value("first_year_evaluation_from_week") - 6
    last_day = 7 * count.value("first_year_evaluation_to_week") + 7 * weeks_after
    return spec.window(
        count.date_of_day(first_day),
        count.date_of_day(last_day),
        day=first_day,
        end_day=last_day,
        indicative=True,
        sources=("bw_7_658a", "beleidsregels_5", "practice_spoor2_six_weeks"),
        params={"weeks": weeks_after, "day": last_day},
    )


def wia_letter_expected(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """Wet WIA art. 64 lid 2 — "uiterlijk op de dag waarop de wachttijd 89 weken heeft geduurd" (UWV: 88)."""
    uwv_week = count.value("wia_letter_week_uwv")
    statute_week = count.value("wia_letter_week_statute")
    first_day, last_day = 7 * uwv_week + 1, 7 * statute_week
    return spec.window(
        add_days(count.date_of_day(first_day), count.extension_days),
        add_days(count.date_of_day(last_day), count.extension_days),
        day=first_day,
        end_day=last_day,
        indicative=True,
        sources=("wia_64_2", "uwv_wia_letter", *(("wia_64_2_24_3",) if count.extension_days else ())),
        # WIA art. 64 lid 2 moves the notice only with an art. 24 lid 3 decision: the shift is an estimate
        notes=("wia_letter_moved_by_extension",) if count.extension_days else (),
        params={"uwv_week": uwv_week, "statute_week": statute_week},
    )


def reintegration_report_due(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """Wet WIA art. 25 lid 3 — the RIV "uiterlijk dertien weken voor het verstrijken van de wachttijd"."""
    weeks = count.value("reintegration_report_weeks_before_end")
    extended = ("wia_25_4",) if count.extension_days else ()
    moved = ("moved_by_extension",) if count.extension_days else ()
    return spec.dated(
        count.weeks_before_end(weeks),
        day=count.day_weeks_before_end(weeks),
        sources=("wia_25_3", "procesgang_6", *extended),
        notes=("no_weekend_shift", *moved),
        params={"weeks": weeks},
    )


def final_evaluation(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """Regeling procesgang art. 6 lid 1 — the eindevaluatie ends the RIV; practice: 2 weeks before the application."""
    weeks = count.value("final_evaluation_weeks_before_application")
    application = count.weeks_before_end(count.value("wia_application_weeks_before_end"))
    return spec.dated(
        add_days(application, -7 * weeks),
        indicative=True,
        sources=("procesgang_6", "practice_final_evaluation"),
        params={"weeks": weeks},
    )


def wia_application_deadline(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """Wet WIA art. 64 lid 3 — the WIA application "uiterlijk elf weken voor afloop van de wachttijd"."""
    weeks = count.value("wia_application_weeks_before_end")
    moved = ("moved_by_extension",) if count.extension_days else ()
    return spec.dated(
        count.weeks_before_end(weeks),
        day=count.day_weeks_before_end(weeks),
        sources=("wia_64_3", "uwv_wia_apply", "atw"),
        notes=("no_weekend_shift", *moved),
        params={"weeks": weeks, "week": count.value("wachttijd_weeks") - weeks},
    )


def wage_sanction_decision_latest(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """Wet WIA art. 25 lid 10 — UWV decides on a loonsanctie "uiterlijk zes weken voor de afloop van de wachttijd"."""
    weeks = count.value("wage_sanction_decision_weeks_before_end")
    return spec.dated(
        count.weeks_before_end(weeks),
        sources=("wia_25_10",),
        notes=("moved_by_extension",) if count.extension_days else (),
        params={"weeks": weeks},
    )


def _wage_end_sources(count: SickCount) -> tuple[str, ...]:
    extended = ("wia_24", "bw_7_629_11") if count.extension_days else ()
    sanctioned = ("wia_25_9", "wia_25_12") if count.sanction_days else ()
    leave = ("bw_7_629_10", "wia_23_3") if count.summed_over_leave else ()
    return ("bw_7_629_1", "wia_23_1", *extended, *sanctioned, *leave)


def _wage_end_notes(count: SickCount) -> tuple[str, ...]:
    notes: tuple[str, ...] = ("summed_over_pregnancy_leave",) if count.summed_over_leave else ()
    if count.extension_days:
        notes += ("moved_by_extension",)
    if count.sanction_days:
        notes += ("moved_by_sanction", "sanction_can_end_early")
    if _contract_end_while_paid(count) is not None:
        notes += ("paid_by_ziektewet_after_contract_end",)
    return notes


def wage_continuation_last_day(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """BW 7:629 lid 1 — wage "gedurende 104 weken" (day 728), plus WIA art. 24 extension and art. 25 lid 9 sanction."""
    return spec.dated(
        count.wage_last_day,
        day=None if count.end_is_moved else count.wachttijd_days,
        # WIA art. 25 lid 12-14 — a sanction can end early: with one the date is "at the latest"
        indicative=bool(count.sanction_days),
        sources=_wage_end_sources(count),
        notes=_wage_end_notes(count),
        params={
            "weeks": count.value("wachttijd_weeks"),
            "extension_weeks": count.input.extension_weeks or 0,
            "sanction_weeks": count.input.wage_sanction_weeks or 0,
        },
    )


def wia_earliest_start(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """Wet WIA art. 23 lid 1 — a WIA benefit starts after the "wachttijd van 104 weken", the day after the last paid."""
    early_iva = ("regular_path_if_early_iva",) if count.input.early_iva_applied else ()
    return spec.dated(
        add_days(count.wage_last_day, 1),
        day=None if count.end_is_moved else count.wachttijd_days + 1,
        indicative=bool(count.sanction_days),
        sources=_wage_end_sources(count),
        notes=(*_wage_end_notes(count), *early_iva),
    )


def dismissal_ban_end(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """BW 7:670 lid 1 — no notice until sickness "ten minste twee jaren heeft geduurd" (or 104 weeks, if later)."""
    years = count.value("dismissal_ban_years")
    moved_by = count.gap_days + count.extension_days + count.sanction_days  # BW 7:670 lid 11
    # BW 7:670 lid 1 — pregnancy-related sickness before the leave (and the leave) is not counted
    moved_by += count.pregnancy_days_not_counted_for_ban
    two_years = add_days(anniversary(count.first_sick_day, years), moved_by)
    ban_end = max(two_years, add_days(count.wage_last_day, 1))
    contract_end = count.input.contract_end
    ends_by_itself = ("no_ban_after_contract_end",) if contract_end is not None and contract_end < ban_end else ()
    return spec.dated(
        ban_end,
        indicative=True,
        sources=("bw_7_670_1", "bw_7_670_11"),
        notes=(
            "two_years_vs_104_weeks",
            *(("pregnancy_not_counted_for_ban",) if count.summed_over_leave else ()),
            *ends_by_itself,
        ),
        params={"years": years},
    )


def early_iva_window(count: SickCount) -> tuple[date, date]:
    """UWV — an early IVA application "tussen 3 en 68 weken ziekte": after week 3, by the end of week 68."""
    first_day = 7 * count.value("early_iva_apply_after_weeks") + 1
    last_day = 7 * count.value("early_iva_apply_before_end_of_week")
    return count.date_of_day(first_day), count.date_of_day(last_day)


def early_iva_application_window(count: SickCount, spec: MilestoneSpec) -> Milestone:
    """Wet WIA art. 23 lid 6 and 66, UWV "Vervroegd WIA" — apply "tussen 3 en 68 weken ziekte"."""
    from_week = count.value("early_iva_apply_after_weeks")
    to_week = count.value("early_iva_apply_before_end_of_week")
    start, end = early_iva_window(count)
    return spec.window(
        start,
        end,
        day=7 * from_week + 1,
        end_day=7 * to_week,
        sources=("uwv_early_iva", "wia_23_6", "wia_66"),
        params={"from_week": from_week, "to_week": to_week},
    )


def early_iva_start(count: SickCount, spec: MilestoneSpec) -> Milestone | None:
    """Wet WIA art. 23 lid 6 — "niet eerder … dan tien weken na de dag waarop de aanvraag … is ingediend"."""
    applied = count.input.early_iva_applied
    if applied is None:
        return None
    weeks = count.value("early_iva_start_weeks_after_application")
    min_weeks = count.value("shortened_wachttijd_min_weeks")
    earliest = count.date_of_day(7 * min_weeks + 1)
    latest = count.date_of_day(7 * count.value("shortened_wachttijd_max_weeks") + 1)
    return spec.dated(
        min(max(earliest, add_days(applied, 7 * weeks)), latest),
        indicative=True,
        sources=("wia_23_6", "uwv_early_iva"),
        notes=("iva_if_granted",),
        params={"weeks": weeks, "min_weeks": min_weeks},
    )


def _contract_end_while_paid(count: SickCount) -> date | None:
    """The contract end, if the contract ends while the person is sick (Ziektewet art. 38 lid 2: "ziek uit
    dienst"), on or before the last day of wage continuation. A contract that ends on a fit day — after
    recovery, or between two periods — is not a sick person's contract end: no report, no Ziektewet."""
    end = count.input.contract_end
    return end if end is not None and end <= count.wage_last_day and count.sick_on(end) else None


def contract_end_uwv_report(count: SickCount, spec: MilestoneSpec) -> Milestone | None:
    """Ziektewet art. 38 lid 2 — the employer reports the employee sick "op de laatste werkdag" of the contract."""
    end = _contract_end_while_paid(count)
    if end is None:
        return None
    return spec.dated(
        previous_working_day(end),
        sources=("zw_38_2", "uwv_contract_end_report"),
        notes=("ziektewet_takes_over", "last_working_day"),
    )


def contract_end_reintegration_report(count: SickCount, spec: MilestoneSpec) -> Milestone | None:
    """Ziektewet art. 38 lid 2 — after 6 sick weeks a re-integratieverslag "uiterlijk op die laatste werkdag"."""
    end = _contract_end_while_paid(count)
    min_weeks = count.value("contract_end_report_min_sick_weeks")
    if end is None or count.sick_days_until(end) < 7 * min_weeks:
        return None
    return spec.dated(
        previous_working_day(end),
        sources=("zw_38_2", "beleidsregels_11"),
        notes=("last_working_day",),
        params={"weeks": min_weeks},
    )


def ziektewet_assessment_window(count: SickCount, spec: MilestoneSpec) -> Milestone | None:
    """UWV "Krijg ik een Ziektewet-beoordeling?" — after the contract ended, UWV assesses around weeks 44–52."""
    end = _contract_end_while_paid(count)
    from_week = count.value("ziektewet_assessment_from_week")
    to_week = count.value("ziektewet_assessment_to_week")
    first_day, last_day = 7 * from_week - 6, 7 * to_week
    if end is None or end >= count.date_of_day(last_day):
        return None
    return spec.window(
        count.date_of_day(first_day),
        count.date_of_day(last_day),
        day=first_day,
        end_day=last_day,
        indicative=True,
        sources=("uwv_ziektewet_assessment",),
        params={"from_week": from_week, "to_week": to_week},
    )


#: Every milestone, once. The order is the order of milestones that fall on the same day.
MILESTONES: tuple[MilestoneSpec, ...] = (
    MilestoneSpec(first_sick_day, "employee"),
    MilestoneSpec(problem_analysis_due, "company_doctor", recordable=True),
    MilestoneSpec(action_plan_due, "employer_and_employee", recordable=True),
    MilestoneSpec(uwv_sick_report_due, "employer", recordable=True),
    MilestoneSpec(first_year_evaluation_window, "employer_and_employee", recordable=True),
    MilestoneSpec(spoor2_decision, "employer", recordable=True),
    MilestoneSpec(wia_letter_expected, "uwv", recordable=True),
    MilestoneSpec(reintegration_report_due, "employer", recordable=True),
    MilestoneSpec(final_evaluation, "employer_and_employee", recordable=True),
    MilestoneSpec(wia_application_deadline, "employee", recordable=True),
    MilestoneSpec(wage_sanction_decision_latest, "uwv", recordable=True, next_step=False, conditional=True),
    MilestoneSpec(wage_continuation_last_day, "employer"),
    MilestoneSpec(wia_earliest_start, "uwv"),
    MilestoneSpec(dismissal_ban_end, "law"),
    MilestoneSpec(early_iva_application_window, "employee", optional=True, next_step=False),
    MilestoneSpec(early_iva_start, "uwv", recordable=True, optional=True),
    MilestoneSpec(contract_end_uwv_report, "employer", recordable=True, optional=True),
    MilestoneSpec(contract_end_reintegration_report, "employer", recordable=True, optional=True),
    MilestoneSpec(ziektewet_assessment_window, "uwv", recordable=True, optional=True),
)
SPECS: dict[str, MilestoneSpec] = {spec.id: spec for spec in MILESTONES}

#: The contract: milestone ids used by the CLI, the questions page and exports.
CORE_MILESTONES: tuple[str, ...] = tuple(spec.id for spec in MILESTONES if not spec.optional)
#: Milestones that appear only in some situations.
OPTIONAL_MILESTONES: tuple[str, ...] = tuple(spec.id for spec in MILESTONES if spec.optional)
ALL_MILESTONES: tuple[str, ...] = tuple(SPECS)
#: A milestone that a person can mark as done ("I received the plan van aanpak on …").
RECORDABLE: frozenset[str] = frozenset(spec.id for spec in MILESTONES if spec.recordable)
#: Shown in the timeline, but not as a "next step" for everyone: an early IVA application is only for
#: people who are fully and permanently unable to work (WIA art. 23 lid 6, 66).
NOT_A_NEXT_STEP: frozenset[str] = frozenset(spec.id for spec in MILESTONES if not spec.next_step)
_ORDER = {milestone_id: index for index, milestone_id in enumerate(ALL_MILESTONES)}


# --- the timeline -----------------------------------------------------------------------------------


class Timeline(Model):
    input: TimelineInput
    first_sick_day: IsoDate
    #: the periods that count together (the current count), oldest first
    counted_periods: tuple[SickPeriod, ...]
    #: earlier periods that no longer count (a gap of 28 days or more came after them)
    dropped_periods: tuple[SickPeriod, ...]
    gap_days: int
    milestones: tuple[Milestone, ...]
    #: the recorded dates the timeline was computed with (docs/rules.md#recorded-dates-move-later-steps)
    done: FrozenMap[str, IsoDate] = FrozenMap()

    def milestone(self, milestone_id: str) -> Milestone:
        for item in self.milestones:
            if item.id == milestone_id:
                return item
        raise KeyError(milestone_id)

    def has(self, milestone_id: str) -> bool:
        return any(item.id == milestone_id for item in self.milestones)

    @property
    def is_open(self) -> bool:
        return self.counted_periods[-1].end is None

    def counted_days_until(self, as_of: date) -> int:
        """Sick days counted from day 1 up to and including ``as_of``."""
        total = 0
        for period in self.counted_periods:
            last = period.end if period.end is not None else as_of
            last = min(last, as_of)
            if last >= period.start:
                total += (last - period.start).days + 1
        return total

    def counted_days_total(self) -> int | None:
        """All counted sick days of a closed count; None while still sick."""
        if self.is_open:
            return None
        return sum((p.end - p.start).days + 1 for p in self.counted_periods if p.end)

    def continues_count_until(self) -> date | None:
        """If recovered: the last first-sick-day on which a new sickness still continues this count."""
        last = self.counted_periods[-1]
        if last.end is None:
            return None
        return add_days(last.end, legal_value("summation_gap_days", self.first_sick_day))


def _after_contract_end(item: Milestone, contract_end: date | None) -> Milestone:
    """Wet WIA art. 26 lid 1 — after the contract ends UWV takes over the employer's steps that were still ahead.

    The step stays in the timeline with ``applies=False`` and a reason (docs/rules.md#after-the-contract-ends).
    """
    if contract_end is None or item.id not in EMPLOYER_DUTIES_WHILE_EMPLOYED or item.first <= contract_end:
        return item
    params = FrozenMap({**item.params, "contract_end": contract_end.isoformat()})
    sources = (*item.sources, "wia_26") if "wia_26" not in item.sources else item.sources
    return item.model_copy(update={"applies": False, "reason": "contract_ended", "params": params, "sources": sources})


def compute_timeline(inp: TimelineInput, done: Mapping[str, date] | None = None) -> Timeline:
    """All milestones for this input: every rule of the registry. Independent of today's date.

    ``done`` holds the dates the person recorded steps as done; a later step can follow them
    (the action plan follows the recorded problem analysis). They are input, like the periods.
    """
    validate_timeline_input(inp)
    count = count_sickness(inp, done)
    contract_end = _contract_end_while_paid(count)
    found = [
        _after_contract_end(milestone, contract_end)
        for spec in MILESTONES
        if (milestone := spec.rule(count, spec)) is not None
    ]
    return Timeline(
        input=inp,
        first_sick_day=count.first_sick_day,
        counted_periods=count.periods,
        dropped_periods=tuple(p for p in inp.periods if p.start < count.first_sick_day),
        gap_days=count.gap_days,
        milestones=tuple(sorted(found, key=lambda item: (item.first, _ORDER[item.id]))),
        done=count.done,
    )


# --- where I stand ----------------------------------------------------------------------------------


class MilestoneStanding(Model):
    id: str
    status: Status
    done_on: IsoDate | None = None
    days_left: int | None = None


class Standing(Model):
    as_of: IsoDate
    sick_days: int
    sick_week: int
    sick_now: bool
    count_closed: bool
    continues_count_until: IsoDate | None
    milestones: tuple[MilestoneStanding, ...]

    def of(self, milestone_id: str) -> MilestoneStanding:
        for item in self.milestones:
            if item.id == milestone_id:
                return item
        raise KeyError(milestone_id)

    @property
    def flagged(self) -> tuple[str, ...]:
        """Missing or late steps: the critical-questions page builds on these."""
        return tuple(item.id for item in self.milestones if item.status in ("overdue", "done_late"))

    @property
    def missing(self) -> tuple[str, ...]:
        """Steps whose date has passed and that are not recorded as done."""
        return tuple(item.id for item in self.milestones if item.status == "overdue")

    @property
    def done_late(self) -> tuple[str, ...]:
        """Steps recorded as done, but after their date."""
        return tuple(item.id for item in self.milestones if item.status == "done_late")


def milestone_status(item: Milestone, as_of: date, done_on: date | None, reached: int | None) -> Status:
    """The status of one milestone on ``as_of``; ``reached`` is the last counted day of a closed count.

    A step that no longer applies is never overdue; a conditional step (a wage-sanction decision) whose
    date passed without a record has simply passed (docs/rules.md#wage-sanction-decision-latest).
    """
    if not item.applies:
        return "not_applicable"
    if reached is not None and item.day is not None and item.day > reached:
        return "not_reached"
    if done_on is not None and item.recordable:
        return "done_late" if done_on > item.due else "done"
    if as_of > item.due:
        return "overdue" if item.recordable and not item.conditional else "passed"
    if item.kind == "window" and item.first <= as_of:
        return "in_window"
    if (item.first - as_of).days <= DUE_SOON_DAYS:
        return "due_soon"
    return "upcoming"


def where_i_stand(timeline: Timeline, as_of: date, done: Mapping[str, date] | None = None) -> Standing:
    """Counted sick days and week as of ``as_of``, and a status per milestone.

    ``done`` maps milestone ids to the date the user recorded them as done; it adds to (and wins
    over) the dates the timeline was computed with. Pass recorded dates to :func:`compute_timeline`
    too, so that later steps follow them.
    """
    done = {**timeline.done, **(done or {})}
    sick_days = timeline.counted_days_until(as_of)
    last = timeline.counted_periods[-1]
    sick_now = last.start <= as_of and (last.end is None or as_of <= last.end)
    total = timeline.counted_days_total()
    until = timeline.continues_count_until()
    recovered = total is not None and as_of > (last.end or as_of)
    statuses = tuple(
        MilestoneStanding(
            id=item.id,
            status=milestone_status(item, as_of, done.get(item.id), total if recovered else None),
            done_on=done.get(item.id),
            days_left=(item.due - as_of).days,
        )
        for item in timeline.milestones
    )
    return Standing(
        as_of=as_of,
        sick_days=sick_days,
        sick_week=week_of_day(sick_days) if sick_days else 0,
        sick_now=sick_now,
        count_closed=until is not None and as_of > until,
        continues_count_until=until,
        milestones=statuses,
    )


def next_milestones(timeline: Timeline, standing: Standing, limit: int = 3) -> tuple[Milestone, ...]:
    """The next milestones still ahead (upcoming, due soon or open windows)."""
    ahead = [
        timeline.milestone(s.id)
        for s in standing.milestones
        if s.status in ("upcoming", "due_soon", "in_window") and s.id not in NOT_A_NEXT_STEP
    ]
    return tuple(sorted(ahead, key=lambda item: item.due)[:limit])
