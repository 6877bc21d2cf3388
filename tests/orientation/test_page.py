"""The /orientation page with AppTest: answer, save, resume, finish and see the result, in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from spoor2.i18n import format_date, t
from spoor2.orientation.questionnaires import load_questionnaire, load_texts
from spoor2.store.orientation import complete_questionnaire, latest_result, load_draft
from tests.support.apptest import assert_no_exception, open_page, page_text


def answer_screen(at, qid: str, screen: int, value, only: int | None = None) -> None:
    q = load_questionnaire(qid)
    for item_id in q.screens[screen][:only]:
        at.radio(key=f"or_{qid}_{item_id}").set_value(value)


def click(at, key: str) -> None:
    at.button(key=key).click().run()
    assert_no_exception(at)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_answer_save_resume_finish_and_see_the_result(lang, store):
    at = open_page("orientation.py", lang=lang)
    assert_no_exception(at)
    assert t(lang, "orientation.privacy") in page_text(at)
    assert at.radio(key="or_choice").value == "interests"
    # screen 1 (Realistic): answer five, skip three, save and go on
    answer_screen(at, "interests", 0, 4, only=5)
    click(at, "or_next_interests")
    draft = load_draft(store, "interests")
    assert draft is not None and draft.screen == 1
    assert draft.answers == {f"r{i}": 4 for i in range(1, 6)}
    # screen 2: answer two and save
    answer_screen(at, "interests", 1, 2, only=2)
    click(at, "or_next_interests")
    assert load_draft(store, "interests").screen == 2

    # reopen the page in a new session: it resumes on screen 3 with the earlier answers kept
    at = open_page("orientation.py", lang=lang)
    assert_no_exception(at)
    text = page_text(at)
    when = format_date(date.fromisoformat(draft.updated_at[:10]), lang)
    assert t(lang, "orientation.resume", when=when) in text
    assert "a1" in [w.key.removeprefix("or_interests_") for w in at.radio if w.key and w.key.startswith("or_")]
    click(at, "or_back_interests")
    assert at.radio(key="or_interests_i1").value == 2
    assert at.radio(key="or_interests_i3").value is None  # skipped stays skipped
    click(at, "or_next_interests")

    # the rest: Artistic high, Social middle, the others low; the last screen finishes
    for screen, value in ((2, 5), (3, 3), (4, 1), (5, 2)):
        answer_screen(at, "interests", screen, value)
        click(at, "or_next_interests")
    assert load_draft(store, "interests") is None
    saved = latest_result(store, "interests")
    assert saved is not None
    # I has only 2 answers: not enough; code from the others: A (5), R (4), S (3)
    assert saved.result.holland_code == "ARS"
    assert not saved.result.score("I").enough
    text = page_text(at)
    names = load_texts(lang, "interests")["dimensions"]
    assert t(lang, "orientation.result.code", code="ARS", names=", ".join(names[d]["name"] for d in "ARS")) in text
    assert "I" in [s.dimension for s in saved.result.scores if not s.enough]
    assert len(at.get("plotly_chart")) >= 1
    # example occupations and the source note
    assert t(lang, "orientation.result.occupations_title") in text
    # export buttons are there
    assert at.get("download_button")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_capacity_gives_an_editable_search_profile(lang, store):
    at = open_page("orientation.py", lang=lang)
    at.radio(key="or_choice").set_value("capacity").run()
    assert_no_exception(at)
    assert t(lang, "orientation.privacy") in page_text(at)
    at.radio(key="or_capacity_hours_week").set_value("h20_28")
    at.multiselect(key="or_capacity_days").select("mon").select("thu")
    click(at, "or_next_capacity")
    at.radio(key="or_capacity_remote").set_value("hybrid")
    click(at, "or_next_capacity")
    click(at, "or_next_capacity")  # last screen skipped entirely: finish
    saved = latest_result(store, "capacity")
    assert saved is not None
    assert saved.answers == {"hours_week": "h20_28", "days": ("mon", "thu"), "remote": "hybrid"}
    option = load_texts(lang, "capacity")["options"]["hours_week"]["h20_28"]
    area = at.text_area(key=f"or_profile_{lang}_{saved.id}_hours_week")
    assert area.value == option
    area.input("24 uur, verdeeld over vier ochtenden")
    click(at, "or_profile_save")
    assert latest_result(store, "capacity").profile["hours_week"] == "24 uur, verdeeld over vier ochtenden"
    assert t(lang, "orientation.result.profile_saved") in page_text(at)


def test_obstacles_show_pointers_to_help(store):
    at = open_page("orientation.py", lang="nl")
    at.radio(key="or_choice").set_value("obstacles").run()
    at.radio(key="or_obstacles_money").set_value("much")
    click(at, "or_next_obstacles")
    at.radio(key="or_obstacles_digital").set_value("somewhat")
    click(at, "or_next_obstacles")
    text = page_text(at)
    pointers = load_texts("nl", "obstacles")["pointers"]
    assert pointers["money"] in text
    assert pointers["digital"] in text
    assert pointers["childcare"] not in text


def test_retake_and_compare_with_an_earlier_result(store):
    q = load_questionnaire("values")
    complete_questionnaire(store, "values", {item.id: 3 for item in q.items}, date(2026, 9, 1))
    at = open_page("orientation.py", lang="en")
    at.radio(key="or_choice").set_value("values").run()
    assert_no_exception(at)
    assert t("en", "orientation.history.only_one") in page_text(at)
    click(at, "or_retake_values")
    for screen in range(len(q.screens)):
        answer_screen(at, "values", screen, 4)
        click(at, "or_next_values")
    assert latest_result(store, "values") is not None
    assert len(at.dataframe) == 1  # the comparison table: one column per result
    assert len(at.dataframe[0].value.columns) == 2
    assert t("en", "orientation.history.only_one") not in page_text(at)
    charts = at.get("plotly_chart")
    assert len(charts) == 2  # the result and the comparison


def test_restart_removes_the_draft(store):
    at = open_page("orientation.py", lang="en")
    answer_screen(at, "interests", 0, 3, only=2)
    click(at, "or_next_interests")
    assert load_draft(store, "interests") is not None
    click(at, "or_restart_interests")
    assert load_draft(store, "interests") is None
    assert t("en", "orientation.restarted") in page_text(at)
    assert at.radio(key="or_interests_r1").value is None


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_answer_off_the_scale_is_named_by_the_questions_number_never_its_id(lang):
    """Issue 12: "question structure1 is not on the scale" showed an internal id."""
    from spoor2.errors import InvalidInput
    from spoor2.orientation.questionnaires import validate_answers

    q = load_questionnaire("values")
    item_id = q.items[4].id
    with pytest.raises(InvalidInput) as raised:
        validate_answers(q, {item_id: "Eens"})
    message = raised.value.message(lang)
    assert item_id not in message
    assert "5" in message
    with pytest.raises(InvalidInput) as unknown:
        validate_answers(q, {"nonsense1": 3})
    assert "nonsense1" not in unknown.value.message(lang)
