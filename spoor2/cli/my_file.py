"""``python -m spoor2 file`` — check your reintegration file, your proposals, your view, an expert-opinion pack."""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("file", help="check your file; your proposals, your view, an expert-opinion pack")
    parser.add_argument("--lang", choices=["en", "nl"], default="en", help="language of messages")
    parser.set_defaults(handler=lambda _args: parser.print_help() or 0)
