"""Isolation by PostgreSQL: through the app role, one person's rows do not exist for another — for every table.

The tables come from the migrations (``owned_tables()``) and from the database itself (every table
with an ``owner_id``), so a table a later feature adds is tested without being named here. The SQL
below has no ``WHERE owner_id``: row-level security alone keeps the people apart.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import ProgrammingError

from spoor2.store import Store
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as activities_repo
from spoor2.store.migrations import owned_tables
from spoor2.store.postgres import person_tables
from tests.support.my_data import fill_store
from tests.support.postgres import Database, new_owner


def _engine(url: str) -> Engine:
    return create_engine(url, hide_parameters=True)


def _tables(database: Database) -> list[str]:
    engine = _engine(database.owner_url)
    try:
        with engine.connect() as conn:
            return person_tables(conn)
    finally:
        engine.dispose()


def _as(conn, owner: str | None, login: str = "") -> None:  # type: ignore[no-untyped-def]
    """Set the owner in this transaction, the way the store does it (``None``: set nothing at all)."""
    if owner is not None:
        conn.execute(
            text("SELECT set_config('app.owner_id', :o, true), set_config('app.login', :l, true)"),
            {"o": owner, "l": login},
        )


@pytest.fixture(scope="module")
def two_people(pg_database: Database):  # type: ignore[no-untyped-def]
    """Two people on one database, A with a row in every table (written by the app), B with the same."""
    base = Store(pg_database.app_url)
    a, b = base.for_owner(new_owner()), base.for_owner(new_owner())
    fill_store(a)
    fill_store(b)
    yield pg_database, a, b
    base.close()


def test_every_owned_table_is_covered_by_the_test(two_people):
    database, a, _ = two_people
    tables = _tables(database)
    assert set(owned_tables()) | {"owners", "evidence_files"} <= set(tables)
    raw = _engine(database.owner_url)  # the owner role bypasses row security: A really has a row everywhere
    try:
        with raw.connect() as conn:
            for table in tables:
                column = "id" if table == "owners" else "owner_id"
                found = conn.execute(text(f'SELECT COUNT(*) FROM "{table}" WHERE {column} = :o'), {"o": a.owner_id})
                assert found.scalar(), f"fill_store wrote no row of {table}: its isolation would go untested"
    finally:
        raw.dispose()


def _unfilled(database: Database, owner: str) -> set[str]:
    """Tables fill_store wrote no row of (``test_every_owned_table_is_covered_by_the_test`` fails for them)."""
    raw = _engine(database.owner_url)
    try:
        with raw.connect() as conn:
            return {
                table
                for table in _tables(database)
                if not conn.execute(
                    text(f'SELECT COUNT(*) FROM "{table}" WHERE {"id" if table == "owners" else "owner_id"} = :o'),
                    {"o": owner},
                ).scalar()
            }
    finally:
        raw.dispose()


def test_a_person_sees_only_their_own_rows_in_every_table_without_any_where(two_people):
    database, a, _ = two_people
    unfilled = _unfilled(database, a.owner_id)
    engine = _engine(database.app_url)
    try:
        for table in _tables(database):
            column = "id" if table == "owners" else "owner_id"
            with engine.begin() as conn:
                _as(conn, a.owner_id)
                seen = set(conn.execute(text(f'SELECT {column} FROM "{table}"')).scalars())
            # A's rows are there (the test can fail; a table fill_store leaves empty fails the test above), B's not
            assert seen <= {a.owner_id}, table
            assert seen or table in unfilled, table
    finally:
        engine.dispose()


def test_another_persons_rows_cannot_be_updated_deleted_or_inserted(two_people):
    database, a, b = two_people
    unfilled = _unfilled(database, b.owner_id)
    engine = _engine(database.app_url)
    try:
        for table in _tables(database):
            if table in unfilled:
                continue  # nothing of B's to try with (the coverage test above fails for it)
            column = "id" if table == "owners" else "owner_id"
            with engine.begin() as conn:
                _as(conn, b.owner_id)
                changed = conn.execute(
                    text(f'UPDATE "{table}" SET {column} = {column} WHERE {column} = :a'), {"a": a.owner_id}
                )
                assert changed.rowcount == 0, table
                deleted = conn.execute(text(f'DELETE FROM "{table}" WHERE {column} = :a'), {"a": a.owner_id})
                assert deleted.rowcount == 0, table
            # B cannot hand a row of theirs to A (WITH CHECK on update) …
            with pytest.raises(ProgrammingError, match="row-level security"), engine.begin() as conn:
                _as(conn, b.owner_id)
                conn.execute(text(f'UPDATE "{table}" SET {column} = :a'), {"a": a.owner_id})
            # … nor write a row in A's name (WITH CHECK on insert)
            with pytest.raises(ProgrammingError, match="row-level security"), engine.begin() as conn:
                _as(conn, b.owner_id)
                row = dict(conn.execute(text(f'SELECT * FROM "{table}" LIMIT 1')).mappings().one())
                row[column] = a.owner_id
                names = ", ".join(f'"{name}"' for name in row)
                values = ", ".join(f":p{i}" for i in range(len(row)))
                params = {f"p{i}": value for i, value in enumerate(row.values())}
                conn.execute(text(f'INSERT INTO "{table}" ({names}) VALUES ({values})'), params)
    finally:
        engine.dispose()
    # and A's data is all still there, as the app reads it
    assert activities_repo.list_activities(a)[0].organisation == "Acme"


def test_with_no_owner_set_no_row_exists(two_people):
    database, _, _ = two_people
    engine = _engine(database.app_url)
    try:
        for table in _tables(database):
            for owner in (None, ""):  # never set, and set to nothing
                with engine.begin() as conn:
                    _as(conn, owner)
                    assert conn.execute(text(f'SELECT COUNT(*) FROM "{table}"')).scalar() == 0, table
    finally:
        engine.dispose()


def test_two_people_alternating_on_a_pool_of_one_connection_leak_nothing(pg_database, monkeypatch):
    monkeypatch.setenv("SPOOR2_DB_POOL_SIZE", "1")
    monkeypatch.setenv("SPOOR2_DB_MAX_OVERFLOW", "0")
    base = Store(pg_database.app_url)
    try:
        a, b = base.for_owner(new_owner()), base.for_owner(new_owner())
        pids = set()
        for round_ in range(3):
            for person in (a, b):
                with person.transaction() as conn:
                    pids.add(conn.execute(text("SELECT pg_backend_pid()")).scalar())
                    assert (
                        conn.execute(text("SELECT current_setting('app.owner_id', true)")).scalar() == person.owner_id
                    )
                timeline_repo.set_setting(person, "timeline.view", f"{person.owner_id}-{round_}")
                # the same pooled connection, outside any store transaction: nothing of the last person
                raw = base.engine.raw_connection()
                try:
                    cursor = raw.cursor()
                    cursor.execute("SELECT pg_backend_pid(), current_setting('app.owner_id', true)")
                    pid, setting = cursor.fetchone()
                    pids.add(pid)
                    assert setting in ("", None)
                    cursor.execute("SELECT COUNT(*) FROM settings")
                    assert cursor.fetchone()[0] == 0
                finally:
                    raw.close()
        assert len(pids) == 1  # really one connection, shared by both people
        assert timeline_repo.get_setting(a, "timeline.view") == f"{a.owner_id}-2"
        assert timeline_repo.get_setting(b, "timeline.view") == f"{b.owner_id}-2"
        with a.read() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM settings")).scalar() == 1
    finally:
        base.close()


def test_nobody_can_count_the_other_people(two_people):
    _, a, _ = two_people
    with a.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM owners")).scalar() == 1
        assert conn.execute(text("SELECT COUNT(DISTINCT owner_id) FROM activities")).scalar() == 1
