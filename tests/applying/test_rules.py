"""CV, letter and story rules (boundaries: the month before / of / after), and the exports read back in both
languages: every section, user text verbatim and safe (no markup in the preview, no formula in Word)."""

from __future__ import annotations

from datetime import date

import pytest

from spoor2.applying import export
from spoor2.applying.cv import CV, add_strengths, check_cv, parse_month
from spoor2.applying.interviews import QUESTION_IDS, check_notes, check_story, story_prompts
from spoor2.applying.letters import check_letter, suggest_letter
from spoor2.errors import InvalidInput
from spoor2.i18n import t
from spoor2.render.docx import text_of
from spoor2.tracker.activities import Activity
from tests.support.pdf_text import pdf_text

TODAY = date(2026, 12, 2)
LANGS = pytest.mark.parametrize("lang", ["en", "nl"])
EVIL = '=HYPERLINK("http://evil","x")'

FULL = {
    "personal": {"name": "Sanne <b>de</b> Vries", "place": "Utrecht", "email": "sanne@example.nl", "phone": "06 1234"},
    "profile": "I *plan* well.\n- [link](javascript:x)\n- " + EVIL,
    "jobs": [
        {"employer": "Gemeente Utrecht", "role": "Planner", "start": "03-2015", "end": "05-2024", "description": EVIL},
        {"employer": "Bakkerij", "role": "", "start": "2024-06", "end": "", "description": ""},
    ],
    "education": [{"school": "ROC", "course": "Logistiek", "start": "", "end": "07-2027", "description": "+31"}],
    "skills": "Excel\n@SUM(A1)\nexcel",
    "languages": [{"language": "Nederlands", "level": "native"}, {"language": "English", "level": "b2"}],
    "strengths": "Structure",
}


def _error(call) -> InvalidInput:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as caught:
        call()
    return caught.value


# --- months and dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "month"), [("3-2019", "2019-03"), ("12/2019", "2019-12"), ("2019.01", "2019-01")])
def test_a_month_is_read_in_the_usual_ways(typed, month):
    assert parse_month(typed) == month


@pytest.mark.parametrize("typed", ["13-2019", "0-2019", "2019", "March 2019", "32-12-2019"])
def test_a_month_that_is_not_one_is_refused_with_its_text(typed):
    error = _error(lambda: parse_month(typed))
    assert error.code == "applying.error.bad_month" and error.params["value"] == typed


def _job(start: str, end: str) -> dict:
    return {"jobs": [{"employer": "Acme", "start": start, "end": end}]}


def test_a_finished_job_ends_at_the_latest_this_month():
    assert check_cv(_job("01-2020", "12-2026"), TODAY).jobs[0].end == "2026-12"  # this month
    assert _error(lambda: check_cv(_job("01-2020", "01-2027"), TODAY)).code == "applying.error.end_in_future"


def test_an_end_before_the_start_is_refused_the_same_month_is_not():
    assert check_cv(_job("05-2024", "05-2024"), TODAY).jobs[0].start == "2024-05"
    error = _error(lambda: check_cv(_job("05-2024", "04-2024"), TODAY))
    assert (error.code, error.params) == ("applying.error.end_before_start", {"row": 1})


def test_a_start_in_the_future_is_refused_and_education_may_end_later():
    assert check_cv(_job("12-2026", ""), TODAY).jobs[0].end is None  # the current job
    assert _error(lambda: check_cv(_job("01-2027", ""), TODAY)).code == "applying.error.start_in_future"
    assert check_cv(FULL, TODAY).education[0].end == "2027-07"


def test_a_job_needs_a_name_and_a_start_and_empty_rows_are_left_out():
    assert _error(lambda: check_cv({"jobs": [{"start": "01-2020"}]}, TODAY)).code == "applying.error.job_needs_employer"
    assert _error(lambda: check_cv({"jobs": [{"role": "x"}]}, TODAY)).code == "applying.error.job_needs_start"
    assert check_cv({"jobs": [{"role": " ", "start": "", "end": None}]}, TODAY).jobs == ()


def test_ten_megabytes_of_text_is_a_clear_message():
    huge = "x" * 10_000_000
    job = {"jobs": [{"employer": "Acme", "start": "01-2020", "description": huge}]}
    for raw in ({"profile": huge}, {"skills": huge}, {"personal": {"name": huge}}, job):
        error = _error(lambda raw=raw: check_cv(raw, TODAY))
        assert error.code == "applying.error.too_long" and len(error.message("nl")) < 200
    assert _error(lambda: check_letter(huge)).code == "applying.error.too_long"
    assert _error(lambda: check_notes(huge)).code == "applying.error.too_long"


def test_skills_are_one_per_line_without_repeats_and_strengths_are_added_once():
    cv = check_cv(FULL, TODAY)
    assert cv.skills == ("Excel", "@SUM(A1)", "excel")
    assert add_strengths(("Structure",), ("structure", "Autonomy")) == ("Structure", "Autonomy")


def test_a_bad_email_and_an_unknown_level_are_refused():
    assert _error(lambda: check_cv({"personal": {"email": "sanne"}}, TODAY)).code == "applying.error.bad_email"
    raw = {"languages": [{"language": "Frysk", "level": "fluent"}]}
    assert _error(lambda: check_cv(raw, TODAY)).code == "applying.error.unknown_level"


def test_the_cv_has_no_field_for_health_birth_date_nationality_or_photo():
    fields = {*CV.model_fields, *CV.model_fields["personal"].annotation.model_fields}
    assert not {f for f in fields if any(w in f for w in ("diagnos", "birth", "nationality", "photo", "health"))}


# --- the exports -------------------------------------------------------------------------------------------


@LANGS
def test_the_word_cv_has_every_section_in_its_language_and_user_text_verbatim_but_no_formula(lang):
    text = text_of(export.cv_file(check_cv(FULL, TODAY), lang, "docx"))
    for key in ("profile", "experience", "education", "skills", "strengths", "languages"):
        assert t(lang, f"applying.cv.doc.{key}") in text.splitlines()
    assert "Sanne <b>de</b> Vries" in text and "I *plan* well." in text and "[link](javascript:x)" in text
    assert "'" + EVIL in text and "\n" + EVIL not in text  # neutralised, as the tracker's exports
    assert "'@SUM(A1)" in text and "'+31" in text
    month = {"en": "March 2015", "nl": "maart 2015"}[lang]
    assert f"{month} – {'May 2024' if lang == 'en' else 'mei 2024'}" in text
    june = {"en": "June 2024", "nl": "juni 2024"}[lang]
    assert f"{june} – {t(lang, 'applying.cv.doc.now')}" in text
    assert f"Nederlands: {t(lang, 'applying.level.native')}" in text


@LANGS
def test_the_pdf_cv_has_every_section_and_the_text_as_typed(lang):
    text = pdf_text(export.cv_file(check_cv(FULL, TODAY), lang, "pdf"))
    for key in ("profile", "experience", "education", "skills", "languages"):
        assert t(lang, f"applying.cv.doc.{key}") in text
    assert "Sanne <b>de</b> Vries" in text and "Gemeente Utrecht" in text and "@SUM(A1)" in text


def test_the_preview_escapes_what_was_typed():
    markdown = export.cv_document(check_cv(FULL, TODAY), "en").to_markdown()
    assert "<b>" not in markdown and "&lt;b&gt;" in markdown
    assert "\\[link\\]\\(javascript\\:x\\)" in markdown and "I \\*plan\\* well\\." in markdown


def test_an_unknown_format_is_refused():
    assert _error(lambda: export.cv_file(CV(), "en", "odt")).code == "applying.error.unknown_format"


# --- the letter ------------------------------------------------------------------------------------------------


def _activity(**change) -> Activity:  # type: ignore[no-untyped-def]
    values = {"id": "a1", "activity_date": date(2026, 11, 2), "type": "vacancy_application", "organisation": "Acme"}
    return Activity(**(values | change))


@LANGS
def test_the_first_version_of_a_letter_names_the_application_and_the_cv_but_never_the_absence(lang):
    raw = {"personal": {"name": "Sanne"}, "profile": "I plan well.", "skills": "Excel\nPlanning\nTalks\nMore"}
    cv = check_cv(raw, TODAY)
    letter = suggest_letter(_activity(role="Planner", contact_person="Ms Jansen"), cv, lang, TODAY)
    assert t(lang, "applying.letter.text.greeting_named", name="Ms Jansen") in letter
    assert t(lang, "applying.letter.text.opening", role="Planner", organisation="Acme") in letter
    assert "I plan well." in letter and "Excel" in letter and "Talks" in letter and "More" not in letter
    assert letter.rstrip().endswith("Sanne")
    for word in ("sick", "ziek", "absence", "verzuim", "illness", "health", "gezondheid"):
        assert word not in letter.lower()


def test_a_letter_without_a_role_contact_or_cv_still_reads_well():
    letter = suggest_letter(_activity(), None, "nl", TODAY)
    assert "Geachte heer, mevrouw," in letter and "deze functie" in letter


@LANGS
def test_the_letter_exports_keep_the_text_as_typed(lang):
    text = check_letter("Dear Ms <i>Jansen</i>,\r\n\r\nI apply.\n" + EVIL + "\n\nKind regards,\nSanne")
    word = text_of(export.letter_file(text, _activity(), lang, "docx"))
    assert "Dear Ms <i>Jansen</i>," in word and "'" + EVIL in word and "Sanne" in word
    pdf = pdf_text(export.letter_file(text, _activity(), lang, "pdf"))
    assert "Dear Ms <i>Jansen</i>," in pdf and EVIL in pdf


def test_an_empty_letter_is_refused():
    assert _error(lambda: check_letter(" \n ")).code == "applying.error.empty_letter"


# --- stories and questions -----------------------------------------------------------------------------------


def test_a_story_needs_a_title_and_one_part():
    assert _error(lambda: check_story({"title": "", "action": "x"})).code == "applying.error.story_needs_title"
    assert _error(lambda: check_story({"title": "x"})).code == "applying.error.story_needs_a_part"
    assert check_story({"title": "x", "result": "Done\r\nwell"}).result == "Done\nwell"


@LANGS
def test_every_question_has_a_text_and_a_tip_and_prompts_come_from_the_cv_and_strengths(lang):
    for question in QUESTION_IDS:
        assert t(lang, f"applying.interviews.q.{question}.question") != f"applying.interviews.q.{question}.question"
        assert t(lang, f"applying.interviews.q.{question}.tip")
    prompts = story_prompts(check_cv(FULL, TODAY), ["Structure"], lang)
    assert len(prompts) == 3 and any("Gemeente Utrecht" in p for p in prompts) and "Structure" in prompts[-1]
