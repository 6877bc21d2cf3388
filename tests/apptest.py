"""Helpers for Streamlit AppTest journeys: open a page of the real app in a language."""

from __future__ import annotations

from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

# AppTest resets Streamlit's "pages/ directory" flag before every run, so each run of a switched
# page would start in the old multipage mode (the page without app.py), and pages.frame would
# rerun through app.py, losing button clicks. A real server clears the flag for good at the first
# st.navigation call; mirror that here so AppTest runs app.py + page exactly as a browser does.
_original_init = PagesManager.__init__


def _init_without_pages_directory(self, *args, **kwargs):  # type: ignore[no-untyped-def]
    _original_init(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


PagesManager.__init__ = _init_without_pages_directory  # type: ignore[method-assign]

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
