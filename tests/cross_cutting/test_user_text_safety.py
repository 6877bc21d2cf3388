"""User text is always shown as text: HTML, Markdown tricks and formulas typed by a person render harmlessly.

Text is stored through the repos (as the pages would store it) in every feature that keeps free text,
then every page is rendered in both languages. Wherever Streamlit interprets Markdown (markdown,
captions, headings, alerts, expander/tab/widget labels) the tricks must not appear unescaped;
plain-text elements (``st.text``, code, dataframes, widget values) may show them literally.
Exports in spreadsheet formats neutralise formulas. Uploads have size and type limits.
"""

from __future__ import annotations

import ast
import re
import tomllib
from datetime import date
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from spoor2.questions.bank import Meeting, QuestionList, add_own_question
from spoor2.store import Store
from spoor2.store import orientation as orientation_repo
from spoor2.store import questions as questions_repo
from spoor2.store import timeline as timeline_repo
from spoor2.timeline.rules import SickPeriod, TimelineInput
from tests.conftest import ROOT
from tests.support.apptest import assert_no_exception, open_page
from tests.support.browser import app_server, browser, page, wait_for_app  # noqa: F401
from ui.frame import PAGES

TODAY = date(2026, 11, 23)
TRICKS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](http://evil/x.png)",
    "# heading",
    "**bold**",
    '=HYPERLINK("http://evil")',
)
#: Values from the reliability review (D4) that Streamlit's Markdown would render in a label or an alert:
#: a remote image (a tracking pixel), KaTeX, a colour directive and HTML. The tracker's activities hold them.
MARKDOWN_TRICKS = ("![x](http://127.0.0.1:9/p.png)", "$\\href{}{}$", ":red[x]", "<b>")
#: What must never reach a Markdown renderer unescaped.
UNSAFE = (
    re.compile(r"<script", re.IGNORECASE),
    re.compile(r"<img", re.IGNORECASE),
    re.compile(r"\]\(javascript:", re.IGNORECASE),
    re.compile(r"!\[x\]\(http://evil"),
    re.compile(r"(^|\n)\s*#+ heading"),
    re.compile(r"(?<!\\)\*\*bold(?<!\\)\*\*"),
    re.compile(r"!\[x\]\(http://127"),  # a remote image: a tracking pixel
    re.compile(r"(?<!\\)\$\\\\?href"),  # KaTeX
    re.compile(r"(?<![\\])\:red\[|(?<![\\]):red\["),  # a colour directive
    re.compile(r"<b>"),
)
#: Element types whose text Streamlit shows literally.
LITERAL_TYPES = {"text", "code", "dataframe", "arrow_data_frame", "json", "table"}
MARKDOWN_VALUE_TYPES = {"markdown", "caption", "title", "header", "subheader", "error", "warning", "info", "success"}


def fill_store_with_tricks(store: Store) -> None:
    """Every kind of free text the app keeps, each holding every trick."""
    timeline_repo.save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),)))
    timeline_repo.record_milestone(store, "problem_analysis_due", date(2026, 2, 20), note="\n".join(TRICKS))
    timeline_repo.record_milestone(store, "action_plan_due", date(2026, 3, 20), note=TRICKS[4])

    qlist = QuestionList()
    for index, trick in enumerate(TRICKS):
        qlist = add_own_question(qlist, trick, "employer", f"own-{index}")
    questions_repo.save_question_list(store, qlist)
    questions_repo.save_meeting(
        store,
        Meeting(id="m-tricks", on=date(2026, 11, 2), with_whom=TRICKS[1], points=TRICKS, agreed="\n".join(TRICKS)),
    )

    answers = {"hours_week": "h20_28", "days": ["mon", "tue"], "travel": "m15_30"}
    saved = orientation_repo.complete_questionnaire(store, "capacity", answers, date(2026, 10, 1))
    orientation_repo.update_profile(store, saved.id, {"hours_week": "\n".join(TRICKS), "travel": TRICKS[2]})

    from spoor2.store import tracker as activities_repo
    from spoor2.tracker.activities import validate_activity

    for index, trick in enumerate((*TRICKS, *MARKDOWN_TRICKS)):
        raw = {
            "date": date(2026, 11, 2 + index),
            "type": "vacancy_application",
            "organisation": trick,
            "role": trick,
            "status": "awaiting_response",
            "notes": "\n".join(TRICKS),
            "follow_up": date(2026, 11, 25),
        }
        evidence = activities_repo.UploadedFile("letter.pdf", b"%PDF-1.4\n% proof\n")  # a download button label
        activities_repo.add_activity(store, validate_activity(raw, today=TODAY), today=TODAY, evidence=evidence)


def _walk(node: Any):  # type: ignore[no-untyped-def]
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _walk(child)


def markdown_texts(at: AppTest) -> list[tuple[str, str]]:
    """(element type, text) for every piece of text that Streamlit renders as Markdown."""
    found: list[tuple[str, str]] = []
    for node in _walk(at._tree):
        kind = getattr(node, "type", "")
        if kind in LITERAL_TYPES:
            continue
        value = getattr(node, "value", None) if kind in MARKDOWN_VALUE_TYPES else None
        if isinstance(value, str):
            found.append((kind, value))
        proto = getattr(node, "proto", None)
        label = getattr(proto, "label", None) if proto is not None else None
        if isinstance(label, str) and label:
            found.append((f"{kind}.label", label))
        if kind in ("selectbox", "multiselect", "radio") and proto is not None:
            pass  # options are shown as plain text by Streamlit
    return found


def unsafe_html_elements(at: AppTest) -> list[str]:
    out = []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None and getattr(proto, "allow_html", False):
            out.append(f"{getattr(node, 'type', '?')}: {str(getattr(node, 'value', ''))[:60]}")
        if getattr(node, "type", "") == "html" and not _own_script(str(getattr(proto, "body", ""))):
            out.append("st.html")
    return out


_LANG_SCRIPT = re.compile(
    r"<script>document\.documentElement\.lang = '(en|nl)'; "
    r"document\.cookie = 'spoor2_lang=\1; path=/; max-age=31536000; SameSite=Lax';</script>"
)
_FOCUS_SCRIPT = re.compile(r"<script>\(\(\) => \{ let tries = 0; .*\.st-key-[A-Za-z0-9_-]+'.*</script>", re.DOTALL)


def _own_script(body: str) -> bool:
    """The frame's own scripts (``<html lang>``, focus after a save): fixed text, never a person's."""
    return bool(_LANG_SCRIPT.fullmatch(body) or _FOCUS_SCRIPT.fullmatch(body))


@pytest.fixture
def tricky_store(store: Store) -> Store:
    fill_store_with_tricks(store)
    return store


def test_the_tricks_are_stored_unchanged(tricky_store):
    """Text is kept as typed (escaping happens on display, never by changing what a person wrote)."""
    notes = timeline_repo.milestone_notes(tricky_store)
    assert notes["problem_analysis_due"] == "\n".join(TRICKS)
    qlist = questions_repo.load_question_list(tricky_store)
    assert qlist is not None and [item.text for item in qlist.items] == list(TRICKS)
    assert questions_repo.meetings(tricky_store)[0].points == TRICKS


def test_the_checks_catch_unescaped_markdown():
    """The detector itself: each trick, unescaped, is caught; escaped by the frame helper, it is not."""
    from ui.frame import md_escape

    for trick in (*TRICKS[:-1], *MARKDOWN_TRICKS):
        assert any(p.search(trick) for p in UNSAFE), trick
        assert not any(p.search(md_escape(trick)) for p in UNSAFE), trick


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("spec", PAGES, ids=[p.key for p in PAGES])
def test_user_text_is_never_interpreted_on_any_page(tricky_store, spec, lang):
    at = open_page(None if spec.url_path == "" else spec.script, lang=lang)
    assert_no_exception(at)
    # open every expander/tab is implicit in AppTest (all content is in the tree); check it all
    problems = [
        (kind, text[:120]) for kind, text in markdown_texts(at) if any(pattern.search(text) for pattern in UNSAFE)
    ]
    assert problems == []
    assert unsafe_html_elements(at) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("section", ["log", "progress", "agenda", "files"])
def test_user_text_is_never_interpreted_in_any_tracker_section(tricky_store, section, lang):
    """Button, expander and download labels (the evidence list names the organisation) in every section."""
    at = open_page("tracker.py", lang=lang)
    at.session_state["tr_evidence_box"] = at.session_state["tr_filter_box"] = True  # their content is drawn open
    at.segmented_control(key="tr_tab").set_value(section).run()
    assert_no_exception(at)
    texts = markdown_texts(at)
    if section == "log":
        assert any(kind == "download_button.label" for kind, _ in texts), "the evidence downloads are checked"
    assert [(kind, text[:120]) for kind, text in texts if any(p.search(text) for p in UNSAFE)] == []


@pytest.mark.parametrize("trick", (*TRICKS[:-1], *MARKDOWN_TRICKS))
def test_a_hostile_csv_header_in_an_import_error_is_shown_as_text(store, trick):
    """The duplicate-mapping error names a header of the file: escaped, never rendered."""
    header = trick.replace(",", " ").replace("\n", " ")
    data = f'date,type,organisation,"{header.replace(chr(34), chr(34) * 2)}"\n2026-11-20,other,Acme,x\n'.encode()
    at = open_page("tracker.py", lang="en")
    at.segmented_control(key="tr_tab").set_value("files").run()
    [uploader] = [u for u in at.get("file_uploader") if "tr_import_file" in u.proto.id]
    uploader.set_value(("hostile.csv", data, "text/csv")).run()
    at.selectbox(key="tr_map_role").select(header).run()
    at.selectbox(key="tr_map_notes").select(header).run()
    at.button(key="tr_import_submit").click().run()
    assert_no_exception(at)
    errors = [e.value for e in at.error]
    assert errors, "the duplicate mapping is refused with a message"
    assert [e for e in errors if any(p.search(e) for p in UNSAFE)] == []


def test_user_text_is_visible_as_text_on_the_questions_page(tricky_store):
    """Escaped, not dropped: the own questions and meeting points are still there to read."""
    at = open_page("questions.py", lang="en")
    assert_no_exception(at)
    literal = "\n".join(str(t.value) for t in at.text)
    markdown = "\n".join(text for _, text in markdown_texts(at))
    for trick in TRICKS:
        assert trick in literal or _unescape(trick) in _unescape(markdown), trick


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_spreadsheet_exports_neutralise_formulas(tricky_store):
    """A formula typed as an organisation name must not run when the export is opened in Excel."""
    import csv
    import io

    from openpyxl import load_workbook

    from spoor2.store import tracker as activities_repo
    from spoor2.tracker.import_export import to_csv, to_xlsx

    activities = list(activities_repo.iter_activities(tricky_store))
    cells = [cell for row in csv.reader(io.StringIO(to_csv(activities, "en").decode("utf-8-sig"))) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@") and c != "-"]
    sheet = load_workbook(io.BytesIO(to_xlsx(activities, "en"))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert not [v for v in values if v.startswith("=")]
    assert any("HYPERLINK" in v for v in values)  # kept as text, not dropped


# --- uploads have size and type limits ----------------------------------------------------------------------


def _file_uploaders() -> list[tuple[str, int, ast.Call]]:
    found = []
    for path in sorted([*(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "file_uploader":
                found.append((str(path.relative_to(ROOT)), node.lineno, node))
    return found


def test_upload_size_is_limited_in_the_server_config():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert 1 <= config["server"]["maxUploadSize"] <= 200  # MB; features limit again in spoor2


def test_every_file_uploader_accepts_only_listed_types():
    uploaders = _file_uploaders()
    assert uploaders, "the app has uploads (tracker evidence, imports); the scan must see them"
    for name, line, call in uploaders:
        keywords = {kw.arg: kw.value for kw in call.keywords}
        assert "type" in keywords, f"{name}:{line}: st.file_uploader without type=[...]"
        value = keywords["type"]
        assert not (isinstance(value, ast.Constant) and value.value is None), f"{name}:{line}: type=None"
        assert "key" in keywords, f"{name}:{line}: st.file_uploader without a stable key="


# --- in a real browser ---------------------------------------------------------------------------------------

XSS = '<img src=x onerror="window.__xss=1">'


@pytest.mark.browser
def test_an_own_question_with_html_is_shown_literally_in_the_browser(page, app_server):  # noqa: F811
    page.goto(app_server.url + "/questions?lang=en")
    wait_for_app(page)
    field = page.locator(".st-key-q_own_text input")
    field.fill(XSS)
    field.press("Enter")
    wait_for_app(page)
    page.locator(".st-key-q_own_add button").click()
    wait_for_app(page)
    page.reload()
    wait_for_app(page)
    page.get_by_text(XSS, exact=True).first.wait_for()  # visible as the very characters typed
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0
