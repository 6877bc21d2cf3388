"""A fresh server draws a page's title before it loads the store, the models or the page's own modules.

``ui.frame`` (what every page runs first) imports no SQLAlchemy and no pydantic: they load on first use
(``get_store``, ``sources_markdown``) or in the start-up warm-up (``ui/warm.py``). And every page script
imports its own ``ui`` module only after ``page_start`` (issue 19: the title is on its way first).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from spoor2.i18n import t
from tests.conftest import ROOT
from tests.support.apptest import in_fresh_process, open_page

#: What the frame must not load on import (each costs a fresh server time before the first heading).
HEAVY = ("sqlalchemy", "pydantic", "spoor2.store", "spoor2.legal.sources", "pandas", "pyarrow", "fpdf", "docx")
PAGE_SCRIPTS = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py")])


def test_importing_the_frame_loads_neither_the_store_nor_the_models() -> None:
    code = f"import sys\nimport ui.frame\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    assert in_fresh_process(code, timeout=120) == "[]"


def _line_of_page_start(tree: ast.Module) -> int:
    return next(
        node.lineno
        for node in tree.body
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Name)
        and node.value.func.id == "page_start"
    )


@pytest.mark.parametrize("path", PAGE_SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_page_imports_its_own_modules_after_page_start(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    start = _line_of_page_start(tree)
    early = [
        node.lineno
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        and node.lineno < start
        and not (isinstance(node, ast.ImportFrom) and node.module in ("ui.frame", "datetime"))
    ]
    assert early == [], f"{path.name} imports more than ui.frame before page_start (lines {early})"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_heading_is_the_first_thing_a_page_draws(lang: str) -> None:
    """Locally the page's title goes out before the sidebar (whose widgets the browser must fetch code for) and
    before the document-language script, with the message slot right under it (hosted mode, where the gate
    comes first: tests/hosted/test_auth.py)."""
    at = open_page("tracker.py", lang=lang)
    first = at.main.children[min(at.main.children)]
    assert first.type == "title"
    assert first.value == t(lang, "nav.tracker")
    assert at.main.children[min(at.main.children) + 1].type == "flex_container"  # the message slot


def test_a_fresh_page_loads_neither_the_emoji_pattern_nor_numpy_before_its_heading() -> None:
    """What a page icon of our own cost a fresh server before the first heading: an emoji made Streamlit compile a
    pattern of every emoji (~80 ms), an image or an SVG made it import NumPy and Pillow (~150 ms; AppTest itself
    loads Pillow, so NumPy stands for both here)."""
    code = (
        "import sys\n"
        "from ui import frame\n"
        "seen = []\n"
        "heading = frame._heading\n"
        "frame._heading = lambda title: seen.append(sorted(m for m in ('streamlit.emojis', 'numpy')"
        " if m in sys.modules)) or heading(title)\n"
        "from tests.support.apptest import open_page\n"
        "at = open_page('tracker.py')\n"
        "assert not at.exception\n"
        "print(seen[0], len(seen))\n"
    )
    assert in_fresh_process(code) == "[] 2"
