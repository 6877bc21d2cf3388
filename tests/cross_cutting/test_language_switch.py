"""Every page, both languages: fill every widget the page shows, switch language, and every widget
keeps its value (an id, not a label), with no exception (issue 12, "a language switch corrupts").

AppTest sends each widget's value with the labels of the run it last saw, so what only a browser
does (sending back a label of the other language) is tested in the pages' browser tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.support.apptest import assert_no_exception, open_page
from ui.frame import PAGES

KINDS = (
    "radio",
    "selectbox",
    "multiselect",
    "segmented_control",
    "checkbox",
    "toggle",
    "text_input",
    "text_area",
    "number_input",
    "date_input",
)
SKIP = {"lang_choice"}
#: confirmations of a destructive action are not filled: this test never deletes
NOT_FILLED = {"my_data_delete_confirm"}


def _script(spec) -> str | None:  # type: ignore[no-untyped-def]
    return None if spec.script == "app.py" else spec.script


def _fill(at) -> None:  # type: ignore[no-untyped-def]
    for kind in KINDS:
        for widget in getattr(at, kind):
            key = widget.key
            if not key or key in SKIP or key in NOT_FILLED or getattr(widget, "disabled", False):
                continue
            if kind in ("radio", "selectbox", "segmented_control"):
                options = widget.options
                label = _option(widget, len(options) - 1) if len(options) > 1 else None
                if label is not None:
                    widget.set_value(label)
            elif kind == "multiselect":
                label = _option(widget, 0) if widget.options else None
                if label is not None:
                    widget.set_value([label])
            elif kind in ("checkbox", "toggle"):
                continue  # a toggle opens or closes sections; its own tests cover it
            elif kind in ("text_input", "text_area"):
                widget.input("Test 12")
            elif kind == "number_input" or kind == "date_input":
                continue


def _option(widget, index: int) -> Any:  # type: ignore[no-untyped-def]
    """The label at ``index``, which AppTest turns into its id; None when AppTest cannot."""
    label = widget.options[index]
    try:
        widget.format_func(label)
    except Exception:
        return label
    return None  # a format_func that takes any text (a catalogue lookup): the label cannot be given


def _values(at) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    found: dict[str, Any] = {}
    for kind in KINDS:
        for widget in getattr(at, kind):
            if widget.key and widget.key not in SKIP:
                value = widget.value
                found[f"{kind}:{widget.key}"] = list(value) if isinstance(value, list | tuple) else value
    return found


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("spec", PAGES, ids=[spec.key for spec in PAGES])
def test_every_widget_keeps_its_value_over_a_language_switch(spec, lang):
    at = open_page(_script(spec), lang=lang)
    assert_no_exception(at)
    _fill(at)
    at.run()
    assert_no_exception(at)
    before = _values(at)
    other = "nl" if lang == "en" else "en"
    at.radio(key="lang_choice").set_value(other).run()
    assert_no_exception(at)
    after = _values(at)
    assert at.radio(key="lang_choice").value == other
    changed = {key: (before[key], after.get(key)) for key in before if after.get(key) != before[key]}
    assert not changed, changed
    for value in after.values():
        assert not isinstance(value, date) or value.year > 2000
