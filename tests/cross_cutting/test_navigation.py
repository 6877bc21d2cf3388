"""The sidebar's navigation: every page, in the session's language, on every run.

The links are drawn once per language and process and replayed after that (ui/frame.py: _draw_navigation), so
these tests compare a run that draws them with runs that replay them, and follow a language switch.
"""

from __future__ import annotations

import pytest

from spoor2.i18n import LANGS, t
from tests.support.apptest import open_page
from ui.frame import PAGES, _draw_navigation


def links(at) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """``(label, page id)`` of each link in the sidebar, in order."""
    return [(link.proto.label, link.proto.page_script_hash) for link in at.sidebar.get("page_link")]


def labels(lang: str) -> list[str]:
    return [t(lang, f"nav.{spec.key}") for spec in PAGES]


@pytest.mark.parametrize("lang", LANGS)
def test_a_replayed_navigation_is_the_one_drawn(lang):
    _draw_navigation.clear()
    at = open_page(lang=lang)
    drawn = links(at)
    assert [label for label, _ in drawn] == labels(lang)
    assert all(drawn_id for _, drawn_id in drawn) and len({drawn_id for _, drawn_id in drawn}) == len(PAGES)
    for _ in range(2):
        at.run()
        assert links(at) == drawn
    elsewhere = open_page("tracker.py", lang=lang)  # another page, another session: the same links
    assert links(elsewhere) == drawn


def test_the_links_follow_a_language_switch_and_come_back():
    at = open_page(lang="en")
    english = links(at)
    at.radio(key="lang_choice").set_value("nl").run()
    dutch = links(at)
    assert [label for label, _ in dutch] == labels("nl")
    assert [page for _, page in dutch] == [page for _, page in english]
    at.run()
    assert links(at) == dutch
    at.radio(key="lang_choice").set_value("en").run()
    assert links(at) == english


def test_every_page_shows_the_same_links():
    """Which page each link opens is followed in a browser (test_browser_frame.py clicks them)."""
    at = open_page(lang="nl")
    drawn = links(at)
    for spec in PAGES:
        at.switch_page(spec.path).run()
        assert not at.exception
        heading = t("nl", "common.app_name") if spec.key == "home" else t("nl", f"nav.{spec.key}")
        assert at.title[0].value == heading
        assert links(at) == drawn
