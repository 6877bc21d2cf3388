"""The store: an embedded SQLite database (or any SQLAlchemy URL) that speaks models and owns all SQL.

* ``Store(path)`` opens (and migrates) a database; ``Store(":memory:")`` is for tests.
* Every record belongs to an owner (``owner_id``). Locally there is one owner (``local``); the
  hosted mode (``postgresql+psycopg://…`` in ``SPOOR2_DATABASE_URL``) makes one ``Store`` view per
  signed-in person with :meth:`Store.for_owner` over a shared engine. There every transaction and
  read first sets ``app.owner_id``/``app.login`` (transaction-local) and PostgreSQL's row-level
  security decides which rows exist (:mod:`spoor2.store.postgres`); the app never migrates a shared
  database (``python -m spoor2 db migrate`` as the owner role does) and refuses to start when the
  schema is behind or ahead or its role could see more than one person's rows.
* Every write runs in a transaction (:meth:`Store.transaction`); dates are ISO text.
* Feature repositories live next to this module (``spoor2/store/timeline_repo.py``, …).
* Uploaded files (evidence) are rows too (``evidence_files``, migration 7), so a file and the row
  that names it commit together; the legacy ``files/`` folder only holds what migration 7 moves in.
* Private on disk: the data folder is 0700, the database, its ``-wal``/``-shm`` and backups 0600;
  SQLite keeps its temporary tables in memory (nothing is written outside the data folder).
* A database that cannot be written (a read-only medium) is opened read-only: reading and export
  still work, a write fails with a message. Every failure of the database or the disk becomes a
  :class:`StoreUnavailable` with a message (never a traceback, never SQL parameters).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import StaticPool

from spoor2.errors import Spoor2Error
from spoor2.paths import data_dir, database_url
from spoor2.store.migrations import DatabaseTooNew, latest_version, migrate

LOCAL_OWNER = "local"
#: Modes of what the store creates: nobody but the person may read it (a shared computer).
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
#: Left behind by an interrupted import or upload of earlier versions; removed at start and on delete.
STRAY_PATTERNS = (".import-*", ".old-*")


class StoreUnavailable(Spoor2Error):
    """The database or the disk failed (full, read-only, damaged, not a database): nothing was changed."""


def _disk_full(folder: Path | None) -> bool:
    try:
        return folder is not None and shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


def store_failure(error: BaseException, folder: Path | None = None) -> StoreUnavailable:
    """The message for a failure of the database or the disk (never its SQL or its parameters).

    ``folder`` is where the data lives: SQLite reports a full disk under WAL as a "disk I/O error".
    """
    original = getattr(error, "orig", None) or error
    text_ = str(original).lower()
    number = getattr(original, "errno", None)
    full = "disk i/o error" in text_ and _disk_full(folder)
    if full or number == errno.ENOSPC or "disk is full" in text_ or "no space" in text_:
        return StoreUnavailable("store_disk_full")
    if number in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text_ or "read-only" in text_:
        return StoreUnavailable("store_read_only")
    if "not a database" in text_ or "malformed" in text_ or "corrupt" in text_:
        return StoreUnavailable("store_corrupt")
    if "locked" in text_ or "busy" in text_:
        return StoreUnavailable("store_busy")
    return StoreUnavailable("store_failed")


def private_file(path: Path) -> None:
    """Make an existing file readable by its owner only (0600)."""
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_mode & 0o077:
            path.chmod(PRIVATE_FILE)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents) if needed; the folder itself is 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_DIR)
    return path


def _prepare_database_file(path: Path) -> None:
    """The data folder 0700 and the database 0600 before SQLite opens it (its -wal/-shm take its mode)."""
    if path.parent.exists() and not path.parent.is_dir():
        raise StoreUnavailable("store_folder_is_a_file", path=str(path.parent))
    private_dir(path.parent)
    if path.is_dir():
        raise StoreUnavailable("store_not_a_file", path=str(path))
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    for suffix in ("", "-wal", "-shm"):
        private_file(Path(f"{path}{suffix}"))


def _writable(path: Path) -> bool:
    """Whether the database (and its folder, for the -wal/-shm files) can be written."""
    folder = path.parent
    if not folder.is_dir():
        return not folder.exists() and _writable(folder)
    if not os.access(folder, os.W_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def clean_strays(files_root: Path) -> None:
    """Remove what interrupted imports and uploads of earlier versions left (staging copies, ``*.part``)."""
    if not files_root.is_dir():
        return
    for pattern in STRAY_PATTERNS:
        for stray in files_root.glob(pattern):
            if stray.is_dir() and not stray.is_symlink():
                shutil.rmtree(stray, ignore_errors=True)
            else:
                stray.unlink(missing_ok=True)
    for part in files_root.rglob("*.part"):
        if part.is_file() or part.is_symlink():
            part.unlink(missing_ok=True)
    for folder in sorted((p for p in files_root.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only empty folders


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


def _make_engine(url: str, *, read_only: bool = False) -> Engine:
    # hide_parameters: an error never carries the values of a statement (a person's data) into a message or log
    if url in ("sqlite://", "sqlite:///:memory:"):
        engine = create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}, hide_parameters=True
        )
    elif read_only and url.startswith("sqlite:///"):
        # a read-only medium: SQLite opens the file with mode=ro and never writes it (nor a -wal or -shm)
        path = url.removeprefix("sqlite:///")
        wal = Path(f"{path}-wal")
        # Without a write-ahead log (a cleanly closed database) nothing can change it on a read-only
        # medium, and immutable=1 lets SQLite read it without creating a -shm file it could not write.
        immutable = "&immutable=1" if not wal.exists() or wal.stat().st_size == 0 else ""
        engine = create_engine(
            f"sqlite:///file:{quote(path)}?mode=ro{immutable}&uri=true",
            connect_args={"check_same_thread": False, "timeout": 30},
            hide_parameters=True,
        )
    elif url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True)
    else:
        return _make_postgres_engine(url)

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
        # temporary tables and sorts stay in memory: nothing of a person's data in /var/tmp
        cursor.execute("PRAGMA temp_store = MEMORY")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        elif url not in ("sqlite://", "sqlite:///:memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


#: Execution options of a connection: whose rows (``app.owner_id``) and which login (``app.login``).
_OWNER_OPTION = "spoor2_owner"
_LOGIN_OPTION = "spoor2_login"
_WRITE_OPTION = "spoor2_write"


def _make_postgres_engine(url: str) -> Engine:
    """A PostgreSQL engine whose every transaction starts by setting the owner and login, locally.

    ``set_config(…, true)`` lasts until the end of the transaction; the pool rolls a connection back
    when it is returned, so what one request set is never seen by the next (an empty setting
    matches no row: owner ids are never empty).
    """
    # every replica has its own pool: plan replicas × (SPOOR2_DB_POOL_SIZE + SPOOR2_DB_MAX_OVERFLOW) connections
    engine = create_engine(
        url,
        pool_pre_ping=True,
        hide_parameters=True,
        pool_size=int(os.environ.get("SPOOR2_DB_POOL_SIZE") or 5),
        max_overflow=int(os.environ.get("SPOOR2_DB_MAX_OVERFLOW") or 5),
    )

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        options = conn.get_execution_options()
        # A write takes the person's own lock first (released at commit): one person's writes follow each
        # other as under SQLite's BEGIN IMMEDIATE (a read-modify-write loses nothing); other people never wait.
        lock = ", pg_advisory_xact_lock(hashtextextended(%(owner)s, 1702))" if options.get(_WRITE_OPTION) else ""
        conn.exec_driver_sql(
            f"SELECT set_config('app.owner_id', %(owner)s, true), set_config('app.login', %(login)s, true){lock}",
            {"owner": options.get(_OWNER_OPTION, ""), "login": options.get(_LOGIN_OPTION, "")},
        )

    return engine


def normal_login(login: str | None) -> str:
    """A login as the identity provider gives it, compared without case or surrounding spaces."""
    return (login or "").strip().lower()


def _is_store_failure(error: DBAPIError) -> bool:
    """The database or the disk failed (not a constraint of the data: those are the caller's to explain)."""
    return isinstance(error, OperationalError) or type(error).__name__ == "DatabaseError"


class Store:
    """A person's data. ``location`` is a path to an SQLite file, ``":memory:"``, or a database URL.

    ``read_only`` (default: when the database file or its folder cannot be written) opens the file
    with ``mode=ro`` and never migrates it; a database that would need an upgrade is then refused
    with a message (it can be read once it is on a writable disk).
    """

    def __init__(
        self,
        location: str | Path | None = None,
        owner_id: str = LOCAL_OWNER,
        *,
        files_root: Path | None = None,
        backup_dir: Path | None = None,
        read_only: bool | None = None,
        login: str | None = None,
        _engine: Engine | None = None,
    ) -> None:
        self.owner_id = owner_id
        #: the signed-in person's login (hosted mode; what an adviser is granted access by)
        self.login = normal_login(login)
        #: whose rows the database lets this view touch (``app.owner_id``); an adviser's view reads
        #: another owner's rows (``owner_id``) while the database still knows it as the adviser
        self.session_owner = owner_id
        self.read_only = False
        self.db_path: Path | None = None
        if _engine is not None:
            self.engine = _engine
            self.url = str(_engine.url)
            self.files_root = files_root or data_dir() / "files"
            return
        try:
            self._open(location, files_root, backup_dir, read_only)
        except Spoor2Error:
            raise
        except (DBAPIError, OSError) as error:
            raise store_failure(error, self._folder()) from error

    def _open(
        self, location: str | Path | None, files_root: Path | None, backup_dir: Path | None, read_only: bool | None
    ) -> None:
        if location is None:
            try:
                url = database_url()
            except OSError as error:  # $SPOOR2_DATA_DIR (or a parent) is a file
                raise StoreUnavailable("store_folder_is_a_file", path=str(error.filename or "")) from error
        elif str(location) == ":memory:":
            url = "sqlite://"
        elif "://" in str(location):
            url = str(location)
        else:
            url = f"sqlite:///{Path(location)}"
        self.db_path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
        if files_root is None:
            files_root = (self.db_path.parent if self.db_path else data_dir()) / "files"
        self.files_root = files_root
        if read_only is None:
            read_only = self.db_path is not None and not _writable(self.db_path)
        self.read_only = read_only
        self.url = url
        if read_only:
            if self.db_path is None or not self.db_path.is_file():
                raise StoreUnavailable("store_read_only_missing", path=str(self.db_path or ""))
            self.engine = _make_engine(url, read_only=True)
            self._check_version_read_only()
            return
        if self.db_path is not None:
            _prepare_database_file(self.db_path)
        self.engine = _make_engine(url)
        if self.hosted:
            self._check_hosted()
            self._ensure_owner()
            return
        migrate(self.engine, db_path=self.db_path, backup_dir=backup_dir, files_root=self.files_root)
        self._ensure_owner()
        clean_strays(self.files_root)
        if self.db_path is not None:
            for suffix in ("-wal", "-shm"):
                private_file(Path(f"{self.db_path}{suffix}"))

    @property
    def hosted(self) -> bool:
        """PostgreSQL, shared by many people (the hosted mode), not a person's own SQLite file."""
        return self.engine.dialect.name == "postgresql"

    def _check_hosted(self) -> None:
        """The app never migrates a shared database, and refuses one its role could see all of."""
        from spoor2.store import postgres

        problem = postgres.version_problem(self.engine)
        if problem is not None:
            code, params = problem
            self.engine.dispose()
            raise (DatabaseTooNew if code == "database_too_new" else StoreUnavailable)(code, **params)
        problems = postgres.check_isolation(self.engine)
        if problems:
            self.engine.dispose()
            raise StoreUnavailable("store_not_isolated", problems="; ".join(problems))

    def _check_version_read_only(self) -> None:
        with self.engine.connect() as conn:
            found = conn.execute(
                text("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
            ).scalar()
            version = (
                int(conn.execute(text("SELECT MAX(version) FROM schema_migrations")).scalar() or 0) if found else 0
            )
        if version > latest_version():
            raise DatabaseTooNew("database_too_new", found=version, supported=latest_version())
        if version < latest_version():
            raise StoreUnavailable("store_read_only_upgrade", found=version, supported=latest_version())

    # -- owner scoping -----------------------------------------------------------------------------

    def for_owner(self, owner_id: str, *, login: str | None = None) -> Store:
        """One person's view over the same database (hosted mode); ``login`` is their login at the identity
        provider (an adviser reads what people granted that login). Creates the owner on first use."""
        if not owner_id:
            raise ValueError("an owner id is never empty (an empty app.owner_id means: nobody)")
        other = Store(owner_id=owner_id, files_root=self.files_root, login=login, _engine=self.engine)
        other.db_path = getattr(self, "db_path", None)
        other.read_only = self.read_only
        if not self.read_only:
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

    # -- connections -------------------------------------------------------------------------------

    def _scoped(self, conn: Connection) -> Connection:
        """The connection, marked with this view's owner and login (set at the start of each transaction)."""
        return conn.execution_options(**{_OWNER_OPTION: self.session_owner, _LOGIN_OPTION: self.login})

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction: everything inside commits together or not at all.

        On PostgreSQL its first statement sets ``app.owner_id`` and ``app.login`` for this transaction only.
        A failure of the database or the disk (full, read-only, damaged) is a :class:`StoreUnavailable`.
        """
        try:
            with self.engine.connect() as conn, self._scoped(conn).execution_options(**{_WRITE_OPTION: True}).begin():
                yield conn
        except DBAPIError as error:
            if not _is_store_failure(error):
                raise
            raise store_failure(error, self._folder()) from error

    def _folder(self) -> Path | None:
        path = getattr(self, "db_path", None)
        return path.parent if path is not None else None

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A read; on PostgreSQL every transaction in it starts by setting this view's owner and login."""
        try:
            with self.engine.connect() as conn:
                yield self._scoped(conn)
        except DBAPIError as error:
            if not _is_store_failure(error):
                raise
            raise store_failure(error, self._folder()) from error

    def schema_version(self) -> int:
        with self.read() as conn:
            return int(conn.execute(text("SELECT MAX(version) FROM schema_migrations")).scalar() or 0)

    def forget_deleted(self) -> None:
        """Leave nothing deleted readable on disk: checkpoint the write-ahead log and rebuild the file.

        SQLite keeps recent pages in ``<db>-wal`` until a checkpoint; ``wal_checkpoint(TRUNCATE)``
        writes them back and empties the log, ``VACUUM`` rebuilds the file without free pages.
        Runs outside any transaction (VACUUM cannot run inside one). Only for a local SQLite file.

        On PostgreSQL (hosted) this does nothing: deleted rows stay in the table files until
        (auto)vacuum reuses their space, and in the write-ahead log and backups until those
        expire. ``VACUUM`` of the tables, WAL retention and backup rotation are the operator's job
        (``deploy/sql/README.md``); the app role may not run VACUUM (it owns no table).
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
        shown = self.engine.url.render_as_string(hide_password=True) if hasattr(self, "engine") else self.url
        return f"Store({shown!r}, owner_id={self.owner_id!r})"
