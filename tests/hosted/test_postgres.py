"""The PostgreSQL store: the app migrates nothing, checks its role and the policies at start, and refuses when
anything could let one person see another's rows — with a message in both languages, never a traceback."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text

from spoor2.cli import main
from spoor2.store import Store, StoreUnavailable
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as activities_repo
from spoor2.store.migrations import DatabaseTooNew, latest_version
from spoor2.store.postgres import check_isolation, make_engine
from tests.support.postgres import APP_ROLE, Database, create_database, drop_database, new_owner


def _owner_sql(database: Database, sql: str) -> None:
    engine = create_engine(database.owner_url)
    try:
        with engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _refused(url: str) -> StoreUnavailable:
    with pytest.raises(StoreUnavailable) as raised:
        Store(url)
    return raised.value


def test_the_app_role_passes_the_check_and_uses_the_store(pg_fresh_database):
    engine = make_engine(pg_fresh_database.app_url)
    try:
        assert check_isolation(engine) == []
    finally:
        engine.dispose()
    store = Store(pg_fresh_database.app_url).for_owner(new_owner())
    assert store.hosted and store.schema_version() == latest_version()
    timeline_repo.set_setting(store, "timeline.view", "list")
    assert timeline_repo.get_setting(store, "timeline.view") == "list"
    assert "spoor2_app" in repr(store)


def test_every_transaction_and_read_sets_the_owner_first(pg_database):
    store = Store(pg_database.app_url).for_owner(new_owner(), login="Me@Example.org")
    with store.transaction() as conn:
        found = conn.execute(text("SELECT current_setting('app.owner_id', true), current_setting('app.login', true)"))
        assert found.one() == (store.owner_id, "me@example.org")
    with store.read() as conn:
        assert conn.execute(text("SELECT current_setting('app.owner_id', true)")).scalar() == store.owner_id
        conn.commit()  # a second transaction on the same connection sets it again
        assert conn.execute(text("SELECT current_setting('app.owner_id', true)")).scalar() == store.owner_id


def test_a_superuser_is_refused(pg_database):
    refused = _refused(pg_database.admin_url)
    assert refused.code == "store_not_isolated"
    assert "superuser" in refused.params["problems"]
    assert "more than one person" in refused.message("en")
    assert "meer dan één persoon" in refused.message("nl")


def test_the_owner_role_is_refused_it_owns_the_tables(pg_database):
    refused = _refused(pg_database.owner_url)
    assert "owns the table activities" in refused.params["problems"]
    assert "BYPASSRLS" in refused.params["problems"]


@pytest.fixture
def extra_role(pg_database):  # type: ignore[no-untyped-def]
    """A second login role with the app's grants; the test gives it one more power."""
    name = f"spoor2_extra_{uuid.uuid4().hex[:8]}"
    cluster = pg_database.cluster
    cluster.run_sql("postgres", f"CREATE ROLE {name} LOGIN NOSUPERUSER NOBYPASSRLS")
    cluster.run_sql(
        pg_database.name,
        f"GRANT CONNECT ON DATABASE {pg_database.name} TO {name}; GRANT USAGE ON SCHEMA public TO {name}; "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}; "
        f"REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM {name}",
    )
    yield name
    cluster.run_sql(pg_database.name, f"DROP OWNED BY {name}")
    cluster.run_sql("postgres", f"DROP ROLE {name}")


def test_a_role_with_bypassrls_is_refused_and_without_it_accepted(pg_database, extra_role):
    url = pg_database.cluster.url(pg_database.name, extra_role)
    Store(url).close()  # the app's powers only: accepted (the test can pass)
    pg_database.cluster.run_sql("postgres", f"ALTER ROLE {extra_role} BYPASSRLS")
    refused = _refused(url)
    assert "BYPASSRLS" in refused.params["problems"]


def test_a_role_that_may_create_tables_is_refused(pg_database, extra_role):
    pg_database.cluster.run_sql(pg_database.name, f"GRANT CREATE ON SCHEMA public TO {extra_role}")
    refused = _refused(pg_database.cluster.url(pg_database.name, extra_role))
    assert "may create tables" in refused.params["problems"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            "CREATE TABLE notes_extra (owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE, body TEXT)",
            "the table notes_extra has no ENABLED and FORCED row-level security",
        ),
        ("ALTER TABLE activities NO FORCE ROW LEVEL SECURITY", "the table activities has no ENABLED and FORCED"),
        ("ALTER TABLE owners DISABLE ROW LEVEL SECURITY", "the table owners has no ENABLED and FORCED"),
        ("DROP POLICY spoor2_owner_rows ON meetings", "the table meetings has no owner policy"),
        (
            "CREATE POLICY everyone ON settings FOR SELECT USING (true)",
            "the table settings has an unknown policy everyone",
        ),
    ],
)
def test_a_table_without_a_forced_owner_policy_is_refused(pg_fresh_database, change, problem):
    _owner_sql(pg_fresh_database, change)
    _owner_sql(pg_fresh_database, f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {APP_ROLE}")
    refused = _refused(pg_fresh_database.app_url)
    assert problem in refused.params["problems"]
    assert main(["db", "check", "--url", pg_fresh_database.app_url]) == 2
    # `db migrate` puts the row security back (every person's table, also one it did not create)
    assert main(["db", "migrate", "--url", pg_fresh_database.owner_url]) == 0
    Store(pg_fresh_database.app_url).close()


def test_a_database_behind_or_ahead_of_the_app_is_refused_not_migrated(pg_fresh_database):
    _owner_sql(pg_fresh_database, f"DELETE FROM schema_migrations WHERE version = {latest_version()}")
    refused = _refused(pg_fresh_database.app_url)
    assert refused.code == "store_schema_behind"
    assert "db migrate" in refused.message("en") and "db migrate" in refused.message("nl")
    _owner_sql(
        pg_fresh_database,
        f"INSERT INTO schema_migrations VALUES ({latest_version() + 1}, 'new', 'x'), ({latest_version()}, 'l', 'x')",
    )
    with pytest.raises(DatabaseTooNew):
        Store(pg_fresh_database.app_url)


def test_db_migrate_as_the_owner_role_and_the_app_role_cannot(pg_cluster, capsys):
    database = create_database(pg_cluster, migrate=False)
    try:
        assert _refused(database.app_url).code == "store_schema_behind"  # empty: the app does not migrate it
        assert main(["db", "migrate", "--url", database.app_url]) == 2
        assert "owner role" in capsys.readouterr().err
        assert main(["db", "check", "--url", database.app_url]) == 2
        assert main(["db", "migrate", "--url", database.owner_url]) == 0
        assert f"schema version {latest_version()}" in capsys.readouterr().out
        assert main(["db", "--lang", "nl", "migrate", "--url", database.owner_url]) == 0
        assert "0 stappen" in capsys.readouterr().out  # nothing left to do
        assert main(["db", "check", "--url", database.app_url]) == 0
        assert "ready" in capsys.readouterr().out
        store = Store(database.app_url).for_owner(new_owner())
        assert activities_repo.list_activities(store) == []
        store.close()
    finally:
        drop_database(database)


def test_db_migrate_reads_its_url_from_the_environment_and_needs_one(pg_database, monkeypatch, capsys):
    monkeypatch.delenv("SPOOR2_MIGRATE_URL", raising=False)
    assert main(["db", "migrate"]) == 2
    assert "SPOOR2_MIGRATE_URL" in capsys.readouterr().err
    monkeypatch.setenv("SPOOR2_MIGRATE_URL", pg_database.owner_url)
    assert main(["db", "migrate"]) == 0


def test_an_unreachable_database_is_a_message(tmp_path, capsys):
    url = f"postgresql+psycopg://spoor2_app@/nothing?host={tmp_path}"
    assert _refused(url).code == "store_failed"
    assert main(["db", "check", "--url", url]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_the_store_reads_its_url_from_the_environment(pg_database, monkeypatch):
    monkeypatch.setenv("SPOOR2_DATABASE_URL", pg_database.app_url)
    store = Store()
    assert store.hosted and store.db_path is None
    store.close()


def test_an_app_role_that_may_change_the_schema_version_is_refused(pg_fresh_database):
    _owner_sql(pg_fresh_database, f"GRANT INSERT ON schema_migrations TO {APP_ROLE}")
    assert "may change schema_migrations" in _refused(pg_fresh_database.app_url).params["problems"]
