"""Start-up warm-up: after the first page of a fresh server is drawn, load in the background what the other pages,
a first save and a first export need, so that none of them waits for it (issue 19).

Without it the first "Save my timeline" or the first chart, table or download of a fresh server imported pandas,
Plotly, PyArrow, fpdf2, python-docx or openpyxl and read the PDF fonts while the person waited. The thread starts
once per process, from :func:`ui.frame.legal_footer` (the end of every page), and waits :data:`START_DELAY` before
it loads anything, so it never delays a first paint; it changes nothing a page shows: a failure here is logged and
the page loads the same thing itself when needed.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time

LOG = logging.getLogger(__name__)
_lock = threading.Lock()
_thread: threading.Thread | None = None

#: the pages' own modules, in navigation order (each imports its spoor2 capability and store module)
PAGE_MODULES = (
    "ui.home",
    "ui.timeline",
    "ui.rights",
    "ui.orientation",
    "ui.tracker",
    "ui.questions",
    "ui.my_file",
    "ui.my_file_view",
    "ui.journal",
    "ui.applying",
    "ui.routes",
    "ui.my_data",
    "ui.advisers",
)
#: what a save or an export loads on first use
LIBRARIES = ("pandas", "plotly.graph_objects", "pyarrow", "fpdf", "docx", "openpyxl", "icalendar")
#: Seconds between the end of the first page's run and the start of the warm-up. The page is then still on its way:
#: the server's own thread sends it and answers the browser's requests for the page's scripts, and each time it
#: waits for the interpreter lock that the warm-up's imports hold (the frame alone on a fresh server was painted
#: 0.2-0.5 s later with the warm-up starting at once; bench.first_paint). A person reads the page for longer.
START_DELAY = 1.0


def start(delay: float = START_DELAY) -> threading.Thread:
    """Start the warm-up thread if this process has not yet; returns it (tests and the bench may join it).

    The thread waits ``delay`` seconds first (:data:`START_DELAY`).
    """
    global _thread  # noqa: PLW0603 - one thread per process
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_after, args=(delay,), name="spoor2-warm-up", daemon=True)
            _thread.start()
        return _thread


def _after(delay: float) -> None:
    time.sleep(delay)
    warm_up()


def warm_up() -> None:
    """Import the libraries and page modules and use each once (first uses build caches of their own)."""
    for step in (_libraries, _first_uses, _pages, _content):
        try:
            step()
        except Exception:  # a warm-up must never break a page: the page loads what it needs itself
            LOG.warning("warm-up step %s failed", step.__name__, exc_info=True)


def _libraries() -> None:
    for name in LIBRARIES:
        importlib.import_module(name)


def _first_uses() -> None:
    import pandas as pd
    import plotly.graph_objects as go
    import plotly.io
    import pyarrow as pa

    from spoor2.render.document import Document, Heading, Paragraph

    figure = go.Figure(go.Bar(x=[1], y=[1]))
    figure.add_trace(go.Scatter(x=[1], y=[1]))
    plotly.io.to_json(figure)  # Plotly loads its validators on the first figure
    frame = pd.DataFrame({"text": ["a"], "number": [1], "day": pd.to_datetime(["2026-01-01"])})
    pa.Table.from_pandas(frame)  # st.dataframe sends a table to the browser as Arrow
    document = Document("warm-up", (Heading("warm-up"), Paragraph("warm-up")))
    document.to_pdf()  # fpdf2 and the fonts
    document.to_docx("en")  # python-docx and its template


def _pages() -> None:
    for name in PAGE_MODULES:
        importlib.import_module(name)


def _content() -> None:
    from spoor2.i18n import LANGS, catalogue
    from spoor2.legal.sources import all_sources

    for lang in LANGS:
        catalogue(lang)
    all_sources()
