"""``python -m spoor2 journal``: add (the same day edits), list, export, typical-day; bad input exits 2."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from spoor2.cli import main
from spoor2.render.docx import text_of
from spoor2.store import journal as repo
from tests.support.pdf_text import pdf_text

TODAY = date.today()


def test_add_then_the_same_day_again_changes_it(store, capsys):
    assert main(["journal", "add", "--date", TODAY.isoformat(), "--energy", "5", "--active-hours", "2.5"]) == 0
    assert main(["journal", "add", "--date", TODAY.isoformat(), "--energy", "3"]) == 0
    out = capsys.readouterr().out
    assert "Saved" in out and "Changed" in out
    assert [(e.energy, e.active_hours) for e in repo.entries(store)] == [(3, None)]


@pytest.mark.parametrize(
    "extra",
    [
        ["--energy", "11"],
        ["--note", "x" * 2001],
        ["--active-hours", "1.1"],
    ],
)
def test_bad_input_exits_2_with_one_line_and_saves_nothing(store, capsys, extra):
    assert main(["journal", "--lang", "nl", "add", "--date", TODAY.isoformat(), *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Er is niets opgeslagen" in err
    assert repo.entries(store) == []


def test_a_future_date_is_refused(store, capsys):
    assert main(["journal", "add", "--date", (TODAY + timedelta(days=1)).isoformat(), "--energy", "4"]) == 2
    assert "future" in capsys.readouterr().err
    assert repo.entries(store) == []


def test_list_and_export_neutralise_formulas_in_csv(store, capsys, tmp_path):
    main(["journal", "add", "--date", TODAY.isoformat(), "--energy", "4", "--note", '=HYPERLINK("x")'])
    capsys.readouterr()
    assert main(["journal", "list"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["note"] == '=HYPERLINK("x")' and rows[0]["energy"] == 4
    target = tmp_path / "journal.csv"
    assert main(["journal", "export", str(target)]) == 0
    assert "'=HYPERLINK" in target.read_text(encoding="utf-8-sig")
    assert main(["journal", "export", str(tmp_path / "journal.exe")]) == 2


def test_typical_day_writes_word_and_pdf_in_the_chosen_language(store, tmp_path):
    for n in range(8):
        day = (TODAY - timedelta(days=n)).isoformat()
        main(["journal", "add", "--date", day, "--energy", str(3 + n % 3), "--active-hours", "2"])
    docx = tmp_path / "dag.docx"
    assert main(["journal", "typical-day", str(docx), "--lang", "nl"]) == 0
    words = text_of(docx.read_bytes())
    assert "Mijn dagverhaal" in words and "8 dagen genoteerd" in words
    pdf = tmp_path / "day.pdf"
    start = (TODAY - timedelta(days=2)).isoformat()
    assert main(["journal", "typical-day", str(pdf), "--from", start, "--to", TODAY.isoformat()]) == 0
    text = pdf_text(pdf.read_bytes())
    assert "3 days recorded" in text and "too little" in text


def test_typical_day_uses_the_saved_text(store, tmp_path):
    repo.save_typical_day(store, "en", "My own words for the doctor", None, None)
    out = tmp_path / "day.docx"
    assert main(["journal", "typical-day", str(out)]) == 0
    assert "My own words for the doctor" in text_of(out.read_bytes())


def test_typical_day_refuses_another_format_and_a_reversed_period(store, tmp_path, capsys):
    assert main(["journal", "typical-day", str(tmp_path / "x.txt")]) == 2
    args = ["journal", "typical-day", str(tmp_path / "x.pdf"), "--from", "2026-02-01", "--to", "2026-01-01"]
    assert main(args) == 2
