"""Job-search activities (the tracker). ``activity_week`` is the ISO week key (``2026-W53``), stored at
write time so that the weekly aggregates are a plain GROUP BY on an index."""

STEPS = [
    """CREATE TABLE activities (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        id TEXT PRIMARY KEY,
        activity_date TEXT NOT NULL,
        activity_week TEXT NOT NULL,
        type TEXT NOT NULL,
        organisation TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        channel TEXT NOT NULL DEFAULT '',
        contact_person TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        follow_up TEXT,
        response_date TEXT,
        outcome TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        evidence_file TEXT,
        evidence_link TEXT,
        fits_limitations TEXT,
        goal TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)""",
    "CREATE INDEX ix_activities_owner_date ON activities (owner_id, activity_date)",
    "CREATE INDEX ix_activities_owner_week ON activities (owner_id, activity_week, type)",
    "CREATE INDEX ix_activities_owner_status ON activities (owner_id, status, activity_date)",
    "CREATE INDEX ix_activities_owner_type ON activities (owner_id, type, activity_date)",
    "CREATE INDEX ix_activities_owner_follow_up ON activities (owner_id, follow_up)",
]

OWNED_TABLES = ["activities"]

#: Columns that hold a path (relative to the owner's files folder) of an uploaded file.
FILE_COLUMNS = {"activities": ["evidence_file"]}
