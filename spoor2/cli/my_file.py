"""``python -m spoor2 file`` — check your reintegration file, your proposals, your view, an expert-opinion pack.

* ``file check --format json|text``: every check and red flag with ``id``, ``status`` (ok/gap/unknown),
  ``sources`` and ``due`` where it has one. The situation comes from ``--period`` (and the other
  options of ``python -m spoor2 timeline``), ``--done`` and ``--as-of``; without a timeline option the
  saved timeline is used. Answers, documents, activities and proposals are always the saved ones.
* ``file proposals add --date D --to employer --kind task_or_job --what TEXT [...]``, ``file proposals list``.
* ``file view OUT.docx|OUT.pdf``, ``file pack --question … OUT.zip``, ``file whole OUT.pdf``:
  :mod:`spoor2.cli.my_file_view`.

Invalid input: exit status 2, one line on stderr, nothing saved.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from spoor2.cli import my_file_view
from spoor2.cli.timeline import add_timeline_arguments, parse_date_arg, parse_done, timeline_input_from_args
from spoor2.i18n import format_date, normalise_lang, t
from spoor2.legal.sources import get_source
from spoor2.my_file.checks import FileCheckResult, run_checks
from spoor2.my_file.proposals import ANSWERS, KINDS, REASONS, TO_WHOM, YES_NO, Proposal
from spoor2.timeline.rules import check_against_today, compute_timeline, validate_timeline_input


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("file", help="check your file; your proposals, your view, an expert-opinion pack")
    parser.add_argument("--lang", choices=["en", "nl"], default="en", help="language of messages")
    actions = parser.add_subparsers(dest="file_action", required=True, parser_class=type(parser))

    check = actions.add_parser("check", help="check your reintegration file (gaps, unknowns, warnings)")
    add_timeline_arguments(check)
    # the timeline options bring their own ``--lang`` (default "en"), which would override ``file --lang nl check``:
    # without a value after ``check``, the language given before it stays
    for action in check._actions:
        if action.dest == "lang":
            action.default = argparse.SUPPRESS
    check.set_defaults(handler=run_check)

    proposals = actions.add_parser("proposals", help="your proposals to your employer and the answers")
    kinds = proposals.add_subparsers(dest="proposals_action", required=True, parser_class=type(parser))
    add = kinds.add_parser("add", help="add one proposal")
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the date of your proposal")
    add.add_argument("--to", dest="to_whom", choices=TO_WHOM, default="employer")
    add.add_argument("--kind", choices=KINDS, default="task_or_job")
    add.add_argument("--what", required=True, help="what you proposed")
    add.add_argument("--in-writing", dest="in_writing", choices=YES_NO, default="yes")
    add.add_argument("--answer", choices=ANSWERS, default="none")
    add.add_argument("--answered-on", dest="answered_on", default=None, metavar="YYYY-MM-DD")
    add.add_argument("--answer-text", dest="answer_text", default="")
    add.add_argument("--reasons-given", dest="reasons_given", choices=REASONS, default="unknown")
    add.add_argument("--as-of", dest="as_of", default=None, metavar="YYYY-MM-DD", help="default: today")
    add.add_argument("--lang", choices=["en", "nl"], default=argparse.SUPPRESS, help="language of messages")
    add.set_defaults(handler=run_proposal_add)
    show = kinds.add_parser("list", help="list your proposals (newest first)")
    show.add_argument("--format", choices=["json", "text"], default="text")
    show.add_argument("--as-of", dest="as_of", default=None, metavar="YYYY-MM-DD", help="default: today")
    show.add_argument("--lang", choices=["en", "nl"], default=argparse.SUPPRESS, help="language of messages")
    show.set_defaults(handler=run_proposal_list)

    my_file_view.register_actions(actions)


def _as_of(args: argparse.Namespace) -> date:
    return parse_date_arg(args.as_of) if getattr(args, "as_of", None) else date.today()


def run_check(args: argparse.Namespace) -> int:
    from spoor2.store import Store
    from spoor2.store import my_file as repo
    from spoor2.store.timeline import load_standing

    lang = normalise_lang(args.lang)
    as_of = _as_of(args)
    done = parse_done(args.done, as_of)
    store = Store()
    inp = timeline_input_from_args(args)
    if inp is None:
        saved = load_standing(store, as_of, extra_done=done)
        if saved is not None:
            check_against_today(saved.input, as_of)
        timeline = saved.timeline if saved else None
    else:
        validate_timeline_input(inp, as_of)
        timeline = compute_timeline(inp, {**_recorded(store), **done})
    result = run_checks(repo.facts_with_timeline(store, as_of, timeline, done), as_of)
    if args.format == "json":
        from spoor2.my_file.checks import result_dict

        sys.stdout.write(json.dumps(result_dict(result), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(check_text(result, lang))
    return 0


def _recorded(store: Any) -> dict[str, date]:
    from spoor2.store.timeline import milestone_records

    return milestone_records(store)


def summary_text(result: FileCheckResult, lang: str) -> str:
    gaps = t(lang, "my_file.summary_gaps", count=len(result.gaps))
    unknown = t(lang, "my_file.summary_unknown", count=len(result.unknown))
    return t(lang, "my_file.cli.summary", gaps=gaps, unknown=unknown)


def item_label(item: Any, lang: str) -> str:
    """The item's label in ``lang`` (a flag's label takes its parameters, dates in the language)."""
    if item.kind == "check":
        return t(lang, f"my_file.check.{item.id}.label")
    if item.status != "gap":
        return t(lang, f"my_file.flag.{item.id}.name")
    params = {k: (format_date(date.fromisoformat(v), lang) if k == "date" else v) for k, v in item.params.items()}
    return t(lang, f"my_file.flag.{item.id}.label", **params)


def check_text(result: FileCheckResult, lang: str) -> str:
    """One line per item: status, label, by when; its sources below it."""
    lines = [summary_text(result, lang), ""]
    for item in result.items:
        label = item_label(item, lang).replace("*", "")
        when = format_date(item.due, lang) if item.due else ""
        due = f" ({t(lang, 'my_file.cli.due', date=when)})" if when and when not in label else ""  # never twice
        status = t(lang, f"my_file.status.{item.status}")
        lines.append(f"[{status}] {label}{due}")
        lines.append("    " + "; ".join(get_source(s).title for s in item.sources))
    lines += ["", t(lang, "common.not_legal_advice")]
    return "\n".join(lines) + "\n"


def run_proposal_add(args: argparse.Namespace) -> int:
    from spoor2.store import Store
    from spoor2.store import my_file as repo

    as_of = _as_of(args)
    proposal = Proposal(
        id=repo.new_id(),
        made_on=parse_date_arg(args.date),
        to_whom=args.to_whom,
        kind=args.kind,
        what=args.what,
        in_writing=args.in_writing,
        answer=args.answer,
        answered_on=parse_date_arg(args.answered_on) if args.answered_on else None,
        answer_text=args.answer_text,
        reasons_given=args.reasons_given,
    )
    saved = repo.add_proposal(Store(), proposal, as_of)
    sys.stdout.write(t(args.lang, "my_file.cli.proposal_added", id=saved.id) + "\n")
    return 0


def run_proposal_list(args: argparse.Namespace) -> int:
    from spoor2.my_file.checks import portal_value
    from spoor2.my_file.proposals import is_unanswered_too_long
    from spoor2.store import Store
    from spoor2.store import my_file as repo

    lang = normalise_lang(args.lang)
    as_of, days = _as_of(args), portal_value("proposal_answer_days")
    proposals = repo.list_proposals(Store())
    if args.format == "json":
        rows = [{**p.model_dump(mode="json"), "flagged": is_unanswered_too_long(p, as_of, days)} for p in proposals]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not proposals:
        sys.stdout.write(t(lang, "my_file.cli.no_proposals") + "\n")
    for p in proposals:
        label = t(
            lang,
            "my_file.proposal_label",
            date=format_date(p.made_on, lang, "medium"),
            to_whom=t(lang, f"my_file.to_whom.{p.to_whom}"),
            kind=t(lang, f"my_file.kind.{p.kind}"),
        )
        flag = (
            f"  ! {t(lang, 'my_file.proposal_unanswered', days=days)}" if is_unanswered_too_long(p, as_of, days) else ""
        )
        sys.stdout.write(f"{label} — {t(lang, f'my_file.reply.{p.answer}')}{flag}\n    {p.what}\n")
    return 0
