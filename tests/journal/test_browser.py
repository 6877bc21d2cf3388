"""/journal in Chromium: record a check-in in both languages and download the typical day (Word and PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spoor2.i18n import t
from spoor2.render.docx import text_of
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401
from tests.support.pdf_text import pdf_text

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_record_a_check_in_and_download_the_typical_day(page, app_server, lang):  # noqa: F811
    page.goto(f"{app_server.url}/journal?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.journal")).first.wait_for()
    page.locator(".st-key-jr_save").wait_for(timeout=90_000)  # the whole form is drawn (a busy machine is slow)
    page.locator(".st-key-jr_energy").get_by_role("radio", name="6", exact=True).click()
    wait_for_app(page)
    could = f"20 minuten wandelen ({lang})"
    field = page.get_by_label(t(lang, "journal.field.could"), exact=True)
    field.fill(could)
    field.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name=t(lang, "journal.check_in.save")).click()
    wait_for_app(page)
    page.get_by_text(t(lang, "journal.check_in.saved", date="", part="").split("{")[0].split(" ")[0]).first.wait_for()
    # the same day again in the other language only changes it: the period still rests on one day
    page.locator(".st-key-jr_section").get_by_text(t(lang, "journal.sections.typical")).click()
    wait_for_app(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=t(lang, "journal.typical.docx")).click()
    words = text_of(Path(info.value.path()).read_bytes())
    assert t(lang, "journal.typical.doc_title") in words
    assert t(lang, "journal.typical.too_little", minimum=7, count=1) in words
    with page.expect_download() as info:
        page.get_by_role("button", name=t(lang, "journal.typical.pdf")).click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF") and t(lang, "journal.typical.doc_title") in pdf_text(data)
    assert "Traceback" not in page.content()
    page.screenshot(path=str(app_server.data_dir / f"journal-{lang}.png"), full_page=True)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_note_pasted_past_its_limit_stays_with_a_notice_and_is_not_saved(page, app_server, lang):  # noqa: F811
    """Streamlit's field with ``max_chars`` dropped such a paste whole, without a word."""
    from spoor2.journal.entries import MAX_NOTE_CHARS

    page.goto(f"{app_server.url}/journal?lang={lang}")
    wait_for_app(page)
    note = page.get_by_label(t(lang, "journal.field.note")).first
    note.click()
    page.keyboard.insert_text("p" * (MAX_NOTE_CHARS + 1))  # as a paste arrives: one input of the whole text
    note.blur()
    wait_for_app(page)
    notice = t(lang, "common.text_too_long", count="", maximum="").split(" ")[:3]  # "This text is" / "Deze tekst is"
    page.get_by_text(" ".join(notice)).first.wait_for()
    assert len(note.input_value()) == MAX_NOTE_CHARS + 1
    page.get_by_role("button", name=t(lang, "journal.check_in.save")).click()
    wait_for_app(page)
    page.get_by_text(t(lang, "journal.error.note", maximum=MAX_NOTE_CHARS)[:20]).first.wait_for()
    assert len(page.get_by_label(t(lang, "journal.field.note")).first.input_value()) == MAX_NOTE_CHARS + 1
