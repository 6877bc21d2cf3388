"""/tracker's charts each have their numbers beside them as text (WCAG 1.1.1, review M8) and say "met" /
"not met" in words, not by colour alone (1.4.1, M7): a summary sentence and a table with the chart's numbers."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from spoor2.i18n import t
from spoor2.store import tracker as repo
from spoor2.tracker.activities import validate_activity
from tests.support.apptest import assert_no_exception, open_page, page_text


def _seed(store, today):
    """This week: 2 applications (one answered after 4 days) and a training; three weeks ago: 1 application
    that led to an interview (answered after 10 days), then an offer."""
    monday = today - timedelta(days=today.weekday())
    rows = [
        {"date": monday, "type": "vacancy_application", "status": "rejected", "response_date": monday + timedelta(4)},
        {"date": monday, "type": "open_application", "status": "awaiting_response"},
        {"date": monday, "type": "training", "status": "done"},
        {"date": monday - timedelta(weeks=3), "type": "vacancy_application", "status": "offer",
         "response_date": monday - timedelta(weeks=3) + timedelta(10)},
    ]  # fmt: skip
    items = []
    for row in rows:
        raw = {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}
        items.append(validate_activity({**raw, "organisation": "Org"}, today=max(today, monday + timedelta(4))))
    repo.import_activities(store, items)


def _table(at, lang, chart_key):
    """The table under the expander "As a table: <chart title>"."""
    label = t(lang, "common.chart_table", chart=t(lang, chart_key))
    [expander] = [e for e in at.expander if e.label == label]
    [table] = expander.get("table")
    return table.value


def _figure(at, key):
    [chart] = [c for c in at.get("plotly_chart") if key in c.proto.id]
    return json.loads(chart.proto.spec)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_tracker_chart_has_a_summary_and_a_table_with_its_numbers(store, lang):
    today = date.today()
    _seed(store, today)
    at = open_page("tracker.py", lang=lang)
    at.segmented_control(key="tr_tab").set_value("progress").run()
    at.number_input(key="tr_target_count").set_value(2)
    at.button(key="tr_target_save").click().run()
    assert_no_exception(at)
    text = page_text(at)

    # the weekly target: 12 weeks, this week 2 of 2 met, three weeks ago 1, the others 0: not met, in words
    target = _table(at, lang, "tracker.target.chart_title")
    assert len(target) == 12
    done, result = t(lang, "tracker.target.done"), t(lang, "tracker.target.result")
    assert list(target[done]) == [0] * 8 + [1, 0, 0, 2]
    assert list(target[result]) == [t(lang, "tracker.target.not_met")] * 11 + [t(lang, "tracker.target.met")]
    assert t(lang, "tracker.target.weeks_met", met=1, weeks=12) in text
    figure = _figure(at, "tr_target_chart")
    by_name = {trace.get("name"): trace for trace in figure["data"]}
    assert by_name[t(lang, "tracker.target.met")]["y"] == [2]  # a named series, not a colour
    assert by_name[t(lang, "tracker.target.not_met")]["y"] == [0] * 8 + [1, 0, 0]
    assert by_name[t(lang, "tracker.target.not_met")]["marker"]["pattern"]["shape"]  # hatched as well

    # activities per week by type: the same counts as the stacked bars
    weekly = _table(at, lang, "tracker.charts.per_week_title")
    total = t(lang, "tracker.charts.total")
    assert list(weekly[total]) == [1, 3]
    assert list(weekly[t(lang, "tracker.type.vacancy_application")]) == [1, 1]
    assert list(weekly[t(lang, "tracker.type.training")]) == [0, 1]
    bars = {trace["name"]: trace["y"] for trace in _figure(at, "tr_week_chart")["data"]}
    assert bars[t(lang, "tracker.type.vacancy_application")] == [1, 1]
    assert t(lang, "tracker.charts.per_week_summary", total=4, weeks=2, most=3, week="").split("(")[0] in text

    # the funnel: 3 applications sent, 1 interview, 1 offer
    funnel = _table(at, lang, "tracker.charts.funnel_title")
    assert list(funnel[t(lang, "tracker.charts.count")]) == [3, 1, 1]
    assert t(lang, "tracker.charts.funnel_summary", applications=3, interviews=1, offers=1) in text
    assert _figure(at, "tr_funnel_chart")["data"][0]["x"] == [3, 1, 1]

    # time to response: one answer after 4 days, one after 10
    times = _table(at, lang, "tracker.charts.time_title")
    assert list(times[t(lang, "tracker.charts.days")]) == [4, 10]
    assert list(times[t(lang, "tracker.charts.count")]) == [1, 1]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_single_week_of_activities_is_one_week_on_the_axis(store, lang):
    """Plotly's own ticks for one week were hours apart: "29-11-2026, 29-11-2026, 30-11-2026, …"."""
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    items = [
        validate_activity({"date": monday.isoformat(), "type": kind, "organisation": "Org"}, today=today)
        for kind in ("vacancy_application", "training")
    ]
    repo.import_activities(store, items)
    at = open_page("tracker.py", lang=lang)
    at.segmented_control(key="tr_tab").set_value("progress").run()
    assert_no_exception(at)
    figure = _figure(at, "tr_week_chart")
    axis = figure["layout"]["xaxis"]
    assert axis["dtick"] == 7 * 86_400_000 and axis["tick0"] == monday.isoformat()
    start, end = (date.fromisoformat(x[:10]) for x in axis["range"])
    assert start < monday < end and (end - start).days < 14  # one week's tick, no other
    assert {trace["width"] for trace in figure["data"]} == {5 * 86_400_000}  # a bar of most of the week


RATES = [
    ("en", "1 sent application ", "2 sent applications "),
    ("nl", "1 verstuurde sollicitatie ", "2 verstuurde sollicitaties "),
]


@pytest.mark.parametrize(("lang", "one", "two"), RATES)
def test_the_response_rate_says_one_application_or_more(lang, one, two):
    assert one in t(lang, "tracker.charts.response_rate_value", percent=0, sent=1)
    assert two in t(lang, "tracker.charts.response_rate_value", percent=50, sent=2)
