"""Know your rights: content parity, sources, internal links, ordering and search (pure, no Streamlit)."""

from __future__ import annotations

import re as _re
from collections import Counter
from datetime import date
from urllib.parse import urlparse

import pytest

from spoor2.errors import InvalidInput
from spoor2.i18n import LANGS
from spoor2.legal.sources import all_sources
from spoor2.paths import CONTENT_DIR
from spoor2.questions.bank import LETTER_SOURCES, LETTERS, question_bank, question_texts
from spoor2.rights.topics import (
    DEFAULT_ORDER,
    MAX_QUERY_CHARS,
    MAX_SICK_WEEK,
    SITUATION_TOP,
    Situation,
    get_topic,
    load_glossary,
    load_topics,
    order_topics,
    parse_topic,
    search_topics,
    split_sections,
    topic_score,
    topics_for_situation,
)
from spoor2.timeline.rules import ALL_MILESTONES

PRIMARY_HOSTS = (
    "wetten.overheid.nl",
    "uwv.nl",
    "rijksoverheid.nl",
    "autoriteitpersoonsgegevens.nl",
    "juridischloket.nl",
    "zoek.officielebekendmakingen.nl",
)
#: The issue's list of topics, as slugs.
REQUIRED_SLUGS = set(DEFAULT_ORDER)


def _topics(lang):
    return {topic.slug: topic for topic in load_topics(lang)}


def _slugs(lang):
    return [topic.slug for topic in load_topics(lang)]


# --- content parity ---------------------------------------------------------------------------------


def test_same_slugs_in_both_languages_and_every_required_topic_exists():
    assert set(_slugs("en")) == set(_slugs("nl")) == REQUIRED_SLUGS
    assert len(_slugs("en")) == len(DEFAULT_ORDER)


@pytest.mark.parametrize("slug", DEFAULT_ORDER)
def test_same_sections_sources_glossary_and_metadata_in_both_languages(slug):
    en, nl = _topics("en")[slug], _topics("nl")[slug]
    assert len(en.sections) == len(nl.sections) >= 3
    for field in ("week_from", "week_to", "milestones", "sources", "last_checked", "related", "glossary"):
        assert getattr(en, field) == getattr(nl, field), field
    assert en.title != nl.title  # the Dutch file is really Dutch


@pytest.mark.parametrize("lang", LANGS)
def test_no_empty_sections_and_topics_stay_focused(lang):
    for topic in load_topics(lang):
        assert topic.title.strip() and topic.summary.strip()
        for section in topic.sections:
            assert section.heading.strip(), topic.slug
            assert len(section.text.split()) >= 10, (topic.slug, section.heading)
        words = len(topic.body.split())
        assert 150 <= words <= 480, (topic.slug, words)
        assert "<" not in topic.body, f"{topic.slug}: no raw HTML in topic Markdown"


def test_glossary_parity_same_ids_and_terms():
    en = {entry.id: entry for entry in load_glossary("en")}
    nl = {entry.id: entry for entry in load_glossary("nl")}
    assert en.keys() == nl.keys()
    for term, entry in en.items():
        assert entry.dutch == nl[term].dutch, term
        assert entry.english == nl[term].english, term
        assert entry.explanation != nl[term].explanation, f"{term}: explanation must be written in each language"


# --- sources --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_has_valid_sources_primary_first(lang):
    sources = all_sources()
    for topic in load_topics(lang):
        assert topic.sources, topic.slug
        assert len(set(topic.sources)) == len(topic.sources), topic.slug
        for source_id in topic.sources:
            assert source_id in sources, (topic.slug, source_id)
            url = urlparse(str(sources[source_id].url))
            assert url.scheme == "https" and url.netloc, (topic.slug, source_id)
        first_host = urlparse(str(sources[topic.sources[0]].url)).netloc
        assert first_host.endswith(PRIMARY_HOSTS), (topic.slug, first_host)


def test_every_rights_source_is_https():
    import yaml

    from spoor2.paths import LEGAL_DIR

    raw = yaml.safe_load((LEGAL_DIR / "sources_rights.yaml").read_text(encoding="utf-8"))
    ids = [entry["id"] for entry in raw]
    assert len(ids) == len(set(ids))
    for entry in raw:
        assert urlparse(entry["url"]).scheme == "https", entry["id"]
        assert entry["id"] in all_sources()


# --- internal links ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_internal_links_resolve(lang):
    topics = _topics(lang)
    glossary_ids = {entry.id for entry in load_glossary(lang)}
    for topic in topics.values():
        assert topic.related, topic.slug
        for slug in topic.related:
            assert slug in topics and slug != topic.slug, (topic.slug, slug)
        for term in topic.glossary:
            assert term in glossary_ids, (topic.slug, term)
        for milestone in topic.milestones:
            assert milestone in ALL_MILESTONES, (topic.slug, milestone)
        assert topic.last_checked <= date(2026, 12, 2)


@pytest.mark.parametrize("lang", LANGS)
def test_topic_deep_links_resolve(lang):
    for slug in DEFAULT_ORDER:
        assert get_topic(lang, slug).slug == slug
    assert get_topic(lang, " Privacy ").slug == "privacy"


def test_unknown_topic_is_a_clear_error_in_both_languages():
    with pytest.raises(InvalidInput) as caught:
        get_topic("nl", "does-not-exist")
    assert caught.value.code == "rights.error.unknown_topic"
    assert "does-not-exist" in caught.value.message("nl")
    assert "onderwerp" in caught.value.message("nl")


# --- honesty: disputed and unverified points are said plainly --------------------------------------

HONESTY = {
    # slug: (English phrase, Dutch phrase)
    "deskundigenoordeel": ("could not verify the amount for 2026", "bedrag voor 2026 konden we niet controleren"),
    "after-104-weeks": (
        "could not verify whether the bill became law",
        "konden we niet controleren of het voorstel wet is geworden",
    ),
    "dismissal-protection": ("no source that settles this", "geen bron die dit beslist"),
    "spoor-2-start": ("sources disagree", "bronnen zijn het oneens"),
    # Ziektewet art. 38 lid 2 settles the 6-versus-10-weeks question (review A11): say so plainly.
    "contract-ends": ("the law settles this", "de wet beslist dit"),
    "second-opinion": ("only parts of the article text", "alleen delen van de tekst van het artikel"),
    "transition-payment": ("could not verify the maximum for 2026", "maximum voor 2026 konden we niet controleren"),
    "planned-law-changes": ("planned, not in force", "gepland, niet van kracht"),
}


@pytest.mark.parametrize("slug", sorted(HONESTY))
def test_unverified_and_disputed_points_are_marked(slug):
    en_phrase, nl_phrase = HONESTY[slug]
    assert en_phrase.lower() in get_topic("en", slug).body.lower()
    assert nl_phrase.lower() in get_topic("nl", slug).body.lower()


def test_spoor2_start_shows_every_version():
    body = get_topic("en", "spoor-2-start").body
    for version in ("first-year evaluation", "6 weeks after", "week 8", "three months"):
        assert version in body


# --- parsing ----------------------------------------------------------------------------------------

GOOD = """---
title: T
summary: S
weeks: [1, 10]
milestones: []
sources: [wia_23_1]
last_checked: 2026-11-22
related: []
glossary: []
---
## A
text
"""


def test_parse_topic_reads_front_matter_and_sections():
    topic = parse_topic(GOOD, "x", "en")
    assert (topic.week_from, topic.week_to, topic.sources) == (1, 10, ("wia_23_1",))
    assert topic.last_checked == date(2026, 11, 22)
    assert [section.heading for section in topic.sections] == ["A"]


@pytest.mark.parametrize(
    "text",
    [
        "## no front matter\n",
        GOOD.replace("weeks: [1, 10]", "weeks: 5"),
        GOOD.replace("weeks: [1, 10]", "weeks: [10, 1]"),
        GOOD.replace("glossary: []\n", ""),
        GOOD.replace("## A", "intro before heading\n## A"),
    ],
)
def test_parse_topic_rejects_malformed_content(text):
    with pytest.raises(ValueError):
        parse_topic(text, "x", "en")


def test_split_sections_keeps_text_under_its_heading():
    sections = split_sections("## One\na\nb\n## Two\nc\n")
    assert [(s.heading, s.text) for s in sections] == [("One", "a\nb"), ("Two", "c")]


# --- ordering for a situation -----------------------------------------------------------------------


def _order(lang="en", **situation):
    return [topic.slug for topic in order_topics(load_topics(lang), Situation(**situation))]


def test_order_is_a_permutation_of_all_topics():
    assert sorted(_order(sick_week=50, spoor2="no", disagreement="yes")) == sorted(DEFAULT_ORDER)


def test_unknown_situation_starts_with_the_tracks_and_the_steps():
    assert _order()[:3] == ["spoor-2-start", "process-steps", "spoor-2-content"]


def test_disagreement_puts_the_expert_opinion_and_second_opinion_first():
    order = _order(spoor2="unsure", disagreement="yes")
    assert order[0] == "deskundigenoordeel"
    assert order.index("second-opinion") < order.index("privacy")
    assert "where-to-get-help" in order[:SITUATION_TOP]


def test_week_50_without_spoor2_puts_the_start_of_spoor2_first():
    order = _order(sick_week=50, spoor2="no")
    assert order[0] == "spoor-2-start"
    assert order.index("suitable-work") < order.index("wia-application")


def test_spoor2_running_puts_its_content_and_the_agency_first():
    order = _order(sick_week=60, spoor2="yes")
    assert order[:2] == ["spoor-2-content", "reintegration-agency"]


def test_week_85_brings_the_wia_application_forward():
    top = _order(sick_week=85, spoor2="yes")[:SITUATION_TOP]
    assert "wia-application" in top
    assert "spoor-2-start" not in top  # weeks 26–60 are over


def test_week_110_after_the_104_weeks():
    order = _order(sick_week=110, spoor2="yes")
    assert order.index("after-104-weeks") < order.index("wia-application")
    assert order.index("after-104-weeks") < SITUATION_TOP


def test_upcoming_topic_scores_before_it_applies_and_past_topic_scores_lower():
    wia = get_topic("en", "wia-application")  # weeks 80–104
    base = {"spoor2": "yes", "disagreement": "no"}
    assert topic_score(wia, Situation(sick_week=70, **base)) > topic_score(wia, Situation(sick_week=40, **base))
    assert topic_score(wia, Situation(sick_week=90, **base)) > topic_score(wia, Situation(sick_week=70, **base))
    assert topic_score(wia, Situation(sick_week=120, **base)) < 0


def test_ties_keep_the_default_reading_order():
    situation = Situation(sick_week=None, spoor2="unsure", disagreement="no")
    tail = [t.slug for t in order_topics(load_topics("en"), situation) if topic_score(t, situation) == 0]
    assert tail == [slug for slug in DEFAULT_ORDER if slug in tail]


def test_same_order_in_both_languages():
    for situation in ({"sick_week": 30, "spoor2": "no"}, {"sick_week": 95, "spoor2": "yes", "disagreement": "yes"}):
        assert _order("en", **situation) == _order("nl", **situation)


@pytest.mark.parametrize("week", [-1, MAX_SICK_WEEK + 1])
def test_week_out_of_range_is_refused(week):
    with pytest.raises(InvalidInput) as caught:
        topics_for_situation(load_topics("en"), Situation(sick_week=week))
    assert caught.value.code == "rights.error.week_range"
    assert str(MAX_SICK_WEEK) in caught.value.message("nl")


def test_situation_is_strict():
    with pytest.raises(ValueError):
        Situation(spoor2="maybe")  # type: ignore[arg-type]


# --- search -----------------------------------------------------------------------------------------


def _search(query, lang="en"):
    return [topic.slug for topic in search_topics(load_topics(lang), query, lang)]


def test_search_finds_the_topic_with_the_term_in_its_title_first():
    assert _search("deskundigenoordeel")[0] == "deskundigenoordeel"
    assert _search("deskundigenoordeel", "nl")[0] == "deskundigenoordeel"
    assert _search("vaststellingsovereenkomst")[0] == "settlement-agreement"
    assert _search("privacy", "nl")[0] == "privacy"


def test_search_works_in_the_chosen_language_only():
    assert "settlement-agreement" in _search("settlement agreement")
    assert _search("mutual agreement", "en")
    assert _search("mutual agreement", "nl") == []
    assert _search("wederzijds goedvinden", "nl")
    assert _search("wederzijds goedvinden", "en") == []


def test_search_needs_every_word_and_ignores_case_accents_and_hyphens():
    assert set(_search("loonsanctie WIA")) <= set(_search("loonsanctie"))
    assert _search("REINTEGRATIEVERSLAG", "nl") == _search("re-integratieverslag", "nl") != []
    assert _search("reïntegratie", "nl") == _search("reintegratie", "nl")


def test_search_matches_glossary_terms_of_a_topic():
    assert "wage-and-wage-sanction" in _search("maximum daily wage")


def test_empty_search_finds_nothing_and_long_search_is_refused():
    assert _search("   ") == []
    with pytest.raises(InvalidInput) as caught:
        search_topics(load_topics("en"), "x" * (MAX_QUERY_CHARS + 1))
    assert caught.value.code == "rights.error.query_too_long"


# --- every text cites a known source; English and Dutch say the same numbers, dates and sources (issue 13) --


EN_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
NL_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTHS = {
    name: str(number)
    for names in (
        EN_MONTHS,
        NL_MONTHS,
    )
    for number, name in enumerate(names, start=1)
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
#: A month name counts only in a date ("1 July", "December 2025"): English "may" is also a verb.
_DATE_MONTH = _re.compile(rf"(?<=\d )({_MONTH_NAMES})\b|\b({_MONTH_NAMES})(?= \d{{4}})", _re.I)
_NUMBER = _re.compile(r"\d+")
#: Where the two languages genuinely write a number differently. Each entry: (where, English-only
#: numbers, Dutch-only numbers, why). Keep it short; a new entry needs a reason a reviewer accepts.
NUMBER_EXCEPTIONS: dict[str, tuple[Counter[str], Counter[str], str]] = {}


def numbers_and_dates(text: str) -> Counter[str]:
    """The digit runs of a text and its month names as numbers, as a multiset.

    Thousands and decimal separators split a number in the same way in both languages ("2,000" and
    "2.000" both give 2 and 000; "€0.25" and "€0,25" both give 0 and 25), so they compare equal.

    >>> sorted(numbers_and_dates("By 1 July 2017, 70% of €2,000; you may ask").elements())
    ['000', '1', '2', '2017', '7', '70']
    >>> numbers_and_dates("1 juli 2017") == numbers_and_dates("1 July 2017")
    True
    """
    months = [_MONTHS[(day or year).lower()] for day, year in _DATE_MONTH.findall(text)]
    return Counter(_NUMBER.findall(text) + months)


def _assert_same_numbers(where: str, english: str, dutch: str) -> None:
    en, nl = numbers_and_dates(english), numbers_and_dates(dutch)
    only_en, only_nl = en - nl, nl - en
    allowed_en, allowed_nl, _why = NUMBER_EXCEPTIONS.get(where, (Counter(), Counter(), ""))
    assert only_en == allowed_en and only_nl == allowed_nl, (
        f"{where}: numbers/dates differ — only in English {dict(only_en)}, only in Dutch {dict(only_nl)}"
    )


def test_number_extraction_catches_a_changed_number_a_changed_month_and_a_missing_date():
    _assert_same_numbers("same", "within 14 days (BW 7:670b lid 2)", "binnen 14 dagen (BW 7:670b lid 2)")
    for english, dutch in (
        ("within 14 days", "binnen 15 dagen"),
        ("on 1 July 2017", "op 1 juni 2017"),
        ("6 weeks (Awb art. 6:7)", "6 weken"),
    ):
        with pytest.raises(AssertionError):
            _assert_same_numbers("probe", english, dutch)


@pytest.mark.parametrize("slug", DEFAULT_ORDER)
def test_a_topic_says_the_same_numbers_and_dates_in_both_languages(slug):
    en, nl = _topics("en")[slug], _topics("nl")[slug]
    _assert_same_numbers(
        f"rights/{slug}", f"{en.title}\n{en.summary}\n{en.body}", f"{nl.title}\n{nl.summary}\n{nl.body}"
    )


def test_every_question_cites_known_sources_and_says_the_same_numbers_in_both_languages():
    sources = all_sources()
    en, nl = question_texts("en"), question_texts("nl")
    for question in question_bank():
        assert question.sources, question.id
        for source_id in question.sources:
            assert source_id in sources, (question.id, source_id)
        for field in ("text", "why"):
            _assert_same_numbers(
                f"questions/{question.id}.{field}", getattr(en[question.id], field), getattr(nl[question.id], field)
            )


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_cites_known_sources_and_says_the_same_numbers_in_both_languages(letter):
    sources = all_sources()
    assert LETTER_SOURCES.get(letter), letter
    for source_id in LETTER_SOURCES[letter]:
        assert source_id in sources, (letter, source_id)
    english = (CONTENT_DIR / "en" / "letters" / f"{letter}.md").read_text(encoding="utf-8")
    dutch = (CONTENT_DIR / "nl" / "letters" / f"{letter}.md").read_text(encoding="utf-8")
    _assert_same_numbers(f"letters/{letter}", english, dutch)


def source_problems(source_ids, sources) -> list[str]:
    """What is wrong with a text's list of sources: none at all, or ids no sources*.yaml defines."""
    if not source_ids:
        return ["no source"]
    return [f"unknown source {source_id}" for source_id in source_ids if source_id not in sources]


def test_a_text_without_sources_or_with_an_unknown_source_is_refused():
    sources = all_sources()
    assert source_problems((), sources) == ["no source"]
    assert source_problems(("bw_7_629_1", "no_such_source"), sources) == ["unknown source no_such_source"]
    for lang in LANGS:
        for topic in load_topics(lang):
            assert not source_problems(topic.sources, sources), (lang, topic.slug)
    for question in question_bank():
        assert not source_problems(question.sources, sources), question.id
    for letter in LETTERS:
        assert not source_problems(LETTER_SOURCES.get(letter, ()), sources), letter


def test_the_dutch_letters_use_the_formal_register():
    for letter in LETTERS:
        dutch = (CONTENT_DIR / "nl" / "letters" / f"{letter}.md").read_text(encoding="utf-8")
        assert "Geachte " in dutch, letter
        assert not _re.search(r"\b(je|jij|jou|jouw|Beste)\b", dutch), letter
