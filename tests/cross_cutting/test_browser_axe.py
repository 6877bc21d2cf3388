"""WCAG 2.1 AA with axe-core on every page, in both languages, empty (filled: ``test_browser_axe_filled.py``)
and with expanders open: no serious or critical violation. The one exemption, text of a disabled control
(WCAG 1.4.3 exempts an inactive component), and what comes from Streamlit's own frontend are listed in
``docs/accessibility.md``.

The same scan of a bare Streamlit app (one ``st.title``) runs in the same session, so a violation that
Streamlit itself brings shows up there first. Empty and filled are two files so that the two test workers
(``--dist loadfile``) each take one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.axe import every_page_problems, open_tab, scan, serious, server_fixture
from tests.support.browser import AppServer, browser  # noqa: F401

pytestmark = pytest.mark.browser

BARE_APP = 'import streamlit as st\n\nst.title("Spoor 2")\n'


server = server_fixture(filled=False)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_empty_page_has_no_serious_violation(browser, server, lang):  # noqa: F811
    assert every_page_problems(browser, server.url, lang) == {}


def test_the_bare_streamlit_app_is_clean_in_the_same_run(browser, tmp_path):  # noqa: F811
    """The baseline: if Streamlit itself starts to bring a serious violation, it shows here first."""
    app = tmp_path / "bare.py"
    app.write_text(BARE_APP)
    server = AppServer(tmp_path, script=Path(app))
    try:
        context, tab = open_tab(browser, server.url)
        tab.get_by_role("heading", name="Spoor 2").wait_for()
        assert serious(scan(tab)) == []
        context.close()
    finally:
        server.stop()
