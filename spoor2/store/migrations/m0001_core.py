"""Owners, settings, the timeline input and the milestones a person recorded as done."""

STEPS = [
    "CREATE TABLE owners (id TEXT PRIMARY KEY, created_at TEXT NOT NULL)",
    """CREATE TABLE settings (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, key))""",
    """CREATE TABLE timeline_inputs (
        owner_id TEXT PRIMARY KEY REFERENCES owners(id) ON DELETE CASCADE,
        payload TEXT NOT NULL,
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE milestone_records (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        milestone_id TEXT NOT NULL,
        done_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, milestone_id))""",
]

OWNED_TABLES = ["settings", "timeline_inputs", "milestone_records"]
