"""What a page cites for itself is data (``content/legal/page_sources.yaml``), the same in both languages."""

from __future__ import annotations

import pytest

from spoor2.i18n import t
from spoor2.legal.page_sources import all_page_sources, page_sources
from spoor2.legal.sources import get_source
from tests.support.apptest import open_page, page_text


def test_every_entry_cites_known_sources_once():
    entries = all_page_sources()
    assert len({(e.page, e.about) for e in entries}) == len(entries)
    assert all(e.sources and all(get_source(sid) for sid in e.sources) for e in entries)


def test_a_missing_entry_fails_loudly():
    with pytest.raises(LookupError):
        page_sources("tracker", "no_such_subject")


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("script", "page", "about"), [("tracker.py", "tracker", "why_keep_a_log"),
                                                       ("my-data.py", "my_data", "privacy_rights")])  # fmt: skip
def test_the_page_links_the_same_sources_in_both_languages(lang, script, page, about):
    text = page_text(open_page(script, lang=lang))
    for source_id in page_sources(page, about):
        source = get_source(source_id)
        assert f"[{source.title}]({source.url})" in text
    assert t(lang, "common.not_legal_advice") in text
