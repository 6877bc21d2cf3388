"""Where things live: the repository's content and the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTENT_DIR = ROOT / "content"
LEGAL_DIR = CONTENT_DIR / "legal"
FONTS_DIR = Path(__file__).resolve().parent / "fonts"


def data_dir() -> Path:
    """The user's data directory: ``$SPOOR2_DATA_DIR``, else ``~/.local/share/spoor2``.

    Created on first use. Nothing is ever written outside it.
    """
    configured = os.environ.get("SPOOR2_DATA_DIR")
    base = Path(configured).expanduser() if configured else Path.home() / ".local" / "share" / "spoor2"
    base.mkdir(parents=True, exist_ok=True)
    return base


def database_url() -> str:
    """``$SPOOR2_DATABASE_URL`` if set (e.g. PostgreSQL in a hosted set-up), else SQLite in the data dir."""
    return os.environ.get("SPOOR2_DATABASE_URL") or f"sqlite:///{data_dir() / 'spoor2.sqlite3'}"
