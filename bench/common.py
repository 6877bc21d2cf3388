"""What the benchmarks share: a median timer, the bare app, and a fresh Streamlit server on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Streamlit's own floor: the issue's bare app, one st.title.
BARE = 'import streamlit as st\n\nst.title("Bare")\n'


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


def start_server(script: Path, data_dir: Path) -> tuple[subprocess.Popen, str]:
    """``streamlit run script`` on a free port of 127.0.0.1; returns once /_stcore/health answers."""
    port = free_port()
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
