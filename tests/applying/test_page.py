"""The /applying page with AppTest, in both languages: a CV made, filled, saved and previewed; a letter made
for a tracker activity and saved with it; a story and interview notes; bad input is a message, nothing saved."""

from __future__ import annotations

from datetime import date

import pytest

from spoor2.applying.cv import check_cv
from spoor2.i18n import t
from spoor2.store import applying as repo
from spoor2.store import tracker as tracker_repo
from spoor2.tracker.activities import Activity
from tests.support.apptest import assert_no_exception, open_page, page_text

LANGS = pytest.mark.parametrize("lang", ["en", "nl"])


def _activity(store, organisation="Gemeente Utrecht", contact="mevrouw Jansen"):  # type: ignore[no-untyped-def]
    return tracker_repo.add_activity(
        store,
        Activity(
            id=repo.new_id(), activity_date=date(2026, 11, 2), type="vacancy_application",
            organisation=organisation, role="Planner", contact_person=contact, status="done",
        ),
    )  # fmt: skip


def _version(store, name="Logistiek", lang="nl"):  # type: ignore[no-untyped-def]
    cv = check_cv(
        {"personal": {"name": "Sanne de Vries"}, "profile": "Ik plan graag.", "skills": "Excel\nPlanning\nOverleg"},
        date.today(),
    )
    return repo.save_version(store, repo.new_id(), name, lang, cv)


def _prefix(at) -> str:  # type: ignore[no-untyped-def]
    return next(w.key for w in at.text_input if w.key and w.key.endswith("_vname")).removesuffix("_vname")


@LANGS
def test_the_page_opens_with_its_introduction_and_never_asks_for_health_or_birth_date(lang):
    at = open_page("applying.py", lang=lang)
    assert_no_exception(at)
    text = page_text(at)
    assert t(lang, "applying.intro") in text
    assert t(lang, "applying.privacy") in text
    labels = " ".join(w.label.lower() for w in [*at.text_input, *at.text_area])
    for word in ("diagnos", "birth", "geboorte", "nationalit", "photo", "foto"):
        assert word not in labels


@LANGS
def test_a_new_version_is_made_filled_saved_and_previewed_with_headings_in_its_own_language(lang, store):
    at = open_page("applying.py", lang=lang)
    at.text_input(key="ap_new_name_0").input("Office <b>work</b>")
    at.selectbox(key="ap_new_lang_0").set_value("nl")
    at.button(key="ap_new_submit_0").click().run()
    assert_no_exception(at)
    [version] = repo.list_versions(store)
    assert (version.name, version.lang) == ("Office <b>work</b>", "nl")
    p = _prefix(at)
    at.text_input(key=f"{p}_name").input("Sanne *de* Vries")
    at.text_area(key=f"{p}_profile").input('=HYPERLINK("http://x")')
    at.text_area(key=f"{p}_skills").input("Excel\nPlanning")
    at.button(key=f"{p}_jobs_add").click().run()
    job = next(w.key for w in at.text_input if w.key.endswith("_role")).removesuffix("_role")
    at.text_input(key=f"{job}_role").input("Planner")
    at.text_input(key=f"{job}_employer").input("Acme")
    at.text_input(key=f"{job}_start").input("03-2019")
    at.text_input(key=f"{job}_end").input("05-2024").run()
    assert_no_exception(at)
    preview = "\n".join(m.value for m in at.markdown)
    assert "Werkervaring" in preview and "maart 2019" in preview  # the CV's language, not the page's
    assert "Sanne \\*de\\* Vries" in preview  # escaped, never markup
    at.button(key=f"{p}_save").click().run()
    assert_no_exception(at)
    assert t(lang, "applying.cv.saved") in page_text(at)
    saved = repo.list_versions(store)[0].cv
    assert saved.personal.name == "Sanne *de* Vries"
    assert saved.profile == '=HYPERLINK("http://x")'
    assert [(j.role, j.employer, j.start, j.end) for j in saved.jobs] == [("Planner", "Acme", "2019-03", "2024-05")]
    assert saved.skills == ("Excel", "Planning")


@LANGS
def test_an_end_before_the_start_is_a_message_and_nothing_is_saved(lang, store):
    version = _version(store)
    at = open_page("applying.py", lang=lang)
    p = _prefix(at)
    at.button(key=f"{p}_jobs_add").click().run()
    job = next(w.key for w in at.text_input if w.key.endswith("_role")).removesuffix("_role")
    at.text_input(key=f"{job}_role").input("Planner")
    at.text_input(key=f"{job}_start").input("05-2024")
    at.text_input(key=f"{job}_end").input("03-2019").run()
    at.button(key=f"{p}_save").click().run()
    assert_no_exception(at)
    assert t(lang, "applying.error.end_before_start", row=1) in [e.value for e in at.error]
    assert repo.get_version(store, version.id) == version  # unchanged


@LANGS
def test_a_letter_is_made_from_the_activity_and_the_cv_edited_and_saved_with_the_activity(lang, store):
    activity = _activity(store)
    version = _version(store, lang="en")
    at = open_page("applying.py", lang=lang)
    at.segmented_control(key="ap_tab").set_value("letters").run()
    at.selectbox(key=f"ap_used_{activity.id}").set_value(version.id).run()
    assert repo.get_application(store, activity.id).cv_version_id == version.id
    at.button(key="ap_letter_suggest").click().run()
    assert_no_exception(at)
    letter = at.text_area(key=f"ap_letter_{activity.id}").value
    assert "Gemeente Utrecht" in letter and "Dear mevrouw Jansen" in letter and "Excel, Planning and Overleg" in letter
    assert "sick" not in letter.lower() and "absence" not in letter.lower()
    at.text_area(key=f"ap_letter_{activity.id}").input(letter + "\n\nP.S. <script>x</script>")
    at.button(key="ap_letter_save").click().run()
    assert_no_exception(at)
    saved = repo.get_application(store, activity.id)
    assert saved.letter.endswith("P.S. <script>x</script>") and saved.letter_lang == "en"
    assert saved.cv_version_id == version.id
    assert at.get("download_button")  # the letter can be downloaded now


@LANGS
def test_a_story_and_interview_notes_are_saved_and_the_gap_question_points_to_routes(lang, store):
    activity = _activity(store)
    at = open_page("applying.py", lang=lang)
    at.segmented_control(key="ap_tab").set_value("interviews").run()
    assert t(lang, "applying.interviews.q.gap.question") in [e.label for e in at.expander]
    at.text_input(key="ap_story_new_title").input("Busy week")
    at.text_area(key="ap_story_new_action").input("I made a new plan.")
    at.button(key="ap_story_add").click().run()
    at.button(key="ap_story_add").click().run()  # pressed again on the emptied form
    assert [s.title for s in repo.list_stories(store)] == ["Busy week"]
    assert at.text_input(key="ap_story_new_title").value == ""
    at.text_area(key=f"ap_notes_{activity.id}").input("Gesprek met Jan; tweede ronde.")
    at.button(key="ap_notes_save").click().run()
    assert_no_exception(at)
    assert repo.get_application(store, activity.id).interview_notes == "Gesprek met Jan; tweede ronde."


@LANGS
def test_the_new_version_form_is_empty_after_success_and_a_second_click_makes_no_second_version(lang, store):
    at = open_page("applying.py", lang=lang)
    at.text_input(key="ap_new_name_0").input("Zorg")
    at.button(key="ap_new_submit_0").click().run()
    assert at.text_input(key="ap_new_name_1").value == ""  # a fresh form
    at.button(key="ap_new_submit_1").click().run()  # pressed again on the emptied form
    assert_no_exception(at)
    assert [v.name for v in repo.list_versions(store)] == ["Zorg"]


@pytest.mark.parametrize(("first", "then"), [("en", "nl"), ("nl", "en")])
def test_a_cv_typed_then_switched_to_the_other_language_is_saved_as_typed(store, first, then):
    version = _version(store, lang="en")
    at = open_page("applying.py", lang=first)
    p = _prefix(at)
    at.text_input(key=f"{p}_place").input("Utrecht")
    at.button(key=f"{p}_languages_add").click().run()
    row = next(w.key for w in at.text_input if w.key.endswith("_language")).removesuffix("_language")
    at.text_input(key=f"{row}_language").input("Frysk")
    at.selectbox(key=f"{row}_level").set_value("b1").run()
    at.radio(key="lang_choice").set_value(then).run()
    assert_no_exception(at)
    at.button(key=f"{p}_save").click().run()
    assert not at.error, [e.value for e in at.error]
    saved = repo.get_version(store, version.id)
    assert saved.cv.personal.place == "Utrecht" and saved.lang == "en"
    assert [(s.language, s.level) for s in saved.cv.languages] == [("Frysk", "b1")]


@LANGS
def test_typed_markup_is_shown_as_text_in_every_section(lang, store):
    from spoor2.applying.interviews import Story

    trick = "![x](http://evil/x.png) **bold** <b>html</b>"
    activity = _activity(store, organisation=trick)
    version = _version(store, name=trick)
    repo.save_letter(store, activity.id, trick, "nl", version.id)
    repo.save_interview_notes(store, activity.id, trick)
    repo.save_story(store, Story(id="s1", title=trick, action=trick))
    at = open_page("applying.py", lang=lang)
    for section in ("cv", "letters", "interviews"):
        at.segmented_control(key="ap_tab").set_value(section).run()
        assert_no_exception(at)
        rendered = [m.value for m in at.markdown] + [e.label for e in at.expander] + [c.value for c in at.caption]
        assert not [text for text in rendered if "](http://evil" in text or "**bold**" in text or "<b>" in text]
    assert trick in [e.value for e in at.text]  # the saved notes, as plain text
