"""Check my file: will my reintegration file stand up to UWV's check? Checks as data, red flags as rules.

Pure functions over a :class:`FileFacts` value (gathered by ``spoor2.store.my_file.file_facts``) and an
``as_of`` date; no Streamlit, no SQL, never ``date.today()``.

* The **checks** (``content/my_file/checks.yaml``) follow the blocks of the *Beleidsregels beoordelingskader
  poortwachter* (BWBR0014375): § 4 a procedure, b medical, c work; § 5 the file and the first-year
  evaluation; § 6 the reintegration agency; § 9 both sides' obligations. Each is answered "in my file:
  yes / no / I don't know", prefilled where the portal already knows (``prefill:``), and the person's
  own answer wins.
* The **facts** the portal cannot know (:data:`FACTS`: has spoor 2 started, is an agency engaged, is
  there a concrete search profile, …) are small questions of the same check, some with a date.
* The **red flags** (:data:`FLAGS`) are named rules, each with its sources and its boundary day.

A gap is something to ask about, not a verdict: the texts say so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from typing import Any, Literal, get_args

import yaml
from pydantic import Field

from spoor2.errors import InvalidInput
from spoor2.legal.params import LegalParameter, legal_value
from spoor2.model import FrozenMap, IsoDate, Model, load_strict
from spoor2.my_file.proposals import Proposal, refused_without_reasons, unanswered_too_long
from spoor2.paths import CONTENT_DIR
from spoor2.timeline.rules import Timeline

Block = Literal["procedure", "medical", "work", "file_and_first_year_evaluation", "agency", "obligations"]
BLOCKS: tuple[str, ...] = get_args(Block)
AnswerValue = Literal["yes", "no", "unknown"]
ANSWER_VALUES: tuple[str, ...] = get_args(AnswerValue)
Status = Literal["ok", "gap", "unknown"]
STATUSES: tuple[str, ...] = get_args(Status)

#: The facts the portal cannot know, asked in the check; those with a date ask "since when".
FACTS: tuple[str, ...] = (
    "spoor2_started",
    "own_work_prospect",
    "agency_engaged",
    "search_profile",
    "therapeutic_work",
    "part_time_placement",
)
DATED_FACTS: frozenset[str] = frozenset({"spoor2_started", "therapeutic_work", "part_time_placement"})
FACT_SOURCES: dict[str, tuple[str, ...]] = {
    "spoor2_started": ("mf_bk_5_eje", "bw_7_658a"),
    "own_work_prospect": ("mf_bk_5_eje",),
    "agency_engaged": ("mf_bk_6_agency",),
    "search_profile": ("mf_rbmne_2023_1786", "beleidsregels_8_9"),
    "therapeutic_work": ("mf_bk_8_therapeutic",),
    "part_time_placement": ("mf_bk_9_three_months",),
}
CHECKS_FILE = CONTENT_DIR / "my_file" / "checks.yaml"
PARAMETERS_FILE = CONTENT_DIR / "my_file" / "parameters.yaml"
EARLIEST_FACT_DATE = date(2015, 1, 1)


class CheckSpec(Model):
    id: str
    block: Block
    sources: tuple[str, ...] = Field(min_length=1)
    prefill: tuple[FrozenMap[str, str | int], ...] = ()
    due: str | None = None
    question: str


class CheckAnswer(Model):
    """The person's answer to a check or a fact; ``since`` only for a dated fact."""

    answer: AnswerValue
    since: IsoDate | None = None


class FileFacts(Model):
    """What the portal knows of the person's file (everything the checks and flags read)."""

    timeline: Timeline | None = None
    #: timeline steps recorded as done (milestone id → date)
    done: FrozenMap[str, IsoDate] = FrozenMap()
    #: the document checklist of /questions (document id → state)
    documents: FrozenMap[str, str] = FrozenMap()
    #: the situation answers of /questions (``spoor2_started`` …)
    situation: FrozenMap[str, str] = FrozenMap()
    #: the person's own answers to checks and facts (a row only once answered)
    answers: FrozenMap[str, CheckAnswer] = FrozenMap()
    #: job-search activities in the tracker that happened (not planned), and the latest one's date
    activity_count: int = 0
    last_activity_on: IsoDate | None = None
    proposals: tuple[Proposal, ...] = ()
    meeting_count: int = 0
    view_written: bool = False


class CheckItem(Model):
    """One line of the result: a check (``kind="check"``) or a red flag (``kind="flag"``)."""

    id: str
    kind: Literal["check", "flag"]
    block: Block
    status: Status
    sources: tuple[str, ...]
    due: IsoDate | None = None
    #: where a prefilled answer comes from (``document:action_plan``); None when the person answered
    prefilled_from: str | None = None
    question_id: str | None = None
    answer: AnswerValue | None = None
    #: values for the item's texts (``{days}``, ``{date}``)
    params: FrozenMap[str, int | str] = FrozenMap()


class FileCheckResult(Model):
    as_of: IsoDate
    items: tuple[CheckItem, ...]

    @property
    def gaps(self) -> tuple[CheckItem, ...]:
        return tuple(item for item in self.items if item.status == "gap")

    @property
    def unknown(self) -> tuple[CheckItem, ...]:
        return tuple(item for item in self.items if item.status == "unknown")

    @property
    def flags(self) -> tuple[CheckItem, ...]:
        return tuple(item for item in self.items if item.kind == "flag" and item.status == "gap")

    def item(self, item_id: str) -> CheckItem:
        return next(item for item in self.items if item.id == item_id)


# --- data -----------------------------------------------------------------------------------------


@cache
def check_specs() -> tuple[CheckSpec, ...]:
    raw = yaml.safe_load(CHECKS_FILE.read_text(encoding="utf-8"))
    specs = tuple(load_strict(CheckSpec, entry) for entry in raw)
    if len({spec.id for spec in specs}) != len(specs) or {spec.id for spec in specs} & set(FACTS):
        raise ValueError("check ids must be unique and differ from the fact ids")
    return specs


def check_ids() -> tuple[str, ...]:
    return tuple(spec.id for spec in check_specs())


@cache
def portal_parameters() -> tuple[LegalParameter, ...]:
    raw = yaml.safe_load(PARAMETERS_FILE.read_text(encoding="utf-8"))
    return tuple(load_strict(LegalParameter, entry) for entry in raw)


def portal_parameter(name: str) -> LegalParameter:
    return next(p for p in portal_parameters() if p.name == name)


def portal_value(name: str) -> int:
    """A period of the portal (``proposal_answer_days`` …), shown to the person with what it is."""
    return int(portal_parameter(name).value)


# --- answers --------------------------------------------------------------------------------------


def check_answers(answers: dict[str, CheckAnswer], as_of: date) -> None:
    """Refuse an unknown id, a date on a fact without one, or a date in the future or long ago."""
    known = set(check_ids()) | set(FACTS)
    for key, value in answers.items():
        if key not in known:
            raise InvalidInput("my_file.error.unknown_check", check=key)
        if value.since is None:
            continue
        if key not in DATED_FACTS or value.answer != "yes":
            raise InvalidInput("my_file.error.date_not_asked")
        if value.since > as_of:
            raise InvalidInput("my_file.error.since_in_future")
        if value.since < EARLIEST_FACT_DATE:
            raise InvalidInput("my_file.error.since_too_early", earliest=EARLIEST_FACT_DATE.isoformat())


def _prefill_one(rule: FrozenMap[str, str | int], facts: FileFacts) -> AnswerValue | None:
    ((kind, arg),) = rule.items()
    if kind == "milestone":
        return "yes" if arg in facts.done else None
    if kind == "document":
        state = facts.documents.get(str(arg))
        return {"received": "yes", "not_received": "no"}.get(state or "")  # type: ignore[return-value]
    if kind == "situation":
        return {"yes": "yes", "no": "no"}.get(facts.situation.get(str(arg), ""))  # type: ignore[return-value]
    if kind == "activities":
        return "yes" if facts.activity_count > 0 else None
    if kind == "meetings":
        return "yes" if facts.meeting_count > 0 else None
    if kind == "view":
        return "yes" if facts.view_written else None
    if kind == "proposals" and arg == "written":
        return "yes" if any(p.in_writing == "yes" for p in facts.proposals) else None
    if kind == "proposals" and arg == "answered":
        return _proposals_answered(facts.proposals)
    raise ValueError(f"unknown prefill {kind!r}")


def _proposals_answered(proposals: tuple[Proposal, ...]) -> AnswerValue | None:
    if not proposals:
        return None
    if any(p.answer == "none" or refused_without_reasons(p) for p in proposals):
        return "no"
    return "yes"


def prefilled(spec_id: str, facts: FileFacts) -> tuple[AnswerValue, str] | None:
    """The answer the portal derives for a check, and where from (``document:action_plan``); None if it cannot."""
    spec = next(s for s in check_specs() if s.id == spec_id)
    for rule in spec.prefill:
        value = _prefill_one(rule, facts)
        if value is not None:
            ((kind, arg),) = rule.items()
            return value, f"{kind}:{arg}"
    return None


def fact_answer(facts: FileFacts, key: str) -> CheckAnswer:
    """A fact as the person answered it, else as the portal knows it (spoor 2 from the timeline or /questions)."""
    if key in facts.answers:
        return facts.answers[key]
    if key == "spoor2_started":
        if "spoor2_decision" in facts.done:
            return CheckAnswer(answer="yes", since=facts.done["spoor2_decision"])
        if facts.situation.get("spoor2_started") in ("yes", "no"):
            return CheckAnswer(answer=facts.situation["spoor2_started"])  # type: ignore[arg-type]
    if key == "agency_engaged" and facts.documents.get("agency_reports") == "received":
        return CheckAnswer(answer="yes")
    return CheckAnswer(answer="unknown")


# --- the checks -----------------------------------------------------------------------------------


def _due(facts: FileFacts, milestone_id: str | None) -> date | None:
    if milestone_id is None or facts.timeline is None or not facts.timeline.has(milestone_id):
        return None
    return facts.timeline.milestone(milestone_id).due


def evaluate_check(spec: CheckSpec, facts: FileFacts) -> CheckItem:
    """The person's answer wins; else the prefilled one; else "I don't know"."""
    source: str | None = None
    if spec.id in facts.answers:
        answer: AnswerValue = facts.answers[spec.id].answer
    else:
        found = prefilled(spec.id, facts)
        answer, source = found if found is not None else ("unknown", None)
    status: Status = {"yes": "ok", "no": "gap", "unknown": "unknown"}[answer]  # type: ignore[assignment]
    return CheckItem(
        id=spec.id,
        kind="check",
        block=spec.block,
        status=status,
        sources=spec.sources,
        due=_due(facts, spec.due),
        prefilled_from=source,
        question_id=spec.question,
        answer=answer,
    )


# --- the red flags --------------------------------------------------------------------------------
# Each: a named pure function of (facts, as_of) → a CheckItem with kind "flag". "gap" means: ask about it.


def _flag(flag_id: str, block: Block, status: Status, sources: tuple[str, ...], question: str, **kw: Any) -> CheckItem:
    params = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in kw.pop("params", {}).items()}
    return CheckItem(
        id=flag_id, kind="flag", block=block, status=status, sources=sources, question_id=question, params=params, **kw
    )


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; a day the month lacks becomes the month's last day (31 Jan + 1 → 28/29 Feb)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def first_year_evaluation_date(facts: FileFacts) -> date | None:
    """The first-year evaluation: the day it was recorded as held, else the end of its window (week 52)."""
    if "first_year_evaluation_window" in facts.done:
        return facts.done["first_year_evaluation_window"]
    return _due(facts, "first_year_evaluation_window")


def spoor2_deadline(facts: FileFacts) -> date | None:
    """About 6 weeks after the first-year evaluation (the Werkwijzer's practice, ``practice_spoor2_six_weeks``)."""
    eje = first_year_evaluation_date(facts)
    if eje is None or facts.timeline is None:
        return None
    weeks = legal_value("spoor2_weeks_after_first_year_evaluation", facts.timeline.first_sick_day)
    return eje + timedelta(weeks=weeks)


SPOOR2_LATE_SOURCES = ("practice_spoor2_six_weeks", "mf_bk_5_eje", "bw_7_658a", "mf_werkwijzer_aow")


def flag_spoor2_late(facts: FileFacts, as_of: date) -> CheckItem:
    """Spoor 2 not started by about 6 weeks after the first-year evaluation, without a concrete prospect of
    return in my own company (§ 5) — flagged from the day after. A start recorded with a date after that day
    (or after ``as_of``) is a late start and stays flagged: UWV's check of the file looks at whether spoor 2
    started in time, not only whether it started. Not flagged when state pension age (AOW) comes within a
    year after the evaluation (the Werkwijzer's exception)."""
    deadline = spoor2_deadline(facts)
    make = lambda status, **kw: _flag(  # noqa: E731
        "spoor2_late", "file_and_first_year_evaluation", status, SPOOR2_LATE_SOURCES, "emp_spoor2_why_not", **kw
    )
    if deadline is None:
        return make("unknown")
    start = fact_answer(facts, "spoor2_started")
    started = start.answer == "yes" and (start.since is None or start.since <= min(deadline, as_of))
    prospect = fact_answer(facts, "own_work_prospect").answer == "yes"
    eje = first_year_evaluation_date(facts)
    aow = facts.timeline.input.aow_date if facts.timeline else None
    aow_soon = aow is not None and eje is not None and aow <= add_months(eje, 12)
    status: Status = "gap" if as_of > deadline and not (started or prospect or aow_soon) else "ok"
    return make(status, due=deadline, params={"date": deadline})


def flag_no_search_profile(facts: FileFacts, as_of: date) -> CheckItem:
    """Spoor 2 has started (on or before ``as_of``) and there is no concrete search profile (*zoekprofiel*)."""
    started = fact_answer(facts, "spoor2_started")
    profile = fact_answer(facts, "search_profile").answer
    sources = ("mf_rbmne_2023_1786", "beleidsregels_8_9")
    on_way = started.answer == "yes" and (started.since is None or started.since <= as_of)
    status: Status = "ok" if not on_way or profile == "yes" else ("gap" if profile == "no" else "unknown")
    return _flag("no_search_profile", "work", status, sources, "agency_search_profile")


def flag_therapeutic_too_long(facts: FileFacts, as_of: date) -> CheckItem:
    """Unpaid (*arbeidstherapeutisch*) work for more than about 6 weeks (§ 8): flagged from day 43 (start = day 1)."""
    fact = fact_answer(facts, "therapeutic_work")
    weeks = portal_value("therapeutic_max_weeks")
    make = lambda status, **kw: _flag(  # noqa: E731
        "therapeutic_too_long", "work", status, ("mf_bk_8_therapeutic",), "doctor_offered_work", **kw
    )
    if fact.answer != "yes":
        return make("ok", params={"weeks": weeks})
    if fact.since is None:
        return make("unknown", params={"weeks": weeks})
    last_day = fact.since + timedelta(days=7 * weeks - 1)
    return make("gap" if as_of > last_day else "ok", due=last_day, params={"weeks": weeks, "date": last_day})


def flag_proposal_unanswered(facts: FileFacts, as_of: date) -> CheckItem:
    """A proposal of mine without an answer for more than the portal's reminder period (§ 9: respond to it)."""
    days = portal_value("proposal_answer_days")
    late = unanswered_too_long(facts.proposals, as_of, days)
    sources = ("mf_bk_9_initiative", "mf_bk_9_proposal")
    due = min((p.made_on + timedelta(days=days) for p in facts.proposals if p.answer == "none"), default=None)
    params: dict[str, int | str | date] = {"days": days, "count": len(late)}
    return _flag(
        "proposal_unanswered",
        "obligations",
        "gap" if late else "ok",
        sources,
        "emp_function_change",
        due=due,
        params=params,
    )


def flag_agency_inactive(facts: FileFacts, as_of: date) -> CheckItem:
    """An agency is engaged and no job-search activity for more than N weeks (§ 6: the employer must act)."""
    weeks = portal_value("agency_inactive_weeks")
    sources = ("mf_bk_6_agency", "mf_bk_9_elsewhere")
    make = lambda status, **kw: _flag(  # noqa: E731
        "agency_inactive", "agency", status, sources, "emp_agency_too_little", **kw
    )
    if fact_answer(facts, "agency_engaged").answer != "yes":
        return make("ok", params={"weeks": weeks})
    since = facts.last_activity_on or fact_answer(facts, "spoor2_started").since
    if since is None:
        return make("gap", params={"weeks": weeks})
    last_quiet_day = since + timedelta(weeks=weeks)
    return make("gap" if as_of > last_quiet_day else "ok", due=last_quiet_day, params={"weeks": weeks, "date": since})


def flag_part_time_review(facts: FileFacts, as_of: date) -> CheckItem:
    """A part-time placement at my own employer not evaluated again within three months (§ 9)."""
    fact = fact_answer(facts, "part_time_placement")
    months = portal_value("part_time_review_months")
    make = lambda status, **kw: _flag(  # noqa: E731
        "part_time_review", "obligations", status, ("mf_bk_9_three_months",), "emp_next_evaluation", **kw
    )
    if fact.answer != "yes":
        return make("ok", params={"months": months})
    if fact.since is None:
        return make("unknown", params={"months": months})
    due = add_months(fact.since, months)
    return make("gap" if as_of > due else "ok", due=due, params={"months": months, "date": due})


def flag_view_due(facts: FileFacts, as_of: date) -> CheckItem:
    """The reintegration report is due within N days (or past) and my own view is not written (BWBR0015184 art. 3)."""
    days = portal_value("view_soon_days")
    sources = ("mf_vh_3_3", "mf_vh_2_3", "wia_25_3")
    make = lambda status, **kw: _flag(  # noqa: E731
        "view_due", "file_and_first_year_evaluation", status, sources, "emp_riv_own_view", **kw
    )
    due = _due(facts, "reintegration_report_due")
    if facts.view_written:
        return make("ok", due=due, params={"days": days})
    if due is None:
        return make("unknown", params={"days": days})
    first_day = due - timedelta(days=days)
    return make("gap" if as_of >= first_day else "ok", due=due, params={"days": days, "date": due})


FLAGS: tuple[Callable[[FileFacts, date], CheckItem], ...] = (
    flag_spoor2_late,
    flag_no_search_profile,
    flag_therapeutic_too_long,
    flag_proposal_unanswered,
    flag_agency_inactive,
    flag_part_time_review,
    flag_view_due,
)
FLAG_IDS: tuple[str, ...] = (
    "spoor2_late",
    "no_search_profile",
    "therapeutic_too_long",
    "proposal_unanswered",
    "agency_inactive",
    "part_time_review",
    "view_due",
)


def run_checks(facts: FileFacts, as_of: date) -> FileCheckResult:
    """Every check and every red flag on ``as_of``: checks in page order, then the flags."""
    items = [evaluate_check(spec, facts) for spec in check_specs()]
    items += [flag(facts, as_of) for flag in FLAGS]
    return FileCheckResult(as_of=as_of, items=tuple(items))


def result_dict(result: FileCheckResult) -> dict[str, Any]:
    """The result as plain data (the CLI's JSON): each item with id, kind, block, status, sources, due."""
    return {
        "as_of": result.as_of.isoformat(),
        "summary": {"gaps": len(result.gaps), "unknown": len(result.unknown)},
        "items": [
            {
                "id": item.id,
                "kind": item.kind,
                "block": item.block,
                "status": item.status,
                "sources": list(item.sources),
                **({"due": item.due.isoformat()} if item.due else {}),
                **({"prefilled_from": item.prefilled_from} if item.prefilled_from else {}),
                **({"question_id": item.question_id} if item.question_id else {}),
            }
            for item in result.items
        ],
    }
