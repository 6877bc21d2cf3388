"""WCAG 2.1 AA with axe-core on every page, in both languages, empty and filled, with expanders open:
no serious or critical violation. The one exemption, text of a disabled control (WCAG 1.4.3 exempts an
inactive component), and what comes from Streamlit's own frontend are listed in ``docs/accessibility.md``.

The same scan of a bare Streamlit app (one ``st.title``) runs in the same session, so a violation that
Streamlit itself brings shows up there first.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from spoor2.i18n import t
from spoor2.store import Store
from tests.support.axe import open_everything, require_axe, scan, serious
from tests.support.browser import AppServer, browser, require_chromium  # noqa: F401
from tests.support.my_data import fill_store
from ui.frame import PAGES

pytestmark = pytest.mark.browser

BARE_APP = 'import streamlit as st\n\nst.title("Spoor 2")\n'


@pytest.fixture(scope="module", params=["empty", "filled"])
def server(request, tmp_path_factory) -> Iterator[AppServer]:  # type: ignore[no-untyped-def]
    require_chromium()
    require_axe()
    data = tmp_path_factory.mktemp(f"axe-{request.param}")
    if request.param == "filled":
        store = Store(data / "spoor2.sqlite3")
        fill_store(store)
        store.close()
    instance = AppServer(data)
    yield instance
    instance.stop()


def _open(browser, url: str):  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    tab.goto(url)
    return context, tab


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_page_has_no_serious_violation(browser, server, lang):  # noqa: F811
    problems: dict[str, list[str]] = {}
    context, tab = _open(browser, f"{server.url}/?lang={lang}")
    try:
        for spec in PAGES:
            tab.goto(f"{server.url}/{spec.url_path}?lang={lang}")
            tab.get_by_text(t(lang, "common.not_legal_advice")).first.wait_for()
            open_everything(tab)
            found = serious(scan(tab))
            if found:
                problems[spec.key] = [f"{f.rule} {f.impact}: {f.target} {f.html}" for f in found[:5]]
    finally:
        context.close()
    assert problems == {}


def test_the_bare_streamlit_app_is_clean_in_the_same_run(browser, tmp_path):  # noqa: F811
    """The baseline: if Streamlit itself starts to bring a serious violation, it shows here first."""
    app = tmp_path / "bare.py"
    app.write_text(BARE_APP)
    server = AppServer(tmp_path, script=Path(app))
    try:
        context, tab = _open(browser, server.url)
        tab.get_by_role("heading", name="Spoor 2").wait_for()
        assert serious(scan(tab)) == []
        context.close()
    finally:
        server.stop()
