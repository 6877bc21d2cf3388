"""Tables of the hosted mode: consent-based adviser access and its read log.

* ``adviser_grants``: a person (``owner_id``) lets an adviser, named by their login at the identity
  provider (e-mail or preferred username, lower case), read their timeline, file and activity log.
  Revoking sets ``revoked_at`` (the row stays, so the person sees when they revoked it); granting
  again clears it. On PostgreSQL a second row-security policy lets the adviser read exactly those
  rows (``spoor2.store.postgres``); no role bypasses row security for it.
* ``adviser_reads``: every read by an adviser, in the log of the person whose data was read.

Both are the person's data (export, import, delete everything). The owner id itself is derived from
the identity provider's issuer and subject by the login (``ui/auth.py``), so no identity column is
needed: nothing in the database names the person.

Being built (not released yet): its steps may still change until its fixture database is written.
"""

STEPS = [
    """CREATE TABLE adviser_grants (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        adviser_login TEXT NOT NULL CHECK (adviser_login <> ''),
        granted_at TEXT NOT NULL,
        revoked_at TEXT,
        PRIMARY KEY (owner_id, adviser_login)
    )""",
    "CREATE INDEX ix_adviser_grants_login ON adviser_grants (adviser_login, revoked_at)",
    """CREATE TABLE adviser_reads (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        adviser_login TEXT NOT NULL,
        what TEXT NOT NULL,
        read_at TEXT NOT NULL
    )""",
    "CREATE INDEX ix_adviser_reads_owner ON adviser_reads (owner_id, read_at)",
]

OWNED_TABLES = ["adviser_grants", "adviser_reads"]
