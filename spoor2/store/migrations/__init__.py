"""Named, recorded schema migrations, applied in order, each in its own transaction.

A migration is a module ``mNNNN_name.py`` in this folder, listed in order in ``ORDER`` below, with:

* ``STEPS``: a list of SQL statements (portable SQL: TEXT/INTEGER/REAL, ISO dates as TEXT);
* ``OWNED_TABLES``: the tables it creates that hold a person's data (each has ``owner_id``),
  so that export and delete-everything cover them without a second list to maintain;
* ``FILE_COLUMNS`` (optional): ``{"table": ["column", ...]}``, the columns of its tables whose
  (non-empty) text value names an uploaded file (the id of its row in ``evidence_files``) — so an
  export carries the file and an import refuses an archive that lacks it;
* ``run`` (optional): ``run(conn, files_root)``, Python that runs after the steps in the same
  transaction (e.g. moving files into the database); it may return a function that runs only
  after the commit (removing what was moved).

Applied versions are recorded in ``schema_migrations``. Before upgrading an existing
database file, a backup copy is written next to it (``backups/``).

On PostgreSQL (the hosted mode) the same steps run with the few words that differ translated
(:func:`for_dialect`: ``BLOB`` is ``BYTEA``), each migration holds an advisory lock (two first
migrations at once wait for each other), and after the steps of every migration row-level security
is applied to every person's table (:func:`spoor2.store.postgres.apply_row_security`) in the same
transaction, so a table of a later migration is never without its policy.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from spoor2.errors import Spoor2Error
from spoor2.store.migrations import (
    m0001_core,
    m0002_orientation,
    m0003_activities,
    m0004_questions,
    m0005_questions,
    m0006_activities,
    m0007_evidence_files,
    m0008_response_date_source,
    m0009_my_file,
    m0010_journal,
    m0011_applying,
    m0012_hosted,
)

#: The migration order, explicit: a new migration is added here (and never inserted or renamed).
ORDER = (
    m0001_core,
    m0002_orientation,
    m0003_activities,
    m0004_questions,
    m0005_questions,
    m0006_activities,
    m0007_evidence_files,
    m0008_response_date_source,
    m0009_my_file,
    m0010_journal,
    m0011_applying,
    m0012_hosted,
)

#: ``run(conn, files_root)`` of a migration; what it returns runs after the commit.
PythonStep = Callable[[Connection, "Path | None"], "Callable[[], None] | None"]


class DatabaseTooNew(Spoor2Error, RuntimeError):
    """The database was written by a newer version of the app; it is left untouched."""


class ForeignDatabase(Spoor2Error, RuntimeError):
    """The file is a database of another program (its ``schema_migrations`` is not ours); left untouched."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    steps: tuple[str, ...]
    owned_tables: tuple[str, ...]
    #: table → the columns that name an uploaded file (see the module docstring)
    file_columns: tuple[tuple[str, tuple[str, ...]], ...] = ()
    run: PythonStep | None = None


@cache
def all_migrations() -> tuple[Migration, ...]:
    found: list[Migration] = []
    for module in ORDER:
        info_name = module.__name__.rsplit(".", 1)[1]
        found.append(
            Migration(
                version=int(info_name[1:5]),
                name=info_name[6:],
                steps=tuple(module.STEPS),
                owned_tables=tuple(getattr(module, "OWNED_TABLES", ())),
                file_columns=tuple(
                    (table, tuple(columns)) for table, columns in getattr(module, "FILE_COLUMNS", {}).items()
                ),
                run=getattr(module, "run", None),
            )
        )
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"ORDER must list migrations 1..N in order without gaps, found {versions}")
    return tuple(found)


def owned_tables() -> tuple[str, ...]:
    """Every table that holds a person's data, in creation order (parents before children)."""
    return tuple(t for m in all_migrations() for t in m.owned_tables)


def file_columns() -> dict[str, tuple[str, ...]]:
    """Table → the columns whose text names an uploaded file (declared by the migrations)."""
    found: dict[str, list[str]] = {}
    for migration in all_migrations():
        for table, columns in migration.file_columns:
            found.setdefault(table, []).extend(c for c in columns if c not in found.get(table, []))
    return {table: tuple(columns) for table, columns in found.items()}


def latest_version() -> int:
    return all_migrations()[-1].version


def _backup(db_path: Path, backup_dir: Path | None, version: int) -> Path:
    folder = backup_dir or db_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{db_path.stem}-v{version}-{stamp}.sqlite3"
    folder.chmod(0o700)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT, 0o600))  # a full copy of the data: the person's only
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(target)
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()
    return target


_DIALECT_WORDS = {"postgresql": ((re.compile(r"\bBLOB\b"), "BYTEA"),)}


def for_dialect(step: str, dialect: str) -> str:
    """A portable SQL step in the words of ``dialect`` (``sqlite`` unchanged; ``postgresql``: ``BLOB`` → ``BYTEA``).

    >>> for_dialect("CREATE TABLE f (content BLOB NOT NULL, blobs TEXT)", "postgresql")
    'CREATE TABLE f (content BYTEA NOT NULL, blobs TEXT)'
    >>> for_dialect("CREATE TABLE f (content BLOB)", "sqlite")
    'CREATE TABLE f (content BLOB)'
    """
    for pattern, replacement in _DIALECT_WORDS.get(dialect, ()):
        step = pattern.sub(replacement, step)
    return step


def _postgres_lock(conn: Connection) -> None:
    from spoor2.store.postgres import MIGRATION_LOCK

    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})


def migrate(
    engine: Engine,
    *,
    target: int | None = None,
    db_path: Path | None = None,
    backup_dir: Path | None = None,
    files_root: Path | None = None,
) -> list[str]:
    """Bring the database to ``target`` (default: latest). Returns the names applied.

    ``files_root`` is the folder of uploaded files of earlier versions (for migrations that move them in).
    """
    target = latest_version() if target is None else target
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            _postgres_lock(conn)
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        )
        found = conn.execute(text("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")).scalar()
    if isinstance(found, str) and found.isdigit():
        found = int(found)
    if not isinstance(found, int) or isinstance(found, bool):  # another program's table of the same name
        raise ForeignDatabase("database_foreign")
    current = found
    if current > latest_version():
        # refuse before anything is written (no backup, no migration): the newer app owns this file
        raise DatabaseTooNew("database_too_new", found=current, supported=latest_version())
    pending = [m for m in all_migrations() if current < m.version <= target]
    if pending and current > 0 and db_path is not None and db_path.exists():
        _backup(db_path, backup_dir, current)
    applied = [m.name for m in pending if _apply(engine, m, files_root)]
    if engine.dialect.name == "postgresql" and not applied:
        # nothing to apply: still repair the row security (idempotent), e.g. a policy dropped by hand
        from spoor2.store.postgres import apply_row_security

        with engine.begin() as conn:
            _postgres_lock(conn)
            apply_row_security(conn)
    return applied


def _apply(engine: Engine, migration: Migration, files_root: Path | None) -> bool:
    """Apply one migration in its own transaction; ``False`` when another process already had."""
    dialect = engine.dialect.name
    postgres = dialect == "postgresql"
    after_commit = None
    with engine.begin() as conn:
        if postgres:
            _postgres_lock(conn)
        # Another process may have applied it since we looked (two first starts at once). The
        # write lock is ours now (BEGIN IMMEDIATE, or the advisory lock), so this check and the steps cannot interleave.
        if conn.execute(text("SELECT 1 FROM schema_migrations WHERE version = :v"), {"v": migration.version}).first():
            return False
        for step in migration.steps:
            conn.execute(text(for_dialect(step, dialect)))
        if migration.run is not None:
            # a shared database has no files folder of earlier versions (they were always local)
            after_commit = migration.run(conn, None if postgres else files_root)
        if postgres:
            from spoor2.store.postgres import apply_row_security

            apply_row_security(conn)
        conn.execute(
            text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :at)"),
            {"v": migration.version, "n": migration.name, "at": datetime.now(UTC).isoformat(timespec="seconds")},
        )
    if after_commit is not None:
        after_commit()
    return True
