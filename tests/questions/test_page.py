"""/questions in AppTest: journeys in both languages, found by widget keys."""

from __future__ import annotations

from datetime import date

import pytest

from spoor2.i18n import t
from spoor2.questions.bank import question_texts
from spoor2.store import questions as repo
from spoor2.store.timeline import save_timeline_input
from spoor2.timeline.rules import SickPeriod, TimelineInput
from tests.support.apptest import assert_no_exception, open_page, page_text


def _save_timeline(store, start: date) -> None:
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=start),)))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_without_timeline_invites_and_shows_general_questions(lang):
    at = open_page("questions.py", lang=lang)
    assert_no_exception(at)
    text = page_text(at)
    assert t(lang, "questions.no_timeline") in text
    assert question_texts(lang)["emp_privacy"].text in text
    assert question_texts(lang)["emp_spoor2_why_not"].text not in text
    assert t(lang, "common.not_legal_advice") in text  # legal footer
    assert len(at.get("download_button")) >= 3


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_answers_change_the_questions_and_are_saved(lang, store):
    _save_timeline(store, date(2025, 9, 1))  # week 64 on 2026-11-22 and later
    at = open_page("questions.py", lang=lang)
    assert_no_exception(at)
    assert question_texts(lang)["agency_search_profile"].text not in page_text(at)
    assert question_texts(lang)["emp_spoor2_why_not"].text in page_text(at)

    at.radio(key="q_ans_spoor2_started").set_value("yes")
    at.radio(key="q_ans_work_fits_limits").set_value("no")
    at.button(key="q_save_answers").click().run()
    assert_no_exception(at)
    assert repo.situation_answers(store)["spoor2_started"] == "yes"
    text = page_text(at)
    assert question_texts(lang)["agency_search_profile"].text in text
    assert question_texts(lang)["uwv_expert_opinion_work"].text in text
    assert question_texts(lang)["emp_spoor2_why_not"].text not in text
    assert t(lang, "questions.answers_saved") in text


def test_own_question_reorder_and_remove_are_saved(store):
    at = open_page("questions.py", lang="nl")
    at.text_input(key="q_own_text").input("Wie betaalt mijn reiskosten?")
    at.selectbox(key="q_own_audience").set_value("employer")
    at.button(key="q_own_add").click().run()
    assert_no_exception(at)
    saved = repo.load_question_list(store)
    own = [item for item in saved.items if item.own]
    assert len(own) == 1 and own[0].text == "Wie betaalt mijn reiskosten?"
    assert "Wie betaalt mijn reiskosten?" in page_text(at)

    employer_ids = [item.id for item in saved.items if item.audience == "employer"]
    assert employer_ids[-1] == own[0].id
    at.button(key=f"q_up_{own[0].id}").click().run()
    employer_ids = [item.id for item in repo.load_question_list(store).items if item.audience == "employer"]
    assert employer_ids[-2] == own[0].id

    at.button(key="q_rm_emp_privacy").click().run()
    assert_no_exception(at)
    saved = repo.load_question_list(store)
    assert "emp_privacy" in saved.removed
    assert question_texts("nl")["emp_privacy"].text not in page_text(at)

    at.button(key="q_restore").click().run()
    assert question_texts("nl")["emp_privacy"].text in page_text(at)
    assert "Wie betaalt mijn reiskosten?" in page_text(at)


def test_empty_own_question_shows_an_error_and_saves_nothing(store):
    at = open_page("questions.py", lang="en")
    at.button(key="q_own_add").click().run()
    assert_no_exception(at)
    assert t("en", "questions.error.empty_question") in next(e.value for e in at.error)
    assert repo.load_question_list(store) is None


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_document_checklist_shows_what_to_do_and_saves(lang, store):
    _save_timeline(store, date(2025, 9, 1))
    at = open_page("questions.py", lang=lang)
    at.selectbox(key="q_doc_state_spoor2_plan").set_value("not_received")
    at.selectbox(key="q_doc_state_action_plan").set_value("received").run()
    at.date_input(key="q_doc_date_action_plan").set_value(date(2025, 11, 1))
    at.button(key="q_save_documents").click().run()
    assert_no_exception(at)
    records = repo.document_records(store)
    assert records["spoor2_plan"].state == "not_received"
    assert records["action_plan"].on == date(2025, 11, 1)
    from spoor2.questions.bank import document_texts

    assert document_texts(lang)["spoor2_plan"].missing in page_text(at)
    assert question_texts(lang)["emp_action_plan_copy"].text not in page_text(at)


def test_meeting_is_saved_with_points_and_what_we_agreed(store):
    at = open_page("questions.py", lang="en")
    at.date_input(key="q_meet_date").set_value(date(2026, 12, 1))
    at.text_input(key="q_meet_with").input("HR manager")
    at.multiselect(key="q_meet_points").set_value(["emp_privacy"])
    at.text_area(key="q_meet_extra").input("Travel costs\n\nWorking hours")
    at.button(key="q_meet_save").click().run()
    assert_no_exception(at)
    (meeting,) = repo.meetings(store)
    assert meeting.with_whom == "HR manager" and meeting.on == date(2026, 12, 1)
    assert meeting.points == (question_texts("en")["emp_privacy"].text, "Travel costs", "Working hours")

    at.text_area(key=f"q_meet_agreed_{meeting.id}").input("We agreed on a new evaluation in January.")
    at.button(key=f"q_meet_agreed_save_{meeting.id}").click().run()
    assert repo.meetings(store)[0].agreed == "We agreed on a new evaluation in January."
    assert len(at.get("download_button")) >= 5

    at.button(key=f"q_meet_del_{meeting.id}").click().run()
    assert repo.meetings(store) == []


def test_meeting_without_person_is_refused(store):
    at = open_page("questions.py", lang="nl")
    at.button(key="q_meet_save").click().run()
    assert t("nl", "questions.error.meeting_with_whom") in next(e.value for e in at.error)
    assert repo.meetings(store) == []


@pytest.mark.parametrize(("lang", "marker"), [("en", "Request for access"), ("nl", "Verzoek om inzage")])
def test_letter_is_filled_from_typed_fields_and_the_timeline(lang, marker, store):
    _save_timeline(store, date(2025, 9, 1))
    at = open_page("questions.py", lang=lang)
    at.text_input(key="q_letter_name").input("Ana <Silva>").run()
    at.text_input(key="q_letter_employer").input("Acme B.V.").run()
    assert_no_exception(at)
    letter = "\n".join(str(e.value) for e in at.text)
    assert marker in letter and "Ana <Silva>" in letter and "Acme B.V." in letter
    assert ("1 September 2025" if lang == "en" else "1 september 2025") in letter

    at.selectbox(key="q_letter").set_value("objection").run()
    at.radio(key="q_letter_lang").set_value("nl" if lang == "en" else "en").run()
    assert_no_exception(at)
    letter = "\n".join(str(e.value) for e in at.text)
    assert ("bezwaar" if lang == "en" else "objection") in letter
    assert at.text_area(key="q_letter_reasons") is not None
