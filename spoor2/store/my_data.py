"""My data in the store: count, export, import (all-or-nothing) and delete everything of one owner.

The archive's format and its validation are :mod:`spoor2.my_data.archive`; this module supplies
the schema and does the SQL. Tables come from :func:`spoor2.store.migrations.owned_tables`, so
tables added by later features are exported, imported and deleted without a second list to
maintain; the columns that name an uploaded file are declared by the migrations (``FILE_COLUMNS``).

Uploaded files are rows of ``evidence_files`` (migration 7); the archive carries them as
``files/<id>`` entries (format 1, unchanged, so older exports still import). An export refuses
to write an archive in which a file that a row names is missing. Import validates everything
before it writes anything, then replaces the owner's rows AND files in ONE transaction: a crash
at any moment leaves either all the old data or all the new data, never rows without their files.
No folder is written, swapped or left behind.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import os
import shutil
import tempfile
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from spoor2 import __version__
from spoor2.errors import ImportRejected
from spoor2.my_data.archive import (
    FILES_DIR,
    FORMAT_VERSION,
    MANIFEST,
    TABLES_DIR,
    Archive,
    check_rows,
    dump_json,
    load_json,
    open_zip,
    referenced_files,
    reject,
    safe_member_path,
    scan_entries,
    schema_version_of,
    write_entry,
)
from spoor2.store import LOCAL_OWNER, PRIVATE_FILE, Store, StoreUnavailable, clean_strays, now_iso, store_failure
from spoor2.store.migrations import file_columns, latest_version, owned_tables

# --- schema -------------------------------------------------------------------------------------------


def _existing_tables(conn: Connection) -> list[str]:
    present = set(inspect(conn).get_table_names())
    return [name for name in owned_tables() if name in present]


def _columns(conn: Connection, table: str) -> list[str]:
    """The table's columns except ``owner_id`` (which import sets to the importing owner)."""
    return [c["name"] for c in inspect(conn).get_columns(table) if c["name"] != "owner_id"]


def _required_columns(conn: Connection, table: str) -> set[str]:
    """The columns a row must have even in an export from an older schema (NOT NULL, no default)."""
    return {
        c["name"]
        for c in inspect(conn).get_columns(table)
        if c["name"] != "owner_id" and not c["nullable"] and c["default"] is None
    }


# --- counts and export --------------------------------------------------------------------------------


def counts(store: Store) -> dict[str, int]:
    """Rows per owned table for this owner (tables in creation order)."""
    with store.read() as conn:
        return {
            table: int(
                conn.execute(
                    text(f'SELECT COUNT(*) FROM "{table}" WHERE owner_id = :o'), {"o": store.owner_id}
                ).scalar()
                or 0
            )
            for table in _existing_tables(conn)
        }


def file_count(store: Store) -> int:
    """How many uploaded files this owner has."""
    with store.read() as conn:
        return int(
            conn.execute(
                text("SELECT COUNT(*) FROM evidence_files WHERE owner_id = :o"), {"o": store.owner_id}
            ).scalar()
            or 0
        )


def _owner_rows(conn: Connection, table: str, owner_id: str) -> list[dict[str, Any]]:
    columns = _columns(conn, table)
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows = conn.execute(
        text(f'SELECT {quoted} FROM "{table}" WHERE owner_id = :o ORDER BY {quoted}'), {"o": owner_id}
    ).all()
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _file_ids(conn: Connection, owner_id: str) -> list[str]:
    return list(
        conn.execute(text("SELECT id FROM evidence_files WHERE owner_id = :o ORDER BY id"), {"o": owner_id}).scalars()
    )


def _file_content(conn: Connection, owner_id: str, identifier: str) -> bytes:
    row = conn.execute(
        text("SELECT content FROM evidence_files WHERE owner_id = :o AND id = :id"), {"o": owner_id, "id": identifier}
    ).first()
    return bytes(row[0]) if row else b""


def export_bytes(store: Store, *, exported_at: datetime | None = None) -> bytes:
    """Everything of this owner as one zip archive (bytes), read in one snapshot.

    Refuses (``my_data.error.export_missing_file``) when a row names a file that is not stored:
    an archive that could not be imported again is never handed out as a backup.
    """
    moment = exported_at or datetime.now(UTC)
    buffer = io.BytesIO()
    with store.read() as conn, conn.begin():
        tables = {table: _owner_rows(conn, table, store.owner_id) for table in _existing_tables(conn)}
        files = _file_ids(conn, store.owner_id)
        missing = sorted(referenced_files(tables, file_columns()) - set(files))
        if missing:
            raise reject("export_missing_file", name=missing[0][:80], count=len(missing))
        content = {identifier: _file_content(conn, store.owner_id, identifier) for identifier in files}
    manifest = {
        "format": FORMAT_VERSION,
        "schema_version": store.schema_version(),
        "exported_at": moment.isoformat(timespec="seconds"),
        "app_version": __version__,
        "tables": sorted(tables),
    }
    with zipfile.ZipFile(buffer, "w") as archive:
        write_entry(archive, MANIFEST, dump_json(manifest))
        for table, rows in tables.items():
            write_entry(archive, f"{TABLES_DIR}/{table}.json", dump_json(rows))
        for identifier, data in content.items():
            write_entry(archive, f"{FILES_DIR}/{identifier}", data)
    return buffer.getvalue()


def export_to_file(store: Store, target: Path) -> Path:
    """Write the export to ``target`` atomically and privately (see :func:`write_private_file`)."""
    return write_private_file(Path(target), export_bytes(store))


def check_export_target(target: Path) -> Path:
    """``target`` as a path a file can be written to, else ``InvalidInput`` (never a folder or a device).

    A target that exists must be a regular file (it is replaced); the folder must exist.
    """
    from spoor2.errors import InvalidInput

    if not str(target) or str(target) in (".", "..") or str(target).endswith(("/", os.sep)):
        raise InvalidInput("export_bad_target", path=str(target))
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise InvalidInput("export_bad_target", path=str(target))
    if target.parent.exists() and not target.parent.is_dir():
        raise InvalidInput("export_no_folder", path=str(target.parent))
    return target


def write_private_file(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically (0600): a temporary file in the target's folder,
    flushed to disk, then renamed. On any failure the temporary file is removed and a previous
    file at ``target`` is left as it was."""
    target = check_export_target(Path(target))
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temporary.chmod(PRIVATE_FILE)
        temporary.replace(target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise store_failure(error) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


# --- reading and validating an archive ----------------------------------------------------------------


def read_archive(data: bytes, store: Store) -> Archive:
    """Validate an archive completely against this store's schema. Writes nothing."""
    archive = open_zip(data)
    try:
        with archive:
            return _read_open_archive(archive, store)
    except ImportRejected:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        ValueError,
        OSError,
        EOFError,
        KeyError,
        IndexError,
        RuntimeError,
        NotImplementedError,
    ) as error:
        # corrupt data inside a readable directory (bad CRC, bad compression, empty entry name, encrypted entry, …)
        raise reject("corrupt") from error


def _read_open_archive(archive: zipfile.ZipFile, store: Store) -> Archive:
    with store.read() as conn:
        known = _existing_tables(conn)
        schema = {table: set(_columns(conn, table)) for table in known}
        required = {table: _required_columns(conn, table) for table in known}
    entries = scan_entries(archive, set(known))
    latest = latest_version()
    # An export from an older schema may lack columns added since; they get their default.
    manifest = load_json(archive, entries.manifest)
    older = schema_version_of(manifest, latest) < latest
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in known:
        if table not in entries.tables:
            tables[table] = []  # an older export without this feature: nothing to import there
            continue
        rows = load_json(archive, entries.tables[table])
        tables[table] = check_rows(table, rows, schema[table], required[table] if older else None)
    for reference in sorted(referenced_files(tables, file_columns())):
        safe_member_path(reference)
        if reference not in entries.files:
            raise reject("missing_file", name=reference[:80])
    _check_readable(tables, store)
    files = {name: archive.read(info) for name, info in entries.files.items()}
    return Archive(manifest=manifest, tables=tables, files=files)


def _readers() -> dict[str, Any]:
    """Per owned table: how the app reads it back (a row that fits the columns can still be nonsense)."""
    from spoor2.orientation.questionnaires import QUESTIONNAIRE_IDS
    from spoor2.store import applying as applying_repo
    from spoor2.store import hosted as hosted_repo
    from spoor2.store import journal as journal_repo
    from spoor2.store import my_file as my_file_repo
    from spoor2.store import my_file_view as my_file_view_repo
    from spoor2.store import orientation as orientation_repo
    from spoor2.store import questions as questions_repo
    from spoor2.store import timeline as timeline_repo
    from spoor2.store import tracker as activities_repo

    return {
        "settings": activities_repo.get_weekly_target,
        "timeline_inputs": timeline_repo.load_timeline_input,
        "milestone_records": lambda s: (timeline_repo.milestone_records(s), timeline_repo.milestone_notes(s)),
        "orientation_drafts": lambda s: [orientation_repo.load_draft(s, q) for q in QUESTIONNAIRE_IDS],
        "orientation_results": lambda s: [orientation_repo.list_results(s, q) for q in QUESTIONNAIRE_IDS],
        "question_lists": questions_repo.load_question_list,
        "document_checklist": questions_repo.document_records,
        "situation_answers": questions_repo.situation_answers,
        "meetings": questions_repo.meetings,
        "activities": lambda s: list(activities_repo.iter_activities(s)),
        "tracker_imports": activities_repo.tracker_imports,
        **my_file_repo.READERS,
        **my_file_view_repo.READERS,
        **journal_repo.READERS,
        **applying_repo.READERS,
        **hosted_repo.READERS,
    }


def _check_readable(tables: dict[str, list[dict[str, Any]]], store: Store) -> None:
    """Load the rows into a scratch in-memory store and read every table back the way the app does.

    A mutated or hand-edited export (an empty date, a list where answers belong) is refused here
    with the table's name, instead of being imported and breaking a page later.
    """
    scratch = Store(":memory:", owner_id=store.owner_id, files_root=store.files_root)
    try:
        try:
            with scratch.transaction() as conn:
                _insert_rows(conn, scratch.owner_id, tables)
        except SQLAlchemyError as error:
            raise reject("conflict") from error
        readers = _readers()
        for table, rows in tables.items():
            if rows and table in readers:
                try:
                    readers[table](scratch)
                except Exception as error:
                    raise reject("unreadable_rows", table=table) from error
    finally:
        scratch.close()


# --- import and delete ----------------------------------------------------------------------------------


def _delete_rows(conn: Connection, owner_id: str) -> None:
    """Every row of this owner, and every file (``evidence_files`` is not an owned table: no JSON)."""
    for table in reversed(_existing_tables(conn)):
        conn.execute(text(f'DELETE FROM "{table}" WHERE owner_id = :o'), {"o": owner_id})
    conn.execute(text("DELETE FROM evidence_files WHERE owner_id = :o"), {"o": owner_id})


def _insert_rows(conn: Connection, owner_id: str, tables: dict[str, list[dict[str, Any]]]) -> None:
    for table, rows in tables.items():
        for row in rows:
            columns = list(row)
            names = ", ".join(f'"{c}"' for c in ["owner_id", *columns])
            params = ", ".join(f":p{i}" for i in range(len(columns) + 1))
            values = {"p0": owner_id} | {f"p{i + 1}": row[c] for i, c in enumerate(columns)}
            conn.execute(text(f'INSERT INTO "{table}" ({names}) VALUES ({params})'), values)


def _insert_files(conn: Connection, owner_id: str, files: dict[str, bytes]) -> None:
    at = now_iso()
    for identifier, data in files.items():
        conn.execute(
            text(
                "INSERT INTO evidence_files (owner_id, id, name, media_type, size, sha256, content, created_at) "
                "VALUES (:o, :id, :name, :media_type, :size, :sha256, :content, :at)"
            ),
            {
                "o": owner_id,
                "id": identifier,
                "name": PurePosixPath(identifier).name,
                "media_type": mimetypes.guess_type(identifier)[0] or "application/octet-stream",
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "content": data,
                "at": at,
            },
        )


def import_archive(store: Store, archive: Archive) -> dict[str, int]:
    """Replace all of this owner's data and files with the archive's, in ONE transaction. Returns the counts."""
    try:
        with store.transaction() as conn:
            _delete_rows(conn, store.owner_id)
            _insert_rows(conn, store.owner_id, archive.tables)
            _insert_files(conn, store.owner_id, archive.files)
    except StoreUnavailable:
        raise
    except SQLAlchemyError as error:
        raise reject("conflict") from error
    return archive.counts()


def import_bytes(store: Store, data: bytes) -> dict[str, int]:
    return import_archive(store, read_archive(data, store))


def delete_everything(store: Store) -> None:
    """Delete every row of this owner (children first), their uploaded files, and every trace on disk.

    The files are rows too, deleted in the same transaction; folders left by interrupted imports of
    earlier versions (``files/.import-*``, ``.old-*``, ``*.part``) are removed.

    After the rows are gone the database is checkpointed and rebuilt (nothing deleted stays
    readable in the ``-wal`` file or in free pages), and the automatic backups made before schema
    upgrades — full copies of the old data — are removed too.

    On PostgreSQL (hosted) the owner row is deleted as well (a new login creates it afresh); the
    space of deleted rows is reclaimed by VACUUM, which is the operator's job (see
    :meth:`Store.forget_deleted`).
    """
    with store.transaction() as conn:
        _delete_rows(conn, store.owner_id)
        if store.hosted:  # a shared database: the person goes too (the owner row; anything left cascades)
            conn.execute(text("DELETE FROM owners WHERE id = :o"), {"o": store.owner_id})
    shutil.rmtree(store.files_root / store.owner_id, ignore_errors=True)  # the folder of earlier versions
    clean_strays(store.files_root)  # copies an interrupted import of an earlier version left behind
    store.forget_deleted()
    if store.db_path is not None and store.owner_id == LOCAL_OWNER:  # the one person of a local store
        for backup in (store.db_path.parent / "backups").glob(f"{store.db_path.stem}*"):
            backup.unlink(missing_ok=True)
