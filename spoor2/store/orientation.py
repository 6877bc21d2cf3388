"""Orientation drafts (save and resume) and results (history), owner-scoped."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import text

from spoor2.errors import InvalidInput
from spoor2.orientation.questionnaires import (
    Answer,
    Result,
    check_profile,
    load_questionnaire,
    score_questionnaire,
    validate_answers,
)
from spoor2.store import Store, now_iso


class Draft(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    questionnaire: str
    answers: dict[str, Answer]
    screen: int
    updated_at: str


class SavedResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    id: str
    questionnaire: str
    completed_on: date
    answers: dict[str, Answer]
    result: Result
    profile: dict[str, str]


def save_draft(store: Store, questionnaire_id: str, answers: Mapping[str, Any], screen: int) -> None:
    """Save (replace) the half-finished answers and the screen to resume at. Validates first."""
    q = load_questionnaire(questionnaire_id)
    clean = validate_answers(q, answers)
    if not 0 <= screen < len(q.screens):
        raise InvalidInput("orientation.error.unknown_screen", screen=screen)
    with store.transaction() as conn:
        conn.execute(
            text(
                "INSERT INTO orientation_drafts (owner_id, questionnaire, answers, screen, updated_at) "
                "VALUES (:o, :q, :a, :s, :at) ON CONFLICT (owner_id, questionnaire) DO UPDATE SET "
                "answers = excluded.answers, screen = excluded.screen, updated_at = excluded.updated_at"
            ),
            {"o": store.owner_id, "q": q.id, "a": json.dumps(clean), "s": screen, "at": now_iso()},
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
    answers = validate_answers(q, json.loads(row[0]))
    screen = min(max(int(row[1]), 0), len(q.screens) - 1)
    return Draft(questionnaire=questionnaire_id, answers=answers, screen=screen, updated_at=str(row[2]))


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
    return SavedResult(
        id=row[0],
        questionnaire=row[1],
        completed_on=date.fromisoformat(row[2]),
        answers=json.loads(row[3]),
        result=Result.model_validate_json(row[4], strict=False),
        profile=json.loads(row[5]),
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
