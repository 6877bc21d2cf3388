"""Bad input never crashes: every parser and conversion of user input gives a valid result or a clear error.

"Clear" means a :class:`Spoor2Error` whose message exists in English AND Dutch and whose
placeholders are all filled. Besides the property tests, a static check reads every
``InvalidInput("…", …)`` / ``ImportRejected`` / ``_reject`` in ``spoor2/`` and checks its message
key and placeholders against both catalogues, so errors nobody triggered here are covered too.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import re
import string
import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from spoor2 import dates
from spoor2.cli.questions import _pairs, parse_done
from spoor2.cli.timeline import parse_date_arg
from spoor2.errors import ImportRejected, Spoor2Error
from spoor2.i18n import LANGS, catalogue, placeholders, templates
from spoor2.orientation.questionnaires import (
    QUESTIONNAIRE_IDS,
    check_profile,
    draft_search_profile,
    load_questionnaire,
    progress,
    score_questionnaire,
    validate_answers,
)
from spoor2.questions.bank import (
    ANSWER_KEYS,
    ANSWER_VALUES,
    AUDIENCES,
    LETTERS,
    Meeting,
    QuestionList,
    add_own_question,
    check_meeting,
    fill_letter,
)
from spoor2.store import Store
from spoor2.store import my_data as data_io
from spoor2.store import orientation as orientation_repo
from spoor2.store import questions as questions_repo
from spoor2.store import timeline as timeline_repo
from spoor2.store import tracker as activities_repo
from spoor2.timeline.rules import SickPeriod, TimelineInput, check_input, compute_timeline
from tests.conftest import ROOT

TODAY = date(2026, 11, 23)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
QUICK = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_KEY_RE = re.compile(r"\{[a-z_]+\}")


def assert_clear(error: Spoor2Error) -> None:
    """The error's message exists in both languages and every placeholder has a value."""
    key = error.code if "." in error.code else f"error.{error.code}"
    for lang in LANGS:
        forms = templates(lang, key)
        assert forms, f"{key} missing in {lang}"
        for template in forms:
            missing = placeholders(template) - set(error.params)
            assert not missing, f"{key}: {missing} not filled"
        message = error.message(lang)
        assert message and message != key
    if isinstance(error, ImportRejected):
        for _row, code, params in error.problems:
            assert_clear(Spoor2Error(code, **params))


# --- strategies ---------------------------------------------------------------------------------------

TRICKY = [
    "",
    " ",
    "\x00",
    "2026-02-29",
    "2028-02-29",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "2026-13-01",
    "2026-1-5",
    "5-1-2026",
    "31/02/2026",
    "2026-W01-1",
    "20260105",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://evil")',
    "{number}",
    "%s%s%n",
    "²",
    "٣",
    "-",
    "1e9",
    "99999999999999999999999",
    "NaN",
    "ﬁ",
    "\u202e",
]
texts = st.one_of(st.text(max_size=40), st.sampled_from(TRICKY), st.from_regex(r"\d{1,5}[-/.:]\d{1,3}[-/.:]\d{1,5}"))
any_dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
plausible_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=True), st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
)


# --- dates ---------------------------------------------------------------------------------------------


@FAST
@given(texts)
def test_parse_iso_date_returns_a_date_or_its_documented_error(value):
    try:
        parsed = dates.parse_iso_date(value)
    except ValueError as error:
        assert "not a YYYY-MM-DD date" in str(error)
    else:
        assert parsed.isoformat() == value.strip()


@FAST
@given(plausible_dates, st.integers(-10, 10))
def test_date_helpers_hold_on_every_day(day, years):
    working = dates.next_working_day(day)
    assert working >= day and dates.is_working_day(working) and (working - day).days < 7
    previous = dates.previous_working_day(day)
    assert previous <= day and dates.is_working_day(previous)
    assert dates.add_weeks(day, years) - day == timedelta(weeks=years)
    try:
        assert dates.add_years(day, years).day == day.day
    except ValueError:
        assert (day.month, day.day) == (2, 29)
    assert dates.anniversary(day, years).year == day.year + years


@FAST
@given(st.one_of(texts, any_dates.map(str)))
def test_cli_dates_are_a_date_or_invalid_input(value):
    try:
        parsed = parse_date_arg(value)
    except Spoor2Error as error:
        assert_clear(error)
    else:
        assert isinstance(parsed, date)


@FAST
@given(st.lists(texts, max_size=4), st.lists(texts, max_size=4))
def test_cli_question_options_are_parsed_or_refused_clearly(done, pairs):
    for call in (
        lambda: parse_done(done, TODAY),
        lambda: _pairs(pairs, ANSWER_KEYS, ANSWER_VALUES, "questions.error.bad_answer", "answer"),
    ):
        try:
            call()
        except Spoor2Error as error:
            assert_clear(error)


# --- period lists and the timeline ------------------------------------------------------------------------


periods = st.lists(st.tuples(any_dates, st.one_of(st.none(), any_dates)), min_size=1, max_size=5)


def _timeline_input(draw_periods, sanction, extension, iva, contract) -> TimelineInput:
    return TimelineInput(
        periods=tuple(SickPeriod(start=start, end=end) for start, end in draw_periods),
        wage_sanction_weeks=sanction,
        extension_weeks=extension,
        early_iva_applied=iva,
        contract_end=contract,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(periods, st.lists(st.tuples(plausible_dates, st.one_of(st.none(), plausible_dates)), max_size=4)),
    st.one_of(st.none(), st.integers(-5, 200)),
    st.one_of(st.none(), st.integers(-5, 2000)),
    st.one_of(st.none(), any_dates),
    st.one_of(st.none(), any_dates),
)
@example([(date(9999, 12, 1), None)], None, None, None, None)
@example([(date(1, 1, 1), date(1, 1, 2))], None, None, None, None)
@example([(date(2026, 1, 5), None)], 52, 520, None, None)
def test_any_period_list_gives_a_timeline_or_a_clear_error(draw_periods, sanction, extension, iva, contract):
    if not draw_periods:
        return
    inp = _timeline_input(draw_periods, sanction, extension, iva, contract)
    try:
        check_input(inp)
        timeline = compute_timeline(inp)
    except Spoor2Error as error:
        assert_clear(error)
    else:
        assert timeline.first_sick_day in [p.start for p in inp.periods]
        assert all(m.due is not None for m in timeline.milestones)


def _timeline_parser() -> argparse.ArgumentParser:
    from spoor2.cli.timeline import add_timeline_arguments

    parser = argparse.ArgumentParser()
    add_timeline_arguments(parser)
    return parser


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            texts, st.tuples(any_dates, st.one_of(st.just(""), any_dates.map(str))).map(lambda p: f"{p[0]}:{p[1]}")
        ),
        max_size=4,
    ),
    st.one_of(st.none(), texts, st.integers(-100, 1000).map(str)),
    st.one_of(st.none(), texts, st.integers(-100, 1000).map(str)),
    st.one_of(st.none(), texts, any_dates.map(str)),
    st.one_of(st.none(), texts, any_dates.map(str)),
)
@example(["2026-01-05:"], "²", None, None, None)
@example(["9999-12-30:"], None, None, None, None)
def test_timeline_cli_arguments_give_an_input_or_a_clear_error(period, sanction, extension, iva, contract):
    from spoor2.cli.timeline import timeline_input_from_args

    args = _timeline_parser().parse_args([])
    args.period, args.wage_sanction_weeks, args.extension_weeks = period, sanction, extension
    args.early_iva_applied, args.contract_end = iva, contract
    try:
        inp = timeline_input_from_args(args)
        if inp is not None:
            compute_timeline(inp)
    except Spoor2Error as error:
        assert_clear(error)


# --- questionnaire answers ------------------------------------------------------------------------------


def _answers_strategy(qid: str) -> st.SearchStrategy[dict[str, Any]]:
    q = load_questionnaire(qid)
    options = sorted({o for item in q.items for o in item.options}) or ["x"]
    keys = st.one_of(st.sampled_from([item.id for item in q.items]), st.text(max_size=8))
    values = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 9),
        st.floats(allow_nan=True),
        st.sampled_from(options),
        st.text(max_size=8),
        st.lists(st.one_of(st.sampled_from(options), st.text(max_size=5), st.integers()), max_size=4),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    )
    return st.dictionaries(keys, values, max_size=12)


@pytest.mark.parametrize("qid", QUESTIONNAIRE_IDS)
def test_any_answers_are_scored_or_refused_clearly(qid, tmp_path):
    q = load_questionnaire(qid)
    store = Store(":memory:", files_root=tmp_path / "files")

    @QUICK
    @given(_answers_strategy(qid), st.integers(-2, 8))
    def check(answers, screen):
        assert 0.0 <= progress(q, answers) <= 1.0
        try:
            clean = validate_answers(q, answers)
            result = score_questionnaire(q, answers)
            if qid == "capacity":
                for lang in LANGS:
                    draft_search_profile(answers, lang)
            orientation_repo.save_draft(store, qid, answers, screen)
        except Spoor2Error as error:
            assert_clear(error)
        else:
            assert result.answered == len(clean) <= len(q.items)
            draft = orientation_repo.load_draft(store, qid)
            assert draft is not None and draft.answers == clean

    check()


@QUICK
@given(st.dictionaries(st.one_of(st.sampled_from(["hours_week", "travel", "days"]), st.text(max_size=8)), json_values))
@example({"hours_week": "x" * 10_000_000})
@example({"travel": '<script>alert(1)</script> =HYPERLINK("http://evil")'})
def test_any_profile_edit_is_kept_as_text_or_refused_clearly(fields):
    try:
        clean = check_profile(fields)
    except Spoor2Error as error:
        assert_clear(error)
    else:
        assert clean == {key: value.strip() for key, value in fields.items()}


# --- the question list, meetings and letters -----------------------------------------------------------

user_texts = st.one_of(
    st.text(max_size=600),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "![x](http://evil/x.png)",
            "# heading",
            "**bold**",
            '=HYPERLINK("http://evil")',
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "{maximum} {0} %s",
        ]
    ),
)


def test_own_questions_meetings_and_letters_with_any_text(tmp_path):
    store = Store(":memory:", files_root=tmp_path / "files")

    @QUICK
    @given(user_texts, st.one_of(st.sampled_from(AUDIENCES), st.text(max_size=10)), st.lists(user_texts, max_size=4))
    @example("x" * 10_000_000, "uwv", [])
    @example("ok", "employer", ["y" * 10_000_000])
    def check(text, audience, points):
        try:
            qlist = add_own_question(QuestionList(), text, audience, "own-1")
            questions_repo.save_question_list(store, qlist)
        except Spoor2Error as error:
            assert_clear(error)
        else:
            saved = questions_repo.load_question_list(store)
            assert saved is not None and saved.items[-1].text == text.strip()
        try:
            meeting = Meeting(id="m1", on=TODAY, with_whom=text.strip()[:200], points=tuple(points))
            check_meeting(meeting)
            questions_repo.save_meeting(store, meeting)
        except Spoor2Error as error:
            assert_clear(error)
        else:
            assert questions_repo.meetings(store)[0].points == tuple(points)
        for letter in LETTERS:
            try:
                filled = fill_letter("nl", letter, {"name": text, "reasons": " ".join(points)})
            except Spoor2Error as error:
                assert_clear(error)
            else:
                assert len(text) > 5_000 or text.strip() == "" or text in filled or "[" in filled

    check()


@QUICK
@given(st.text(max_size=20), st.text(max_size=20), st.text(max_size=40), plausible_dates)
def test_settings_answers_and_milestones_with_any_text(key, value, note, day):
    store = Store(":memory:")
    for call in (
        lambda: questions_repo.set_answer(store, key, value),
        lambda: timeline_repo.record_milestone(store, key, day, note=note),
        lambda: timeline_repo.set_setting(store, key, value),
    ):
        try:
            call()
        except Spoor2Error as error:
            assert_clear(error)


# --- the tracker: dates, activities, CSV/XLSX/JSON import ------------------------------------------------


@FAST
@given(st.one_of(texts, json_scalars, any_dates))
def test_tracker_dates_are_a_date_or_a_clear_error(value):
    from spoor2.tracker.activities import parse_date

    try:
        parse_date(value)
    except Spoor2Error as error:
        assert_clear(error)


def _activity_rows() -> st.SearchStrategy[dict[str, Any]]:
    from spoor2.tracker.activities import ACTIVITY_TYPES, FIELDS, STATUSES

    cell = st.one_of(
        texts, user_texts, st.sampled_from([*ACTIVITY_TYPES, *STATUSES]), plausible_dates.map(str), json_scalars
    )
    return st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, cell))


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_any_activity_is_valid_or_refused_clearly(data):
    from spoor2.tracker.activities import check_link, check_target, validate_activity

    raw = data.draw(_activity_rows())
    for call in (
        lambda: validate_activity(raw, today=TODAY),
        lambda: check_link(str(raw.get("evidence_link", ""))),
        lambda: check_target(data.draw(st.one_of(texts, st.integers(-5, 99))), data.draw(st.lists(texts, max_size=3))),
    ):
        try:
            call()
        except Spoor2Error as error:
            assert_clear(error)


def _csv(rows: list[list[str]], delimiter: str) -> bytes:
    return "\n".join(delimiter.join(row) for row in rows).encode("utf-8")


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.lists(st.lists(st.one_of(texts, user_texts), max_size=6), max_size=6).flatmap(
            lambda rows: st.sampled_from([",", ";", "\t"]).map(lambda d: _csv(rows, d))
        ),
    ),
    st.sampled_from(["a.csv", "a.CSV", "a.txt", "a.xlsx", "a.exe", "a", "a.csv.xlsx"]),
)
@example(b"PK\x03\x04garbage", "a.xlsx")
@example(b"datum;type;status\n2026-11-01;Sollicitatie op vacature;afgerond\n", "a.csv")
@example(b"\xef\xbb\xbfdate,type\n\x00", "a.csv")
def test_any_tracker_import_file_is_read_or_refused_clearly(data, filename):
    from spoor2.tracker.import_export import from_json, import_file

    for call in (lambda: import_file(data, filename, today=TODAY), lambda: from_json(data, today=TODAY)):
        try:
            call()
        except Spoor2Error as error:
            assert_clear(error)


def test_a_real_spreadsheet_with_bad_cells_is_refused_clearly():
    from openpyxl import Workbook

    from spoor2.tracker.import_export import import_file

    book = Workbook()
    sheet = book.active
    sheet.append(["date", "type", "status", "organisation"])
    sheet.append([date(2026, 11, 1), "vacancy_application", "done", '=HYPERLINK("http://evil")'])
    sheet.append(["31-02-2026", "nonsense", 42, None])
    sheet.append([3.5, None, "<script>", "x" * 10_000])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(Spoor2Error) as raised:
        import_file(buffer.getvalue(), "activities.xlsx", today=TODAY)
    assert_clear(raised.value)


# --- data import: random bytes, random zip entries, mutated real exports ----------------------------------


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            archive.writestr(zipfile.ZipInfo(name), content)
    return buffer.getvalue()


entry_names = st.one_of(
    st.sampled_from(
        [
            "manifest.json",
            "tables/settings.json",
            "tables/meetings.json",
            "tables/unknown.json",
            "tables/../manifest.json",
            "../evil.txt",
            "/etc/passwd",
            "C:/evil",
            "files/../../evil",
            "files/a\\..\\b",
            "files/evidence/x.pdf",
            "files/",
            "a/b/c",
            "",
        ]
    ),
    st.text(max_size=20),
)
entry_contents = st.one_of(
    st.binary(max_size=60),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.just(json.dumps({"format": 1, "schema_version": 1}).encode()),
)


def _read_everything(store: Store) -> None:
    timeline_repo.load_timeline_input(store)
    timeline_repo.milestone_records(store)
    timeline_repo.milestone_notes(store)
    for qid in QUESTIONNAIRE_IDS:
        orientation_repo.load_draft(store, qid)
        orientation_repo.list_results(store, qid)
    questions_repo.load_question_list(store)
    questions_repo.document_records(store)
    questions_repo.situation_answers(store)
    questions_repo.meetings(store)
    for activity in activities_repo.iter_activities(store):
        if activity.evidence_file:
            activities_repo.evidence_file(store, activity.evidence_file)
    activities_repo.get_weekly_target(store)
    activities_repo.tracker_imports(store)


def _files_outside(root: Path, allowed: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and not p.is_relative_to(allowed)]


def _check_import(store: Store, data: bytes, root: Path) -> None:
    before = {p for p in root.rglob("*") if p.is_file()}
    try:
        archive = data_io.read_archive(data, store)
        data_io.import_archive(store, archive)
    except Spoor2Error as error:
        assert_clear(error)
    else:
        _read_everything(store)  # what was accepted, the app can read back
    after = {p for p in root.rglob("*") if p.is_file()} - before
    assert all(p.is_relative_to(store.files_root) for p in after), after  # never outside the data directory


def test_any_import_file_is_imported_or_refused_clearly(tmp_path):
    data_root = tmp_path / "sandbox"
    store = Store(data_root / "data" / "spoor2.sqlite3")

    @settings(max_examples=80, deadline=None)
    @given(
        st.one_of(
            st.binary(max_size=400),
            st.lists(st.tuples(entry_names, entry_contents), max_size=6).map(_zip),
        )
    )
    @example(b"PK\x05\x06" + b"\x00" * 18)
    def check(data):
        _check_import(store, data, data_root)

    check()
    assert not (tmp_path / "evil.txt").exists()


def _real_export(tmp_path: Path) -> bytes:
    """An export of a store with data in every feature (the v11 fixture, upgraded).

    Since a91ed25 evidence files are rows of ``evidence_files`` (there is no files folder to write
    one into any more): the v7 fixture holds an activity with its evidence file as a row, and a
    ``tracker_imports`` row, so the mutations reach those too.
    """
    import shutil

    path = tmp_path / "source" / "spoor2.sqlite3"
    path.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "tests" / "store" / "db_fixtures" / "v11.sqlite3", path)
    source = Store(path)
    # every table has rows, except the adviser grants of migration 12 (hosted mode only)
    filled = {t: n for t, n in data_io.counts(source).items() if not t.startswith("adviser_")}
    assert data_io.file_count(source) == 1 and all(filled.values()), filled
    return data_io.export_bytes(source)


def _mutate_json(content: dict[str, bytes], draw) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    tables = sorted(name for name in content if name.startswith("tables/") and json.loads(content[name]))
    if not tables:
        return content
    name = draw(st.sampled_from(tables))
    rows = json.loads(content[name])
    index = draw(st.integers(0, len(rows) - 1))
    column = draw(st.sampled_from(sorted(rows[index])))
    rows[index][column] = draw(st.one_of(json_values, user_texts, st.sampled_from(["", "../../x", "9999-99-99"])))
    return {**content, name: json.dumps(rows).encode()}


def test_mutated_real_exports_are_imported_or_refused_clearly(tmp_path):
    export = _real_export(tmp_path)
    with zipfile.ZipFile(io.BytesIO(export)) as archive:
        original = {info.filename: archive.read(info) for info in archive.infolist()}
    data_root = tmp_path / "sandbox"
    store = Store(data_root / "data" / "spoor2.sqlite3")

    @settings(max_examples=60, deadline=None)
    @given(st.data())
    def check(data):
        how = data.draw(st.sampled_from(["flip", "truncate", "json", "drop", "rename"]))
        if how == "flip":
            position = data.draw(st.integers(0, len(export) - 1))
            blob = (
                export[:position] + bytes([export[position] ^ data.draw(st.integers(1, 255))]) + export[position + 1 :]
            )
        elif how == "truncate":
            blob = export[: data.draw(st.integers(0, len(export) - 1))]
        else:
            content = dict(original)
            if how == "json":
                content = _mutate_json(content, data.draw)
            elif how == "drop":
                content.pop(data.draw(st.sampled_from(sorted(content))))
            else:
                old = data.draw(st.sampled_from(sorted(content)))
                content[data.draw(entry_names)] = content.pop(old)
            blob = _zip(sorted(content.items()))
        _check_import(store, blob, data_root)

    check()
    # the unmutated export still imports, and the store is intact afterwards
    assert sum(data_io.import_bytes(store, export).values()) > 0


# --- every error the code can raise has a message in both languages -----------------------------------

_ERROR_CALLS = {
    "InvalidInput": "",
    "ImportRejected": "",
    "NoRuleApplies": "",
    "Spoor2Error": "",
    "_reject": "my_data.error.",
}


def _raised_errors() -> list[tuple[str, str, set[str] | None]]:
    """(where, catalogue key, keyword names or None when ``**params`` is passed) for every constant code."""
    found = []
    for path in sorted((ROOT / "spoor2").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name not in _ERROR_CALLS or not node.args or not isinstance(node.args[0], ast.Constant):
                continue
            code = _ERROR_CALLS[name] + str(node.args[0].value)
            key = code if "." in code else f"error.{code}"
            names = {kw.arg for kw in node.keywords if kw.arg and kw.arg != "problems"}
            dynamic = any(kw.arg is None for kw in node.keywords)
            found.append((f"{path.relative_to(ROOT)}:{node.lineno}", key, None if dynamic else names))
    return found


def test_every_raised_error_has_a_message_with_all_placeholders_in_both_languages():
    errors = _raised_errors()
    assert len(errors) > 50  # the scan sees the code
    problems = []
    for where, key, names in errors:
        for lang in LANGS:
            forms = templates(lang, key)
            if not forms:
                problems.append(f"{where}: {key} missing in {lang}")
            for template in forms:
                if names is not None and placeholders(template) - names:
                    problems.append(f"{where}: {key} ({lang}) needs {placeholders(template) - names}, gets {names}")
    assert problems == []


def test_placeholders_are_plain_names():
    """``{maximum}`` style only: a format spec or index in a message would break on user values."""
    for lang in LANGS:
        for key, template in catalogue(lang).items():
            for _, name, spec, conversion in string.Formatter().parse(template):
                if name is not None:
                    assert _KEY_RE.fullmatch("{" + name + "}") and not conversion, (lang, key, name, spec)


def test_every_owned_table_is_read_back_before_an_import_is_accepted():
    """A new feature's table must get a reader in data_io, or bad rows of it would be imported unchecked."""
    from spoor2.store.migrations import owned_tables

    assert set(owned_tables()) <= set(data_io._readers())
