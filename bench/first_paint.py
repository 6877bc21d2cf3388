"""First paint of a deep link on a fresh server, next to a bare Streamlit app, in headless Chromium.

For every page: start a new server, open ``/<path>?lang=en`` as its very first request and time
until the page's own heading is painted. The bare app (one ``st.title``) runs on the same machine
in the same rounds, alternating, so the ratio is what counts. ``python -m bench.first_paint``
(``--rounds N``); needs Debian's Chromium (``/usr/bin/chromium``).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.support.browser import CHROMIUM_ARGS  # the one list of flags for Debian's Chromium

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
BARE = 'import streamlit as st\n\nst.title("Bare")\n'


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(script: Path, data_dir: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "SPOOR2_DATA_DIR": str(data_dir)}
    env.pop("SPOOR2_DATABASE_URL", None)
    options = ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
    options += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), *options],
        cwd=script.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):  # noqa: S310 - our own http://127.0.0.1
                return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"streamlit did not start for {script}")


def first_paint(browser, script: Path, path: str, heading: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from the first request of a fresh server to the page's heading being visible."""
    with tempfile.TemporaryDirectory() as data:
        process, url = _start(script, Path(data))
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            tab = context.new_page()
            start = time.perf_counter()
            tab.goto(f"{url}/{path}")
            tab.get_by_role("heading", name=heading).first.wait_for(timeout=60_000)
            elapsed = time.perf_counter() - start
            context.close()
            return elapsed
        finally:
            process.terminate()
            process.wait(timeout=10)


def main() -> None:
    from playwright.sync_api import sync_playwright

    from spoor2.i18n import t
    from ui.frame import PAGES

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--app", type=Path, default=ROOT / "app.py", help="the app.py to measure")
    parser.add_argument("--compare", type=Path, help="another checkout's app.py, measured in the same rounds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        times: dict[str, list[float]] = {"bare": []}
        for _ in range(args.rounds):
            for spec in PAGES:
                heading = t("en", "common.app_name") if spec.key == "home" else t("en", f"nav.{spec.key}")
                times["bare"].append(first_paint(browser, bare, "", "Bare"))
                times.setdefault(spec.key, []).append(
                    first_paint(browser, args.app, f"{spec.url_path}?lang=en", heading)
                )
                if args.compare:
                    times.setdefault(f"{spec.key} (compared)", []).append(
                        first_paint(browser, args.compare, f"{spec.url_path}?lang=en", heading)
                    )
        browser.close()
    floor = statistics.median(times["bare"])
    print(f"first paint of a deep link on a fresh server ({os.cpu_count()} cores, medians of {args.rounds})")
    print(f"{'bare app (one st.title)':<28} {floor:6.2f} s  1.00×")
    for key, values in times.items():
        if key != "bare":
            median = statistics.median(values)
            print(f"{key:<28} {median:6.2f} s  {median / floor:4.2f}×")


if __name__ == "__main__":
    main()
