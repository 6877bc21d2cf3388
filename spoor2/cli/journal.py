"""``python -m spoor2 journal`` — the energy journal and the typical day.

* ``journal add --date D [--part morning|evening|day] [--energy N] [--physical N] [--mental N] [--emotional N]
  [--active-hours H] [--rest-hours H] [--rest-moments N] [--longest-stretch H] [--could T] [--could-not T]
  [--note T]`` (the same day and part again changes that check-in)
* ``journal list [--format json|csv] [--from D] [--to D]``
* ``journal export FILE`` (.csv or .json, by extension)
* ``journal typical-day OUT.pdf|OUT.docx [--from D] [--to D] [--lang en|nl]`` (the text the person saved
  on the page for that language, else the text written from the journal; default period: the last 8 weeks)

Invalid input: exit status 2, the reason on stderr, nothing changed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from spoor2.errors import InvalidInput
from spoor2.i18n import t
from spoor2.journal import export as journal_io
from spoor2.journal.entries import PARTS, check_in_from_values
from spoor2.journal.pattern import days_of
from spoor2.journal.typical_day import typical_day_document, typical_day_text
from spoor2.store import Store
from spoor2.store import journal as repo
from spoor2.store.my_data import check_export_target, write_private_file
from spoor2.tracker.activities import parse_date

#: the default period of the typical day: the last 8 weeks up to today
DEFAULT_WEEKS = 8
_NUMBERS = (
    "energy",
    "physical",
    "mental",
    "emotional",
    "active_hours",
    "rest_hours",
    "rest_moments",
    "longest_stretch",
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("journal", help="the energy journal and the typical day")
    parser.add_argument("--lang", choices=["en", "nl"], default="en", help="language of messages")
    actions = parser.add_subparsers(dest="journal_action", required=True, parser_class=type(parser))

    add = actions.add_parser("add", help="add a check-in (the same day and part again changes it)")
    add.add_argument("--date", required=True, help="YYYY-MM-DD or DD-MM-YYYY")
    add.add_argument("--part", choices=PARTS, default="day")
    for name in _NUMBERS:
        add.add_argument(f"--{name.replace('_', '-')}", dest=name, default=None)
    for name in ("could", "could_not", "note"):
        add.add_argument(f"--{name.replace('_', '-')}", dest=name, default="")
    add.set_defaults(handler=_add)

    show = actions.add_parser("list", help="list check-ins (oldest first)")
    show.add_argument("--format", choices=["json", "csv"], default="json")
    _period(show)
    show.set_defaults(handler=_list)

    export = actions.add_parser("export", help="export the check-ins to .csv or .json")
    export.add_argument("file", type=Path)
    export.set_defaults(handler=_export)

    typical = actions.add_parser("typical-day", help="write the typical day for the doctor (.pdf or .docx)")
    typical.add_argument("file", type=Path)
    _period(typical)
    typical.add_argument("--lang", dest="doc_lang", choices=["en", "nl"], default=None, help="language of the reader")
    typical.set_defaults(handler=_typical_day)


def _period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", default=None, help="first date (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", default=None, help="last date (YYYY-MM-DD)")


def _dates(args: argparse.Namespace) -> tuple[date | None, date | None]:
    start, end = parse_date(args.start, "start"), parse_date(args.end, "end")
    if start and end and end < start:
        raise InvalidInput("journal.error.period_reversed")
    return start, end


def _add(args: argparse.Namespace) -> int:
    day = parse_date(args.date, "date")
    values = {name: getattr(args, name) for name in (*_NUMBERS, "could", "could_not", "note")}
    entry = check_in_from_values({"day": day, "part": args.part, **values}, date.today())
    new = repo.save_entry(Store(), entry)
    part = t(args.lang, f"journal.part.{entry.part}")
    print(t(args.lang, "journal.cli.added" if new else "journal.cli.changed", date=entry.day.isoformat(), part=part))
    return 0


def _list(args: argparse.Namespace) -> int:
    start, end = _dates(args)
    found = repo.entries(Store(), start, end)
    data = journal_io.to_csv(found, args.lang) if args.format == "csv" else journal_io.to_json(found)
    sys.stdout.write(data.decode("utf-8-sig"))
    return 0


def _export(args: argparse.Namespace) -> int:
    path: Path = args.file
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise InvalidInput("journal.cli.unknown_export_format")
    check_export_target(path)
    found = repo.entries(Store())
    write_private_file(path, journal_io.to_csv(found, args.lang) if suffix == ".csv" else journal_io.to_json(found))
    print(t(args.lang, "journal.cli.written", path=path))
    return 0


def _typical_day(args: argparse.Namespace) -> int:
    path: Path = args.file
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise InvalidInput("journal.cli.unknown_format")
    check_export_target(path)
    start, end = _dates(args)
    today = date.today()
    end = end or today
    start = start or end - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1)
    if end < start:
        raise InvalidInput("journal.error.period_reversed")
    lang = args.doc_lang or args.lang
    store = Store()
    text = repo.typical_day(store, lang) or typical_day_text(
        days_of(repo.entries(store), repo.costs(store)), start, end, lang
    )
    document = typical_day_document(text, lang, today)
    write_private_file(path, document.to_pdf() if suffix == ".pdf" else document.to_docx(lang))
    print(t(args.lang, "journal.cli.written", path=path))
    return 0
