"""The /journal page with AppTest, in both languages."""

from __future__ import annotations

import pytest

from spoor2.i18n import t
from tests.support.apptest import assert_no_exception, open_page, page_text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_page_opens_with_its_introduction(lang):
    at = open_page("journal.py", lang=lang)
    assert_no_exception(at)
    assert t(lang, "journal.intro") in page_text(at)
