"""``python -m spoor2`` — the command-line interface. It uses the same store as the app.

One module per capability (``spoor2/cli/<capability>.py``), each with ``register(subparsers)``,
which adds a sub-parser whose ``handler`` takes the parsed arguments and returns an exit code.
The commands are named after the capability (``tracker``, ``my-data``); the older names
``activities`` and ``data`` stay accepted as aliases.
Invalid input: exit status 2, a one-line message on stderr, nothing on stdout. So is a failure
of the disk or the database (full, read-only, damaged, a folder where a file belongs): a message
in the person's language, never a traceback and never the data of a statement.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from spoor2.cli import applying, hosted, journal, my_data, my_file, questions, timeline, tracker
from spoor2.errors import Spoor2Error
from spoor2.store import store_failure

COMMANDS = (timeline, questions, tracker, my_file, journal, applying, my_data, hosted)
EXIT_INVALID = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse's own errors: one line, exit 2, nothing on stdout
        sys.stderr.write(f"error: {message}\n")
        raise SystemExit(EXIT_INVALID)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m spoor2", description="Spoor 2 self-help portal — command line.")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", None) or "en"
    try:
        return int(args.handler(args) or 0)
    except Spoor2Error as error:
        sys.stderr.write(error.message(lang).replace("\n", " ") + "\n")
        return EXIT_INVALID
    except (OSError, SQLAlchemyError) as error:  # the disk or the database, after the store's own checks
        sys.stderr.write(store_failure(error).message(lang) + "\n")
        return EXIT_INVALID
