"""/questions in a real browser: the PDF export downloads a real PDF, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from spoor2.i18n import t
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pdf_export_downloads(page, app_server, lang, tmp_path: Path):  # noqa: F811
    page.goto(app_server.url + f"/questions?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "questions.title")).wait_for()
    button = page.locator(".st-key-q_dl_pdf").get_by_role("button", name=t(lang, "questions.export_pdf"))
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == {"en": "critical-questions.pdf", "nl": "kritische-vragen.pdf"}[lang]
    target = tmp_path / "questions.pdf"
    download.save_as(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2_000


def test_documents_viewed_in_dutch_are_saved_unchanged_after_switching_to_english(page, app_server):  # noqa: F811
    """Issue 12, the blocker: the browser sends back the Dutch label it showed ("Niet ingevuld"); the
    English save must neither crash (``input_value='Ontvangen'``) nor store anything as received."""
    from spoor2.store import Store
    from spoor2.store import questions as repo

    page.goto(app_server.url + "/questions?lang=nl")
    wait_for_app(page)
    page.locator(".st-key-q_tab").get_by_text(t("nl", "questions.tabs.documents"), exact=True).click()
    wait_for_app(page)
    page.locator(".st-key-lang_choice").get_by_text("English").click()
    wait_for_app(page)
    page.locator(".st-key-q_save_documents").get_by_role("button").click()
    wait_for_app(page)
    page.get_by_text(t("en", "questions.documents_saved")).wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    assert repo.document_records(Store(app_server.data_dir / "spoor2.sqlite3")) == {}
