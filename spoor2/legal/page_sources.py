"""What a page cites for itself, as data: ``content/legal/page_sources.yaml``.

A page may decide *what to show*, never *what the law says*; so which articles back a page's
introduction (why keep an activity log, which privacy rights /my-data mirrors) is chosen here,
once for both languages, and the page only shows the links.

>>> page_sources("tracker", "why_keep_a_log")
('procesgang_6', 'beleidsregels_8_9', 'wia_25_9')
"""

from __future__ import annotations

from functools import cache

from spoor2.content_yaml import safe_load
from spoor2.legal.sources import get_source
from spoor2.model import Model, load_strict
from spoor2.paths import LEGAL_DIR

PAGE_SOURCES_FILE = LEGAL_DIR / "page_sources.yaml"


class PageSources(Model):
    page: str
    about: str
    sources: tuple[str, ...]


@cache
def all_page_sources() -> tuple[PageSources, ...]:
    """Every entry, checked: each id is a known source and no (page, subject) appears twice."""
    raw = safe_load(PAGE_SOURCES_FILE.read_text(encoding="utf-8")) or []
    entries = tuple(load_strict(PageSources, entry) for entry in raw)
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        if (entry.page, entry.about) in seen:
            raise ValueError(f"{entry.page}/{entry.about} appears twice in {PAGE_SOURCES_FILE.name}")
        seen.add((entry.page, entry.about))
        if not entry.sources:
            raise ValueError(f"{entry.page}/{entry.about} in {PAGE_SOURCES_FILE.name} cites nothing")
        for source_id in entry.sources:
            get_source(source_id)  # raises NoRuleApplies for an unknown id
    return entries


def page_sources(page: str, about: str) -> tuple[str, ...]:
    """The source ids a page cites about a subject; a missing entry fails loudly (LookupError)."""
    for entry in all_page_sources():
        if (entry.page, entry.about) == (page, about):
            return entry.sources
    raise LookupError(f"no {page}/{about} in {PAGE_SOURCES_FILE.name}")
