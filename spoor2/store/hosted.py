"""Consent-based adviser access (hosted mode): grants, the adviser's read-only view, and the read log.

A person grants a named adviser — their login at the identity provider (e-mail or preferred
username) — read access to their timeline, file and activity log
(:data:`spoor2.store.postgres.ADVISER_READABLE`), sees the grant and revokes it at once. PostgreSQL
enforces it: a second row-security policy (FOR SELECT) lets rows through only for a login with a
grant that is not revoked; the adviser's view is known to the database as the adviser themselves
(``app.owner_id`` = the adviser's own id, ``app.login`` = their login), never as the person, so it
cannot write a row of theirs. Every read through an adviser's view is logged (:func:`log_read`) in
``adviser_reads``, which the person reads with :func:`list_reads`.

On a local SQLite store nobody else signs in: the grants are not offered (``adviser_access_hosted_only``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import text

from spoor2.errors import InvalidInput
from spoor2.model import Model
from spoor2.store import Store, normal_login, now_iso, upsert

#: A login as identity providers give it: an e-mail address or a user name, not a text.
MAX_LOGIN = 254
#: What an adviser read (a short key, e.g. ``timeline``, ``file``, ``activities``), not free text.
MAX_WHAT = 64


class Grant(Model):
    """``owner_id`` let ``adviser_login`` read their timeline, file and activity log."""

    owner_id: str
    adviser_login: str
    granted_at: str
    revoked_at: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class AdviserRead(Model):
    """An adviser read part of the person's data (shown to the person)."""

    adviser_login: str
    what: str
    read_at: str


def _require_hosted(store: Store) -> None:
    if not store.hosted:
        raise InvalidInput("adviser_access_hosted_only")


def _checked_login(login: str) -> str:
    found = normal_login(login)
    if not found or len(found) > MAX_LOGIN or any(c.isspace() or not c.isprintable() for c in found):
        raise InvalidInput("adviser_login_invalid", maximum=MAX_LOGIN)
    return found


def grant_adviser(store: Store, adviser_login: str) -> Grant:
    """Let ``adviser_login`` read this person's timeline, file and activity log (again, if revoked)."""
    _require_hosted(store)
    login = _checked_login(adviser_login)
    if login == store.login:
        raise InvalidInput("adviser_login_is_you")
    at = now_iso()
    with store.transaction() as conn:
        active = conn.execute(
            text("SELECT 1 FROM adviser_grants WHERE owner_id = :o AND adviser_login = :login AND revoked_at IS NULL"),
            {"o": store.owner_id, "login": login},
        ).first()
        if not active:  # granting again what is granted changes nothing (not even its date)
            values = {"owner_id": store.owner_id, "adviser_login": login, "granted_at": at, "revoked_at": None}
            upsert(conn, "adviser_grants", ("owner_id", "adviser_login"), values)
    return next(g for g in list_grants(store) if g.adviser_login == login)


def revoke_adviser(store: Store, adviser_login: str) -> None:
    """End the adviser's access at once (their next read sees nothing). The grant stays listed as revoked."""
    _require_hosted(store)
    with store.transaction() as conn:
        conn.execute(
            text(
                "UPDATE adviser_grants SET revoked_at = :at "
                "WHERE owner_id = :o AND adviser_login = :login AND revoked_at IS NULL"
            ),
            {"o": store.owner_id, "login": normal_login(adviser_login), "at": now_iso()},
        )


def list_grants(store: Store) -> list[Grant]:
    """This person's grants, active ones first, then revoked ones (newest first within each)."""
    with store.read() as conn:
        rows = conn.execute(
            text(
                "SELECT owner_id, adviser_login, granted_at, revoked_at FROM adviser_grants WHERE owner_id = :o "
                "ORDER BY CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END, granted_at DESC, adviser_login"
            ),
            {"o": store.owner_id},
        ).all()
    return [Grant(owner_id=o, adviser_login=a, granted_at=g, revoked_at=r) for o, a, g, r in rows]


def granted_to_me(store: Store) -> list[Grant]:
    """For an adviser: the people who granted their login access now (whose data they may read)."""
    if not store.hosted or not store.login:
        return []
    with store.read() as conn:
        rows = conn.execute(
            text(
                "SELECT owner_id, adviser_login, granted_at FROM adviser_grants "
                "WHERE adviser_login = :login AND revoked_at IS NULL ORDER BY granted_at, owner_id"
            ),
            {"login": store.login},
        ).all()
    return [Grant(owner_id=o, adviser_login=a, granted_at=g) for o, a, g in rows]


def adviser_view(store: Store, owner_id: str) -> Store:
    """A read-only view of ``owner_id``'s data for the adviser signed in on ``store``.

    Every repository read works on it; PostgreSQL returns only what the grant covers, and nothing
    once it is revoked. Opening the view is logged (``opened``); log each part shown with :func:`log_read`.
    """
    _require_hosted(store)
    if not store.login:
        raise InvalidInput("adviser_login_invalid", maximum=MAX_LOGIN)
    if owner_id not in {g.owner_id for g in granted_to_me(store)}:
        raise InvalidInput("adviser_no_grant")
    view = Store(owner_id=owner_id, files_root=store.files_root, login=store.login, _engine=store.engine)
    view.session_owner = store.session_owner
    view.read_only = True
    log_read(view, "opened")
    return view


def log_read(view: Store, what: str) -> None:
    """Record in the person's log that their adviser read ``what`` (a short key, e.g. ``timeline``)."""
    _require_hosted(view)
    key = what.strip()[:MAX_WHAT] or "unknown"
    with view.transaction() as conn:
        conn.execute(
            text(
                "INSERT INTO adviser_reads (id, owner_id, adviser_login, what, read_at) "
                "VALUES (:id, :o, :login, :what, :at)"
            ),
            {"id": uuid.uuid4().hex, "o": view.owner_id, "login": view.login, "what": key, "at": _now_precise()},
        )


def _now_precise() -> str:
    """When, to the microsecond: two reads in one second keep their order in the log."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def list_reads(store: Store) -> list[AdviserRead]:
    """Every read by an adviser of this person's data, newest first."""
    with store.read() as conn:
        rows = conn.execute(
            text(
                "SELECT adviser_login, what, read_at FROM adviser_reads WHERE owner_id = :o "
                "ORDER BY read_at DESC, id DESC"
            ),
            {"o": store.owner_id},
        ).all()
    return [AdviserRead(adviser_login=a, what=w, read_at=r) for a, w, r in rows]


#: How the import check reads these tables back (``spoor2.store.my_data``).
READERS = {"adviser_grants": list_grants, "adviser_reads": list_reads}
