"""My view (oordeel werknemer): the elements follow Regeling procesgang art. 6 lid 1 a-k, input rules, pointers."""

from __future__ import annotations

from datetime import date

import pytest

from spoor2.errors import InvalidInput
from spoor2.i18n import t
from spoor2.legal.sources import get_source
from spoor2.my_file import view as rules

TODAY = date(2026, 12, 1)


def test_the_elements_are_art_6_a_to_k_in_order_then_the_better_options():
    assert [e.letter for e in rules.ELEMENTS] == [*"abcdefghijk", ""]
    assert rules.ELEMENTS[-1].id == "better_options"
    assert "mf_view_beleidsregels_3" in rules.ELEMENTS[-1].sources
    for item in rules.ELEMENTS[:-1]:
        assert "mf_view_procesgang_6" in item.sources, item.id


def test_every_source_is_known_and_the_view_cites_its_form_rules():
    for sid in {s for e in rules.ELEMENTS for s in e.sources} | set(rules.VIEW_SOURCES):
        assert get_source(sid).url
    assert "naam en de functie" in get_source("mf_view_vormvereisten_2").quote
    assert "veertien dagen" in get_source("mf_view_vormvereisten_3").quote


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_element_has_a_title_and_an_explanation(lang):
    for item in rules.ELEMENTS:
        assert not t(lang, f"my_file_view.element.{item.id}.title").startswith("my_file_view.")
        assert not t(lang, f"my_file_view.element.{item.id}.about").startswith("my_file_view.")


def test_a_date_written_today_is_fine_tomorrow_is_refused_nothing_before_2015():
    assert rules.clean_section("job", "agree", "", TODAY, TODAY).written_on == TODAY
    with pytest.raises(InvalidInput) as error:
        rules.clean_section("job", "agree", "", date(2026, 12, 2), TODAY)
    assert error.value.code == "my_file_view.error.date_in_future"
    assert rules.clean_section("job", "agree", "", date(2015, 1, 1), TODAY).written_on == date(2015, 1, 1)
    with pytest.raises(InvalidInput):
        rules.clean_section("job", "agree", "", date(2014, 12, 31), TODAY)


def test_a_text_at_the_limit_is_kept_one_more_character_is_refused_never_cut():
    text = "x" * rules.MAX_BODY_CHARS
    assert rules.clean_section("job", "disagree", text, None, TODAY).body == text
    with pytest.raises(InvalidInput) as error:
        rules.clean_section("job", "disagree", text + "x", None, TODAY)
    assert error.value.code == "my_file_view.error.too_long"
    with pytest.raises(InvalidInput):
        rules.clean_section("job", "disagree", "x" * (10 * 1024 * 1024), None, TODAY)


def test_an_unknown_element_or_stance_is_refused():
    with pytest.raises(InvalidInput):
        rules.clean_section("diagnosis", "agree", "", None, TODAY)
    with pytest.raises(InvalidInput):
        rules.clean_section("job", "Ik ben het ermee eens", "", None, TODAY)


def test_control_characters_go_line_breaks_and_markup_stay_as_typed():
    section = rules.clean_section("job", "disagree", '<b>a</b>\r\n=HYPERLINK("x")\x1b[31m\u202e', None, TODAY)
    assert section.body == '<b>a</b>\n=HYPERLINK("x")[31m'


def test_the_signature_is_one_line_each_and_limited():
    sig = rules.clean_signature(" Anna\nde Vries ", "Planner\tlogistics", TODAY, TODAY)
    assert (sig.name, sig.job_title) == ("Anna de Vries", "Planner logistics")
    with pytest.raises(InvalidInput):
        rules.clean_signature("x" * (rules.MAX_NAME_CHARS + 1), "", None, TODAY)
    with pytest.raises(InvalidInput):
        rules.clean_signature("Anna", "", date(2026, 12, 2), TODAY)


def test_written_needs_a_given_view_a_name_and_a_date():
    given = {"job": rules.ViewSection(element_id="job", stance="disagree", body="No")}
    signed = rules.ViewSignature(name="Anna", signed_on=TODAY)
    assert rules.is_written(given, signed)
    assert not rules.is_written({}, signed)
    assert not rules.is_written({"job": rules.ViewSection(element_id="job")}, signed)
    assert not rules.is_written(given, rules.ViewSignature(name="Anna"))
    assert not rules.is_written(given, rules.ViewSignature(signed_on=TODAY))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pointers_name_the_persons_own_records_per_element(lang):
    ev = rules.Evidence(
        first_sick_day=date(2025, 9, 1),
        recorded={"problem_analysis_due": date(2025, 10, 6)},
        received={"first_year_evaluation": date(2026, 9, 1), "labour_expert_report": None},
        activities=12,
        first_activity=date(2026, 1, 5),
        last_activity=date(2026, 11, 2),
        with_evidence=3,
        proposals=2,
        unanswered=1,
        meetings=4,
        last_meeting=date(2026, 11, 20),
    )
    text = {item.id: "\n".join(rules.pointers(item, ev, lang)) for item in rules.ELEMENTS}
    assert "2025" in text["first_sick_day"] and "1" in text["first_sick_day"]
    assert "2025" in text["problem_analysis"]
    assert "12" in text["suitable_work"] and "3" in text["suitable_work"]
    assert "2" in text["better_options"] and "1" in text["better_options"]
    assert "4" in text["evaluations"] and "2026" in text["evaluations"]
    assert text["admin_data"] == "" and text["doctor_judgement"] == ""
    assert rules.pointers(rules.element("suitable_work"), rules.Evidence(), lang) == []
