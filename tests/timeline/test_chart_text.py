"""/timeline's chart writes every step's status next to it (colour is not the only cue, WCAG 1.4.1, review M7)
and its caption points to the table with the same dates instead of "hover" (a mouse-only hint, M8)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from spoor2.i18n import t
from spoor2.store.timeline import save_timeline_input
from spoor2.timeline.rules import SickPeriod, TimelineInput
from tests.support.apptest import assert_no_exception, open_page, page_text
from ui.charts import CHART_TEXT_COLOR

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
        if trace.get("y") and trace.get("text"):
            [name], [status] = trace["y"], trace["text"]
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
