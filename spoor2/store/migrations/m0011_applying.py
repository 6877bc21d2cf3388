"""Tables of applying for work: CV versions, letters, interview stories and notes, after-start check-ins.

Being built (not released yet): its steps may still change until its fixture database is written.

The tracker's ``activities`` table is not changed: what an application adds to an activity (the CV version
sent, the letter, the interview notes) is a row of ``activity_applications`` keyed by the activity's id. It
goes when the activity goes (``ON DELETE CASCADE``); a deleted CV version leaves the activity without a
version (``ON DELETE SET NULL``), never with a dangling id.
"""

STEPS: list[str] = [
    # a named version of the CV (e.g. one per kind of job), in its own language; the CV itself as JSON
    """CREATE TABLE cv_versions (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        lang TEXT NOT NULL,
        content TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (owner_id, name)
    )""",
    # per tracker activity: the CV version used, the letter (as the person edited it) and interview notes
    """CREATE TABLE activity_applications (
        activity_id TEXT PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        cv_version_id TEXT REFERENCES cv_versions(id) ON DELETE SET NULL,
        letter TEXT NOT NULL DEFAULT '',
        letter_lang TEXT,
        interview_notes TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX ix_activity_applications_cv ON activity_applications (cv_version_id)",
    # interview stories: situation, task, action, result (STAR)
    """CREATE TABLE interview_stories (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        situation TEXT NOT NULL DEFAULT '',
        task TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL DEFAULT '',
        result TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX ix_interview_stories_owner ON interview_stories (owner_id, updated_at)",
    # after the new start (C2): the answers to the check-in questions at 1, 3 and 6 months (the start date
    # itself is a setting, ``after_start.start_date``)
    """CREATE TABLE after_start_checkins (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        checkpoint INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        answered_on TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, checkpoint, question_id)
    )""",
]

OWNED_TABLES: list[str] = ["cv_versions", "activity_applications", "interview_stories", "after_start_checkins"]
