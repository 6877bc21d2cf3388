"""``python -m spoor2 questions``: applicable questions for a given or the saved situation."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from spoor2.cli import main
from spoor2.questions.bank import question_texts
from spoor2.store import questions as repo
from spoor2.store.timeline import save_timeline_input
from spoor2.timeline.rules import SickPeriod, TimelineInput
from tests.conftest import ROOT

FIRST_DAY = "2025-09-01"  # a Monday: week 3 from 2025-09-15, week 30 from 2026-03-23, week 60 from 2026-10-19


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _json(capsys, *argv: str) -> dict:
    code, out, err = _run(capsys, "questions", *argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def _ids(payload: dict) -> set[str]:
    return {q["id"] for q in payload["questions"]}


def test_week_3_30_and_60_give_different_questions(capsys):
    weeks = {}
    for as_of in ("2025-09-17", "2026-03-25", "2026-10-21"):
        payload = _json(capsys, "--period", f"{FIRST_DAY}:", "--as-of", as_of, "--answer", "spoor2_started=no")
        weeks[payload["sick_week"]] = _ids(payload)
    assert sorted(weeks) == [3, 30, 60]
    assert weeks[3] != weeks[30] != weeks[60] != weeks[3]
    assert "emp_problem_analysis_when" in weeks[3]
    assert "emp_spoor2_early" in weeks[30]
    assert "emp_spoor2_why_not" in weeks[60]


def test_json_items_carry_id_audience_text_why_and_sources(capsys):
    payload = _json(capsys, "--period", f"{FIRST_DAY}:", "--as-of", "2026-11-22", "--lang", "nl")
    assert payload["questions"]
    for item in payload["questions"]:
        assert {"id", "audience", "priority", "text", "why", "sources"} <= set(item)
        assert item["text"] == question_texts("nl")[item["id"]].text
        assert item["sources"] and all(s["url"].startswith("http") for s in item["sources"])


def test_done_milestones_change_the_questions(capsys):
    base = ["--period", f"{FIRST_DAY}:", "--as-of", "2026-11-22"]
    late = _ids(_json(capsys, *base))
    assert {"emp_spoor2_late", "emp_problem_analysis_late"} <= late  # overdue: nothing recorded
    on_time = _ids(
        _json(capsys, *base, "--done", "spoor2_decision=2026-09-01", "--done", "problem_analysis_due=2025-10-01")
    )
    assert "emp_spoor2_late" not in on_time and "emp_problem_analysis_late" not in on_time
    done_late = _ids(_json(capsys, *base, "--done", "problem_analysis_due=2025-12-01"))
    assert "emp_problem_analysis_late" in done_late


def test_text_format_groups_by_audience(capsys):
    code, out, _ = _run(capsys, "questions", "--period", f"{FIRST_DAY}:", "--as-of", "2026-11-22", "--format", "text")
    assert code == 0
    assert "Employer\n--------" in out and "[emp_privacy]" in out
    assert out.index("Employer") < out.index("Company doctor")


def test_without_timeline_options_the_saved_situation_is_used(capsys, store):
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=date(2025, 9, 1)),)))
    repo.set_answer(store, "spoor2_started", "yes")
    payload = _json(capsys, "--as-of", "2026-11-22")
    assert payload["sick_week"] == 64
    assert "agency_search_broad" in _ids(payload)


def test_without_any_timeline_general_questions_are_shown(capsys):
    code, out, err = _run(capsys, "questions", "--format", "json", "--as-of", "2026-11-22")
    assert code == 0
    payload = json.loads(out)
    assert payload["sick_week"] is None
    assert "emp_privacy" in _ids(payload) and "emp_spoor2_why_not" not in _ids(payload)
    assert "general questions" in err


@pytest.mark.parametrize(
    "extra",
    [
        ["--done", "not_a_milestone"],
        ["--done", "spoor2_decision=tomorrow"],
        ["--done", "spoor2_decision="],
        ["--answer", "favourite_colour=blue"],
        ["--answer", "spoor2_started=perhaps"],
        ["--document", "diary=received"],
    ],
)
def test_bad_input_exits_2_with_nothing_on_stdout(capsys, extra):
    code, out, err = _run(capsys, "questions", "--period", f"{FIRST_DAY}:", "--as-of", "2026-11-22", *extra)
    assert code == 2
    assert out == ""
    assert err.strip() and "\n" not in err.strip()


@pytest.mark.parametrize("extra", [["--format", "xml"], ["--lang", "de"]])
def test_bad_options_exit_2(capsys, extra):
    with pytest.raises(SystemExit) as exit_info:
        main(["questions", *extra])
    assert exit_info.value.code == 2
    assert capsys.readouterr().out == ""


def test_as_a_real_process(data_dir):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "spoor2",
            "questions",
            "--period",
            f"{FIRST_DAY}:",
            "--as-of",
            "2026-11-22",
            "--lang",
            "nl",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Werkgever" in result.stdout
