"""The reliability review's defects, each reproduced (reliability-2026-12.md, D1, D2, D7, D10, D11, D12).

* D1/D2: evidence files are rows; migration 7 moves the old files folder in (also what an
  interrupted import left in ``.old-*``), strays are removed at start and by delete-everything,
  and an export refuses to leave out a file a row names.
* D7: a full disk, a read-only folder, a damaged or foreign database, the data folder being a file
  and a 2^63 integer give one-line messages (exit 2), never a traceback or SQL parameters.
* D10: exports refuse folders, devices and empty names, and a failed export keeps the previous one.
* D11: the data folder is 0700, the database, -wal, -shm, backups and exports 0600.
* D12: SQLite's temporary files stay in memory.

The SQL-parameters test (``make_store``) and the CLI tests that are not about the file (a row whose file is
missing, a disk error while exporting, an integer too large for the database, export targets: ``cli_store``)
also run on PostgreSQL. The others stay SQLite-only: they are about the SQLite file and its folder (modes,
read-only media, a full disk under WAL, a damaged or foreign file, temporary files, migration 7 of a local
files folder), which a hosted database does not have.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from spoor2.cli import main
from spoor2.store import Store
from spoor2.store import my_data as data_io
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as repo
from tests.conftest import BACKENDS, ROOT
from tests.support.my_data import fill_store
from tests.support.skips import skip_unless_ci

FIXTURES = ROOT / "tests" / "store" / "db_fixtures"
EVIDENCE_ID = "evidence/3f2e1d0c9b8a79685746352413021f0e.pdf"
PDF = b"%PDF-1.4\n% proof\n"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(params=BACKENDS)
def cli_store(request: pytest.FixtureRequest, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """The store the CLI opens (``Store()``): the data folder's SQLite file, or ``SPOOR2_DATABASE_URL``."""
    if request.param == "postgresql":
        monkeypatch.setenv("SPOOR2_DATABASE_URL", request.getfixturevalue("pg_pool").take("cli").app_url)
    return Store()


def _one_line_message(code: int, err: str) -> None:
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err and "[SQL" not in err and "parameters" not in err


# --- D1 / D2: files and rows commit together; nothing is left behind ----------------------------------------


def test_migration_7_moves_every_file_in_including_what_an_interrupted_import_left(tmp_path):
    data = tmp_path / "store-data"
    data.mkdir()
    shutil.copyfile(FIXTURES / "v6.sqlite3", data / "spoor2.sqlite3")
    files = data / "files"
    # the D1 state: the row's file sits in .old-local-* (the swap happened, the commit did not)
    (files / ".old-local-.import-local-x" / "evidence").mkdir(parents=True)
    (files / ".old-local-.import-local-x" / EVIDENCE_ID).write_bytes(PDF)
    (files / "local" / "evidence").mkdir(parents=True)
    (files / "local" / "evidence" / "unreferenced.txt").write_bytes(b"kept too")
    (files / "local" / "evidence" / "upload.part").write_bytes(b"")  # a crashed upload
    (files / ".import-local-y" / "evidence").mkdir(parents=True)
    (files / ".import-local-y" / "evidence" / "copy.pdf").write_bytes(PDF)

    store = Store(data / "spoor2.sqlite3")

    stored = repo.evidence_file(store, EVIDENCE_ID)
    assert stored is not None and stored.content == PDF and stored.media_type == "application/pdf"
    with store.read() as conn:
        kept = conn.execute(text("SELECT content FROM evidence_files WHERE id = 'evidence/unreferenced.txt'")).scalar()
    assert kept == b"kept too"
    assert list(files.rglob("*")) == []  # moved in (after the commit), strays and empty folders removed
    exported = data_io.export_bytes(store)  # and the backup is complete again: it imports
    assert data_io.import_bytes(Store(tmp_path / "other" / "spoor2.sqlite3"), exported)["activities"] == 1


def test_strays_are_removed_at_start_and_by_delete_everything(tmp_path):
    store = Store(tmp_path / "spoor2.sqlite3")
    fill_store(store)
    for stray in (".import-local-1", ".old-local-2"):
        (store.files_root / stray / "evidence").mkdir(parents=True)
        (store.files_root / stray / "evidence" / "a.pdf").write_bytes(PDF)
    assert not any(Store(tmp_path / "spoor2.sqlite3").files_root.rglob("*"))  # at start
    for stray in (".import-local-3", ".old-local-4"):
        (store.files_root / stray).mkdir(parents=True)
    data_io.delete_everything(store)
    assert not store.files_root.exists() or not any(store.files_root.rglob("*"))
    with store.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM evidence_files")).scalar() == 0
    store.forget_deleted()
    assert PDF not in Path(tmp_path / "spoor2.sqlite3").read_bytes()


def test_an_export_refuses_a_row_whose_file_is_missing(tmp_path, capsys, cli_store):
    store = cli_store
    fill_store(store)
    with store.transaction() as conn:
        conn.execute(text("DELETE FROM evidence_files"))
    code, out, err = _run(capsys, "my-data", "export", str(tmp_path / "backup.zip"))
    _one_line_message(code, err)
    assert "missing" in err and not (tmp_path / "backup.zip").exists() and out == ""


# --- D7: messages, not tracebacks ------------------------------------------------------------------------------


@pytest.fixture
def mounted(tmp_path):  # type: ignore[no-untyped-def]
    """A small tmpfs of our own (root only), unmounted afterwards."""
    if os.geteuid() != 0:
        skip_unless_ci("mounting a tmpfs needs root")
    mount = tmp_path / "mnt"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], check=False).returncode:
        skip_unless_ci("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_read_only_data_folder_can_still_be_listed_and_exported(mounted, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SPOOR2_DATA_DIR", str(mounted))
    add = ["tracker", "add", "--date", "2026-11-20", "--type", "other", "--organisation", "Acme"]
    subprocess.run([sys.executable, "-m", "spoor2", *add], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["mount", "-o", "remount,ro", str(mounted)], check=True)

    code, out, err = _run(capsys, "tracker", "list")
    assert (code, err) == (0, "") and "Acme" in out
    code, _, err = _run(capsys, "my-data", "export", str(tmp_path / "rescued.zip"))
    assert (code, err) == (0, "") and (tmp_path / "rescued.zip").stat().st_size > 0
    for lang in ("en", "nl"):
        code, _, err = _run(
            capsys, "tracker", "--lang", lang, "add", "--date", "2026-11-20", "--type", "other", "--organisation", "B"
        )
        _one_line_message(code, err)
        assert ("read-only" if lang == "en" else "alleen-lezen") in err


def test_a_full_disk_gives_a_message_without_personal_data(mounted, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SPOOR2_DATA_DIR", str(mounted))
    rows = "".join(f"2026-11-{1 + i % 20:02d},other,Geheime Werkgever {i},{'x' * 150}\n" for i in range(6000))
    (tmp_path / "big.csv").write_text("date,type,organisation,notes\n" + rows)
    Store().close()
    # unbuffered: a partial last write leaves nothing behind for close() to fail on
    with (mounted / "filler").open("wb", buffering=0) as filler, pytest.raises(OSError):  # fill the disk
        while True:
            filler.write(b"\0" * 65536)
            filler.flush()
    code, out, err = _run(capsys, "tracker", "import", str(tmp_path / "big.csv"))
    _one_line_message(code, err)
    assert "Geheime" not in err and "full" in err and out == ""


def test_a_disk_error_while_exporting_is_a_message_and_keeps_the_previous_export(
    tmp_path, capsys, cli_store, monkeypatch
):
    fill_store(cli_store)
    target = tmp_path / "activities.csv"
    target.write_bytes(b"the previous good export")

    def full(*_args):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = _run(capsys, "tracker", "export", str(target))
    _one_line_message(code, err)
    assert "full" in err
    assert target.read_bytes() == b"the previous good export"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["activities.csv", *(p.name for p in tmp_path.iterdir() if p.name != "activities.csv")]
    )
    assert not list(tmp_path.glob(".*part"))  # the temporary file is gone


@pytest.mark.parametrize("case", ["random", "truncated", "foreign", "folder_is_a_file", "database_is_a_folder"])
def test_a_damaged_or_foreign_store_gives_a_message(tmp_path, capsys, monkeypatch, case):
    folder = tmp_path / "store-data"
    folder.mkdir()
    database = folder / "spoor2.sqlite3"
    if case == "random":
        database.write_bytes(os.urandom(8192))
    elif case == "truncated":
        shutil.copyfile(FIXTURES / "v6.sqlite3", database)
        database.write_bytes(database.read_bytes()[:5000])
    elif case == "foreign":
        with sqlite3.connect(database) as conn:
            conn.execute("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, dirty BOOLEAN)")
            conn.execute("INSERT INTO schema_migrations VALUES ('20200101_init', 0)")
        conn.close()
    elif case == "folder_is_a_file":
        shutil.rmtree(folder)
        folder.write_text("not a folder")
    else:
        database.mkdir()
    monkeypatch.setenv("SPOOR2_DATA_DIR", str(folder))
    for lang in ("en", "nl"):
        code, out, err = _run(capsys, "tracker", "--lang", lang, "list")
        _one_line_message(code, err)
        assert out == ""


def test_an_integer_beyond_sqlite_in_an_import_is_refused_with_a_message(tmp_path, capsys, cli_store):
    """2^63 fits neither SQLite's INTEGER nor PostgreSQL's (32 bits there): a message on both, no traceback."""
    import json
    import zipfile

    store = cli_store
    fill_store(store)
    exported = tmp_path / "backup.zip"
    exported.write_bytes(data_io.export_bytes(store))
    with zipfile.ZipFile(exported) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    drafts = json.loads(entries["tables/orientation_drafts.json"])
    drafts[0]["screen"] = 2**63
    entries["tables/orientation_drafts.json"] = json.dumps(drafts).encode()
    with zipfile.ZipFile(exported, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    code, _, err = _run(capsys, "my-data", "import", str(exported))
    _one_line_message(code, err)


def test_sql_parameters_never_appear_in_an_error(make_store):
    store = make_store("data")  # SQLite and PostgreSQL
    try:
        with store.read() as conn:
            conn.execute(text("INSERT INTO no_such_table VALUES (:secret)"), {"secret": "Geheime Werkgever"})
    except Exception as error:
        assert "Geheime" not in str(error)
    else:  # pragma: no cover
        pytest.fail("expected an error")


# --- D10: export targets ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["tracker", "my-data"])
@pytest.mark.parametrize("target", ["", "{folder}", "/dev/null", "{file}/x.csv"])
def test_an_export_refuses_a_folder_a_device_or_an_empty_name(tmp_path, capsys, cli_store, command, target):
    (tmp_path / "plain").write_text("x")
    name = target.format(folder=str(tmp_path), file=str(tmp_path / "plain"))
    name = f"{name}.zip" if command == "my-data" and name.endswith(".csv") else name
    before = sorted(Path.cwd().iterdir())
    code, _, err = _run(capsys, command, "export", name)
    _one_line_message(code, err)
    assert sorted(Path.cwd().iterdir()) == before  # no temporary file in the working folder
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert Path("/dev/null").is_char_device()


# --- D11: permissions -------------------------------------------------------------------------------------------


def test_the_data_folder_and_every_file_are_private(tmp_path, capsys, monkeypatch):
    old_umask = os.umask(0o022)
    try:
        folder = tmp_path / "store-data"
        monkeypatch.setenv("SPOOR2_DATA_DIR", str(folder))
        store = Store()
        fill_store(store)
        assert _mode(folder) == 0o700
        for suffix in ("", "-wal", "-shm"):
            assert _mode(Path(f"{folder / 'spoor2.sqlite3'}{suffix}")) == 0o600, suffix
        assert _run(capsys, "tracker", "export", str(tmp_path / "a.csv"))[0] == 0
        assert _run(capsys, "my-data", "export", str(tmp_path / "a.zip"))[0] == 0
        assert _mode(tmp_path / "a.csv") == 0o600 and _mode(tmp_path / "a.zip") == 0o600
        # an upgrade's backup is private too, even when the old database was 0644
        old = tmp_path / "old"
        old.mkdir()
        shutil.copyfile(FIXTURES / "v5.sqlite3", old / "spoor2.sqlite3")
        (old / "spoor2.sqlite3").chmod(0o644)
        Store(old / "spoor2.sqlite3").close()
        [backup] = (old / "backups").glob("*.sqlite3")
        assert _mode(backup) == 0o600 and _mode(old / "backups") == 0o700
        assert _mode(old / "spoor2.sqlite3") == 0o600
    finally:
        os.umask(old_umask)


# --- D12: temporary files -------------------------------------------------------------------------------------


def test_sqlite_keeps_temporary_data_in_memory(tmp_path):
    store = Store(tmp_path / "spoor2.sqlite3")
    with store.read() as conn:
        assert conn.execute(text("PRAGMA temp_store")).scalar() == 2  # MEMORY
    timeline_repo.set_setting(store, "x", "y")


class _CreatedFiles:
    """Every file created in some folders while it is open (inotify), even one unlinked at once
    (SQLite opens its ``etilqs_*`` temporary files and unlinks them immediately, so a listing
    before and after would not see them)."""

    IN_CREATE, IN_MOVED_TO, IN_Q_OVERFLOW = 0x100, 0x80, 0x4000

    def __init__(self, *folders: Path) -> None:
        import ctypes
        import ctypes.util

        self._libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self._fd = self._libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self._fd < 0:
            skip_unless_ci("inotify is not available here")
        self._folders: dict[int, Path] = {}
        for folder in dict.fromkeys(folders):
            if folder.is_dir():
                wd = self._libc.inotify_add_watch(self._fd, str(folder).encode(), self.IN_CREATE | self.IN_MOVED_TO)
                assert wd >= 0, folder
                self._folders[wd] = folder
        self.created: list[Path] = []

    def poll(self) -> list[Path]:
        import struct

        while True:
            try:
                data = os.read(self._fd, 1 << 16)
            except BlockingIOError:
                return self.created
            offset = 0
            while offset < len(data):
                wd, mask, _cookie, size = struct.unpack_from("iIII", data, offset)
                name = data[offset + 16 : offset + 16 + size].rstrip(b"\0").decode(errors="replace")
                offset += 16 + size
                assert not mask & self.IN_Q_OVERFLOW, "too many events to watch"
                self.created.append(self._folders[wd] / name)

    def close(self) -> None:
        os.close(self._fd)


def _sqlite_temp_files(paths: list[Path]) -> list[str]:
    return sorted(str(p) for p in paths if p.name.startswith(("etilqs_", "sqlite")))


def _run_watched(argv: list[str], env: dict[str, str], watch: _CreatedFiles) -> None:
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while process.poll() is None:
        watch.poll()  # often, so that the kernel's queue never overflows
        time.sleep(0.05)
    watch.poll()
    assert process.returncode == 0, (argv, process.stderr.read() if process.stderr else "")
    if process.stderr:
        process.stderr.close()


SPILLING_SORT = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA temp_store = FILE")
conn.execute("PRAGMA cache_size = -64")
conn.execute("CREATE TABLE t (x TEXT)")
conn.executemany("INSERT INTO t VALUES (?)", ((str(i) * 50,) for i in range(20000)))
conn.execute("SELECT x FROM t ORDER BY x DESC").fetchall()
"""


@pytest.mark.slow
def test_a_big_import_and_export_write_no_temporary_file_outside_the_data_folder(tmp_path):
    import tempfile

    watched = tmp_path / "tmp"  # TMPDIR and SQLITE_TMPDIR of the children: where SQLite would put them
    watched.mkdir()
    data = tmp_path / "store-data"
    data.mkdir()
    shutil.copyfile(FIXTURES / "v6.sqlite3", data / "spoor2.sqlite3")  # an upgrade: migrations and a backup
    (data / "files" / "local" / "evidence").mkdir(parents=True)
    (data / "files" / "local" / EVIDENCE_ID).write_bytes(PDF)  # the v6 fixture's file (migration 7 moves it in)
    env = {**os.environ, "TMPDIR": str(watched), "SQLITE_TMPDIR": str(watched), "SPOOR2_DATA_DIR": str(data)}
    system = [Path(tempfile.gettempdir()), Path("/var/tmp"), Path("/tmp"), Path("/usr/tmp")]
    listed = {folder: set(folder.iterdir()) for folder in system if folder.is_dir()}
    watch = _CreatedFiles(watched, *system)
    try:
        # the watch sees SQLite's temporary files when SQLite does make them (a sort that spills to disk)
        _run_watched([sys.executable, "-c", SPILLING_SORT, str(tmp_path / "control.sqlite3")], env, watch)
        assert _sqlite_temp_files(watch.created), "the watch did not see SQLite's temporary file"
        watch.created.clear()

        rows = "".join(
            f"2026-{1 + i % 11:02d}-{1 + i % 28:02d},other,Werkgever {i % 3000},{'notitie ' * 12}{i}\n"
            for i in range(20_000)
        )
        (tmp_path / "big.csv").write_text("date,type,organisation,notes\n" + rows)
        cli = [sys.executable, "-m", "spoor2"]
        backups: list[Path] = []
        for argv in (
            ["tracker", "import", str(tmp_path / "big.csv")],
            ["tracker", "list", "--format", "csv"],
            ["tracker", "export", str(tmp_path / "big-export.csv")],
            ["my-data", "export", str(tmp_path / "big.zip")],
            ["my-data", "import", str(tmp_path / "big.zip")],
            ["my-data", "delete", "--yes"],  # VACUUM
        ):
            started = time.monotonic()
            _run_watched([*cli, *argv], env, watch)
            print(argv[:2], f"{time.monotonic() - started:.2f}s")
            backups = backups or list((data / "backups").glob("*.sqlite3"))
    finally:
        watch.close()
    assert backups  # the upgrade did run (with its raw backup connection)
    assert [str(p) for p in watch.created if p.parent == watched] == []  # nothing at all in TMPDIR
    assert _sqlite_temp_files(watch.created) == []
    for folder, before in listed.items():
        assert _sqlite_temp_files(sorted(set(folder.iterdir()) - before)) == [], folder
