"""/applying in Chromium: make a CV version, fill and save it, download it as Word; then draft a letter for a
tracker activity from that version, save it with the activity and download it as Word (read back with
python-docx)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spoor2.i18n import t
from spoor2.render.docx import text_of
from spoor2.store import Store
from spoor2.store import applying as repo
from spoor2.store import tracker as tracker_repo
from spoor2.tracker.activities import Activity
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401

pytestmark = pytest.mark.browser


def _download(tab, name: str) -> bytes:  # type: ignore[no-untyped-def]
    with tab.expect_download() as info:
        tab.get_by_role("button", name=name).click()
    return Path(info.value.path()).read_bytes()


def _saved(tab, text: str) -> None:  # type: ignore[no-untyped-def]
    """The message of a save is shown (the rerun after it has run)."""
    tab.get_by_text(text).first.wait_for()
    wait_for_app(tab)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_build_a_cv_draft_a_letter_for_an_activity_and_download_both(page, app_server, lang, monkeypatch):  # noqa: F811
    monkeypatch.setenv("SPOOR2_DATA_DIR", str(app_server.data_dir))
    organisation, version_name = f"Zorggroep Één {lang}", f"Zorg <b>{lang}</b>"
    store = Store()
    activity = tracker_repo.add_activity(
        store,
        Activity(id=repo.new_id(), activity_date=date.today(), type="vacancy_application",
                 organisation=organisation, role="Planner", contact_person="Mevrouw Jansen", status="done"),
    )  # fmt: skip
    page.goto(f"{app_server.url}/applying?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.applying")).first.wait_for()
    new_form = page.locator("[data-testid='stForm']").last
    new_form.get_by_role("textbox", name=t(lang, "applying.cv.field.version_name")).fill(version_name)
    new_form.get_by_role("button", name=t(lang, "applying.cv.new.submit")).click()
    _saved(page, t(lang, "applying.cv.new.done"))
    main = page.locator("[data-testid='stMain']")
    # one field at a time, each confirmed by the live preview (in CI a field filled while the previous
    # field's rerun ran once lost its value; not reproduced since, see ui.frame.kept_field and issue 16)
    fields = (
        ("applying.cv.field.name", "Sanne *de* Vries", "Sanne *de* Vries"),
        ("applying.cv.field.profile", "Ik plan graag.\n=1+1 en <i>rust</i>", "Ik plan graag."),
        ("applying.cv.field.skills", "Roosters\nExcel", "Roosters"),
    )
    for key, value, shown in fields:
        box = page.get_by_role("textbox", name=t(lang, key), exact=True)
        box.fill(value)
        box.blur()
        main.get_by_text(shown).first.wait_for()
        wait_for_app(page)
    page.get_by_role("button", name=t(lang, "applying.cv.save")).click()
    _saved(page, t(lang, "applying.cv.saved"))
    saved_cv = repo.list_versions(store)[0].cv
    assert saved_cv.personal.name == "Sanne *de* Vries"
    assert saved_cv.profile == "Ik plan graag.\n=1+1 en <i>rust</i>" and saved_cv.skills[:2] == ("Roosters", "Excel")
    cv_text = text_of(_download(page, t(lang, "applying.cv.download.docx")))
    assert "Sanne *de* Vries" in cv_text and "'=1+1 en <i>rust</i>" in cv_text and "Roosters" in cv_text

    page.locator(".st-key-ap_tab").get_by_text(t(lang, "applying.tabs.letters")).click()
    wait_for_app(page)
    page.get_by_role("combobox", name=t(lang, "applying.letter.version")).click()
    page.get_by_role("option", name=f"{version_name} (").click()
    _saved(page, t(lang, "applying.letter.version_saved"))
    page.get_by_role("button", name=t(lang, "applying.letter.suggest")).click()
    _saved(page, t(lang, "applying.letter.suggested"))
    box = page.get_by_role("textbox", name=t(lang, "applying.letter.field"))
    assert organisation in box.input_value() and "Ik plan graag." in box.input_value()
    box.fill(box.input_value() + "\n\nP.S. Tot snel.")
    box.blur()
    page.get_by_role("button", name=t(lang, "applying.letter.save")).click()
    _saved(page, t(lang, "applying.letter.saved"))
    app = repo.get_application(store, activity.id)
    assert app.letter.endswith("P.S. Tot snel.") and app.cv_version_id == repo.list_versions(store)[0].id
    letter_text = text_of(_download(page, t(lang, "applying.letter.download.docx")))
    assert organisation in letter_text and "Mevrouw Jansen" in letter_text and "P.S. Tot snel." in letter_text
    assert "Traceback" not in page.content()
    page.screenshot(path=str(app_server.data_dir / f"applying-{lang}.png"), full_page=True)
