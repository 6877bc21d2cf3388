"""Orientation drafts (save and resume) and results (history), owner-scoped."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import text

from spoor2.errors import InvalidInput
from spoor2.model import load_strict
from spoor2.orientation.questionnaires import (
    Draft,
    SavedResult,
    check_profile,
    load_questionnaire,
    score_questionnaire,
    validate_answers,
)
from spoor2.store import Store, now_iso, upsert


def save_draft(store: Store, questionnaire_id: str, answers: Mapping[str, Any], screen: int) -> None:
    """Save (replace) the half-finished answers and the screen to resume at. Validates first."""
    q = load_questionnaire(questionnaire_id)
    clean = validate_answers(q, answers)
    if not 0 <= screen < len(q.screens):
        raise InvalidInput("orientation.error.unknown_screen", screen=screen)
    with store.transaction() as conn:
        upsert(
            conn,
            "orientation_drafts",
            ("owner_id", "questionnaire"),
            {
                "owner_id": store.owner_id,
                "questionnaire": q.id,
                "answers": json.dumps(clean),
                "screen": screen,
                "updated_at": now_iso(),
            },
        )


def load_draft(store: Store, questionnaire_id: str) -> Draft | None:
    with store.read() as conn:
        row = conn.execute(
            text(
                "SELECT answers, screen, updated_at FROM orientation_drafts WHERE owner_id = :o AND questionnaire = :q"
            ),
            {"o": store.owner_id, "q": questionnaire_id},
        ).first()
    if row is None:
        return None
    q = load_questionnaire(questionnaire_id)
    stored = {"questionnaire": questionnaire_id, "answers": json.loads(row[0]), "screen": row[1], "updated_at": row[2]}
    draft = load_strict(Draft, stored)
    # answers the questionnaire does not have (or off its scale) are refused; the screen is kept in range
    return Draft(
        questionnaire=draft.questionnaire,
        answers=validate_answers(q, draft.answers),
        screen=min(max(draft.screen, 0), len(q.screens) - 1),
        updated_at=draft.updated_at,
    )


def delete_draft(store: Store, questionnaire_id: str) -> None:
    with store.transaction() as conn:
        conn.execute(
            text("DELETE FROM orientation_drafts WHERE owner_id = :o AND questionnaire = :q"),
            {"o": store.owner_id, "q": questionnaire_id},
        )


def complete_questionnaire(
    store: Store,
    questionnaire_id: str,
    answers: Mapping[str, Any],
    completed_on: date,
    profile: Mapping[str, str] | None = None,
) -> SavedResult:
    """Score and save a result, and remove the draft — in one transaction. Validates first."""
    q = load_questionnaire(questionnaire_id)
    clean = validate_answers(q, answers)
    result = score_questionnaire(q, clean)
    clean_profile = check_profile(profile) if profile else {}
    saved = SavedResult(
        id=uuid.uuid4().hex,
        questionnaire=q.id,
        completed_on=completed_on,
        answers=clean,
        result=result,
        profile=clean_profile,
    )
    with store.transaction() as conn:
        conn.execute(
            text(
                "INSERT INTO orientation_results (id, owner_id, questionnaire, completed_on, answers, scores, "
                "profile, created_at) VALUES (:id, :o, :q, :d, :a, :s, :p, :at)"
            ),
            {
                "id": saved.id,
                "o": store.owner_id,
                "q": q.id,
                "d": completed_on.isoformat(),
                "a": json.dumps(clean),
                "s": result.model_dump_json(),
                "p": json.dumps(clean_profile),
                "at": now_iso(),
            },
        )
        conn.execute(
            text("DELETE FROM orientation_drafts WHERE owner_id = :o AND questionnaire = :q"),
            {"o": store.owner_id, "q": q.id},
        )
    return saved


def update_profile(store: Store, result_id: str, profile: Mapping[str, str]) -> None:
    """Save the user's edits of the draft search profile (*zoekprofiel*) on a capacity result."""
    clean = check_profile(profile)
    with store.transaction() as conn:
        updated = conn.execute(
            text(
                "UPDATE orientation_results SET profile = :p "
                "WHERE owner_id = :o AND id = :id AND questionnaire = 'capacity'"
            ),
            {"p": json.dumps(clean), "o": store.owner_id, "id": result_id},
        ).rowcount
    if updated != 1:
        raise InvalidInput("orientation.error.unknown_result")


def _to_saved(row: Any) -> SavedResult:
    return load_strict(
        SavedResult,
        {
            "id": row[0],
            "questionnaire": row[1],
            "completed_on": row[2],
            "answers": json.loads(row[3]),
            "result": json.loads(row[4]),
            "profile": json.loads(row[5]),
        },
    )


def list_results(store: Store, questionnaire_id: str) -> list[SavedResult]:
    """All results of a questionnaire, oldest first (for history and comparison)."""
    with store.read() as conn:
        rows = conn.execute(
            text(
                "SELECT id, questionnaire, completed_on, answers, scores, profile FROM orientation_results "
                "WHERE owner_id = :o AND questionnaire = :q ORDER BY completed_on, created_at, id"
            ),
            {"o": store.owner_id, "q": questionnaire_id},
        ).all()
    return [_to_saved(row) for row in rows]


def latest_result(store: Store, questionnaire_id: str) -> SavedResult | None:
    results = list_results(store, questionnaire_id)
    return results[-1] if results else None


def delete_result(store: Store, result_id: str) -> None:
    with store.transaction() as conn:
        conn.execute(
            text("DELETE FROM orientation_results WHERE owner_id = :o AND id = :id"),
            {"o": store.owner_id, "id": result_id},
        )
