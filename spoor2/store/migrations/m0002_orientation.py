"""Orientation questionnaires: half-finished drafts (save and resume) and completed results (history)."""

STEPS = [
    """CREATE TABLE orientation_drafts (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        questionnaire TEXT NOT NULL,
        answers TEXT NOT NULL,
        screen INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, questionnaire))""",
    """CREATE TABLE orientation_results (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        questionnaire TEXT NOT NULL,
        completed_on TEXT NOT NULL,
        answers TEXT NOT NULL,
        scores TEXT NOT NULL,
        profile TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL)""",
    "CREATE INDEX ix_orientation_results_owner ON orientation_results (owner_id, questionnaire, completed_on)",
]

OWNED_TABLES = ["orientation_drafts", "orientation_results"]
