"""The one "message after a rerun" (``ui.frame.flash``): shown once under the page title, gone on the next run.

Every page uses it, for actions that end in ``st.rerun()`` and for button callbacks alike.
"""

from __future__ import annotations

import pytest

from spoor2.i18n import t
from spoor2.store import tracker as tracker_repo
from tests.support.apptest import assert_no_exception, open_page
from ui.frame import FLASH_KEY


def _shown(at, kind: str) -> list[str]:
    return [str(element.value) for element in getattr(at, kind)]


def _quick_add(at, organisation: str):  # type: ignore[no-untyped-def]
    """/tracker's quick add: each form instance has its own keys (``tr_add_<field>_<n>``), so the current
    one is found by its prefix; there is exactly one."""
    (org,) = [w for w in at.text_input if (w.key or "").startswith("tr_add_org_")]
    number = org.key.removeprefix("tr_add_org_")
    org.input(organisation)
    return at.button(key=f"tr_add_submit_{number}").click().run()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_message_after_a_rerun_shows_once_then_is_gone(store, lang):
    """/tracker: adding an activity reruns the page; the confirmation survives that rerun, once, and the
    person stays in the section they were in."""
    at = open_page("tracker.py", lang=lang)
    at.segmented_control(key="tr_tab").set_value("agenda").run()
    _quick_add(at, "Zorggroep Oost")
    assert_no_exception(at)
    assert _shown(at, "success") == [t(lang, "tracker.add.added_no_file")]
    assert FLASH_KEY not in at.session_state
    assert at.segmented_control(key="tr_tab").value == "agenda"
    assert tracker_repo.count_activities(store) == 1

    at.run()
    assert_no_exception(at)
    assert t(lang, "tracker.add.added_no_file") not in _shown(at, "success")
    assert at.segmented_control(key="tr_tab").value == "agenda"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_message_from_a_button_callback_shows_once_then_is_gone(store, lang):
    """/questions: the callback saves and keeps the message; the same run shows it, the next does not."""
    at = open_page("questions.py", lang=lang)
    at.segmented_control(key="q_tab").set_value("situation").run()  # the page shows one section at a time
    at.radio(key="q_ans_spoor2_started").set_value("yes")
    at.button(key="q_save_answers").click().run()
    assert_no_exception(at)
    assert _shown(at, "success") == [t(lang, "questions.answers_saved")]

    at.run()
    assert t(lang, "questions.answers_saved") not in _shown(at, "success")


def test_an_error_and_a_warning_from_callbacks_show_once(store):
    at = open_page("questions.py", lang="nl")
    at.button(key="q_own_add").click().run()  # an empty question: the callback keeps the error
    assert_no_exception(at)
    assert [e for e in _shown(at, "error") if t("nl", "questions.error.empty_question") in e]
    at.run()
    assert not [e for e in _shown(at, "error") if t("nl", "questions.error.empty_question") in e]

    at = open_page("my-data.py", lang="nl")
    at.button(key="my_data_delete").click().run()  # not confirmed: a warning, nothing deleted
    assert _shown(at, "warning").count(t("nl", "my_data.delete.confirm_first")) == 1
    at.run()
    assert t("nl", "my_data.delete.confirm_first") not in _shown(at, "warning")


def test_the_message_stands_under_the_page_title(store):
    at = open_page("tracker.py", lang="en")
    _quick_add(at, "Gemeente Zwolle")  # the first activity brings the table: the page's shape is set from here
    at.run()  # the first message is gone
    before = len(at.main.children)
    _quick_add(at, "Zorggroep Oost")
    nodes = list(at.main)
    title = [node.type for node in nodes].index("title")
    slot = nodes[title + 1]
    assert [message.value for message in slot.success] == [t("en", "tracker.add.added_no_file")]
    # the message's slot is there with or without a message: nothing below it moves (focus, open tab)
    assert len(at.main.children) == before
