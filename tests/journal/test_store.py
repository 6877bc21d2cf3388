"""The journal in the store: one check-in per day and part (saving again edits it), costs that outlive their
activity, the edited typical day, and export → delete → import of everything."""

from __future__ import annotations

from datetime import date

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
