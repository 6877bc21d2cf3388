"""``make bench`` — measured speed, never asserted in tests.

Prints median wall-clock times for the rules and the store; issue 19's targets, each next to a bare
Streamlit app (one ``st.title``) measured in the same run (``bench/server_side.py``: every page's rerun,
the first save on a fresh server, the big-data pages, every export with its peak memory); the
tracker's 10,000-activity benchmark (``bench/tracker.py``); and, where Debian's Chromium is installed,
the cold and warm first paint of every page (``bench/first_paint.py``) and what a click on each page costs the
browser (``bench/clicks.py``). ``--rounds N`` (default 3),
``--no-browser``. docs/benchmarks.md records the figures.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench.common import measure


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


def main() -> None:
    import argparse

    from bench import clicks, first_paint, server_side
    from bench.common import quiet_apptest_logs

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="leave out the Chromium first paint")
    args = parser.parse_args()
    quiet_apptest_logs()
    print(f"{os.cpu_count()} cores; {date.today().isoformat()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SPOOR2_DATA_DIR"] = tmp
        bench_rules()
        bench_store(Path(tmp))
        for suite in ("reruns", "first_saves", "big_data"):
            print("\n".join(getattr(server_side, suite)(args.rounds)[1]), "\n", flush=True)
        print("\n".join(server_side.exports()[1]), "\n", flush=True)
        from bench.tracker import bench as bench_tracker

        bench_tracker()
    if not args.no_browser and Path(first_paint.CHROMIUM).exists():
        print("\n".join(first_paint.report(first_paint.run(args.rounds, first_paint.ROOT / "app.py"), args.rounds)))
        print("\n".join(clicks.run(args.rounds)), flush=True)


if __name__ == "__main__":
    main()
