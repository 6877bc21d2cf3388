"""/my-data in Chromium: export (a real download), delete everything, re-import the downloaded zip."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from spoor2.i18n import t
from spoor2.my_data import archive as archive_format
from spoor2.store import Store
from spoor2.store import my_data as data_io
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401
from tests.support.my_data import fill_store

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_export_delete_and_import_back(page, app_server, lang, tmp_path: Path):  # noqa: F811
    store = Store(app_server.data_dir / "spoor2.sqlite3")  # the app server's own data
    data_io.delete_everything(store)  # the server is shared by this module
    fill_store(store, note=f"<script>alert('{lang}')</script>")
    original = archive_format.archive_content(data_io.export_bytes(store))
    rows = sum(data_io.counts(store).values())
    meetings = t(lang, "my_data.what.count_line", label=t(lang, "my_data.table.meetings"), count=1)

    page.goto(f"{app_server.url}/my-data?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.my_data")).first.wait_for()
    page.get_by_text(meetings, exact=True).wait_for()
    # a deep link right after the server starts opens the page without a "Page not found" dialog
    assert page.get_by_role("dialog").count() == 0

    # export: a real download of a valid export
    with page.expect_download() as info:
        page.get_by_role("button", name=t(lang, "my_data.export.button")).click()
    download = info.value
    assert download.suggested_filename.startswith("spoor2-export-")
    assert download.suggested_filename.endswith(".zip")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert archive_format.archive_content(saved.read_bytes()) == original

    # delete everything, with the confirmation
    page.get_by_text(t(lang, "my_data.delete.confirm")).click()
    wait_for_app(page)
    page.get_by_role("button", name=t(lang, "my_data.delete.button")).click()
    wait_for_app(page)
    page.get_by_text(t(lang, "my_data.notice.deleted")).wait_for()
    page.get_by_text(t(lang, "my_data.what.empty")).wait_for()
    assert sum(data_io.counts(store).values()) == 0

    # import the downloaded file through the file chooser, see what it holds, confirm
    page.locator("input[type='file']").set_input_files(saved)
    wait_for_app(page)
    page.get_by_text(t(lang, "my_data.import.files_line", count=1)).wait_for()
    page.get_by_role("button", name=t(lang, "my_data.import.button")).click()
    wait_for_app(page)
    # the message names what the file held (wait for it: the import and its message take two runs)
    page.get_by_text(t(lang, "my_data.notice.imported", count=rows, files=1)).wait_for()
    assert sum(data_io.counts(store).values()) == rows
    # the stored counts, once the page has settled (the preview of the file, which lists the same line,
    # is gone after the import; a frame may still show both while the rerun replaces it)
    expect(page.get_by_text(meetings, exact=True)).to_have_count(1, timeout=30_000)
    assert archive_format.archive_content(data_io.export_bytes(store)) == original
    assert "Traceback" not in page.content()
    page.screenshot(path=str(app_server.data_dir / f"my-data-{lang}.png"), full_page=True)
