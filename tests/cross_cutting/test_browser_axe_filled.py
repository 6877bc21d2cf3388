"""WCAG 2.1 AA with axe-core on every page, in both languages, with a store that holds something on every
page (tables, charts, cards, folded entries) and expanders open: no serious or critical violation (the empty
pages and the bare app: ``test_browser_axe.py``; the exemptions: ``docs/accessibility.md``)."""

from __future__ import annotations

import pytest

from tests.support.axe import every_page_problems, server_fixture
from tests.support.browser import browser  # noqa: F401

pytestmark = pytest.mark.browser


server = server_fixture(filled=True)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_filled_page_has_no_serious_violation(browser, server, lang):  # noqa: F811
    assert every_page_problems(browser, server.url, lang) == {}
