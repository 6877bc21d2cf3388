"""``python -m spoor2 file view|pack|whole`` — the person's view, the expert-opinion pack, the whole file."""

from __future__ import annotations

from typing import Any


def register_actions(actions: Any) -> None:
    """Add ``view``, ``pack`` and ``whole`` to the ``file`` command's actions."""
    view = actions.add_parser("view", help="write your view for the reintegration report (.docx or .pdf)")
    view.set_defaults(handler=lambda _args: view.print_help() or 0)
