"""/timeline's chart writes every step's status next to it (colour is not the only cue, WCAG 1.4.1, review M7)
and its caption points to the table with the same dates instead of "hover" (a mouse-only hint, M8)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from spoor2.i18n import format_date, t
from spoor2.store.timeline import load_standing, save_timeline_input
from spoor2.timeline.rules import SickPeriod, TimelineInput
from tests.support.apptest import assert_no_exception, open_page, page_text
from ui.charts import CHART_TEXT_COLOR, STATUS_COLOURS, tint
from ui.timeline import DAY_MS

FIRST = date.today() - timedelta(days=100)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_step_of_the_chart_names_its_status_as_the_table_does(lang, store):
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=FIRST),)))
    at = open_page("timeline.py", lang=lang)
    assert_no_exception(at)
    assert t(lang, "timeline.chart_caption") in page_text(at)
    assert "hover" not in t("en", "timeline.chart_caption").lower()
    table = at.dataframe[0].value
    in_table = dict(zip(table[t(lang, "timeline.col.milestone")], table[t(lang, "timeline.col.status")], strict=True))
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    written: dict[str, str] = {}  # the step's name on the axis -> the status written next to it
    for trace in figure["data"]:
        for name, status in zip(trace["y"], trace["text"], strict=True):
            if status:  # a late window's status is written by the label trace, not after its bar
                assert name not in written, name  # one status per step
                written[name] = status
        assert "opacity" not in trace  # a window is outlined in its full colour; only its fill is a tint
    assert len(written) == len(in_table)
    for name, status in written.items():
        assert any(row.startswith(name) and in_table[row] == status for row in in_table), (name, status)
    # Streamlit's theme greys the axes (3.56:1) unless their text colour is set on the axes themselves
    for axis in ("xaxis", "yaxis"):
        assert figure["layout"][axis]["tickfont"]["color"] == CHART_TEXT_COLOR
    statuses = {t(lang, f"milestones.status.{s}") for s in ("done", "overdue", "upcoming", "in_window", "passed")}
    assert statuses & set(written.values())


def _when(item, lang: str) -> str:
    """The step's date (a window: its first and last day) as the details and the hover write it."""
    if item.kind == "window":
        return f"{format_date(item.start, lang, 'long')} – {format_date(item.end, lang, 'long')}"
    return format_date(item.date, lang, "long")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_chart_draws_every_step_once_with_its_date_name_and_status_in_one_trace_per_kind(lang, store):
    """Issue 19: a trace per step made a long timeline slow to rerun; one trace per kind draws the same steps.

    Twenty sick periods and a contract end (steps that no longer apply): every window is a bar from its first
    to its last day, every point sits on its date, the hover of each says its date, its name and its status,
    and the chart still has no legend (each step is named on the axis).
    """
    start = FIRST - timedelta(days=40 * 20)
    earlier = [
        SickPeriod(start=start + timedelta(days=40 * i), end=start + timedelta(days=40 * i + 20)) for i in range(19)
    ]
    contract_end = date.today() + timedelta(days=30)
    save_timeline_input(store, TimelineInput(periods=(*earlier, SickPeriod(start=FIRST)), contract_end=contract_end))
    loaded = load_standing(store, date.today())
    at = open_page("timeline.py", lang=lang)
    assert_no_exception(at)
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    traces = figure["data"]

    kinds = [(trace["type"], trace.get("mode")) for trace in traces]  # windows, points, statuses over windows
    assert len(kinds) == len(set(kinds)) and set(kinds) == {
        ("bar", None),
        ("scatter", "markers+text"),
        ("scatter", "text"),
    }
    assert all(trace["showlegend"] is False for trace in traces)  # no legend entry, as before
    [bars] = [trace for trace in traces if trace["type"] == "bar"]
    [points] = [trace for trace in traces if trace.get("mode") == "markers+text"]

    items = loaded.timeline.milestones
    windows = [item for item in items if item.kind == "window"]
    dated = [item for item in items if item.kind == "date"]
    assert windows and dated
    name = {item.id: t(lang, f"milestones.{item.id}.label") for item in items}
    assert bars["y"] == [name[item.id] for item in windows]
    assert bars["base"] == [item.start.isoformat() for item in windows]
    assert bars["x"] == [((item.end - item.start).days + 1) * DAY_MS for item in windows]
    assert points["y"] == [name[item.id] for item in dated]
    assert points["x"] == [item.date.isoformat() for item in dated]

    hovers = dict(zip(bars["y"] + points["y"], bars["hovertemplate"] + points["hovertemplate"], strict=True))
    statuses = {item.id: loaded.standing.of(item.id).status for item in items}
    for item in items:
        status = t(lang, f"milestones.status.{statuses[item.id]}")
        assert hovers[name[item.id]] == f"{_when(item, lang)}<br>{name[item.id]}<br>{status}<extra></extra>"
    assert "not_applicable" in statuses.values()  # the contract end greys the steps after it, in the same traces
    # each step in its status colour: a window outlined in it (filled with its tint), a point filled with it
    assert bars["marker"]["line"]["color"] == [STATUS_COLOURS[statuses[item.id]] for item in windows]
    assert bars["marker"]["color"] == [tint(STATUS_COLOURS[statuses[item.id]]) for item in windows]
    assert points["marker"]["color"] == [STATUS_COLOURS[statuses[item.id]] for item in dated]
    # the same steps as the table beside the chart, in the same order on the axis (top to bottom)
    table = at.dataframe[0].value
    assert len(table) == len(items)
    assert list(reversed(figure["layout"]["yaxis"]["categoryarray"])) == [name[item.id] for item in items]
