"""The organisation's account task ``admin delete-owner`` and each person's own rights on PostgreSQL: export,
import and "delete everything" per person; deleting a person cascades to every table and touches nobody else."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from spoor2.cli import main
from spoor2.errors import ImportRejected
from spoor2.my_data import archive as archive_format
from spoor2.store import Store
from spoor2.store import my_data as data_io
from spoor2.store import tracker as activities_repo
from spoor2.store.postgres import person_tables
from tests.support.my_data import fill_store
from tests.support.postgres import Database, new_owner


def _rows_of(database: Database, owner: str) -> dict[str, int]:
    """Rows per person's table of ``owner``, counted by the owner role (which sees everything)."""
    engine = create_engine(database.owner_url)
    try:
        with engine.connect() as conn:
            return {
                table: int(
                    conn.execute(
                        text(f'SELECT COUNT(*) FROM "{table}" WHERE {"id" if table == "owners" else "owner_id"} = :o'),
                        {"o": owner},
                    ).scalar()
                    or 0
                )
                for table in person_tables(conn)
            }
    finally:
        engine.dispose()


@pytest.fixture
def two(pg_database):  # type: ignore[no-untyped-def]
    base = Store(pg_database.app_url)
    a, b = base.for_owner(new_owner()), base.for_owner(new_owner())
    fill_store(a)
    fill_store(b)
    yield pg_database, a, b
    base.close()


def test_delete_owner_cascades_to_every_table_and_leaves_the_others(two, capsys):
    database, a, b = two
    before_b = _rows_of(database, b.owner_id)
    assert _rows_of(database, a.owner_id)["activities"] == 1
    assert main(["admin", "delete-owner", a.owner_id, "--yes", "--url", database.owner_url]) == 0
    assert a.owner_id in capsys.readouterr().out
    assert set(_rows_of(database, a.owner_id).values()) == {0}
    assert _rows_of(database, b.owner_id) == before_b


def test_delete_owner_needs_yes_and_an_existing_person(two, capsys, monkeypatch):
    database, a, _ = two
    monkeypatch.setenv("SPOOR2_MIGRATE_URL", database.owner_url)
    assert main(["admin", "delete-owner", a.owner_id]) == 2
    assert "--yes" in capsys.readouterr().err
    assert _rows_of(database, a.owner_id)["owners"] == 1
    assert main(["admin", "--lang", "nl", "delete-owner", "nobody-at-all", "--yes"]) == 2
    assert "niets verwijderd" in capsys.readouterr().err
    assert main(["admin", "delete-owner", a.owner_id, "--yes", "--url", "sqlite:///x.sqlite3"]) == 2


def test_the_app_role_cannot_delete_another_person(two):
    database, a, b = two
    # the app role works under row security: acting as B, it cannot delete A
    engine = create_engine(database.app_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("SELECT set_config('app.owner_id', :b, true)"), {"b": b.owner_id})
            assert conn.execute(text("DELETE FROM owners WHERE id = :a"), {"a": a.owner_id}).rowcount == 0
    finally:
        engine.dispose()
    assert _rows_of(database, a.owner_id)["activities"] == 1


def test_delete_everything_removes_the_person_and_nothing_of_anyone_else(two):
    database, a, b = two
    before_b = _rows_of(database, b.owner_id)
    data_io.delete_everything(a)
    assert set(_rows_of(database, a.owner_id).values()) == {0}
    assert _rows_of(database, b.owner_id) == before_b
    again = a.for_owner(a.owner_id)  # the next login creates the person afresh, empty
    assert activities_repo.list_activities(again) == []


def test_export_and_import_per_person(two):
    database, a, b = two
    before_b = _rows_of(database, b.owner_id)
    exported = data_io.export_bytes(a)
    assert data_io.import_bytes(a, exported) == data_io.counts(a)  # a person restores their own backup
    assert archive_format.archive_content(data_io.export_bytes(a)) == archive_format.archive_content(exported)
    # a backup moves to a new account (the old one deleted first: row ids are unique in the shared database)
    data_io.delete_everything(a)
    moved = a.for_owner(new_owner())
    assert data_io.import_bytes(moved, exported)["activities"] == 1
    assert archive_format.archive_content(data_io.export_bytes(moved)) == archive_format.archive_content(exported)
    assert _rows_of(database, b.owner_id) == before_b  # nobody else's data changed


def test_importing_a_backup_whose_rows_another_account_holds_is_refused_whole(two):
    _, a, _ = two
    other = a.for_owner(new_owner())
    with pytest.raises(ImportRejected) as raised:
        data_io.import_bytes(other, data_io.export_bytes(a))
    assert raised.value.code == "my_data.error.conflict"
    assert data_io.counts(other) == dict.fromkeys(data_io.counts(other), 0)  # nothing half-way
