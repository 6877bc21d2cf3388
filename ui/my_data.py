"""The sections of /my-data: where and what is stored, export, import and delete everything, privacy.

The work itself is done by :mod:`spoor2.store.my_data`. Import and delete run in button callbacks
(before the page is drawn again), so the page shows the new state at once; they then forget
what other pages hold in the session (drafts, selections), which could show data that no
longer exists. Only the language and this page's own keys are kept.
"""

from __future__ import annotations

from datetime import date, datetime

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.i18n import has
from spoor2.legal.page_sources import page_sources
from spoor2.my_data.archive import MAX_ARCHIVE_BYTES, Archive
from spoor2.store import Store
from spoor2.store import my_data as data_io
from ui.frame import (
    LANG_KEY,
    LANG_WIDGET_KEY,
    fdate,
    flash,
    flash_error,
    forget_all_choices,
    lang,
    show_error,
    small,
    sources_markdown,
    tr,
)

EXPORT_KEY = "my_data_export"
IMPORT_KEY = "my_data_import"
IMPORT_CONFIRM_KEY = "my_data_import_confirm"
DELETE_CONFIRM_KEY = "my_data_delete_confirm"
DELETE_KEY = "my_data_delete"
_PREFIX = "my_data_"
_IMPORTED_KEY = "my_data_imported_file"
#: The upload checked last: (file id, archive or None). A file is read and validated once, not on every
#: rerun while it sits in the uploader (a hostile zip would cost its memory again and again).
_CHECKED_KEY = "my_data_checked_upload"
#: The frame's language keys (``ui.frame``); "_"-keys are the frame's own bookkeeping.
_KEEP = frozenset({LANG_KEY, LANG_WIDGET_KEY})


def export_file_name(today: date) -> str:
    """``spoor2-export-2026-11-23.zip``.

    >>> export_file_name(date(2026, 11, 23))
    'spoor2-export-2026-11-23.zip'
    """
    return f"spoor2-export-{today.isoformat()}.zip"


def table_label(table: str) -> str:
    key = f"my_data.table.{table}"
    return tr(key) if has(lang(), key) else table


def named_in_page_language(error: Spoor2Error) -> Spoor2Error:
    """An import error that names a part of the file (``activities``) names it as the page does, with the
    file's own name after it: "Activiteiten (activities)". A part this version does not know keeps its name."""
    table = error.params.get("table")
    if not isinstance(table, str) or not has(lang(), f"my_data.table.{table}"):
        return error
    return Spoor2Error(error.code, **{**error.params, "table": f"{table_label(table)} ({table})"})


def forget_other_pages() -> None:
    """Drop every session key except the language and this page's own (after import or delete).

    What other pages' widgets hold (``ui.frame.CHOICES_KEY``, drafts too) goes as well: it may show
    answers that no longer exist.
    """
    forget_all_choices()
    for key in list(st.session_state.keys()):
        name = str(key)
        if name in _KEEP or name.startswith((_PREFIX, "_")):
            continue
        del st.session_state[key]


# --- the sections of the page, in order ------------------------------------------------------------------


def intro() -> None:
    st.markdown(tr("my_data.intro"))
    st.info(tr("my_data.no_medical"), icon=":material/lock:")


# --- where and what -------------------------------------------------------------------------------------


def where_it_is(store: Store) -> None:
    """The folder and the database file, which also holds the evidence files (never a database URL)."""
    st.header(tr("my_data.where.title"), anchor=False)
    st.markdown(tr("my_data.where.body"))
    db_path = getattr(store, "db_path", None)
    st.markdown(tr("my_data.where.folder"))
    # a long path wraps instead of scrolling sideways in its box (WCAG 1.4.10, 320 px)
    st.code(str(db_path.parent if db_path else store.files_root.parent), language=None, wrap_lines=True)
    if db_path:
        st.markdown(tr("my_data.where.database"))
        st.code(str(db_path), language=None, wrap_lines=True)
    else:  # never show a database URL: it may hold a password
        st.markdown(tr("my_data.where.database_server"))
    st.markdown(tr("my_data.where.files"))
    st.caption(tr("my_data.where.change"))


def what_is_stored(store: Store) -> None:
    """How many records of each kind, and how many files."""
    st.header(tr("my_data.what.title"), anchor=False)
    counts = data_io.counts(store)
    files = data_io.file_count(store)
    total = sum(counts.values())
    lines = [f"- {tr('my_data.what.count_line', label=table_label(table), count=n)}" for table, n in counts.items()]
    st.markdown("\n".join(lines))
    if total == 0 and files == 0:
        st.markdown(tr("my_data.what.empty"))
    else:
        st.markdown(tr("my_data.what.total", count=total, files=files))


# --- export ---------------------------------------------------------------------------------------------


def export_everything(store: Store, today: date) -> None:
    """Everything as one zip, made when the button is clicked."""
    st.header(tr("my_data.export.title"), anchor=False)
    st.markdown(tr("my_data.export.body"))
    st.download_button(
        tr("my_data.export.button"),
        # made when the person clicks, not on every rerun of the page (evidence files can be large)
        data=lambda: data_io.export_bytes(store),
        file_name=export_file_name(today),
        mime="application/zip",
        key=EXPORT_KEY,
        icon=":material/download:",
        on_click="ignore",
    )


# --- import ---------------------------------------------------------------------------------------------


def _exported_on(archive: Archive) -> date | None:
    value = archive.manifest.get("exported_at")  # from the file: untrusted, only ever shown as a date
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def render_archive(store: Store, archive: Archive) -> None:
    """What the file contains, and that importing it replaces everything."""
    exported_on = _exported_on(archive)
    if exported_on is None:
        st.markdown(tr("my_data.import.contains_unknown_date"))
    else:
        st.markdown(tr("my_data.import.contains", date=fdate(exported_on)))
    lines = [
        f"- {tr('my_data.what.count_line', label=table_label(table), count=n)}"
        for table, n in archive.counts().items()
        if n
    ]
    lines.append(f"- {tr('my_data.import.files_line', count=len(archive.files))}")
    st.markdown("\n".join(lines))
    if not any(archive.counts().values()):
        st.markdown(tr("my_data.import.nothing"))
    st.warning(tr("my_data.import.replaces", count=sum(data_io.counts(store).values())), icon=":material/warning:")


def _on_import(store: Store) -> None:
    upload = st.session_state.get(IMPORT_KEY)
    if upload is None:
        return
    try:
        archive = data_io.read_archive(upload.getvalue(), store)  # validated again: nothing is trusted
        imported = data_io.import_archive(store, archive)
    except Spoor2Error as error:
        flash_error(named_in_page_language(error))
        return
    forget_other_pages()
    st.session_state[_IMPORTED_KEY] = upload.file_id
    flash("success", tr("my_data.notice.imported", count=sum(imported.values()), files=len(archive.files)))


def import_everything(store: Store) -> None:
    """A validated export file that replaces everything at once, after a look at what it holds."""
    st.header(tr("my_data.import.title"), anchor=False)
    st.markdown(tr("my_data.import.body"))
    upload = st.file_uploader(
        tr("my_data.import.label"),
        type=["zip"],
        key=IMPORT_KEY,
        max_upload_size=MAX_ARCHIVE_BYTES // (1024 * 1024),  # the one limit, the one spoor2 enforces
    )
    if upload is None:
        return
    if st.session_state.get(_IMPORTED_KEY) == upload.file_id:
        st.info(tr("my_data.import.already_done"), icon=":material/info:")
        return
    checked = st.session_state.get(_CHECKED_KEY)
    if checked is not None and checked[0] == upload.file_id:
        archive, problem = checked[1], checked[2]
    else:
        try:
            archive, problem = data_io.read_archive(upload.getvalue(), store), None
        except Spoor2Error as error:
            archive, problem = None, error
        st.session_state[_CHECKED_KEY] = (upload.file_id, archive, problem)
    if problem is not None:
        show_error(named_in_page_language(problem))
    if archive is None:
        return
    render_archive(store, archive)
    st.button(
        tr("my_data.import.button"),
        key=IMPORT_CONFIRM_KEY,
        type="primary",
        icon=":material/upload:",
        on_click=_on_import,
        args=(store,),
    )


# --- delete everything ----------------------------------------------------------------------------------


def _on_delete(store: Store) -> None:
    if not st.session_state.get(DELETE_CONFIRM_KEY):
        flash("warning", tr("my_data.delete.confirm_first"))
        return
    try:
        data_io.delete_everything(store)
    except Spoor2Error as error:  # a read-only or full disk: said in the person's language, nothing half-done
        flash_error(error)
        return
    forget_other_pages()
    st.session_state[DELETE_CONFIRM_KEY] = False
    flash("success", tr("my_data.notice.deleted"))


def delete_everything(store: Store) -> None:
    """Delete every record and file, after a confirmation."""
    st.header(tr("my_data.delete.title"), anchor=False)
    st.markdown(tr("my_data.delete.body"))
    st.checkbox(tr("my_data.delete.confirm"), key=DELETE_CONFIRM_KEY)
    st.button(
        tr("my_data.delete.button"),
        key=DELETE_KEY,
        type="primary",
        icon=":material/delete_forever:",
        on_click=_on_delete,
        args=(store,),
    )


def privacy() -> None:
    """The rights the page mirrors, with their articles."""
    st.header(tr("my_data.privacy.title"), anchor=False)
    st.markdown(tr("my_data.privacy.body"))
    small(tr("my_data.privacy.sources", links=sources_markdown(page_sources("my_data", "privacy_rights"))))
