"""Stored rows are read back strictly: a number where a date belongs, or an unknown key in stored JSON, is refused.

Lax validation would turn a stray ``0`` into 1970-01-01 and show it as a real date. The repositories raise
(a pydantic ``ValidationError``) instead, and an import of such rows is refused as a whole with
``my_data.error.unreadable_rows`` naming the table — the way the store reports unreadable rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from spoor2.errors import ImportRejected
from spoor2.store import Store
from spoor2.store import my_data as data_io
from spoor2.store import orientation as orientation_repo
from spoor2.store import questions as questions_repo
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as activities_repo
from tests.support.my_data import fill_store


def _first_sick_day_0(stored: str) -> str:
    data = json.loads(stored)
    data["periods"][0]["start"] = "0"  # pydantic's JSON mode alone would read this as 1970-01-01
    return json.dumps(data)


def _with_extra_key(stored: str) -> str:
    data = json.loads(stored)
    data["surprise"] = 1
    return json.dumps(data)


#: table, column, how to spoil the stored value, the reader that must refuse it
BAD_ROWS: dict[str, tuple[str, str, Callable[[Any], Any], Callable[[Store], object]]] = {
    "an activity dated 0": ("activities", "activity_date", lambda _: 0, activities_repo.list_activities),
    "an activity dated 20261102 (a number, not ISO text)": (
        "activities",
        "activity_date",
        lambda _: 20261102,
        activities_repo.list_activities,
    ),
    "a follow-up on day 0": ("activities", "follow_up", lambda _: 0, activities_repo.list_activities),
    "a meeting dated 0": ("meetings", "meeting_date", lambda _: 0, questions_repo.meetings),
    "a meeting dated with an empty text": ("meetings", "meeting_date", lambda _: "", questions_repo.meetings),
    "a document received on day 0": ("document_checklist", "received_on", lambda _: 0, questions_repo.document_records),
    "a document received on 29 February of a common year": (
        "document_checklist",
        "received_on",
        lambda _: "2026-02-29",
        questions_repo.document_records,
    ),
    # Since b1b4072 a linked document (the action plan) is received when its timeline step is recorded
    # done: its date is read from milestone_records, and must be as strict as the checklist's own.
    "a linked document received on day 0": (
        "milestone_records",
        "done_on",
        lambda _: 0,
        questions_repo.document_records,
    ),
    "a linked document received on 20261102 (not ISO text)": (
        "milestone_records",
        "done_on",
        lambda _: "20261102",
        questions_repo.document_records,
    ),
    "a linked document received on 29 February of a common year": (
        "milestone_records",
        "done_on",
        lambda _: "2026-02-29",
        questions_repo.document_records,
    ),
    "a tracker import with a text row count": (
        "tracker_imports",
        "row_count",
        lambda _: "two",
        activities_repo.tracker_imports,
    ),
    "a tracker import made on day 0": ("tracker_imports", "imported_at", lambda _: 0, activities_repo.tracker_imports),
    "a result completed on day 0": (
        "orientation_results",
        "completed_on",
        lambda _: 0,
        lambda s: orientation_repo.list_results(s, "values"),
    ),
    "a result whose scores have an unknown key": (
        "orientation_results",
        "scores",
        _with_extra_key,
        lambda s: orientation_repo.list_results(s, "values"),
    ),
    "a question list with an unknown key": (
        "question_lists",
        "items",
        _with_extra_key,
        questions_repo.load_question_list,
    ),
    "a timeline whose first sick day is the text 0": (
        "timeline_inputs",
        "payload",
        _first_sick_day_0,
        timeline_repo.load_timeline_input,
    ),
    "a draft with an object where an answer belongs": (
        "orientation_drafts",
        "answers",
        lambda _: json.dumps({"r1": {"value": 4}}),
        lambda s: orientation_repo.load_draft(s, "interests"),
    ),
}


def _spoil(store: Store, table: str, column: str, spoil: Callable[[Any], Any]) -> bool:
    """Write the spoiled value; ``False`` when the database itself refuses it (PostgreSQL: a number in a TEXT
    column, a text in an INTEGER one) — there such a row cannot exist, which the caller asserts instead."""
    try:
        with store.transaction() as conn:
            row = conn.execute(
                text(f'SELECT "{column}" FROM "{table}" WHERE owner_id = :o'), {"o": store.owner_id}
            ).first()
            assert row is not None, f"fill_store wrote no row of {table}: nothing to spoil"
            conn.execute(
                text(f'UPDATE "{table}" SET "{column}" = :v WHERE owner_id = :o'),
                {"v": spoil(row[0]), "o": store.owner_id},
            )
    except DBAPIError:
        if not store.hosted:
            raise
        return False
    return True


@pytest.fixture
def filled(make_store) -> Store:
    """A filled store, on SQLite and on PostgreSQL (``make_store``)."""
    store = make_store("filled")
    fill_store(store)
    return store


def test_the_filled_store_reads_back(filled):
    """The readers below all succeed on the rows the app itself wrote."""
    for _, _, _, read in BAD_ROWS.values():
        read(filled)
    assert activities_repo.list_activities(filled)[0].activity_date == date(2026, 11, 2)


@pytest.mark.parametrize("name", list(BAD_ROWS))
def test_a_spoiled_row_is_refused_not_guessed(name, filled):
    table, column, spoil, read = BAD_ROWS[name]
    if not _spoil(filled, table, column, spoil):
        assert filled.hosted  # PostgreSQL's own column types refused it: such a row cannot exist there
        return
    with pytest.raises(ValidationError):
        read(filled)


@pytest.mark.parametrize(
    "name",
    [
        "an activity dated 0",
        "a meeting dated 0",
        "a result completed on day 0",
        "a linked document received on 20261102 (not ISO text)",
        "a tracker import made on day 0",
    ],
)
def test_an_archive_with_a_number_for_a_date_is_refused_as_a_whole(name, filled, make_store):
    table, column, spoil, _ = BAD_ROWS[name]
    if not _spoil(filled, table, column, spoil):
        assert filled.hosted  # PostgreSQL refused the number itself: no such export can be made there
        return
    exported = data_io.export_bytes(filled)
    target = make_store("other")
    with pytest.raises(ImportRejected) as raised:
        data_io.import_bytes(target, exported)
    assert raised.value.code == "my_data.error.unreadable_rows"
    assert raised.value.params == {"table": table}
