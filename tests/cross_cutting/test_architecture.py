"""The layers import in one direction: pages -> spoor2; spoor2 never imports Streamlit."""

from __future__ import annotations

import ast

from tests.conftest import ROOT


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_spoor2_never_imports_streamlit_or_pages():
    offenders = [
        (str(path.relative_to(ROOT)), name)
        for path in (ROOT / "spoor2").rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in {"streamlit", "pages"}
    ]
    assert offenders == []


def test_no_unsafe_html_anywhere_in_pages():
    offenders = [
        str(path.relative_to(ROOT))
        for path in [*(ROOT / "pages").glob("*.py"), ROOT / "app.py"]
        if "unsafe_allow_html" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_usage_statistics_are_off():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
