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
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import StaticPool

from spoor2.paths import data_dir, database_url
from spoor2.store.migrations import migrate

LOCAL_OWNER = "local"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")


def upsert_sql(table: str, key_columns: Sequence[str], columns: Sequence[str], same: Sequence[str] = ()) -> str:
    """The one ``INSERT … ON CONFLICT … DO UPDATE`` of the store, built from constant names only.

    Every column that is not a key (nor in ``same``) takes the new value; ``same`` columns must
    already hold the new value for the row to change (a row of another owner is left alone).
    Values are bound parameters named after their columns.

    >>> print(upsert_sql("settings", ("owner_id", "key"), ("owner_id", "key", "value", "updated_at")))
    INSERT INTO settings (owner_id, key, value, updated_at) VALUES (:owner_id, :key, :value, :updated_at) \
ON CONFLICT (owner_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
    >>> print(upsert_sql("meetings", ("id",), ("id", "owner_id", "agreed"), same=("owner_id",)))
    INSERT INTO meetings (id, owner_id, agreed) VALUES (:id, :owner_id, :agreed) \
ON CONFLICT (id) DO UPDATE SET agreed = excluded.agreed WHERE meetings.owner_id = excluded.owner_id
    >>> upsert_sql("settings; DROP TABLE owners", ("owner_id",), ("owner_id", "value"))
    Traceback (most recent call last):
    ...
    ValueError: not a table or column name: 'settings; DROP TABLE owners'
    """
    for name in (table, *key_columns, *columns, *same):
        if not _IDENTIFIER.fullmatch(name):
            raise ValueError(f"not a table or column name: {name!r}")
    if not set(key_columns) | set(same) <= set(columns):
        raise ValueError(f"{table}: key and same columns must be among the columns")
    updated = [c for c in columns if c not in key_columns and c not in same]
    if not updated:
        raise ValueError(f"{table}: nothing to update")
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)}) "
        f"ON CONFLICT ({', '.join(key_columns)}) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in updated)}"
    )
    if same:
        sql += " WHERE " + " AND ".join(f"{table}.{c} = excluded.{c}" for c in same)
    return sql


def upsert(
    conn: Connection, table: str, key_columns: Sequence[str], values: Mapping[str, object], same: Sequence[str] = ()
) -> None:
    """Insert a row, or update the row with the same key (see :func:`upsert_sql`); inside a transaction."""
    conn.execute(text(upsert_sql(table, key_columns, tuple(values), same)), dict(values))


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
        # what is deleted is overwritten, not merely marked free (a person's "delete" means gone)
        cursor.execute("PRAGMA secure_delete = ON")
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

    def forget_deleted(self) -> None:
        """Leave nothing deleted readable on disk: checkpoint the write-ahead log and rebuild the file.

        SQLite keeps recent pages in ``<db>-wal`` until a checkpoint; ``wal_checkpoint(TRUNCATE)``
        writes them back and empties the log, ``VACUUM`` rebuilds the file without free pages.
        Runs outside any transaction (VACUUM cannot run inside one). Only for a local SQLite file.
        """
        if self.db_path is None:
            return
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.execute("VACUUM")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({self.url!r}, owner_id={self.owner_id!r})"
