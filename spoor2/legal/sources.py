"""Legal sources as data: every date, deadline and right shown to a user points to one.

A :class:`Source` is a model, not a URL string: the law (or UWV page), the article down to
the paragraph, the URL and, where it matters, a short quote. The lists live in
``content/legal/sources*.yaml``; primary sources (wetten.overheid.nl, uwv.nl) come first.

>>> get_source("wia_64_3").article
'art. 64 lid 3'
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import HttpUrl

from spoor2.content_yaml import safe_load
from spoor2.errors import NoRuleApplies
from spoor2.model import Model, load_strict
from spoor2.paths import LEGAL_DIR

SourceKind = Literal["statute", "regulation", "policy", "uwv", "case_law", "secondary"]


class Source(Model):
    id: str
    kind: SourceKind
    law: str
    article: str = ""
    url: HttpUrl
    quote: str = ""

    @property
    def title(self) -> str:
        """``Wet WIA, art. 64 lid 3`` — what a user sees as the citation."""
        return f"{self.law}, {self.article}" if self.article else self.law

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "url": str(self.url), "quote": self.quote}


@cache
def all_sources() -> dict[str, Source]:
    """All sources from ``content/legal/sources*.yaml`` (one file per area; ids are unique across files)."""
    raw: list[dict[str, object]] = []
    for path in sorted(LEGAL_DIR.glob("sources*.yaml")):
        raw.extend(safe_load(path.read_text(encoding="utf-8")) or [])
    out: dict[str, Source] = {}
    for entry in raw:
        source = load_strict(Source, entry)
        if source.id in out:
            raise ValueError(f"duplicate source id {source.id!r} in sources.yaml")
        out[source.id] = source
    return out


def get_source(source_id: str) -> Source:
    try:
        return all_sources()[source_id]
    except KeyError:
        raise NoRuleApplies("unknown_source", source=source_id) from None
