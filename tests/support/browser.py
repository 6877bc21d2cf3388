"""Real-browser fixtures: the app served by Streamlit on a free local port, driven by
Playwright with Debian's Chromium (``/usr/bin/chromium``).

Outside CI, browser tests skip with a visible reason when Chromium is missing. With
``CI=true`` they must run: a missing browser is then a failure, not a skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def require_chromium() -> str:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but Chromium is missing: .ci/run must install Debian's chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped outside CI")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    def __init__(self, data_dir: Path, script: Path | None = None) -> None:
        self.port = _free_port()
        self.data_dir = data_dir
        env = {**os.environ, "SPOOR2_DATA_DIR": str(data_dir)}
        env.pop("SPOOR2_DATABASE_URL", None)
        self.log = (data_dir / "streamlit.log").open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(script or ROOT / "app.py"),
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not start: " + (data_dir / "streamlit.log").read_text())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="module")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The real app on a free port, with its own empty data directory (one per test module)."""
    require_chromium()
    server = AppServer(tmp_path_factory.mktemp("browser-data"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, app_server):  # type: ignore[no-untyped-def]
    """A fresh browser page; ``page.goto(app_server.url + "/timeline?lang=nl")``."""
    context = browser.new_context(accept_downloads=True, locale="en-GB", viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


def wait_for_app(tab) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has finished running the script (no 'running' indicator)."""
    tab.wait_for_selector("[data-testid='stApp']", timeout=30_000)
    tab.wait_for_function("() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=30_000)
    time.sleep(0.3)


def open_expander(tab, label: str) -> None:  # type: ignore[no-untyped-def]
    """Open the expander whose label holds ``label``; a lazy one (ui.frame.kept_expander) draws its content in the
    rerun that opening it starts."""
    tab.locator("[data-testid='stExpander'] details:not([open]) > summary", has_text=label).first.click()
    tab.locator("[data-testid='stExpander'] details[open] > summary", has_text=label).first.wait_for()
    wait_for_app(tab)
