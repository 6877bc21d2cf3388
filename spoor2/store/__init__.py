"""The store: an embedded SQLite database (or any SQLAlchemy URL) that speaks models and owns all SQL.

* ``Store(path)`` opens (and migrates) a database; ``Store(":memory:")`` is for tests.
* Every record belongs to an owner (``owner_id``). There is one local owner for now; a
  hosted mode will construct one ``Store`` view per signed-in person with :meth:`Store.for_owner`
  over a shared engine (e.g. PostgreSQL via ``SPOOR2_DATABASE_URL``) — a configuration change.
* Every write runs in a transaction (:meth:`Store.transaction`); dates are ISO text.
* Feature repositories live next to this module (``spoor2/store/timeline_repo.py``, …).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import StaticPool

from spoor2.paths import data_dir, database_url
from spoor2.store.migrations import migrate

LOCAL_OWNER = "local"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _make_engine(url: str) -> Engine:
    if url in ("sqlite://", "sqlite:///:memory:"):
        engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    elif url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    else:  # pragma: no cover - hosted mode, not used yet
        return create_engine(url, pool_pre_ping=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # We issue BEGIN ourselves (below), so that writers take the lock up front
        # (BEGIN IMMEDIATE) instead of failing half-way when two sessions write at once.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        if url not in ("sqlite://", "sqlite:///:memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class Store:
    """A person's data. ``location`` is a path to an SQLite file, ``":memory:"``, or a database URL."""

    def __init__(
        self,
        location: str | Path | None = None,
        owner_id: str = LOCAL_OWNER,
        *,
        files_root: Path | None = None,
        backup_dir: Path | None = None,
        _engine: Engine | None = None,
    ) -> None:
        self.owner_id = owner_id
        if _engine is not None:
            self.engine = _engine
            self.url = str(_engine.url)
            self.files_root = files_root or data_dir() / "files"
            return
        if location is None:
            url = database_url()
        elif str(location) == ":memory:":
            url = "sqlite://"
        elif "://" in str(location):
            url = str(location)
        else:
            path = Path(location)
            path.parent.mkdir(parents=True, exist_ok=True)
            url = f"sqlite:///{path}"
        self.url = url
        self.engine = _make_engine(url)
        self.db_path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
        if files_root is None:
            files_root = (self.db_path.parent if self.db_path else data_dir()) / "files"
        self.files_root = files_root
        migrate(self.engine, db_path=self.db_path, backup_dir=backup_dir)
        self._ensure_owner()

    # -- owner scoping -----------------------------------------------------------------------------

    def for_owner(self, owner_id: str) -> Store:
        """Another person's view over the same database (hosted mode)."""
        other = Store(owner_id=owner_id, files_root=self.files_root, _engine=self.engine)
        other.db_path = getattr(self, "db_path", None)
        other._ensure_owner()
        return other

    def _ensure_owner(self) -> None:
        with self.transaction() as conn:
            exists = conn.execute(text("SELECT 1 FROM owners WHERE id = :id"), {"id": self.owner_id}).first()
            if not exists:
                conn.execute(
                    text("INSERT INTO owners (id, created_at) VALUES (:id, :at)"),
                    {"id": self.owner_id, "at": now_iso()},
                )

    def owner_files_dir(self) -> Path:
        """This owner's folder for uploaded files (evidence). Created on first use."""
        folder = self.files_root / self.owner_id
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    # -- connections -------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction: everything inside commits together or not at all."""
        with self.engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def schema_version(self) -> int:
        with self.read() as conn:
            return int(conn.execute(text("SELECT MAX(version) FROM schema_migrations")).scalar() or 0)

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({self.url!r}, owner_id={self.owner_id!r})"
