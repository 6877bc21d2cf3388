"""/timeline and home in AppTest: journeys in both languages, widgets found by key."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spoor2.i18n import format_date, t
from spoor2.store.timeline import load_timeline_input, milestone_records, save_timeline_input
from spoor2.timeline.rules import SickPeriod, TimelineInput, compute_timeline, where_i_stand
from tests.support.apptest import assert_no_exception, open_page, page_text

TODAY = date.today()
FIRST = TODAY - timedelta(days=100)  # week 15: the problem analysis and action plan are past


def _table(at):
    return at.dataframe[0].value


def _status_of(at, lang: str, milestone_id: str) -> str:
    table = _table(at)
    label = t(lang, f"milestones.{milestone_id}.label")
    rows = table[table[t(lang, "timeline.col.milestone")].str.startswith(label)]
    assert len(rows) == 1, label
    return rows.iloc[0][t(lang, "timeline.col.status")]


def _save_first_day(at, first: date):
    at.date_input(key="tl_start_0").set_value(first)
    at.button(key="tl_save").click().run()
    assert_no_exception(at)
    return at


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_enter_a_first_sick_day_save_and_see_week_and_table(lang, store):
    at = open_page("timeline.py", lang=lang)
    assert_no_exception(at)
    assert t(lang, "timeline.not_saved_yet") in page_text(at)
    assert not at.dataframe

    _save_first_day(at, FIRST)
    text = page_text(at)
    assert t(lang, "timeline.saved") in text
    assert load_timeline_input(store) == TimelineInput(periods=(SickPeriod(start=FIRST),))
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t(lang, "timeline.sick_week")] == "15"
    assert metrics[t(lang, "timeline.sick_days")] == "101"
    expected = where_i_stand(compute_timeline(load_timeline_input(store)), TODAY)
    assert len(_table(at)) == len(expected.milestones)
    deadline = compute_timeline(load_timeline_input(store)).milestone("wia_application_deadline").date
    assert format_date(deadline, lang, "medium") in set(_table(at)[t(lang, "timeline.col.date")])
    assert _status_of(at, lang, "problem_analysis_due") == t(lang, "milestones.status.overdue")
    assert t(lang, "milestones.wia_application_deadline.rule", weeks=11, week=93).split(" — ")[0][:40] in text.replace(
        "\\", ""
    )
    assert len(at.get("plotly_chart")) == 1
    assert len(at.get("download_button")) == 1


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_end_before_start_shows_the_error_in_the_language_and_saves_nothing(lang, store):
    at = open_page("timeline.py", lang=lang)
    at.date_input(key="tl_start_0").set_value(FIRST)
    at.date_input(key="tl_end_0").set_value(FIRST - timedelta(days=3))
    at.button(key="tl_save").click().run()
    assert_no_exception(at)
    assert [e.value for e in at.error] == [t(lang, "error.period_end_before_start", number=1)]
    assert load_timeline_input(store) is None
    assert not at.dataframe


@pytest.mark.parametrize(
    ("setup", "code", "params"),
    [
        ({"tl_start_0": TODAY + timedelta(days=1)}, "error.first_sick_day_in_future", {}),
        ({"tl_start_0": FIRST, "tl_sanction": 53}, "error.wage_sanction_range", {"maximum": 52}),
        ({"tl_start_0": FIRST, "tl_sanction": -1}, "error.wage_sanction_range", {"maximum": 52}),
        ({"tl_start_0": FIRST, "tl_extension": -5}, "error.extension_minimum", {"minimum": 13}),
        ({"tl_start_0": FIRST, "tl_extension": 12}, "error.extension_minimum", {"minimum": 13}),
        ({"tl_start_0": None}, "timeline.error.no_first_sick_day", {"number": 1}),
    ],
)
def test_other_bad_input_is_refused(setup, code, params, store):
    at = open_page("timeline.py", lang="nl")
    for key, value in setup.items():
        widget = at.date_input(key=key) if key.startswith("tl_start") else at.number_input(key=key)
        widget.set_value(value)
    at.button(key="tl_save").click().run()
    assert_no_exception(at)
    assert [e.value for e in at.error] == [t("nl", code, **params)]
    assert load_timeline_input(store) is None


def test_a_saved_timeline_is_replaced_only_by_a_valid_one(store):
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=FIRST),)))
    at = open_page("timeline.py", lang="en")
    at.number_input(key="tl_sanction").set_value(60)
    at.button(key="tl_save").click().run()
    assert at.error
    assert load_timeline_input(store) == TimelineInput(periods=(SickPeriod(start=FIRST),))


def test_two_periods_are_saved_together(store):
    at = open_page("timeline.py", lang="en")
    at.date_input(key="tl_start_0").set_value(FIRST - timedelta(days=60))
    at.date_input(key="tl_end_0").set_value(FIRST - timedelta(days=20))
    at.button(key="tl_add_period").click().run()
    at.date_input(key="tl_start_1").set_value(FIRST)
    at.button(key="tl_save").click().run()
    assert_no_exception(at)
    saved = load_timeline_input(store)
    assert saved is not None
    assert [p.start for p in saved.periods] == [FIRST - timedelta(days=60), FIRST]
    assert t("en", "timeline.gap_days", days=19) in page_text(at)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_record_a_milestone_as_done_and_undo(lang, store):
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=FIRST),)))
    at = open_page("timeline.py", lang=lang)
    assert _status_of(at, lang, "action_plan_due") == t(lang, "milestones.status.overdue")
    done_on = FIRST + timedelta(days=50)  # before day 56
    at.selectbox(key="tl_record_milestone").set_value("action_plan_due")
    at.date_input(key="tl_record_date").set_value(done_on)
    at.text_area(key="tl_record_note").input("Kopie ontvangen per e-mail")
    at.button(key="tl_record_save").click().run()
    assert_no_exception(at)
    assert milestone_records(store) == {"action_plan_due": done_on}
    assert _status_of(at, lang, "action_plan_due") == t(lang, "milestones.status.done")
    assert "Kopie ontvangen per e-mail" in page_text(at)

    at.button(key="tl_clear_action_plan_due").click().run()
    assert_no_exception(at)
    assert milestone_records(store) == {}
    assert _status_of(at, lang, "action_plan_due") == t(lang, "milestones.status.overdue")


def test_a_done_date_in_the_future_is_refused(store):
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=FIRST),)))
    at = open_page("timeline.py", lang="en")
    at.selectbox(key="tl_record_milestone").set_value("action_plan_due")
    at.date_input(key="tl_record_date").set_value(TODAY + timedelta(days=2))
    at.button(key="tl_record_save").click().run()
    assert [e.value for e in at.error] == [t("en", "timeline.error.done_in_future")]
    assert milestone_records(store) == {}


def test_saved_input_survives_a_restart(store):
    _save_first_day(open_page("timeline.py", lang="en"), FIRST)
    again = open_page("timeline.py", lang="nl")  # a new session = a restart of the app
    assert_no_exception(again)
    assert again.date_input(key="tl_start_0").value == FIRST
    assert again.date_input(key="tl_end_0").value is None
    assert again.dataframe


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_home_invites_first_and_shows_where_i_stand_after_saving(lang):
    home = open_page(None, lang=lang)
    assert_no_exception(home)
    assert t(lang, "home.start_title") in page_text(home)
    assert t(lang, "home.where_title") not in page_text(home)

    _save_first_day(open_page("timeline.py", lang=lang), FIRST)
    home = open_page(None, lang=lang)
    assert_no_exception(home)
    text = page_text(home)
    assert t(lang, "home.where_title") in text
    assert t(lang, "home.start_title") not in text
    assert {m.label: m.value for m in home.metric}[t(lang, "home.sick_week")] == "15"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_periods_may_be_entered_in_any_order_the_current_one_first(lang, store):
    """Issue 12: the current period, then "Add a sick period" for an earlier spell, was refused."""
    at = open_page("timeline.py", lang=lang)
    at.date_input(key="tl_start_0").set_value(FIRST)
    at.button(key="tl_add_period").click().run()
    at.date_input(key="tl_start_1").set_value(FIRST - timedelta(days=60))
    at.date_input(key="tl_end_1").set_value(FIRST - timedelta(days=20))
    at.button(key="tl_save").click().run()
    assert_no_exception(at)
    assert not at.error, [e.value for e in at.error]
    saved = load_timeline_input(store)
    assert saved is not None
    assert saved.periods == (
        SickPeriod(start=FIRST - timedelta(days=60), end=FIRST - timedelta(days=20)),
        SickPeriod(start=FIRST),
    )
    # the form now shows them oldest first, as they were saved
    starts = [w.value for w in at.date_input if w.key and w.key.startswith("tl_start_")]
    assert starts == [FIRST - timedelta(days=60), FIRST]


def test_an_end_date_can_be_cleared(store):
    """Issue 12: an end date snapped back when the person cleared it."""
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=FIRST, end=FIRST + timedelta(days=10)),)))
    at = open_page("timeline.py", lang="nl")
    assert at.date_input(key="tl_end_0").value == FIRST + timedelta(days=10)
    at.date_input(key="tl_end_0").set_value(None).run()
    assert at.date_input(key="tl_end_0").value is None
    at.button(key="tl_save").click().run()
    assert_no_exception(at)
    assert load_timeline_input(store) == TimelineInput(periods=(SickPeriod(start=FIRST),))


def test_every_date_field_of_the_timeline_reads_day_month_year_and_may_be_empty(store):
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=FIRST),)))
    at = open_page("timeline.py", lang="nl")
    for widget in at.date_input:
        assert widget.proto.format == "DD-MM-YYYY", widget.key
    optional = [w for w in at.date_input if w.key != "tl_record_date"]
    assert all(len(w.proto.default) == 0 for w in optional), [w.key for w in optional if w.proto.default]


def test_the_record_form_is_empty_after_use_and_keeps_its_choice_over_a_language_switch(store):
    """Issue 12: a form keeps its values after success; a choice must be an id, not a label."""
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=FIRST),)))
    at = open_page("timeline.py", lang="en")
    at.selectbox(key="tl_record_milestone").set_value("action_plan_due").run()
    at.radio(key="lang_choice").set_value("nl").run()
    assert at.selectbox(key="tl_record_milestone").value == "action_plan_due"
    at.date_input(key="tl_record_date").set_value(FIRST + timedelta(days=50))
    at.text_area(key="tl_record_note").input("Per e-mail")
    at.button(key="tl_record_save").click().run()
    assert_no_exception(at)
    assert milestone_records(store) == {"action_plan_due": FIRST + timedelta(days=50)}
    assert at.text_area(key="tl_record_note").value == ""
    assert at.date_input(key="tl_record_date").value == TODAY


def test_the_chart_names_the_months_in_dutch(store):
    """Issue 12: the chart's axis said "Oct 2026" on a Dutch page."""
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=FIRST),)))
    at = open_page("timeline.py", lang="nl")
    import json

    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    ticks = figure["layout"]["xaxis"].get("ticktext", [])
    assert ticks and all(
        text.split()[0] in {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
        for text in ticks
    )


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_pregnancy_leave_is_saved_with_the_same_cause_by_default_and_other_cause_when_ticked(lang, store):
    """BW 7:629 lid 10: the periods around a WAZO leave count together unless the cause clearly differs."""
    first, leave_start = TODAY - timedelta(days=200), TODAY - timedelta(days=140)
    leave_end = leave_start + timedelta(days=111)
    at = open_page("timeline.py", lang=lang)
    at.date_input(key="tl_start_0").set_value(first)
    at.date_input(key="tl_end_0").set_value(leave_start - timedelta(days=1))
    at.button(key="tl_add_period").click().run()
    at.date_input(key="tl_start_1").set_value(leave_end + timedelta(days=1))
    at.date_input(key="tl_leave_start").set_value(leave_start)
    at.date_input(key="tl_leave_end").set_value(leave_end)
    at.button(key="tl_save").click().run()
    assert_no_exception(at)
    saved = load_timeline_input(store)
    assert saved is not None and saved.pregnancy_leave is not None
    assert (saved.pregnancy_leave.start, saved.pregnancy_leave.end) == (leave_start, leave_end)
    assert saved.after_leave_same_cause is True
    assert compute_timeline(saved).first_sick_day == first
    at.checkbox(key="tl_leave_other_cause").check().run()
    at.button(key="tl_save").click().run()
    assert_no_exception(at)
    assert load_timeline_input(store).after_leave_same_cause is False


def test_a_leave_overlapping_a_sick_period_is_refused_on_the_page(store):
    at = open_page("timeline.py", lang="en")
    at.date_input(key="tl_start_0").set_value(TODAY - timedelta(days=100))
    at.date_input(key="tl_leave_start").set_value(TODAY - timedelta(days=50))
    at.date_input(key="tl_leave_end").set_value(TODAY - timedelta(days=10))
    at.button(key="tl_save").click().run()
    assert_no_exception(at)
    assert load_timeline_input(store) is None
    assert t("en", "timeline.error.pregnancy_leave_overlaps", number=1)[:40] in page_text(at).replace("\\", "")


def test_every_status_has_a_chart_colour():
    """A status without a colour crashed the chart (KeyError 'not_applicable' after a contract end)."""
    from typing import get_args

    from spoor2.timeline.rules import Status
    from ui.timeline import STATUS_COLOURS

    assert set(STATUS_COLOURS) == set(get_args(Status))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_saved_timeline_whose_contract_ended_renders_with_its_chart(lang, store):

    start = TODAY - timedelta(days=200)
    save_timeline_input(
        store, TimelineInput(periods=(SickPeriod(start=start),), contract_end=start + timedelta(days=60))
    )
    at = open_page("timeline.py", lang=lang)
    assert_no_exception(at)
    assert len(at.get("plotly_chart")) == 1  # the chart is drawn, with the steps that no longer apply


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_record_whose_step_this_timeline_no_longer_lists_is_shown_and_can_be_undone(lang, store):
    """Review: a stored record of a step the computed timeline does not list (an optional step) was hidden,
    yet it still moved later steps; the person could neither see nor undo it."""
    from spoor2.store.timeline import record_milestone

    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=TODAY - timedelta(days=200)),)))
    record_milestone(store, "contract_end_uwv_report", TODAY - timedelta(days=10))  # no contract end entered
    at = open_page("timeline.py", lang=lang)
    assert_no_exception(at)
    assert any(t(lang, "milestones.contract_end_uwv_report.label") in m.value for m in at.markdown)
    at.button(key="tl_clear_contract_end_uwv_report").click().run()
    assert "contract_end_uwv_report" not in milestone_records(store)
