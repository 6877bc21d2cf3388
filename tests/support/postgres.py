"""A throw-away PostgreSQL 15 for the hosted-mode tests: one cluster per test session, one database per module.

* ``SPOOR2_TEST_PG_ADMIN_URL`` (a superuser's ``postgresql+psycopg://`` URL) uses a server that is
  already running (``.ci/run`` may start one); otherwise a cluster is made with the Debian binaries
  in ``/usr/lib/postgresql/15/bin``, as the ``postgres`` user when we are root (``initdb`` and
  ``pg_ctl`` refuse to run as root), listening on a Unix socket in a temporary folder only
  (``listen_addresses=''``: no network at all).
* The roles and grants are the deployment's own (``deploy/sql/``); each database is migrated as
  the owner role, the way ``python -m spoor2 db migrate`` does it.
* Without PostgreSQL the tests skip with a visible reason, except under ``CI=true`` (they fail).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.support.skips import skip_unless_ci

ROOT = Path(__file__).resolve().parents[2]

BIN = Path("/usr/lib/postgresql/15/bin")
SQL = ROOT / "deploy" / "sql"
OWNER_ROLE = "spoor2_owner"
APP_ROLE = "spoor2_app"


@dataclass(frozen=True)
class Cluster:
    """A running server and a superuser's URL to it (any database of it)."""

    admin_url: str

    def url(self, database: str, role: str | None = None) -> str:
        url = make_url(self.admin_url).set(database=database)
        if role is not None:
            url = url.set(username=role, password=None)
        return url.render_as_string(hide_password=False)

    def run_sql(self, database: str, sql: str, role: str | None = None) -> None:
        import psycopg

        with psycopg.connect(_conninfo(self.url(database, role)), autocommit=True) as conn:
            conn.execute(sql.encode())


@dataclass(frozen=True)
class Database:
    """One migrated database: the superuser's, the owner role's and the app role's URLs."""

    cluster: Cluster
    name: str

    @property
    def admin_url(self) -> str:
        return self.cluster.url(self.name)

    @property
    def owner_url(self) -> str:
        return self.cluster.url(self.name, OWNER_ROLE)

    @property
    def app_url(self) -> str:
        return self.cluster.url(self.name, APP_ROLE)


def _conninfo(url: str) -> str:
    """A libpq connection string for psycopg from an SQLAlchemy URL."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _as_postgres(root: bool) -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if root else []


def _start_cluster(folder: Path) -> tuple[Cluster, list[str]]:
    root = os.geteuid() == 0
    if root:
        shutil.chown(folder, user="postgres", group="postgres")
    folder.chmod(0o700)
    data = folder / "data"
    prefix = _as_postgres(root)
    subprocess.run(
        [*prefix, str(BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    options = f"-c listen_addresses='' -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run(
        [*prefix, str(BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    stop = [*prefix, str(BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
    return Cluster(admin_url=f"postgresql+psycopg://postgres@/postgres?host={folder}"), stop


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    configured = os.environ.get("SPOOR2_TEST_PG_ADMIN_URL")
    if configured:
        cluster = Cluster(admin_url=configured)
        _create_roles(cluster)
        yield cluster
        return
    if not (BIN / "initdb").is_file():
        skip_unless_ci(f"PostgreSQL 15 is not installed ({BIN}) and SPOOR2_TEST_PG_ADMIN_URL is not set")
    folder = Path(tempfile.mkdtemp(prefix="spoor2-pg-"))
    try:
        cluster, stop = _start_cluster(folder)
    except (subprocess.CalledProcessError, OSError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        detail = getattr(error, "stderr", b"") or b""
        skip_unless_ci(f"a throw-away PostgreSQL cluster could not be started: {error} {detail.decode()[-300:]}")
    try:
        _create_roles(cluster)
        yield cluster
    finally:
        subprocess.run(stop, check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def _create_roles(cluster: Cluster) -> None:
    import psycopg

    with psycopg.connect(_conninfo(cluster.url("postgres")), autocommit=True) as conn:
        present = conn.execute(
            "SELECT COUNT(*) FROM pg_roles WHERE rolname IN (%s, %s)", (OWNER_ROLE, APP_ROLE)
        ).fetchone()
        if present and present[0] == 0:
            conn.execute((SQL / "01_roles.sql").read_bytes())


def create_database(cluster: Cluster, *, migrate: bool = True) -> Database:
    """A new database with the deployment's grants, migrated as the owner role."""
    from spoor2.store.postgres import migrate_url

    name = f"spoor2_test_{uuid.uuid4().hex[:12]}"
    cluster.run_sql("postgres", f'CREATE DATABASE "{name}" OWNER {OWNER_ROLE}')
    cluster.run_sql(name, (SQL / "02_database.sql").read_text())
    database = Database(cluster=cluster, name=name)
    if migrate:
        migrate_url(database.owner_url)
    return database


def drop_database(database: Database) -> None:
    with contextlib.suppress(Exception):
        database.cluster.run_sql("postgres", f'DROP DATABASE IF EXISTS "{database.name}" WITH (FORCE)')


def copy_database(template: Database) -> Database:
    """A new database copied from a migrated one (fast: no migration), with the deployment's grants."""
    name = f"spoor2_test_{uuid.uuid4().hex[:12]}"
    template.cluster.run_sql("postgres", f'CREATE DATABASE "{name}" TEMPLATE "{template.name}" OWNER {OWNER_ROLE}')
    template.cluster.run_sql(name, (SQL / "02_database.sql").read_text())  # a database's own grants are not copied
    return Database(cluster=template.cluster, name=name)


@pytest.fixture(scope="session")
def pg_template(pg_cluster: Cluster) -> Iterator[Database]:
    """A database migrated once per session, never used directly: the template of the others."""
    database = create_database(pg_cluster)
    yield database
    drop_database(database)


@pytest.fixture(scope="module")
def pg_database(pg_template: Database) -> Iterator[Database]:
    """One migrated database per test module (tests keep apart by using their own owner ids)."""
    database = copy_database(pg_template)
    yield database
    drop_database(database)


@pytest.fixture
def pg_fresh_database(pg_template: Database) -> Iterator[Database]:
    """A migrated database of this test alone."""
    database = copy_database(pg_template)
    yield database
    drop_database(database)


def new_owner() -> str:
    """A fresh owner id (the hosted mode's ids are opaque hashes; tests only need them unique)."""
    return f"owner-{uuid.uuid4().hex}"


def empty_database(database: Database) -> None:
    """Remove every person's rows (as the owner role): the database is as freshly migrated."""
    import psycopg

    with psycopg.connect(_conninfo(database.owner_url), autocommit=True) as conn:
        conn.execute("TRUNCATE owners CASCADE")


class DatabasePool:
    """Databases of one test module by name, each emptied when a test takes it (quicker than a new one)."""

    def __init__(self, template: Database) -> None:
        self.template = template
        self.databases: dict[str, Database] = {}

    def take(self, name: str) -> Database:
        if name not in self.databases:
            self.databases[name] = copy_database(self.template)
        else:
            empty_database(self.databases[name])
        return self.databases[name]

    def close(self) -> None:
        for database in self.databases.values():
            drop_database(database)


@pytest.fixture(scope="module")
def pg_pool(pg_template: Database) -> Iterator[DatabasePool]:
    pool = DatabasePool(pg_template)
    yield pool
    pool.close()
