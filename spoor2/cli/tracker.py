"""``python -m spoor2 activities`` — the job-search activity log from the command line.

* ``activities list [--format json|csv] [--from D] [--to D]``
* ``activities add --date D --type T --organisation O [--role R] [--status S] [--notes N]``
* ``activities import FILE [--again]`` (CSV or XLSX; a file with any bad row changes nothing; a file
  imported before — the same bytes — is refused unless ``--again`` is given)
* ``activities export FILE [--from D] [--to D] [--lang en|nl]`` (format by extension: .csv .xlsx .json .pdf)

Invalid input: exit status 2, the reason on stderr (for an import: one line per bad row), nothing changed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from spoor2.errors import ImportRejected, InvalidInput
from spoor2.i18n import t
from spoor2.store import Store
from spoor2.store import tracker as repo
from spoor2.store.my_data import check_export_target, write_private_file
from spoor2.tracker import import_export as tracker_io
from spoor2.tracker.activities import ActivityFilter, parse_date, validate_activity

EXPORT_FORMATS = (".csv", ".xlsx", ".json", ".pdf")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("tracker", aliases=["activities"], help="your job-search activity log")
    parser.add_argument("--lang", choices=["en", "nl"], default="en", help="language of messages and exports")
    actions = parser.add_subparsers(dest="activities_action", required=True, parser_class=type(parser))

    show = actions.add_parser("list", help="list activities (newest first)")
    show.add_argument("--format", choices=["json", "csv"], default="json")
    _period(show)
    show.set_defaults(handler=_list)

    add = actions.add_parser("add", help="add one activity")
    add.add_argument("--date", required=True, help="YYYY-MM-DD or DD-MM-YYYY")
    add.add_argument("--type", required=True, help="e.g. vacancy_application")
    add.add_argument("--organisation", required=True)
    add.add_argument("--role", default="")
    add.add_argument("--status", default="done")
    add.add_argument("--notes", default="")
    add.set_defaults(handler=_add)

    imp = actions.add_parser("import", help="import a CSV or XLSX file")
    imp.add_argument("file", type=Path)
    imp.add_argument("--again", action="store_true", help="import a file that was imported before once more")
    imp.set_defaults(handler=_import)

    export = actions.add_parser("export", help="export to .csv, .xlsx, .json or .pdf")
    export.add_argument("file", type=Path)
    _period(export)
    export.add_argument("--lang", dest="export_lang", choices=["en", "nl"], default=None)
    export.set_defaults(handler=_export)


def _period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", default=None, help="first date (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", default=None, help="last date (YYYY-MM-DD)")


def _filters(args: argparse.Namespace) -> ActivityFilter:
    start, end = parse_date(args.start, "start"), parse_date(args.end, "end")
    if start and end and end < start:
        raise InvalidInput("tracker.error.period_reversed")
    return ActivityFilter(start=start, end=end)


def _list(args: argparse.Namespace) -> int:
    filters = _filters(args)
    store = Store()
    activities = list(repo.iter_activities(store, filters))
    activities.reverse()  # newest first
    data = tracker_io.to_csv(activities, args.lang) if args.format == "csv" else tracker_io.to_json(activities)
    sys.stdout.write(data.decode("utf-8-sig"))
    if not data.endswith(b"\n"):
        sys.stdout.write("\n")
    return 0


def _add(args: argparse.Namespace) -> int:
    raw = {
        "date": args.date,
        "type": args.type,
        "organisation": args.organisation,
        "role": args.role,
        "status": args.status,
        "notes": args.notes,
    }
    activity = validate_activity(raw, today=date.today())
    saved = repo.add_activity(Store(), activity, today=date.today())
    print(
        t(
            args.lang,
            "tracker.cli.added",
            date=saved.activity_date.isoformat(),
            type=saved.type,
            organisation=saved.organisation,
            id=saved.id,
        )
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        raise InvalidInput("tracker.error.no_such_file", name=str(path))
    if path.stat().st_size > tracker_io.MAX_IMPORT_BYTES:
        raise InvalidInput("tracker.error.file_too_large", maximum_mb=tracker_io.MAX_IMPORT_BYTES // (1024 * 1024))
    data = path.read_bytes()
    store = Store()
    earlier = None if args.again else repo.previous_import(store, data)
    if earlier is not None:  # the same bytes (whatever the name): every row would be there twice
        raise InvalidInput("tracker.cli.already_imported", date=earlier.imported_at[:10], rows=earlier.row_count)
    try:
        activities = tracker_io.import_file(data, path.name, today=date.today())
    except ImportRejected as error:
        sys.stderr.write(error.message(args.lang) + "\n")
        for row, reason in tracker_io.problem_lines(error, args.lang):
            sys.stderr.write(t(args.lang, "tracker.error.row_problem", row=row, reason=reason) + "\n")
        return 2
    count = repo.import_activities(store, activities, source=repo.UploadedFile(path.name, data))
    print(t(args.lang, "tracker.cli.imported", count=count, path=path))
    return 0


def _export(args: argparse.Namespace) -> int:
    path: Path = args.file
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise InvalidInput("tracker.error.unknown_format")
    check_export_target(path)  # before anything is read: never a folder, a device or an empty name
    filters = _filters(args)
    lang = args.export_lang or args.lang
    store = Store()
    activities = list(repo.iter_activities(store, filters))
    if suffix == ".csv":
        data = tracker_io.to_csv(activities, lang)
    elif suffix == ".xlsx":
        data = tracker_io.to_xlsx(activities, lang)
    elif suffix == ".json":
        data = tracker_io.to_json(activities)
    else:
        today = date.today()
        span = repo.date_range(store)
        start = filters.start or (span[0] if span else today)
        end = filters.end or (span[1] if span else today)
        data = tracker_io.overview_pdf(activities, lang, start, end, today)
    write_private_file(path, data)  # atomic: a failed export leaves an earlier one as it was
    print(t(args.lang, "tracker.cli.exported", count=len(activities), path=path))
    return 0
