"""Critical questions: the person's ordered question list, document checklist, situation answers, meetings."""

STEPS = [
    """CREATE TABLE question_lists (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        items TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id))""",
    """CREATE TABLE document_checklist (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        doc_id TEXT NOT NULL,
        state TEXT NOT NULL,
        received_on TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, doc_id))""",
    """CREATE TABLE situation_answers (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        answer_key TEXT NOT NULL,
        answer_value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, answer_key))""",
    """CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        meeting_date TEXT NOT NULL,
        with_whom TEXT NOT NULL,
        points TEXT NOT NULL,
        agreed TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL)""",
    "CREATE INDEX ix_meetings_owner ON meetings (owner_id, meeting_date)",
]

OWNED_TABLES = ["question_lists", "document_checklist", "situation_answers", "meetings"]
