"""The /my-file page with AppTest, in both languages: the check (fill it, a flag appears and disappears) and
my proposals (add, answer, edit, delete; the form empties and a double click adds one)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spoor2.i18n import t
from spoor2.my_file.checks import BLOCKS, CheckAnswer
from spoor2.my_file.proposals import Proposal
from spoor2.store import my_file as repo
from spoor2.store import timeline as timeline_repo
from spoor2.timeline.rules import SickPeriod, TimelineInput
from tests.support.apptest import assert_no_exception, open_page, page_text

LANGS = pytest.mark.parametrize("lang", ["en", "nl"])
TODAY = date.today()


def _section(at, name: str):  # type: ignore[no-untyped-def]
    at.segmented_control(key="mf_tab").set_value(name).run()
    assert_no_exception(at)
    return at


def _click(at, key: str):  # type: ignore[no-untyped-def]
    at.button(key=key).click().run()
    assert_no_exception(at)
    return at


def _open_block(at, block: str):  # type: ignore[no-untyped-def]
    """Open a block of the check (its checks are drawn only while it is open), as a click on its box does."""
    at.session_state[f"mf_block_{block}"] = True
    at.run()
    assert_no_exception(at)
    return at


def _flag_label(lang: str, flag: str, **params: object) -> str:
    return t(lang, f"my_file.flag.{flag}.label", **params)


@LANGS
def test_the_page_opens_with_its_introduction_and_the_check(lang):
    at = open_page("my-file.py", lang=lang)
    assert_no_exception(at)
    text = page_text(at)
    assert t(lang, "my_file.intro") in text
    assert t(lang, "my_file.no_timeline") in text  # no timeline yet: said, not a traceback
    assert t(lang, "my_file.check_calm") in text
    assert t(lang, "common.not_legal_advice") in text


@LANGS
@pytest.mark.parametrize("name", ["check", "proposals", "view", "expert", "whole"])
def test_every_section_opens(lang, name):
    at = _section(open_page("my-file.py", lang=lang), name)
    assert at.segmented_control(key="mf_tab").value == name


@LANGS
def test_filling_the_check_saves_answers_and_a_flag_appears_and_disappears(lang, store):
    timeline_repo.save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=TODAY - timedelta(days=500)),)))
    at = open_page("my-file.py", lang=lang)
    spoor2_flag = _flag_label(lang, "spoor2_late", date="")[:20]
    assert spoor2_flag in page_text(at)  # week 71, spoor 2 not known to have started
    _open_block(at, "procedure")
    at.radio(key="mf_chk_action_plan").set_value("no")
    at.radio(key="mf_fact_spoor2_started").set_value("yes").run()  # the date field opens
    # started in week 58, before the six weeks after the first-year evaluation ran out (a later start stays flagged)
    at.date_input(key="mf_fact_since_spoor2_started").set_value(TODAY - timedelta(days=100)).run()
    _click(at, "mf_save_check")
    answers = repo.check_answer_records(store)
    assert answers["action_plan"].answer == "no"
    assert answers["spoor2_started"].answer == "yes"
    assert answers["spoor2_started"].since == TODAY - timedelta(days=100)
    text = page_text(at)
    assert t(lang, "my_file.check_saved") in text
    assert spoor2_flag not in text  # spoor 2 started in time: no warning any more
    assert t(lang, "my_file.check.action_plan.todo") in text  # the gap, with what to do
    # spoor 2 is under way and no search profile is known: "no" makes it a warning
    at.radio(key="mf_fact_search_profile").set_value("no").run()
    _click(at, "mf_save_check")
    assert _flag_label(lang, "no_search_profile") in page_text(at)
    assert at.radio(key="mf_chk_action_plan").value == "no"  # kept after the rerun


@LANGS
def test_a_prefilled_answer_says_where_it_comes_from_and_saving_keeps_it_following_the_data(lang, store):
    timeline_repo.save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=TODAY - timedelta(days=100)),)))
    timeline_repo.record_milestone(store, "problem_analysis_due", TODAY - timedelta(days=60))
    at = _open_block(open_page("my-file.py", lang=lang), "procedure")
    assert at.radio(key="mf_chk_problem_analysis").value == "yes"
    where = t(lang, "my_file.prefilled_from", where=t(lang, "my_file.prefill_kind.milestone"))
    assert where in page_text(at)
    _click(at, "mf_save_check")
    assert "problem_analysis" not in repo.check_answer_records(store)  # same as the data: no row of its own
    at.radio(key="mf_chk_problem_analysis").set_value("no").run()
    _click(at, "mf_save_check")
    assert repo.check_answer_records(store)["problem_analysis"].answer == "no"  # the person's answer wins


def _fill_new(at, what: str, made_on: date) -> None:  # type: ignore[no-untyped-def]
    at.date_input(key="mf_p_made_on").set_value(made_on)
    at.selectbox(key="mf_p_to_whom").set_value("employer")
    at.selectbox(key="mf_p_kind").set_value("task_or_job")
    at.text_area(key="mf_p_what").input(what)


@LANGS
def test_adding_a_proposal_empties_the_form_and_a_double_click_adds_one(lang, store):
    at = _section(open_page("my-file.py", lang=lang), "proposals")
    made_on = TODAY - timedelta(days=20)
    _fill_new(at, "Planner, 20 hours a week", made_on)
    _click(at, "mf_p_add")
    assert t(lang, "my_file.proposal_added") in page_text(at)
    assert at.text_area(key="mf_p_what").value == ""
    assert at.date_input(key="mf_p_made_on").value == TODAY
    _click(at, "mf_p_add")  # the emptied form, pressed again: refused (no text), nothing added
    assert t(lang, "my_file.error.what_empty") in page_text(at)
    _fill_new(at, "Planner, 20 hours a week", made_on)
    _click(at, "mf_p_add")  # the same values again (a double click)
    (saved,) = repo.list_proposals(store)
    assert saved.what == "Planner, 20 hours a week" and saved.made_on == made_on
    assert at.segmented_control(key="mf_tab").value == "proposals"


@LANGS
def test_an_unanswered_proposal_is_flagged_until_it_is_answered(lang, store):
    made_on = TODAY - timedelta(days=20)
    repo.add_proposal(
        store, Proposal(id="p1", made_on=made_on, to_whom="employer", kind="training", what="A course"), TODAY
    )
    at = _section(open_page("my-file.py", lang=lang), "proposals")
    assert t(lang, "my_file.proposal_unanswered", days=14) in page_text(at)
    at.selectbox(key="mf_pe_p1_answer").set_value("refused")
    at.date_input(key="mf_pe_p1_answered_on").set_value(TODAY - timedelta(days=2))
    at.radio(key="mf_pe_p1_reasons").set_value("no").run()
    _click(at, "mf_pe_save_p1")
    saved = repo.get_proposal(store, "p1")
    assert saved is not None and saved.answer == "refused" and saved.answered_on == TODAY - timedelta(days=2)
    text = page_text(at)
    assert t(lang, "my_file.proposal_unanswered", days=14) not in text
    assert t(lang, "my_file.proposal_refused_no_reasons") in text


@LANGS
def test_an_answer_before_the_proposal_is_refused_and_nothing_changes(lang, store):
    made_on = TODAY - timedelta(days=20)
    repo.add_proposal(store, Proposal(id="p1", made_on=made_on, to_whom="agency", kind="other", what="x"), TODAY)
    at = _section(open_page("my-file.py", lang=lang), "proposals")
    at.selectbox(key="mf_pe_p1_answer").set_value("accepted")
    at.date_input(key="mf_pe_p1_answered_on").set_value(made_on - timedelta(days=1)).run()
    _click(at, "mf_pe_save_p1")
    assert t(lang, "my_file.error.answer_before_proposal") in page_text(at)
    assert repo.get_proposal(store, "p1").answer == "none"  # type: ignore[union-attr]


@LANGS
def test_deleting_a_proposal_asks_for_the_tick_first(lang, store):
    repo.add_proposal(store, Proposal(id="p1", made_on=TODAY, to_whom="employer", kind="other", what="x"), TODAY)
    at = _section(open_page("my-file.py", lang=lang), "proposals")
    _click(at, "mf_pd_p1")
    assert t(lang, "my_file.proposal_delete_ask") in page_text(at)
    assert repo.get_proposal(store, "p1") is not None
    at.checkbox(key="mf_pd_confirm_p1").check().run()
    _click(at, "mf_pd_p1")
    assert repo.get_proposal(store, "p1") is None
    assert t(lang, "my_file.proposal_deleted") in page_text(at)


def test_a_proposal_with_html_is_shown_as_text(store):
    trick = '<script>alert(1)</script> **bold** =HYPERLINK("x")'
    repo.add_proposal(store, Proposal(id="p1", made_on=TODAY, to_whom="employer", kind="other", what=trick), TODAY)
    at = _section(open_page("my-file.py", lang="en"), "proposals")
    assert trick in [element.value for element in at.text]
    assert all("<script" not in str(element.value) for element in at.markdown)


def test_the_language_switch_keeps_the_section_and_an_unsaved_answer(store):
    at = _open_block(open_page("my-file.py", lang="en"), "work")
    at.radio(key="mf_chk_own_job").set_value("no").run()
    at.sidebar.radio[0].set_value("nl").run()
    assert_no_exception(at)
    assert at.radio(key="mf_chk_own_job").value == "no"  # the block is still open, the answer kept
    assert t("nl", "my_file.check_intro").split("\n")[0][:30] in page_text(at)


@LANGS
def test_every_check_and_flag_shows_its_sources_and_the_summary_counts(lang, store):
    from spoor2.legal.sources import get_source
    from spoor2.my_file.checks import run_checks

    timeline_repo.save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=TODAY - timedelta(days=500)),)))
    at = open_page("my-file.py", lang=lang)
    for block in BLOCKS:
        _open_block(at, block)
    text = page_text(at)
    result = run_checks(repo.file_facts(store, TODAY), TODAY)
    gaps = t(lang, "my_file.summary_gaps", count=len(result.gaps))
    unknown = t(lang, "my_file.summary_unknown", count=len(result.unknown))
    assert f"{gaps}, {unknown}" in text
    for item in result.items:
        for source in item.sources:
            assert get_source(source).title in text, (item.id, source)


@LANGS
def test_the_checks_are_in_closed_blocks_that_a_save_never_resets(lang, store):
    """A block's checks are drawn only while its box is open; saving with a box closed keeps what it holds."""
    timeline_repo.save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=TODAY - timedelta(days=100)),)))
    timeline_repo.record_milestone(store, "problem_analysis_due", TODAY - timedelta(days=60))  # prefilled: yes
    repo.set_check_answers(store, {"own_job": CheckAnswer(answer="no")}, TODAY)
    at = open_page("my-file.py", lang=lang)
    assert not [radio for radio in at.radio if radio.key and radio.key.startswith("mf_chk_")]
    labels = [box.label for box in at.expander]
    assert [t(lang, f"my_file.block.{block}") for block in BLOCKS] == labels  # every block has checks
    # an answer in an opened block, the box closed again, then "Save": the answer is stored
    _open_block(at, "medical")
    at.radio(key="mf_chk_guidance").set_value("yes").run()
    at.session_state["mf_block_medical"] = False
    at.run()
    assert not [radio for radio in at.radio if radio.key == "mf_chk_guidance"]
    _click(at, "mf_save_check")
    assert t(lang, "my_file.check_saved") in page_text(at)
    records = repo.check_answer_records(store)
    assert records["guidance"].answer == "yes"
    assert records["own_job"].answer == "no"  # saved before, its block never opened: kept
    assert "problem_analysis" not in records  # prefilled, its block never opened: still follows the data
    assert len(records) == 2
    # opened after the save, the blocks show what is stored
    _open_block(_open_block(at, "work"), "procedure")
    assert at.radio(key="mf_chk_own_job").value == "no"
    assert at.radio(key="mf_chk_problem_analysis").value == "yes"


def test_an_open_block_stays_open_through_a_save_and_both_language_switches(store):
    at = _open_block(open_page("my-file.py", lang="nl"), "agency")
    _click(at, "mf_save_check")
    for lang in ("en", "nl"):
        at.sidebar.radio[0].set_value(lang).run()
        assert_no_exception(at)
        assert at.radio(key="mf_chk_agency_plan").label.startswith(t(lang, "my_file.check.agency_plan.label")[:15])
        assert not [radio for radio in at.radio if radio.key == "mf_chk_own_job"]  # the others stay closed
