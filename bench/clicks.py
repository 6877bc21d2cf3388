"""What one click costs, in one browser tab: the CPU behind issue 19's target 6 (a benchmark, not a test).

``python -m bench.clicks [--rounds N] [--pages rights,tracker]`` starts the local app (empty store) and the bare
app of ``bench.load`` (the same pages, sidebar links and headings, nothing else: Streamlit's floor), opens one
tab on each in one headless Debian Chromium and clicks through the sidebar: every page in turn (or home and the
``--pages``), the two apps alternating round by round. Per click, until the page's heading is on screen,
Streamlit's status widget is gone and 0.7 s of quiet have passed:

- **chromium**: CPU seconds of every Chromium process of this machine (renderer, GPU, browser), from ``/proc``:
  what twenty sessions of the load test ask of the cores (so run it on a quiet machine);
- **main thread**: the tab's renderer main-thread time (DevTools ``Performance.getMetrics`` ``TaskDuration``);
- **server**: CPU seconds of the Streamlit process.

The first round is each page's first visit in the tab (its frontend code loaded and compiled) and is reported
apart; the others are medians. Ratios are app ÷ bare.

``--elements``: instead, a generated app with a page of thirty elements of each kind (markdown, radio, date input,
bordered card, …): what one element adds to a click, so a page's cost can be read from what it draws.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.load import SETTLED_JS, BareTarget, LocalTarget
from tests.support.browser import CHROMIUM_ARGS  # the one list of flags for Debian's Chromium

CHROMIUM = "/usr/bin/chromium"
QUIET_S = 0.7
METRICS = ("chromium", "main thread", "server")


def cpu_seconds(stat: str) -> float:
    """utime + stime of one ``/proc/<pid>/stat`` line (the command may hold spaces and parentheses)."""
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    return cpu_seconds(Path(f"/proc/{pid}/stat").read_text(encoding="ascii"))


def chromium_cpu() -> float:
    """CPU seconds of every Chromium process now running."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if "chrom" in (entry / "comm").read_text(encoding="ascii"):
                total += cpu_seconds((entry / "stat").read_text(encoding="ascii"))
        except OSError:
            continue  # ended meanwhile
    return total


@dataclass
class Samples:
    """Per page: the first visit and the later clicks, each a ``{metric: seconds}``."""

    first: dict[str, dict[str, float]] = field(default_factory=dict)
    later: dict[str, list[dict[str, float]]] = field(default_factory=dict)

    def add(self, page: str, cost: dict[str, float], first: bool) -> None:
        if first:
            self.first[page] = cost
        else:
            self.later.setdefault(page, []).append(cost)

    def median(self, page: str, metric: str) -> float:
        return statistics.median(cost[metric] for cost in self.later[page])


def report(bare: Samples, app: Samples, pages: list[str], rounds: int) -> list[str]:
    """The table: per page the median click (chromium, main thread, server) of both apps, the ratio, the first visit."""
    title = (
        f"one click in one tab, empty store: medians of {rounds} rounds after a first visit, bare and app alternating"
    )
    header = (
        f"{'page':12s} {'chromium: bare':>14s} {'app':>6s} {'ratio':>6s}  {'main: bare':>10s} {'app':>5s}  "
        f"{'server: bare':>12s} {'app':>4s}  {'first visit: bare':>17s} {'app':>5s}"
    )
    lines = [f"{title} ({os.cpu_count()} cores); ms", header]
    ratios = []
    for page in pages:
        ms = {(who, m): 1000 * s.median(page, m) for who, s in (("bare", bare), ("app", app)) for m in METRICS}
        ratio = ms["app", "chromium"] / ms["bare", "chromium"] if ms["bare", "chromium"] else float("inf")
        ratios.append(ratio)
        lines.append(
            f"{page:12s} {ms['bare', 'chromium']:14.0f} {ms['app', 'chromium']:6.0f} {ratio:5.2f}×  "
            f"{ms['bare', 'main thread']:10.0f} {ms['app', 'main thread']:5.0f}  "
            f"{ms['bare', 'server']:12.0f} {ms['app', 'server']:4.0f}  "
            f"{1000 * bare.first[page]['chromium']:17.0f} {1000 * app.first[page]['chromium']:5.0f}"
        )
    if len(pages) > 1:
        lines.insert(2, f"{'median ratio':12s} {'':14s} {'':6s} {statistics.median(ratios):5.2f}×")
    return lines


class Tab:
    """One app's tab: clicks a sidebar link and measures until the page has settled."""

    def __init__(self, context, target, labels: dict[str, str], headings: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        self.target, self.labels, self.headings = target, labels, headings
        self.page = context.new_page()
        self.cdp = context.new_cdp_session(self.page)
        self.cdp.send("Performance.enable")
        self.page.goto(f"{target.url}/?lang=en")
        self.page.wait_for_function(SETTLED_JS, arg=[headings["home"], ""], polling=50, timeout=90_000)
        self.page.wait_for_timeout(QUIET_S * 1000)

    def _main_thread(self) -> float:
        metrics = self.cdp.send("Performance.getMetrics")["metrics"]
        return next(m["value"] for m in metrics if m["name"] == "TaskDuration")

    def click(self, page: str) -> dict[str, float]:
        server = self.target.process.pid
        before = (chromium_cpu(), self._main_thread(), process_cpu(server))
        self.page.locator("[data-testid='stSidebar'] a", has_text=self.labels[page]).first.click()
        self.page.wait_for_function(SETTLED_JS, arg=[self.headings[page], ""], polling=50, timeout=90_000)
        self.page.wait_for_timeout(QUIET_S * 1000)
        after = (chromium_cpu(), self._main_thread(), process_cpu(server))
        return dict(zip(METRICS, (a - b for a, b in zip(after, before, strict=True)), strict=True))


def run(rounds: int, only: tuple[str, ...] = ()) -> list[str]:
    from playwright.sync_api import sync_playwright

    from spoor2.i18n import t
    from ui.frame import PAGES

    keys = [spec.key for spec in PAGES if not only or spec.key in only or spec.key == "home"]
    # a click on the page a tab shows does nothing: with one page asked for, home comes between
    order = keys[1:] + keys[:1]
    labels = {key: t("en", f"nav.{key}") for key in keys}
    headings = {key: t("en", "common.app_name" if key == "home" else f"nav.{key}") for key in keys}
    samples = {"bare": Samples(), "app": Samples()}
    with tempfile.TemporaryDirectory(prefix="spoor2-clicks-") as tmp:
        targets = {"bare": BareTarget(Path(tmp) / "bare"), "app": LocalTarget(Path(tmp) / "app")}
        for name, target in targets.items():
            (Path(tmp) / name).mkdir()
            target.start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                tabs = {name: Tab(context, target, labels, headings) for name, target in targets.items()}
                for round_no in range(rounds + 1):
                    names = ["bare", "app"] if round_no % 2 == 0 else ["app", "bare"]
                    for name in names:
                        tabs[name].page.bring_to_front()
                        for key in order:
                            samples[name].add(key, tabs[name].click(key), first=round_no == 0)
                browser.close()
        finally:
            for target in targets.values():
                target.process.kill()
                target.process.wait()
    return report(samples["bare"], samples["app"], keys, rounds)


# --- what one element of each kind costs ------------------------------------------------------------------

#: Pages of thirty elements of one kind each (``empty``: only the title), to split a page's cost by element.
ELEMENT_PAGES: dict[str, str] = {
    "empty": "",
    "markdown": 'for i in range(N): st.markdown(f"Some **text** number {i} with a [link](https://example.org).")',
    "paragraphs in one": 'st.markdown("\\n\\n".join(f"**Text** {i}, [link](https://example.org)." for i in range(N)))',
    "caption": 'for i in range(N): st.caption(f"A caption {i}")',
    "button": 'for i in range(N): st.button(f"Button {i}", key=f"b{i}")',
    "page link": 'for i in range(N): st.page_link("app.py", label=f"Home {i}")',
    "bordered card": 'for i in range(N):\n    with st.container(border=True): st.markdown(f"x {i}")',
    "two columns": 'for i in range(N):\n    a, b = st.columns(2); a.markdown(f"x {i}"); b.markdown("y")',
    "expander": 'for i in range(N):\n    with st.expander(f"Box {i}"): st.markdown(f"x {i}")',
    "text input": 'for i in range(N): st.text_input(f"Text {i}", key=f"t{i}")',
    "segmented": 'for i in range(N): st.segmented_control(f"Question {i}", ["yes", "no", "unknown"], key=f"s{i}")',
    "radio": 'for i in range(N): st.radio(f"Question {i}", ["yes", "no", "unknown"], horizontal=True, key=f"r{i}")',
    "selectbox": 'for i in range(N): st.selectbox(f"Choice {i}", ["a", "b", "c"], key=f"c{i}")',
    "date input": 'for i in range(N): st.date_input(f"Date {i}", value=None, key=f"d{i}")',
}
ELEMENTS_PER_PAGE = 30


class _ElementsApp:
    """A Streamlit app of :data:`ELEMENT_PAGES`, one page per kind, each linked from the sidebar."""

    def __init__(self, folder: Path) -> None:
        from bench.load import _free_port, _wait_health

        app = folder / "elements"
        (app / "pages").mkdir(parents=True)
        (app / ".streamlit").mkdir()
        (app / ".streamlit" / "config.toml").write_text("[client]\nshowSidebarNavigation = false\n", encoding="utf-8")
        self.files = {kind: f"pages/{index:02d}.py" for index, kind in enumerate(ELEMENT_PAGES)}
        links = "".join(f"st.sidebar.page_link({path!r}, label={kind!r})\n" for kind, path in self.files.items())
        links = f"st.sidebar.page_link('app.py', label='home')\n{links}"
        head = f"import streamlit as st\nN = {ELEMENTS_PER_PAGE}\n{links}"
        (app / "app.py").write_text(f"{head}st.title('home')\n", encoding="utf-8")
        for kind, path in self.files.items():
            (app / path).write_text(f"{head}st.title({kind!r})\n{ELEMENT_PAGES[kind]}\n", encoding="utf-8")
        port = _free_port()
        args = [sys.executable, "-m", "streamlit", "run", str(app / "app.py"), "--server.port", str(port)]
        args += ["--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"]
        args += ["--browser.gatherUsageStats", "false"]
        self.process = subprocess.Popen(args, cwd=app, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{port}"
        _wait_health(self.url)


def elements(rounds: int) -> list[str]:
    """Per kind: a click on its page of thirty, and what one element adds to the empty page's click."""
    from playwright.sync_api import sync_playwright

    names = {"home": "home", **{kind: kind for kind in ELEMENT_PAGES}}
    samples = Samples()
    with tempfile.TemporaryDirectory(prefix="spoor2-elements-") as tmp:
        target = _ElementsApp(Path(tmp))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                tab = Tab(browser.new_context(viewport={"width": 1400, "height": 1000}), target, names, names)
                for round_no in range(rounds + 1):
                    for kind in ELEMENT_PAGES:
                        samples.add(kind, tab.click(kind), first=round_no == 0)
                        tab.click("home")
                browser.close()
        finally:
            target.process.kill()
            target.process.wait()
    empty = samples.median("empty", "chromium")
    lines = [f"a page of {ELEMENTS_PER_PAGE} elements of one kind: a click (Chromium CPU, median of {rounds}); ms"]
    for kind in ELEMENT_PAGES:
        page = samples.median(kind, "chromium")
        each = (page - empty) / ELEMENTS_PER_PAGE
        lines.append(f"{kind:17s} {1000 * page:6.0f}   one element {1000 * each:+5.1f}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", default="", help="page keys (home is always clicked): rights,tracker")
    parser.add_argument("--elements", action="store_true", help="what one element of each kind costs instead")
    args = parser.parse_args()
    start = time.perf_counter()
    if args.elements:
        print("\n".join(elements(args.rounds)))
    else:
        print("\n".join(run(args.rounds, tuple(p for p in args.pages.split(",") if p))))
    print(f"({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
