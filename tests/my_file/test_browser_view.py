"""/my-file in Chromium, the documents: write parts of my view (oordeel werknemer), download it as Word and as PDF,
build the expert-opinion zip and the whole file, in both languages; every download opened and its text checked.

The page is opened in its language with ``?lang=`` (never by clicking the language switch: a download started
while that rerun was still running came from the page before it), and every click waits for the app to settle."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from docx import Document as open_docx
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from spoor2.i18n import LANG_NAMES, format_date, t
from spoor2.my_file import view as view_rules
from spoor2.store import Store
from spoor2.store import my_data as data_io
from spoor2.store import my_file_view as view_repo
from spoor2.store import tracker as tracker_repo
from spoor2.tracker.activities import Activity
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401
from tests.support.pdf_text import pdf_text

pytestmark = pytest.mark.browser

EVIDENCE = b"%PDF-1.4 proof that I applied at Acme"
#: what the person types: markup and an ampersand, which must arrive as typed
TEXTS = {
    "en": {"job": "Not my <b>job</b> & not 20 hours", "better_options": "I proposed planner at *Acme* [x](y)"},
    "nl": {"job": "Niet mijn <b>werk</b> & geen 20 uur", "better_options": "Ik stelde planner bij *Acme* voor [x](y)"},
}
WORDS = {
    "en": "Can I do my own job as a planner? <i>yes</i>",
    "nl": "Kan ik mijn eigen werk als planner doen? <i>ja</i>",
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _seed(store: Store) -> None:
    """An empty store but for one tracker activity with an evidence file (the file the zip may hold)."""
    data_io.delete_everything(store)
    tracker_repo.add_activity(
        store,
        Activity(
            id="a1", activity_date=date(2026, 11, 2), type="vacancy_application", organisation="Acme", role="Planner"
        ),
        today=date(2026, 11, 3),
        evidence=tracker_repo.EvidenceUpload("proof.pdf", EVIDENCE),
    )


def _click(tab, selector: str, text: str | None = None) -> None:  # type: ignore[no-untyped-def]
    wait_for_app(tab)
    target = tab.locator(selector)
    (target.get_by_text(text, exact=True) if text is not None else target).first.click()
    wait_for_app(tab)


def _type(tab, selector: str, value: str) -> None:  # type: ignore[no-untyped-def]
    wait_for_app(tab)
    field = tab.locator(selector)
    field.fill(value)
    field.blur()  # a text field sends its value on blur; the callback saves it
    wait_for_app(tab)


def _until(tab, condition, what: str):  # type: ignore[no-untyped-def]
    """Wait until the app server has saved what was typed (its rerun may not have started when the tab looks
    settled), like Playwright's own expect; then return the condition's value. Not a timing assertion."""
    for _ in range(150):
        value = condition()
        if value:
            return value
        tab.wait_for_timeout(200)
    raise AssertionError(f"never saved: {what}")


def _choose_option(tab, selector: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """Open a list and pick an option; a list opened while a rerun redrew the widget closes again, so reopen it."""
    option = tab.get_by_role("option", name=name)
    for _ in range(5):
        _click(tab, selector)
        try:
            option.wait_for(state="visible", timeout=5_000)
            break
        except PlaywrightTimeout:
            continue
    option.click()


def _pick_date(tab, selector: str, day: date) -> None:  # type: ignore[no-untyped-def]
    """Type a date into the field's day, month and year parts (each moves on to the next), then leave it."""
    wait_for_app(tab)
    tab.locator(f"{selector} [data-type='day']").click()
    tab.keyboard.type(day.strftime("%d%m%Y"))
    tab.keyboard.press("Tab")
    wait_for_app(tab)


def _download(tab, selector: str) -> bytes:  # type: ignore[no-untyped-def]
    wait_for_app(tab)
    with tab.expect_download() as info:
        tab.locator(selector).first.click()
    path = info.value.path()
    wait_for_app(tab)
    return path.read_bytes()


def _open_section(tab, lang: str, section: str) -> None:  # type: ignore[no-untyped-def]
    _click(tab, ".st-key-mf_tab", t(lang, f"my_file.tabs.{section}"))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_write_my_view_and_download_it_as_word_and_pdf_then_the_zip_and_the_whole_file(page, app_server, lang):  # noqa: F811
    store = Store(app_server.data_dir / "spoor2.sqlite3")  # the app server's own data
    _seed(store)
    texts = TEXTS[lang]

    page.goto(f"{app_server.url}/my-file?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.my_file")).first.wait_for()
    _open_section(page, lang, "view")
    page.get_by_text(t(lang, "my_file_view.view_title").replace("*", ""), exact=False).first.wait_for()
    _type(page, ".st-key-mfv_name input", "Anna de Vries")
    _type(page, ".st-key-mfv_job input", "Planner")
    _pick_date(page, ".st-key-mfv_signed_on", date.today())
    for element_id, body in texts.items():
        _click(page, f".st-key-mfv_exp_{element_id} summary")
        _click(page, f".st-key-mfv_stance_{element_id}", t(lang, "my_file_view.stance.disagree"))
        _type(page, f".st-key-mfv_body_{element_id} textarea", body)
    wanted = {k: ("disagree", v) for k, v in texts.items()}
    _until(page, lambda: {k: (s.stance, s.body) for k, s in view_repo.view_sections(store).items()} == wanted, "view")
    signature = _until(page, lambda: view_repo.view_signature(store), "signature")
    assert (signature.name, signature.job_title, signature.signed_on) == ("Anna de Vries", "Planner", date.today())

    if lang == "en":
        # the reader (UWV, the employer) is Dutch: by default the document is Dutch, on an English page too
        dutch = open_docx(io.BytesIO(_download(page, ".st-key-mfv_dl_docx button")))
        assert dutch.paragraphs[0].text == t("nl", "my_file_view.doc.title")
        _click(page, ".st-key-mfv_export_lang", LANG_NAMES["en"])
    data = _download(page, ".st-key-mfv_dl_docx button")
    document = open_docx(io.BytesIO(data))
    assert document.paragraphs[0].text == t(lang, "my_file_view.doc.title")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 2")]
    titles = [view_rules.element_title(item, lang).replace("*", "") for item in view_rules.ELEMENTS]
    assert headings[: len(titles)] == titles  # every element, in the page's language
    lines = [p.text for p in document.paragraphs]
    for body in texts.values():
        assert body in lines  # verbatim: no markup rendered, nothing escaped away
    assert lines.count(t(lang, "my_file_view.doc.stance.disagree")) == len(texts)
    signed = t(lang, "my_file_view.doc.dated", date=format_date(date.today(), lang))
    by = f"{signed} · {t(lang, 'my_file_view.doc.by')} Anna de Vries, Planner"
    assert sum(line.startswith(by) for line in lines) == len(view_rules.ELEMENTS)  # each part dated and signed
    assert "Anna de Vries" in "\n".join(lines)
    assert document.core_properties.language == {"en": "en-GB", "nl": "nl-NL"}[lang]

    # the export language is still the one chosen (both downloads are made by the same run)
    expect(page.locator(".st-key-mfv_export_lang input[type='radio']:checked")).to_have_count(1)
    checked = page.locator(".st-key-mfv_export_lang label:has(input:checked)")
    expect(checked).to_have_text(LANG_NAMES[lang])
    pdf = _flat(pdf_text(_download(page, ".st-key-mfv_dl_pdf button")))
    assert t(lang, "my_file_view.doc.title") in pdf
    for body in texts.values():
        assert _flat(body) in pdf
    for title in titles:
        assert _flat(title) in pdf

    # the expert-opinion request: the question, a document I have, my words, the evidence file; one zip
    _open_section(page, lang, "expert")
    _click(page, ".st-key-mfv_question", t(lang, "my_file_view.question.own_work").replace("*", ""))
    _click(page, ".st-key-mfv_have_own_work_job_description label")
    _type(page, ".st-key-mfv_words_own_work textarea", WORDS[lang])
    chosen = view_repo.evidence_choices(store, lang)
    _choose_option(page, ".st-key-mfv_files_own_work [role='combobox']", next(iter(chosen.values())))
    page.keyboard.press("Escape")
    wait_for_app(page)
    wanted_request = (WORDS[lang], ("job_description",), tuple(chosen))

    def request() -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        saved = view_repo.expert_request(store, "own_work")
        return saved.body, saved.have, saved.files

    _until(page, lambda: request() == wanted_request, "request")
    with zipfile.ZipFile(io.BytesIO(_download(page, ".st-key-mfv_dl_pack_own_work button"))) as pack:
        names = pack.namelist()
        assert len(names) == 2 and names[0] == f"00-{t(lang, 'my_file_view.pack.summary_file')}.pdf"
        assert pack.read(names[1]) == EVIDENCE  # exactly the file chosen, as uploaded
        summary = _flat(pdf_text(pack.read(names[0])))
    assert t(lang, "my_file_view.pack.title") in summary and _flat(WORDS[lang]) in summary

    # the whole file: one PDF with a table of contents, my view in it
    _open_section(page, lang, "whole")
    whole = _flat(pdf_text(_download(page, ".st-key-mfv_dl_whole button")))
    assert t(lang, "my_file_view.whole.contents") in whole and t(lang, "my_file_view.whole.title") in whole
    for body in texts.values():
        assert _flat(body) in whole
    assert "Traceback" not in page.content()
