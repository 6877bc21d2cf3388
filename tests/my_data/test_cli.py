"""``python -m spoor2 data export|import|delete``: the same store as the app; bad input exits 2 and changes nothing.

Every test that takes ``store`` runs on both stores: the data folder's SQLite file, and PostgreSQL through
``SPOOR2_DATABASE_URL`` (the rows of the owner ``Store()`` opens there without a login: ``local``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from spoor2.cli import main
from spoor2.i18n import t
from spoor2.my_data import archive as archive_format
from spoor2.store import Store
from spoor2.store import my_data as data_io
from tests.conftest import BACKENDS, ROOT
from tests.support.my_data import fill_store, rebuild, snapshot


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """The store the CLI opens: the SQLite file of the data folder, or (hosted) ``SPOOR2_DATABASE_URL``."""
    if request.param == "sqlite":
        return Store(data_dir / "spoor2.sqlite3")
    monkeypatch.setenv("SPOOR2_DATABASE_URL", request.getfixturevalue("pg_pool").take("cli").app_url)
    return Store()


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_export_delete_and_import_back(capsys, store, tmp_path):
    fill_store(store)
    before = snapshot(store)
    target = tmp_path / "backup" / "export.zip"

    code, out, err = _run(capsys, "data", "export", str(target))
    assert (code, err) == (0, "")
    assert str(target) in out
    assert archive_format.archive_content(target.read_bytes()) == before[0]

    code, out, err = _run(capsys, "data", "delete", "--yes")
    assert (code, err) == (0, "")
    assert sum(data_io.counts(store).values()) == 0 and data_io.file_count(store) == 0

    code, out, err = _run(capsys, "data", "import", str(target))
    assert (code, err) == (0, "")
    assert str(sum(data_io.counts(store).values())) in out
    assert snapshot(store)[0] == before[0]


def test_delete_without_yes_deletes_nothing(capsys, store):
    fill_store(store)
    before = snapshot(store)
    code, out, err = _run(capsys, "data", "--lang", "nl", "delete")
    assert code == 2 and out == ""
    assert err == t("nl", "my_data.error.confirm_needed") + "\n"
    assert snapshot(store) == before


def test_importing_a_bad_file_exits_2_with_one_line_and_changes_nothing(capsys, store, tmp_path):
    fill_store(store)
    before = snapshot(store)
    bad = tmp_path / "bad.zip"
    bad.write_bytes(rebuild(data_io.export_bytes(store), add=(("../escape", b"x"),)))
    code, out, err = _run(capsys, "data", "import", str(bad))
    assert code == 2 and out == ""
    assert err == t("en", "my_data.error.unsafe_path", name="../escape") + "\n"
    assert err.count("\n") == 1
    assert snapshot(store) == before
    assert not (tmp_path / "escape").exists()

    code, out, err = _run(capsys, "data", "--lang", "nl", "import", str(tmp_path / "missing.zip"))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "missing.zip" in err
    assert snapshot(store) == before


def test_a_real_subprocess_exports_and_rejects_a_csv(store, data_dir: Path, tmp_path):
    fill_store(store)
    env = {**os.environ, "SPOOR2_DATA_DIR": str(data_dir)}  # and SPOOR2_DATABASE_URL on PostgreSQL
    target = tmp_path / "export.zip"
    done = subprocess.run(
        [sys.executable, "-m", "spoor2", "data", "export", str(target)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    archive = data_io.read_archive(target.read_bytes(), Store(":memory:", files_root=tmp_path / "f"))
    assert archive.counts()["meetings"] == 1 and len(archive.files) == 1

    csv = tmp_path / "activities.csv"
    csv.write_text("date,organisation\n2026-11-02,Acme\n")
    done = subprocess.run(
        [sys.executable, "-m", "spoor2", "data", "--lang", "nl", "import", str(csv)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == t("nl", "my_data.error.not_a_zip") + "\n"


def test_messages_follow_the_language(capsys, store, tmp_path):
    fill_store(store)
    assert main(["data", "--lang", "nl", "delete", "--yes"]) == 0
    assert capsys.readouterr().out.strip() == t("nl", "my_data.cli.deleted")
    target = tmp_path / "export.zip"
    assert main(["data", "--lang", "nl", "export", str(target)]) == 0
    assert "geëxporteerd" in capsys.readouterr().out
    assert sum(data_io.counts(store).values()) == 0


def test_the_command_is_named_after_the_capability_and_data_stays_an_alias(capsys, store, tmp_path):
    fill_store(store)
    for name in ("my-data", "data"):
        code, _, err = _run(capsys, name, "export", str(tmp_path / f"{name}.zip"))
        assert code == 0, err
    exports = [archive_format.archive_content((tmp_path / f"{name}.zip").read_bytes()) for name in ("my-data", "data")]
    assert exports[0] == exports[1]
