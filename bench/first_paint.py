"""Cold and warm first paint of every page in headless Chromium, next to a bare Streamlit app (issue 19, 1 and 2).

For every page of the navigation, in rounds that alternate with the bare app (one ``st.title``) on the same
machine: start a new server, open ``/<path>?lang=en`` as its very first request and time until the page's
own heading is painted (*cold*: the server has just answered its health check, nothing of the app has run);
then, once the server has gone idle (no CPU for a second: its start-up work is done), open a new tab on the
same server and time it again (*warm*). "Painted" is the first animation frame with the heading on screen,
from the start of the navigation, both read from the browser's own clock (:data:`PAINTED_JS`). The ratio to
the bare app is what counts. The first line after the bare app, ``frame``, is the frame alone
(``bench.common.FRAME_ONLY``: no page content) on a fresh server: what the frame's imports and drawing add
to Streamlit's own start before any page's sections.
``python -m bench.first_paint`` (``--rounds N``, ``--compare OTHER/app.py`` measures another checkout in the
same rounds, for a before/after); needs Debian's Chromium (``/usr/bin/chromium``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bench.common import BARE, FRAME_ONLY_HEADING, ROOT, frame_only_app, start_server, stop_server
from tests.support.browser import CHROMIUM_ARGS  # the one list of flags for Debian's Chromium

CHROMIUM = "/usr/bin/chromium"


#: Runs in the page from its first byte: on every animation frame until the heading has a box, then keeps the time
#: of that frame (ms since the navigation started, the browser's own clock). Playwright's own wait polls a locator
#: at 0, 20, 50, 100, 100 and then every 500 ms: a heading painted 0.3 s after the load event was "seen" up to
#: half a second late, and a page either made the early polls or waited for the next 500 ms one (cold paint
#: looked bimodal, ~0.95 s or ~1.5 s, for the same page). So the wait says when to read, the page says when.
PAINTED_JS = """
(heading) => {
  const wanted = heading.toLowerCase();
  const look = () => {
    for (const h of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
      const box = h.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && h.textContent.toLowerCase().includes(wanted)) {
        window.__spoor2_painted = performance.now();
        return;
      }
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
"""


def _paint(browser, url: str, heading: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from the navigation's start to the first frame with the page's heading on screen."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        context.add_init_script(script=f"({PAINTED_JS})({json.dumps(heading)})")
        tab = context.new_page()
        tab.goto(url)
        tab.wait_for_function("window.__spoor2_painted !== undefined", polling="raf", timeout=90_000)
        return float(tab.evaluate("window.__spoor2_painted")) / 1000
    finally:
        context.close()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def settle(pid: int, quiet: float = 1.0, limit: float = 60.0) -> float:
    """Wait until the server has used no CPU for ``quiet`` seconds (its start-up work done); seconds waited."""
    start = time.perf_counter()
    before = _cpu_seconds(pid)
    while time.perf_counter() - start < limit:
        time.sleep(quiet)
        now = _cpu_seconds(pid)
        if now - before < 0.02:
            break
        before = now
    return time.perf_counter() - start


def cold_and_warm(
    browser, script: Path, path: str, heading: str, import_root: Path | None = None
) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Seconds to the heading: the first request of a fresh server, then (once the server is idle) a new tab."""
    with tempfile.TemporaryDirectory() as data:
        process, url = start_server(script, Path(data), import_root)
        try:
            cold = _paint(browser, f"{url}/{path}", heading)
            settle(process.pid)
            warm = _paint(browser, f"{url}/{path}", heading)
            return cold, warm
        finally:
            stop_server(process)


def run(
    rounds: int, app: Path, compare: Path | None = None, only: tuple[str, ...] = ()
) -> dict[str, dict[str, list[float]]]:
    """{"cold"|"warm": {"bare"|"frame"|page key|"<key> (before)": [seconds per round]}}.

    ``only``: page keys, and ``frame`` for the frame alone (default: the frame and every page).
    """
    from playwright.sync_api import sync_playwright

    from spoor2.i18n import t
    from ui.frame import PAGES

    times: dict[str, dict[str, list[float]]] = {"cold": {}, "warm": {}}

    def keep(name: str, values: tuple[float, float]) -> None:
        for kind, value in zip(("cold", "warm"), values, strict=True):
            times[kind].setdefault(name, []).append(value)

    with ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory())
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE, encoding="utf-8")
        # one group a round per page (and the frame alone first): [(name, entry point, path, heading, import root)]
        groups: list[list[tuple[str, Path, str, str, Path | None]]] = []
        if not only or "frame" in only:
            trees = [("frame", app)] + ([("frame (before)", compare)] if compare is not None else [])
            groups.append(
                [(name, stack.enter_context(frame_only_app(tree.parent)), "", FRAME_ONLY_HEADING, tree.parent)
                 for name, tree in trees]
            )  # fmt: skip
        for spec in (spec for spec in PAGES if not only or spec.key in only):
            heading = t("en", "common.app_name") if spec.key == "home" else t("en", f"nav.{spec.key}")
            path = f"{spec.url_path}?lang=en"
            group = [(spec.key, app, path, heading, None)]
            if compare is not None:
                group.append((f"{spec.key} (before)", compare, path, heading, None))
            groups.append(group)
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        stack.callback(browser.close)
        for round_no in range(rounds):
            for group in groups:
                order = [("bare", bare, "", "Bare", None), *group]
                if round_no % 2:  # alternate who goes first
                    order.reverse()
                for name, script, target, title, import_root in order:
                    measured = cold_and_warm(browser, script, target, title, import_root)
                    keep(name, measured)
                    cold, warm = measured
                    print(f"round {round_no + 1}/{rounds}: {name:<22} cold {cold:6.2f} s, warm {warm:6.2f} s")
    return times


def report(times: dict[str, dict[str, list[float]]], rounds: int) -> list[str]:
    lines = [f"first paint in headless Chromium ({os.cpu_count()} cores, medians of {rounds} alternating rounds)"]
    lines.append(f"{'page':<24} {'cold':>8} {'ratio':>7} {'warm tab':>9} {'ratio':>7}")
    cold_floor = statistics.median(times["cold"]["bare"])
    warm_floor = statistics.median(times["warm"]["bare"])
    for name in times["cold"]:
        cold = statistics.median(times["cold"][name])
        warm = statistics.median(times["warm"][name])
        lines.append(f"{name:<24} {cold:7.2f}s {cold / cold_floor:6.2f}× {warm:8.2f}s {warm / warm_floor:6.2f}×")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--app", type=Path, default=ROOT / "app.py", help="the app.py to measure")
    parser.add_argument("--compare", type=Path, help="another checkout's app.py, measured in the same rounds")
    parser.add_argument("--pages", default="", help="comma-separated page keys and/or frame (default: all)")
    args = parser.parse_args()
    times = run(args.rounds, args.app, args.compare, tuple(filter(None, args.pages.split(","))))
    print("\n".join(report(times, args.rounds)))


if __name__ == "__main__":
    main()
