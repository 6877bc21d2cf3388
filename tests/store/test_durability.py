"""Nothing is ever lost: killed writers, concurrent writers, schema upgrades and failed migrations.

* A writer process killed at any moment leaves the database consistent with every commit it
  reported, and no transaction is ever half visible.
* Processes and threads writing the same file at once lose nothing and never see "database is locked".
* A database of every earlier schema version (``tests/store/db_fixtures/vK.sqlite3``, built by
  ``make_fixtures.py`` there) opens with today's ``Store``, migrates, keeps every row, and leaves a
  backup at the old version; a database of a newer version is refused and left untouched.
* A migration that fails half-way leaves the database at the version before it, data intact.

A killed writer, threads sharing one store, and processes and threads writing at once also run on
PostgreSQL (``make_store``/``backend``). The rest stays SQLite-only, because it is about the SQLite file
itself: two first starts creating one file, fixture files of earlier versions, the backup copy next to the
file, a failed migration (on PostgreSQL the app never migrates; the owner role does, ``tests/hosted/``),
and the killed data import, which copies the database file for every round and looks for staged files
next to it (on PostgreSQL an import is one transaction that the server rolls back when its client is
killed, as the killed-writer test shows there).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import text

from spoor2.questions.bank import DocumentRecord, recorded_by
from spoor2.store import Store, StoreUnavailable, migrations
from spoor2.store import orientation as orientation_repo
from spoor2.store import questions as questions_repo
from spoor2.store import timeline as timeline_repo
from spoor2.store.migrations import DatabaseTooNew, Migration, latest_version
from spoor2.timeline.rules import TimelineInput, compute_timeline
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "store" / "db_fixtures"
CHILD_TIMEOUT = 90  # seconds: a bound for a stuck child, never an assertion about speed


def _load_make_fixtures() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_fixtures = _load_make_fixtures()


# --- raw helpers (sqlite3 directly, so the checks do not depend on the code under test) -------------------


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall()
    return sorted(name for (name,) in rows)


def _dump(path: Path) -> dict[str, tuple[list[str], Counter]]:
    """Every table: its columns and its rows (as a multiset)."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in _tables(conn):
            cursor = conn.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            out[table] = (columns, Counter(cursor.fetchall()))
        return out
    finally:
        conn.close()


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] or 0)
    finally:
        conn.close()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _child(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _watchdog(process: subprocess.Popen) -> threading.Timer:
    timer = threading.Timer(CHILD_TIMEOUT, process.kill)
    timer.daemon = True
    timer.start()
    return timer


# --- a writer killed mid-way --------------------------------------------------------------------------------

WRITER = """
import sys, time
from sqlalchemy import text
from spoor2.store import Store, timeline as timeline_repo

path, mode, prefix, rows_per_tx = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = Store(path)
print("ready", flush=True)
insert = text("INSERT INTO settings (owner_id, key, value, updated_at) VALUES (:o, :k, :v, '2026-11-23')")
i = 0
while True:
    if mode == "repo":  # one repo call = one transaction
        timeline_repo.set_setting(store, f"{prefix}{i:05d}-0", str(i))
    else:  # several rows per transaction, with pauses, so the kill often lands inside one
        value = "x" * (3000 if mode == "big" else 10)
        with store.transaction() as conn:
            for j in range(rows_per_tx):
                conn.execute(insert, {"o": store.owner_id, "k": f"{prefix}{i:05d}-{j}", "v": f"{i}:{value}"})
                time.sleep(0.002)
            conn.execute(
                text("UPDATE settings SET value = :v WHERE owner_id = :o AND key = 'last-committed'"),
                {"o": store.owner_id, "v": str(i)},
            )
    print(i, flush=True)
    i += 1
"""


def _kill_writer_after(
    path: Path | str, mode: str, prefix: str, rows_per_tx: int, commits: int, pause: float
) -> list[int]:
    """Start a writer, SIGKILL it once it reported ``commits`` commits (+ ``pause``); its reported commits."""
    process = _child(WRITER, str(path), mode, prefix, str(rows_per_tx))
    timer = _watchdog(process)
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first == "ready", process.stderr.read() if process.stderr else first
        reported: list[int] = []
        while len(reported) < commits:
            line = process.stdout.readline()
            assert line, f"writer stopped early: {process.stderr.read() if process.stderr else ''}"
            reported.append(int(line))
        time.sleep(pause)  # vary the moment of the kill (not a timing assertion)
        process.send_signal(signal.SIGKILL)
        process.wait()
        reported.extend(int(line) for line in process.stdout.read().split())  # printed before the kill
    finally:
        timer.cancel()
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL
    return reported


@pytest.mark.parametrize(
    ("mode", "rows_per_tx", "moments"),
    [
        ("rows", 5, [(1, 0.0), (9, 0.007), (23, 0.013)]),
        ("big", 4, [(2, 0.003), (6, 0.011)]),
        ("repo", 1, [(15, 0.0), (40, 0.004)]),
    ],
)
def test_a_killed_writer_loses_no_commit_and_leaves_no_half_transaction(
    tmp_path, mode, rows_per_tx, moments, backend, request
):
    """On SQLite a process killed on the WAL file; on PostgreSQL a client killed mid-transaction (a replica
    killed mid-session): the server rolls its open transaction back, every reported commit stays."""
    path = tmp_path / "data" / "spoor2.sqlite3"
    location = str(path) if backend == "sqlite" else request.getfixturevalue("pg_pool").take("killed").app_url
    store = Store(location)
    timeline_repo.set_setting(store, "last-committed", "-1")
    timeline_repo.set_setting(store, "before", "kept")
    store.close()
    for round_number, (commits, pause) in enumerate(moments):
        prefix = f"r{round_number}-"
        reported = _kill_writer_after(location, mode, prefix, rows_per_tx, commits, pause)

        if backend == "sqlite":
            assert _integrity(path) == "ok"
        reopened = Store(location)
        try:
            with reopened.read() as conn:
                keys = [
                    k
                    for (k,) in conn.execute(
                        text("SELECT key FROM settings WHERE owner_id = :o AND key LIKE :p"),
                        {"o": reopened.owner_id, "p": f"{prefix}%"},
                    )
                ]
            per_tx = Counter(int(key[len(prefix) :].split("-")[0]) for key in keys)
            # all-or-nothing: every transaction that is visible is complete
            assert set(per_tx.values()) <= {rows_per_tx}, per_tx
            # every reported commit is there; at most the one in flight at the kill committed unreported
            present = sorted(per_tx)
            assert present == list(range(len(present)))
            assert len(present) - 1 in (max(reported), max(reported) + 1)
            if mode != "repo":  # the UPDATE in the same transaction moved together with its rows
                assert timeline_repo.get_setting(reopened, "last-committed") == str(present[-1])
            assert timeline_repo.get_setting(reopened, "before") == "kept"
            timeline_repo.set_setting(reopened, f"after-{round_number}", "writable")  # and it is writable again
        finally:
            reopened.close()


# --- concurrent writers ---------------------------------------------------------------------------------

COUNTER_KEY = "shared-counter"


def write_many(path: str, name: str, count: int) -> None:
    """One writer: its own keys, plus read-modify-write and upserts on shared rows."""
    store = Store(path)
    try:
        for i in range(count):
            timeline_repo.set_setting(store, f"{name}-{i:04d}", str(i))
            with store.transaction() as conn:  # lost-update test: read, then write, in one transaction
                current = conn.execute(
                    text("SELECT value FROM settings WHERE owner_id = :o AND key = :k"),
                    {"o": store.owner_id, "k": COUNTER_KEY},
                ).scalar()
                conn.execute(
                    text(
                        "INSERT INTO settings (owner_id, key, value, updated_at) VALUES (:o, :k, :v, '') "
                        "ON CONFLICT (owner_id, key) DO UPDATE SET value = excluded.value"
                    ),
                    {"o": store.owner_id, "k": COUNTER_KEY, "v": str(int(current or 0) + 1)},
                )
            timeline_repo.set_setting(store, "last-writer", name)  # the same row, upserted by everyone
            timeline_repo.record_milestone(store, "action_plan_due", date(2026, 1, 1 + i % 28), note=name)
    finally:
        store.close()


PROCESS_WRITER = """
import sys, time
from pathlib import Path
from tests.store.test_durability import write_many

path, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.005)
write_many(path, name, count)
print("done", flush=True)
"""


def _run_concurrently(path: Path | str, processes: list[str], threads: list[str], count: int, go: Path) -> None:
    children = [_child(PROCESS_WRITER, str(path), name, str(count), str(go)) for name in processes]
    timers = [_watchdog(child) for child in children]
    errors: list[BaseException] = []
    start = threading.Event()

    def thread_writer(name: str) -> None:
        try:
            start.wait()
            write_many(str(path), name, count)
        except BaseException as error:
            errors.append(error)

    workers = [threading.Thread(target=thread_writer, args=(name,)) for name in threads]
    try:
        for child in children:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        for worker in workers:
            worker.start()
        go.touch()
        start.set()
        for worker in workers:
            worker.join(CHILD_TIMEOUT)
        outputs = [child.communicate() for child in children]
    finally:
        for timer in timers:
            timer.cancel()
        for child in children:
            child.kill()
            child.wait()
    assert errors == []
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert "done" in out
        assert "locked" not in err.lower()


def test_concurrent_processes_and_threads_lose_nothing(tmp_path, backend, request):
    """On SQLite: processes on one file. On PostgreSQL: processes on one database, as replicas are (the same
    person's writes take that person's lock, so the read-modify-write loses nothing there either)."""
    path = tmp_path / "data" / "spoor2.sqlite3"
    location = str(path) if backend == "sqlite" else request.getfixturevalue("pg_pool").take("processes").app_url
    Store(location).close()
    count = 40
    processes, threads = ["proc-a", "proc-b"], ["thread-a", "thread-b"]
    _run_concurrently(location, processes, threads, count, tmp_path / "go")

    if backend == "sqlite":
        assert _integrity(path) == "ok"
    store = Store(location)
    for name in processes + threads:
        for i in range(count):
            assert timeline_repo.get_setting(store, f"{name}-{i:04d}") == str(i)
    writers = len(processes) + len(threads)
    assert timeline_repo.get_setting(store, COUNTER_KEY) == str(writers * count)  # no lost update
    assert timeline_repo.get_setting(store, "last-writer") in processes + threads
    with store.read() as conn:
        total = conn.execute(text("SELECT COUNT(*) FROM settings WHERE owner_id = :o"), {"o": store.owner_id}).scalar()
    assert total == writers * count + 2
    assert timeline_repo.milestone_notes(store)["action_plan_due"] in processes + threads


def test_threads_sharing_one_store_lose_nothing(make_store):
    """What the app does: one cached Store per process, used by every browser session (thread).

    On SQLite and on PostgreSQL (where one person's writes take that person's lock, so this
    read-modify-write loses nothing either)."""
    store = make_store("data")
    count, names = 30, ["s1", "s2", "s3"]
    errors: list[BaseException] = []

    def session(name: str) -> None:
        try:
            for i in range(count):
                timeline_repo.set_setting(store, f"{name}-{i}", name)
                with store.transaction() as conn:
                    current = conn.execute(
                        text("SELECT value FROM settings WHERE owner_id = :o AND key = 'n'"), {"o": store.owner_id}
                    ).scalar()
                    conn.execute(
                        text(
                            "INSERT INTO settings (owner_id, key, value, updated_at) VALUES (:o, 'n', :v, '') "
                            "ON CONFLICT (owner_id, key) DO UPDATE SET value = excluded.value"
                        ),
                        {"o": store.owner_id, "v": str(int(current or 0) + 1)},
                    )
        except BaseException as error:
            errors.append(error)

    workers = [threading.Thread(target=session, args=(name,)) for name in names]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(CHILD_TIMEOUT)
    assert errors == []
    assert timeline_repo.get_setting(store, "n") == str(len(names) * count)
    assert all(timeline_repo.get_setting(store, f"{n}-{i}") == n for n in names for i in range(count))


def test_processes_opening_a_new_database_at_the_same_time_all_succeed(tmp_path):
    """Two first starts at once (app and CLI) must not both run the migrations."""
    path = tmp_path / "data" / "spoor2.sqlite3"
    _run_concurrently(path, ["first-a", "first-b", "first-c"], ["first-t"], 3, tmp_path / "go")
    assert _version(path) == latest_version()
    with sqlite3.connect(path) as conn:
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == list(range(1, latest_version() + 1))
    store = Store(path)
    assert timeline_repo.get_setting(store, COUNTER_KEY) == str(4 * 3)


# --- schema upgrades from every earlier version ------------------------------------------------------------


def _fixture(version: int) -> Path:
    path = FIXTURES / f"v{version}.sqlite3"
    if not path.exists():
        pytest.fail(
            f"no fixture database for schema version {version}: run "
            f"`.venv/bin/python tests/store/db_fixtures/make_fixtures.py --up-to {version}` and commit it"
        )
    return path


def _rows(table: str, owner: str = "local") -> list[dict]:
    return [row for row in make_fixtures.ROWS[table] if row.get("owner_id") == owner]


def _check_readable_through_repos(store: Store, tables: set[str]) -> None:
    """Every fixture row comes back through the repo functions, as the app will read it."""
    other = store.for_owner("second-person")
    assert timeline_repo.get_setting(store, "lang") == "nl"
    assert timeline_repo.get_setting(store, "note") == _rows("settings")[1]["value"]
    assert timeline_repo.get_setting(other, "lang") == "en"

    saved = timeline_repo.load_timeline_input(store)
    assert saved == TimelineInput.model_validate_json(_rows("timeline_inputs")[0]["payload"], strict=False)
    assert saved is not None and saved.periods[1].start == date(2025, 4, 28)
    assert compute_timeline(saved).first_sick_day == date(2025, 3, 3)
    other_input = timeline_repo.load_timeline_input(other)
    assert other_input is not None and other_input.wage_sanction_weeks == 12

    assert timeline_repo.milestone_records(store) == {
        row["milestone_id"]: date.fromisoformat(row["done_on"]) for row in _rows("milestone_records")
    }
    assert timeline_repo.milestone_notes(store)["problem_analysis_due"] == _rows("milestone_records")[0]["note"]
    assert timeline_repo.milestone_records(other) == {"problem_analysis_due": date(2025, 10, 10)}

    if "orientation_results" in tables:
        draft = orientation_repo.load_draft(store, "values")
        assert draft is not None and draft.answers == json.loads(_rows("orientation_drafts")[0]["answers"])
        assert draft.screen == 1
        interests = orientation_repo.list_results(store, "interests")
        assert [r.id for r in interests] == [_rows("orientation_results")[0]["id"]]
        assert interests[0].answers == json.loads(_rows("orientation_results")[0]["answers"])
        assert interests[0].result.holland_code
        capacity = orientation_repo.latest_result(store, "capacity")
        assert capacity is not None
        assert capacity.profile == json.loads(_rows("orientation_results")[1]["profile"])
        assert orientation_repo.list_results(other, "interests") == []

    if "meetings" in tables:
        qlist = questions_repo.load_question_list(store)
        assert qlist is not None
        assert [item.id for item in qlist.items] == ["emp_contact_person", "own-7c1a"]
        assert qlist.items[1].text.startswith("Wanneer krijg ik")
        assert qlist.removed == ("emp_problem_analysis_copy",)
        # The fixture's checklist row says the action plan was not received while the timeline records
        # action_plan_due done on 2025-05-20: old, contradictory data. Since b1b4072 ("one fact, one
        # record") a linked document is received exactly when its timeline step is recorded done, so
        # the timeline record is the one fact and the document reads as received on that day. The raw
        # checklist row itself is kept unchanged (checked above: every row, every value).
        linked = recorded_by()
        done = {row["milestone_id"]: date.fromisoformat(row["done_on"]) for row in _rows("milestone_records")}
        expected = {}
        for row in _rows("document_checklist"):
            on = date.fromisoformat(row["received_on"]) if row["received_on"] else None
            expected[row["doc_id"]] = (row["state"], on)
        for doc, milestone in linked.items():
            if milestone in done:
                expected[doc] = ("received", done[milestone])
        records = questions_repo.document_records(store)
        assert {doc: (r.state, r.on) for doc, r in records.items()} == expected
        assert expected["action_plan"] == ("received", date(2025, 5, 20))
        assert expected["problem_analysis"] == ("received", date(2025, 4, 30))
        assert questions_repo.document_records(other) == {
            "problem_analysis": DocumentRecord(id="problem_analysis", state="received", on=date(2025, 10, 10))
        }
        assert questions_repo.situation_answers(store) == {"spoor2_started": "yes", "fixed_term": "unsure"}
        [meeting] = questions_repo.meetings(store)
        assert meeting.with_whom == _rows("meetings")[0]["with_whom"]
        assert meeting.points == ("Hoeveel uur per week?", "Wie betaalt de opleiding?")
        assert meeting.agreed == "Volgende afspraak over 2 weken."


def test_there_is_a_fixture_for_every_stable_version():
    for version in range(1, min(make_fixtures.STABLE_UP_TO, latest_version() - 1) + 1):
        assert _version(_fixture(version)) == version


@pytest.mark.parametrize("version", range(1, latest_version()))
def test_a_database_of_every_earlier_version_upgrades_without_losing_data(tmp_path, version):
    if version > make_fixtures.STABLE_UP_TO:
        pytest.skip(f"schema version {version} is still being built (not released): no fixture yet")
    path = tmp_path / "data" / "spoor2.sqlite3"
    path.parent.mkdir(exist_ok=True)
    shutil.copyfile(_fixture(version), path)
    before = _dump(path)
    assert _version(path) == version
    files = path.parent / "files"
    if "activities" in before and "evidence_files" not in before:
        # before version 7 the evidence file lived in the files folder (moved in by migration 7)
        for relative, content in make_fixtures.EVIDENCE.items():
            (files / "local" / relative).parent.mkdir(parents=True)
            (files / "local" / relative).write_bytes(content)

    store = Store(path)

    assert store.schema_version() == latest_version()
    after = _dump(path)
    if "activities" in before:
        from spoor2.store import tracker as tracker_repo

        for relative, content in make_fixtures.EVIDENCE.items():
            stored = tracker_repo.evidence_file(store, relative)
            assert stored is not None and stored.content == content
        assert not [p for p in files.rglob("*") if p.is_file()]  # moved in, then removed after the commit
        assert {a.organisation for a in tracker_repo.iter_activities(store)} == {"Gemeente Utrecht"}
    if "tracker_imports" in before:
        from spoor2.store import tracker as tracker_repo

        earlier = tracker_repo.previous_import(store, make_fixtures.TRACKER_CSV)
        assert earlier is not None
        assert (earlier.file_name, earlier.row_count) == ("sollicitaties januari.csv", 1)
        assert tracker_repo.previous_import(store.for_owner("second-person"), make_fixtures.TRACKER_CSV) is None
    for table, (columns, rows) in before.items():
        if table == "schema_migrations":
            continue
        quoted = ", ".join(f'"{c}"' for c in columns)
        with sqlite3.connect(path) as conn:
            kept = Counter(conn.execute(f'SELECT {quoted} FROM "{table}"').fetchall())
        assert kept == rows, table  # every row, every value, nothing added or lost
        assert sum(after[table][1].values()) == sum(rows.values())
    _check_readable_through_repos(store, set(before))
    timeline_repo.set_setting(store, "after-upgrade", "ok")  # and it is writable
    assert timeline_repo.get_setting(store, "after-upgrade") == "ok"

    # a backup at the old version, itself a valid database with the same rows
    backups = sorted((path.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    assert f"-v{version}-" in backups[0].name
    assert _integrity(backups[0]) == "ok"
    assert _version(backups[0]) == version
    assert _dump(backups[0]) == before

    # opening again: nothing left to migrate, so no second backup
    store.close()
    Store(path).close()
    assert len(list((path.parent / "backups").glob("*.sqlite3"))) == 1


def test_a_database_of_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "data" / "spoor2.sqlite3"
    store = Store(path)
    timeline_repo.set_setting(store, "lang", "nl")
    store.close()
    newer = latest_version() + 1
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '2027-01-01')", (newer,)
        )
        conn.execute("CREATE TABLE future_feature (owner_id TEXT, x TEXT)")
    conn.close()
    before, digest = _dump(path), _sha256(path)

    with pytest.raises(DatabaseTooNew) as raised:
        Store(path)

    for lang in ("en", "nl"):
        message = raised.value.message(lang)
        assert str(newer) in message and str(latest_version()) in message
        assert "{" not in message
    assert _sha256(path) == digest
    assert _dump(path) == before
    assert not (path.parent / "backups").exists()


def _with_failing_step(original: tuple[Migration, ...], version: int) -> tuple[Migration, ...]:
    """The migrations, with ``version`` made to fail after its other steps ran."""
    bad = "INSERT INTO no_such_table_here (x) VALUES (1)"
    if version > len(original):
        steps = ("CREATE TABLE half_done (owner_id TEXT)", "INSERT INTO half_done VALUES ('local')", bad)
        return (*original, Migration(version=version, name="failing", steps=steps, owned_tables=("half_done",)))
    return tuple(replace(m, steps=(*m.steps, bad)) if m.version == version else m for m in original)


def test_a_failed_migration_leaves_the_previous_version_and_the_data(tmp_path, monkeypatch):
    path = tmp_path / "data" / "spoor2.sqlite3"
    store = Store(path)
    timeline_repo.set_setting(store, "lang", "nl")
    timeline_repo.record_milestone(store, "action_plan_due", date(2026, 3, 1), note="ontvangen")
    store.close()
    before = _dump(path)
    original, failing = migrations.all_migrations(), latest_version() + 1
    monkeypatch.setattr(migrations, "all_migrations", lambda: _with_failing_step(original, failing))

    with pytest.raises(StoreUnavailable) as raised:  # a message for the person, the cause chained for us
        Store(path)
    assert "no_such_table_here" in str(raised.value.__cause__)

    monkeypatch.undo()
    assert _version(path) == latest_version()
    assert _dump(path) == before  # no half_done table, no version recorded, rows unchanged
    assert _integrity(path) == "ok"
    [backup] = (path.parent / "backups").glob("*.sqlite3")
    assert _dump(backup) == before
    reopened = Store(path)
    assert timeline_repo.get_setting(reopened, "lang") == "nl"
    assert timeline_repo.milestone_notes(reopened) == {"action_plan_due": "ontvangen"}


def test_a_migration_failing_in_the_middle_of_an_upgrade_stops_before_it(tmp_path, monkeypatch):
    """From version 2, migration 5 fails at its last step: the file is at version 4, nothing of 5 is there."""
    path = tmp_path / "data" / "spoor2.sqlite3"
    path.parent.mkdir(exist_ok=True)
    shutil.copyfile(_fixture(2), path)
    before = _dump(path)
    original = migrations.all_migrations()
    monkeypatch.setattr(migrations, "all_migrations", lambda: _with_failing_step(original, 5))

    with pytest.raises(StoreUnavailable) as raised:  # a message for the person, the cause chained for us
        Store(path)
    assert "no_such_table_here" in str(raised.value.__cause__)

    monkeypatch.undo()
    assert _version(path) == 4
    after = _dump(path)
    assert "question_lists" not in after and "meetings" not in after  # the failed step's DDL rolled back
    assert {t: r for t, r in after.items() if t != "schema_migrations"} == {
        t: r for t, r in before.items() if t != "schema_migrations"
    }
    store = Store(path)  # the next start (with the fixed app) finishes the upgrade
    assert store.schema_version() == latest_version()
    _check_readable_through_repos(store, set(before))


# --- a data import killed at every step -------------------------------------------------------------------

STRAYS = (".import-*", ".old-*", "*.part")

#: A child that validates the archive, then imports it with a self-SIGKILL at one step (argv[3]).
#: ``during_<what>:<n>`` kills at the n-th statement of that kind (the deletes, the row inserts,
#: the file inserts); ``in_commit`` when SQLite starts the COMMIT statement itself.
HOOKED_IMPORT = """
import os, signal, sys
from pathlib import Path
from sqlalchemy import event
from spoor2.store import Store
from spoor2.store import my_data as data_io

folder, archive_path, step = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]


def die(*_args):
    os.kill(os.getpid(), signal.SIGKILL)


def kill_after(name):
    original = getattr(data_io, name)

    def wrapped(*args, **kwargs):
        original(*args, **kwargs)
        die()

    setattr(data_io, name, wrapped)


store = Store(folder / "spoor2.sqlite3")
archive = data_io.read_archive(archive_path.read_bytes(), store)
if step == "before_transaction":
    die()
elif step in ("after_deletes", "after_inserts", "after_blobs"):
    kill_after({"after_deletes": "_delete_rows", "after_inserts": "_insert_rows", "after_blobs": "_insert_files"}[step])
elif step.startswith("during_"):
    what, n = step.removeprefix("during_").split(":")
    prefix = {"deletes": "DELETE", "inserts": "INSERT INTO \\"", "blobs": "INSERT INTO evidence_files"}[what]
    seen = [0]

    @event.listens_for(store.engine, "before_cursor_execute")
    def count(conn, cursor, statement, *_rest):
        if statement.startswith(prefix):
            seen[0] += 1
            if seen[0] == int(n):
                die()
elif step == "before_commit":
    event.listen(store.engine, "commit", die)  # SQLAlchemy's commit event runs before the COMMIT
elif step == "in_commit":

    @event.listens_for(store.engine, "begin")
    def trace(conn):
        conn.connection.dbapi_connection.set_trace_callback(lambda sql: sql == "COMMIT" and die())

data_io.import_archive(store, archive)
if step == "after_commit":
    die()
print("finished", flush=True)
"""

#: ``python -m spoor2 my-data import FILE``, with a line on stdout once Python and the CLI are loaded.
CLI_IMPORT = """
import sys
from spoor2.cli import main
print("ready", flush=True)
sys.exit(main(["my-data", "import", sys.argv[1]]))
"""

KILL_STEPS = (
    "before_transaction",
    "during_deletes:3",
    "after_deletes",
    "during_inserts:150",
    "after_inserts",
    "during_blobs:3",
    "after_blobs",
    "before_commit",
    "in_commit",
    "after_commit",
)


def _evidence_pdf(tag: str, k: int) -> bytes:
    return b"%PDF-1.4\n" + hashlib.sha256(f"{tag}{k}".encode()).digest() * 400  # 12.8 kB, different per file


def _fill_for_import(store: Store, tag: str, activities: int, files: int) -> None:
    from spoor2.store import tracker as tracker_repo
    from spoor2.tracker.activities import Activity
    from tests.support.my_data import fill_store

    fill_store(store, note=f"{tag} note")
    day = date(2026, 1, 5)
    tracker_repo.import_activities(
        store,
        [
            Activity(id=f"{tag}-{i:05d}", activity_date=day, type="other", organisation=f"{tag} {i}", status="done")
            for i in range(activities)
        ],
        source=tracker_repo.UploadedFile(f"{tag}.csv", tag.encode()),
    )
    for k in range(files):
        tracker_repo.add_activity(
            store,
            Activity(id=f"{tag}-file-{k}", activity_date=day, type="other", organisation=f"{tag} file {k}"),
            evidence=tracker_repo.EvidenceUpload(f"proof-{k}.pdf", _evidence_pdf(tag, k)),
        )


def _row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in _tables(conn)}
    finally:
        conn.close()


def _strays(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for pattern in STRAYS for p in folder.rglob(pattern))


def _check_after_kill(folder: Path, expected: dict[str, tuple[dict[str, int], dict[str, bytes]]], scratch: Path) -> str:
    """The killed import left entirely the old or entirely the new data (its name), all consistent."""
    from spoor2.my_data.archive import archive_content
    from spoor2.store import my_data as data_io

    path = folder / "spoor2.sqlite3"
    assert _strays(folder) == []  # nothing was staged on disk, even before a restart cleans up
    assert _integrity(path) == "ok"
    counts = _row_counts(path)
    [state] = [name for name, (rows, _) in expected.items() if rows == counts] or [f"neither: {counts}"]
    assert state in expected, state
    with sqlite3.connect(path) as conn:
        loose = conn.execute(
            "SELECT a.evidence_file FROM activities a LEFT JOIN evidence_files e"
            " ON e.owner_id = a.owner_id AND e.id = a.evidence_file"
            " WHERE a.evidence_file IS NOT NULL AND e.id IS NULL"
        ).fetchall()
        stored = conn.execute("SELECT id, size, sha256, content FROM evidence_files").fetchall()
    conn.close()
    assert loose == []  # every reference resolves to a stored file
    for identifier, size, digest, content in stored:
        assert (len(content), hashlib.sha256(content).hexdigest()) == (size, digest), identifier

    store = Store(path)
    try:
        exported = data_io.export_bytes(store)
        assert archive_content(exported) == expected[state][1]  # every row and every file, not only counts
        assert _strays(folder) == []
    finally:
        store.close()
    if scratch.exists():
        shutil.rmtree(scratch)
    again = Store(scratch / "spoor2.sqlite3")  # the fresh export is a backup that imports
    try:
        data_io.import_bytes(again, exported)
        assert archive_content(data_io.export_bytes(again)) == expected[state][1]
    finally:
        again.close()
    return state


@pytest.mark.slow
def test_a_data_import_killed_at_any_step_leaves_all_the_old_or_all_the_new_data(tmp_path):
    from spoor2.my_data.archive import archive_content
    from spoor2.store import my_data as data_io

    new_store = Store(tmp_path / "new" / "spoor2.sqlite3")
    _fill_for_import(new_store, "New", activities=400, files=6)
    new_store.close()
    archive = tmp_path / "backup.zip"
    result = subprocess.run(
        [sys.executable, "-m", "spoor2", "my-data", "export", str(archive)],
        check=False,
        cwd=ROOT,
        env={**os.environ, "SPOOR2_DATA_DIR": str(tmp_path / "new")},
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    template = tmp_path / "old"
    old_store = Store(template / "spoor2.sqlite3")
    _fill_for_import(old_store, "Old", activities=150, files=3)
    old_content = archive_content(data_io.export_bytes(old_store))
    old_store.close()
    imported = tmp_path / "imported"
    shutil.copytree(template, imported)
    reference = Store(imported / "spoor2.sqlite3")
    data_io.import_bytes(reference, archive.read_bytes())
    new_content = archive_content(data_io.export_bytes(reference))
    reference.close()
    assert new_content == archive_content(archive.read_bytes())
    expected = {
        "old": (_row_counts(template / "spoor2.sqlite3"), old_content),
        "new": (_row_counts(imported / "spoor2.sqlite3"), new_content),
    }
    assert expected["old"][0] != expected["new"][0]
    work, scratch = tmp_path / "work", tmp_path / "scratch"

    def fresh() -> None:
        if work.exists():
            shutil.rmtree(work)
        shutil.copytree(template, work)

    # 1. a self-kill at each step: before the COMMIT the old data, after it the new
    for step in KILL_STEPS:
        fresh()
        process = _child(HOOKED_IMPORT, str(work), str(archive), step)
        timer = _watchdog(process)
        try:
            _, err = process.communicate()
        finally:
            timer.cancel()
        assert process.returncode == -signal.SIGKILL, (step, err)
        assert _check_after_kill(work, expected, scratch) == ("new" if step == "after_commit" else "old"), step

    # 2. the CLI's import (`my-data import FILE`, in a child that says when its modules are loaded)
    #    killed from outside at moments spread over the import, later and later until one completes
    env = {**os.environ, "SPOOR2_DATA_DIR": str(work)}

    def run(delay: float | None) -> tuple[int, float]:
        process = subprocess.Popen(
            [sys.executable, "-c", CLI_IMPORT, str(archive)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        timer = _watchdog(process)
        try:
            assert process.stdout is not None and process.stdout.readline() == "ready\n"
            started = time.monotonic()
            try:
                process.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
            process.wait()
            return process.returncode, time.monotonic() - started
        finally:
            timer.cancel()
            process.stdout.close()  # type: ignore[union-attr]

    fresh()
    code, whole = run(None)
    assert code == 0 and _check_after_kill(work, expected, scratch) == "new"
    outcomes: list[tuple[float, int, str]] = []
    delays = [whole * i / 10 for i in range(12)]  # 0 % … 110 % of an import's duration
    while delays:
        delay = delays.pop(0)
        fresh()
        code, _ = run(delay)
        assert code in (0, -signal.SIGKILL)
        outcomes.append((round(delay, 3), code, _check_after_kill(work, expected, scratch)))
        if not delays and code != 0 and len(outcomes) < 30:
            # later still, until an import completes (a loaded machine makes an import slower than measured)
            delays.append(delay * 1.5 + whole * 0.2)
    # every kill left all the old or all the new data (checked above); an import that ran out finished "new"
    assert {state for _, code, state in outcomes if code == 0} <= {"new"}
    assert any(code == -signal.SIGKILL for _, code, _ in outcomes), outcomes
    print(f"import {whole:.3f}s; killed at (delay, rc, state): {outcomes}")
