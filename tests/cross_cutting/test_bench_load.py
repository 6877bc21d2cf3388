"""The load benchmark's driver (``bench/load.py``) works: a short local run with one browser session and two
protocol clients (``bench/wsclient.py``) clicks through pages and adds activities without errors, and a row
taken out of the store behind its back is counted as lost. Not a timing test: nothing about speed is asserted
(that is ``make bench-load``)."""

from __future__ import annotations

import pytest

from bench import load
from tests.support.browser import require_chromium

pytestmark = pytest.mark.browser


def test_rows_lost_counts_what_the_store_lacks():
    added = {"anna": {"A", "B"}, "bram": {"C"}}
    stored = {"anna": ["A", "B", "X"], "bram": []}
    assert load.rows_lost(added, stored.__getitem__) == {"bram": 1}
    assert load.rows_lost({"anna": {"A"}}, lambda _owner: ["A"]) == {}


def test_by_client_separates_browser_and_protocol_sessions():
    grouped = load._by_client({"open page [browser]": [1.0], "open page [protocol]": [0.2, 0.3], "add": [4.0]})
    assert grouped == {"browser": [1.0, 4.0], "protocol": [0.2, 0.3]}


def test_a_browser_and_two_protocol_clients_drive_the_local_app_and_a_lost_row_is_counted():
    require_chromium()
    argv = ["--local", "--sessions", "3", "--browsers", "1", "--seconds", "20", "--ramp", "1", "--think", "1-2"]
    args = load.parse(argv)
    args.first = "tracker"  # the first interaction opens /tracker and adds an activity
    args.timeout = 60  # a slow shared machine makes it slower, not wrong
    taken: list[str] = []

    def lose_one(target, results) -> None:  # type: ignore[no-untyped-def]
        from spoor2.store import Store
        from spoor2.store import tracker as repo

        store = Store(target.folder / "data" / "spoor2.sqlite3")
        try:
            victim = next(a for a in repo.iter_activities(store) if a.organisation.startswith("Load "))
            assert repo.delete_activity(store, victim.id)
            taken.append(victim.organisation)
        finally:
            store.close()

    args.lose_one = lose_one
    summary = load.run(args)
    assert summary["errors"] == 0, summary["error_samples"]
    assert summary["interactions"] >= 3
    assert summary["browser_sessions"] == 1
    assert set(summary["by_client"]) == {"browser", "protocol"}  # both kinds of session got through
    assert summary["activities_added"] >= 3  # every session's first interaction adds one on /tracker
    assert taken and summary["rows_lost"] == 1
