"""``python -m spoor2 questions`` — the critical questions that apply to a situation.

With timeline options (the same as ``python -m spoor2 timeline``) the situation is built from
them plus ``--done``, ``--answer`` and ``--document``; without them, the saved situation is used
(timeline, recorded milestones, answers and document checklist of the store).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from spoor2.cli.timeline import parse_date_arg, parse_done
from spoor2.errors import InvalidInput
from spoor2.i18n import normalise_lang, t
from spoor2.legal.sources import get_source
from spoor2.paths import database_url
from spoor2.questions.bank import (
    ANSWER_KEYS,
    ANSWER_VALUES,
    DOC_STATES,
    Question,
    applicable_questions,
    build_situation,
    document_ids,
    question_texts,
)
from spoor2.timeline.rules import Standing, TimelineInput, compute_timeline, where_i_stand


def register(subparsers: Any) -> None:
    try:
        from spoor2.cli.timeline import add_timeline_arguments
    except ModuleNotFoundError as error:  # the timeline command is built by another issue
        if error.name != "spoor2.cli.timeline":
            raise
        return
    parser = subparsers.add_parser("questions", help="critical questions for a situation")
    add_timeline_arguments(parser)
    existing = parser._option_string_actions  # avoid clashing with the shared timeline options (--done is one)
    parser.add_argument("--answer", action="append", default=[], metavar="KEY=VALUE", help="a situation answer")
    parser.add_argument("--document", action="append", default=[], metavar="DOC_ID=STATE", help="a checklist state")
    if "--lang" not in existing:
        parser.add_argument("--lang", choices=["en", "nl"], default="en")
    if "--format" not in existing:
        parser.add_argument("--format", choices=["json", "text"], default="text")
    if "--as-of" not in existing:
        parser.add_argument("--as-of", dest="as_of", default=None, metavar="YYYY-MM-DD")
    parser.set_defaults(handler=run_questions)


def _pairs(items: list[str], keys: tuple[str, ...], values: tuple[str, ...], code: str, name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, _, value = item.partition("=")
        if key not in keys or value not in values:
            raise InvalidInput(code, **{name: item})
        out[key] = value
    return out


def run_questions(args: argparse.Namespace) -> int:
    from spoor2.cli.timeline import timeline_input_from_args
    from spoor2.store import Store
    from spoor2.store import questions as repo
    from spoor2.store.timeline import load_standing

    lang = normalise_lang(args.lang)
    as_of = parse_date_arg(args.as_of) if getattr(args, "as_of", None) else date.today()
    done = parse_done(args.done, as_of)
    answers = _pairs(args.answer, ANSWER_KEYS, ANSWER_VALUES, "questions.error.bad_answer", "answer")
    documents = _pairs(args.document, document_ids(), DOC_STATES, "questions.error.bad_document", "document")

    given: TimelineInput | None = timeline_input_from_args(args)
    standing: Standing | None = None
    if given is None:
        store = Store(database_url())
        saved = load_standing(store, as_of, extra_done=done)
        answers = {**repo.situation_answers(store), **answers}
        documents = {**repo.document_states(store), **documents}
        if saved is None:
            sys.stderr.write(t(lang, "questions.error.no_saved_timeline") + "\n")
        else:
            standing = saved.standing
    else:
        standing = where_i_stand(compute_timeline(given, done), as_of)  # compute_timeline validates the input
    situation = build_situation(standing, documents, answers)
    questions = applicable_questions(situation)
    if args.format == "json":
        payload = {
            "as_of": as_of.isoformat(),
            "sick_week": situation.sick_week,
            "lang": lang,
            "questions": [_as_dict(q, lang) for q in questions],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_as_text(questions, lang, situation.sick_week))
    return 0


def _as_dict(question: Question, lang: str) -> dict[str, Any]:
    text = question_texts(lang)[question.id]
    return {
        "id": question.id,
        "audience": question.audience,
        "priority": question.priority,
        "text": text.text,
        "why": text.why,
        "sources": [get_source(sid).as_dict() for sid in question.sources],
    }


def _as_text(questions: tuple[Question, ...], lang: str, week: int | None) -> str:
    lines: list[str] = []
    if week is not None:
        lines += [f"{t(lang, 'common.week')} {week}", ""]
    audience = None
    for question in questions:
        if question.audience != audience:
            audience = question.audience
            heading = t(lang, f"questions.audience.{audience}").replace("*", "")
            if lines and lines[-1]:
                lines.append("")
            lines += [heading, "-" * len(heading)]
        text = question_texts(lang)[question.id]
        lines.append(f"[{question.id}] (P{question.priority}) {text.text.replace('*', '')}")
        lines.append(f"    {t(lang, 'questions.export.why')}: {text.why.replace('*', '')}")
        titles = "; ".join(get_source(sid).title for sid in question.sources)
        lines.append(f"    {t(lang, 'questions.export.sources')}: {titles}")
    return "\n".join(lines) + "\n"
