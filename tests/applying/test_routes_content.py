"""The content of /routes and of "after the new start": both languages, every statement sourced, Dutch in Dutch."""

from __future__ import annotations

import re

import pytest
import yaml

from spoor2.applying import after_start, routes
from spoor2.applying.after_start import CHECKPOINTS, load_after_start, parse_after_start
from spoor2.applying.routes import load_routes, parse_routes
from spoor2.legal.sources import all_sources

#: Words that are English and never Dutch: one of them in a Dutch text is a sentence left untranslated.
ENGLISH_WORDS = {"the", "and", "you", "your", "with", "what", "when", "employer", "which", "this", "that",
                 "must", "should", "will", "can", "for", "from", "after", "before", "sick", "wage"}  # fmt: skip
#: Dutch words that must appear in a Dutch text of any length (a sentence without one is suspicious).
DUTCH_HINTS = {"je", "de", "het", "een", "van", "en", "is", "wat", "voor", "of"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]+", text.lower()))


def _info_items():
    content, later = load_routes(), load_after_start()
    return [*content.absence, *content.routes, *later.old_contract, *later.sick_again]


def _texts(lang: str) -> list[str]:
    content, later = load_routes(), load_after_start()
    out = []
    for item in _info_items():
        text = getattr(item, lang)
        out += [text.title, text.body]
    out += [getattr(check, lang) for check in content.checks.values()]
    for item in [*_info_items(), *content.checks.values()]:
        if item.unverified is not None:
            out.append(getattr(item.unverified, lang))
    out += [getattr(q, lang) for point in CHECKPOINTS for q in later.questions(point)]
    return out


def test_every_statement_has_known_sources():
    known = set(all_sources())
    for item in [*_info_items(), *load_routes().checks.values()]:
        assert item.sources, item.id
        assert set(item.sources) <= known, (item.id, set(item.sources) - known)
    assert routes.all_source_ids() | after_start.all_source_ids() <= known


def test_every_source_of_this_area_has_a_url_and_is_used_or_shared():
    own = [s for s in all_sources().values() if s.id.startswith("ap_") and not s.id.startswith("ap_cv_")]
    assert own, "sources_applying.yaml has no sources"
    used = routes.all_source_ids() | after_start.all_source_ids()
    unused = sorted(s.id for s in own if s.id not in used)
    assert unused == [], f"sources listed but cited by nothing: {unused}"


def test_both_languages_have_the_same_items_and_differ():
    en, nl = _texts("en"), _texts("nl")
    assert len(en) == len(nl)
    same = [a for a, b in zip(en, nl, strict=True) if a == b]
    assert same == [], f"not translated: {same}"


@pytest.mark.parametrize("index", range(len(_texts("nl"))))
def test_no_english_left_in_the_dutch_texts(index):
    text = _texts("nl")[index]
    assert _words(text) & ENGLISH_WORDS == set(), text
    if len(text.split()) >= 6:
        assert _words(text) & DUTCH_HINTS, text


def test_dutch_terms_stay_visible_in_english():
    """The Dutch legal terms appear in the English text (in italics), so a person can find them elsewhere."""
    english = " ".join(_texts("en"))
    for term in ("no-riskpolis", "loonkostenvoordeel", "doelgroepverklaring", "proefplaatsing", "detachering",
                 "bedongen arbeid", "transitievergoeding", "vaststellingsovereenkomst", "bedenktermijn",
                 "aanstellingskeuring", "benadelingshandeling"):  # fmt: skip
        assert f"*{term}" in english, term


def test_what_could_not_be_checked_is_marked_never_stated_as_fact():
    lkv = next(item for item in load_routes().absence if item.id == "lkv")
    assert lkv.unverified is not None and "2026" in lkv.unverified.en and "2026" in lkv.unverified.nl
    assert "€3.05" in lkv.en.body and "could not check" in lkv.en.body
    assert "€3,05" in lkv.nl.body and "niet controleren" in lkv.nl.body


def test_each_route_has_its_checklist_with_the_own_job_and_wage_where_work_is_done():
    content = load_routes()
    assert [route.id for route in content.routes] == [
        "secondment", "trial_placement", "retraining", "self_employed", "volunteering",
    ]  # fmt: skip
    for route in content.routes:
        assert "own_job" in route.checks, route.id
    for route_id in ("secondment", "trial_placement"):
        assert {"wage", "hours", "insurance", "travel", "duration"} <= set(content.route(route_id).checks)
    assert "bedongen arbeid" in content.checks["own_job"].en


def test_check_ins_have_the_same_questions_in_both_languages():
    later = load_after_start()
    assert sorted(later.checkins) == [1, 3, 6]
    for point in CHECKPOINTS:
        assert len(later.questions(point)) >= 3


def test_a_malformed_file_is_a_content_error():
    raw = yaml.safe_load(routes.ROUTES_FILE.read_text(encoding="utf-8"))
    raw["routes"][0]["checks"] = ["no_such_check"]
    with pytest.raises(ValueError, match="unknown checks"):
        parse_routes(raw)
    raw = yaml.safe_load(after_start.AFTER_START_FILE.read_text(encoding="utf-8"))
    del raw["checkins"][6]
    with pytest.raises(ValueError, match="check-ins"):
        parse_after_start(raw)
    raw = yaml.safe_load(after_start.AFTER_START_FILE.read_text(encoding="utf-8"))
    raw["old_contract"][0]["sources"] = []
    with pytest.raises(ValueError):
        parse_after_start(raw)
