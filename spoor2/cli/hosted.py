"""``python -m spoor2 db …`` and ``python -m spoor2 admin …`` — for an organisation that runs the hosted mode."""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    for name, help_ in (("db", "the hosted database: migrations"), ("admin", "the organisation's account tasks")):
        parser = subparsers.add_parser(name, help=help_)
        parser.set_defaults(handler=lambda _args, parser=parser: parser.print_help() or 0)
