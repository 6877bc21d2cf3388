"""``python -m spoor2 file`` — check your reintegration file, your proposals, your view, an expert-opinion pack.

* ``file check --format json|text``, ``file proposals add|list``: this module.
* ``file view OUT.docx|OUT.pdf``, ``file pack --question … OUT.zip``, ``file whole OUT.pdf``:
  :mod:`spoor2.cli.my_file_view`.
"""

from __future__ import annotations

from typing import Any

from spoor2.cli import my_file_view


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("file", help="check your file; your proposals, your view, an expert-opinion pack")
    parser.add_argument("--lang", choices=["en", "nl"], default="en", help="language of messages")
    actions = parser.add_subparsers(dest="file_action", required=True, parser_class=type(parser))
    my_file_view.register_actions(actions)
