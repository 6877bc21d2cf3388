"""The applying store: CV versions (names unique, several per person), the links of a tracker activity to a
CV version, a letter and interview notes — nothing dangling after a delete — and the round trip of /my-data."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from spoor2.applying.cv import check_cv
from spoor2.applying.interviews import Story
from spoor2.errors import InvalidInput
from spoor2.store import Store
from spoor2.store import applying as repo
from spoor2.store import my_data as data_io
from spoor2.store import tracker as tracker_repo
from spoor2.tracker.activities import Activity

TODAY = date(2026, 12, 2)


def _cv(profile: str = "Ik plan graag."):  # type: ignore[no-untyped-def]
    return check_cv({"profile": profile, "skills": "Excel"}, TODAY)


def _activity(store: Store, organisation: str = "Acme") -> Activity:
    return tracker_repo.add_activity(
        store,
        Activity(id=repo.new_id(), activity_date=date(2026, 11, 2), type="vacancy_application",
                 organisation=organisation, status="done"),
    )  # fmt: skip


def _rows(store: Store, table: str) -> list:
    with store.read() as conn:
        return conn.execute(text(f"SELECT * FROM {table}")).all()


def test_several_versions_newest_first_and_a_name_is_unique_ignoring_case(memory_store):
    first = repo.save_version(memory_store, "v1", "Logistiek", "nl", _cv())
    second = repo.save_version(memory_store, "v2", "Office", "en", _cv("I plan."))
    assert {v.name for v in repo.list_versions(memory_store)} == {"Logistiek", "Office"}
    with pytest.raises(InvalidInput) as caught:
        repo.save_version(memory_store, "v3", "logistiek", "en", _cv())
    assert caught.value.code == "applying.error.name_taken"
    assert len(repo.list_versions(memory_store)) == 2
    repo.save_version(memory_store, "v1", "Logistiek", "nl", _cv("Nieuw."))  # saved again: still one
    assert repo.list_versions(memory_store)[0].id == "v1"
    assert repo.get_version(memory_store, "v1").cv.profile == "Nieuw."
    assert repo.version_by_name(memory_store, "office") == repo.get_version(memory_store, second.id)
    assert first.lang == "nl"


@pytest.mark.parametrize(("name", "lang", "code"), [("  ", "nl", "empty_name"), ("x", "de", "unknown_lang")])
def test_an_empty_name_or_another_language_saves_nothing(memory_store, name, lang, code):
    with pytest.raises(InvalidInput) as caught:
        repo.save_version(memory_store, "v1", name, lang, _cv())
    assert caught.value.code == f"applying.error.{code}"
    assert repo.list_versions(memory_store) == []


def test_a_copy_is_a_new_version_with_the_same_cv(memory_store):
    repo.save_version(memory_store, "v1", "Logistiek", "nl", _cv())
    copy = repo.duplicate_version(memory_store, "v1", "Logistiek (kort)")
    assert copy.id != "v1" and copy.cv == repo.get_version(memory_store, "v1").cv and copy.lang == "nl"


def test_the_version_used_the_letter_and_notes_are_kept_with_the_activity(memory_store):
    activity = _activity(memory_store)
    repo.save_version(memory_store, "v1", "Logistiek", "nl", _cv())
    repo.save_version(memory_store, "v2", "Office", "en", _cv())
    repo.save_letter(memory_store, activity.id, "Geachte heer, mevrouw,", "nl", "v1")
    repo.set_cv_version(memory_store, activity.id, "v2")  # another version sent after all
    repo.save_interview_notes(memory_store, activity.id, "Tweede ronde.")
    app = repo.get_application(memory_store, activity.id)
    assert (app.cv_version_id, app.letter, app.letter_lang, app.interview_notes) == (
        "v2", "Geachte heer, mevrouw,", "nl", "Tweede ronde."
    )  # fmt: skip
    with pytest.raises(InvalidInput):
        repo.set_cv_version(memory_store, activity.id, "no-such-version")
    with pytest.raises(InvalidInput):
        repo.save_interview_notes(memory_store, "no-such-activity", "x")
    assert len(_rows(memory_store, "activity_applications")) == 1


def test_deleting_a_version_leaves_the_letters_without_a_dangling_version(memory_store):
    activity = _activity(memory_store)
    repo.save_version(memory_store, "v1", "Logistiek", "nl", _cv())
    repo.save_letter(memory_store, activity.id, "Brief", "nl", "v1")
    assert repo.delete_version(memory_store, "v1") == 1
    app = repo.get_application(memory_store, activity.id)
    assert app.cv_version_id is None and app.letter == "Brief"


def test_deleting_an_activity_in_the_tracker_deletes_its_letter_and_notes(memory_store):
    kept, gone = _activity(memory_store, "Kept"), _activity(memory_store, "Gone")
    for activity in (kept, gone):
        repo.save_interview_notes(memory_store, activity.id, f"Notes {activity.organisation}")
    tracker_repo.delete_activities(memory_store, [gone.id])  # the tracker's own delete, not ours
    assert list(repo.list_applications(memory_store)) == [kept.id]


def test_a_link_with_nothing_left_is_removed(memory_store):
    activity = _activity(memory_store)
    repo.save_letter(memory_store, activity.id, "Brief", "nl", None)
    repo.delete_letter(memory_store, activity.id)
    assert _rows(memory_store, "activity_applications") == []


def test_a_story_saved_twice_is_one_story_and_another_owner_sees_none(memory_store):
    story = Story(id="s1", title="Drukke week", action="Ik plande.")
    repo.save_story(memory_store, story)
    repo.save_story(memory_store, story)
    assert [s.title for s in repo.list_stories(memory_store)] == ["Drukke week"]
    other = memory_store.for_owner("second-person")
    assert repo.list_stories(other) == []
    with pytest.raises(InvalidInput):
        repo.save_story(other, story)  # someone else's id is never overwritten
    assert repo.delete_story(memory_store, "s1") and repo.list_stories(memory_store) == []


def test_the_links_survive_export_delete_and_import(tmp_path):
    store = Store(tmp_path / "a.db", files_root=tmp_path / "files")
    activity = _activity(store)
    repo.save_version(store, "v1", "Logistiek", "nl", _cv("Ik plan <b>graag</b>.\n=1+1"))
    repo.save_letter(store, activity.id, "Brief aan Acme", "nl", "v1")
    repo.save_interview_notes(store, activity.id, "Tweede ronde")
    repo.save_story(store, Story(id="s1", title="Drukke week", action="Ik plande."))
    before = (repo.list_versions(store), repo.list_applications(store), repo.list_stories(store))
    exported = data_io.export_bytes(store)
    data_io.delete_everything(store)
    assert repo.list_versions(store) == [] and repo.list_applications(store) == {} and repo.list_stories(store) == []
    data_io.import_bytes(store, exported)
    assert (repo.list_versions(store), repo.list_applications(store), repo.list_stories(store)) == before
    assert repo.get_application(store, activity.id).cv_version_id == "v1"
    assert tracker_repo.get_activity(store, activity.id) is not None
    store.close()
