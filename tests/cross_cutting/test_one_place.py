"""One place for each thing (issue 11): one Markdown escaper, one calendar builder, one upsert,
one reading of "N years after 29 February". Each scan fails when a second copy reappears."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from spoor2.errors import InvalidInput
from spoor2.orientation.export import to_markdown
from spoor2.questions.bank import Meeting, QuestionList, add_own_question, shown_questions
from spoor2.questions.export import questions_markdown
from spoor2.render.text import md_escape
from spoor2.store import orientation as orientation_repo
from spoor2.store import questions as questions_repo
from spoor2.tracker.activities import validate_activity
from tests.conftest import ROOT

#: Application code: the rules package, the Streamlit helpers, the pages and the entry point.
APP_FILES = sorted([*(ROOT / "spoor2").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").rglob("*.py")])
APP_FILES.append(ROOT / "app.py")
ESCAPER = ROOT / "spoor2" / "render" / "text.py"
CALENDAR = ROOT / "spoor2" / "render" / "ics.py"
STORE = ROOT / "spoor2" / "store" / "__init__.py"
DATES = ROOT / "spoor2" / "dates.py"

HOSTILE = (
    "<img src=x onerror=alert(1)> **bold** _it_ [click](javascript:alert(1)) ![x](http://evil/x.png) "
    "$x^2$ :red[alarm] :material/home: # h | a | ~s~ `c` & 1. = https://evil.example"
)


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _offenders(pattern: str, allowed: Path) -> list[str]:
    regex = re.compile(pattern, re.IGNORECASE)
    return [
        f"{_name(path)}:{number}"
        for path in APP_FILES
        if path != allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if regex.search(line)
    ]


# --- one Markdown escaper ---------------------------------------------------------------------------------


def test_there_is_one_markdown_escaper():
    """No second function that escapes Markdown, and no second table of HTML entities."""
    defined = [
        f"{_name(path)}:{node.lineno} {node.name}"
        for path in APP_FILES
        if path != ESCAPER
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and re.search(r"escape", node.name, re.IGNORECASE)
        and re.search(r"md|markdown|html", node.name, re.IGNORECASE)
    ]
    assert defined == [], "escape Markdown with spoor2.render.text.md_escape"
    assert _offenders(r"&lt;|&gt;|&amp;", ESCAPER) == []


def test_the_frame_offers_the_same_escaper():
    from ui.frame import md_escape as frame_escape

    assert frame_escape is md_escape


def test_the_same_user_text_is_escaped_identically_in_the_questions_and_orientation_exports(store):
    today = date(2026, 11, 22)
    questions = add_own_question(QuestionList(), HOSTILE, "employer", "own-1")
    questions_md = questions_markdown(shown_questions(questions, "en"), "en", today)

    saved = orientation_repo.complete_questionnaire(store, "capacity", {"hours_week": "h12_20"}, today)
    orientation_repo.update_profile(store, saved.id, {"hours_week": HOSTILE})
    results = {"capacity": orientation_repo.latest_result(store, "capacity")}
    orientation_md = to_markdown(results, "en", today)

    escaped = md_escape(HOSTILE)
    assert escaped in questions_md and escaped in orientation_md
    for document in (questions_md, orientation_md):
        for raw in ("<img", "**bold**", "](javascript", "$x^2$", ":red[", "https://evil"):
            assert raw not in document, raw
        assert not re.search(r"(?<!\\):material/", document)


# --- one calendar builder ---------------------------------------------------------------------------------


def _calendar_code(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "icalendar" for a in node.names):
            found.append(f"{_name(path)}:{node.lineno} import icalendar")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "icalendar":
            found.append(f"{_name(path)}:{node.lineno} from icalendar")
        elif isinstance(node, ast.Call):
            called = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if called in ("Calendar", "Event"):
                found.append(f"{_name(path)}:{node.lineno} {called}()")
    return found


def test_there_is_one_calendar_builder():
    """Only spoor2/render/ics.py builds an iCalendar; the features hand it AllDayEvent values."""
    assert [hit for path in APP_FILES if path != CALENDAR for hit in _calendar_code(path)] == []
    assert _calendar_code(CALENDAR)  # the scan itself sees the one builder


# --- one upsert -------------------------------------------------------------------------------------------


def test_there_is_one_upsert():
    """``ON CONFLICT`` is written once, in spoor2.store.upsert_sql; the repositories call upsert()."""
    assert _offenders(r"ON\s+CONFLICT", STORE) == []


def test_the_upsert_replaces_a_row_but_never_another_owners(memory_store):
    """Saving again replaces the row with the same key; a meeting id that belongs to another
    owner is left alone (``same=("owner_id",)``), whoever saves it."""
    meeting = Meeting(id="m-1", on=date(2026, 11, 2), with_whom="HR", points=("a",), agreed="first")
    questions_repo.save_meeting(memory_store, meeting)
    questions_repo.save_meeting(memory_store, meeting.model_copy(update={"agreed": "second"}))
    assert [m.agreed for m in questions_repo.meetings(memory_store)] == ["second"]
    other = memory_store.for_owner("someone-else")
    questions_repo.save_meeting(other, meeting.model_copy(update={"agreed": "overwritten"}))
    assert [m.agreed for m in questions_repo.meetings(memory_store)] == ["second"]
    assert questions_repo.meetings(other) == []


# --- one reading of "N years after" -----------------------------------------------------------------------


def test_years_are_counted_only_in_the_date_module():
    """``date.replace(year=…)`` is how a third reading of 29 February crept in; only spoor2/dates.py may."""
    assert _offenders(r"\.replace\(\s*year\s*=", DATES) == []


@pytest.mark.parametrize(
    ("day", "accepted"),
    [
        (date(2023, 2, 28), False),  # more than five years before 29 February 2028
        (date(2023, 3, 1), True),  # five years back from 29 February reads as 1 March
        (date(2029, 3, 1), True),  # one year after 29 February 2028 reads as 1 March 2029
        (date(2029, 3, 2), False),
    ],
)
def test_the_tracker_reads_years_after_29_february_as_the_timeline_does(day, accepted):
    """The tracker's five years back and one year ahead use spoor2.dates.anniversary, like the
    two-year dismissal ban of the timeline: after 29 February comes 1 March, never 28 February."""
    raw = {"date": day, "type": "vacancy_application", "organisation": "Org"}
    if accepted:
        assert validate_activity(raw, today=date(2028, 2, 29)).activity_date == day
    else:
        with pytest.raises(InvalidInput):
            validate_activity(raw, today=date(2028, 2, 29))
