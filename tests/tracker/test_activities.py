"""The tracker's rules: activity validation (each rule both sides), ISO-week targets, statistics."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spoor2.errors import InvalidInput
from spoor2.tracker.activities import (
    ACTIVITY_TYPES,
    MAX_NOTES_CHARS,
    STATUSES,
    Funnel,
    check_target,
    funnel,
    iso_week_key,
    median_days,
    parse_date,
    response_rate,
    target_progress,
    validate_activity,
    week_keys,
    week_monday,
    weeks_met_in_a_row,
)

TODAY = date(2026, 11, 23)
GOOD = {"date": "2026-11-20", "type": "vacancy_application", "organisation": "Zorggroep Oost", "status": "done"}


def check(**changes):
    return validate_activity({**GOOD, **changes}, today=TODAY)


def code_of(**changes) -> str:
    with pytest.raises(InvalidInput) as info:
        check(**changes)
    return info.value.code


def test_a_good_activity_is_accepted_and_stripped():
    a = check(organisation="  Zorggroep Oost ", role=" Planner ")
    assert (a.activity_date, a.type, a.organisation, a.role, a.status) == (
        date(2026, 11, 20), "vacancy_application", "Zorggroep Oost", "Planner", "done",
    )  # fmt: skip
    assert len(a.id) == 32


def test_the_issue_lists_exactly_these_ids():
    assert len(ACTIVITY_TYPES) == 12 and "secondment" in ACTIVITY_TYPES and "work_experience" in ACTIVITY_TYPES
    assert STATUSES == ("planned", "done", "awaiting_response", "interview", "offer", "rejected", "no_response",
                        "withdrawn")  # fmt: skip


@pytest.mark.parametrize("kind", ["vacancy_application", "Open sollicitatie", "JOB INTERVIEW", "Detachering"])
def test_type_ids_and_labels_in_both_languages_are_accepted(kind):
    assert check(type=kind).type in ACTIVITY_TYPES


def test_unknown_type_and_status_are_refused():
    assert code_of(type="lunch") == "tracker.error.unknown_type"
    assert code_of(type="") == "tracker.error.missing_type"
    assert code_of(status="maybe") == "tracker.error.unknown_status"
    assert check(status="Wacht op reactie").status == "awaiting_response"
    assert check(status="").status == "done"


def test_fit_accepts_yes_no_unsure_in_both_languages_only():
    assert check(fits_limitations="Ja").fits_limitations == "yes"
    assert check(fits_limitations="unsure").fits_limitations == "unsure"
    assert check(fits_limitations="").fits_limitations is None
    assert code_of(fits_limitations="perhaps") == "tracker.error.unknown_fit"


def test_organisation_must_not_be_empty():
    assert code_of(organisation="   ") == "tracker.error.empty_organisation"
    assert check(organisation="x").organisation == "x"


def test_notes_limit_is_exact_and_a_huge_note_gets_a_clear_message():
    assert len(check(notes="n" * MAX_NOTES_CHARS).notes) == MAX_NOTES_CHARS
    assert code_of(notes="n" * (MAX_NOTES_CHARS + 1)) == "tracker.error.too_long.notes"
    with pytest.raises(InvalidInput) as info:
        check(notes="x" * 10_000_000)
    assert "5000" in info.value.message("en") and "notities" in info.value.message("nl").lower()


def test_other_text_limits():
    assert code_of(organisation="o" * 201) == "tracker.error.too_long.organisation"
    assert check(organisation="o" * 200)
    assert code_of(goal="g" * 501) == "tracker.error.too_long.goal"


def test_follow_up_on_the_day_itself_is_fine_the_day_before_is_not():
    assert check(follow_up="2026-11-20").follow_up == date(2026, 11, 20)
    assert code_of(follow_up="2026-11-19") == "tracker.error.follow_up_before_date"


def test_response_date_not_before_the_activity():
    assert check(response_date="2026-11-20").response_date == date(2026, 11, 20)
    assert code_of(response_date="2026-11-19") == "tracker.error.response_before_date"


def test_dates_five_years_back_and_one_year_ahead_are_the_limits():
    assert check(date="2021-11-23").activity_date == date(2021, 11, 23)
    assert code_of(date="2021-11-22") == "tracker.error.date_too_old"
    assert check(date="2027-11-23").activity_date == date(2027, 11, 23)
    assert code_of(date="2027-11-24") == "tracker.error.date_too_far"


def test_date_formats_and_bad_dates():
    assert check(date="20-11-2026").activity_date == date(2026, 11, 20)
    assert check(date=date(2026, 11, 20)).activity_date == date(2026, 11, 20)
    assert code_of(date="") == "tracker.error.missing_date"
    assert code_of(date="31-02-2026") == "tracker.error.bad_date.date"
    assert code_of(date="next week") == "tracker.error.bad_date.date"
    assert code_of(follow_up="soon") == "tracker.error.bad_date.follow_up"
    assert parse_date("2026-11-20 00:00:00") == date(2026, 11, 20)


@pytest.mark.parametrize("link", ["https://werk.nl/vacature/1", "http://example.org"])
def test_http_links_are_accepted(link):
    assert check(evidence_link=link).evidence_link == link


@pytest.mark.parametrize("link", ["javascript:alert(1)", "file:///etc/passwd", "ftp://x.nl/a", "https://", "werk.nl"])
def test_other_links_are_refused(link):
    assert code_of(evidence_link=link) == "tracker.error.bad_link"


def test_evidence_file_must_be_a_generated_relative_path():
    ok = "evidence/" + "a" * 32 + ".pdf"
    assert check(evidence_file=ok).evidence_file == ok
    for bad in ("../../etc/passwd", "/abs/evidence.pdf", "evidence/my cv.pdf", "evidence/" + "a" * 32 + ".exe"):
        assert code_of(evidence_file=bad) == "tracker.error.bad_evidence_path"


def test_every_error_has_a_message_in_both_languages():
    for changes in ({"notes": "x" * 6000}, {"type": "x"}, {"evidence_link": "ftp://a"}, {"date": "x"}):
        with pytest.raises(InvalidInput) as info:
            check(**changes)
        en, nl = info.value.message("en"), info.value.message("nl")
        assert en != nl and not en.startswith("tracker.") and not nl.startswith("tracker.")


# --- ISO weeks ----------------------------------------------------------------------------------------


def test_iso_weeks_around_the_year_boundary():
    assert iso_week_key(date(2027, 1, 1)) == "2026-W53"
    assert iso_week_key(date(2026, 12, 31)) == "2026-W53"
    assert iso_week_key(date(2027, 1, 4)) == "2027-W01"
    assert iso_week_key(date(2025, 12, 29)) == "2026-W01"  # Monday of week 1 of 2026 is in 2025
    assert week_monday("2026-W53") == date(2026, 12, 28)
    with pytest.raises(ValueError):
        week_monday("2025-W53")  # 2025 has 52 weeks
    assert week_keys(date(2026, 12, 24), date(2027, 1, 5)) == ["2026-W52", "2026-W53", "2027-W01"]


def test_target_progress_over_the_year_boundary_counts_only_target_types():
    target = check_target(2, ["vacancy_application", "open_application"])
    rows = [
        ("2026-W52", "vacancy_application", 2),
        ("2026-W53", "open_application", 1),
        ("2026-W53", "network_contact", 5),
        ("2027-W01", "vacancy_application", 3),
    ]
    progress = target_progress(rows, target, date(2026, 12, 21), date(2027, 1, 10))
    assert [(p.week, p.done, p.met) for p in progress] == [
        ("2026-W52", 2, True), ("2026-W53", 1, False), ("2027-W01", 3, True),
    ]  # fmt: skip
    assert weeks_met_in_a_row(progress) == 1


def test_an_unfinished_current_week_does_not_break_the_streak():
    target = check_target(1, ["training"])
    rows = [("2026-W46", "training", 1), ("2026-W47", "training", 1)]
    progress = target_progress(rows, target, date(2026, 11, 9), TODAY)  # this week (W48) has none yet
    assert [p.done for p in progress] == [1, 1, 0]
    assert weeks_met_in_a_row(progress) == 2


def test_target_validation():
    assert check_target("3", ["training"]).count == 3
    for count, types in ((0, ["training"]), (51, ["training"]), ("two", ["training"]), (2, [])):
        with pytest.raises(InvalidInput):
            check_target(count, types)
    with pytest.raises(InvalidInput):
        check_target(2, ["lunch"])


# --- statistics -----------------------------------------------------------------------------------------


def test_funnel_and_response_rate_from_aggregated_rows():
    rows = [
        ("vacancy_application", "awaiting_response", 4),
        ("vacancy_application", "rejected", 3),
        ("vacancy_application", "interview", 2),
        ("open_application", "offer", 1),
        ("vacancy_application", "planned", 7),  # not sent: not counted
        ("network_contact", "done", 9),  # not an application
    ]
    assert funnel(rows) == Funnel(applications=10, interviews=3, offers=1)
    assert response_rate(rows) == pytest.approx(6 / 10)
    assert response_rate([("network_contact", "done", 1)]) is None


def test_median_days_from_a_histogram():
    assert median_days([(5, 1)]) == 5
    assert median_days([(1, 1), (3, 1), (10, 2)]) == 6.5
    assert median_days([(0, 0)]) is None


@given(st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=60))
def test_median_of_histogram_equals_median_of_values(values):
    import statistics

    histogram = {}
    for v in values:
        histogram[v] = histogram.get(v, 0) + 1
    assert median_days(histogram.items()) == pytest.approx(statistics.median(values))
