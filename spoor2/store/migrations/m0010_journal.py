"""Tables of the energy journal: check-ins, what activities cost, and the person's own typical day.

Being built (not released yet): its steps may still change until its fixture database is written.
"""

STEPS = [
    # one check-in per day and part of the day (morning / evening / day); every value optional
    """CREATE TABLE journal_entries (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        entry_date TEXT NOT NULL,
        part TEXT NOT NULL,
        energy INTEGER,
        physical INTEGER,
        mental INTEGER,
        emotional INTEGER,
        active_hours REAL,
        rest_hours REAL,
        rest_moments INTEGER,
        longest_stretch REAL,
        could TEXT NOT NULL DEFAULT '',
        could_not TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, entry_date, part)
    )""",
    # what an activity cost, keyed by the id of the tracker activity or meeting (or a new id when typed in);
    # no foreign key to those tables: removing the activity leaves this row (the page says "activity removed")
    """CREATE TABLE journal_activity_costs (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        activity_id TEXT NOT NULL,
        source TEXT NOT NULL,
        on_date TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT '',
        hours REAL,
        heaviness INTEGER,
        next_day TEXT,
        day_after TEXT,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, activity_id)
    )""",
    # the typical day as the person edited it, per language of the reader
    """CREATE TABLE journal_typical_days (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        body TEXT NOT NULL,
        period_start TEXT,
        period_end TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, lang)
    )""",
]

OWNED_TABLES = ["journal_entries", "journal_activity_costs", "journal_typical_days"]
