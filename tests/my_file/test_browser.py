"""/my-file in Chromium: fill part of the check and add a proposal, in both languages; what was saved is
read from the app server's own store."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from spoor2.i18n import t
from spoor2.store import Store
from spoor2.store import my_data as data_io
from spoor2.store import my_file as repo
from tests.support.browser import app_server, browser, open_expander, page, wait_for_app  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_fill_part_of_the_check_and_add_a_proposal(page, app_server, lang):  # noqa: F811
    store = Store(app_server.data_dir / "spoor2.sqlite3")  # the app server's own data
    data_io.delete_everything(store)  # the server is shared by this module
    what = f"Planner <b>20</b> uur, =1+1 ({lang})"

    page.goto(f"{app_server.url}/my-file?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.my_file")).first.wait_for()
    assert page.locator(".st-key-mf_chk_own_job").count() == 0  # in a closed block: not drawn
    open_expander(page, t(lang, "my_file.block.work"))
    page.locator(".st-key-mf_chk_own_job").get_by_text(t(lang, "my_file.answer.no"), exact=True).click()
    page.locator(".st-key-mf_fact_agency_engaged").get_by_text(t(lang, "my_file.fact_answer.yes"), exact=True).click()
    wait_for_app(page)
    page.locator(".st-key-mf_save_check button").click()
    wait_for_app(page)
    page.get_by_text(t(lang, "my_file.check_saved")).wait_for()
    answers = repo.check_answer_records(store)
    assert answers["own_job"].answer == "no" and answers["agency_engaged"].answer == "yes"
    # an agency and no job-search activity logged: the warning is on the page
    page.get_by_text(t(lang, "my_file.flag.agency_inactive.label", weeks=4)).first.wait_for()

    page.locator(".st-key-mf_tab").get_by_text(t(lang, "my_file.tabs.proposals")).click()
    wait_for_app(page)
    page.locator(".st-key-mf_p_what textarea").fill(what)
    page.locator(".st-key-mf_p_what textarea").blur()
    wait_for_app(page)
    page.locator(".st-key-mf_p_add button").click()
    wait_for_app(page)
    page.get_by_text(t(lang, "my_file.proposal_added")).wait_for()
    (saved,) = repo.list_proposals(store)
    assert saved.what == what and saved.answer == "none"
    expect(page.locator(".st-key-mf_p_what textarea")).to_have_value("")  # the form is empty again
    assert "Traceback" not in page.content()
    page.screenshot(path=str(app_server.data_dir / f"my-file-{lang}.png"), full_page=True)
