"""``make bench`` — measured speed, never asserted in tests.

Prints median wall-clock times for the rules, the store and every page rendered with
AppTest (next to Streamlit's own floor: a page that renders one line of text), plus the
tracker's 10,000-activity benchmark (``bench/tracker.py``).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path


def measure(label: str, func: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:<60} {median * 1000:10.1f} ms  (median of {repeat})")
    return median


def bench_rules() -> None:
    from spoor2.timeline.rules import SickPeriod, TimelineInput, compute_timeline, where_i_stand

    simple = TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),))
    earlier = tuple(
        SickPeriod(start=date(2024, 1, 1) + timedelta(days=30 * i), end=date(2024, 1, 1) + timedelta(days=30 * i + 20))
        for i in range(20)
    )
    many = TimelineInput(periods=(*earlier, SickPeriod(start=date(2025, 9, 1))))

    def run_simple() -> None:
        for _ in range(100):
            where_i_stand(compute_timeline(simple), date(2026, 11, 22))

    def run_many() -> None:
        for _ in range(100):
            where_i_stand(compute_timeline(many), date(2026, 11, 22))

    measure("rules: 100 × timeline + standing (one period)", run_simple)
    measure("rules: 100 × timeline + standing (21 periods)", run_many)


def bench_store(folder: Path) -> None:
    from spoor2.store import Store
    from spoor2.store.timeline import load_timeline_input, record_milestone, save_timeline_input
    from spoor2.timeline.rules import SickPeriod, TimelineInput

    store = Store(folder / "bench.sqlite3")
    inp = TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),))
    measure("store: 100 × save timeline input", lambda: [save_timeline_input(store, inp) for _ in range(100)])
    measure("store: 100 × load timeline input", lambda: [load_timeline_input(store) for _ in range(100)])
    measure(
        "store: 100 × record milestone",
        lambda: [record_milestone(store, "action_plan_due", date(2026, 3, 1)) for _ in range(100)],
    )
    store.close()


def bench_pages() -> None:
    from streamlit.testing.v1 import AppTest

    from tests.support.apptest import open_page
    from ui.frame import PAGES

    measure(
        "pages: Streamlit floor (one st.write)",
        lambda: AppTest.from_string("import streamlit as st\nst.write('x')").run(),
        3,
    )
    for spec in PAGES:
        for lang in ("en", "nl"):
            measure(
                f"pages: {spec.key} ({lang}), app.py + page via AppTest",
                lambda spec=spec, lang=lang: open_page(None if spec.url_path == "" else spec.script, lang=lang),
                3,
            )


def main() -> None:
    import logging

    # AppTest runs pages outside a server; Streamlit then warns "missing ScriptRunContext" per call.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(lambda _record: False)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SPOOR2_DATA_DIR"] = tmp
        bench_rules()
        bench_store(Path(tmp))
        bench_pages()
        from bench.tracker import bench as bench_tracker

        bench_tracker()


if __name__ == "__main__":
    main()
