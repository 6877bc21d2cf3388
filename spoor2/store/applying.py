"""The applying data of one owner (SQL only here; the rules live in ``spoor2/applying/``).

* CV versions (``cv_versions``): a name unique per person, a language, the CV as JSON.
* Per tracker activity (``activity_applications``): the CV version used, the letter, the interview notes.
  The tracker's own table is not touched; a deleted activity takes its row along (``ON DELETE CASCADE``)
  and a deleted CV version leaves the activities that used it without a version (``ON DELETE SET NULL``,
  and said so here too, for a database that does not enforce it).
* Interview stories (``interview_stories``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from spoor2.applying.cv import CV, CvVersion, check_lang, check_name
from spoor2.applying.interviews import Story
from spoor2.applying.letters import Application
from spoor2.errors import InvalidInput
from spoor2.model import load_strict
from spoor2.store import Store, now_iso, upsert
from spoor2.store import tracker as tracker_repo


def new_id() -> str:
    return uuid.uuid4().hex


# --- CV versions -------------------------------------------------------------------------------------

_VERSION_COLUMNS = "id, name, lang, content, updated_at"


def _version(row: Sequence[Any]) -> CvVersion:
    stored = {"id": row[0], "name": row[1], "lang": row[2], "cv": json.loads(row[3]), "updated_at": row[4]}
    return load_strict(CvVersion, stored)


def list_versions(store: Store) -> list[CvVersion]:
    """All CV versions, the most recently changed first."""
    with store.read() as conn:
        rows = conn.execute(
            text(f"SELECT {_VERSION_COLUMNS} FROM cv_versions WHERE owner_id = :o ORDER BY updated_at DESC, name, id"),
            {"o": store.owner_id},
        ).all()
    return [_version(row) for row in rows]


def get_version(store: Store, version_id: str | None) -> CvVersion | None:
    if not version_id:
        return None
    with store.read() as conn:
        row = conn.execute(
            text(f"SELECT {_VERSION_COLUMNS} FROM cv_versions WHERE owner_id = :o AND id = :id"),
            {"o": store.owner_id, "id": version_id},
        ).first()
    return None if row is None else _version(row)


def version_by_name(store: Store, name: str) -> CvVersion | None:
    """The version with this name (exact, else the only one that matches ignoring case)."""
    versions = list_versions(store)
    exact = [v for v in versions if v.name == name.strip()]
    loose = [v for v in versions if v.name.casefold() == name.strip().casefold()]
    return exact[0] if exact else loose[0] if len(loose) == 1 else None


def _name_taken(conn: Connection, store: Store, name: str, version_id: str) -> bool:
    rows = conn.execute(
        text("SELECT id, name FROM cv_versions WHERE owner_id = :o AND id <> :id"),
        {"o": store.owner_id, "id": version_id},
    ).all()
    return any(row[1].casefold() == name.casefold() for row in rows)


def _moment() -> str:
    """When a version changed, to the microsecond: "the most recently changed" is never a tie of one second."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def save_version(store: Store, version_id: str, name: str, lang: str, cv: CV) -> CvVersion:
    """Create or replace a version (the id is the form's token: the same save twice stores one version).

    The name must be given and be unique (ignoring case); the language is ``en`` or ``nl``."""
    name, lang = check_name(name), check_lang(lang)
    at = _moment()
    with store.transaction() as conn:
        if _name_taken(conn, store, name, version_id):
            raise InvalidInput("applying.error.name_taken", name=name)
        other = conn.execute(text("SELECT owner_id FROM cv_versions WHERE id = :id"), {"id": version_id}).first()
        if other is not None and other[0] != store.owner_id:
            raise InvalidInput("applying.error.version_not_found")
        created = conn.execute(text("SELECT created_at FROM cv_versions WHERE id = :id"), {"id": version_id}).first()
        upsert(
            conn,
            "cv_versions",
            ("id",),
            {
                "id": version_id,
                "owner_id": store.owner_id,
                "name": name,
                "lang": lang,
                "content": cv.model_dump_json(),
                "created_at": created[0] if created else at,
                "updated_at": at,
            },
            same=("owner_id",),
        )
    return CvVersion(id=version_id, name=name, lang=lang, cv=cv, updated_at=at)  # type: ignore[arg-type]


def duplicate_version(store: Store, version_id: str, new_name: str, new_id_: str | None = None) -> CvVersion:
    """A copy of a version under a new name (for another kind of job)."""
    source = get_version(store, version_id)
    if source is None:
        raise InvalidInput("applying.error.version_not_found")
    return save_version(store, new_id_ or new_id(), new_name, source.lang, source.cv)


def delete_version(store: Store, version_id: str) -> int:
    """Delete a version; the activities that used it keep their letter and notes but no longer name a
    version. Returns how many activities used it."""
    key = {"o": store.owner_id, "id": version_id}
    with store.transaction() as conn:
        used = conn.execute(
            text("SELECT COUNT(*) FROM activity_applications WHERE owner_id = :o AND cv_version_id = :id"), key
        ).scalar_one()
        conn.execute(
            text("UPDATE activity_applications SET cv_version_id = NULL WHERE owner_id = :o AND cv_version_id = :id"),
            key,
        )
        conn.execute(text("DELETE FROM cv_versions WHERE owner_id = :o AND id = :id"), key)
    return int(used)


def latest_version(store: Store) -> CvVersion | None:
    versions = list_versions(store)
    return versions[0] if versions else None


# --- per tracker activity: the CV version used, the letter, the interview notes ------------------------

_APP_COLUMNS = "activity_id, cv_version_id, letter, letter_lang, interview_notes, updated_at"


def _application(row: Sequence[Any]) -> Application:
    names = ("activity_id", "cv_version_id", "letter", "letter_lang", "interview_notes", "updated_at")
    return load_strict(Application, dict(zip(names, row, strict=True)))


def list_applications(store: Store) -> dict[str, Application]:
    """Per activity id, what the application added (only activities with something)."""
    with store.read() as conn:
        rows = conn.execute(
            text(f"SELECT {_APP_COLUMNS} FROM activity_applications WHERE owner_id = :o ORDER BY activity_id"),
            {"o": store.owner_id},
        ).all()
    return {row[0]: _application(row) for row in rows}


def get_application(store: Store, activity_id: str) -> Application:
    """What the application added to this activity (an empty one when nothing yet)."""
    with store.read() as conn:
        row = conn.execute(
            text(f"SELECT {_APP_COLUMNS} FROM activity_applications WHERE owner_id = :o AND activity_id = :a"),
            {"o": store.owner_id, "a": activity_id},
        ).first()
    return Application(activity_id=activity_id) if row is None else _application(row)


def _save_application(store: Store, app: Application) -> Application:
    if tracker_repo.get_activity(store, app.activity_id) is None:
        raise InvalidInput("applying.error.activity_not_found")
    saved = app.model_copy(update={"updated_at": now_iso()})
    with store.transaction() as conn:
        if saved.cv_version_id is not None:
            found = conn.execute(
                text("SELECT 1 FROM cv_versions WHERE owner_id = :o AND id = :id"),
                {"o": store.owner_id, "id": saved.cv_version_id},
            ).first()
            if found is None:
                raise InvalidInput("applying.error.version_not_found")
        if saved.cv_version_id is None and not saved.letter and not saved.interview_notes:
            conn.execute(
                text("DELETE FROM activity_applications WHERE owner_id = :o AND activity_id = :a"),
                {"o": store.owner_id, "a": saved.activity_id},
            )
            return saved
        upsert(
            conn,
            "activity_applications",
            ("activity_id",),
            {"owner_id": store.owner_id, **saved.model_dump()},
            same=("owner_id",),
        )
    return saved


def set_cv_version(store: Store, activity_id: str, version_id: str | None) -> Application:
    """Record which CV version was sent with this application (None: none)."""
    return _save_application(
        store, get_application(store, activity_id).model_copy(update={"cv_version_id": version_id})
    )


def save_letter(store: Store, activity_id: str, letter: str, lang: str, version_id: str | None) -> Application:
    """Keep the letter (checked by :func:`spoor2.applying.letters.check_letter`) with the activity, and the
    CV version it was written from as the version used."""
    lang = check_lang(lang)
    current = get_application(store, activity_id)
    update = {"letter": letter, "letter_lang": lang, "cv_version_id": version_id or current.cv_version_id}
    return _save_application(store, current.model_copy(update=update))


def delete_letter(store: Store, activity_id: str) -> Application:
    current = get_application(store, activity_id)
    return _save_application(store, current.model_copy(update={"letter": "", "letter_lang": None}))


def save_interview_notes(store: Store, activity_id: str, notes: str) -> Application:
    current = get_application(store, activity_id)
    return _save_application(store, current.model_copy(update={"interview_notes": notes}))


# --- interview stories ----------------------------------------------------------------------------------

_STORY_COLUMNS = "id, title, situation, task, action, result, updated_at"


def list_stories(store: Store) -> list[Story]:
    with store.read() as conn:
        rows = conn.execute(
            text(f"SELECT {_STORY_COLUMNS} FROM interview_stories WHERE owner_id = :o ORDER BY created_at, id"),
            {"o": store.owner_id},
        ).all()
    names = ("id", "title", "situation", "task", "action", "result", "updated_at")
    return [load_strict(Story, dict(zip(names, row, strict=True))) for row in rows]


def save_story(store: Store, story: Story) -> Story:
    """Create or replace a story (its id is the form's token: the same save twice stores one story)."""
    at = now_iso()
    with store.transaction() as conn:
        old = conn.execute(
            text("SELECT owner_id, created_at FROM interview_stories WHERE id = :id"), {"id": story.id}
        ).first()
        if old is not None and old[0] != store.owner_id:
            raise InvalidInput("applying.error.story_not_found")
        values = {**story.model_dump(), "updated_at": at, "owner_id": store.owner_id}
        upsert(conn, "interview_stories", ("id",), {**values, "created_at": old[1] if old else at}, same=("owner_id",))
    return story.model_copy(update={"updated_at": at})


def delete_story(store: Store, story_id: str) -> bool:
    with store.transaction() as conn:
        deleted = conn.execute(
            text("DELETE FROM interview_stories WHERE owner_id = :o AND id = :id"),
            {"o": store.owner_id, "id": story_id},
        ).rowcount
    return bool(deleted)


#: Per owned table of this capability: how the app reads it back (used to check an import, see
#: :func:`spoor2.store.my_data._check_readable`).
READERS: dict[str, Callable[[Store], Any]] = {
    "cv_versions": list_versions,
    "activity_applications": list_applications,
    "interview_stories": list_stories,
}


# --- after the new start (C2) ---
# The check-in answers are rows of ``after_start_checkins``; the start date of the new job and the ticks of
# the routes' checklists are settings (one small value per person, exported and deleted with the settings
# table; a table of their own would add nothing).
from datetime import date  # noqa: E402

from spoor2.applying.after_start import CheckinAnswer, check_answer, check_start_date  # noqa: E402
from spoor2.applying.routes import check_ticks  # noqa: E402
from spoor2.store import timeline as timeline_repo  # noqa: E402

START_DATE_SETTING = "after_start.start_date"
ROUTE_TICKS_SETTING = "routes.ticks"


def save_checkin_answers(store: Store, answers: Sequence[CheckinAnswer]) -> None:
    """Save (or change) the answers of a check-in in one transaction, after checking all of them (nothing is
    saved half-way). An empty answer removes its row; ``answered_on`` is kept from the first save."""
    for answer in answers:
        check_answer(answer)
    with store.transaction() as conn:
        for answer in answers:
            _save_checkin_answer(conn, store.owner_id, answer)


def save_checkin_answer(store: Store, answer: CheckinAnswer) -> None:
    save_checkin_answers(store, [answer])


def _save_checkin_answer(conn: Connection, owner_id: str, answer: CheckinAnswer) -> None:
    key = {"o": owner_id, "c": answer.checkpoint, "q": answer.question_id}
    where = "WHERE owner_id = :o AND checkpoint = :c AND question_id = :q"
    if not answer.answer.strip():
        conn.execute(text(f"DELETE FROM after_start_checkins {where}"), key)
        return
    old = conn.execute(text(f"SELECT answered_on FROM after_start_checkins {where}"), key).first()
    row = {
        "owner_id": owner_id,
        "checkpoint": answer.checkpoint,
        "question_id": answer.question_id,
        "answer": answer.answer,
        "answered_on": old[0] if old else answer.answered_on.isoformat(),
        "updated_at": now_iso(),
    }
    upsert(conn, "after_start_checkins", ("owner_id", "checkpoint", "question_id"), row)


def list_checkin_answers(store: Store) -> dict[tuple[int, str], CheckinAnswer]:
    """Every answer of the person, by (checkpoint, question id)."""
    with store.read() as conn:
        rows = conn.execute(
            text(
                "SELECT checkpoint, question_id, answer, answered_on FROM after_start_checkins"
                " WHERE owner_id = :o ORDER BY checkpoint, question_id"
            ),
            {"o": store.owner_id},
        ).all()
    names = ("checkpoint", "question_id", "answer", "answered_on")
    answers = [load_strict(CheckinAnswer, dict(zip(names, row, strict=True))) for row in rows]
    return {(answer.checkpoint, answer.question_id): answer for answer in answers}


def get_start_date(store: Store) -> date | None:
    value = timeline_repo.get_setting(store, START_DATE_SETTING)
    return date.fromisoformat(value) if value else None


def set_start_date(store: Store, start: date | None, today: date) -> None:
    """The start date of the new job (None: forget it; the answers stay)."""
    if start is None:
        with store.transaction() as conn:
            conn.execute(
                text("DELETE FROM settings WHERE owner_id = :o AND key = :k"),
                {"o": store.owner_id, "k": START_DATE_SETTING},
            )
        return
    check_start_date(start, today)
    timeline_repo.set_setting(store, START_DATE_SETTING, start.isoformat())


def get_route_ticks(store: Store) -> dict[str, list[str]]:
    """The ticked checks per route id (unknown routes or checks of an older version are left out)."""
    value = timeline_repo.get_setting(store, ROUTE_TICKS_SETTING)
    if not value:
        return {}
    raw = json.loads(value)
    known: dict[str, list[str]] = {}
    for route_id, ticked in raw.items() if isinstance(raw, dict) else ():
        try:
            known.update(check_ticks({route_id: [str(check) for check in ticked]}))
        except InvalidInput:
            continue
    return known


def set_route_tick(store: Store, route_id: str, check_id: str, ticked: bool) -> None:
    """Tick or untick one check of one route (validated: a real route and one of its checks)."""
    ticks = get_route_ticks(store)
    current = set(ticks.get(route_id, []))
    current = current | {check_id} if ticked else current - {check_id}
    ticks = check_ticks({**ticks, route_id: sorted(current)})
    timeline_repo.set_setting(store, ROUTE_TICKS_SETTING, json.dumps(ticks, sort_keys=True))


READERS["after_start_checkins"] = list_checkin_answers
