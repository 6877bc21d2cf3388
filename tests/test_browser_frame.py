"""The frame in a real browser: every stable URL path opens, in the language of ?lang=."""

from __future__ import annotations

import pytest

from pages.frame import PAGES
from spoor2.i18n import t
from tests.browser import app_server, browser, page, wait_for_app  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("spec", PAGES, ids=[p.key for p in PAGES])
def test_stable_url_opens_in_dutch(page, app_server, spec):  # noqa: F811
    page.goto(f"{app_server.url}/{spec.url_path}?lang=nl")
    wait_for_app(page)
    title = t("nl", "common.app_name") if spec.key == "home" else t("nl", f"nav.{spec.key}")
    page.get_by_role("heading", name=title).first.wait_for()
    # the language selector is visible on every page
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Nederlands", exact=True).wait_for(state="visible")
    assert "Traceback" not in page.content()


def test_switching_language_keeps_the_page(page, app_server):  # noqa: F811
    page.goto(f"{app_server.url}/rights?lang=en")
    wait_for_app(page)
    page.locator("[data-testid='stSidebar']").get_by_text("Nederlands", exact=True).click()
    wait_for_app(page)
    page.get_by_role("heading", name=t("nl", "nav.rights")).first.wait_for()
    assert "lang=nl" in page.url
    assert "/rights" in page.url


@pytest.mark.parametrize("path", ["timeline", "my-data"])
def test_deep_link_is_the_first_request_after_start(browser, tmp_path, path):  # noqa: F811
    from tests.browser import AppServer

    server = AppServer(tmp_path)
    try:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(f"{server.url}/{path}?lang=nl")
        wait_for_app(tab)
        key = "my_data" if path == "my-data" else path
        tab.get_by_role("heading", name=t("nl", f"nav.{key}")).first.wait_for()
        # our own navigation, not Streamlit's file list ("frame", "app")
        assert tab.get_by_text(t("nl", "nav.questions")).first.is_visible()
        assert tab.get_by_text("frame", exact=True).count() == 0
        # Streamlit's old pages/-folder mode finds the page by file name: no "Page not found" dialog
        assert tab.get_by_role("dialog").count() == 0
        context.close()
    finally:
        server.stop()
