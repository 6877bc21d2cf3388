"""Every page of the app renders in both languages without an exception (no page left out)."""

from __future__ import annotations

import pytest

from spoor2.i18n import t
from tests.support.apptest import assert_no_exception, open_page, page_text
from ui.frame import PAGES


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("page", PAGES, ids=[p.key for p in PAGES])
def test_page_renders_in_language(page, lang):
    at = open_page(None if page.url_path == "" else page.script, lang=lang)
    assert_no_exception(at)
    text = page_text(at)
    # every page ends with the legal footer, in the chosen language
    assert t(lang, "common.not_legal_advice") in text
    assert at.radio(key="lang_choice").value == lang


def test_pages_holds_only_the_page_scripts_of_the_navigation():
    """Streamlit makes a page of every script in pages/: no helper module may stand there."""
    from tests.conftest import ROOT

    files = {p.name for p in (ROOT / "pages").iterdir() if p.name != "__pycache__"}
    assert files == {p.script for p in PAGES if p.path.startswith("pages/")}
    assert [p.path for p in PAGES if not p.path.startswith("pages/")] == ["app.py"]


def test_language_selector_switches_to_dutch():
    at = open_page(None, lang="en")
    at.radio(key="lang_choice").set_value("nl").run()
    assert_no_exception(at)
    assert t("nl", "home.where_title") in page_text(at) or t("nl", "home.start_title") in page_text(at)
    assert at.query_params["lang"] == ["nl"] or at.query_params["lang"] == "nl"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_database_from_a_newer_version_gives_a_message_not_a_traceback(data_dir, lang):
    import sqlite3

    from spoor2.store import Store
    from spoor2.store.migrations import latest_version

    path = data_dir / "spoor2.sqlite3"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        newer = (latest_version() + 1, "from_the_future", "2030-01-01")
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", newer)
    before = path.read_bytes()
    at = open_page("timeline.py", lang=lang)
    assert_no_exception(at)
    assert t(lang, "error.database_too_new", found=latest_version() + 1, supported=latest_version()) in page_text(at)
    assert path.read_bytes() == before
