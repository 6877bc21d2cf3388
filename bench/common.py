"""What the benchmarks share: a median timer, the bare app, the frame-only app, and a fresh Streamlit server."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Streamlit's own floor: the issue's bare app, one st.title.
BARE = 'import streamlit as st\n\nst.title("Bare")\n'
#: The frame alone (ui/frame.py): page config, ``<html lang>``, language, auth gate, navigation, title and footer,
#: no page content. Between the bare app and a page: what every page pays before its own sections.
FRAME_ONLY = 'from ui.frame import legal_footer, page_start\n\npage_start("common.app_name")\nlegal_footer()\n'
#: The frame-only app's heading (English): ``common.app_name``.
FRAME_ONLY_HEADING = "Spoor 2 self-help portal"


@contextmanager
def frame_only_app(root: Path = ROOT) -> Iterator[Path]:
    """A temporary ``app.py`` holding :data:`FRAME_ONLY`, next to a link to ``root``'s ``pages/``.

    The navigation (``st.page_link``) needs the entry point to be an ``app.py`` with the pages beside it; the
    frame itself is imported from ``root`` (on ``sys.path`` in this process, ``PYTHONPATH`` for a server).
    """
    with tempfile.TemporaryDirectory(prefix="spoor2-frame-only-") as tmp:
        app = Path(tmp) / "app.py"
        app.write_text(FRAME_ONLY, encoding="utf-8")
        (Path(tmp) / "pages").symlink_to(root / "pages", target_is_directory=True)
        yield app


def measure(label: str, func: Callable[[], object], repeat: int = 5) -> float:
    """Median wall-clock seconds of ``repeat`` calls, printed in ms."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:<60} {median * 1000:10.1f} ms  (median of {repeat})", flush=True)
    return median


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(script: Path, data_dir: Path, import_root: Path | None = None) -> tuple[subprocess.Popen, str]:
    """``streamlit run script`` on a free port of 127.0.0.1; returns once /_stcore/health answers.

    ``import_root``: where the script's ``ui``/``spoor2`` come from when it is not beside them (the frame-only app).
    """
    port = free_port()
    env = {**os.environ, "SPOOR2_DATA_DIR": str(data_dir)}
    if import_root is not None:
        env["PYTHONPATH"] = str(import_root)
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
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):  # noqa: S310 - our own http://127.0.0.1
                return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"streamlit did not start for {script}")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def quiet_apptest_logs() -> None:
    """AppTest runs pages outside a server; Streamlit then warns "missing ScriptRunContext" per call."""
    import logging

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(lambda _record: False)
    logging.getLogger("streamlit").setLevel(logging.ERROR)
