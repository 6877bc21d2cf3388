"""Every form that creates a record is empty after success, and the same submission twice creates one
record (issue 12, "a form that creates a record clears after success ... the same submission twice does
not create two records").

Two kinds of second click: the button pressed again on the emptied form (nothing new may be created from
what the form shows by itself), and the same values sent again (a browser's double click carries what the
form held when it was clicked). What was created is read from the store, never from the page.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spoor2.i18n import t
from spoor2.orientation.questionnaires import load_questionnaire
from spoor2.store import my_data as data_io
from spoor2.store import orientation as orientation_repo
from spoor2.store import questions as questions_repo
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as tracker_repo
from spoor2.store.timeline import save_timeline_input
from spoor2.timeline.rules import SickPeriod, TimelineInput
from spoor2.tracker.activities import FITS
from tests.support.apptest import assert_no_exception, open_page, page_text

LANGS = pytest.mark.parametrize("lang", ["en", "nl"])
TODAY = date.today()


def _click(at, key: str):  # type: ignore[no-untyped-def]
    at.button(key=key).click().run()
    assert_no_exception(at)
    return at


# --- /timeline ---------------------------------------------------------------------------------------


@LANGS
def test_timeline_an_added_period_starts_empty_and_saving_twice_stores_the_periods_once(lang, store):
    first, second = TODAY - timedelta(days=200), TODAY - timedelta(days=120)
    at = open_page("timeline.py", lang=lang)
    at.date_input(key="tl_start_0").set_value(first)
    at.date_input(key="tl_end_0").set_value(first + timedelta(days=30)).run()
    _click(at, "tl_add_period")
    assert at.date_input(key="tl_start_1").value is None  # nothing copied from the period above
    assert at.date_input(key="tl_end_1").value is None
    at.date_input(key="tl_start_1").set_value(second).run()
    _click(at, "tl_save")
    _click(at, "tl_save")  # pressed again
    saved = timeline_repo.load_timeline_input(store)
    assert saved is not None
    assert [(p.start, p.end) for p in saved.periods] == [(first, first + timedelta(days=30)), (second, None)]


@LANGS
def test_timeline_record_as_done_empties_its_fields_and_a_second_click_records_nothing_else(lang, store):
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=TODAY - timedelta(days=300)),)))
    at = open_page("timeline.py", lang=lang)
    box = at.selectbox(key="tl_record_milestone")
    milestone = box.options[-1]  # a label: AppTest sends it back as its id
    box.set_value(milestone)
    done_on = TODAY - timedelta(days=10)
    at.date_input(key="tl_record_date").set_value(done_on)
    at.text_area(key="tl_record_note").input("By letter")
    _click(at, "tl_record_save")
    records = timeline_repo.milestone_records(store)
    assert len(records) == 1 and done_on in records.values()
    (recorded,) = records
    assert timeline_repo.milestone_notes(store)[recorded] == "By letter"
    assert at.text_area(key="tl_record_note").value == ""
    assert at.date_input(key="tl_record_date").value == TODAY
    assert at.selectbox(key="tl_record_milestone").value is None  # the next step is the person's choice

    _click(at, "tl_record_save")  # the emptied form, pressed again: it holds no choice of the person's
    assert timeline_repo.milestone_records(store) == records
    assert t(lang, "timeline.record_no_step") in page_text(at)

    # the same values sent again (a double click) record the same step once
    at.selectbox(key="tl_record_milestone").set_value(milestone)
    at.date_input(key="tl_record_date").set_value(done_on)
    at.text_area(key="tl_record_note").input("By letter")
    _click(at, "tl_record_save")
    assert timeline_repo.milestone_records(store) == records


# --- /tracker ------------------------------------------------------------------------------------------


def _add_widgets(at) -> tuple[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    """The current quick-add instance (its keys are ``tr_add_<field>_<n>``): its number and its widgets."""
    (org,) = [w for w in at.text_input if (w.key or "").startswith("tr_add_org_")]
    n = org.key.removeprefix("tr_add_org_")
    widgets = {
        "org": org,
        "date": at.date_input(key=f"tr_add_date_{n}"),
        "role": at.text_input(key=f"tr_add_role_{n}"),
        "channel": at.text_input(key=f"tr_add_channel_{n}"),
        "contact": at.text_input(key=f"tr_add_contact_{n}"),
        "goal": at.text_input(key=f"tr_add_goal_{n}"),
        "outcome": at.text_input(key=f"tr_add_outcome_{n}"),
        "link": at.text_input(key=f"tr_add_link_{n}"),
        "notes": at.text_area(key=f"tr_add_notes_{n}"),
        "follow": at.date_input(key=f"tr_add_follow_{n}"),
        "response": at.date_input(key=f"tr_add_response_{n}"),
        "fit": at.selectbox(key=f"tr_add_fit_{n}"),
        "type": at.selectbox(key=f"tr_add_type_{n}"),
        "status": at.selectbox(key=f"tr_add_status_{n}"),
        "file": at.file_uploader(key=f"tr_add_file_{n}"),
    }
    return n, widgets


@LANGS
def test_tracker_quick_add_starts_empty_after_an_add_and_a_second_click_adds_nothing(lang, store):
    at = open_page("tracker.py", lang=lang)
    n, w = _add_widgets(at)
    w["org"].input("Zorggroep Oost")
    w["role"].input("Planner")
    w["channel"].input("werk.nl")
    w["contact"].input("J. de Vries")
    w["notes"].input("Sent my CV")
    w["follow"].set_value(TODAY + timedelta(days=7))
    w["fit"].set_value(FITS[0])
    w["file"].set_value(("letter.pdf", b"%PDF-1.4 evidence", "application/pdf"))
    _click(at, f"tr_add_submit_{n}")
    assert t(lang, "tracker.add.added_with_file") in page_text(at)
    (activity,) = tracker_repo.list_activities(store)
    assert activity.organisation == "Zorggroep Oost" and activity.role == "Planner" and activity.evidence_file

    n2, w = _add_widgets(at)
    assert n2 != n
    for name in ("org", "role", "channel", "contact", "goal", "outcome", "link", "notes"):
        assert w[name].value == "", name
    assert w["follow"].value is None and w["response"].value is None
    assert w["fit"].value is None
    assert w["file"].value in (None, [])  # the uploader too: no letter attached to the next activity
    assert w["date"].value == TODAY and w["status"].value == "done"

    _click(at, f"tr_add_submit_{n2}")  # the emptied form, pressed again
    assert tracker_repo.count_activities(store) == 1


# --- /questions ------------------------------------------------------------------------------------------


def _section(at, name: str):  # type: ignore[no-untyped-def]
    return at.segmented_control(key="q_tab").set_value(name).run()


@LANGS
def test_questions_meeting_form_empties_and_the_same_meeting_twice_is_one(lang, store):
    at = _section(open_page("questions.py", lang=lang), "meeting")

    def fill() -> None:
        at.date_input(key="q_meet_date").set_value(TODAY - timedelta(days=1))
        at.text_input(key="q_meet_with").input("HR")
        at.multiselect(key="q_meet_points").set_value(["emp_privacy"])
        at.text_area(key="q_meet_extra").input("Travel costs")

    fill()
    _click(at, "q_meet_save")
    assert len(questions_repo.meetings(store)) == 1
    assert at.date_input(key="q_meet_date").value == TODAY
    assert at.text_input(key="q_meet_with").value == ""
    assert at.multiselect(key="q_meet_points").value == []
    assert at.text_area(key="q_meet_extra").value == ""
    _click(at, "q_meet_save")  # the emptied form, pressed again
    fill()
    _click(at, "q_meet_save")  # the same values again (a double click)
    (meeting,) = questions_repo.meetings(store)
    assert meeting.with_whom == "HR" and meeting.on == TODAY - timedelta(days=1)


def _own(store) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    saved = questions_repo.load_question_list(store)
    return [] if saved is None else [(item.text, item.audience) for item in saved.items if item.own]


@LANGS
def test_questions_own_question_field_empties_and_the_same_question_twice_is_one(lang, store):
    at = open_page("questions.py", lang=lang)
    at.text_input(key="q_own_text").input("Who pays my travel costs?")
    at.selectbox(key="q_own_audience").set_value("company_doctor")
    _click(at, "q_own_add")
    assert _own(store) == [("Who pays my travel costs?", "company_doctor")]
    assert at.text_input(key="q_own_text").value == ""
    _click(at, "q_own_add")  # the emptied field, pressed again: an empty question is refused
    at.text_input(key="q_own_text").input("Who pays my travel costs?")
    at.selectbox(key="q_own_audience").set_value("company_doctor")
    _click(at, "q_own_add")  # the same question again (a double click)
    assert _own(store) == [("Who pays my travel costs?", "company_doctor")]
    assert t(lang, "questions.own_already_in_list") in page_text(at)
    assert at.text_input(key="q_own_text").value == ""


# --- /orientation ----------------------------------------------------------------------------------------


@LANGS
def test_orientation_a_saved_screen_leads_to_an_empty_one_and_finishing_twice_is_one_result(lang, store):
    q = load_questionnaire("interests")
    at = open_page("orientation.py", lang=lang)
    for item_id in q.screens[0]:
        at.radio(key=f"or_interests_{item_id}").set_value(4)
    _click(at, "or_next_interests")
    draft = orientation_repo.load_draft(store, "interests")
    assert draft is not None and draft.screen == 1
    assert draft.answers == dict.fromkeys(q.screens[0], 4)
    assert all(at.radio(key=f"or_interests_{item_id}").value is None for item_id in q.screens[1])

    for screen in range(1, len(q.screens)):
        for item_id in q.screens[screen]:
            at.radio(key=f"or_interests_{item_id}").set_value(3)
        _click(at, "or_next_interests")
    assert orientation_repo.load_draft(store, "interests") is None
    assert len(orientation_repo.list_results(store, "interests")) == 1
    at.run()  # a rerun (the result page) creates nothing
    assert len(orientation_repo.list_results(store, "interests")) == 1


# --- /my-data --------------------------------------------------------------------------------------------


@LANGS
def test_my_data_an_import_empties_the_uploader_offer_and_is_not_done_twice(lang, store, tmp_path):
    from spoor2.store import Store
    from tests.support.my_data import fill_store

    source = Store(tmp_path / "elsewhere" / "spoor2.sqlite3")
    fill_store(source, note="from the export")
    exported = data_io.export_bytes(source)
    at = open_page("my-data.py", lang=lang)
    at.file_uploader(key="my_data_import").set_value(("spoor2-export.zip", exported, "application/zip")).run()
    _click(at, "my_data_import_confirm")
    counts = data_io.counts(store)
    assert counts == data_io.counts(source)
    assert not [b for b in at.button if b.key == "my_data_import_confirm"]  # nothing to press again
    assert t(lang, "my_data.import.already_done") in page_text(at)
    at.run()
    assert data_io.counts(store) == counts
