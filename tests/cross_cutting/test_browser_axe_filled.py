"""WCAG 2.1 AA with axe-core on every page, in both languages, with a store that holds something on every
page (tables, charts, cards, folded entries) and expanders open: no serious or critical violation (the empty
pages and the bare app: ``test_browser_axe.py``; the exemptions: ``docs/accessibility.md``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.axe import every_page_problems, serve
from tests.support.browser import AppServer, browser, require_chromium  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[AppServer]:  # type: ignore[no-untyped-def]
    require_chromium()
    instance = serve(tmp_path_factory.mktemp("axe-filled"), filled=True)
    yield instance
    instance.stop()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_filled_page_has_no_serious_violation(browser, server, lang):  # noqa: F811
    assert every_page_problems(browser, server.url, lang) == {}
