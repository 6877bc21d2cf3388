"""Tables of the employee's own file (/my-file): the self-check answers, the person's proposals, their view
for the reintegration report (*oordeel werknemer*) and their expert-opinion (*deskundigenoordeel*) requests.

Being built (not released yet): its steps may still change until its fixture database is written.
"""

STEPS = [
    # the self-check: "in my file: yes / no / I don't know", per check or fact id (a row only once answered);
    # ``since``: the date of a dated fact (a therapeutic placement since …)
    """CREATE TABLE file_check_answers (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        check_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        since TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, check_id)
    )""",
    # proposals the person made to the employer (or agency, company doctor), and the answers
    """CREATE TABLE proposals (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        made_on TEXT NOT NULL,
        to_whom TEXT NOT NULL,
        kind TEXT NOT NULL,
        what TEXT NOT NULL,
        in_writing TEXT NOT NULL DEFAULT 'yes',
        answer TEXT NOT NULL DEFAULT 'none',
        answered_on TEXT,
        answer_text TEXT NOT NULL DEFAULT '',
        reasons_given TEXT NOT NULL DEFAULT 'unknown',
        activity_ids TEXT NOT NULL DEFAULT '[]',
        document_ids TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX proposals_owner ON proposals (owner_id, made_on)",
    # the person's view per element of Regeling procesgang art. 6 (agree / disagree, because …)
    """CREATE TABLE employee_view_sections (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        element_id TEXT NOT NULL,
        stance TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        written_on TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, element_id)
    )""",
    # the name, job title and date UWV requires on the view (one row per person)
    """CREATE TABLE employee_view_signature (
        owner_id TEXT PRIMARY KEY REFERENCES owners(id) ON DELETE CASCADE,
        name TEXT NOT NULL DEFAULT '',
        job_title TEXT NOT NULL DEFAULT '',
        signed_on TEXT,
        updated_at TEXT NOT NULL
    )""",
    # a draft request for a deskundigenoordeel, per question (own_work / suitable_work / effort): the
    # person's words, the needed documents they say they have (JSON ids), the evidence files chosen
    # for the pack (JSON ids of evidence_files)
    """CREATE TABLE expert_requests (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        documents_have TEXT NOT NULL DEFAULT '[]',
        chosen_documents TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, question_id)
    )""",
]

OWNED_TABLES = [
    "file_check_answers",
    "proposals",
    "employee_view_sections",
    "employee_view_signature",
    "expert_requests",
]
