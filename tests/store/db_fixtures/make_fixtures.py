"""Build the fixture databases for the upgrade tests: one file per released schema version.

``vK.sqlite3`` is what a person's database looked like under schema version K: the tables of
migrations 1..K, filled with realistic rows (two owners, Dutch text, every table of that version).
``tests/test_durability.py`` opens a copy of each with today's ``Store`` and checks nothing is lost.

A fixture is a frozen picture of a released version: it is written once and never regenerated
(existing files are kept unless ``--force``). When a new migration is released, run::

    .venv/bin/python tests/store/db_fixtures/make_fixtures.py --up-to K

for the previous latest version K, add rows for its new tables to :data:`ROWS`, and commit the file.
Versions 3 and 4 were released as empty placeholders, so their files hold the tables of version 2.
Version 6 has activities; one names an evidence file (:data:`EVIDENCE`), which lived in the files
folder then (``files/local/<evidence_file>``): the upgrade test puts it there before opening.
From version 7 on the same file is a row of ``evidence_files`` (its bytes in the database, nothing
in the files folder), and ``tracker_imports`` remembers an imported tracker file (:data:`TRACKER_CSV`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import inspect, text  # noqa: E402

from spoor2.store import _make_engine  # noqa: E402
from spoor2.store.migrations import migrate  # noqa: E402

#: The highest version whose fixture is stable (later migrations may still change while being built).
STABLE_UP_TO = 11

OWNERS = ("local", "second-person")
AT = "2026-02-01T09:30:00+00:00"

_INTEREST_ANSWERS = {
    "r1": 4, "r2": 2, "r3": 5, "r4": 3, "i1": 5, "i2": 4, "i3": 4, "i4": 5,
    "a1": 2, "a2": 1, "a3": 3, "a4": 2, "s1": 5, "s2": 5, "s3": 4, "s4": 4,
    "e1": 3, "e2": 2, "e3": 3, "e4": 2, "c1": 1, "c2": 2, "c3": 1, "c4": 2,
}  # fmt: skip
_VALUES_DRAFT = {"autonomy1": 4, "autonomy2": 5, "autonomy4": 2}
_CAPACITY_ANSWERS = {"hours_week": "h20_28", "hours_day": "h4_6", "days": ["mon", "tue", "thu"], "travel": "m15_30"}

#: The evidence file of the v6 activity, as it lay in the files folder before migration 7.
EVIDENCE = {"evidence/3f2e1d0c9b8a79685746352413021f0e.pdf": b"%PDF-1.4\n% bewijs van sollicitatie\n"}
#: The tracker file the local owner imported under version 7 (``tracker_imports`` keeps its sha256).
TRACKER_CSV = b"datum,soort,organisatie\n2026-01-12,vacancy_application,Gemeente Utrecht\n"
_ACTIVITY = {
    "activity_date": "2026-01-12",
    "activity_week": "2026-W03",
    "type": "vacancy_application",
    "role": "Planner",
    "channel": "werk.nl",
    "contact_person": "",
    "status": "awaiting_response",
    "follow_up": "2026-01-26",
    "response_date": None,
    "outcome": "",
    "notes": "Brief en cv gestuurd.\nTweede regel.",
    "evidence_link": None,
    "fits_limitations": "yes",
    "goal": "",
    "created_at": AT,
    "updated_at": AT,
}

#: Rows per table (``owner_id`` included), literal so that the tests know exactly what must survive.
ROWS: dict[str, list[dict[str, Any]]] = {
    "owners": [{"id": owner, "created_at": "2025-03-10T08:00:00+00:00"} for owner in OWNERS],
    "settings": [
        {"owner_id": "local", "key": "lang", "value": "nl", "updated_at": AT},
        {
            "owner_id": "local",
            "key": "note",
            "value": 'Gesprek met bedrijfsarts: "rustig opbouwen" — 4 uur/dag',
            "updated_at": AT,
        },
        {"owner_id": "second-person", "key": "lang", "value": "en", "updated_at": AT},
    ],
    "timeline_inputs": [
        {
            "owner_id": "local",
            "payload": json.dumps(
                {
                    "periods": [{"start": "2025-03-03", "end": "2025-04-11"}, {"start": "2025-04-28", "end": None}],
                    "wage_sanction_weeks": None,
                    "extension_weeks": None,
                    "early_iva_applied": None,
                    "contract_end": None,
                }
            ),
            "updated_at": AT,
        },
        {
            "owner_id": "second-person",
            "payload": json.dumps({"periods": [{"start": "2025-09-01", "end": None}], "wage_sanction_weeks": 12}),
            "updated_at": AT,
        },
    ],
    "milestone_records": [
        {
            "owner_id": "local",
            "milestone_id": "problem_analysis_due",
            "done_on": "2025-04-30",
            "note": "Probleemanalyse ontvangen (per mail) <b>laat</b>",
            "updated_at": AT,
        },
        {"owner_id": "local", "milestone_id": "action_plan_due", "done_on": "2025-05-20", "note": "", "updated_at": AT},
        {
            "owner_id": "second-person",
            "milestone_id": "problem_analysis_due",
            "done_on": "2025-10-10",
            "note": "ok",
            "updated_at": AT,
        },
    ],
    "orientation_drafts": [
        {
            "owner_id": "local",
            "questionnaire": "values",
            "answers": json.dumps(_VALUES_DRAFT),
            "screen": 1,
            "updated_at": AT,
        },
    ],
    "orientation_results": [
        {
            "id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
            "owner_id": "local",
            "questionnaire": "interests",
            "completed_on": "2025-06-02",
            "answers": json.dumps(_INTEREST_ANSWERS),
            "scores": None,
            "profile": "{}",
            "created_at": AT,
        },
        {
            "id": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
            "owner_id": "local",
            "questionnaire": "capacity",
            "completed_on": "2025-06-09",
            "answers": json.dumps(_CAPACITY_ANSWERS),
            "scores": None,
            "profile": json.dumps({"hours_week": "20–28 uur, liefst ochtenden", "travel": "max. 30 min met de fiets"}),
            "created_at": AT,
        },
    ],
    "question_lists": [
        {
            "owner_id": "local",
            "items": json.dumps(
                {
                    "items": [
                        {"id": "emp_contact_person", "audience": "employer", "own": False, "text": ""},
                        {
                            "id": "own-7c1a",
                            "audience": "uwv",
                            "own": True,
                            "text": "Wanneer krijg ik de WIA-beslissing? <i>snel</i> [x](y)",
                        },
                    ],
                    "removed": ["emp_problem_analysis_copy"],
                }
            ),
            "updated_at": AT,
        }
    ],
    "document_checklist": [
        {
            "owner_id": "local",
            "doc_id": "problem_analysis",
            "state": "received",
            "received_on": "2025-04-30",
            "updated_at": AT,
        },
        {"owner_id": "local", "doc_id": "action_plan", "state": "not_received", "received_on": None, "updated_at": AT},
    ],
    "situation_answers": [
        {"owner_id": "local", "answer_key": "spoor2_started", "answer_value": "yes", "updated_at": AT},
        {"owner_id": "local", "answer_key": "fixed_term", "answer_value": "unsure", "updated_at": AT},
    ],
    "activities": [
        {
            **_ACTIVITY,
            "owner_id": "local",
            "id": "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
            "organisation": "Gemeente Utrecht",
            "evidence_file": next(iter(EVIDENCE)),
        },
        {
            **_ACTIVITY,
            "owner_id": "second-person",
            "id": "1a2b3c4d5e6f708192a3b4c5d6e7f809",
            "organisation": "Bakkerij De Vries",
            "evidence_file": None,
        },
    ],
    "evidence_files": [  # from version 7 (before it, the file lay in the files folder: EVIDENCE)
        {
            "owner_id": "local",
            "id": relative,
            "name": relative.rsplit("/", 1)[1],
            "media_type": "application/pdf",
            "size": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
            "content": content,
            "created_at": AT,
        }
        for relative, content in EVIDENCE.items()
    ],
    "tracker_imports": [
        {
            "owner_id": "local",
            "sha256": hashlib.sha256(TRACKER_CSV).hexdigest(),
            "file_name": "sollicitaties januari.csv",
            "row_count": 1,
            "imported_at": AT,
        }
    ],
    "meetings": [
        {
            "id": "5b0c9d1e2f3a4b5c6d7e8f9a0b1c2d3e",
            "owner_id": "local",
            "meeting_date": "2025-07-01",
            "with_whom": "Mevrouw De Vries (re-integratiebureau)",
            "points": json.dumps(["Hoeveel uur per week?", "Wie betaalt de opleiding?"], ensure_ascii=False),
            "agreed": "Volgende afspraak over 2 weken.",
            "updated_at": AT,
        },
    ],
    # migration 11, after the new start (C2): check-in answers (the start date is a row of settings)
    "after_start_checkins": [
        {
            "owner_id": "local",
            "checkpoint": 1,
            "question_id": "work_fits",
            "answer": "Het werk past goed, maar na 4 uur ben ik moe. =Pauzes helpen.",
            "answered_on": "2025-08-04",
            "updated_at": AT,
        },
        {
            "owner_id": "second-person",
            "checkpoint": 3,
            "question_id": "energy",
            "answer": "Beter dan de eerste maand; <b>vrijdag</b> is zwaar.",
            "answered_on": "2025-10-06",
            "updated_at": AT,
        },
    ],
    # migration 11 (applying, C1): CV versions, per activity the CV version, letter and notes; STAR stories
    "cv_versions": [
        {
            "id": "c0ffee00c0ffee00c0ffee00c0ffee01",
            "owner_id": "local",
            "name": "Planning en logistiek",
            "lang": "nl",
            "content": json.dumps(
                {
                    "personal": {"name": "Sanne de Vries", "place": "Utrecht", "email": "", "phone": ""},
                    "profile": "Ik plan graag en houd overzicht.\n- =rustig en precies",
                    "jobs": [
                        {
                            "employer": "Gemeente Utrecht",
                            "role": "Planner",
                            "start": "2015-03",
                            "end": "2024-05",
                            "description": "Roosters voor 40 collega's.",
                        },
                    ],
                    "education": [
                        {
                            "school": "ROC Midden Nederland",
                            "course": "Logistiek (mbo 4)",
                            "start": None,
                            "end": "2014-06",
                            "description": "",
                        }
                    ],
                    "skills": ["Excel", "Planning"],
                    "languages": [{"language": "Nederlands", "level": "native"}, {"language": "Engels", "level": "b2"}],
                    "strengths": ["Structuur"],
                },
                ensure_ascii=False,
            ),
            "created_at": AT,
            "updated_at": AT,
        },
        {
            "id": "c0ffee00c0ffee00c0ffee00c0ffee02",
            "owner_id": "second-person",
            "name": "Bakery <b>work</b>",
            "lang": "en",
            "content": json.dumps({"profile": "I like early mornings.", "skills": ["Baking"]}),
            "created_at": AT,
            "updated_at": AT,
        },
    ],
    "activity_applications": [
        {
            "activity_id": "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
            "owner_id": "local",
            "cv_version_id": "c0ffee00c0ffee00c0ffee00c0ffee01",
            "letter": "Geachte heer, mevrouw,\n\nMet deze brief solliciteer ik naar de functie van Planner.",
            "letter_lang": "nl",
            "interview_notes": "Gesprek met mevrouw Jansen; =tweede ronde op 20 januari.",
            "updated_at": AT,
        },
        {
            "activity_id": "1a2b3c4d5e6f708192a3b4c5d6e7f809",
            "owner_id": "second-person",
            "cv_version_id": None,
            "letter": "",
            "letter_lang": None,
            "interview_notes": "Proefdag op dinsdag.",
            "updated_at": AT,
        },
    ],
    "interview_stories": [
        {
            "id": "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a51",
            "owner_id": "local",
            "title": "Drukke week met zieke collega's",
            "situation": "Twee collega's waren ziek.",
            "task": "Het rooster moest rond.",
            "action": "Ik belde invallers en schoof taken.",
            "result": "Alle diensten waren gevuld.",
            "created_at": AT,
            "updated_at": AT,
        },
        {
            "id": "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a52",
            "owner_id": "second-person",
            "title": "Nieuw recept",
            "situation": "",
            "task": "",
            "action": "Ik testte het recept drie keer.",
            "result": "",
            "created_at": AT,
            "updated_at": AT,
        },
    ],
    # migration 9 (my file, part 1): the self-check answers and my proposals
    "file_check_answers": [
        {"owner_id": "local", "check_id": "own_job", "answer": "no", "since": None, "updated_at": AT},
        {"owner_id": "local", "check_id": "therapeutic_work", "answer": "yes", "since": "2025-06-02", "updated_at": AT},
        {"owner_id": "second-person", "check_id": "agency_engaged", "answer": "yes", "since": None, "updated_at": AT},
    ],
    "proposals": [
        {
            "id": "7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f",
            "owner_id": "local",
            "made_on": "2025-06-16",
            "to_whom": "employer",
            "kind": "task_or_job",
            "what": "Planner op de afdeling logistiek, 20 uur per week, zonder nachtdiensten.",
            "in_writing": "yes",
            "answer": "refused",
            "answered_on": "2025-07-01",
            "answer_text": "Geen formatieruimte. =Later misschien.",
            "reasons_given": "no",
            "activity_ids": json.dumps(["9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"]),
            "document_ids": json.dumps(["action_plan"]),
            "created_at": AT,
            "updated_at": AT,
        },
        {
            "id": "8d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a",
            "owner_id": "second-person",
            "made_on": "2025-08-04",
            "to_whom": "agency",
            "kind": "other_agency",
            "what": "Graag een ander re-integratiebureau: <b>geen</b> contact in 6 weken.",
            "in_writing": "no",
            "answer": "none",
            "answered_on": None,
            "answer_text": "",
            "reasons_given": "unknown",
            "activity_ids": "[]",
            "document_ids": "[]",
            "created_at": AT,
            "updated_at": AT,
        },
    ],
    # migration 9 (my file, part 2): my view per element, its name and date, an expert-opinion request
    "employee_view_sections": [
        {
            "owner_id": "local",
            "element_id": "suitable_work",
            "stance": "disagree",
            "body": "Er is wel passend werk: de planning.\n=Zie mijn voorstel van 16 juni. <b>Niet besproken.</b>",
            "written_on": "2025-08-25",
            "updated_at": AT,
        },
        {
            "owner_id": "local",
            "element_id": "action_plan",
            "stance": "agree",
            "body": "",
            "written_on": None,
            "updated_at": AT,
        },
        {
            "owner_id": "second-person",
            "element_id": "better_options",
            "stance": "disagree",
            "body": "Ik heb een ander re-integratiebureau voorgesteld; daar kwam geen antwoord op.",
            "written_on": "2025-08-20",
            "updated_at": AT,
        },
    ],
    "employee_view_signature": [
        {
            "owner_id": "local",
            "name": "Anna de Vries",
            "job_title": "Planner",
            "signed_on": "2025-08-25",
            "updated_at": AT,
        },
        {"owner_id": "second-person", "name": "Joris Bakker", "job_title": "", "signed_on": None, "updated_at": AT},
    ],
    "expert_requests": [
        {
            "owner_id": "local",
            "question_id": "suitable_work",
            "body": "Is het werk als planner, 20 uur per week, passend voor mij?",
            "documents_have": json.dumps(["work_description", "doctor_messages"]),
            "chosen_documents": json.dumps(list(EVIDENCE)),
            "updated_at": AT,
        },
        {
            "owner_id": "second-person",
            "question_id": "effort",
            "body": "Heeft mijn werkgever genoeg gedaan? Het bureau deed zes weken niets.",
            "documents_have": "[]",
            "chosen_documents": "[]",
            "updated_at": AT,
        },
    ],
    # migration 10 (the energy journal)
    "journal_entries": [
        {
            "owner_id": "local",
            "entry_date": "2025-07-01",
            "part": "evening",
            "energy": 3,
            "physical": 4,
            "mental": 8,
            "emotional": 6,
            "active_hours": 2.75,
            "rest_hours": 5.5,
            "rest_moments": 4,
            "longest_stretch": 1.25,
            "could": "boodschappen, 20 minuten wandelen",
            "could_not": "het gesprek <b>zonder</b> pauze afmaken",
            "note": "=na het gesprek met De Vries moe; 's avonds vroeg naar bed",
            "created_at": AT,
            "updated_at": AT,
        },
        {
            "owner_id": "second-person",
            "entry_date": "2025-10-12",
            "part": "morning",
            "energy": 6,
            "physical": None,
            "mental": None,
            "emotional": None,
            "active_hours": None,
            "rest_hours": None,
            "rest_moments": 2,
            "longest_stretch": None,
            "could": "",
            "could_not": "",
            "note": "Goed geslapen.",
            "created_at": AT,
            "updated_at": AT,
        },
    ],
    "journal_activity_costs": [
        {
            "owner_id": "local",
            "activity_id": "5b0c9d1e2f3a4b5c6d7e8f9a0b1c2d3e",
            "source": "meeting",
            "on_date": "2025-07-01",
            "label": "1 jul 2025 · gesprek met Mevrouw De Vries (re-integratiebureau)",
            "kind": "meeting",
            "hours": 1.5,
            "heaviness": 8,
            "next_day": "dip",
            "day_after": "tired",
            "note": "Twee dagen nodig om bij te komen.",
            "updated_at": AT,
        },
        {
            "owner_id": "second-person",
            "activity_id": "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
            "source": "typed",
            "on_date": "2025-10-14",
            "label": "proefplaatsing bij de bibliotheek",
            "kind": "shift",
            "hours": 3.0,
            "heaviness": 6,
            "next_day": "tired",
            "day_after": None,
            "note": "",
            "updated_at": AT,
        },
    ],
    "journal_typical_days": [
        {
            "owner_id": "local",
            "lang": "nl",
            "body": "Dit is gebaseerd op mijn dagboek van 1 juni 2025 tot en met 1 juli 2025: 24 dagen genoteerd.\n\n"
            "Een gemiddelde dag. Mijn energie is ongeveer 4 van 10.",
            "period_start": "2025-06-01",
            "period_end": "2025-07-01",
            "updated_at": AT,
        },
    ],
    # migration 12 (hosted): a grant to an adviser (one revoked) and the adviser's reads, per owner
    "adviser_grants": [
        {
            "owner_id": "local",
            "adviser_login": "j.bakker@fnv.example",
            "granted_at": "2026-01-13T09:15:00+00:00",
            "revoked_at": None,
        },
        {
            "owner_id": "second-person",
            "adviser_login": "adviseur@juridischloket.example",
            "granted_at": "2026-01-05T14:00:00+00:00",
            "revoked_at": "2026-01-20T08:30:00+00:00",
        },
    ],
    "adviser_reads": [
        {
            "id": "ad0000000000000000000000000000a1",
            "owner_id": "local",
            "adviser_login": "j.bakker@fnv.example",
            "what": "timeline",
            "read_at": "2026-01-14T10:02:03.000001+00:00",
        },
        {
            "id": "ad0000000000000000000000000000a2",
            "owner_id": "second-person",
            "adviser_login": "adviseur@juridischloket.example",
            "what": "activities",
            "read_at": "2026-01-06T11:00:00.000000+00:00",
        },
    ],
}


def _scores(row: dict[str, Any]) -> str:
    """Scores as the app of that version stored them (computed once, when the fixture is made)."""
    from spoor2.orientation.questionnaires import load_questionnaire, score_questionnaire

    q = load_questionnaire(row["questionnaire"])
    return score_questionnaire(q, json.loads(row["answers"])).model_dump_json()


def build(version: int, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    engine = _make_engine(f"sqlite:///{target}")
    try:
        migrate(engine, target=version)
        with engine.begin() as conn:
            present = set(inspect(conn).get_table_names())
            for table, rows in ROWS.items():
                if table not in present:
                    continue
                for row in rows:
                    values = dict(row)
                    if table == "orientation_results":
                        values["scores"] = _scores(values)
                    columns = ", ".join(values)
                    params = ", ".join(f":{c}" for c in values)
                    conn.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({params})"), values)
    finally:
        engine.dispose()  # the last connection to close checkpoints the WAL into the file
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)


def fixture_path(version: int) -> Path:
    return HERE / f"v{version}.sqlite3"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--up-to", type=int, default=STABLE_UP_TO, help="build versions 1..N")
    parser.add_argument("--force", action="store_true", help="rebuild files that exist (only before release)")
    args = parser.parse_args(argv)
    for version in range(1, args.up_to + 1):
        target = fixture_path(version)
        if target.exists() and not args.force:
            print(f"kept    {target.name}")
            continue
        build(version, target)
        print(f"written {target.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
