"""``python -m spoor2 db …`` and ``python -m spoor2 admin …`` — for an organisation that runs the hosted mode.

* ``db migrate [--url URL]``: bring the shared database up to date, as the OWNER role
  (``--url`` or ``$SPOOR2_MIGRATE_URL``; on an SQLite URL: the local file, as the app does at start).
  The app itself never migrates a shared database; the app role cannot (it may not create tables).
* ``db check [--url URL]``: what the app checks at start-up, for the APP role (``--url`` or
  ``$SPOOR2_DATABASE_URL``): the schema version and every way its role could see more than one
  person's rows. Exit 0 when all is well, else 2 with one line per problem.
* ``admin delete-owner ID --yes [--url URL]``: delete one person and everything of theirs (the rows
  cascade), as the owner role. Without ``--yes`` nothing is deleted (exit 2).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from sqlalchemy import text

from spoor2.errors import InvalidInput
from spoor2.i18n import t
from spoor2.store import Store, StoreUnavailable, store_failure
from spoor2.store import postgres as pg

MIGRATE_URL = "SPOOR2_MIGRATE_URL"


def register(subparsers: Any) -> None:
    db = subparsers.add_parser("db", help="the hosted database: migrations and the isolation check")
    db.add_argument("--lang", choices=["en", "nl"], default="en", help="language of messages")
    db_actions = db.add_subparsers(dest="db_action", required=True, parser_class=type(db))
    migrate = db_actions.add_parser("migrate", help="migrate the database as the owner role")
    migrate.add_argument("--url", help=f"the owner role's database URL (default: ${MIGRATE_URL})")
    migrate.set_defaults(handler=_migrate)
    check = db_actions.add_parser("check", help="check the app role: schema version and row-level security")
    check.add_argument("--url", help="the app role's database URL (default: $SPOOR2_DATABASE_URL)")
    check.set_defaults(handler=_check)

    admin = subparsers.add_parser("admin", help="the organisation's account tasks")
    admin.add_argument("--lang", choices=["en", "nl"], default="en", help="language of messages")
    admin_actions = admin.add_subparsers(dest="admin_action", required=True, parser_class=type(admin))
    delete = admin_actions.add_parser("delete-owner", help="delete one person and all their data (needs --yes)")
    delete.add_argument("owner_id", help="the person's owner id")
    delete.add_argument("--yes", action="store_true", help="confirm: really delete this person's data")
    delete.add_argument("--url", help=f"the owner role's database URL (default: ${MIGRATE_URL})")
    delete.set_defaults(handler=_delete_owner)


def _url(given: str | None, variable: str) -> str:
    url = given or os.environ.get(variable, "")
    if not url:
        raise InvalidInput("hosted.error.no_url", variable=variable)
    return url


def _migrate(args: argparse.Namespace) -> int:
    url = _url(args.url, MIGRATE_URL)
    if not pg.is_postgres(url):
        store = Store(url)  # a local file: the app's own start migrates it
        print(t(args.lang, "hosted.cli.migrated", count=0, version=store.schema_version()))
        store.close()
        return 0
    applied = pg.migrate_url(url)
    engine = pg.owner_engine(url)
    try:
        version = pg.schema_version(engine)
    finally:
        engine.dispose()
    print(t(args.lang, "hosted.cli.migrated", count=len(applied), version=version))
    return 0


def _check(args: argparse.Namespace) -> int:
    url = _url(args.url, "SPOOR2_DATABASE_URL")
    if not pg.is_postgres(url):
        raise InvalidInput("hosted.error.not_postgres")
    engine = pg.make_engine(url)
    try:
        problem = pg.version_problem(engine)
        problems = pg.check_isolation(engine)
    except StoreUnavailable:
        raise
    except Exception as error:  # the database cannot be reached or read: a message, never a traceback
        raise store_failure(error) from error
    finally:
        engine.dispose()
    if problem is not None:
        code, params = problem
        problems.insert(0, t(args.lang, f"error.{code}", **params))
    if problems:
        sys.stderr.write(t(args.lang, "hosted.cli.check_failed", count=len(problems)) + "\n")
        for line in problems:
            sys.stderr.write(f"- {line}\n")
        return 2
    print(t(args.lang, "hosted.cli.check_ok"))
    return 0


def _delete_owner(args: argparse.Namespace) -> int:
    if not args.yes:
        raise InvalidInput("hosted.error.confirm_needed", owner=args.owner_id)
    url = _url(args.url, MIGRATE_URL)
    if not pg.is_postgres(url):
        raise InvalidInput("hosted.error.not_postgres")
    engine = pg.make_engine(url)
    try:
        # the owner's id is also the transaction's app.owner_id: the delete works under row security
        # even for an owner role without BYPASSRLS; the foreign keys cascade to every table
        with engine.connect() as conn, conn.execution_options(spoor2_owner=args.owner_id).begin():
            deleted = conn.execute(text("DELETE FROM owners WHERE id = :id"), {"id": args.owner_id}).rowcount
    finally:
        engine.dispose()
    if not deleted:
        raise InvalidInput("hosted.error.no_such_owner", owner=args.owner_id)
    print(t(args.lang, "hosted.cli.owner_deleted", owner=args.owner_id))
    return 0
