"""Every page, both languages: fill every widget the page shows, switch language, and every widget
keeps its value (an id, not a label), with no exception (issue 12, "a language switch corrupts").

AppTest sends each widget's value with the labels of the run it last saw, so what only a browser
does (sending back a label of the other language) is tested in the pages' browser tests.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from spoor2.orientation.questionnaires import load_questionnaire
from spoor2.questions.bank import question_texts
from spoor2.store import orientation as orientation_repo
from spoor2.store import questions as questions_repo
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as tracker_repo
from spoor2.timeline.rules import SickPeriod, TimelineInput
from tests.support.apptest import assert_no_exception, open_page
from ui.frame import PAGES

KINDS = (
    "radio",
    "selectbox",
    "multiselect",
    "segmented_control",
    "checkbox",
    "toggle",
    "text_input",
    "text_area",
    "number_input",
    "date_input",
)
SKIP = {"lang_choice"}
#: confirmations of a destructive action are not filled: this test never deletes
NOT_FILLED = {"my_data_delete_confirm"}


def _script(spec) -> str | None:  # type: ignore[no-untyped-def]
    return None if spec.script == "app.py" else spec.script


def _fill(at) -> None:  # type: ignore[no-untyped-def]
    for kind in KINDS:
        for widget in getattr(at, kind):
            key = widget.key
            if not key or key in SKIP or key in NOT_FILLED or getattr(widget, "disabled", False):
                continue
            if kind in ("radio", "selectbox", "segmented_control"):
                options = widget.options
                label = _option(widget, len(options) - 1) if len(options) > 1 else None
                if label is not None:
                    widget.set_value(label)
            elif kind == "multiselect":
                label = _option(widget, 0) if widget.options else None
                if label is not None:
                    widget.set_value([label])
            elif kind in ("checkbox", "toggle"):
                continue  # a toggle opens or closes sections; its own tests cover it
            elif kind in ("text_input", "text_area"):
                widget.input("Test 12")
            elif kind == "number_input" or kind == "date_input":
                continue


def _option(widget, index: int) -> Any:  # type: ignore[no-untyped-def]
    """The label at ``index``, which AppTest turns into its id; None when AppTest cannot."""
    label = widget.options[index]
    try:
        widget.format_func(label)
    except Exception:
        return label
    return None  # a format_func that takes any text (a catalogue lookup): the label cannot be given


def _values(at) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    found: dict[str, Any] = {}
    for kind in KINDS:
        for widget in getattr(at, kind):
            if widget.key and widget.key not in SKIP:
                value = widget.value
                found[f"{kind}:{widget.key}"] = list(value) if isinstance(value, list | tuple) else value
    return found


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("spec", PAGES, ids=[spec.key for spec in PAGES])
def test_every_widget_keeps_its_value_over_a_language_switch(spec, lang):
    at = open_page(_script(spec), lang=lang)
    assert_no_exception(at)
    _fill(at)
    at.run()
    assert_no_exception(at)
    before = _values(at)
    other = "nl" if lang == "en" else "en"
    at.radio(key="lang_choice").set_value(other).run()
    assert_no_exception(at)
    after = _values(at)
    assert at.radio(key="lang_choice").value == other
    changed = {key: (before[key], after.get(key)) for key in before if after.get(key) != before[key]}
    assert not changed, changed
    for value in after.values():
        assert not isinstance(value, date) or value.year > 2000


# --- and then saved: what is stored is what was entered (ids, dates, numbers), read from the store --------
# The fills above never press a save button; these enter known values, switch language, press the page's
# save button(s) in the new language and compare the store with what was entered.


SWITCHES = pytest.mark.parametrize(("first", "then"), [("en", "nl"), ("nl", "en")])
TODAY = date.today()


def _switch(at, lang: str):  # type: ignore[no-untyped-def]
    at.radio(key="lang_choice").set_value(lang).run()
    assert_no_exception(at)
    assert not at.error, [e.value for e in at.error]
    return at


def _save(at, key: str):  # type: ignore[no-untyped-def]
    at.button(key=key).click().run()
    assert_no_exception(at)
    assert not at.error, [e.value for e in at.error]
    return at


@SWITCHES
def test_timeline_entered_switched_and_saved_is_stored_as_entered(store, first, then):
    start, end = TODAY - timedelta(days=300), TODAY - timedelta(days=250)
    again, contract_end = TODAY - timedelta(days=100), TODAY + timedelta(days=60)
    at = open_page("timeline.py", lang=first)
    at.date_input(key="tl_start_0").set_value(start)
    at.date_input(key="tl_end_0").set_value(end).run()
    at.button(key="tl_add_period").click().run()
    at.date_input(key="tl_start_1").set_value(again)
    at.number_input(key="tl_sanction").set_value(3)
    at.number_input(key="tl_extension").set_value(13)
    at.date_input(key="tl_contract_end").set_value(contract_end).run()
    _save(_switch(at, then), "tl_save")
    saved = timeline_repo.load_timeline_input(store)
    assert saved is not None
    assert [(p.start, p.end) for p in saved.periods] == [(start, end), (again, None)]
    assert (saved.wage_sanction_weeks, saved.extension_weeks) == (3, 13)
    assert saved.contract_end == contract_end and saved.early_iva_applied is None


@SWITCHES
def test_timeline_record_as_done_chosen_then_switched_records_that_step(store, first, then):
    timeline_repo.save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=TODAY - timedelta(days=300)),)))
    at = open_page("timeline.py", lang=first)
    at.selectbox(key="tl_record_milestone").set_value("action_plan_due")
    at.date_input(key="tl_record_date").set_value(TODAY - timedelta(days=5))
    at.text_area(key="tl_record_note").input("Per e-mail").run()
    _save(_switch(at, then), "tl_record_save")
    assert timeline_repo.milestone_records(store) == {"action_plan_due": TODAY - timedelta(days=5)}
    assert timeline_repo.milestone_notes(store) == {"action_plan_due": "Per e-mail"}


def _quick_add(at, values: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    """Fill the current quick-add instance (``tr_add_<field>_<n>``) with ids, dates and text, and add."""
    (org,) = [w for w in at.text_input if (w.key or "").startswith("tr_add_org_")]
    n = org.key.removeprefix("tr_add_org_")
    at.date_input(key=f"tr_add_date_{n}").set_value(values["date"])
    at.selectbox(key=f"tr_add_type_{n}").set_value(values["type"])
    org.input(values["organisation"])
    at.selectbox(key=f"tr_add_status_{n}").set_value(values["status"])
    at.text_input(key=f"tr_add_role_{n}").input(values["role"])
    at.date_input(key=f"tr_add_follow_{n}").set_value(values["follow_up"])
    at.selectbox(key=f"tr_add_fit_{n}").set_value(values["fits_limitations"])
    _save(at, f"tr_add_submit_{n}")


def _stored(activity) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "date": activity.activity_date,
        "type": activity.type,
        "organisation": activity.organisation,
        "status": activity.status,
        "role": activity.role,
        "follow_up": activity.follow_up,
        "fits_limitations": activity.fits_limitations,
    }


@SWITCHES
def test_tracker_quick_add_before_and_after_a_switch_is_stored_as_entered(store, first, then):
    """The quick add is an ``st.form``: AppTest sends a form's values only with its submit, so what is
    typed and not yet added cannot cross a switch here. What a browser sends after a switch is the label
    it last showed, in the other language; that label is resolved to the same id (last assertion)."""
    from spoor2.i18n import t
    from spoor2.tracker.activities import validate_activity

    one = {"date": TODAY - timedelta(days=3), "type": "network_contact", "organisation": "Zorggroep Oost",
           "status": "awaiting_response", "role": "Planner", "follow_up": TODAY + timedelta(days=10),
           "fits_limitations": "unsure"}  # fmt: skip
    two = {**one, "type": "vacancy_application", "organisation": "Gemeente", "status": "interview",
           "fits_limitations": "yes", "date": TODAY - timedelta(days=1)}  # fmt: skip
    at = open_page("tracker.py", lang=first)
    _quick_add(at, one)
    _quick_add(_switch(at, then), two)
    stored = sorted((_stored(a) for a in tracker_repo.list_activities(store)), key=lambda a: a["date"])
    assert stored == [one, two]
    labels = {
        "type": t(first, f"tracker.type.{one['type']}"),
        "status": t(first, f"tracker.status.{one['status']}"),
        "fits_limitations": t(first, f"tracker.fit.{one['fits_limitations']}"),
    }
    assert _stored(validate_activity({**one, **labels}, today=TODAY)) == one


def _section(at, name: str):  # type: ignore[no-untyped-def]
    return at.segmented_control(key="q_tab").set_value(name).run()


@SWITCHES
def test_questions_documents_situation_and_meeting_entered_switched_and_saved(store, first, then):
    timeline_repo.save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=TODAY - timedelta(days=450)),)))
    at = _section(open_page("questions.py", lang=first), "documents")
    at.selectbox(key="q_doc_state_spoor2_plan").set_value("not_received")
    at.selectbox(key="q_doc_state_problem_analysis").set_value("received").run()
    at.date_input(key="q_doc_date_problem_analysis").set_value(TODAY - timedelta(days=200)).run()
    _section(at, "situation")
    at.radio(key="q_ans_spoor2_started").set_value("yes")
    at.radio(key="q_ans_fixed_term").set_value("no").run()
    _section(at, "meeting")
    at.date_input(key="q_meet_date").set_value(TODAY - timedelta(days=2))
    at.text_input(key="q_meet_with").input("HR")
    at.multiselect(key="q_meet_points").set_value(["emp_privacy"])
    at.text_area(key="q_meet_extra").input("Travel costs").run()
    _switch(at, then)

    _save(at, "q_meet_save")
    (meeting,) = questions_repo.meetings(store)
    assert (meeting.on, meeting.with_whom) == (TODAY - timedelta(days=2), "HR")
    assert meeting.points == (question_texts(then)["emp_privacy"].text.replace("*", ""), "Travel costs")
    _save(_section(at, "situation"), "q_save_answers")
    answers = questions_repo.situation_answers(store)
    assert (answers["spoor2_started"], answers["fixed_term"], answers["work_fits_limits"]) == ("yes", "no", "unknown")
    _save(_section(at, "documents"), "q_save_documents")
    records = questions_repo.document_records(store)
    assert records["spoor2_plan"].state == "not_received"
    assert timeline_repo.milestone_records(store)["problem_analysis_due"] == TODAY - timedelta(days=200)
    # the analysis is its timeline step recorded done (one fact, one record), read back as received on that day
    assert {doc: (r.state, r.on) for doc, r in records.items()} == {
        "spoor2_plan": ("not_received", None),
        "problem_analysis": ("received", TODAY - timedelta(days=200)),
    }


@SWITCHES
def test_orientation_first_screen_answered_switched_and_saved_is_stored_as_answered(store, first, then):
    q = load_questionnaire("interests")
    items = q.screens[0]
    answers = {item_id: 1 + index % len(q.scale) for index, item_id in enumerate(items)}
    at = open_page("orientation.py", lang=first)
    for item_id, value in answers.items():
        at.radio(key=f"or_interests_{item_id}").set_value(value)
    at.run()
    _save(_switch(at, then), "or_next_interests")
    draft = orientation_repo.load_draft(store, "interests")
    assert draft is not None and draft.screen == 1
    assert draft.answers == answers
