"""Shared fixtures: every test gets its own data directory and store; nothing touches ~/.

``backend`` runs a test on both stores: the local SQLite file and the hosted PostgreSQL (a
throw-away cluster, :mod:`tests.support.postgres`, through the app role under row-level security).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from spoor2.store import Store
from tests.support.postgres import (  # noqa: F401 - fixtures, defined once here for the whole session
    pg_cluster,
    pg_database,
    pg_fresh_database,
    pg_pool,
    pg_template,
)

ROOT = Path(__file__).resolve().parents[1]

# Hypothesis's time checks are timed assertions: on two busy cores "input generation is slow" failed a test whose
# behaviour was right. The properties stay the same; a test's own @settings inherits this and may add to it.
settings.register_profile("spoor2", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("spoor2")


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


#: The stores a parametrised test runs on: the local default and the hosted one.
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: a test that takes it (or ``make_store``) runs on both."""
    return str(request.param)


@pytest.fixture
def make_store(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[str], Store]]:
    """``make_store(name)`` → an empty store of its own: an SQLite file ``<tmp>/<name>/spoor2.sqlite3``,
    or on PostgreSQL a new person (owner) in a database of its own, seen through the app role."""
    opened: list[Store] = []
    if backend == "sqlite":

        def sqlite_store(name: str) -> Store:
            opened.append(Store(tmp_path / name / "spoor2.sqlite3"))
            return opened[-1]

        yield sqlite_store
    else:
        pool = request.getfixturevalue("pg_pool")
        taken: set[str] = set()

        def postgres_store(name: str) -> Store:
            # a database per name (a store is a database, as an SQLite file is), emptied for each test;
            # the person is a new owner seen through the app role, under row-level security
            from tests.support.postgres import new_owner

            if name in taken:
                raise ValueError(f"make_store({name!r}) twice in one test")
            taken.add(name)
            base = Store(pool.take(name).app_url)
            opened.append(base)
            return base.for_owner(new_owner(), login=f"{name}@example.org")

        yield postgres_store
    for store in opened:
        with contextlib.suppress(Exception):
            store.close()
