"""``python -m spoor2`` — the command-line interface. It uses the same store as the app.

Each command lives in its own module (``spoor2/cli_<name>.py``) with ``register(subparsers)``,
which adds a sub-parser whose ``handler`` takes the parsed arguments and returns an exit code.
Invalid input: exit status 2, a one-line message on stderr, nothing on stdout.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from spoor2.errors import Spoor2Error

COMMAND_MODULES = ("timeline", "questions", "activities", "data")
EXIT_INVALID = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse's own errors: one line, exit 2, nothing on stdout
        sys.stderr.write(f"error: {message}\n")
        raise SystemExit(EXIT_INVALID)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m spoor2", description="Spoor 2 self-help portal — command line.")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"spoor2.cli_{name}")
        except ModuleNotFoundError as error:
            if error.name == f"spoor2.cli_{name}":
                continue  # command not built yet
            raise
        module.register(subparsers)
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
