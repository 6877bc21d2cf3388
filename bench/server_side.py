"""Server-side speed against Streamlit's floor (issue 19, targets 2-5). Measured, never asserted.

- ``reruns``: every page of the navigation rerun in AppTest (the work a server does per click), next to the
  bare app (one ``st.title``) rerun the same way, in alternating rounds: medians and the ratio. The first line
  after the bare app is the frame alone (``bench.common.FRAME_ONLY``: page_start and the footer, no content), so a
  page's ratio splits into what the frame costs and what its own sections add.
- ``first_saves``: each page's save on a fresh server (a new Python process, as ``streamlit run`` starts one),
  then the same save again: what the first one costs more is what was loaded on first use. Between opening the
  page and the first save the start-up warm-up (ui/warm.py) may finish, as it does while a person reads the page;
  how long that took is printed.
- ``big_data``: /tracker with 10,000 activities, /journal with 3 years of daily check-ins (every section),
  /timeline with 20 periods: rerun medians.
- ``exports``: every export (PDF, Word, XLSX, CSV, the zip of all data) of a year of daily use: time and the
  peak of Python's own allocations while exporting (tracemalloc; the process's peak RSS is printed too).

``python -m bench.server_side [--rounds N] [--only reruns,first_saves,big_data,exports] [--pages timeline,…]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.common import BARE, ROOT, frame_only_app, quiet_apptest_logs

TODAY = date.today()
Lines = list[str]


@contextmanager
def data_dir() -> Iterator[Path]:
    """A fresh, empty SPOOR2_DATA_DIR (the local SQLite store) for the duration."""
    previous = os.environ.get("SPOOR2_DATA_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SPOOR2_DATA_DIR"] = tmp
        os.environ.pop("SPOOR2_DATABASE_URL", None)
        try:
            yield Path(tmp)
        finally:
            if previous is None:
                os.environ.pop("SPOOR2_DATA_DIR", None)
            else:
                os.environ["SPOOR2_DATA_DIR"] = previous


def store_here():  # type: ignore[no-untyped-def]
    from spoor2.paths import database_url
    from spoor2.store import Store

    return Store(database_url())


def timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def rerun_times(at, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Seconds of ``repeat`` reruns of an AppTest that has run once (what a click on a warm server costs)."""
    times = []
    for _ in range(repeat):
        times.append(timed(at.run))
        if at.exception:
            raise RuntimeError([e.value for e in at.exception])
    return times


def bare_app():  # type: ignore[no-untyped-def]
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(BARE)
    at.run()
    return at


def _new_entry_point() -> None:
    """The navigation is drawn once per process and replayed (ui/frame.py: _draw_navigation); its page ids come from
    the entry point, and this process alternates two (the frame-only app and the project's app.py)."""
    from ui.frame import _draw_navigation

    _draw_navigation.clear()


def frame_app(app: Path, lang: str = "en"):  # type: ignore[no-untyped-def]
    """The frame-only app (:func:`bench.common.frame_only_app`) opened in AppTest, once the warm-up is done."""
    from streamlit.testing.v1 import AppTest

    _new_entry_point()
    at = AppTest.from_file(str(app), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    _let_the_warm_up_finish()
    if at.exception:
        raise RuntimeError([e.value for e in at.exception])
    return at


def page_app(script: str, lang: str = "en", section: tuple[str, str] | None = None, *, settle: bool = True):  # type: ignore[no-untyped-def]
    """The page opened in AppTest; with ``settle``, once the start-up warm-up of this process is done."""
    from tests.support.apptest import open_page

    _new_entry_point()
    at = open_page(None if script == "app.py" else script, lang=lang, timeout=120)
    if settle:
        _let_the_warm_up_finish()
    if section is not None:
        at.segmented_control(key=section[0]).set_value(section[1]).run(timeout=120)
    if at.exception:
        raise RuntimeError([e.value for e in at.exception])
    return at


# --- 2. reruns -------------------------------------------------------------------------------------------


FRAME = "frame only"


def reruns(rounds: int, repeat: int = 5, pages: tuple[str, ...] = ()) -> tuple[dict[str, float], Lines]:
    """Rerun medians of the bare app, the frame alone and every page (or the page keys ``pages``)."""
    from ui.frame import PAGES

    times: dict[str, list[float]] = {"bare": [], FRAME: []}
    with data_dir(), frame_only_app() as frame:
        makers: list[tuple[str, Callable[[], Any]]] = [(FRAME, lambda: frame_app(frame))]
        makers += [
            (spec.key, lambda spec=spec: page_app(spec.script)) for spec in PAGES if not pages or spec.key in pages
        ]
        for round_no in range(rounds):
            for name, make in makers:
                pair = [("bare", bare_app), (name, make)]
                for who, start in pair if round_no % 2 == 0 else reversed(pair):
                    times.setdefault(who, []).extend(rerun_times(start(), repeat))
    floor = statistics.median(times["bare"])
    medians = {name: statistics.median(values) for name, values in times.items()}
    lines = [f"server-side rerun in AppTest (empty store, English; medians of {rounds}×{repeat} alternating)"]
    lines += [f"{name:<24} {value * 1000:8.1f} ms  {value / floor:5.2f}×" for name, value in medians.items()]
    return medians, lines


# --- 3. first save on a fresh server ----------------------------------------------------------------------


def _tl_save(at, n: int) -> None:  # type: ignore[no-untyped-def]
    at.date_input(key="tl_start_0").set_value(TODAY - timedelta(days=200 + n))
    at.button(key="tl_save").click().run(timeout=120)


def _tr_add(at, n: int) -> None:  # type: ignore[no-untyped-def]
    number = at.session_state["tr_add_n"]
    at.text_input(key=f"tr_add_org_{number}").input(f"Organisation {n}")
    at.selectbox(key=f"tr_add_type_{number}").select("open_application")
    at.button(key=f"tr_add_submit_{number}").click().run(timeout=120)


def _jr_save(at, n: int) -> None:  # type: ignore[no-untyped-def]
    at.segmented_control(key="jr_energy").set_value(3 + n % 5)
    at.button(key="jr_save").click().run(timeout=120)


def _or_next(at, n: int) -> None:  # type: ignore[no-untyped-def]
    from spoor2.orientation.questionnaires import load_questionnaire

    for item_id in load_questionnaire("interests").screens[n]:
        at.radio(key=f"or_interests_{item_id}").set_value(4)
    at.button(key="or_next_interests").click().run(timeout=120)


def _q_meeting(at, n: int) -> None:  # type: ignore[no-untyped-def]
    if at.segmented_control(key="q_tab").value != "meeting":
        at.segmented_control(key="q_tab").set_value("meeting").run(timeout=120)
    at.date_input(key="q_meet_date").set_value(TODAY - timedelta(days=n))
    at.text_input(key="q_meet_with").input(f"HR manager {n}")
    at.button(key="q_meet_save").click().run(timeout=120)


def _mf_check(at, n: int) -> None:  # type: ignore[no-untyped-def]
    at.radio(key="mf_chk_action_plan").set_value("no" if n % 2 else "yes")
    at.button(key="mf_save_check").click().run(timeout=120)


def _ap_new(at, n: int) -> None:  # type: ignore[no-untyped-def]
    number = at.session_state["ap_new_n"]
    at.text_input(key=f"ap_new_name_{number}").input(f"Version {n}")
    at.button(key=f"ap_new_submit_{number}").click().run(timeout=120)


def _rt_start(at, n: int) -> None:  # type: ignore[no-untyped-def]
    if at.segmented_control(key="rt_section").value != "after_start":
        at.segmented_control(key="rt_section").set_value("after_start").run(timeout=120)
    at.date_input(key="rt_start").set_value(TODAY - timedelta(days=30 + n))
    at.button(key="rt_start_save").click().run(timeout=120)


#: page key -> (what is saved, one save; ``n`` makes each save differ from the one before)
SAVES: dict[str, tuple[str, Callable[[Any, int], None]]] = {
    "timeline": ("Save my timeline", _tl_save),
    "orientation": ("Save and next (a questionnaire screen)", _or_next),
    "tracker": ("Add activity", _tr_add),
    "questions": ("Save the meeting", _q_meeting),
    "my_file": ("Save the check", _mf_check),
    "journal": ("Save the check-in", _jr_save),
    "applying": ("Make a CV version", _ap_new),
    "routes": ("Save the start date", _rt_start),
}
#: pages without a save of their own (home and rights only read; /my-data exports, imports and deletes)
NO_SAVE = {"home": "reads only", "rights": "reads only", "my_data": "export/import/delete, see exports"}


def one_fresh_process(key: str, later: int = 3) -> dict[str, float]:
    """In this (fresh) process: open the page, save once, then ``later`` more times; seconds of each."""
    from ui.frame import PAGES

    quiet_apptest_logs()
    spec = next(spec for spec in PAGES if spec.key == key)
    with data_dir():
        at = page_app(spec.script, settle=False)
        waited = timed(_let_the_warm_up_finish)
        save = SAVES[key][1]
        first = timed(lambda: save(at, 0))
        if at.exception:
            raise RuntimeError([e.value for e in at.exception])
        again = [timed(lambda n=n: save(at, n)) for n in range(1, later + 1)]
        if at.exception:
            raise RuntimeError([e.value for e in at.exception])
    return {"first": first, "later": statistics.median(again), "warm_up": waited}


def _let_the_warm_up_finish() -> None:
    """A person reads the page before saving: the start-up warm-up (ui/warm.py, if this version has it) ends."""
    try:
        from ui import warm
    except ImportError:
        return
    if warm._thread is not None:
        warm._thread.join(timeout=60)


def first_saves(rounds: int) -> tuple[dict[str, dict[str, float]], Lines]:
    results: dict[str, dict[str, list[float]]] = {}
    for _ in range(rounds):
        for key in SAVES:
            out = subprocess.run(
                [sys.executable, "-m", "bench.server_side", "--fresh-process-save", key],
                cwd=ROOT, capture_output=True, text=True, check=True, timeout=600,
            )  # fmt: skip
            measured = json.loads(out.stdout.strip().splitlines()[-1])
            for name, value in measured.items():
                results.setdefault(key, {}).setdefault(name, []).append(value)
    medians = {key: {name: statistics.median(v) for name, v in values.items()} for key, values in results.items()}
    lines = [f"first save on a fresh server vs a later save (AppTest in a new process; medians of {rounds})"]
    lines.append(f"{'page':<12} {'save':<40} {'first':>8} {'later':>8} {'extra':>8}")
    for key, value in medians.items():
        extra = value["first"] - value["later"]
        lines.append(f"{key:<12} {SAVES[key][0]:<40} {value['first']:7.2f}s {value['later']:7.2f}s {extra:7.2f}s")
    lines += [f"{key:<12} (no save: {why})" for key, why in NO_SAVE.items()]
    return medians, lines


# --- 4. big data ------------------------------------------------------------------------------------------


def seed_activities(store, count: int, days: int = 1500) -> None:  # type: ignore[no-untyped-def]
    from spoor2.store import tracker as repo
    from spoor2.tracker.activities import ACTIVITY_TYPES, STATUSES, validate_activity

    items = [
        validate_activity(
            {
                "date": (TODAY - timedelta(days=i % days)).isoformat(),
                "type": ACTIVITY_TYPES[i % len(ACTIVITY_TYPES)],
                "organisation": f"Organisation {i}",
                "status": STATUSES[i % len(STATUSES)],
                "notes": "note " * 10,
            },
            today=TODAY,
        )
        for i in range(count)
    ]
    repo.import_activities(store, items)


def seed_journal(store, days: int) -> None:  # type: ignore[no-untyped-def]
    from spoor2.journal.entries import CheckIn
    from spoor2.store import journal as repo

    for i in range(days):
        repo.save_entry(
            store,
            CheckIn(
                day=TODAY - timedelta(days=i),
                energy=i % 11,
                physical=(i * 3) % 11,
                mental=(i * 7) % 11,
                active_hours=(i % 9) / 2,
                rest_hours=(i % 5) / 2,
                could="boodschappen, een korte wandeling",
                could_not="de hele ochtend werken" if i % 3 else "",
            ),
        )


def seed_periods(store, count: int) -> None:  # type: ignore[no-untyped-def]
    from spoor2.store.timeline import save_timeline_input
    from spoor2.timeline.rules import SickPeriod, TimelineInput

    start = TODAY - timedelta(days=40 * count + 100)
    earlier = [
        SickPeriod(start=start + timedelta(days=40 * i), end=start + timedelta(days=40 * i + 20))
        for i in range(count - 1)
    ]
    save_timeline_input(store, TimelineInput(periods=(*earlier, SickPeriod(start=TODAY - timedelta(days=90)))))


def big_data(rounds: int, repeat: int = 5) -> tuple[dict[str, float], Lines]:
    from ui.journal import SECTIONS as JOURNAL_SECTIONS

    cases: list[tuple[str, str, Callable[[Any], None], tuple[str, str] | None]] = [
        ("/tracker, 10,000 activities", "tracker.py", lambda s: seed_activities(s, 10_000), None),
        ("/timeline, 20 periods", "timeline.py", lambda s: seed_periods(s, 20), None),
    ]
    cases += [
        (
            f"/journal {section}, 3 years daily",
            "journal.py",
            lambda s: seed_journal(s, 3 * 365),
            ("jr_section", section),
        )
        for section in JOURNAL_SECTIONS
    ]
    times: dict[str, list[float]] = {"bare": []}
    for label, script, seed, section in cases:
        with data_dir():
            store = store_here()
            seed(store)
            store.close()
            for _ in range(rounds):
                times["bare"] += rerun_times(bare_app(), repeat)
                times.setdefault(label, []).extend(rerun_times(page_app(script, section=section), repeat))
    medians = {name: statistics.median(values) for name, values in times.items()}
    floor = medians["bare"]
    lines = [f"big data: server-side rerun in AppTest (English; medians of {rounds}×{repeat}; target < 150 ms)"]
    lines += [f"{name:<40} {value * 1000:8.1f} ms  {value / floor:5.2f}×" for name, value in medians.items()]
    return medians, lines


# --- 5. exports -------------------------------------------------------------------------------------------


def seed_year(store) -> None:  # type: ignore[no-untyped-def]
    """A year of daily use: a sick period, a daily check-in, three activities a day, a meeting a month."""
    from spoor2.questions.bank import Meeting
    from spoor2.store import questions as questions_repo

    seed_periods(store, 1)
    seed_journal(store, 365)
    seed_activities(store, 3 * 365, days=365)
    for month in range(12):
        meeting = Meeting(
            id=f"m{month}", on=TODAY - timedelta(days=30 * month), with_whom="HR", points=("emp_privacy", "Reiskosten"),
            agreed="Afspraak " * 20,
        )  # fmt: skip
        questions_repo.save_meeting(store, meeting)


def exports(repeat: int = 3) -> tuple[dict[str, tuple[float, float]], Lines]:
    from spoor2.journal import export as journal_export
    from spoor2.journal.pattern import days_of
    from spoor2.journal.typical_day import typical_day_document, typical_day_text
    from spoor2.my_file.whole import whole_document, whole_pdf
    from spoor2.store import journal as journal_repo
    from spoor2.store import my_data as data_io
    from spoor2.store import my_file_view as file_repo
    from spoor2.store import tracker as tracker_repo
    from spoor2.tracker import import_export as tracker_io
    from spoor2.tracker.activities import ActivityFilter

    year = ActivityFilter(start=TODAY - timedelta(days=365), end=TODAY)
    results: dict[str, tuple[float, float]] = {}
    with data_dir():
        store = store_here()
        seed_year(store)

        def typical() -> Any:
            days = days_of(journal_repo.entries(store), journal_repo.costs(store))
            return typical_day_document(typical_day_text(days, year.start, TODAY, "nl"), "nl", TODAY)

        def activities() -> list[Any]:
            return list(tracker_repo.iter_activities(store, year))

        jobs: dict[str, Callable[[], object]] = {
            "zip of all data (/my-data)": lambda: data_io.export_bytes(store),
            "tracker XLSX (a year)": lambda: tracker_io.to_xlsx(activities(), "nl"),
            "tracker CSV (a year)": lambda: tracker_io.to_csv(activities(), "nl"),
            "tracker PDF overview (a year)": lambda: tracker_io.overview_pdf(
                activities(), "nl", year.start, TODAY, TODAY
            ),
            "journal CSV (a year)": lambda: journal_export.to_csv(journal_repo.entries(store), "nl"),
            "journal typical day PDF": lambda: typical().to_pdf(),
            "journal typical day Word": lambda: typical().to_docx("nl"),
            "my file: the whole file PDF": lambda: whole_pdf(file_repo.whole_file(store, TODAY), "nl", TODAY),
            "my file: the whole file Word": lambda: whole_document(
                file_repo.whole_file(store, TODAY), "nl", TODAY
            ).to_docx("nl"),
        }
        for func in jobs.values():
            func()  # the first call of each loads its libraries; measured under first_saves, not here
        for name, func in jobs.items():
            seconds = statistics.median(timed(func) for _ in range(repeat))
            tracemalloc.start()
            func()
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            results[name] = (seconds, peak / 2**20)
        store.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [f"exports of a year of daily use (median of {repeat}; target < 1 s; peak = Python allocations)"]
    lines += [f"{name:<36} {sec * 1000:8.1f} ms  peak {mib:6.1f} MiB" for name, (sec, mib) in results.items()]
    lines.append(f"{'(peak RSS of the whole bench process)':<36} {rss:8.1f} MiB")
    return results, lines


SUITES = ("reruns", "first_saves", "big_data", "exports")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default=",".join(SUITES), help="comma-separated: " + ", ".join(SUITES))
    parser.add_argument("--pages", default="", help="reruns: comma-separated page keys (default: every page)")
    parser.add_argument("--fresh-process-save", metavar="PAGE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fresh_process_save:
        print(json.dumps(one_fresh_process(args.fresh_process_save)))
        return
    quiet_apptest_logs()
    for suite in args.only.split(","):
        if suite == "exports":
            _, lines = exports()
        elif suite == "reruns":
            _, lines = reruns(args.rounds, pages=tuple(filter(None, args.pages.split(","))))
        else:
            _, lines = globals()[suite](args.rounds)
        print("\n".join(lines), "\n", flush=True)


if __name__ == "__main__":
    main()
