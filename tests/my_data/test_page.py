"""The /my-data page with AppTest, in both languages: what is stored, export, import, delete everything.

Every test runs on both stores (``person`` in conftest.py): the local SQLite file, and the hosted PostgreSQL
with the person logged in. Only where the data is differs: a file and its folder, or "a database server".
"""

from __future__ import annotations

import json
import os
import re
from datetime import date

import pytest

from spoor2.i18n import catalogue, t
from spoor2.my_data import archive as archive_format
from spoor2.render.text import md_escape
from spoor2.store import Store
from spoor2.store import my_data as data_io
from spoor2.store.migrations import owned_tables
from spoor2.store.timeline import milestone_notes, record_milestone
from tests.support.apptest import assert_no_exception, page_text
from tests.support.my_data import fill_store, rebuild, snapshot


def count_line(lang: str, table: str, count: int) -> str:
    return t(lang, "my_data.what.count_line", label=t(lang, f"my_data.table.{table}"), count=count)


def test_every_owned_table_has_a_label_in_both_languages():
    for lang in ("en", "nl"):
        assert [table for table in owned_tables() if f"my_data.table.{table}" not in catalogue(lang)] == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_shows_where_and_what_is_stored(lang, person, data_dir):
    store = person.store
    at = person.open(lang)
    assert_no_exception(at)
    text = page_text(at)
    assert t(lang, "my_data.no_medical") in text
    assert t(lang, "my_data.what.empty") in text
    assert count_line(lang, "meetings", 0) in text
    shown = [code.value for code in at.code]
    if person.backend == "sqlite":
        assert str(data_dir) in shown
        assert str(data_dir / "spoor2.sqlite3") in shown
    else:  # a database server: named as such, never by its URL (it may hold a password)
        assert t(lang, "my_data.where.database_server") in text
        everything = "\n".join([*shown, text])
        assert os.environ["SPOOR2_DATABASE_URL"] not in everything and "postgresql://" not in everything
    # evidence files are rows of the database now (issue 18): no separate folder to show, and the page says so
    assert not any("files" in value for value in shown)
    assert t(lang, "my_data.where.files") in text

    fill_store(store)
    at = person.open(lang)
    text = page_text(at)
    for table in owned_tables():
        assert count_line(lang, table, data_io.counts(store)[table]) in text
    assert count_line(lang, "activities", 1) in text
    assert t(lang, "my_data.what.total", count=sum(data_io.counts(store).values()), files=1) in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_export_button_gives_a_valid_export(lang, person):
    """The button, its label and its file name; the downloaded bytes themselves are checked in a real
    browser (tests/my_data/test_browser.py), without reaching into Streamlit's media manager."""
    from ui.my_data import export_file_name

    store = person.store
    fill_store(store)
    at = person.open(lang)
    assert_no_exception(at)
    button = at.download_button(key="my_data_export")
    assert button.label == t(lang, "my_data.export.button")
    assert re.fullmatch(r"spoor2-export-\d{4}-\d{2}-\d{2}\.zip", export_file_name(date(2026, 12, 2)))
    # the export the button makes is the store's own, and it reads back completely
    exported = data_io.export_bytes(store)
    assert data_io.read_archive(exported, store).counts() == data_io.counts(store)
    assert archive_format.archive_content(exported) == snapshot(store)[0]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_delete_needs_the_confirmation_then_empties_the_store(lang, person):
    store = person.store
    fill_store(store)
    before = snapshot(store)
    at = person.open(lang)
    at.button(key="my_data_delete").click().run()
    assert_no_exception(at)
    assert t(lang, "my_data.delete.confirm_first") in page_text(at)
    assert snapshot(store) == before

    at.session_state["or_choice"] = "values"  # another page's UI state: stale after the delete
    at.checkbox(key="my_data_delete_confirm").check()
    at.button(key="my_data_delete").click().run()
    assert_no_exception(at)
    text = page_text(at)
    assert t(lang, "my_data.notice.deleted") in text
    assert t(lang, "my_data.what.empty") in text
    assert sum(data_io.counts(store).values()) == 0 and data_io.file_count(store) == 0
    assert at.checkbox(key="my_data_delete_confirm").value is False
    assert "or_choice" not in at.session_state
    assert at.session_state["lang"] == lang  # the language is kept


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_bad_upload_shows_the_message_and_changes_nothing(lang, person):
    store = person.store
    fill_store(store)
    before = snapshot(store)
    at = person.open(lang)
    bad = rebuild(data_io.export_bytes(store), add=(("../evil.sh", b"rm -rf ~"),))
    at.file_uploader(key="my_data_import").set_value(("export.zip", bad, "application/zip")).run()
    assert_no_exception(at)
    # a name from the file is shown as text: escaped for Markdown (it renders as "../evil.sh")
    assert [e.value for e in at.error] == [t(lang, "my_data.error.unsafe_path", name=md_escape("../evil.sh"))]
    assert not [b for b in at.button if b.key == "my_data_import_confirm"]
    assert snapshot(store) == before

    # issue 18, D4: an entry name with a Markdown image never loads it (it is an error's parameter)
    hostile = "files/![x](http://127.0.0.1:9/p.png)/../../x"
    bad = rebuild(data_io.export_bytes(store), add=((hostile, b"x"),))
    at.file_uploader(key="my_data_import").set_value(("export.zip", bad, "application/zip")).run()
    [shown] = [e.value for e in at.error]
    assert "![x](" not in shown and "\\!\\[x\\]" in shown
    assert snapshot(store) == before

    at.file_uploader(key="my_data_import").set_value(("notes.zip", b"not a zip at all", "application/zip")).run()
    assert [e.value for e in at.error] == [t(lang, "my_data.error.not_a_zip")]
    assert snapshot(store) == before


def _spoiled(table: str, column: str, value: object):  # type: ignore[no-untyped-def]
    def change(content: bytes) -> bytes:
        rows = json.loads(content)
        rows[0][column] = value
        return json.dumps(rows).encode()

    return {f"tables/{table}.json": change}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("table", "column", "value"), [("activities", "activity_date", "2026-02-31"),
                                                        ("journal_entries", "energy", "veel")])  # fmt: skip
def test_a_damaged_part_of_an_upload_is_named_as_the_page_names_it(lang, person, table, column, value):
    """Not only ``journal_entries`` (the file's own name): "Notities van het energiedagboek (journal_entries)"."""
    store = person.store
    fill_store(store)
    before = snapshot(store)
    at = person.open(lang)
    bad = rebuild(data_io.export_bytes(store), change=_spoiled(table, column, value))
    at.file_uploader(key="my_data_import").set_value(("export.zip", bad, "application/zip")).run()
    if not at.error:  # read back only when imported: the import's own check refuses it
        at.button(key="my_data_import_confirm").click().run()
    assert_no_exception(at)
    shown = " ".join(str(e.value) for e in at.error)
    assert md_escape(f"{t(lang, f'my_data.table.{table}')} ({table})") in shown, shown
    assert snapshot(store) == before


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_import_shows_the_contents_then_replaces_everything(lang, person, tmp_path):
    """An export of the local app, imported on either store (the way from one's own computer to an organisation's)."""
    store = person.store
    source = Store(tmp_path / "elsewhere" / "spoor2.sqlite3")
    fill_store(source, note="from the export")
    exported = data_io.export_bytes(source)
    record_milestone(store, "spoor2_decision", date(2026, 6, 1), note="here now")

    at = person.open(lang)
    at.session_state["q_own_text"] = "a half-typed question"
    at.file_uploader(key="my_data_import").set_value(("spoor2-export.zip", exported, "application/zip")).run()
    assert_no_exception(at)
    text = page_text(at)
    assert count_line(lang, "meetings", 1) in text
    assert t(lang, "my_data.import.files_line", count=1) in text
    assert t(lang, "my_data.import.replaces", count=1) in text
    assert milestone_notes(store) == {"spoor2_decision": "here now"}  # nothing changed yet

    at.button(key="my_data_import_confirm").click().run()
    assert_no_exception(at)
    text = page_text(at)
    imported = sum(data_io.counts(source).values())
    assert t(lang, "my_data.notice.imported", count=imported, files=1) in text
    assert milestone_notes(store) == {"action_plan_due": "from the export"}  # replaced, not merged
    assert archive_format.archive_content(data_io.export_bytes(store)) == archive_format.archive_content(exported)
    assert "q_own_text" not in at.session_state
    assert at.session_state["lang"] == lang
    # the same upload is not offered again
    assert not [b for b in at.button if b.key == "my_data_import_confirm"]
    assert t(lang, "my_data.import.already_done") in text


def test_an_upload_is_validated_once_not_on_every_rerun(person, monkeypatch):
    """Issue 18, D6: a hostile zip cost its memory again on every rerun while it sat in the uploader."""
    store = person.store
    fill_store(store)
    exported = data_io.export_bytes(store)
    at = person.open("en")
    at.file_uploader(key="my_data_import").set_value(("spoor2-export.zip", exported, "application/zip")).run()
    calls = []
    original = data_io.read_archive
    monkeypatch.setattr(data_io, "read_archive", lambda data, s: calls.append(1) or original(data, s))
    at.run()
    at.run()
    assert_no_exception(at)
    assert calls == []  # the same file: its check is remembered
    assert at.button(key="my_data_import_confirm")
