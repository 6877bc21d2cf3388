"""Helpers for Streamlit AppTest journeys: open a page of the real app in a language.

The app uses Streamlit's own multipage convention (``app.py`` is the home page, ``pages/`` holds
the pages), so AppTest runs it exactly as a server does: no flag of Streamlit's is touched.
"""

from __future__ import annotations

import subprocess
import sys

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "app.py")


def open_page(script: str | None = None, lang: str = "en", timeout: float = 30) -> AppTest:
    """Run app.py with ``?lang=`` and switch to ``pages/<script>`` (None = home)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.query_params["lang"] = lang
    at.run()
    if script is not None:
        at.switch_page(f"pages/{script}")
        at.run()
    return at


def page_text(at: AppTest) -> str:
    """All visible text of the page (markdown, captions, titles, alerts), for assertions."""
    parts: list[str] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "text",
        "info",
        "warning",
        "error",
        "success",
    ):
        parts.extend(str(element.value) for element in getattr(at, kind))
    return "\n".join(parts)


def assert_no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def in_fresh_process(code: str, timeout: float = 300) -> str:
    """Run ``code`` in a new Python process from the project root (as a fresh server starts); its last printed line.

    For what only a first run shows: what is imported when, and what a process loads on its own.
    """
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=timeout
    )
    return out.stdout.strip().splitlines()[-1]
