"""``python -m spoor2 timeline``: JSON, text and .ics output, bad input, and the saved timeline."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from icalendar import Calendar

from spoor2.cli import main
from spoor2.i18n import t
from spoor2.store.timeline import record_milestone, save_timeline_input
from spoor2.timeline.rules import SickPeriod, TimelineInput
from tests.conftest import ROOT

BASE = ["timeline", "--period", "2026-01-05:", "--as-of", "2026-11-23"]


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _json(capsys, *argv: str) -> dict:
    code, out, err = _run(capsys, *argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def _by_id(payload: dict) -> dict[str, dict]:
    return {row["id"]: row for row in payload["milestones"]}


def test_json_has_the_contract_fields_and_dates(capsys):
    payload = _json(capsys, *BASE)
    assert payload["as_of"] == "2026-11-23"
    assert payload["sick_days"] == 323
    assert payload["sick_week"] == 47
    rows = _by_id(payload)
    assert rows["wia_application_deadline"]["date"] == "2027-10-17"
    assert rows["wage_continuation_last_day"]["date"] == "2028-01-02"
    assert rows["first_year_evaluation_window"]["start"] == "2026-11-16"
    assert rows["first_year_evaluation_window"]["end"] == "2027-01-03"
    assert "date" not in rows["first_year_evaluation_window"]
    for row in payload["milestones"]:
        assert {"id", "label", "actor", "indicative", "sources", "status"} <= set(row)
        assert row["sources"] and all(s["url"].startswith("https://") for s in row["sources"])
    assert rows["uwv_sick_report_due"]["status"] == "overdue"
    assert rows["first_year_evaluation_window"]["status"] == "in_window"
    assert rows["dismissal_ban_end"]["indicative"] is True


def test_json_in_dutch_and_with_summed_periods(capsys):
    payload = _json(capsys, "timeline", "--period", "2026-03-29:", "--period", "2026-01-05:2026-03-01", "--lang", "nl")
    rows = _by_id(payload)
    assert rows["wia_application_deadline"]["label"] == "Uiterste datum WIA-aanvraag"
    assert rows["wia_application_deadline"]["actor"] == "jij"
    # a gap of 27 days is summed (docs/rules.md#worked-case-gap-27-days)
    assert rows["wage_continuation_last_day"]["date"] == "2028-01-29"
    assert payload["gap_days"] == 27


def test_options_change_the_dates(capsys):
    rows = _by_id(
        _json(capsys, *BASE, "--wage-sanction-weeks", "52", "--extension-weeks", "13", "--contract-end", "2026-06-30")
    )
    assert rows["wia_application_deadline"]["date"] == "2028-01-16"  # 11 weeks before the extended end
    assert rows["wage_continuation_last_day"]["date"] == "2029-04-01"  # 2028-04-02 + 364 days
    assert rows["contract_end_uwv_report"]["date"] == "2026-06-30"
    rows = _by_id(_json(capsys, *BASE, "--early-iva-applied", "2026-04-13"))
    assert rows["early_iva_start"]["date"] == "2026-06-22"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_text_is_a_table_in_the_language(capsys, lang):
    code, out, err = _run(capsys, *BASE, "--lang", lang)
    assert code == 0, err
    assert err == ""
    assert t(lang, "milestones.wia_application_deadline.label") in out
    assert t(lang, "timeline.col.actor") in out
    assert t(lang, "milestones.status.overdue") in out
    assert ("17 okt 2027" if lang == "nl" else "17 Oct 2027") in out


def test_ics_has_one_all_day_event_per_milestone(capsys):
    code, out, err = _run(capsys, *BASE, "--format", "ics", "--lang", "nl")
    assert code == 0, err
    cal = Calendar.from_ical(out)
    events = list(cal.walk("VEVENT"))
    payload = _json(capsys, *BASE)
    assert len(events) == len(payload["milestones"])
    by_uid = {str(e["UID"]): e for e in events}
    deadline = by_uid["wia_application_deadline-2027-10-17@spoor2.local"]
    assert deadline.decoded("DTSTART") == date(2027, 10, 17)
    assert deadline.decoded("DTEND") == date(2027, 10, 18)
    assert str(deadline["SUMMARY"]) == "Uiterste datum WIA-aanvraag"
    assert "Wet WIA, art. 64 lid 3" in str(deadline["DESCRIPTION"])
    assert "https://" in str(deadline["DESCRIPTION"])
    window = by_uid["first_year_evaluation_window-2026-11-16@spoor2.local"]
    assert window.decoded("DTEND") == date(2027, 1, 4)  # the window's end + 1 day
    assert "DTSTART;VALUE=DATE:20271017" in out


@pytest.mark.parametrize(
    ("argv", "message_key"),
    [
        (["--period", "2026-03-01:2026-02-01"], "error.period_end_before_start"),
        (["--period", "2026-01-05:2026-03-01", "--period", "2026-03-01:"], "error.periods_overlap"),
        (["--period", "2026-01-05:", "--wage-sanction-weeks", "53"], "error.wage_sanction_range"),
        (["--period", "2026-01-05:", "--extension-weeks", "12"], "error.extension_minimum"),
        (["--period", "2026-02-30:"], "error.invalid_date"),
        (["--period", "5-1-2026:"], "error.invalid_date"),
        (["--period", "2026-01-05:", "--wage-sanction-weeks", "ten"], "error.invalid_number"),
        (["--period", "2026-11-24:"], "error.first_sick_day_in_future"),
        (["--period", "2026-01-05:", "--early-iva-applied", "2026-01-25"], "error.early_iva_outside_window"),
        (["--wage-sanction-weeks", "3"], "timeline.error.no_period"),
        (["--period", "2026-01-05:", "--done", "problem_analysis_due=2026-11-24"], "timeline.error.done_in_future"),
        (["--period", "2026-01-05:", "--done", "problem_analysis_due="], "questions.error.bad_done"),
        (["--period", "2026-01-05:", "--done", "no_such_step=2026-02-01"], "error.unknown_milestone"),
        (["--period", "2026-01-05:", "--done", "problem_analysis_due=2026-02-31"], "error.invalid_date"),
        (
            [
                "--period",
                "2026-01-05:2026-03-02",
                "--period",
                "2026-06-22:",
                "--pregnancy-leave",
                "2026-03-02:2026-06-21",
            ],
            "timeline.error.pregnancy_leave_overlaps",
        ),
        (
            ["--period", "2026-01-05:2026-03-01", "--pregnancy-leave", "2026-03-02:2026-10-12"],
            "timeline.error.pregnancy_leave_too_long",
        ),
        (["--period", "2026-01-05:2026-03-01", "--pregnancy-leave", "2026-03-02"], "error.invalid_date"),
        (["--period", "2026-01-05:", "--aow-date", "2027-06-01"], "timeline.error.aow_age_within_wachttijd"),
    ],
)
def test_bad_input_exits_2_with_one_line_on_stderr(capsys, argv, message_key):
    code, out, err = _run(capsys, "timeline", *argv, "--as-of", "2026-11-23", "--lang", "nl")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    first_words = t("nl", message_key).split("{")[0].strip()
    assert err.startswith(first_words[:20])


def test_without_a_saved_timeline_it_says_so(capsys):
    code, out, err = _run(capsys, "timeline", "--as-of", "2026-11-23")
    assert code == 2
    assert out == ""
    assert err.strip() == t("en", "timeline.error.no_saved_timeline")


def test_saved_timeline_and_its_records_are_used(capsys, store):
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),)))
    record_milestone(store, "problem_analysis_due", date(2026, 2, 10))
    record_milestone(store, "action_plan_due", date(2026, 3, 5))
    payload = _json(capsys, "timeline", "--as-of", "2026-11-23")
    rows = _by_id(payload)
    assert rows["problem_analysis_due"]["status"] == "done"
    assert rows["problem_analysis_due"]["done_on"] == "2026-02-10"
    assert rows["action_plan_due"]["status"] == "done_late"
    assert rows["uwv_sick_report_due"]["status"] == "overdue"


def test_real_subprocess(data_dir):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "spoor2",
            "timeline",
            "--period",
            "2026-01-05:",
            "--as-of",
            "2026-11-23",
            "--format",
            "json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert _by_id(json.loads(result.stdout))["wia_earliest_start"]["date"] == "2028-01-03"
    bad = subprocess.run(
        [sys.executable, "-m", "spoor2", "timeline", "--period", "2026-01-05:", "--extension-weeks", "12"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.count("\n") == 1


def test_questions_keeps_its_own_format_choices(capsys):
    from spoor2.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    formats = {
        name: sub._option_string_actions["--format"].choices
        for name, sub in subparsers.choices.items()
        if "--format" in sub._option_string_actions
    }
    assert list(formats["timeline"]) == ["json", "text", "ics"]
    if "questions" in formats:
        assert list(formats["questions"]) == ["json", "text"]


def test_done_moves_the_action_plan_and_the_json_shows_recorded_dates_and_statuses(capsys):
    """Regeling procesgang art. 4 lid 1: the plan is due two weeks after the recorded analysis."""
    argv = ["timeline", "--period", "2026-01-05:", "--as-of", "2026-02-20"]
    rows = _by_id(_json(capsys, *argv, "--done", "problem_analysis_due=2026-02-01"))
    assert rows["problem_analysis_due"]["done_on"] == "2026-02-01"
    assert rows["problem_analysis_due"]["status"] == "done"
    assert rows["action_plan_due"]["date"] == "2026-02-15"
    assert rows["action_plan_due"]["status"] == "overdue"
    assert rows["action_plan_due"]["done_on"] is None
    late = _by_id(_json(capsys, *argv, "--done", "problem_analysis_due=2026-02-16"))
    assert late["problem_analysis_due"]["status"] == "done_late"
    assert late["action_plan_due"]["date"] == "2026-03-02"
    assert any("2026-02-16" in note for note in late["action_plan_due"]["notes"])
    plain = _by_id(_json(capsys, *argv))
    assert plain["action_plan_due"]["date"] == "2026-03-01"
    assert plain["action_plan_due"]["status"] == "due_soon"


def test_done_without_a_date_counts_on_the_as_of_day(capsys):
    rows = _by_id(_json(capsys, *BASE, "--done", "uwv_sick_report_due"))
    assert rows["uwv_sick_report_due"]["done_on"] == "2026-11-23"
    assert rows["uwv_sick_report_due"]["status"] == "done_late"


def test_the_same_done_option_on_the_saved_timeline_wins_over_the_record(capsys, store):
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),)))
    record_milestone(store, "problem_analysis_due", date(2026, 2, 10))
    rows = _by_id(_json(capsys, "timeline", "--as-of", "2026-02-20", "--done", "problem_analysis_due=2026-02-12"))
    assert rows["problem_analysis_due"]["done_on"] == "2026-02-12"
    assert rows["action_plan_due"]["date"] == "2026-02-26"


def test_a_wage_sanction_decision_never_recorded_is_not_overdue(capsys):
    rows = _by_id(_json(capsys, "timeline", "--period", "2026-01-05:", "--as-of", "2027-12-01"))
    row = rows["wage_sanction_decision_latest"]
    assert row["conditional"] is True
    assert row["status"] == "passed"
    assert row["conditional_text"] == t("en", "milestones.wage_sanction_decision_latest.conditional")
    assert rows["reintegration_report_due"]["status"] == "overdue"


@pytest.mark.parametrize("fmt", ["json", "text", "ics"])
def test_steps_after_a_contract_end_stay_with_applies_false_and_a_reason(capsys, fmt):
    argv = ["timeline", "--period", "2026-01-05:", "--contract-end", "2026-06-30", "--as-of", "2027-12-01"]
    code, out, err = _run(capsys, *argv, "--format", fmt, "--lang", "nl")
    assert code == 0, err
    reason = t("nl", "milestones.not_applicable.contract_ended", contract_end="2026-06-30")
    if fmt == "json":
        rows = _by_id(json.loads(out))
        for mid in ("uwv_sick_report_due", "reintegration_report_due", "wage_sanction_decision_latest"):
            assert rows[mid]["applies"] is False, mid
            assert rows[mid]["reason"] == reason, mid
            assert rows[mid]["status"] == "not_applicable", mid
        assert rows["wia_application_deadline"]["applies"] is True
        assert rows["contract_end_reintegration_report"]["date"] == "2026-06-30"
        assert not any(row["status"] == "overdue" and not row["applies"] for row in rows.values())
    elif fmt == "text":
        assert reason in out
        assert t("nl", "milestones.status.not_applicable") in out
    else:
        events = [c for c in Calendar.from_ical(out).walk() if c.name == "VEVENT"]
        riv = next(e for e in events if str(e["UID"]).startswith("reintegration_report_due-"))
        assert t("nl", "milestones.status.not_applicable") in str(riv["SUMMARY"])
        assert reason.split("(")[0].strip() in str(riv["DESCRIPTION"]).replace("\n", "\n")


def test_questions_cli_shares_the_done_parser(capsys):
    code, out, err = _run(
        capsys,
        "questions",
        "--period",
        "2026-01-05:",
        "--as-of",
        "2026-02-20",
        "--done",
        "problem_analysis_due=2026-03-01",
    )
    assert (code, out, err.count("\n")) == (2, "", 1)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_42_week_report_shows_the_statutory_day_next_to_uwvs_working_day(capsys, lang):
    """Ziektewet art. 38 lid 1: day 295 itself (Saturday 24 October 2026); UWV: Monday 26 October."""
    rows = _by_id(_json(capsys, "timeline", "--period", "2026-01-03:", "--as-of", "2026-02-01", "--lang", lang))
    row = rows["uwv_sick_report_due"]
    assert row["date"] == "2026-10-26"
    assert t(lang, "milestones.note.statute_first_day", statute_date="2026-10-24") in row["notes"]
    assert "zw_38_1" in {source["id"] for source in row["sources"]}


def test_pregnancy_leave_sums_the_periods_around_it_and_other_cause_starts_a_new_count(capsys):
    """BW 7:629 lid 10; WIA art. 23 lid 3: the leave days are not counted, the periods are summed."""
    argv = ["timeline", "--period", "2026-01-05:2026-03-01", "--period", "2026-06-22:", "--as-of", "2026-07-01"]
    leave = ["--pregnancy-leave", "2026-03-02:2026-06-21"]
    summed = _json(capsys, *argv, *leave)
    assert summed["first_sick_day"] == "2026-01-05"
    assert summed["gap_days"] == 112
    assert summed["sick_days"] == 56 + 10
    assert _by_id(summed)["wage_continuation_last_day"]["date"] == "2028-04-23"
    other = _json(capsys, *argv, *leave, "--after-leave-other-cause")
    assert other["first_sick_day"] == "2026-06-22"
    assert _by_id(other)["wage_continuation_last_day"]["date"] == "2028-06-18"


def test_a_later_aow_date_leaves_the_timeline_as_it_is(capsys):
    rows = _by_id(_json(capsys, *BASE, "--aow-date", "2028-01-04"))
    assert rows["wage_continuation_last_day"]["date"] == "2028-01-02"
