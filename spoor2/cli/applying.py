"""``python -m spoor2 cv`` — your CV versions and letters."""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("cv", help="your CV versions and letters")
    parser.add_argument("--lang", choices=["en", "nl"], default="en", help="language of messages")
    parser.set_defaults(handler=lambda _args: parser.print_help() or 0)
