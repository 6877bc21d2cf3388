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


def _open(lang: str, section: str):
    """/questions in ``lang``, in one of its sections (the page shows one at a time)."""
    at = open_page("questions.py", lang=lang)
    return _section(at, section)


def _section(at, section: str):
    return at.segmented_control(key="q_tab").set_value(section).run()


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

    _section(at, "situation")
    at.radio(key="q_ans_spoor2_started").set_value("yes")
    at.radio(key="q_ans_work_fits_limits").set_value("no")
    at.button(key="q_save_answers").click().run()
    assert_no_exception(at)
    assert repo.situation_answers(store)["spoor2_started"] == "yes"
    assert t(lang, "questions.answers_saved") in page_text(at)
    text = page_text(_section(at, "questions"))
    assert question_texts(lang)["agency_search_profile"].text in text
    assert question_texts(lang)["uwv_expert_opinion_work"].text in text
    assert question_texts(lang)["emp_spoor2_why_not"].text not in text


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
    at = _open(lang, "documents")
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
    assert question_texts(lang)["emp_action_plan_copy"].text not in page_text(_section(at, "questions"))


def test_meeting_is_saved_with_points_and_what_we_agreed(store):
    at = _open("en", "meeting")
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
    assert len(at.get("download_button")) >= 2  # the meeting as text and PDF

    at.checkbox(key=f"q_meet_del_confirm_{meeting.id}").check()
    at.button(key=f"q_meet_del_{meeting.id}").click().run()
    assert repo.meetings(store) == []


def test_meeting_without_person_is_refused(store):
    at = _open("nl", "meeting")
    at.button(key="q_meet_save").click().run()
    assert t("nl", "questions.error.meeting_with_whom") in next(e.value for e in at.error)
    assert repo.meetings(store) == []


@pytest.mark.parametrize(("lang", "marker"), [("en", "Request for access"), ("nl", "Verzoek om inzage")])
def test_letter_is_filled_from_typed_fields_and_the_timeline(lang, marker, store):
    _save_timeline(store, date(2025, 9, 1))
    at = _open(lang, "letters")
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


# --- issue 12: what the person entered survives language switches, saves and repeated clicks ----------


def _switch(at, lang: str):
    return at.radio(key="lang_choice").set_value(lang).run()


def _errors(at) -> list[str]:
    return [str(e.value) for e in at.error]


def test_documents_viewed_in_dutch_and_saved_in_english_store_nothing_wrong(store):
    """View (nothing changed), switch, save: no traceback, nothing becomes "received"."""
    _save_timeline(store, date(2025, 9, 1))
    at = _open("nl", "documents")
    _switch(at, "en")
    assert_no_exception(at)
    assert at.selectbox(key="q_doc_state_action_plan").value == "unknown"
    at.button(key="q_save_documents").click().run()
    assert_no_exception(at)
    assert _errors(at) == []
    assert repo.document_records(store) == {}
    at.button(key="q_save_documents").click().run()  # and the next save too
    assert repo.document_records(store) == {}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_received_date_is_asked_only_for_a_received_document(lang, store):
    """No greyed-out date field (accessibility review A5): it appears when "received" is chosen, and a date
    chosen before another state was picked comes back with "received"."""
    _save_timeline(store, date(2025, 9, 1))
    at = _open(lang, "documents")
    keys = {d.key for d in at.date_input}
    assert "q_doc_date_action_plan" not in keys
    at.selectbox(key="q_doc_state_action_plan").set_value("received").run()
    at.date_input(key="q_doc_date_action_plan").set_value(date(2025, 11, 1)).run()
    at.selectbox(key="q_doc_state_action_plan").set_value("not_received").run()
    assert "q_doc_date_action_plan" not in {d.key for d in at.date_input}
    at.selectbox(key="q_doc_state_action_plan").set_value("received").run()
    assert at.date_input(key="q_doc_date_action_plan").value == date(2025, 11, 1)
    at.button(key="q_save_documents").click().run()
    assert repo.document_records(store)["action_plan"].on == date(2025, 11, 1)


def test_documents_changed_in_dutch_are_saved_as_chosen_after_a_switch(store):
    _save_timeline(store, date(2025, 9, 1))
    at = _open("nl", "documents")
    at.selectbox(key="q_doc_state_spoor2_plan").set_value("not_received").run()
    at.selectbox(key="q_doc_state_action_plan").set_value("received").run()
    at.date_input(key="q_doc_date_action_plan").set_value(date(2025, 11, 1)).run()
    _switch(at, "en")
    assert at.selectbox(key="q_doc_state_action_plan").value == "received"
    at.button(key="q_save_documents").click().run()
    assert_no_exception(at)
    assert _errors(at) == []
    records = repo.document_records(store)
    assert {doc: r.state for doc, r in records.items()} == {"spoor2_plan": "not_received", "action_plan": "received"}
    assert records["action_plan"].on == date(2025, 11, 1)
    _switch(at, "nl")
    at.button(key="q_save_documents").click().run()
    assert {doc: r.state for doc, r in repo.document_records(store).items()} == {
        "spoor2_plan": "not_received",
        "action_plan": "received",
    }


def test_situation_answers_survive_a_language_switch(store):
    at = _open("nl", "situation")
    at.radio(key="q_ans_spoor2_started").set_value("yes").run()
    at.radio(key="q_ans_fixed_term").set_value("no").run()
    _switch(at, "en")
    assert at.radio(key="q_ans_spoor2_started").value == "yes"
    at.button(key="q_save_answers").click().run()
    assert_no_exception(at)
    assert _errors(at) == []
    answers = repo.situation_answers(store)
    assert answers["spoor2_started"] == "yes" and answers["fixed_term"] == "no"
    assert answers["work_fits_limits"] == "unknown"


def test_meeting_points_and_own_audience_survive_a_language_switch_and_other_sections(store):
    at = open_page("questions.py", lang="nl")
    at.selectbox(key="q_own_audience").set_value("company_doctor").run()
    _section(at, "meeting")
    at.multiselect(key="q_meet_points").set_value(["emp_privacy"]).run()
    _switch(at, "en")
    assert_no_exception(at)
    assert at.multiselect(key="q_meet_points").value == ["emp_privacy"]
    assert _section(at, "questions").selectbox(key="q_own_audience").value == "company_doctor"
    _section(at, "meeting")
    at.text_input(key="q_meet_with").input("HR")
    at.button(key="q_meet_save").click().run()
    (meeting,) = repo.meetings(store)
    assert meeting.points == (question_texts("en")["emp_privacy"].text,)


def test_an_unknown_answer_names_no_internal_id():
    from spoor2.errors import InvalidInput
    from spoor2.questions.bank import build_situation

    with pytest.raises(InvalidInput) as caught:
        build_situation(None, answers={"spoor2_started": "Ja"})
    for lang in ("en", "nl"):
        assert "spoor2_started" not in caught.value.message(lang) and "Ja" not in caught.value.message(lang)


_SAVES = {
    "documents": ("q_save_documents", "documents_saved"),
    "situation": ("q_save_answers", "answers_saved"),
    "meeting": ("q_meet_save", "meeting_saved"),
}


def _fill(at, tab: str):
    if tab == "documents":
        return at.selectbox(key="q_doc_state_spoor2_plan").set_value("not_received")
    if tab == "situation":
        return at.radio(key="q_ans_spoor2_started").set_value("yes")
    return at.text_input(key="q_meet_with").input("HR")


@pytest.mark.parametrize("tab", list(_SAVES))
def test_the_tab_stays_after_a_save_the_next_click_and_a_language_switch(store, tab):
    _save_timeline(store, date(2025, 9, 1))
    at = _open("nl", tab)
    _fill(at, tab).run()
    button, notice = _SAVES[tab]
    at.button(key=button).click().run()
    assert_no_exception(at)
    assert t("nl", f"questions.{notice}") in page_text(at)
    assert at.segmented_control(key="q_tab").value == tab
    _fill(at, tab).run()  # the next click (the message disappears)
    assert at.segmented_control(key="q_tab").value == tab
    _switch(at, "en")
    assert at.segmented_control(key="q_tab").value == tab


def test_meeting_form_is_empty_after_success_and_a_second_click_saves_nothing_new(store):
    at = _open("en", "meeting")
    at.date_input(key="q_meet_date").set_value(date(2026, 11, 30))
    at.text_input(key="q_meet_with").input("HR manager")
    at.multiselect(key="q_meet_points").set_value(["emp_privacy"])
    at.text_area(key="q_meet_extra").input("Travel costs")
    at.button(key="q_meet_save").click().run()
    assert_no_exception(at)
    assert len(repo.meetings(store)) == 1
    assert at.text_input(key="q_meet_with").value == ""
    assert at.multiselect(key="q_meet_points").value == []
    assert at.text_area(key="q_meet_extra").value == ""
    at.button(key="q_meet_save").click().run()  # the button clicked again: nothing to save
    assert len(repo.meetings(store)) == 1


def test_a_double_submit_of_the_same_meeting_creates_one_record(store):
    """Two clicks before the first answer arrives carry the same values twice."""
    at = _open("en", "meeting")

    def fill_and_click():
        at.date_input(key="q_meet_date").set_value(date(2026, 11, 30))
        at.text_input(key="q_meet_with").input("HR manager")
        at.multiselect(key="q_meet_points").set_value(["emp_privacy"])
        at.button(key="q_meet_save").click().run()

    fill_and_click()
    fill_and_click()
    assert_no_exception(at)
    assert len(repo.meetings(store)) == 1
    assert _errors(at) == []


def test_the_delete_confirmation_of_a_meeting_resets_after_use(store):
    from spoor2.questions.bank import Meeting

    for mid in ("m1", "m2"):
        repo.save_meeting(store, Meeting(id=mid, on=date(2026, 11, 30), with_whom="HR"))
    at = _open("en", "meeting")
    at.button(key="q_meet_del_m1").click().run()
    assert len(repo.meetings(store)) == 2  # a delete asks first
    at.checkbox(key="q_meet_del_confirm_m1").check().run()
    at.button(key="q_meet_del_m1").click().run()
    assert [m.id for m in repo.meetings(store)] == ["m2"]
    at.button(key="q_meet_del_m2").click().run()
    assert [m.id for m in repo.meetings(store)] == ["m2"]  # the confirmation is not carried over
    assert not at.checkbox(key="q_meet_del_confirm_m2").value


def test_action_plan_recorded_on_the_timeline_is_received_in_the_checklist(store):
    from spoor2.store.timeline import milestone_records, record_milestone

    _save_timeline(store, date(2025, 9, 1))
    record_milestone(store, "action_plan_due", date(2025, 10, 20), note="signed")
    at = open_page("questions.py", lang="nl")
    assert question_texts("nl")["emp_action_plan_copy"].text not in page_text(at)
    _section(at, "documents")
    assert at.selectbox(key="q_doc_state_action_plan").value == "received"
    assert at.date_input(key="q_doc_date_action_plan").value == date(2025, 10, 20)
    at.button(key="q_save_documents").click().run()
    assert milestone_records(store)["action_plan_due"] == date(2025, 10, 20)
    from spoor2.store.timeline import milestone_notes

    assert milestone_notes(store)["action_plan_due"] == "signed"  # the timeline's note is kept


def test_action_plan_received_in_the_checklist_is_done_on_the_timeline(store):
    from spoor2.store.timeline import milestone_records

    _save_timeline(store, date(2025, 9, 1))
    at = _open("en", "documents")
    at.selectbox(key="q_doc_state_action_plan").set_value("received").run()
    at.date_input(key="q_doc_date_action_plan").set_value(date(2025, 11, 1)).run()
    at.selectbox(key="q_doc_state_problem_analysis").set_value("received").run()
    at.date_input(key="q_doc_date_problem_analysis").set_value(date(2025, 10, 1)).run()
    at.button(key="q_save_documents").click().run()
    assert_no_exception(at)
    records = milestone_records(store)
    assert records["action_plan_due"] == date(2025, 11, 1)
    assert records["problem_analysis_due"] == date(2025, 10, 1)
    at.selectbox(key="q_doc_state_action_plan").set_value("not_received").run()
    at.button(key="q_save_documents").click().run()
    assert "action_plan_due" not in milestone_records(store)
    assert repo.document_records(store)["action_plan"].state == "not_received"


def test_dutch_page_shows_dutch_placeholders_file_names_and_letters(store):
    at = open_page("questions.py", lang="nl")
    assert at.get("download_button")[0].proto.label == t("nl", "questions.export_pdf")
    _section(at, "meeting")
    assert at.multiselect(key="q_meet_points").placeholder == "Kies punten uit je lijst"
    letter = "\n".join(str(e.value) for e in _section(at, "letters").text)
    assert "Verzoek om inzage" in letter
    assert "[naam]" in letter and "[werkgever]" in letter
    assert "[name]" not in letter and "[employer_contact]" not in letter


def test_after_a_language_switch_every_choice_tells_the_browser_its_label_in_the_new_language(store):
    """The browser keeps the label it was last sent and sends it back with the next click; a Dutch label
    in an English run is no option (``input_value='Ontvangen'``). So each id-valued widget resends its value.
    The browser journey itself is in test_browser.py."""
    _save_timeline(store, date(2025, 9, 1))
    at = _open("nl", "documents")
    at.selectbox(key="q_doc_state_action_plan").set_value("received").run()
    doc = _switch(at, "en").selectbox(key="q_doc_state_action_plan").proto
    assert doc.set_value and doc.raw_value == t("en", "questions.doc_state.received")

    _switch(_section(at, "situation"), "nl")
    at.radio(key="q_ans_spoor2_started").set_value("yes").run()
    answer = _switch(at, "en").radio(key="q_ans_spoor2_started").proto
    assert answer.set_value and answer.raw_value == t("en", "questions.answer_value.yes")

    _switch(_section(at, "meeting"), "nl")
    at.multiselect(key="q_meet_points").set_value(["emp_privacy"]).run()
    points = _switch(at, "en").multiselect(key="q_meet_points").proto
    assert points.set_value and list(points.raw_values) == [question_texts("en")["emp_privacy"].text.replace("*", "")]
