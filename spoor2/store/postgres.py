"""PostgreSQL for the hosted mode: row-level security on every person's table, and the start-up safety check.

Isolation is PostgreSQL's, not only the code's:

* Every table with an ``owner_id`` column (and ``owners`` itself, on ``id``) has row-level security
  ENABLED and FORCED and the policy ``spoor2_owner_rows``:
  ``owner_id = current_setting('app.owner_id', true)`` for reading (USING) and writing (WITH CHECK).
  :func:`apply_row_security` runs in every migration's transaction after its SQL steps (PostgreSQL
  only), so the tables of later migrations are covered without a list to maintain.
* The store sets ``app.owner_id`` (and ``app.login``) with ``set_config(…, true)`` — local to the
  transaction — as the first statement of every transaction and every read; a pooled connection
  returns to the pool with a rollback, so it never carries one person's id into another's request.
* Consent-based adviser access is a second, read-only policy (``spoor2_adviser_read``) on the tables
  of :data:`ADVISER_READABLE`: rows of an owner who granted the signed-in login (``app.login``) access
  that is not revoked. No role bypasses row security for it.
* The app connects as a role that owns nothing, is no superuser and has no BYPASSRLS; the
  migrations run as a separate owner role (``python -m spoor2 db migrate``, ``deploy/sql/``).
  :func:`check_isolation` lists what is wrong; the app refuses to start on any problem.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from spoor2.store.migrations import latest_version, migrate, owned_tables

#: The policies this module creates; any other policy on a person's table is a problem (it could widen access).
OWNER_POLICY = "spoor2_owner_rows"
ADVISER_POLICY = "spoor2_adviser_read"
GRANTS_TO_ME_POLICY = "spoor2_grants_to_me"
READ_LOG_POLICY = "spoor2_adviser_logs_read"
KNOWN_POLICIES = {OWNER_POLICY, ADVISER_POLICY, GRANTS_TO_ME_POLICY, READ_LOG_POLICY}

#: What an adviser may read once a person granted it: the timeline, the file and the activity log — the
#: tables the person's whole file (/my-file, ``spoor2.store.my_file_view.whole_file``) is read from, and the
#: expert-request drafts of /my-file. Everything else stays the person's alone: the journal, the settings,
#: the questionnaires, the question list, the applications and CVs, the grants and the read log.
ADVISER_READABLE = (
    # the timeline
    "timeline_inputs",
    "milestone_records",
    # the activity log, with its evidence files
    "activities",
    "evidence_files",
    # the file: the check's answers and the facts it reads (documents received, the situation answers,
    # the meetings), the proposals and answers, the person's view (oordeel werknemer), the expert requests
    "document_checklist",
    "situation_answers",
    "meetings",
    "file_check_answers",
    "proposals",
    "employee_view_sections",
    "employee_view_signature",
    "expert_requests",
)

_OWNER = "current_setting('app.owner_id', true)"
_LOGIN = "current_setting('app.login', true)"
_GRANTED = (
    f"owner_id IN (SELECT g.owner_id FROM adviser_grants g WHERE g.adviser_login = {_LOGIN} AND g.revoked_at IS NULL)"
)
#: Holds every migration (and two first migrations at once) in turn: a transaction-level advisory lock.
MIGRATION_LOCK = 1_702_201_712


def is_postgres(url: object) -> bool:
    return str(url).startswith(("postgresql", "postgres:"))


def person_tables(conn: Connection) -> list[str]:
    """Every table of the current schema with an ``owner_id`` column, plus ``owners``, plus the owned tables."""
    found = conn.execute(
        text(
            "SELECT DISTINCT table_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name = 'owner_id'"
        )
    ).scalars()
    return sorted({"owners", *found, *owned_tables()})


def _existing(conn: Connection) -> set[str]:
    return set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())


def _policy(conn: Connection, table: str, name: str, body: str) -> None:
    conn.execute(text(f'DROP POLICY IF EXISTS {name} ON "{table}"'))
    conn.execute(text(f'CREATE POLICY {name} ON "{table}" {body}'))


def apply_row_security(conn: Connection) -> None:
    """ENABLE + FORCE row security and (re)create the policies on every person's table (idempotent).

    Any other policy on those tables is dropped: a permissive policy of someone else's would widen access.
    """
    existing = _existing(conn)
    foreign = conn.execute(
        text("SELECT tablename, policyname FROM pg_policies WHERE schemaname = current_schema()")
    ).all()
    tables = person_tables(conn)
    for table, name in foreign:
        if table in tables and name not in KNOWN_POLICIES:
            # a policy on a person's table that is not ours could widen access: the migration owns them all
            conn.execute(text(f'DROP POLICY "{name}" ON "{table}"'))
    for table in tables:
        if table not in existing:
            continue
        column = "id" if table == "owners" else "owner_id"
        conn.execute(text(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY'))
        conn.execute(text(f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY'))
        rule = f"{column} = {_OWNER}"
        _policy(conn, table, OWNER_POLICY, f"FOR ALL USING ({rule}) WITH CHECK ({rule})")
        if table in ADVISER_READABLE and "adviser_grants" in existing:
            _policy(conn, table, ADVISER_POLICY, f"FOR SELECT USING ({_GRANTED})")
    if "adviser_grants" in existing:
        # the adviser sees the grants made to their login (whose data they may read), nothing else
        _policy(
            conn,
            "adviser_grants",
            GRANTS_TO_ME_POLICY,
            f"FOR SELECT USING (adviser_login = {_LOGIN} AND revoked_at IS NULL)",
        )
    if "adviser_reads" in existing:
        # an adviser may add a line to the read log of a person who granted them access, in their own name
        _policy(
            conn,
            "adviser_reads",
            READ_LOG_POLICY,
            f"FOR INSERT WITH CHECK (adviser_login = {_LOGIN} AND {_GRANTED})",
        )
    if "schema_migrations" in existing:
        # the app reads the schema version; only the owner role writes it
        conn.execute(
            text(
                "DO $$ DECLARE r record; BEGIN "
                "FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants "
                "WHERE table_schema = current_schema() AND table_name = 'schema_migrations' "
                "AND grantee <> current_user AND privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE') "
                "LOOP EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM %I', "
                "r.grantee); END LOOP; END $$"
            )
        )


def _role_problems(conn: Connection) -> list[str]:
    problems: list[str] = []
    role = conn.execute(
        text("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
    ).one()
    if role.rolsuper:
        problems.append(f"the role {role.current_user} is a superuser (it bypasses row security)")
    if role.rolbypassrls:
        problems.append(f"the role {role.current_user} has BYPASSRLS (it bypasses row security)")
    owned = conn.execute(
        text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm') "
            "AND pg_has_role(current_user, c.relowner, 'USAGE') ORDER BY 1"
        )
    ).scalars()
    problems += [f"the role {role.current_user} owns the table {name}" for name in owned]
    if conn.execute(text("SELECT has_schema_privilege(current_user, current_schema(), 'CREATE')")).scalar():
        problems.append(f"the role {role.current_user} may create tables in the schema")
    writes_versions = conn.execute(
        text(
            "SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN false "
            "ELSE has_table_privilege(current_user, 'schema_migrations', 'INSERT, UPDATE, DELETE') END"
        )
    ).scalar()
    if writes_versions:
        problems.append(f"the role {role.current_user} may change schema_migrations (only the owner role may)")
    return problems


def _table_problems(conn: Connection) -> list[str]:
    problems: list[str] = []
    security = {
        row.relname: (row.relrowsecurity, row.relforcerowsecurity)
        for row in conn.execute(
            text(
                "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
            )
        )
    }
    policies: dict[str, list[tuple[str, str, str, str]]] = {}
    for row in conn.execute(
        text(
            "SELECT tablename, policyname, cmd, COALESCE(qual, ''), COALESCE(with_check, '') "
            "FROM pg_policies WHERE schemaname = current_schema()"
        )
    ):
        policies.setdefault(row[0], []).append((row[1], row[2], row[3], row[4]))
    for table in person_tables(conn):
        if table not in security:
            problems.append(f"the table {table} is missing (migrate the database)")
            continue
        enabled, forced = security[table]
        if not (enabled and forced):
            problems.append(f"the table {table} has no ENABLED and FORCED row-level security")
        mine = policies.get(table, [])
        if not any(
            name == OWNER_POLICY and cmd == "ALL" and "app.owner_id" in qual and "app.owner_id" in check
            for name, cmd, qual, check in mine
        ):
            problems.append(f"the table {table} has no owner policy on app.owner_id")
        problems += [
            f"the table {table} has an unknown policy {name}" for name, *_ in mine if name not in KNOWN_POLICIES
        ]
    return problems


def check_isolation(engine: Engine) -> list[str]:
    """What would let one person see another's rows through this engine's role (empty: nothing).

    The role must be no superuser, have no BYPASSRLS, own no table and create none; every person's
    table must have ENABLED and FORCED row security with the owner policy and no unknown policy.
    """
    with engine.connect() as conn:
        return _role_problems(conn) + _table_problems(conn)


def schema_version(engine: Engine) -> int:
    """The database's schema version (0 when it was never migrated)."""
    with engine.connect() as conn:
        present = conn.execute(text("SELECT to_regclass('schema_migrations') IS NOT NULL")).scalar()
        if not present:
            return 0
        return int(conn.execute(text("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")).scalar() or 0)


def version_problem(engine: Engine) -> tuple[str, dict[str, int]] | None:
    """``(error code, params)`` when the database is behind or ahead of this app, else ``None``."""
    found, latest = schema_version(engine), latest_version()
    if found > latest:
        return "database_too_new", {"found": found, "supported": latest}
    if found < latest:
        return "store_schema_behind", {"found": found, "supported": latest}
    return None


def make_engine(url: str) -> Engine:
    """An engine for a PostgreSQL URL that sets ``app.owner_id``/``app.login`` at every transaction's start."""
    from spoor2.store import _make_engine

    return _make_engine(url)


def _migration_role_problems(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        role = conn.execute(
            text("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
        ).one()
        may_create = conn.execute(
            text("SELECT has_schema_privilege(current_user, current_schema(), 'CREATE')")
        ).scalar()
    problems = []
    if not may_create:
        problems.append(f"the role {role.current_user} may not create tables: migrate as the owner role")
    elif not (role.rolsuper or role.rolbypassrls):
        problems.append(f"the role {role.current_user} cannot see every person's rows (BYPASSRLS) for data migrations")
    return problems


def migrate_url(url: str) -> list[str]:
    """Migrate the database at ``url`` as its owner role; returns the names applied.

    Refuses (``store_migrate_denied``) a role that may not create tables (the app role) or could not
    see every person's rows (a data migration would silently skip them).
    """
    from spoor2.store import StoreUnavailable, store_failure

    engine = make_engine(url)
    try:
        problems = _migration_role_problems(engine)
        if problems:
            raise StoreUnavailable("store_migrate_denied", problems="; ".join(problems))
        return migrate(engine)
    except DBAPIError as error:
        raise store_failure(error) from error
    finally:
        engine.dispose()


def owner_engine(url: str) -> Engine:
    """An engine for the organisation's tasks (the owner role, which sees every row)."""
    return create_engine(url, hide_parameters=True, pool_pre_ping=True)
