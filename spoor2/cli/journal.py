"""``python -m spoor2 journal`` — the energy journal and the typical day."""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("journal", help="the energy journal and the typical day")
    parser.add_argument("--lang", choices=["en", "nl"], default="en", help="language of messages")
    parser.set_defaults(handler=lambda _args: parser.print_help() or 0)
