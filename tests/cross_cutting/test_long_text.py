"""A text longer than a field's limit (a note pasted from an e-mail): kept in the field, a notice in the page's
language under it, never a traceback, and a save of it stores nothing of it.

Streamlit's ``max_chars`` made the browser drop such a paste whole and without a word; the text areas now take
any length (``ui.frame.kept_field`` / ``long_text_area``) and the rules refuse what is too long when saving.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from spoor2.i18n import t
from tests.conftest import ROOT
from tests.support.apptest import assert_no_exception, open_page
from ui.frame import PAGES

LONG = "Lang geplakt " * 8_000  # 104,000 characters, more than any field's limit
MARKER = LONG[:26]
#: text areas in ``st.form`` (no notice can come before "Add"): the rule's message on adding says it instead
IN_A_FORM = ("tr_add_notes_",)
#: the pages that show a text area with a limit on an empty store (a section of them at least)
PAGES_WITH_TEXT = {"questions", "journal", "applying", "my_file", "routes"}


def _script(spec) -> str | None:  # type: ignore[no-untyped-def]
    return None if spec.script == "app.py" else spec.script


#: each page's sections (a keyed segmented control): every one is visited
SECTION_KEYS = ("q_tab", "jr_section", "tr_tab", "ap_tab", "mf_tab", "rt_section")


def _views(spec, lang: str):  # type: ignore[no-untyped-def]
    """The page opened once per section (the page itself when it has none)."""
    at = open_page(_script(spec), lang=lang)
    controls = [c for c in at.segmented_control if c.key in SECTION_KEYS]
    if not controls:
        yield at
        return
    key, options = controls[0].key, list(controls[0].options)
    for index in range(len(options)):
        at = open_page(_script(spec), lang=lang)
        control = at.segmented_control(key=key)
        control.set_value(control.options[index] if index else control.value)
        at.run()
        yield at


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("spec", PAGES, ids=[spec.key for spec in PAGES])
def test_a_too_long_text_is_kept_with_a_notice_and_a_save_stores_none_of_it(spec, lang, data_dir):
    filled = 0
    for at in _views(spec, lang):
        assert_no_exception(at)
        areas = [area for area in at.text_area if area.key and not getattr(area, "disabled", False)]
        for area in areas:
            area.input(LONG)
        at.run()
        assert_no_exception(at)
        notice = " ".join(t(lang, "common.text_too_long", count="", maximum="").split(" ")[:3])
        shown = [w.value for w in at.warning if str(w.value).startswith(notice)]
        noticed = [a.key for a in areas if not a.key.startswith(IN_A_FORM)]
        assert len(shown) == len(noticed), (shown, noticed)
        for area in at.text_area:
            if area.key in noticed:
                assert area.value == LONG  # nothing cut off
        filled += len(noticed)
        for button in [b for b in at.button if b.key and "save" in b.key]:
            button.click().run()
            assert_no_exception(at)
    database = data_dir / "spoor2.sqlite3"
    assert not database.exists() or MARKER.encode() not in database.read_bytes()
    assert filled or spec.key not in PAGES_WITH_TEXT, spec.key


def test_no_text_area_drops_a_long_paste():
    """``max_chars`` on a text area (Streamlit's field then drops a paste past it) goes through the two helpers."""
    offenders = []
    for path in sorted((ROOT / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or "max_chars" not in {k.arg for k in node.keywords}:
                continue
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "text_area":
                offenders.append(f"{Path(path).name}:{node.lineno}")
    assert not offenders, offenders
