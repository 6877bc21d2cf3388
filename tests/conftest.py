"""Shared fixtures: every test gets its own data directory and store; nothing touches ~/."""

from __future__ import annotations

from pathlib import Path

import pytest

from spoor2.store import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty SPOOR2_DATA_DIR per test, so the app and CLI under test use a fresh store."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("SPOOR2_DATA_DIR", str(folder))
    monkeypatch.delenv("SPOOR2_DATABASE_URL", raising=False)
    return folder


@pytest.fixture
def store(data_dir: Path) -> Store:
    """A store on a temporary file (the same one the app under AppTest will open)."""
    return Store(data_dir / "spoor2.sqlite3")


@pytest.fixture
def memory_store(tmp_path: Path) -> Store:
    return Store(":memory:", files_root=tmp_path / "files")
