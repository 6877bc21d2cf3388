"""The tracker's 10,000-activity benchmark (``make bench`` runs it). Never asserted."""

from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path


def bench() -> None:
    from bench.common import measure
    from spoor2.store import Store
    from spoor2.store import tracker as repo
    from spoor2.tracker import import_export as tracker_io
    from spoor2.tracker.activities import ACTIVITY_TYPES, STATUSES, ActivityFilter, validate_activity
    from tests.support.apptest import open_page

    today = date.today()
    with tempfile.TemporaryDirectory() as tmp:
        previous = os.environ.get("SPOOR2_DATA_DIR")
        os.environ["SPOOR2_DATA_DIR"] = tmp
        try:
            store = Store(Path(tmp) / "spoor2.sqlite3")
            items = [
                validate_activity(
                    {
                        "date": (today - timedelta(days=i % 1500)).isoformat(),
                        "type": ACTIVITY_TYPES[i % len(ACTIVITY_TYPES)],
                        "organisation": f"Organisation {i}",
                        "status": STATUSES[i % len(STATUSES)],
                        "notes": "note " * 10,
                    },
                    today=today,
                )
                for i in range(10_000)
            ]
            measure("tracker: import 10,000 activities (one transaction)",
                    lambda: repo.import_activities(store, items), 1)  # fmt: skip
            year = ActivityFilter(start=today - timedelta(days=365), end=today)
            measure(
                "tracker: list one page of 50 (of 10,000)", lambda: repo.list_activities(store, limit=50, offset=500)
            )
            measure("tracker: count + weekly/status aggregates", lambda: (
                repo.count_activities(store), repo.counts_per_week_type(store, year),
                repo.counts_per_type_status(store, year), repo.response_days_histogram(store, year),
            ))  # fmt: skip
            rows = list(repo.iter_activities(store))
            measure("tracker: export CSV (10,000)", lambda: tracker_io.to_csv(rows, "nl"), 3)
            measure("tracker: export XLSX (10,000)", lambda: tracker_io.to_xlsx(rows, "nl"), 1)
            measure("tracker: export PDF (one year)", lambda: tracker_io.overview_pdf(
                list(repo.iter_activities(store, year)), "nl", year.start, year.end, today), 1)  # fmt: skip
            for lang in ("en", "nl"):
                measure(f"tracker: /tracker with 10,000 activities ({lang}) via AppTest",
                        lambda lang=lang: open_page("tracker.py", lang=lang), 3)  # fmt: skip
        finally:
            if previous is not None:
                os.environ["SPOOR2_DATA_DIR"] = previous
