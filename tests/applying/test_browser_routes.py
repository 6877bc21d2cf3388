"""/routes in Chromium: each section in both languages, and a 1-month check-in answer saved and kept."""

from __future__ import annotations

import pytest

from spoor2.applying.after_start import load_after_start
from spoor2.applying.routes import load_routes
from spoor2.i18n import t
from spoor2.store import Store
from spoor2.store import applying as repo
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401

pytestmark = pytest.mark.browser


def _section(page, lang, section):  # noqa: F811
    page.locator(".st-key-rt_section").get_by_text(t(lang, f"routes.sections.{section}")).click()
    wait_for_app(page)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_each_section_opens_and_a_one_month_answer_is_saved(page, app_server, lang):  # noqa: F811
    page.goto(f"{app_server.url}/routes?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.routes")).first.wait_for()
    page.get_by_text(t(lang, "routes.intro")).first.wait_for()
    no_duty = load_routes().absence[0]
    page.get_by_role("heading", name=getattr(no_duty, lang).title).first.wait_for()

    _section(page, lang, "routes")
    page.get_by_text(t(lang, "routes.routes.intro")).first.wait_for()
    retraining = load_routes().route("retraining")
    page.get_by_text(getattr(retraining, lang).title.replace("*", ""), exact=False).first.wait_for()
    page.get_by_text(getattr(load_routes().route("secondment"), lang).title.replace("*", ""), exact=False).first.click()
    page.get_by_text(load_routes().checks["own_job"].text(lang)[:30], exact=False).first.wait_for()
    page.screenshot(path=str(app_server.data_dir / f"routes-checklist-{lang}.png"))

    _section(page, lang, "after_start")
    page.get_by_text(t(lang, "routes.after_start.plan_title")).first.wait_for()
    question = load_after_start().questions(1)[0]
    answer = f"Het werk past, <b>maar</b> =moe ({lang})"
    field = page.get_by_role("textbox", name=question.text(lang))
    field.fill(answer)
    field.press("Control+Enter")  # Streamlit sends a text area's value on Ctrl+Enter or on blur
    wait_for_app(page)
    page.get_by_role("button", name=t(lang, "routes.after_start.save_answers")).first.click()
    page.get_by_text(t(lang, "routes.after_start.answers_saved")).wait_for()
    store = Store(app_server.data_dir / "spoor2.sqlite3")
    try:
        assert repo.list_checkin_answers(store)[(1, question.id)].answer == answer
    finally:
        store.close()
    # a fresh load of the page shows the saved answer, verbatim
    page.goto(f"{app_server.url}/routes?lang={lang}")
    wait_for_app(page)
    _section(page, lang, "after_start")
    field = page.get_by_role("textbox", name=question.text(lang))
    field.wait_for()
    assert field.input_value() == answer
    assert "Traceback" not in page.content()
    page.screenshot(path=str(app_server.data_dir / f"routes-{lang}.png"), full_page=True)
