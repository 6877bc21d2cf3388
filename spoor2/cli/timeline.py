"""``python -m spoor2 timeline`` — the personal Poortwachter timeline on the command line.

With ``--period`` (and the other options) the timeline is computed from the arguments; without
any timeline option the saved timeline of the store (``SPOOR2_DATA_DIR``) and its recorded
milestones are used. ``add_timeline_arguments``, ``timeline_input_from_args`` and ``parse_done``
(``--done ID=DATE``: a step recorded as done; later steps follow it) are shared with
``python -m spoor2 questions``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from spoor2.dates import parse_iso_date
from spoor2.errors import InvalidInput
from spoor2.i18n import format_date, normalise_lang, t
from spoor2.timeline.rules import (
    RECORDABLE,
    LeavePeriod,
    SickPeriod,
    Standing,
    Timeline,
    TimelineInput,
    check_against_today,
    check_done_on,
    check_input,
    compute_timeline,
    validate_timeline_input,
    where_i_stand,
)
from spoor2.timeline.view import milestone_dict

TIMELINE_FORMATS: tuple[str, ...] = ("json", "text", "ics")
#: the options (besides --as-of, --lang and --format) that describe a timeline
_INPUT_OPTIONS = (
    "period",
    "wage_sanction_weeks",
    "extension_weeks",
    "early_iva_applied",
    "contract_end",
    "pregnancy_leave",
    "after_leave_other_cause",
    "aow_date",
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("timeline", help="the personal Poortwachter timeline (104 weeks)")
    add_timeline_arguments(parser, formats=TIMELINE_FORMATS)
    parser.set_defaults(handler=run_timeline)


def add_timeline_arguments(parser: argparse.ArgumentParser, formats: Sequence[str] = ("json", "text")) -> None:
    """The timeline options; ``formats`` are the ``--format`` choices of the command."""
    parser.add_argument(
        "--period",
        action="append",
        default=[],
        metavar="START:[END]",
        help="a sick period, first and (once recovered) last sick day; repeat for earlier periods",
    )
    parser.add_argument("--wage-sanction-weeks", dest="wage_sanction_weeks", default=None, metavar="N")
    parser.add_argument("--extension-weeks", dest="extension_weeks", default=None, metavar="N")
    parser.add_argument("--early-iva-applied", dest="early_iva_applied", default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--contract-end", dest="contract_end", default=None, metavar="YYYY-MM-DD")
    parser.add_argument(
        "--pregnancy-leave",
        dest="pregnancy_leave",
        default=None,
        metavar="START:END",
        help="WAZO pregnancy and maternity leave; sickness directly before and after it counts together",
    )
    parser.add_argument(
        "--after-leave-other-cause",
        dest="after_leave_other_cause",
        action="store_true",
        help="the sickness after the leave cannot have the same cause (BW 7:629 lid 10): a new count",
    )
    parser.add_argument(
        "--aow-date",
        dest="aow_date",
        default=None,
        metavar="YYYY-MM-DD",
        help="the day you reach state pension age (not your date of birth)",
    )
    parser.add_argument(
        "--done",
        action="append",
        default=[],
        metavar="MILESTONE_ID[=DATE]",
        help="a step that has happened (a date not after --as-of); later steps follow it",
    )
    parser.add_argument("--as-of", dest="as_of", default=None, metavar="YYYY-MM-DD", help="default: today")
    parser.add_argument("--lang", choices=["en", "nl"], default="en")
    parser.add_argument("--format", choices=list(formats), default="text")


def parse_date_arg(value: str) -> date:
    try:
        return parse_iso_date(value)
    except ValueError:
        raise InvalidInput("invalid_date", value=value) from None


def parse_done(items: list[str], as_of: date) -> dict[str, date]:
    """``ID`` or ``ID=YYYY-MM-DD``; an id without a date counts as done on the as-of date.

    A date after ``as_of`` is refused (docs/rules.md#recording-a-step): a step cannot be done yet.
    """
    out: dict[str, date] = {}
    for item in items:
        mid, sep, when = item.partition("=")
        mid = mid.strip()
        if not mid or (sep and not when.strip()):
            raise InvalidInput("questions.error.bad_done", value=item)
        if mid not in RECORDABLE:
            raise InvalidInput("unknown_milestone", milestone=mid)
        done_on = parse_date_arg(when.strip()) if sep else as_of
        check_done_on(done_on, as_of)
        out[mid] = done_on
    return out


def _parse_int(value: str) -> int:
    text = value.strip()
    if not (text.isascii() and text.removeprefix("-").isdigit()):  # not "²", "٣" or "--5": int() refuses them
        raise InvalidInput("invalid_number", value=value)
    return int(text)


def parse_period(value: str) -> SickPeriod:
    """``START:`` (still sick) or ``START:END``.

    >>> parse_period("2026-01-05:")
    SickPeriod(start=datetime.date(2026, 1, 5), end=None)
    """
    start, sep, end = value.partition(":")
    if not sep:
        raise InvalidInput("invalid_date", value=value)
    return SickPeriod(start=parse_date_arg(start), end=parse_date_arg(end) if end.strip() else None)


def parse_leave(value: str) -> LeavePeriod:
    """``START:END``, both days of the leave.

    >>> parse_leave("2026-03-02:2026-06-21")
    LeavePeriod(start=datetime.date(2026, 3, 2), end=datetime.date(2026, 6, 21))
    """
    start, sep, end = value.partition(":")
    if not sep or not start.strip() or not end.strip():
        raise InvalidInput("invalid_date", value=value)
    return LeavePeriod(start=parse_date_arg(start.strip()), end=parse_date_arg(end.strip()))


def timeline_input_from_args(args: argparse.Namespace) -> TimelineInput | None:
    """The timeline input described by the arguments; None when no timeline option was given."""
    if not any(getattr(args, name, None) for name in _INPUT_OPTIONS):
        return None
    if not args.period:
        raise InvalidInput("timeline.error.no_period")
    periods = tuple(sorted((parse_period(p) for p in args.period), key=lambda p: p.start))
    inp = TimelineInput(
        periods=periods,
        wage_sanction_weeks=_parse_int(args.wage_sanction_weeks) if args.wage_sanction_weeks else None,
        extension_weeks=_parse_int(args.extension_weeks) if args.extension_weeks else None,
        early_iva_applied=parse_date_arg(args.early_iva_applied) if args.early_iva_applied else None,
        contract_end=parse_date_arg(args.contract_end) if args.contract_end else None,
        pregnancy_leave=parse_leave(args.pregnancy_leave) if args.pregnancy_leave else None,
        after_leave_same_cause=not args.after_leave_other_cause,
        aow_date=parse_date_arg(args.aow_date) if args.aow_date else None,
    )
    check_input(inp)  # the input on its own; the rules against today and the count follow in the command
    return inp


def run_timeline(args: argparse.Namespace) -> int:
    from spoor2.store import Store
    from spoor2.store.timeline import load_standing

    lang = normalise_lang(args.lang)
    as_of = parse_date_arg(args.as_of) if args.as_of else date.today()
    done = parse_done(args.done, as_of)
    inp = timeline_input_from_args(args)
    if inp is None:
        saved = load_standing(Store(), as_of, extra_done=done)
        if saved is None:
            raise InvalidInput("timeline.error.no_saved_timeline")
        check_against_today(saved.input, as_of)
        timeline, standing = saved.timeline, saved.standing
    else:
        validate_timeline_input(inp, as_of)
        timeline = compute_timeline(inp, done)
        standing = where_i_stand(timeline, as_of)
    if args.format == "ics":
        from spoor2.timeline.ics import timeline_to_ics

        sys.stdout.write(timeline_to_ics(timeline, lang, standing).decode("utf-8"))
    elif args.format == "json":
        sys.stdout.write(json.dumps(timeline_payload(timeline, standing, lang), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(timeline_text(timeline, standing, lang))
    return 0


def timeline_payload(timeline: Timeline, standing: Standing, lang: str) -> dict[str, Any]:
    return {
        "as_of": standing.as_of.isoformat(),
        "lang": lang,
        "first_sick_day": timeline.first_sick_day.isoformat(),
        "sick_days": standing.sick_days,
        "sick_week": standing.sick_week,
        "sick_now": standing.sick_now,
        "continues_count_until": standing.continues_count_until.isoformat() if standing.continues_count_until else None,
        "gap_days": timeline.gap_days,
        "milestones": [milestone_dict(item, lang, standing.of(item.id)) for item in timeline.milestones],
    }


def _when(row: dict[str, Any], lang: str) -> str:
    if "date" in row:
        return format_date(date.fromisoformat(row["date"]), lang, "medium")
    start = format_date(date.fromisoformat(row["start"]), lang, "medium")
    end = format_date(date.fromisoformat(row["end"]), lang, "medium")
    return f"{start} – {end}"


def _status_cell(row: dict[str, Any]) -> str:
    """The status, with the reason a step no longer applies or the condition it depends on."""
    extra = row["reason"] or row["conditional_text"]
    cell = f"{row['status_label']} — {extra}" if extra else row["status_label"]
    return f"{cell} ({row['done_on']})" if row.get("done_on") else cell


def timeline_text(timeline: Timeline, standing: Standing, lang: str) -> str:
    """A readable table in the language: when, milestone, who acts, status."""
    rows = [milestone_dict(item, lang, standing.of(item.id)) for item in timeline.milestones]
    lines = [
        t(
            lang,
            "timeline.cli.summary",
            as_of=format_date(standing.as_of, lang),
            week=standing.sick_week,
            days=standing.sick_days,
            first=format_date(timeline.first_sick_day, lang),
        ),
        "",
    ]
    header = (t(lang, "timeline.col.date"), t(lang, "timeline.col.milestone"), t(lang, "timeline.col.actor"))
    cells = [
        (_when(r, lang), r["label"] + (" *" if r["indicative"] else ""), r["actor"], _status_cell(r)) for r in rows
    ]
    widths = [max(len(c[i]) for c in [(*header, ""), *cells]) for i in range(3)]
    status_head = t(lang, "timeline.col.status")
    lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + "  " + status_head)
    lines.append("  ".join("-" * w for w in widths) + "  " + "-" * len(status_head))
    lines.extend("  ".join(c[i].ljust(widths[i]) for i in range(3)) + "  " + c[3] for c in cells)
    lines += ["", "* " + t(lang, "common.indicative_help"), t(lang, "common.not_legal_advice")]
    return "\n".join(lines) + "\n"
