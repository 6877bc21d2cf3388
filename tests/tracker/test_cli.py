"""``python -m spoor2 activities``: list, add, import, export; bad input → exit 2 and nothing changed."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta

import pytest

from spoor2.cli import main
from spoor2.i18n import t
from spoor2.store import Store
from spoor2.store import tracker as repo
from tests.conftest import ROOT
from tests.support.pdf_text import pdf_text

DAY = (date.today() - timedelta(days=3)).isoformat()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def count() -> int:
    return repo.count_activities(Store())


def test_add_then_list_as_json_and_csv(capsys):
    code, out, err = run(capsys, "activities", "add", "--date", DAY, "--type", "vacancy_application",
                         "--organisation", "Zorggroep Oost", "--role", "Planner", "--status", "awaiting_response",
                         "--notes", "via werk.nl")  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, "activities", "list")
    [item] = json.loads(out)["activities"]
    assert (item["organisation"], item["status"], item["activity_date"]) == ("Zorggroep Oost", "awaiting_response", DAY)
    code, out, _ = run(capsys, "activities", "--lang", "nl", "list", "--format", "csv")
    # every field is quoted (D5: a ";" or a line break never splits a cell in a Dutch Excel)
    assert out.splitlines()[0].startswith('"Datum","Soort","Organisatie"') and "Wacht op reactie" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--type", "lunch", "--organisation", "X"], "is not a type of activity"),
        (["--type", "training", "--organisation", " "], "Fill in the organisation"),
        (["--type", "training", "--organisation", "X", "--status", "lost"], "is not a status"),
        (["--type", "training", "--organisation", "X", "--notes", "n" * 5001], "at most 5000"),
    ],
)
def test_bad_add_exits_2_with_one_line_and_changes_nothing(capsys, args, message):
    code, out, err = run(capsys, "activities", "add", "--date", DAY, *args)
    assert code == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1
    assert count() == 0


def test_bad_date_in_dutch(capsys):
    code, _, err = run(capsys, "activities", "--lang", "nl", "add", "--date", "gisteren", "--type", "training",
                       "--organisation", "X")  # fmt: skip
    assert code == 2 and "is geen datum" in err


def test_import_good_file_then_a_file_with_bad_rows(capsys, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(f"date,type,organisation,role,status,notes\n{DAY},training,ROC,,done,\n{DAY},other,X,,,\n")
    code, out, err = run(capsys, "activities", "import", str(good))
    assert code == 0 and t("en", "tracker.cli.imported", count=2, path=good) in out, err
    bad = tmp_path / "bad.csv"
    bad.write_text(f"datum;soort;organisatie\n{DAY};training;ROC\n31-02-2026;training;X\n{DAY};lunch;Y\n")
    code, out, err = run(capsys, "activities", "import", str(bad))
    assert code == 2
    assert "Row 3:" in err and "Row 4:" in err and "Row 2:" not in err
    assert count() == 2
    code, _, err = run(capsys, "activities", "import", str(tmp_path / "missing.csv"))
    assert code == 2 and "missing.csv" in err


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json", ".pdf"])
def test_export_by_extension(capsys, tmp_path, suffix):
    run(capsys, "activities", "add", "--date", DAY, "--type", "open_application", "--organisation", "Café Één")
    target = tmp_path / f"out{suffix}"
    code, _out, err = run(capsys, "activities", "export", str(target), "--lang", "nl", "--from", DAY, "--to", DAY)
    assert code == 0, err
    data = target.read_bytes()
    if suffix == ".pdf":
        text = pdf_text(data)
        assert data.startswith(b"%PDF") and "Café Één" in text and "Totaal: 1" in text
    elif suffix == ".json":
        assert json.loads(data)["activities"][0]["organisation"] == "Café Één"
    elif suffix == ".csv":
        assert "Open sollicitatie" in data.decode("utf-8-sig")
    else:
        assert data.startswith(b"PK")


def test_export_refuses_unknown_extension_and_reversed_period(capsys, tmp_path):
    code, _, err = run(capsys, "activities", "export", str(tmp_path / "out.doc"))
    assert code == 2 and ".csv" in err and not (tmp_path / "out.doc").exists()
    code, _, err = run(capsys, "activities", "export", str(tmp_path / "o.csv"), "--from", "2026-02-01", "--to",
                       "2026-01-01")  # fmt: skip
    assert code == 2 and not (tmp_path / "o.csv").exists()


def test_runs_as_a_module(data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "spoor2", "activities", "add", "--date", DAY, "--type", "foo", "--organisation", "X"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and "foo" in result.stderr and result.stdout == ""


def test_the_command_is_named_after_the_capability_and_activities_stays_an_alias(capsys):
    code, _, err = run(capsys, "tracker", "add", "--date", DAY, "--type", "vacancy_application", "--organisation", "A")
    assert code == 0, err
    listed = [json.loads(run(capsys, name, "list")[1])["activities"] for name in ("tracker", "activities")]
    assert listed[0] == listed[1]
    assert [item["organisation"] for item in listed[0]] == ["A"]


def test_a_file_imported_before_is_refused_unless_again(capsys, tmp_path):
    good = tmp_path / "log.csv"
    good.write_text(f"date,type,organisation\n{DAY},training,ROC\n{DAY},other,X\n")
    assert run(capsys, "tracker", "import", str(good))[0] == 0
    [earlier] = [repo.previous_import(Store(), good.read_bytes())]
    assert earlier is not None and (earlier.file_name, earlier.row_count) == ("log.csv", 2)
    renamed = tmp_path / "copy of log.csv"  # the same bytes under another name: still the same file
    renamed.write_bytes(good.read_bytes())
    for lang, expected in (("en", "already imported on"), ("nl", "al geïmporteerd op")):
        code, out, err = run(capsys, "tracker", "--lang", lang, "import", str(renamed))
        assert code == 2 and out == "" and len(err.splitlines()) == 1, err
        assert expected in err and earlier.imported_at[:10] in err and "--again" in err
        assert err == t(lang, "tracker.cli.already_imported", date=earlier.imported_at[:10], rows=2) + "\n"
    assert count() == 2  # nothing was added
    code, out, err = run(capsys, "tracker", "import", "--again", str(renamed))
    assert code == 0 and t("en", "tracker.cli.imported", count=2, path=renamed) in out, err
    assert count() == 4
    good.write_text(f"date,type,organisation\n{DAY},training,ROC\n{DAY},other,Y\n")  # changed: a new file
    assert run(capsys, "tracker", "import", str(good))[0] == 0 and count() == 6


def test_a_refused_file_is_not_remembered_as_imported(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(f"date,type,organisation\n{DAY},lunch,X\n")
    for _ in range(2):
        code, _, err = run(capsys, "tracker", "import", str(bad))
        assert code == 2 and "Row 2:" in err and "--again" not in err
    assert repo.previous_import(Store(), bad.read_bytes()) is None and count() == 0


def test_the_already_imported_message_has_one_and_other_in_both_languages():
    for lang in ("en", "nl"):
        one = t(lang, "tracker.cli.already_imported", date="2026-12-01", rows=1)
        other = t(lang, "tracker.cli.already_imported", date="2026-12-01", rows=7)
        assert "2026-12-01" in one and "(1 " in one and "(7 " in other and one != other
        assert "--again" in one and "{" not in one + other
