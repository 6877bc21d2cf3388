"""The one "message after a rerun" (``ui.frame.flash``): shown once under the page title, gone on the next run.

Every page uses it, for actions that end in ``st.rerun()`` and for button callbacks alike.
"""

from __future__ import annotations

import pytest

from spoor2.i18n import t
from tests.support.apptest import assert_no_exception, open_page
from ui.frame import FLASH_KEY


def _shown(at, kind: str) -> list[str]:
    return [str(element.value) for element in getattr(at, kind)]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_message_after_a_rerun_shows_once_then_is_gone(store, lang):
    """/tracker: adding an activity reruns the page; the confirmation survives that rerun, once."""
    at = open_page("tracker.py", lang=lang)
    at.text_input(key="tr_add_org").input("Zorggroep Oost")
    at.button(key="tr_add_submit").click().run()
    assert_no_exception(at)
    assert _shown(at, "success") == [t(lang, "tracker.add.added")]
    assert FLASH_KEY not in at.session_state

    at.run()
    assert_no_exception(at)
    assert t(lang, "tracker.add.added") not in _shown(at, "success")


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
    at.text_input(key="tr_add_org").input("Zorggroep Oost")
    at.button(key="tr_add_submit").click().run()
    shown = [(node.type, getattr(node, "value", None)) for node in at.main]
    title = [kind for kind, _ in shown].index("title")
    assert shown[title + 1] == ("success", t("en", "tracker.add.added"))
