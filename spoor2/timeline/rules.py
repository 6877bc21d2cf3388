"""The personal Poortwachter timeline: rules R1–R10 of ``poortwachter.md`` §1–§4 as pure functions.

Everything here is a pure function of validated inputs. Rules never call ``date.today()``;
:func:`where_i_stand` takes ``as_of`` from the caller. Every milestone carries the ids of
its sources (``content/legal/sources.yaml``) and the i18n keys of its label and rule.

Conventions (R2, R3): day *n* is the n-th *counted* sick day (day 1 = first sick day);
week *k* is days 7k−6 … 7k. Gap days between summed periods are not counted (R8).

>>> tl = compute_timeline(TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),)))
>>> tl.milestone("uwv_sick_report_due").date, tl.milestone("wia_application_deadline").date
(datetime.date(2026, 10, 26), datetime.date(2027, 10, 17))
>>> tl.milestone("wage_continuation_last_day").date, tl.milestone("wia_earliest_start").date
(datetime.date(2028, 1, 2), datetime.date(2028, 1, 3))
"""

from __future__ import annotations

import datetime as dt
import math
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from spoor2.dates import add_days, anniversary, next_working_day, previous_working_day
from spoor2.errors import InvalidInput
from spoor2.legal.params import legal_value

Actor = Literal["employee", "employer", "company_doctor", "employer_and_employee", "uwv", "law"]
Status = Literal["done", "done_late", "overdue", "due_soon", "in_window", "upcoming", "passed", "not_reached"]

#: The contract: milestone ids used by the CLI, the questions page and exports.
CORE_MILESTONES: tuple[str, ...] = (
    "first_sick_day",
    "problem_analysis_due",
    "action_plan_due",
    "uwv_sick_report_due",
    "first_year_evaluation_window",
    "spoor2_decision",
    "wia_letter_expected",
    "reintegration_report_due",
    "final_evaluation",
    "wia_application_deadline",
    "wage_sanction_decision_latest",
    "wage_continuation_last_day",
    "wia_earliest_start",
    "dismissal_ban_end",
)
#: Milestones that appear only in some situations.
OPTIONAL_MILESTONES: tuple[str, ...] = (
    "early_iva_application_window",
    "early_iva_start",
    "contract_end_uwv_report",
    "contract_end_reintegration_report",
    "ziektewet_assessment_window",
)
ALL_MILESTONES = CORE_MILESTONES + OPTIONAL_MILESTONES

#: A milestone that a person can mark as done ("I received the plan van aanpak on …").
RECORDABLE: frozenset[str] = frozenset(
    {
        "problem_analysis_due",
        "action_plan_due",
        "uwv_sick_report_due",
        "first_year_evaluation_window",
        "spoor2_decision",
        "wia_letter_expected",
        "reintegration_report_due",
        "final_evaluation",
        "wia_application_deadline",
        "wage_sanction_decision_latest",
        "early_iva_start",
        "contract_end_uwv_report",
        "contract_end_reintegration_report",
        "ziektewet_assessment_window",
    }
)
DUE_SOON_DAYS = 14


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class SickPeriod(_Frozen):
    """One period of sickness: first sick day and, once recovered, the last sick day (inclusive)."""

    start: date
    end: date | None = None


class TimelineInput(_Frozen):
    periods: tuple[SickPeriod, ...] = Field(min_length=1)
    wage_sanction_weeks: int | None = None
    extension_weeks: int | None = None
    early_iva_applied: date | None = None
    contract_end: date | None = None


class Milestone(_Frozen):
    id: str
    kind: Literal["date", "window"]
    date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    #: counted sick day of ``date`` (or of ``start`` for a window); None when not tied to a sick day
    day: int | None = None
    end_day: int | None = None
    actor: Actor
    indicative: bool = False
    sources: tuple[str, ...]
    recordable: bool = False
    #: extra notes, as i18n keys under ``milestones.note.``
    notes: tuple[str, ...] = ()
    #: values for the rule text (``{weeks}``, ``{day}``, …)
    params: dict[str, int | str] = Field(default_factory=dict)

    @property
    def due(self) -> dt.date:
        """The date by which it should have happened (a window's end)."""
        value = self.date if self.kind == "date" else self.end
        assert value is not None
        return value

    @property
    def first(self) -> dt.date:
        value = self.date if self.kind == "date" else self.start
        assert value is not None
        return value


class Timeline(_Frozen):
    input: TimelineInput
    first_sick_day: date
    #: the periods that count together (the current count), oldest first
    counted_periods: tuple[SickPeriod, ...]
    #: earlier periods that no longer count (a gap of 28 days or more came after them)
    dropped_periods: tuple[SickPeriod, ...]
    gap_days: int
    milestones: tuple[Milestone, ...]

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


# --- validation -------------------------------------------------------------------------------------


#: Dates the calculation accepts at all (far outside them a deadline would not even be a date).
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2999, 12, 31)


def check_input(inp: TimelineInput) -> None:
    """Rules about the input itself; raises :class:`InvalidInput` with a translatable code."""
    periods = inp.periods
    given = [d for p in periods for d in (p.start, p.end)] + [inp.early_iva_applied, inp.contract_end]
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
    d1 = periods[0].start
    if inp.wage_sanction_weeks is not None:
        maximum = legal_value("wage_sanction_max_weeks", d1)
        if not 1 <= inp.wage_sanction_weeks <= maximum:
            raise InvalidInput("wage_sanction_range", maximum=maximum)
    if inp.extension_weeks is not None:
        minimum = legal_value("voluntary_extension_min_weeks", d1)
        if inp.extension_weeks < minimum or inp.extension_weeks > 520:
            raise InvalidInput("extension_minimum", minimum=minimum)


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


# --- counting (R1, R2, R8) ------------------------------------------------------------------------


def counted_chain(periods: tuple[SickPeriod, ...], first: date) -> tuple[tuple[SickPeriod, ...], int]:
    """The periods that count together, and the total gap days between them.

    BW 7:629 lid 10, WIA art. 23 lid 3 — periods that follow each other with a break of
    *less than four weeks* are summed; a gap of 28 days or more starts a new count.
    The gap is the number of fit days between the last sick day and the next first sick day.
    """
    limit = legal_value("summation_gap_days", first)
    chain: list[SickPeriod] = [periods[0]]
    gaps = 0
    for period in periods[1:]:
        previous_end = chain[-1].end
        assert previous_end is not None  # check_input: only the last period may be open
        gap = (period.start - previous_end).days - 1
        if gap < limit:
            chain.append(period)
            gaps += gap
        else:
            chain = [period]
            gaps = 0
    return tuple(chain), gaps


def nth_sick_day(chain: tuple[SickPeriod, ...], n: int) -> date:
    """The calendar date of counted sick day ``n`` (R2 with R8).

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
    """Week k holds days 7k−6 … 7k (R3).

    >>> week_of_day(1), week_of_day(7), week_of_day(8), week_of_day(294), week_of_day(295)
    (1, 1, 2, 42, 43)
    """
    return math.ceil(day / 7)


# --- the milestones ---------------------------------------------------------------------------------


def compute_timeline(inp: TimelineInput) -> Timeline:
    """All milestones for this input. Independent of today's date."""
    check_input(inp)
    chain, gap_days = counted_chain(inp.periods, inp.periods[0].start)
    d1 = chain[0].start
    dropped = tuple(p for p in inp.periods if p.start < d1)

    def v(name: str) -> int:
        return legal_value(name, d1)

    def day(n: int) -> date:
        return nth_sick_day(chain, n)

    def m(mid: str, actor: Actor, sources: tuple[str, ...], **fields: object) -> Milestone:
        return Milestone(id=mid, actor=actor, sources=sources, recordable=mid in RECORDABLE, **fields)  # type: ignore[arg-type]

    wachttijd_days = 7 * v("wachttijd_weeks")  # R4: 104 weeks = 728 days
    extension_days = 7 * (inp.extension_weeks or 0)
    sanction_days = 7 * (inp.wage_sanction_weeks or 0)
    # Art. 24 WIA extends the wachttijd at the joint request; deadlines counted back from its end move with it.
    wachttijd_end = add_days(day(wachttijd_days), extension_days)
    wage_last_day = add_days(wachttijd_end, sanction_days)

    out: list[Milestone] = []
    out.append(m("first_sick_day", "employee", ("wia_23_2",), kind="date", date=d1, day=1))

    pa_day = 7 * v("problem_analysis_weeks")
    out.append(
        m(
            "problem_analysis_due",
            "company_doctor",
            ("procesgang_2",),
            kind="date",
            date=day(pa_day),
            day=pa_day,
            params={"weeks": v("problem_analysis_weeks"), "day": pa_day},
        )
    )
    pva_day = pa_day + 7 * v("action_plan_weeks_after_analysis")
    out.append(
        m(
            "action_plan_due",
            "employer_and_employee",
            ("procesgang_4", "bw_7_658a"),
            kind="date",
            date=day(pva_day),
            day=pva_day,
            params={"weeks": v("action_plan_weeks_after_analysis"), "day": pva_day},
        )
    )

    # R7 — UWV: "uiterlijk de eerste werkdag na de 42e ziekteweek" = first working day on/after day 295.
    report_day = 7 * v("uwv_sick_report_week") + 1
    report_date = next_working_day(day(report_day))
    out.append(
        m(
            "uwv_sick_report_due",
            "employer",
            ("uwv_42_week_report", "atw"),
            kind="date",
            date=report_date,
            day=report_day + (report_date - day(report_day)).days,
            notes=("working_day_assumption",) + (("shifted_to_working_day",) if report_date != day(report_day) else ()),
            params={"week": v("uwv_sick_report_week"), "day": report_day},
        )
    )

    eje_from = 7 * v("first_year_evaluation_from_week") - 6
    eje_to = 7 * v("first_year_evaluation_to_week")
    out.append(
        m(
            "first_year_evaluation_window",
            "employer_and_employee",
            ("procesgang_4_2b", "practice_eje_weeks"),
            kind="window",
            start=day(eje_from),
            end=day(eje_to),
            day=eje_from,
            end_day=eje_to,
            indicative=True,
            params={
                "from_week": v("first_year_evaluation_from_week"),
                "to_week": v("first_year_evaluation_to_week"),
            },
        )
    )
    spoor2_to = eje_to + 7 * v("spoor2_weeks_after_first_year_evaluation")
    out.append(
        m(
            "spoor2_decision",
            "employer",
            ("bw_7_658a", "beleidsregels_5", "practice_spoor2_six_weeks"),
            kind="window",
            start=day(eje_from),
            end=day(spoor2_to),
            day=eje_from,
            end_day=spoor2_to,
            indicative=True,
            params={"weeks": v("spoor2_weeks_after_first_year_evaluation"), "day": spoor2_to},
        )
    )

    letter_from = 7 * v("wia_letter_week_uwv") + 1
    letter_to = 7 * v("wia_letter_week_statute")  # "uiterlijk op de dag waarop de wachttijd 89 weken heeft geduurd"
    out.append(
        m(
            "wia_letter_expected",
            "uwv",
            ("wia_64_2", "uwv_wia_letter"),
            kind="window",
            start=add_days(day(letter_from), extension_days),
            end=add_days(day(letter_to), extension_days),
            day=letter_from,
            end_day=letter_to,
            indicative=True,
            notes=("moved_by_extension",) if extension_days else (),
            params={"uwv_week": v("wia_letter_week_uwv"), "statute_week": v("wia_letter_week_statute")},
        )
    )

    # R5 — "x weeks before the end of the wachttijd" = end of week 104 − x; never shifted for weekends (R6).
    riv_weeks = v("reintegration_report_weeks_before_end")
    riv_date = add_days(wachttijd_end, -7 * riv_weeks)
    out.append(
        m(
            "reintegration_report_due",
            "employer",
            ("wia_25_3", "procesgang_6") + (("wia_25_4",) if extension_days else ()),
            kind="date",
            date=riv_date,
            day=wachttijd_days - 7 * riv_weeks if not extension_days else None,
            notes=("no_weekend_shift",) + (("moved_by_extension",) if extension_days else ()),
            params={"weeks": riv_weeks},
        )
    )
    app_weeks = v("wia_application_weeks_before_end")
    app_date = add_days(wachttijd_end, -7 * app_weeks)
    final_weeks = v("final_evaluation_weeks_before_application")
    out.append(
        m(
            "final_evaluation",
            "employer_and_employee",
            ("procesgang_6", "practice_final_evaluation"),
            kind="date",
            date=add_days(app_date, -7 * final_weeks),
            indicative=True,
            params={"weeks": final_weeks},
        )
    )
    out.append(
        m(
            "wia_application_deadline",
            "employee",
            ("wia_64_3", "uwv_wia_apply", "atw"),
            kind="date",
            date=app_date,
            day=wachttijd_days - 7 * app_weeks if not extension_days else None,
            notes=("no_weekend_shift",) + (("moved_by_extension",) if extension_days else ()),
            params={"weeks": app_weeks, "week": v("wachttijd_weeks") - app_weeks},
        )
    )
    decision_weeks = v("wage_sanction_decision_weeks_before_end")
    out.append(
        m(
            "wage_sanction_decision_latest",
            "uwv",
            ("wia_25_10",),
            kind="date",
            date=add_days(wachttijd_end, -7 * decision_weeks),
            params={"weeks": decision_weeks},
            notes=("moved_by_extension",) if extension_days else (),
        )
    )

    wage_sources: tuple[str, ...] = ("bw_7_629_1", "wia_23_1")
    wage_notes: tuple[str, ...] = ()
    if extension_days:
        wage_sources += ("wia_24", "bw_7_629_11")
        wage_notes += ("moved_by_extension",)
    if sanction_days:
        wage_sources += ("wia_25_9",)
        wage_notes += ("moved_by_sanction",)
    if inp.contract_end is not None and inp.contract_end <= wage_last_day:
        wage_notes += ("paid_by_ziektewet_after_contract_end",)
    out.append(
        m(
            "wage_continuation_last_day",
            "employer",
            wage_sources,
            kind="date",
            date=wage_last_day,
            day=wachttijd_days if not (extension_days or sanction_days) else None,
            notes=wage_notes,
            params={
                "weeks": v("wachttijd_weeks"),
                "extension_weeks": inp.extension_weeks or 0,
                "sanction_weeks": inp.wage_sanction_weeks or 0,
            },
        )
    )
    out.append(
        m(
            "wia_earliest_start",
            "uwv",
            wage_sources,
            kind="date",
            date=add_days(wage_last_day, 1),
            day=wachttijd_days + 1 if not (extension_days or sanction_days) else None,
            notes=wage_notes + (("regular_path_if_early_iva",) if inp.early_iva_applied else ()),
        )
    )

    # R9 — 7:670 lid 1 "twee jaren" vs 104 weeks: UNRESOLVED; show the later date, indicative.
    years = v("dismissal_ban_years")
    two_years = add_days(anniversary(d1, years), gap_days + extension_days + sanction_days)
    ban_end = max(two_years, add_days(wage_last_day, 1))
    ban_notes: tuple[str, ...] = ("two_years_vs_104_weeks",)
    if inp.contract_end is not None and inp.contract_end < ban_end:
        ban_notes += ("no_ban_after_contract_end",)
    out.append(
        m(
            "dismissal_ban_end",
            "law",
            ("bw_7_670_1", "bw_7_670_11"),
            kind="date",
            date=ban_end,
            indicative=True,
            notes=ban_notes,
            params={"years": years},
        )
    )

    # §4.1 — early IVA: apply after 3 and before 68 weeks; IVA starts 10 weeks after the application,
    # never before the end of a 13-week and never after a 78-week shortened wachttijd (art. 23 lid 6).
    iva_from = 7 * v("early_iva_apply_after_weeks") + 1
    iva_to = 7 * v("early_iva_apply_before_end_of_week")
    out.append(
        m(
            "early_iva_application_window",
            "employee",
            ("uwv_early_iva", "wia_23_6", "wia_66"),
            kind="window",
            start=day(iva_from),
            end=day(iva_to),
            day=iva_from,
            end_day=iva_to,
            params={
                "from_week": v("early_iva_apply_after_weeks"),
                "to_week": v("early_iva_apply_before_end_of_week"),
            },
        )
    )
    if inp.early_iva_applied is not None:
        applied = inp.early_iva_applied
        if not day(iva_from) <= applied <= day(iva_to):
            raise InvalidInput("early_iva_outside_window", start=day(iva_from).isoformat(), end=day(iva_to).isoformat())
        earliest = day(7 * v("shortened_wachttijd_min_weeks") + 1)
        latest = day(7 * v("shortened_wachttijd_max_weeks") + 1)
        iva_start = min(max(earliest, add_days(applied, 7 * v("early_iva_start_weeks_after_application"))), latest)
        out.append(
            m(
                "early_iva_start",
                "uwv",
                ("wia_23_6", "uwv_early_iva"),
                kind="date",
                date=iva_start,
                indicative=True,
                notes=("iva_if_granted",),
                params={
                    "weeks": v("early_iva_start_weeks_after_application"),
                    "min_weeks": v("shortened_wachttijd_min_weeks"),
                },
            )
        )

    # §2.4 — contract ends while sick: the employer reports to UWV on the last working day; the
    # wachttijd does not change; the Ziektewet pays instead of the employer.
    if inp.contract_end is not None:
        end = inp.contract_end
        if end < d1:
            raise InvalidInput("contract_end_before_sickness")
        if end <= wage_last_day:
            out.append(
                m(
                    "contract_end_uwv_report",
                    "employer",
                    ("uwv_contract_end_report",),
                    kind="date",
                    date=previous_working_day(end),
                    notes=("ziektewet_takes_over",),
                )
            )
            sick_at_end = sum((min(p.end or end, end) - p.start).days + 1 for p in chain if p.start <= end)
            min_weeks = v("contract_end_report_min_sick_weeks")
            if sick_at_end >= 7 * min_weeks:
                out.append(
                    m(
                        "contract_end_reintegration_report",
                        "employer",
                        ("beleidsregels_11",),
                        kind="date",
                        date=end,
                        notes=("six_vs_ten_weeks",),
                        params={"weeks": min_weeks},
                    )
                )
            zw_from = 7 * v("ziektewet_assessment_from_week") - 6
            zw_to = 7 * v("ziektewet_assessment_to_week")
            if end < day(zw_to):
                out.append(
                    m(
                        "ziektewet_assessment_window",
                        "uwv",
                        ("uwv_ziektewet_assessment",),
                        kind="window",
                        start=day(zw_from),
                        end=day(zw_to),
                        day=zw_from,
                        end_day=zw_to,
                        indicative=True,
                        params={
                            "from_week": v("ziektewet_assessment_from_week"),
                            "to_week": v("ziektewet_assessment_to_week"),
                        },
                    )
                )

    return Timeline(
        input=inp,
        first_sick_day=d1,
        counted_periods=chain,
        dropped_periods=dropped,
        gap_days=gap_days,
        milestones=tuple(sorted(out, key=lambda item: (item.first, ALL_MILESTONES.index(item.id)))),
    )


# --- where I stand ----------------------------------------------------------------------------------


class MilestoneStanding(_Frozen):
    id: str
    status: Status
    done_on: date | None = None
    days_left: int | None = None


class Standing(_Frozen):
    as_of: date
    sick_days: int
    sick_week: int
    sick_now: bool
    count_closed: bool
    continues_count_until: date | None
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


def where_i_stand(timeline: Timeline, as_of: date, done: dict[str, date] | None = None) -> Standing:
    """Counted sick days and week as of ``as_of``, and a status per milestone.

    ``done`` maps milestone ids to the date the user recorded them as done.
    """
    done = done or {}
    sick_days = timeline.counted_days_until(as_of)
    last = timeline.counted_periods[-1]
    sick_now = last.start <= as_of and (last.end is None or as_of <= last.end)
    total = timeline.counted_days_total()
    until = timeline.continues_count_until()
    count_closed = until is not None and as_of > until
    recovered = total is not None and as_of > (last.end or as_of)

    statuses: list[MilestoneStanding] = []
    for item in timeline.milestones:
        left = (item.first - as_of).days
        if recovered and item.day is not None and total is not None and item.day > total:
            status: Status = "not_reached"
        elif item.id in done and item.recordable:
            status = "done_late" if done[item.id] > item.due else "done"
        elif as_of > item.due:
            status = "overdue" if item.recordable else "passed"
        elif item.kind == "window" and item.first <= as_of:
            status = "in_window"
        elif left <= DUE_SOON_DAYS:
            status = "due_soon"
        else:
            status = "upcoming"
        statuses.append(
            MilestoneStanding(id=item.id, status=status, done_on=done.get(item.id), days_left=(item.due - as_of).days)
        )
    return Standing(
        as_of=as_of,
        sick_days=sick_days,
        sick_week=week_of_day(sick_days) if sick_days else 0,
        sick_now=sick_now,
        count_closed=count_closed,
        continues_count_until=until,
        milestones=tuple(statuses),
    )


#: Shown in the timeline, but not as a "next step" for everyone: an early IVA application is only for
#: people who are fully and permanently unable to work (WIA art. 23 lid 6, 66).
NOT_A_NEXT_STEP: frozenset[str] = frozenset({"early_iva_application_window"})


def next_milestones(timeline: Timeline, standing: Standing, limit: int = 3) -> tuple[Milestone, ...]:
    """The next milestones still ahead (upcoming, due soon or open windows)."""
    ahead = [
        timeline.milestone(s.id)
        for s in standing.milestones
        if s.status in ("upcoming", "due_soon", "in_window") and s.id not in NOT_A_NEXT_STEP
    ]
    return tuple(sorted(ahead, key=lambda item: item.due)[:limit])
