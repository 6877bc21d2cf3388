"""The /routes page with AppTest, in both languages: each section, the ticks, the start date and the check-ins."""

from __future__ import annotations

from datetime import date

import pytest

from spoor2.applying.after_start import checkin_due, load_after_start
from spoor2.applying.routes import load_routes
from spoor2.i18n import t
from spoor2.store import applying as repo
from tests.support.apptest import assert_no_exception, open_page, page_text

LANGS = ["en", "nl"]


def show(at, section):
    at.segmented_control(key="rt_section").set_value(section).run()
    assert_no_exception(at)
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_opens_with_its_introduction_and_the_absence_section(lang):
    at = open_page("routes.py", lang=lang)
    assert_no_exception(at)
    text = page_text(at)
    assert t(lang, "routes.intro") in text
    assert t(lang, "routes.intro_help") in text
    assert t(lang, "common.not_legal_advice") in text
    for item in load_routes().absence:
        assert getattr(item, lang).title.replace("*", "") in text.replace("*", "")
    assert "Wet op de medische keuringen, art. 4 lid 2" in text  # the sources are shown
    lkv = next(i for i in load_routes().absence if i.id == "lkv")
    assert t(lang, "routes.unverified", what=getattr(lkv.unverified, lang)) in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_routes_section_shows_each_route_and_keeps_a_tick(store, lang):
    at = show(open_page("routes.py", lang=lang), "routes")
    text = page_text(at)
    content = load_routes()
    labels = [e.label for e in at.expander]
    for route in content.routes:
        assert any(getattr(route, lang).title.replace("*", "") in label.replace("*", "") for label in labels)
    wage = content.checks["wage"].text(lang)
    assert t(lang, "routes.routes.intro") in text
    assert "Burgerlijk Wetboek Boek 7, art. 7:611" in text  # a check's own source is shown with its route
    at.checkbox(key="rt_tick_secondment_wage").check().run()
    assert_no_exception(at)
    assert repo.get_route_ticks(store) == {"secondment": ["wage"]}
    assert at.checkbox(key="rt_tick_secondment_wage").label == wage
    assert any(t(lang, "routes.routes.progress", done=1, total=8) in e.label for e in at.expander)
    # another section and back, and a language switch: the tick stays
    show(at, "absence")
    show(at, "routes")
    assert at.checkbox(key="rt_tick_secondment_wage").value is True


@pytest.mark.parametrize("lang", LANGS)
def test_after_start_saves_the_start_date_and_the_answers_then_edits_them(store, lang):
    at = show(open_page("routes.py", lang=lang), "after_start")
    text = page_text(at)
    later = load_after_start()
    for item in (*later.old_contract, *later.sick_again):
        assert getattr(item, lang).title.replace("*", "") in text.replace("*", "")
    assert t(lang, "routes.after_start.no_start") in text
    at.date_input(key="rt_start").set_value(date(2026, 1, 31)).run()
    at.button(key="rt_start_save").click().run()
    assert_no_exception(at)
    assert repo.get_start_date(store) == date(2026, 1, 31)
    text = page_text(at)
    assert t(lang, "routes.after_start.start_saved") in text
    due = t(lang, "routes.after_start.due_on", date="").strip()
    assert due in text
    from spoor2.i18n import format_date

    assert format_date(checkin_due(date(2026, 1, 31), 1), lang, "long") in text  # 28 February 2026
    question = later.questions(1)[0]
    at.text_area(key=f"rt_answer_1_{question.id}").input("Goed, <b>moe</b> =1+1").run()
    at.button(key="rt_save_1").click().run()
    assert_no_exception(at)
    assert repo.list_checkin_answers(store)[(1, question.id)].answer == "Goed, <b>moe</b> =1+1"
    assert t(lang, "routes.after_start.answers_saved") in page_text(at)
    at.text_area(key=f"rt_answer_1_{question.id}").input("Beter").run()
    at.button(key="rt_save_1").click().run()
    assert repo.list_checkin_answers(store)[(1, question.id)].answer == "Beter"
    assert at.text_area(key=f"rt_answer_1_{question.id}").value == "Beter"


@pytest.mark.parametrize("lang", LANGS)
def test_an_answer_past_the_limit_is_kept_with_a_notice_and_saving_stores_nothing_until_it_is_shorter(store, lang):
    """The field takes a pasted answer of any length (Streamlit's ``max_chars`` dropped it whole); the notice under
    it and the refusal to save say the limit (MAX_ANSWER_CHARS; the store refuses more: test_after_start_store)."""
    at = show(open_page("routes.py", lang=lang), "after_start")
    questions = load_after_start().questions(3)
    at.text_area(key=f"rt_answer_3_{questions[0].id}").input("Goed").run()
    at.text_area(key=f"rt_answer_3_{questions[1].id}").input("x" * 4001).run()
    assert any(str(w.value).startswith(t(lang, "common.text_too_long", count="", maximum="")[:12]) for w in at.warning)
    at.button(key="rt_save_3").click().run()
    assert_no_exception(at)
    assert repo.list_checkin_answers(store) == {}  # nothing saved half-way
    assert at.text_area(key=f"rt_answer_3_{questions[1].id}").value == "x" * 4001  # nothing cut off
    at.text_area(key=f"rt_answer_3_{questions[1].id}").input("x" * 4000).run()
    at.button(key="rt_save_3").click().run()
    saved = repo.list_checkin_answers(store)
    assert saved[(3, questions[0].id)].answer == "Goed" and saved[(3, questions[1].id)].answer == "x" * 4000


@pytest.mark.parametrize(("first", "then"), [("en", "nl"), ("nl", "en")])
def test_a_draft_answer_and_a_tick_survive_a_language_switch_and_are_saved_as_typed(store, first, then):
    at = show(open_page("routes.py", lang=first), "after_start")
    question = load_after_start().questions(6)[0]
    at.text_area(key=f"rt_answer_6_{question.id}").input("Verlenging in maart").run()
    at.radio(key="lang_choice").set_value(then).run()
    assert_no_exception(at)
    assert at.segmented_control(key="rt_section").value == "after_start"  # the section stays
    assert at.text_area(key=f"rt_answer_6_{question.id}").value == "Verlenging in maart"
    assert at.text_area(key=f"rt_answer_6_{question.id}").label == question.text(then)
    at.button(key="rt_save_6").click().run()
    assert repo.list_checkin_answers(store)[(6, question.id)].answer == "Verlenging in maart"
