"""/timeline in Chromium: enter a first sick day, save, see the chart and table, download the .ics."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from spoor2.i18n import t
from spoor2.timeline.rules import SickPeriod, TimelineInput, compute_timeline
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_enter_save_see_chart_table_and_download_ics(page, app_server, lang, tmp_path):  # noqa: F811
    first = date.today() - timedelta(days=100)
    page.goto(f"{app_server.url}/timeline?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.timeline")).first.wait_for()

    label = f"{t(lang, 'timeline.period_label', number=1)} — {t(lang, 'timeline.start')}"
    page.get_by_role("spinbutton", name=f"day, {label}").click()  # a segmented date field: dd mm yyyy
    page.keyboard.type(first.strftime("%d%m%Y"))
    page.keyboard.press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name=t(lang, "timeline.save")).click()
    wait_for_app(page)
    page.get_by_text(t(lang, "timeline.saved")).first.wait_for()

    chart = page.locator("[data-testid='stPlotlyChart'] .js-plotly-plot").first
    chart.wait_for(state="visible")
    page.locator("[data-testid='stDataFrame']").first.wait_for(state="visible")
    assert "Traceback" not in page.content()

    with page.expect_download() as info:
        page.get_by_role("button", name=t(lang, "timeline.ics_download")).click()
    target = tmp_path / "timeline.ics"
    info.value.save_as(target)
    cal = Calendar.from_ical(target.read_bytes())
    timeline = compute_timeline(TimelineInput(periods=(SickPeriod(start=first),)))
    assert len(cal.walk("VEVENT")) == len(timeline.milestones)
    expected = timeline.milestone("wia_application_deadline")
    deadline = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("wia_application_deadline-"))
    assert deadline.decoded("DTSTART") == expected.date
    assert str(deadline["SUMMARY"]) == t(lang, "milestones.wia_application_deadline.label")
