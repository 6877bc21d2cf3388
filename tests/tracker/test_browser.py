"""/tracker in Chromium: add an activity, see it in the table and a chart, download the PDF overview."""

from __future__ import annotations

from pathlib import Path

import pytest

from spoor2.i18n import LANG_NAMES, t
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401
from tests.support.pdf_text import pdf_text

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_add_an_activity_see_it_and_download_the_pdf(page, app_server, lang):  # noqa: F811
    organisation = f"Zorggroep Één {lang}"
    page.goto(f"{app_server.url}/tracker?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.tracker")).first.wait_for()
    page.get_by_label(t(lang, "tracker.field.organisation")).first.fill(organisation)
    page.get_by_role("button", name=t(lang, "tracker.add.submit")).click()
    wait_for_app(page)
    page.get_by_text(t(lang, "tracker.add.added")).wait_for()
    # the table is a canvas grid: its accessible copy holds the cell text
    page.locator("[data-testid='stDataFrame']").first.wait_for()
    page.wait_for_function(
        "name => [...document.querySelectorAll(\"[data-testid='stDataFrame']\")]"
        ".some(e => e.textContent.includes(name))",
        arg=organisation,
    )
    # the sections are a keyed segmented control (it stays where the person put it)
    page.locator(".st-key-tr_tab").get_by_text(t(lang, "tracker.tabs.progress")).click()
    chart = page.locator("[data-testid='stPlotlyChart'] .js-plotly-plot").first
    chart.wait_for(state="visible")
    page.locator(".st-key-tr_tab").get_by_text(t(lang, "tracker.tabs.files")).click()
    with page.expect_download() as info:
        page.get_by_role("button", name=t(lang, "tracker.export.pdf")).click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert organisation in text and t(lang, "tracker.pdf.title") in text
    assert "Traceback" not in page.content()
    page.screenshot(path=str(app_server.data_dir / f"tracker-{lang}.png"), full_page=True)


@pytest.mark.parametrize(("lang", "other"), [("nl", "en"), ("en", "nl")])
def test_the_quick_adds_choices_are_saved_as_chosen_after_a_language_switch(page, app_server, lang, other):  # noqa: F811
    """The type, status and fit chosen in the form, then the language switched, then "Add": the activity is stored
    with those choices (Streamlit had put the defaults in their place: the old language's labels matched no option)."""
    from spoor2.store import Store
    from spoor2.store import tracker as repo

    organisation = f"Wissel {lang}→{other}"
    page.goto(f"{app_server.url}/tracker?lang={lang}")
    wait_for_app(page)
    page.get_by_label(t(lang, "tracker.field.organisation")).first.fill(organisation)
    form = page.locator("[data-testid='stForm']").first
    form.get_by_text(t(lang, "tracker.add.more")).click()
    for field, choice in (("type", "tracker.type.open_application"), ("status", "tracker.status.planned"),
                          ("fits_limitations", "tracker.fit.unsure")):  # fmt: skip
        form.get_by_label(t(lang, f"tracker.field.{field}")).first.click()
        page.get_by_role("option", name=t(lang, choice), exact=True).click()
    page.locator("[data-testid='stSidebar']").get_by_text(LANG_NAMES[other], exact=True).click()
    wait_for_app(page)
    page.get_by_role("button", name=t(other, "tracker.add.submit")).wait_for()
    assert page.get_by_label(t(other, "tracker.field.organisation")).first.input_value() == organisation
    page.get_by_role("button", name=t(other, "tracker.add.submit")).click()
    wait_for_app(page)
    page.get_by_text(t(other, "tracker.add.added")).wait_for()
    store = Store(app_server.data_dir / "spoor2.sqlite3")
    try:
        saved = [a for a in repo.iter_activities(store) if a.organisation == organisation]
    finally:
        store.close()
    assert [(a.type, a.status, a.fits_limitations) for a in saved] == [("open_application", "planned", "unsure")]
