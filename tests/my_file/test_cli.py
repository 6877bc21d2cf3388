"""``python -m spoor2 file check`` and ``file proposals add|list``: JSON and text, both languages, the
situation from the options or the saved data, exit 2 with one line on bad input."""

from __future__ import annotations

import json
from datetime import date

import pytest

from spoor2.cli import main
from spoor2.i18n import t
from spoor2.my_file.checks import FLAG_IDS, check_ids
from spoor2.my_file.proposals import Proposal
from spoor2.store import my_file as repo
from spoor2.store import timeline as timeline_repo
from spoor2.timeline.rules import SickPeriod, TimelineInput


def _run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _items(out: str) -> dict[str, dict]:  # type: ignore[type-arg]
    return {row["id"]: row for row in json.loads(out)["items"]}


def test_check_json_from_the_options_lists_every_check_and_flag(capsys, store):
    code, out, err = _run(
        capsys, "file", "check", "--period", "2025-09-01:", "--as-of", "2026-11-01", "--format", "json"
    )
    assert (code, err) == (0, "")
    items = _items(out)
    assert list(items) == [*check_ids(), *FLAG_IDS]
    assert items["spoor2_late"] == {
        "id": "spoor2_late",
        "kind": "flag",
        "block": "file_and_first_year_evaluation",
        "status": "gap",
        "sources": ["practice_spoor2_six_weeks", "mf_bk_5_eje", "bw_7_658a", "mf_werkwijzer_aow"],
        "due": "2026-10-11",
        "question_id": "emp_spoor2_why_not",
    }
    assert items["file_complete"]["due"] == "2027-05-30"
    assert {row["status"] for row in items.values()} <= {"ok", "gap", "unknown"}


def test_check_done_moves_the_deadline_and_a_day_before_it_is_no_flag(capsys, store):
    argv = ["file", "check", "--period", "2025-09-01:", "--done", "first_year_evaluation_window=2026-09-20"]
    code, out, _ = _run(capsys, *argv, "--as-of", "2026-11-01", "--format", "json")
    assert code == 0 and _items(out)["spoor2_late"]["due"] == "2026-11-01"
    assert _items(out)["spoor2_late"]["status"] == "ok"  # on the day itself
    code, out, _ = _run(capsys, *argv, "--as-of", "2026-11-02", "--format", "json")
    assert _items(out)["spoor2_late"]["status"] == "gap"


def test_check_uses_the_saved_timeline_answers_and_proposals(capsys, store):
    timeline_repo.save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=date(2025, 9, 1)),)))
    repo.add_proposal(
        store,
        Proposal(id="p1", made_on=date(2026, 10, 1), to_whom="employer", kind="training", what="A course"),
        date(2026, 11, 1),
    )
    code, out, _ = _run(capsys, "file", "check", "--as-of", "2026-11-01", "--format", "json")
    items = _items(out)
    assert code == 0
    assert items["proposal_unanswered"]["status"] == "gap"
    assert items["proposals_in_writing"] == {
        **items["proposals_in_writing"],
        "status": "ok",
        "prefilled_from": "proposals:written",
    }


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_check_text_in_both_languages(capsys, store, lang):
    code, out, _ = _run(capsys, "file", "check", "--period", "2025-09-01:", "--as-of", "2026-11-01", "--lang", lang)
    assert code == 0
    assert t(lang, "my_file.summary_gaps", count=1) in out
    assert t(lang, "my_file.check.own_job.label") in out
    assert t(lang, "common.not_legal_advice") in out
    assert "Beleidsregels beoordelingskader poortwachter (UWV), § 4 onder c" in out


def test_check_without_a_timeline_still_answers(capsys, store):
    code, out, _ = _run(capsys, "file", "check", "--as-of", "2026-11-01", "--format", "json")
    assert code == 0 and _items(out)["spoor2_late"]["status"] == "unknown"


@pytest.mark.parametrize(
    "argv",
    [
        ["file", "check", "--as-of", "2026-13-01"],
        ["file", "check", "--period", "not-a-date:"],
        ["file", "check", "--done", "no_such_step=2026-01-01"],
    ],
)
def test_check_bad_input_exits_2_with_one_line(capsys, store, argv):
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1


def test_proposals_add_and_list(capsys, store):
    code, out, err = _run(
        capsys, "file", "proposals", "add", "--date", "2026-10-01", "--to", "agency", "--kind", "other_agency",
        "--what", "=HYPERLINK(\"x\") another agency", "--as-of", "2026-11-01",
    )  # fmt: skip
    assert (code, err) == (0, "")
    (saved,) = repo.list_proposals(store)
    assert saved.what == '=HYPERLINK("x") another agency' and saved.to_whom == "agency"
    assert saved.id in out
    code, out, _ = _run(capsys, "file", "proposals", "list", "--format", "json", "--as-of", "2026-11-01")
    (row,) = json.loads(out)
    assert row["id"] == saved.id and row["flagged"] is True
    code, out, _ = _run(capsys, "file", "--lang", "nl", "proposals", "list", "--as-of", "2026-10-10")
    assert t("nl", "my_file.to_whom.agency") in out and t("nl", "my_file.reply.none") in out
    assert t("nl", "my_file.proposal_unanswered", days=14) not in out  # 9 days: not yet


@pytest.mark.parametrize(
    ("extra", "code_key"),
    [
        (["--date", "2026-12-01", "--what", "x"], "my_file.error.made_in_future"),
        (["--date", "2026-10-01", "--what", "  "], "my_file.error.what_empty"),
        (["--date", "2026-10-01", "--what", "x", "--answer", "accepted"], "my_file.error.answer_date_missing"),
        (
            ["--date", "2026-10-01", "--what", "x", "--answer", "accepted", "--answered-on", "2026-09-30"],
            "my_file.error.answer_before_proposal",
        ),
    ],
)
def test_proposals_add_refuses_bad_input_and_saves_nothing(capsys, store, extra, code_key):
    code, out, err = _run(capsys, "file", "--lang", "nl", "proposals", "add", *extra, "--as-of", "2026-11-01")
    assert (code, out) == (2, "")
    assert err == t("nl", code_key) + "\n"
    assert repo.list_proposals(store) == []
