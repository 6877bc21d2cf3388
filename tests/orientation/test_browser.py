"""/orientation in Chromium: complete the interests questionnaire and see the chart."""

from __future__ import annotations

import pytest

from spoor2.i18n import t
from spoor2.orientation.questionnaires import load_questionnaire, load_texts
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_complete_interests_and_see_the_chart(page, app_server, lang):  # noqa: F811
    q = load_questionnaire("interests")
    texts = load_texts(lang, "interests")
    page.goto(f"{app_server.url}/orientation?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.orientation")).first.wait_for()
    retake = page.get_by_role("button", name=t(lang, "orientation.button.retake"))
    first_item = page.get_by_role("radiogroup", name=texts["items"]["r1"])
    retake.or_(first_item).first.wait_for()
    if retake.count():  # the server is shared by this module: an earlier test may have finished it
        retake.click()
        wait_for_app(page)
    # four answers per type is enough for a score; the rest is skipped
    likes = {"R": 5, "I": 2, "A": 4, "S": 3, "E": 1, "C": 2}
    for screen in q.screens:
        dimension = q.item(screen[0]).dimension
        for item_id in screen[:4]:
            group = page.get_by_role("radiogroup", name=texts["items"][item_id])
            group.get_by_text(texts["scale"][likes[dimension]], exact=True).click()
            wait_for_app(page)
        last = screen == q.screens[-1]
        label = t(lang, "orientation.button.finish" if last else "orientation.button.next")
        page.get_by_role("button", name=label).click()
        wait_for_app(page)
    chart = page.locator("[data-testid='stPlotlyChart'] .js-plotly-plot").first
    chart.wait_for(state="visible")
    assert "RAS" in page.get_by_text("RAS").first.inner_text()
    page.get_by_role("button", name=t(lang, "orientation.export.pdf")).wait_for()
    assert "Traceback" not in page.content()
    page.screenshot(path=str(app_server.data_dir / f"orientation-result-{lang}.png"), full_page=True)
