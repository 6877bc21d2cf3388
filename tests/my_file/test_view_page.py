"""/my-file, my view / the expert-opinion pack / the whole file, with AppTest in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from spoor2.i18n import format_date, t
from spoor2.my_file import view as view_rules
from spoor2.store import my_file_view as repo
from tests.support.apptest import assert_no_exception, open_page, page_text
from tests.support.my_data import fill_store


def _open(lang: str, section: str):
    at = open_page("my-file.py", lang=lang)
    return at.segmented_control(key="mf_tab").set_value(section).run()


def _switch(at, lang: str):
    return at.radio(key="lang_choice").set_value(lang).run()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_view_section_explains_why_and_lists_every_element(lang):
    at = _open(lang, "view")
    assert_no_exception(at)
    text = page_text(at)
    assert t(lang, "my_file_view.view_title").replace("*", "") in text.replace("*", "")
    assert "14" in t(lang, "my_file_view.view_why") and t(lang, "my_file_view.view_why") in text
    labels = [e.label for e in at.expander]
    for item in view_rules.ELEMENTS:
        assert any(view_rules.element_title(item, lang).replace("*", "") in label for label in labels), item.id


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_writing_a_part_saves_it_as_you_go_and_a_language_switch_keeps_it(lang, store):
    at = _open(lang, "view")
    at.text_input(key="mfv_name").input("Anna de Vries").run()
    at.radio(key="mfv_stance_job").set_value("disagree").run()
    at.text_area(key="mfv_body_job").input("Niet mijn <b>functie</b>\n=HYPERLINK(1)").run()
    at.date_input(key="mfv_on_job").set_value(date(2026, 11, 30)).run()
    assert_no_exception(at)
    saved = repo.view_sections(store)["job"]
    assert (saved.stance, saved.body, saved.written_on) == (
        "disagree",
        "Niet mijn <b>functie</b>\n=HYPERLINK(1)",
        date(2026, 11, 30),
    )
    assert repo.view_signature(store).name == "Anna de Vries"
    other = "nl" if lang == "en" else "en"
    _switch(at, other)
    assert_no_exception(at)
    assert at.radio(key="mfv_stance_job").value == "disagree"
    assert at.text_area(key="mfv_body_job").value == "Niet mijn <b>functie</b>\n=HYPERLINK(1)"
    assert at.text_input(key="mfv_name").value == "Anna de Vries"
    assert repo.view_sections(store)["job"] == saved


def test_a_draft_survives_going_to_another_section_and_back(store):
    at = _open("en", "view")
    at.text_area(key="mfv_body_skills").input("Ik kan goed plannen.").run()
    at.segmented_control(key="mf_tab").set_value("expert").run()
    at.segmented_control(key="mf_tab").set_value("view").run()
    assert at.text_area(key="mfv_body_skills").value == "Ik kan goed plannen."
    assert repo.view_sections(store)["skills"].body == "Ik kan goed plannen."


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_view_can_be_downloaded_as_word_and_pdf_in_dutch_or_the_page_language(lang):
    at = _open(lang, "view")
    assert at.radio(key="mfv_export_lang").value == "nl"  # the reader (UWV, the employer) is Dutch
    assert {b.key for b in at.get("download_button")} >= {"mfv_dl_docx", "mfv_dl_pdf"}
    at.radio(key="mfv_export_lang").set_value("en").run()
    assert_no_exception(at)
    assert at.radio(key="mfv_export_lang").value == "en"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_expert_section_lists_documents_per_question_and_saves_the_draft(lang, store):
    fill_store(store)
    at = _open(lang, "expert")
    assert_no_exception(at)
    assert "€100" in page_text(at)
    at.radio(key="mfv_question").set_value("own_work").run()
    at.checkbox(key="mfv_have_own_work_job_description").check().run()
    at.text_area(key="mfv_words_own_work").input("Kan ik mijn eigen werk als planner doen?").run()
    files = list(repo.evidence_choices(store, lang))
    at.multiselect(key="mfv_files_own_work").set_value(files).run()
    assert_no_exception(at)
    request = repo.expert_request(store, "own_work")
    assert request.have == ("job_description",) and request.files == tuple(files)
    assert request.body == "Kan ik mijn eigen werk als planner doen?"
    at.radio(key="mfv_question").set_value("effort").run()
    text = page_text(at)
    # the checklist knows the evaluations were received: shown as there, not as a tick box
    assert t(lang, "my_file_view.expert_from_checklist", date=format_date(date(2026, 6, 1), lang)) in text
    assert [c.key for c in at.checkbox if c.key == "mfv_have_effort_evaluations"] == []
    at.radio(key="mfv_question").set_value("own_work").run()
    assert at.text_area(key="mfv_words_own_work").value == "Kan ik mijn eigen werk als planner doen?"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_whole_file_section_offers_one_download(lang):
    at = _open(lang, "whole")
    assert_no_exception(at)
    assert t(lang, "my_file_view.whole_intro") in page_text(at)
    assert [b.key for b in at.get("download_button")] == ["mfv_dl_whole"]
