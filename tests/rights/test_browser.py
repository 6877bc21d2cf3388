"""/rights in a real browser: a Dutch deep link opens the topic in Dutch."""

from __future__ import annotations

import pytest

from spoor2.i18n import t
from spoor2.rights.topics import get_topic
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401

pytestmark = pytest.mark.browser


def test_deep_link_opens_dutch_topic(page, app_server):  # noqa: F811
    page.goto(app_server.url + "/rights?topic=privacy&lang=nl")
    wait_for_app(page)
    topic = get_topic("nl", "privacy")
    page.get_by_role("heading", name=topic.title).wait_for()
    # drawn after the heading in the same run: wait for it (a count at once raced the rest of the run)
    page.get_by_text(t("nl", "rights.sources_title"), exact=True).first.wait_for()
    assert page.get_by_text(get_topic("en", "privacy").title).count() == 0
    assert "topic=privacy" in page.url and "lang=nl" in page.url


def test_opening_a_topic_puts_it_in_the_address_bar(page, app_server):  # noqa: F811
    page.goto(app_server.url + "/rights?lang=en")
    wait_for_app(page)
    page.get_by_text(t("en", "rights.show_all")).click()
    wait_for_app(page)
    # Streamlit gives each keyed widget a ``st-key-<key>`` class
    page.locator(".st-key-rights_all_expats").get_by_role("button", name=t("en", "rights.read")).click()
    wait_for_app(page)
    page.get_by_role("heading", name=get_topic("en", "expats").title).wait_for()
    assert "topic=expats" in page.url


def test_the_guided_start_keeps_its_answers_after_a_language_switch(page, app_server):  # noqa: F811
    """Issue 12: after a switch to Dutch the guided start's radios showed no selection at the next click."""
    page.goto(app_server.url + "/rights?lang=en")
    wait_for_app(page)
    page.get_by_role("radiogroup", name=t("en", "rights.q_spoor2")).get_by_text(
        t("en", "rights.answer.yes"), exact=True
    ).click()
    wait_for_app(page)
    page.get_by_text("Nederlands", exact=True).click()
    wait_for_app(page)
    page.get_by_role("radiogroup", name=t("nl", "rights.q_disagreement")).get_by_text(
        t("nl", "rights.answer.yes"), exact=True
    ).click()  # the next click after the switch
    wait_for_app(page)
    spoor2 = page.get_by_role("radiogroup", name=t("nl", "rights.q_spoor2"))
    assert spoor2.get_by_role("radio", name=t("nl", "rights.answer.yes"), exact=True).is_checked()
    disagreement = page.get_by_role("radiogroup", name=t("nl", "rights.q_disagreement"))
    assert disagreement.get_by_role("radio", name=t("nl", "rights.answer.yes"), exact=True).is_checked()
