"""The frame in a real browser: every stable URL path opens, in the language of ?lang=."""

from __future__ import annotations

import pytest

from spoor2.i18n import t
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401
from ui.frame import PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("spec", PAGES, ids=[p.key for p in PAGES])
def test_stable_url_opens_in_dutch(page, app_server, spec):  # noqa: F811
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{app_server.url}/{spec.url_path}?lang=nl")
    wait_for_app(page)
    title = t("nl", "common.app_name") if spec.key == "home" else t("nl", f"nav.{spec.key}")
    page.get_by_role("heading", name=title).first.wait_for()
    # the language selector is visible on every page
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Nederlands", exact=True).wait_for(state="visible")
    assert "Traceback" not in page.content()
    # WCAG 2.4.2 and 3.1.1: the page's own title, and a screen reader reads it with a Dutch voice
    page.wait_for_function("document.documentElement.lang === 'nl'")
    assert page.title() == f"{title} · Spoor 2"
    # everything the page loads comes from the app's own server (the tab icon too: Streamlit's own, not one
    # fetched from Google's font server): no third party learns that someone opened the portal, or which page
    icons = page.evaluate("() => [...document.querySelectorAll('link[rel*=icon]')].map(link => link.href)")
    assert icons and all(icon.startswith(("data:", app_server.url)) for icon in icons), icons
    assert [url for url in requested if not url.startswith((app_server.url, "data:", "blob:"))] == []
    assert requested


def test_switching_language_keeps_the_page(page, app_server):  # noqa: F811
    page.goto(f"{app_server.url}/rights?lang=en")
    wait_for_app(page)
    page.locator("[data-testid='stSidebar']").get_by_text("Nederlands", exact=True).click()
    wait_for_app(page)
    page.get_by_role("heading", name=t("nl", "nav.rights")).first.wait_for()
    assert "lang=nl" in page.url
    assert "/rights" in page.url
    page.wait_for_function("document.documentElement.lang === 'nl'")
    page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
    page.get_by_role("heading", name=t("en", "nav.rights")).first.wait_for()
    page.wait_for_function("document.documentElement.lang === 'en'")


def test_a_new_session_without_lang_starts_in_the_language_chosen_last(page, app_server):  # noqa: F811
    """A new tab, a reconnect or the hosted login's callback (always back to ``/``, without ``?lang=``) keeps the
    language: the browser remembers it (ui.frame.LANG_COOKIE); a cookie that is no language of ours is English."""
    page.goto(f"{app_server.url}/rights?lang=en")
    wait_for_app(page)
    page.locator("[data-testid='stSidebar']").get_by_text("Nederlands", exact=True).click()
    page.get_by_role("heading", name=t("nl", "nav.rights")).first.wait_for()
    page.wait_for_function("document.cookie.includes('spoor2_lang=nl')")
    second = page.context.new_page()
    second.goto(f"{app_server.url}/timeline")
    wait_for_app(second)
    second.get_by_role("heading", name=t("nl", "nav.timeline")).first.wait_for()
    second.wait_for_function("document.documentElement.lang === 'nl'")
    assert "lang=nl" in second.url
    page.context.add_cookies([{"name": "spoor2_lang", "value": "xx", "url": app_server.url}])
    second.goto(f"{app_server.url}/timeline")
    wait_for_app(second)
    second.get_by_role("heading", name=t("en", "nav.timeline")).first.wait_for()
    second.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("spec", PAGES, ids=[p.key for p in PAGES])
def test_deep_link_is_the_first_request_after_start(browser, tmp_path, spec, lang):  # noqa: F811
    """A fresh server, and the deep link is its very first request: the page with its frame, in one go."""
    from tests.support.browser import AppServer

    server = AppServer(tmp_path)
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        tab = context.new_page()
        tab.goto(f"{server.url}/{spec.url_path}?lang={lang}")
        title = t(lang, "common.app_name") if spec.key == "home" else t(lang, f"nav.{spec.key}")
        tab.get_by_role("heading", name=title).first.wait_for(timeout=90_000)  # a cold server on a busy machine
        wait_for_app(tab)
        # our own, translated navigation — never Streamlit's list of file names
        sidebar = tab.locator("[data-testid='stSidebar']")
        for other in PAGES:
            sidebar.get_by_text(t(lang, f"nav.{other.key}"), exact=True).wait_for(state="visible")
        assert tab.locator("[data-testid='stSidebarNav']").count() == 0
        for file_name in ("app", "frame", "my data", "my-data", "timeline ui", "orientation ui"):
            assert sidebar.get_by_text(file_name, exact=True).count() == 0
        # no "Page not found" dialog, no traceback
        assert tab.get_by_role("dialog").count() == 0
        assert "Traceback" not in tab.content()
        context.close()
    finally:
        server.stop()
