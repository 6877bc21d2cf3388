"""/journal's energy chart has its numbers beside it as a table, a row per day (WCAG 1.1.1, review M8)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from spoor2.i18n import format_date, t
from spoor2.journal.entries import CheckIn
from spoor2.store import journal as repo
from tests.support.apptest import assert_no_exception, open_page

TODAY = date.today()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_energy_chart_has_a_table_of_its_days(lang, store):
    for n in range(10):
        repo.save_entry(store, CheckIn(day=TODAY - timedelta(days=n), energy=2 + n % 4, physical=7 if n == 3 else 2))
    at = open_page("journal.py", lang=lang)
    at.segmented_control(key="jr_section").set_value("pattern").run()
    assert_no_exception(at)
    label = t(lang, "common.chart_table", chart=t(lang, "journal.pattern.chart_title"))
    [expander] = [e for e in at.expander if e.label == label]
    [table] = expander.get("table")
    table = table.value
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    energy = next(trace for trace in figure["data"] if trace["name"] == t(lang, "journal.pattern.chart_energy"))
    days = list(table[t(lang, "common.date")])
    assert len(days) == len(energy["x"])
    assert days[-1] == format_date(TODAY, lang, "medium")
    shown = [str(v) for v in table[t(lang, "journal.pattern.chart_energy")]]
    assert shown == ["" if y is None else f"{y:g}" for y in energy["y"]]
    assert shown[-4] == "5"  # three days ago: energy 2 + 3
