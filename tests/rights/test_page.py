"""/rights in AppTest: the guided start, search, all topics, glossary and deep links, in both languages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from spoor2.i18n import LANGS, t
from spoor2.legal.sources import get_source
from spoor2.render.text import md_escape
from spoor2.rights.topics import Situation, get_topic, load_glossary, load_topics, topics_for_situation
from spoor2.store.timeline import save_timeline_input
from spoor2.timeline.rules import SickPeriod, TimelineInput, compute_timeline, where_i_stand
from tests.support.apptest import APP, assert_no_exception, open_page, page_text


def _keys(at: AppTest, prefix: str) -> set[str]:
    return {button.key[len(prefix) + 1 :] for button in at.button if button.key and button.key.startswith(prefix + "_")}


def _deep_link(topic: str, lang: str) -> AppTest:
    """Open /rights?topic=<slug>&lang=<lang> as a first request."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = lang
    at.query_params["topic"] = topic
    at.run()
    at.switch_page("pages/rights.py")
    at.run()
    return at


def _param(at: AppTest, name: str) -> str | None:
    value = at.query_params.get(name)
    if isinstance(value, list):
        return value[-1] if value else None
    return value


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_guided_start_orders_topics_for_the_situation(lang):
    at = open_page("rights.py", lang=lang)
    assert_no_exception(at)
    text = page_text(at)
    assert t(lang, "rights.guided_title") in text
    assert at.number_input(key="rights_sick_week").value is None  # no saved timeline
    assert list(at.radio(key="rights_spoor2").options) == [
        t(lang, f"rights.answer.{v}") for v in ("yes", "no", "unsure")
    ]

    at.number_input(key="rights_sick_week").set_value(50)
    at.radio(key="rights_spoor2").set_value("no")
    at.radio(key="rights_disagreement").set_value("no").run()
    assert_no_exception(at)
    expected = topics_for_situation(load_topics(lang), Situation(sick_week=50, spoor2="no", disagreement="no"))
    assert _keys(at, "rights_for_you") == {topic.slug for topic in expected}
    assert "spoor-2-start" in _keys(at, "rights_for_you")
    assert get_topic(lang, "spoor-2-start").title in page_text(at)

    at.radio(key="rights_disagreement").set_value("yes").run()
    assert "deskundigenoordeel" in _keys(at, "rights_for_you")
    assert "second-opinion" in _keys(at, "rights_for_you")

    # opening a topic from the guided start puts it in the address bar
    at.button(key="rights_for_you_deskundigenoordeel").click().run()
    assert_no_exception(at)
    assert _param(at, "topic") == "deskundigenoordeel"
    assert get_topic(lang, "deskundigenoordeel").title in page_text(at)

    # back: the answers are still there
    at.button(key="rights_back").click().run()
    assert _param(at, "topic") is None
    assert at.number_input(key="rights_sick_week").value == 50
    assert at.radio(key="rights_disagreement").value == "yes"


def test_week_is_prefilled_from_the_saved_timeline(store):
    first_day = date.today() - timedelta(days=7 * 60 + 3)
    inp = TimelineInput(periods=(SickPeriod(start=first_day),))
    save_timeline_input(store, inp)
    week = where_i_stand(compute_timeline(inp), date.today()).sick_week
    at = open_page("rights.py", lang="nl")
    assert_no_exception(at)
    assert at.number_input(key="rights_sick_week").value == week
    assert t("nl", "rights.q_week_from_timeline", week=week) in page_text(at)
    # a topic shows the milestones of the saved timeline
    at.toggle(key="rights_show_all").set_value(True).run()
    at.button(key="rights_all_wia-application").click().run()
    assert_no_exception(at)
    assert t("nl", "rights.milestones_title") in page_text(at)


@pytest.mark.parametrize(
    ("lang", "query", "expected", "absent"),
    [
        ("en", "expert opinion", "deskundigenoordeel", "pregnancy"),
        ("nl", "vaststellingsovereenkomst", "settlement-agreement", "early-iva-and-extension"),
        ("nl", "reintegratiebedrijf", "reintegration-agency", "pregnancy"),
    ],
)
def test_search_across_topics_in_the_chosen_language(lang, query, expected, absent):
    at = open_page("rights.py", lang=lang)
    at.text_input(key="rights_search").input(query).run()
    assert_no_exception(at)
    found = _keys(at, "rights_found")
    assert expected in found
    assert absent not in found
    at.button(key=f"rights_found_{expected}").click().run()
    assert get_topic(lang, expected).title in page_text(at)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_search_without_results_says_so(lang):
    at = open_page("rights.py", lang=lang)
    at.text_input(key="rights_search").input("xyzzy quux").run()
    assert_no_exception(at)
    assert _keys(at, "rights_found") == set()
    assert t(lang, "rights.search_none") in [info.value for info in at.info]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_show_all_lists_every_topic(lang):
    at = open_page("rights.py", lang=lang)
    assert _keys(at, "rights_all") == set()
    at.toggle(key="rights_show_all").set_value(True).run()
    assert _keys(at, "rights_all") == {topic.slug for topic in load_topics(lang)}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("slug", ["privacy", "after-104-weeks", "wia-application"])
def test_deep_link_opens_the_topic_with_sources_date_milestones_and_footer(lang, slug):
    at = _deep_link(slug, lang)
    assert_no_exception(at)
    topic = get_topic(lang, slug)
    text = page_text(at)
    assert topic.title in [header.value for header in at.header]
    assert topic.sections[0].heading in text
    assert t(lang, "rights.sources_title") in text
    for source_id in topic.sources:
        assert str(get_source(source_id).url) in text
    assert t(lang, "rights.last_checked", date="").split(":")[0] in text
    assert t(lang, "common.not_legal_advice") in text
    assert at.radio(key="lang_choice").value == lang
    assert _keys(at, "rights_for_you") == set()  # the overview is not shown under a topic


def test_deep_link_to_unknown_topic_shows_an_error_and_the_overview():
    at = _deep_link("no-such-topic", "nl")
    assert_no_exception(at)
    # the slug comes from the address bar: it is shown as text (escaped for Markdown)
    assert t("nl", "rights.error.unknown_topic", topic=md_escape("no-such-topic")) in [e.value for e in at.error]
    assert _keys(at, "rights_for_you")


def test_related_topic_glossary_link_and_language_switch():
    at = _deep_link("dismissal-protection", "en")
    at.button(key="rights_related_settlement-agreement").click().run()
    assert _param(at, "topic") == "settlement-agreement"
    assert get_topic("en", "settlement-agreement").title in page_text(at)

    at.radio(key="lang_choice").set_value("nl").run()
    assert_no_exception(at)
    assert get_topic("nl", "settlement-agreement").title in [header.value for header in at.header]

    at.button(key="rights_topic_glossary").click().run()
    assert_no_exception(at)
    assert _param(at, "topic") is None
    assert _param(at, "view") == "glossary"
    glossary = next(e for e in at.expander if e.label == t("nl", "rights.glossary_title"))
    assert glossary.proto.expanded
    assert "Benadelingshandeling" in page_text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_holds_every_entry_in_the_page_language(lang):
    """One Markdown block for the whole glossary (~50 elements fewer for the browser to draw on every visit)."""
    at = open_page("rights.py", lang=lang)
    glossary = next(e for e in at.expander if e.label == t(lang, "rights.glossary_title"))
    text = "\n".join(block.value for block in glossary.markdown)
    entries = load_glossary(lang)
    assert len(entries) > 20
    for entry in entries:
        assert f"**{entry.dutch}** — *{entry.english}*  \n{entry.explanation}" in text
    # one entry per paragraph, in the glossary's order
    assert text.index(entries[0].dutch) < text.index(entries[-1].dutch)
    assert text.count("\n\n") == len(entries) - 1
