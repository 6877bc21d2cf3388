"""Every page script reads like a table of contents, and messages after a rerun have one mechanism.

A page script (``app.py`` and ``pages/*.py``) is ``page_start(...)`` → a handful of section calls →
``legal_footer()``; the sections live in ``ui/<page>.py``. Session state belongs to the ui modules, and
a message to show after a rerun goes through ``ui.frame.flash`` — no page keeps a message key of its own.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

MAX_PAGE_LINES = 80
PAGE_SCRIPTS = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py")])
UI_MODULES = sorted(p for p in (ROOT / "ui").glob("*.py") if p.name not in ("frame.py", "__init__.py"))
#: Words that make a session key a message to show later (the frame's own flash key is the only one).
MESSAGE_WORDS = re.compile(r"flash|notice|message|msg|pending|error|saved|restarted|resumed|toast", re.IGNORECASE)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_session_state(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "session_state") or (
        isinstance(node, ast.Name) and node.id == "session_state"
    )


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` constants (session keys are often named so)."""
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            out.update({target.id: node.value.value for target in node.targets if isinstance(target, ast.Name)})
    return out


def _key_text(node: ast.AST, constants: dict[str, str]) -> str:
    """The literal text of a session key: a string, an f-string's fixed parts, or a named constant."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_key_text(part, constants) for part in node.values)
    if isinstance(node, ast.Name):
        return constants.get(node.id, "")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _key_text(node.func.value, constants)
    return ""


def session_keys(source: str) -> list[str]:
    """Every session key a module reads or writes (``session_state[k]``, ``.get/.pop/.setdefault(k)``)."""
    tree = ast.parse(source)
    constants = _module_strings(tree)
    keys = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _is_session_state(node.value):
            keys.append(_key_text(node.slice, constants))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "pop", "setdefault")
            and _is_session_state(node.func.value)
            and node.args
        ):
            keys.append(_key_text(node.args[0], constants))
    return keys


@pytest.mark.parametrize("path", PAGE_SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_page_script_is_short(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_PAGE_LINES, f"{path.name} has {lines} lines: move sections into its ui module"


@pytest.mark.parametrize("path", PAGE_SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_page_script_starts_with_page_start_and_ends_with_the_legal_footer(path):
    calls = [
        node.value.func.id
        for node in _tree(path).body
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
    ]
    assert calls[0] == "page_start"
    assert calls[-1] == "legal_footer"


@pytest.mark.parametrize("path", PAGE_SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_page_script_keeps_no_session_state_of_its_own(path):
    """UI state and messages live in the ui modules; the page only calls the sections."""
    uses = [node.lineno for node in ast.walk(_tree(path)) if _is_session_state(node)]
    assert uses == [], f"{path.name} touches st.session_state on lines {uses}"


@pytest.mark.parametrize("path", [*PAGE_SCRIPTS, *UI_MODULES], ids=lambda p: str(p.relative_to(ROOT)))
def test_no_message_keys_besides_the_one_flash(path):
    offenders = [key for key in session_keys(path.read_text(encoding="utf-8")) if MESSAGE_WORDS.search(key)]
    assert offenders == [], f"{path.name}: use ui.frame.flash, not a session key of its own"


def test_the_checks_see_a_message_key():
    """The AST checks themselves: a page-made message key is found, however it is spelled."""
    source = (
        'NOTICE = "tl_notice"\n'
        'st.session_state[NOTICE] = "x"\n'
        'st.session_state.pop(f"or_restarted_{qid}", None)\n'
        'st.session_state["q_pending_error"] = e\n'
        'st.session_state.get("my_data_message_{section}".format(section=s))\n'
    )
    found = session_keys(source)
    assert len(found) == 4 and all(MESSAGE_WORDS.search(key) for key in found), found
    assert not [key for key in session_keys('st.session_state["tr_page"] = 1') if MESSAGE_WORDS.search(key)]


# --- one mechanism for what a widget holds (issue 12) --------------------------------------------------
# ui.frame keeps the value of a choice (id_choice) and of a field (kept_field) and tells the widget it on
# every run. A ui module that keeps a mirror of its own (a "draft" key pushed back into the widget) is a
# second mechanism: it is found by its names, or by a choice widget drawn around id_choice.

CHOICE_WIDGETS = frozenset({"radio", "selectbox", "multiselect", "segmented_control", "pills"})
#: Names a module-made widget mirror goes by (``_mirror``, ``_keep_draft``, ``keep_answers``, ``_draft_key``).
MIRROR_NAMES = re.compile(r"mirror|draft|^_?keep_|^_?restore_answers", re.IGNORECASE)
#: The comment that says why a choice widget is drawn directly (e.g. inside ``st.form``, which allows no callback).
CHOICE_REASON = "# choice:"


def mirror_functions(source: str) -> list[str]:
    """Functions (and module-level names) of a module that are named like a widget mirror of its own."""
    tree = ast.parse(source)
    names = [n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    return [name for name in names if MIRROR_NAMES.search(name)]


def direct_choice_widgets(source: str) -> list[int]:
    """Lines of ``<something>.radio/selectbox/...(…)`` calls without a ``# choice:`` reason on their lines
    (or the line above). ``id_choice(st.radio, …)`` passes the widget, it does not call it, so it is not one."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in CHOICE_WIDGETS:
            continue
        first = max(node.lineno - 2, 0)
        span = lines[first : (node.end_lineno or node.lineno)]
        if not any(CHOICE_REASON in line for line in span):
            found.append(node.lineno)
    return found


@pytest.mark.parametrize("path", UI_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_ui_module_keeps_a_widget_mirror_of_its_own(path):
    source = path.read_text(encoding="utf-8")
    assert mirror_functions(source) == [], f"{path.name}: keep widget values with ui.frame.id_choice / kept_field"
    lines = direct_choice_widgets(source)
    assert lines == [], (
        f"{path.name} draws a choice widget directly on lines {lines}: use ui.frame.id_choice, "
        f"or say why not with a '{CHOICE_REASON}' comment"
    )


def test_the_mirror_checks_see_a_mirror():
    """The checks themselves: a draft helper and a direct selectbox are found; id_choice and a reason pass."""
    source = (
        "def _mirror(key, stored):\n    pass\n"
        "def _keep_draft(key):\n    pass\n"
        "def keep_answers():\n    pass\n"
        "def on_save():\n    pass\n"
        "x = st.selectbox('a', ['x'], key='k')\n"
        "y = cols[0].radio('b', ['y'], key='r')\n"
        "z = id_choice(st.radio, 'c', ['z'], key='c', format_func=str)\n"
        "w = more[2].selectbox(  # choice: inside st.form\n    'd', ['w'], key='w'\n)\n"
    )
    assert mirror_functions(source) == ["_mirror", "_keep_draft", "keep_answers"]
    assert direct_choice_widgets(source) == [9, 10]
