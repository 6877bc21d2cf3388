"""/orientation's result charts each have their numbers beside them as a table (WCAG 1.1.1, review M8): the
scores as the export writes them ("Realistic: 2.8 / 5"), the days chosen, the level of every obstacle."""

from __future__ import annotations

import json
from datetime import date

import pytest

from spoor2.i18n import t
from spoor2.orientation.export import to_markdown
from spoor2.orientation.questionnaires import dimension_name, load_questionnaire, load_texts
from spoor2.store.orientation import complete_questionnaire
from tests.support.apptest import assert_no_exception, open_page

DONE = date(2026, 11, 2)


def _table(at, lang, chart_key):
    label = t(lang, "common.chart_table", chart=t(lang, chart_key))
    [expander] = [e for e in at.expander if e.label == label]
    [table] = expander.get("table")
    return table.value


def _page(lang, qid):
    at = open_page("orientation.py", lang=lang)
    at.radio(key="or_choice").set_value(qid).run()
    assert_no_exception(at)
    return at


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_score_table_holds_the_charts_scores_as_the_export_writes_them(lang, store):
    q = load_questionnaire("values")
    answers = {item.id: 1 + index % 5 for index, item in enumerate(q.items)}
    saved = complete_questionnaire(store, "values", answers, DONE)
    at = _page(lang, "values")
    table = _table(at, lang, "orientation.chart.score_title")
    parts, scores = table[t(lang, "orientation.chart.type")], table[t(lang, "orientation.chart.score_column")]
    expected = [dimension_name(lang, "values", s.dimension) for s in saved.result.scores]
    assert list(parts) == expected
    assert list(scores) == [f"{s.mean:.1f} / 5" for s in saved.result.scores]
    export = to_markdown({"values": saved}, lang, DONE)
    assert all(f"{part}: {score}" in export for part, score in zip(parts, scores, strict=True))
    [chart] = [c for c in at.get("plotly_chart") if "or_chart_values" in c.proto.id]
    bars = json.loads(chart.proto.spec)["data"][0]
    assert [f"{x:.1f} / 5" for x in bars["x"]] == list(scores)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_days_table_says_which_days_were_chosen(lang, store):
    complete_questionnaire(store, "capacity", {"hours_week": "h20_28", "days": ("mon", "thu")}, DONE)
    table = _table(_page(lang, "capacity"), lang, "orientation.chart.days_title")
    names = load_texts(lang, "capacity")["options"]["days"]
    chosen = dict(zip(table[t(lang, "orientation.chart.day")], table[t(lang, "orientation.chart.chosen")], strict=True))
    assert chosen[names["mon"]] == chosen[names["thu"]] == t(lang, "common.yes")
    assert chosen[names["tue"]] == t(lang, "common.no")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_obstacles_table_names_every_level_also_not_an_issue(lang, store):
    complete_questionnaire(store, "obstacles", {"money": "much", "digital": "somewhat", "childcare": "none"}, DONE)
    table = _table(_page(lang, "obstacles"), lang, "orientation.chart.obstacles_title")
    items = load_texts(lang, "obstacles")["items"]
    levels = dict(
        zip(table[t(lang, "orientation.chart.obstacle")], table[t(lang, "orientation.chart.level_column")], strict=True)
    )
    assert levels == {
        items["money"]: t(lang, "orientation.result.level.much"),
        items["digital"]: t(lang, "orientation.result.level.somewhat"),
        items["childcare"]: t(lang, "orientation.result.level.none"),
    }
