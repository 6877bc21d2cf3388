"""Orientation questionnaires: scoring, missing answers, ties, content parity, store and export."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from spoor2.errors import InvalidInput
from spoor2.legal.sources import get_source
from spoor2.orientation.export import summary_lines, to_markdown, to_pdf
from spoor2.orientation.questionnaires import (
    QUESTIONNAIRE_IDS,
    check_profile,
    draft_search_profile,
    example_occupations,
    load_occupations,
    load_questionnaire,
    load_texts,
    obstacles_in_the_way,
    occupation_names,
    score_questionnaire,
    validate_answers,
)
from spoor2.store.migrations import owned_tables
from spoor2.store.orientation import (
    complete_questionnaire,
    delete_draft,
    latest_result,
    list_results,
    load_draft,
    save_draft,
    update_profile,
)
from tests.conftest import ROOT

TODAY = date(2026, 11, 22)


def all_interests(per_type: dict[str, int]) -> dict[str, int]:
    return {f"{d.lower()}{i}": per_type[d] for d in "RIASEC" for i in range(1, 9)}


# --- scoring --------------------------------------------------------------------------------------------


def test_interests_give_a_profile_over_six_types_and_a_three_letter_code():
    q = load_questionnaire("interests")
    result = score_questionnaire(q, all_interests({"R": 1, "I": 2, "A": 5, "S": 4, "E": 3, "C": 1}))
    assert [s.dimension for s in result.scores] == ["R", "I", "A", "S", "E", "C"]
    assert result.score("A").mean == 5.0
    assert result.score("A").percent == 100.0
    assert result.score("R").percent == 0.0
    assert result.holland_code == "ASE"
    assert result.ties == ()
    assert result.answered == 48


def test_reverse_keyed_items_count_the_other_way():
    q = load_questionnaire("values")
    # autonomy4 ("I would rather someone else tells me what to do") is reverse keyed
    assert q.item("autonomy4").reverse
    agree_all = score_questionnaire(q, {"autonomy1": 5, "autonomy2": 5, "autonomy3": 5, "autonomy4": 5})
    assert agree_all.score("autonomy").mean == 4.0  # (5 + 5 + 5 + 1) / 4
    consistent = score_questionnaire(q, {"autonomy1": 5, "autonomy2": 5, "autonomy3": 5, "autonomy4": 1})
    assert consistent.score("autonomy").mean == 5.0
    only_reverse = score_questionnaire(q, {"autonomy4": 2, "autonomy1": 4})
    assert only_reverse.score("autonomy").mean == 4.0  # 6 - 2 = 4 and 4


def test_every_value_theme_has_a_reverse_keyed_item():
    q = load_questionnaire("values")
    for dimension in q.dimensions:
        assert any(item.reverse for item in q.items_of(dimension)), dimension


def test_a_type_with_too_few_answers_is_not_enough_never_zero():
    q = load_questionnaire("interests")
    answers = all_interests({"R": 4, "I": 4, "A": 4, "S": 4, "E": 4, "C": 4})
    for i in range(1, 6):  # only c6, c7, c8 answered: 3 < 4
        del answers[f"c{i}"]
    result = score_questionnaire(q, answers)
    conventional = result.score("C")
    assert conventional.answered == 3
    assert not conventional.enough
    assert conventional.mean is None and conventional.percent is None
    assert "C" not in (result.holland_code or "")
    assert "not enough" in " ".join(summary_lines(result, "en")).lower()
    # four answers is enough
    answers["c1"] = 2
    assert score_questionnaire(q, answers).score("C").mean == 3.5


def test_no_answers_at_all_gives_no_code_and_no_scores():
    q = load_questionnaire("interests")
    result = score_questionnaire(q, {})
    assert result.holland_code is None
    assert all(not s.enough for s in result.scores)
    assert result.answered == 0


def test_only_two_scored_types_give_no_code():
    q = load_questionnaire("interests")
    answers = {f"{d}{i}": 5 for d in "ri" for i in range(1, 9)}
    assert score_questionnaire(q, answers).holland_code is None


def test_ties_follow_hollands_order_and_are_reported():
    q = load_questionnaire("interests")
    result = score_questionnaire(q, all_interests({"R": 2, "I": 2, "A": 2, "S": 5, "E": 5, "C": 2}))
    assert result.holland_code == "SER"  # S and E tie: S first; R, I, A, C tie: R first
    assert result.ties == (("S", "E"), ("R", "I", "A", "C"))
    reversed_order = dict(reversed(list(all_interests({"R": 2, "I": 2, "A": 2, "S": 5, "E": 5, "C": 2}).items())))
    assert score_questionnaire(q, reversed_order).holland_code == "SER"


def test_all_equal_answers_are_a_flat_profile():
    q = load_questionnaire("interests")
    result = score_questionnaire(q, all_interests(dict.fromkeys("RIASEC", 3)))
    assert result.flat
    assert result.holland_code == "RIA"
    assert result.ties == (("R", "I", "A", "S", "E", "C"),)


def test_values_top_and_bottom():
    q = load_questionnaire("values")
    answers = {}
    for dimension, value in {
        "autonomy": 5,
        "people": 4,
        "structure": 3,
        "variety": 3,
        "meaning": 2,
        "security": 1,
    }.items():
        for item in q.items_of(dimension):
            answers[item.id] = 6 - value if item.reverse else value
    result = score_questionnaire(q, answers)
    assert result.top == ("autonomy", "people")
    assert result.bottom == ("security",)
    assert result.holland_code is None


@given(st.dictionaries(st.sampled_from([f"{d}{i}" for d in "riasec" for i in range(1, 9)]), st.integers(1, 5)))
def test_any_valid_interest_answers_score_within_the_scale(answers):
    result = score_questionnaire(load_questionnaire("interests"), answers)
    for score in result.scores:
        assert (score.mean is None) == (score.answered < 4)
        assert score.mean is None or 1 <= score.mean <= 5
    assert (result.holland_code is None) == (sum(s.enough for s in result.scores) < 3)


@pytest.mark.parametrize(
    ("qid", "answers"),
    [
        ("interests", {"r1": 6}),
        ("interests", {"r1": 0}),
        ("interests", {"r1": "5"}),
        ("interests", {"r1": True}),
        ("interests", {"zz": 3}),
        ("capacity", {"hours_week": "forty"}),
        ("capacity", {"days": ["mon", "funday"]}),
        ("obstacles", {"money": "yes"}),
    ],
)
def test_invalid_answers_are_refused(qid, answers):
    with pytest.raises(InvalidInput):
        validate_answers(load_questionnaire(qid), answers)


def test_skipped_answers_are_dropped_not_stored():
    q = load_questionnaire("capacity")
    assert validate_answers(q, {"hours_week": None, "days": [], "travel": "upto15"}) == {"travel": "upto15"}


def test_draft_search_profile_uses_the_answers_and_leaves_skipped_fields_empty():
    answers = {"hours_week": "h12_20", "days": ["wed", "mon"], "remote": "hybrid"}
    fields = {f.field: f.text for f in draft_search_profile(answers, "nl")}
    assert fields["hours_week"] == "12 tot 20 uur"
    assert fields["days"] == "maandag, woensdag"
    assert fields["remote"] == "deels thuis en deels op locatie"
    assert fields["travel"] == ""
    english = {f.field: f.text for f in draft_search_profile(answers, "en")}
    assert english["days"] == "Monday, Wednesday"


def test_profile_edits_are_checked():
    assert check_profile({"hours_week": "  about 16 hours  "}) == {"hours_week": "about 16 hours"}
    with pytest.raises(InvalidInput):
        check_profile({"diagnosis": "x"})
    with pytest.raises(InvalidInput):
        check_profile({"hours_week": "x" * 2_001})


def test_obstacles_in_the_way_first_much_then_somewhat():
    q = load_questionnaire("obstacles")
    result = score_questionnaire(q, {"childcare": "somewhat", "money": "much", "language": "none"})
    assert [o.item for o in obstacles_in_the_way(result)] == ["money", "childcare"]
    assert all(item.id for item in q.items)


def test_example_occupations_for_the_top_two_types():
    occupations = example_occupations("SEA")
    assert [o.code for o in occupations] == ["S", "S", "S", "E", "E", "E"]
    _, source_id = load_occupations()
    assert "Holland" in get_source(source_id).title


# --- content -----------------------------------------------------------------------------------------------


def test_interests_have_eight_own_items_per_type():
    q = load_questionnaire("interests")
    assert len(q.items) == 48
    for dimension in q.dimensions:
        assert len(q.items_of(dimension)) == 8
    assert q.sources == ("holland_theory",)


@pytest.mark.parametrize("qid", QUESTIONNAIRE_IDS)
def test_every_item_and_option_has_a_text_in_both_languages(qid):
    q = load_questionnaire(qid)
    for lang in ("en", "nl"):
        texts = load_texts(lang, qid)
        assert texts["title"] and texts["intro"]
        assert set(texts["items"]) == {item.id for item in q.items}, lang
        assert all(str(v).strip() for v in texts["items"].values())
        if q.kind == "likert":
            assert set(texts["scale"]) == set(q.scale)
            assert set(texts["dimensions"]) == set(q.dimensions)
        for item in q.items:
            if item.options:
                assert list(texts["options"][item.id]) == list(item.options), (lang, item.id)
        if qid == "capacity":
            assert set(texts["profile"]) == {item.id for item in q.items}
        if qid == "obstacles":
            assert set(texts["pointers"]) == {item.id for item in q.items}


@pytest.mark.parametrize("qid", QUESTIONNAIRE_IDS)
def test_the_two_languages_have_the_same_structure(qid):
    def shape(node):
        if isinstance(node, dict):
            return {k: shape(v) for k, v in node.items()}
        return None

    en = yaml.safe_load((ROOT / "content" / "en" / "orientation" / f"{qid}.yaml").read_text(encoding="utf-8"))
    nl = yaml.safe_load((ROOT / "content" / "nl" / "orientation" / f"{qid}.yaml").read_text(encoding="utf-8"))
    assert shape(en) == shape(nl)
    assert en["items"] != nl["items"]  # really translated


def test_occupations_have_names_in_both_languages():
    occupations, _ = load_occupations()
    for lang in ("en", "nl"):
        assert set(occupation_names(lang)) == {o.id for o in occupations}
    for code in "RIASEC":
        assert len([o for o in occupations if o.code == code]) >= 3


def test_no_medical_questions_are_asked():
    for lang in ("en", "nl"):
        for qid in QUESTIONNAIRE_IDS:
            items = " ".join(str(v) for v in load_texts(lang, qid)["items"].values()).lower()
            for word in ("diagnos", "illness", "ziekte", "medicat", "symptom", "klacht"):
                assert word not in items


# --- store ----------------------------------------------------------------------------------------------------


def test_migration_owns_both_tables():
    assert {"orientation_drafts", "orientation_results"} <= set(owned_tables())


def test_draft_round_trip_and_resume(store):
    assert load_draft(store, "interests") is None
    save_draft(store, "interests", {"r1": 4, "r2": None, "i3": 2}, screen=2)
    draft = load_draft(store, "interests")
    assert draft is not None
    assert draft.answers == {"r1": 4, "i3": 2}
    assert draft.screen == 2
    save_draft(store, "interests", {"r1": 5}, screen=3)  # replaces
    assert load_draft(store, "interests").answers == {"r1": 5}
    delete_draft(store, "interests")
    assert load_draft(store, "interests") is None


def test_invalid_draft_saves_nothing(store):
    save_draft(store, "values", {"autonomy1": 3}, screen=0)
    with pytest.raises(InvalidInput):
        save_draft(store, "values", {"autonomy1": 9}, screen=1)
    with pytest.raises(InvalidInput):
        save_draft(store, "values", {"autonomy1": 4}, screen=99)
    assert load_draft(store, "values").answers == {"autonomy1": 3}


def test_completing_saves_a_result_removes_the_draft_and_keeps_history(store):
    save_draft(store, "interests", {"r1": 4}, screen=1)
    first = complete_questionnaire(store, "interests", all_interests(dict.fromkeys("RIASEC", 2)), date(2026, 10, 1))
    assert load_draft(store, "interests") is None
    second = complete_questionnaire(
        store, "interests", all_interests({"R": 5, "I": 4, "A": 3, "S": 2, "E": 1, "C": 1}), TODAY
    )
    history = list_results(store, "interests")
    assert [r.id for r in history] == [first.id, second.id]
    assert latest_result(store, "interests").result.holland_code == "RIA"
    assert history[0].result == first.result
    assert history[1].completed_on == TODAY


def test_results_are_owner_scoped(store):
    complete_questionnaire(store, "values", {"autonomy1": 5, "autonomy2": 5}, TODAY)
    other = store.for_owner("someone-else")
    assert list_results(other, "values") == []
    save_draft(other, "values", {"people1": 1}, 0)
    assert load_draft(store, "values") is None


def test_profile_edits_are_saved_on_the_capacity_result(store):
    saved = complete_questionnaire(store, "capacity", {"hours_week": "h20_28"}, TODAY)
    update_profile(store, saved.id, {"hours_week": "about 24 hours, spread over 4 days"})
    assert latest_result(store, "capacity").profile == {"hours_week": "about 24 hours, spread over 4 days"}
    with pytest.raises(InvalidInput):
        update_profile(store, "nope", {"hours_week": "x"})


# --- export ----------------------------------------------------------------------------------------------------


def _filled(store):
    complete_questionnaire(store, "interests", all_interests({"R": 5, "I": 4, "A": 1, "S": 2, "E": 1, "C": 3}), TODAY)
    saved = complete_questionnaire(store, "capacity", {"hours_week": "h12_20", "days": ["mon"]}, TODAY)
    update_profile(store, saved.id, {"hours_week": "Ongeveer 16 uur — graag ’s ochtends *vroeg*", "days": "maandag"})
    complete_questionnaire(store, "obstacles", {"money": "much"}, TODAY)
    return {qid: latest_result(store, qid) for qid in QUESTIONNAIRE_IDS}


def test_markdown_export_has_code_profile_pointers_and_escapes_user_text(store):
    text = to_markdown(_filled(store), "nl", TODAY)
    assert "# Mijn oriëntatie-uitkomsten" in text
    assert "**RIC**" in text
    assert "Installatiemonteur" in text
    assert "Ongeveer 16 uur — graag ’s ochtends \\*vroeg\\*" in text
    assert "schuldhulpverlening" in text
    assert "Nog niet ingevuld." in text  # values not done


def test_pdf_export_works_with_dutch_characters(store):
    data = to_pdf(_filled(store), "nl", TODAY)
    assert data.startswith(b"%PDF")
    assert len(data) > 2_000
    assert b"DejaVu" in data  # the Unicode font is embedded (ë, ’, — print)
