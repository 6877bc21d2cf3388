"""The journal in the store: one check-in per day and part (saving again edits it), costs that outlive their
activity, the edited typical day, and export → delete → import of everything."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError
from sqlalchemy import text

from spoor2.journal.entries import ActivityCost, CheckIn
from spoor2.store import Store
from spoor2.store import journal as repo
from spoor2.store import my_data as data_io
from spoor2.store import tracker as tracker_repo
from spoor2.tracker.activities import Activity

DAY = date(2026, 11, 2)


def test_a_check_in_round_trips_exactly(memory_store):
    entry = CheckIn(
        day=DAY,
        part="evening",
        energy=3,
        physical=2,
        mental=8,
        emotional=5,
        active_hours=2.75,
        rest_hours=6.5,
        rest_moments=4,
        longest_stretch=1.25,
        could="boodschappen",
        could_not="<b>koken</b>",
        note='=HYPERLINK("x")',
    )
    assert repo.save_entry(memory_store, entry) is True
    assert repo.entries(memory_store) == [entry]
    assert repo.get_entry(memory_store, DAY, "evening") == entry


def test_saving_the_same_day_and_part_again_edits_it_and_another_part_is_a_second_entry(memory_store):
    repo.save_entry(memory_store, CheckIn(day=DAY, part="morning", energy=6))
    assert repo.save_entry(memory_store, CheckIn(day=DAY, part="morning", energy=2)) is False
    repo.save_entry(memory_store, CheckIn(day=DAY, part="evening", energy=4))
    assert [(e.part, e.energy) for e in repo.entries(memory_store)] == [("morning", 2), ("evening", 4)]


def test_a_back_dated_entry_sorts_in_its_place_and_a_period_filters(memory_store):
    repo.save_entry(memory_store, CheckIn(day=DAY, energy=6))
    repo.save_entry(memory_store, CheckIn(day=date(2025, 1, 5), energy=2))
    assert [e.day for e in repo.entries(memory_store)] == [date(2025, 1, 5), DAY]
    assert [e.day for e in repo.entries(memory_store, start=date(2026, 1, 1))] == [DAY]


def test_delete_removes_one_check_in(memory_store):
    repo.save_entry(memory_store, CheckIn(day=DAY, energy=6))
    assert repo.delete_entry(memory_store, DAY, "day") is True
    assert repo.entries(memory_store) == []
    assert repo.delete_entry(memory_store, DAY, "day") is False


def test_another_owner_sees_nothing(memory_store):
    repo.save_entry(memory_store, CheckIn(day=DAY, energy=6))
    assert repo.entries(memory_store.for_owner("someone-else")) == []


def test_a_cost_stays_when_its_tracker_activity_is_removed(memory_store):
    activity = Activity(id="act-1", activity_date=DAY, type="job_interview", organisation="Gemeente Utrecht")
    tracker_repo.add_activity(memory_store, activity, today=DAY)
    cost = ActivityCost(activity_id="act-1", source="tracker", on=DAY, label="interview", heaviness=8, next_day="dip")
    repo.save_cost(memory_store, cost)
    repo.save_cost(memory_store, cost.model_copy(update={"day_after": "tired"}))  # again: replaces it
    tracker_repo.delete_activity(memory_store, "act-1")
    assert repo.costs(memory_store) == [cost.model_copy(update={"day_after": "tired"})]


def test_the_edited_typical_day_is_kept_per_language_and_can_start_again(memory_store):
    repo.save_typical_day(memory_store, "nl", "Mijn eigen tekst", date(2026, 10, 1), DAY)
    assert repo.typical_day(memory_store, "nl") == "Mijn eigen tekst"
    assert repo.typical_day(memory_store, "en") is None
    repo.forget_typical_day(memory_store, "nl")
    assert repo.typical_day(memory_store, "nl") is None


def test_export_delete_import_brings_the_journal_back(tmp_path):
    store = Store(tmp_path / "a.sqlite3", files_root=tmp_path / "files")
    repo.save_entry(store, CheckIn(day=DAY, part="morning", energy=6, note="<i>x</i>"))
    repo.save_cost(store, ActivityCost(activity_id="t1", source="typed", on=DAY, kind="shift", heaviness=7))
    repo.save_typical_day(store, "en", "My day", None, None)
    exported = data_io.export_bytes(store)
    data_io.delete_everything(store)
    assert repo.entries(store) == [] and repo.costs(store) == [] and repo.typical_day(store, "en") is None
    data_io.import_bytes(store, exported)
    assert [e.note for e in repo.entries(store)] == ["<i>x</i>"]
    assert [c.activity_id for c in repo.costs(store)] == ["t1"]
    assert repo.typical_day(store, "en") == "My day"


# --- a page of check-ins (the list on /journal reads one page, not all of them: issue 19) --------------------


def _three_days_of_parts(store: Store) -> list[CheckIn]:
    """Morning, whole day and evening on three days, saved in a muddled order; the list oldest first."""
    days = [date(2026, 10, 30), date(2026, 10, 31), date(2026, 11, 2)]
    made = [CheckIn(day=day, part=part, energy=n) for n, (day, part) in enumerate(
        (day, part) for day in days for part in ("morning", "day", "evening")
    )]  # fmt: skip
    for entry in (*made[4:], *reversed(made[:4])):
        repo.save_entry(store, entry)
    return made


def test_the_count_is_the_number_of_check_ins_and_a_page_is_newest_first_evening_before_morning(make_store):
    store = make_store("journal")
    assert repo.count_entries(store) == 0 and repo.newest_entries(store, 10) == []
    made = _three_days_of_parts(store)
    assert repo.count_entries(store) == len(made) == len(repo.entries(store))
    assert repo.entries(store) == made
    assert repo.newest_entries(store, 4) == list(reversed(made))[:4]
    assert [(e.day.day, e.part) for e in repo.newest_entries(store, 3)] == [(2, "evening"), (2, "day"), (2, "morning")]


def test_page_by_page_every_check_in_comes_once_and_the_last_page_holds_the_oldest(make_store):
    store = make_store("journal")
    made = _three_days_of_parts(store)
    pages = [repo.newest_entries(store, 4, offset) for offset in range(0, len(made), 4)]
    assert [len(p) for p in pages] == [4, 4, 1]
    assert [e for p in pages for e in p] == list(reversed(made))
    assert pages[-1] == [made[0]]  # the oldest: the first day's morning


@pytest.mark.parametrize(
    ("limit", "offset", "expected"),
    [
        (0, 0, 0),  # nothing asked
        (1, 0, 1),
        (9, 0, 9),  # exactly all
        (10, 0, 9),  # more than there are
        (5, 8, 1),  # the last one
        (5, 9, 0),  # just past the end
        (5, 100, 0),
        (-1, 0, 0),  # a negative limit or offset is no page, never "everything"
        (3, -5, 3),
    ],
)
def test_the_limit_and_offset_at_their_edges(make_store, limit, offset, expected):
    store = make_store("journal")
    newest_first = list(reversed(_three_days_of_parts(store)))
    found = repo.newest_entries(store, limit, offset)
    assert len(found) == expected
    assert found == newest_first[max(0, offset) :][:expected]


def test_another_owner_counts_and_pages_nothing_of_mine(make_store):
    store = make_store("journal")
    mine = list(reversed(_three_days_of_parts(store)))
    other = store.for_owner("second-person")
    assert repo.count_entries(other) == 0 and repo.newest_entries(other, 10) == []
    theirs = CheckIn(day=date(2026, 11, 5), energy=1)  # newer than all of mine
    repo.save_entry(other, theirs)
    assert repo.count_entries(other) == 1 and repo.newest_entries(other, 10) == [theirs]
    assert repo.count_entries(store) == 9 and repo.newest_entries(store, 10) == mine


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("entry_date", 0),  # lax validation would read it as 1970-01-01
        ("entry_date", "0"),
        ("entry_date", "2026-02-29"),  # no such day
        ("energy", 11),  # beyond the scale
        ("energy", 2.5),  # a score is a whole number
        ("rest_moments", "a few"),  # text where a number belongs
        ("part", "night"),
    ],
)
def test_a_spoilt_row_is_refused_when_all_or_a_page_is_read_never_shown_as_something_else(memory_store, column, value):
    repo.save_entry(memory_store, CheckIn(day=DAY, energy=6))
    repo.save_entry(memory_store, CheckIn(day=date(2026, 11, 1), energy=5))
    with memory_store.transaction() as conn:
        conn.execute(text(f"UPDATE journal_entries SET {column} = :v WHERE entry_date = '2026-11-01'"), {"v": value})
    for read in (repo.entries, lambda s: repo.newest_entries(s, 10)):
        with pytest.raises(ValidationError):
            read(memory_store)
    assert repo.newest_entries(memory_store, 1) == [CheckIn(day=DAY, energy=6)]  # a page without it is fine
