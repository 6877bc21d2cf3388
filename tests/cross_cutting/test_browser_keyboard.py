"""Keyboard only (WCAG 2.1.1, 2.4.3, 2.4.7): the main tasks with Tab, Enter, Space and the arrow keys.

Enter a first sick day, save, reach the table and download the ``.ics`` on /timeline; add an activity on
/tracker; answer a questionnaire screen on /orientation. After every key press the focus is on an
element (never lost to the page body) and visibly marked (``:focus-visible``).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spoor2.i18n import t
from spoor2.store import Store
from spoor2.store import tracker as tracker_repo
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401

pytestmark = pytest.mark.browser

MAX_TABS = 150
_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const byId = (ids) => (ids || '').split(' ').map(i => document.getElementById(i)).filter(Boolean)
    .map(e => e.innerText).join(' ');
  const label = (el.labels && el.labels.length) ? el.labels[0].innerText : '';
  const name = el.getAttribute('aria-label') || byId(el.getAttribute('aria-labelledby')) || label
    || el.innerText || el.value || '';
  const groups = Array.from(document.querySelectorAll("[data-testid='stMain'] [role='radiogroup']"));
  return {name: name.trim().slice(0, 160), role: el.getAttribute('role') || el.type || el.tagName.toLowerCase(),
          group: groups.indexOf(el.closest("[role='radiogroup']")), visible: el.matches(':focus-visible')};
}"""


def focused(tab):  # type: ignore[no-untyped-def]
    return tab.evaluate(_FOCUS)


def assert_focus_kept(tab) -> None:  # type: ignore[no-untyped-def]
    """Once the rerun has drawn the page again (up to 3 s), the focus is on an element, visibly."""
    now = focused(tab)
    for _ in range(30):
        if now is not None:
            break
        tab.wait_for_timeout(100)
        now = focused(tab)
    assert now is not None, "the focus fell to the page body"
    assert now["visible"], f"the focus is not visible on {now}"


def tab_until(tab, wanted, *, backwards: bool = False) -> dict:  # type: ignore[no-untyped-def]
    """Press Tab (or Shift+Tab) until ``wanted(focused)`` holds; the focus stays visible on the way."""
    seen = []
    for _ in range(MAX_TABS):
        tab.keyboard.press("Shift+Tab" if backwards else "Tab")
        now = focused(tab)
        seen.append(None if now is None else f"{now['role']}:{now['name'][:25]}")
        if now is not None and wanted(now):
            assert now["visible"], f"no visible focus on {now}"
            return now
    raise AssertionError(f"not reached with the keyboard within {MAX_TABS} Tab presses: {seen}")


def named(text: str):  # type: ignore[no-untyped-def]
    return lambda now: text in now["name"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_timeline_with_the_keyboard_only(page, app_server, lang):  # noqa: F811
    first = date.today() - timedelta(days=100)
    page.goto(f"{app_server.url}/timeline?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.timeline")).first.wait_for()
    # the title is drawn before the page imports its module: the form comes a moment later on a fresh server
    page.get_by_role("button", name=t(lang, "timeline.save")).first.wait_for()
    start = f"{t(lang, 'timeline.period_label', number=1)} — {t(lang, 'timeline.start')}"
    tab_until(page, lambda now: now["role"] == "spinbutton" and start in now["name"])
    page.keyboard.type(first.strftime("%d%m%Y"))  # the segmented field moves on by itself
    tab_until(page, named(t(lang, "timeline.save")))
    page.keyboard.press("Enter")
    page.get_by_text(t(lang, "timeline.saved")).first.wait_for()
    wait_for_app(page)
    assert_focus_kept(page)
    # on to the table of all steps (a grid: the arrow keys move between its cells) and the calendar file
    tab_until(page, lambda now: now["role"] in ("grid", "canvas", "table"))
    with page.expect_download() as info:
        tab_until(page, named(t(lang, "timeline.ics_download")))
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(".ics")
    assert_focus_kept(page)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_tracker_add_an_activity_with_the_keyboard_only(page, app_server, lang):  # noqa: F811
    organisation = f"Toetsenbord BV {lang}"
    page.goto(f"{app_server.url}/tracker?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.tracker")).first.wait_for()
    page.get_by_role("button", name=t(lang, "tracker.add.submit")).first.wait_for()  # the form, after the title
    tab_until(page, named(t(lang, "tracker.field.type")))
    page.keyboard.press("ArrowDown")  # the list opens; the first type is chosen with Enter
    page.keyboard.press("Enter")
    tab_until(page, lambda now: now["role"] == "text" and t(lang, "tracker.field.organisation") in now["name"])
    page.keyboard.type(organisation)
    tab_until(page, named(t(lang, "tracker.add.submit")))
    page.keyboard.press("Enter")
    page.get_by_text(t(lang, "tracker.add.added_no_file")).first.wait_for()
    wait_for_app(page)
    assert_focus_kept(page)
    # on to the next activity's organisation (the date is today; focused, it would open its calendar over the form)
    now = focused(page)
    assert now is not None and t(lang, "tracker.field.organisation") in now["name"], now
    assert page.locator("[data-baseweb='calendar']").count() == 0
    store = Store(app_server.data_dir / "spoor2.sqlite3")
    assert [a.organisation for a in tracker_repo.list_activities(store)].count(organisation) == 1


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_orientation_screen_with_the_keyboard_only(page, app_server, lang):  # noqa: F811
    page.goto(f"{app_server.url}/orientation?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name=t(lang, "nav.orientation")).first.wait_for()
    groups = page.locator("[data-testid='stMain'] [role='radiogroup']")
    groups.nth(1).wait_for()
    questions = groups.count() - 1  # the first group chooses the questionnaire
    assert questions >= 1
    for index in range(1, questions + 1):
        tab_until(page, lambda now, index=index: now["role"] == "radio" and now["group"] == index)
        page.keyboard.press("Space")  # choose the focused answer
        wait_for_app(page)
        assert_focus_kept(page)
    assert page.locator("[data-testid='stMain'] [role='radiogroup'] input:checked").count() >= questions
    tab_until(page, named(t(lang, "orientation.button.next")))
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.wait_for_timeout(500)
    assert_focus_kept(page)
