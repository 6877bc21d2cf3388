"""Know your rights: topics and glossary as content, ordered for a person's situation.

A topic is one Markdown file per language, ``content/<lang>/rights/<slug>.md``, with front
matter between ``---`` lines (title, summary, weeks, milestones, sources, last_checked,
related, glossary) and ``##`` sections. The same slug exists in both languages, with the same
sections, sources and glossary terms (a test checks the parity). The glossary is
``content/<lang>/glossary.yaml``: a list of ``{id, dutch, english, explanation}``.

Ordering is a pure function of a :class:`Situation` (sick week, has spoor 2 started, is there
a disagreement); nothing here reads today's date.

>>> topics = load_topics("en")
>>> order_topics(topics, Situation(sick_week=None, spoor2="unsure", disagreement="yes"))[0].slug
'deskundigenoordeel'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Literal

from pydantic import Field, ValidationError

from spoor2.content_yaml import safe_load
from spoor2.errors import InvalidInput
from spoor2.i18n import Lang, normalise_lang
from spoor2.model import IsoDate, Model, load_strict
from spoor2.paths import CONTENT_DIR

#: The reading order when nothing is known about the situation (also the tie-breaker).
DEFAULT_ORDER: tuple[str, ...] = (
    "process-steps",
    "spoor-2-start",
    "spoor-2-content",
    "suitable-work",
    "duties-and-sanctions",
    "deskundigenoordeel",
    "second-opinion",
    "reintegration-agency",
    "privacy",
    "file-access",
    "wage-and-wage-sanction",
    "dismissal-protection",
    "settlement-agreement",
    "wia-application",
    "after-104-weeks",
    "contract-ends",
    "pregnancy",
    "early-iva-and-extension",
    "expats",
    # issue 13: the topics a spoor 2 employee also needs
    "own-proposals",
    "reintegration-costs",
    "deskundigenoordeel-practice",
    "medical-file",
    "company-doctor-complaint",
    "wia-decision",
    "wia-objection",
    "settlement-cooling-off",
    "transition-payment",
    "planned-law-changes",
    "where-to-get-help",
)

#: Highest sick week a person can enter: 104 weeks plus a wage sanction of up to 52 weeks.
MAX_SICK_WEEK = 156
MAX_QUERY_CHARS = 200
#: How many topics the guided start shows as "for your situation".
SITUATION_TOP = 6

# --- scoring for a situation (weights; higher = earlier) -------------------------------------------
#: The sick week falls inside the topic's weeks and the topic is specific (a window of ≤ 60 weeks).
IN_NARROW_WINDOW = 3
#: The sick week falls inside a topic that applies (almost) all the time.
IN_WIDE_WINDOW = 1
NARROW_WINDOW_WEEKS = 60
#: The topic's weeks start within the next 13 weeks: prepare now.
UPCOMING = 2
UPCOMING_WEEKS = 13
#: The topic's weeks are over.
PAST = -3

#: Spoor 2 has not started: when it must start (sources disagree), suitable work, the agency.
SPOOR2_NOT_STARTED: dict[str, int] = {
    "spoor-2-start": 4,
    "suitable-work": 2,
    "reintegration-agency": 1,
}
#: Spoor 2 runs: what it must contain, the agency, suitable work, your duties.
SPOOR2_STARTED: dict[str, int] = {
    "spoor-2-content": 4,
    "reintegration-agency": 3,
    "suitable-work": 2,
    "duties-and-sanctions": 1,
}
#: Not sure whether spoor 2 started: explain the tracks and the steps first.
SPOOR2_UNSURE: dict[str, int] = {
    "spoor-2-start": 3,
    "process-steps": 2,
    "spoor-2-content": 1,
}
#: A disagreement with the employer, the company doctor or the agency: the tools to resolve it.
DISAGREEMENT: dict[str, int] = {
    "deskundigenoordeel": 6,
    "second-opinion": 4,
    "where-to-get-help": 4,
    "duties-and-sanctions": 3,
    "file-access": 2,
    "settlement-agreement": 1,
}

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Section(Model):
    heading: str
    text: str


class Topic(Model):
    slug: str
    lang: Lang
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    week_from: int = Field(ge=1)
    week_to: int = Field(ge=1)
    milestones: tuple[str, ...]
    sources: tuple[str, ...]
    last_checked: IsoDate
    related: tuple[str, ...]
    glossary: tuple[str, ...]
    #: the Markdown body (everything after the front matter)
    body: str
    sections: tuple[Section, ...]

    def applies_in(self, week: int) -> bool:
        return self.week_from <= week <= self.week_to


class GlossaryEntry(Model):
    id: str
    dutch: str = Field(min_length=1)
    english: str = Field(min_length=1)
    explanation: str = Field(min_length=1)


class Situation(Model):
    """The answers of the guided start. ``sick_week`` None = unknown."""

    sick_week: int | None = None
    spoor2: Literal["yes", "no", "unsure"] = "unsure"
    disagreement: Literal["yes", "no"] = "no"


# --- loading ----------------------------------------------------------------------------------------


def split_sections(body: str) -> tuple[Section, ...]:
    """The ``## `` sections of a body; text before the first heading is not allowed.

    >>> [s.heading for s in split_sections("## A\\nx\\n\\n## B\\ny\\n")]
    ['A', 'B']
    """
    sections: list[Section] = []
    heading: str | None = None
    lines: list[str] = []
    for line in body.splitlines():
        if line.startswith("## "):
            if heading is not None:
                sections.append(Section(heading=heading, text="\n".join(lines).strip()))
            heading, lines = line[3:].strip(), []
        elif heading is None:
            if line.strip():
                raise ValueError("text before the first ## heading")
        else:
            lines.append(line)
    if heading is not None:
        sections.append(Section(heading=heading, text="\n".join(lines).strip()))
    return tuple(sections)


def parse_topic(text: str, slug: str, lang: str) -> Topic:
    """One topic file. A malformed file is a content bug: raise ``ValueError`` naming the file."""
    match = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if match is None:
        raise ValueError(f"{lang}/rights/{slug}.md: no front matter between --- lines")
    meta = safe_load(match.group(1)) or {}
    body = match.group(2).strip() + "\n"
    weeks = meta.get("weeks")
    if not (isinstance(weeks, list) and len(weeks) == 2):
        raise ValueError(f"{lang}/rights/{slug}.md: weeks must be [from, to]")
    expected = {"title", "summary", "weeks", "milestones", "sources", "last_checked", "related", "glossary"}
    if set(meta) != expected:
        raise ValueError(f"{lang}/rights/{slug}.md: front matter keys {sorted(set(meta) ^ expected)}")
    # an empty list in the front matter (``related:``) reads as None
    fields = {
        "slug": slug,
        "lang": normalise_lang(lang),
        "title": meta["title"],
        "summary": meta["summary"],
        "week_from": weeks[0],
        "week_to": weeks[1],
        "milestones": meta["milestones"] or [],
        "sources": meta["sources"] or [],
        "last_checked": meta["last_checked"],
        "related": meta["related"] or [],
        "glossary": meta["glossary"] or [],
        "body": body,
        "sections": [section.model_dump() for section in split_sections(body)],
    }
    try:
        topic = load_strict(Topic, fields)
    except ValidationError as error:
        raise ValueError(f"{lang}/rights/{slug}.md: {error}") from error
    if topic.week_from > topic.week_to:
        raise ValueError(f"{lang}/rights/{slug}.md: weeks from > to")
    return topic


def _order_key(slug: str) -> tuple[int, str]:
    return (DEFAULT_ORDER.index(slug) if slug in DEFAULT_ORDER else len(DEFAULT_ORDER), slug)


@cache
def load_topics(lang: str) -> tuple[Topic, ...]:
    """All topics of a language, in :data:`DEFAULT_ORDER` (unknown slugs last, alphabetically)."""
    code = normalise_lang(lang)
    folder = CONTENT_DIR / code / "rights"
    topics = [
        parse_topic(path.read_text(encoding="utf-8"), path.stem, code)
        for path in folder.glob("*.md")
        if _SLUG.match(path.stem)
    ]
    return tuple(sorted(topics, key=lambda topic: _order_key(topic.slug)))


def get_topic(lang: str, slug: object) -> Topic:
    """The topic ``slug`` (e.g. from ``?topic=``); an unknown slug is a user error, not a crash."""
    wanted = str(slug or "").strip().lower()
    for topic in load_topics(lang):
        if topic.slug == wanted:
            return topic
    raise InvalidInput("rights.error.unknown_topic", topic=wanted[:60])


@cache
def load_glossary(lang: str) -> tuple[GlossaryEntry, ...]:
    """The glossary of a language, sorted by Dutch term."""
    path = CONTENT_DIR / normalise_lang(lang) / "glossary.yaml"
    raw = safe_load(path.read_text(encoding="utf-8")) or []
    entries = [load_strict(GlossaryEntry, item) for item in raw]
    ids = [entry.id for entry in entries]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: duplicate glossary ids")
    return tuple(sorted(entries, key=lambda entry: fold(entry.dutch)))


def glossary_entries(lang: str, ids: Iterable[str]) -> tuple[GlossaryEntry, ...]:
    """The entries for ``ids``, in the given order (unknown ids are skipped; a test forbids them)."""
    by_id = {entry.id: entry for entry in load_glossary(lang)}
    return tuple(by_id[term] for term in ids if term in by_id)


# --- ordering for a situation -----------------------------------------------------------------------


def check_situation(situation: Situation) -> None:
    week = situation.sick_week
    if week is not None and not 0 <= week <= MAX_SICK_WEEK:
        raise InvalidInput("rights.error.week_range", maximum=MAX_SICK_WEEK)


def topic_score(topic: Topic, situation: Situation) -> int:
    """How relevant a topic is now; see the weights above."""
    score = 0
    week = situation.sick_week
    if week is not None and week > 0:
        if topic.applies_in(week):
            narrow = topic.week_to - topic.week_from <= NARROW_WINDOW_WEEKS
            score += IN_NARROW_WINDOW if narrow else IN_WIDE_WINDOW
        elif 0 < topic.week_from - week <= UPCOMING_WEEKS:
            score += UPCOMING
        elif topic.week_to < week:
            score += PAST
    boosts = {"yes": SPOOR2_STARTED, "no": SPOOR2_NOT_STARTED, "unsure": SPOOR2_UNSURE}[situation.spoor2]
    score += boosts.get(topic.slug, 0)
    if situation.disagreement == "yes":
        score += DISAGREEMENT.get(topic.slug, 0)
    return score


def order_topics(topics: Iterable[Topic], situation: Situation) -> tuple[Topic, ...]:
    """All topics, most relevant first; ties keep the default reading order."""
    check_situation(situation)
    return tuple(sorted(topics, key=lambda topic: (-topic_score(topic, situation), _order_key(topic.slug))))


def topics_for_situation(
    topics: Iterable[Topic], situation: Situation, limit: int = SITUATION_TOP
) -> tuple[Topic, ...]:
    return order_topics(topics, situation)[:limit]


# --- search -----------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, no accents, no hyphens inside words: "reintegratie" finds "re-integratie" and "reïntegratie".

    >>> fold("Reïntegratie-Verslag (RIV)")
    'reintegratieverslag riv'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = re.sub(r"(?<=\w)-(?=\w)", "", plain)
    return re.sub(r"[^0-9a-z€]+", " ", plain).strip()


def search_topics(topics: Iterable[Topic], query: str, lang: str | None = None) -> tuple[Topic, ...]:
    """Topics that contain every word of ``query`` (title, summary, text or glossary terms).

    Title hits rank first, then summary hits; ties keep the default order. An empty query finds
    nothing. The words "re-integratie" and "reintegratie" match each other.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidInput("rights.error.query_too_long", maximum=MAX_QUERY_CHARS)
    words = fold(query).split()
    if not words:
        return ()
    scored: list[tuple[int, Topic]] = []
    for topic in topics:
        terms = glossary_entries(lang or topic.lang, topic.glossary)
        title, summary = fold(topic.title), fold(topic.summary)
        glossary_text = " ".join(fold(f"{entry.dutch} {entry.english}") for entry in terms)
        everything = " ".join((title, summary, fold(topic.body), glossary_text))
        squashed = everything.replace(" ", "")
        if not all(word in everything or word in squashed for word in words):
            continue
        score = sum(3 for word in words if word in title) + sum(2 for word in words if word in summary)
        scored.append((score, topic))
    scored.sort(key=lambda item: (-item[0], _order_key(item[1].slug)))
    return tuple(topic for _, topic in scored)
