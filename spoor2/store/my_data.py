"""My data: export everything of one owner as a zip, import it back (all-or-nothing), delete it.

The archive (format :data:`FORMAT_VERSION`)::

    manifest.json          {"format": 1, "schema_version": N, "exported_at": "...", "app_version": "..."}
    tables/<table>.json    a list of rows (objects, column → value) of that owner, without ``owner_id``
    files/<relative path>  the owner's uploaded files (``store.owner_files_dir()``)

Tables come from :func:`spoor2.store.migrations.owned_tables`, so tables added by later
features are exported, imported and deleted without a second list to maintain.

Import validates everything before it writes anything: size and entry-count limits, safe
paths (no absolute paths, no ``..``, no symlinks), only known tables, columns equal to the
current schema, plain JSON values, and every file a row refers to present in the archive
(the columns that name a file are declared by the migrations: ``FILE_COLUMNS``).
Then the owner's rows are replaced in ONE transaction, and the files are swapped in from a
staging folder. Nothing in an archive is ever executed; files are only written inside the
owner's files folder.
"""

from __future__ import annotations

import io
import json
import math
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from spoor2 import __version__
from spoor2.errors import ImportRejected
from spoor2.store import Store
from spoor2.store.migrations import file_columns, latest_version, owned_tables

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TABLES_DIR = "tables"
FILES_DIR = "files"

#: Limits for an archive to import (an export of two years of use is far below these).
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5_000
MAX_TOTAL_UNCOMPRESSED = 500 * 1024 * 1024
MAX_JSON_BYTES = 50 * 1024 * 1024
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PATH_CHARS = 255

_ERR = "my_data.error."


def _reject(code: str, /, **params: Any) -> ImportRejected:
    return ImportRejected(_ERR + code, **params)


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
    return len(_owner_files(store))


def _owner_rows(conn: Connection, table: str, owner_id: str) -> list[dict[str, Any]]:
    columns = _columns(conn, table)
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows = conn.execute(
        text(f'SELECT {quoted} FROM "{table}" WHERE owner_id = :o ORDER BY {quoted}'), {"o": owner_id}
    ).all()
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _owner_files(store: Store) -> list[tuple[str, Path]]:
    folder = store.files_root / store.owner_id
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found.append((path.relative_to(folder).as_posix(), path))
    return found


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _write_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    archive.writestr(info, data)


def export_bytes(store: Store, *, exported_at: datetime | None = None) -> bytes:
    """Everything of this owner as one zip archive (bytes)."""
    moment = exported_at or datetime.now(UTC)
    buffer = io.BytesIO()
    with store.read() as conn:
        tables = {table: _owner_rows(conn, table, store.owner_id) for table in _existing_tables(conn)}
    manifest = {
        "format": FORMAT_VERSION,
        "schema_version": store.schema_version(),
        "exported_at": moment.isoformat(timespec="seconds"),
        "app_version": __version__,
        "tables": sorted(tables),
    }
    with zipfile.ZipFile(buffer, "w") as archive:
        _write_entry(archive, MANIFEST, _dump(manifest))
        for table, rows in tables.items():
            _write_entry(archive, f"{TABLES_DIR}/{table}.json", _dump(rows))
        for relative, path in _owner_files(store):
            _write_entry(archive, f"{FILES_DIR}/{relative}", path.read_bytes())
    return buffer.getvalue()


def export_to_file(store: Store, target: Path) -> Path:
    """Write the export to ``target`` atomically (a temporary file, then renamed)."""
    data = export_bytes(store)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".export-", delete=False) as handle:
        handle.write(data)
        temporary = Path(handle.name)
    temporary.replace(target)
    return target


# --- reading and validating an archive ----------------------------------------------------------------


@dataclass(frozen=True)
class Archive:
    """A validated archive, ready to import."""

    manifest: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]
    files: dict[str, bytes] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {table: len(rows) for table, rows in self.tables.items()}


def safe_member_path(name: str) -> PurePosixPath:
    """A zip entry name as a safe relative path, or ImportRejected (absolute, ``..``, drive, …)."""
    if not name or len(name) > MAX_PATH_CHARS or "\\" in name or "\x00" in name or name.startswith("/"):
        raise _reject("unsafe_path", name=name[:80])
    parts = name.split("/")  # the raw parts: PurePosixPath would quietly drop "." and empty ones
    if any(part in ("..", ".", "") for part in parts) or ":" in parts[0]:
        raise _reject("unsafe_path", name=name[:80])
    return PurePosixPath(name)


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode)


def _load_json(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Any:
    if info.file_size > MAX_JSON_BYTES:
        raise _reject("too_large")
    try:
        return json.loads(archive.read(info).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise _reject("bad_json", name=info.filename[:80]) from error


def _check_value(table: str, index: int, column: str, value: Any) -> None:
    if value is None or isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return
    if isinstance(value, float) and math.isfinite(value):
        return
    raise _reject("bad_value", table=table, row=index + 1, column=column[:80])


def _referenced_files(tables: dict[str, list[dict[str, Any]]]) -> set[str]:
    """The uploaded files the rows name (relative to the owner's files folder)."""
    declared = file_columns()
    found: set[str] = set()
    for table, rows in tables.items():
        for column in declared.get(table, ()):
            for index, row in enumerate(rows):
                value = row.get(column)
                if value is None or value == "":
                    continue
                if not isinstance(value, str):
                    raise _reject("bad_value", table=table, row=index + 1, column=column)
                found.add(value)
    return found


def read_archive(data: bytes, store: Store) -> Archive:
    """Validate an archive completely against this store's schema. Writes nothing."""
    if len(data) > MAX_ARCHIVE_BYTES:
        raise _reject("too_large")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, IndexError) as error:
        raise _reject("not_a_zip") from error
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
        raise _reject("corrupt") from error


def _read_open_archive(archive: zipfile.ZipFile, store: Store) -> Archive:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _reject("too_many_entries", maximum=MAX_ENTRIES)
    if sum(i.file_size for i in infos) > MAX_TOTAL_UNCOMPRESSED:
        raise _reject("too_large")
    seen: set[str] = set()
    manifest_info = None
    table_infos: dict[str, zipfile.ZipInfo] = {}
    file_infos: dict[str, zipfile.ZipInfo] = {}
    with store.read() as conn:
        known = _existing_tables(conn)
        schema = {table: _columns(conn, table) for table in known}
        required = {table: _required_columns(conn, table) for table in known}
    for info in infos:
        if _is_symlink(info):
            raise _reject("unsafe_path", name=info.filename[:80])
        if info.is_dir():
            safe_member_path(info.filename.rstrip("/"))
            continue
        path = safe_member_path(info.filename)
        name = path.as_posix()
        if name in seen:
            raise _reject("duplicate_entry", name=name[:80])
        seen.add(name)
        if name == MANIFEST:
            manifest_info = info
        elif path.parts[0] == TABLES_DIR and len(path.parts) == 2 and path.suffix == ".json":
            table = path.stem
            if table not in schema:
                raise _reject("unknown_table", table=table[:80])
            table_infos[table] = info
        elif path.parts[0] == FILES_DIR and len(path.parts) >= 2:
            if info.file_size > MAX_FILE_BYTES:
                raise _reject("too_large")
            file_infos[PurePosixPath(*path.parts[1:]).as_posix()] = info
        else:
            raise _reject("unexpected_entry", name=name[:80])
    if manifest_info is None:
        raise _reject("no_manifest")
    manifest = _load_json(archive, manifest_info)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise _reject("bad_format")
    schema_version = manifest.get("schema_version")
    if not isinstance(schema_version, int) or isinstance(schema_version, bool) or schema_version < 1:
        raise _reject("bad_format")
    if schema_version > latest_version():
        raise _reject("newer_schema")
    # An export from an older schema may lack columns added since; they get their default.
    older = schema_version < latest_version()

    tables: dict[str, list[dict[str, Any]]] = {}
    for table in known:
        if table not in table_infos:
            tables[table] = []  # an older export without this feature: nothing to import there
            continue
        rows = _load_json(archive, table_infos[table])
        if not isinstance(rows, list):
            raise _reject("bad_table", table=table)
        expected = set(schema[table])
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                raise _reject("bad_columns", table=table, row=index + 1)
            columns = set(row)
            if columns != expected and not (older and required[table] <= columns <= expected):
                raise _reject("bad_columns", table=table, row=index + 1)
            for column, value in row.items():
                _check_value(table, index, column, value)
        tables[table] = rows

    for name in file_infos:  # "files/a" and "files/a/b" cannot both be written
        for parent in PurePosixPath(name).parents:
            if parent.as_posix() in file_infos:
                raise _reject("duplicate_entry", name=f"{FILES_DIR}/{parent.as_posix()}"[:80])
    for reference in sorted(_referenced_files(tables)):
        safe_member_path(reference)
        if reference not in file_infos:
            raise _reject("missing_file", name=reference[:80])
    _check_readable(tables, store)
    files = {name: archive.read(info) for name, info in file_infos.items()}
    return Archive(manifest=manifest, tables=tables, files=files)


def _readers() -> dict[str, Any]:
    """Per owned table: how the app reads it back (a row that fits the columns can still be nonsense)."""
    from spoor2.orientation.questionnaires import QUESTIONNAIRE_IDS
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
            raise _reject("conflict") from error
        readers = _readers()
        for table, rows in tables.items():
            if rows and table in readers:
                try:
                    readers[table](scratch)
                except Exception as error:
                    raise _reject("unreadable_rows", table=table) from error
    finally:
        scratch.close()


# --- import and delete ----------------------------------------------------------------------------------


def _delete_rows(conn: Connection, owner_id: str) -> None:
    for table in reversed(_existing_tables(conn)):
        conn.execute(text(f'DELETE FROM "{table}" WHERE owner_id = :o'), {"o": owner_id})


def _insert_rows(conn: Connection, owner_id: str, tables: dict[str, list[dict[str, Any]]]) -> None:
    for table, rows in tables.items():
        for row in rows:
            columns = list(row)
            names = ", ".join(f'"{c}"' for c in ["owner_id", *columns])
            params = ", ".join(f":p{i}" for i in range(len(columns) + 1))
            values = {"p0": owner_id} | {f"p{i + 1}": row[c] for i, c in enumerate(columns)}
            conn.execute(text(f'INSERT INTO "{table}" ({names}) VALUES ({params})'), values)


def import_archive(store: Store, archive: Archive) -> dict[str, int]:
    """Replace all of this owner's data with the archive's, all-or-nothing. Returns the counts."""
    store.files_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".import-{store.owner_id}-", dir=store.files_root))
    owner_dir = store.files_root / store.owner_id
    old_dir = store.files_root / f".old-{store.owner_id}-{staging.name}"
    swapped = False
    try:
        for name, content in archive.files.items():
            target = staging.joinpath(*PurePosixPath(name).parts)
            if not target.resolve().is_relative_to(staging.resolve()):  # belt and braces after validation
                raise _reject("unsafe_path", name=name[:80])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        try:
            with store.transaction() as conn:
                _delete_rows(conn, store.owner_id)
                _insert_rows(conn, store.owner_id, archive.tables)
                # swap the files in while the transaction is still open: if this fails, rows roll back
                if owner_dir.exists():
                    owner_dir.rename(old_dir)
                staging.rename(owner_dir)
                swapped = True
        except SQLAlchemyError as error:
            raise _reject("conflict") from error
    except BaseException as error:
        if swapped:  # the commit itself failed after the swap: put the old files back
            shutil.rmtree(owner_dir, ignore_errors=True)
        if old_dir.exists() and not owner_dir.exists():
            old_dir.rename(owner_dir)
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):  # disk full, no permission, …: nothing was changed
            raise _reject("conflict") from error
        raise
    shutil.rmtree(old_dir, ignore_errors=True)
    return archive.counts()


def import_bytes(store: Store, data: bytes) -> dict[str, int]:
    return import_archive(store, read_archive(data, store))


def delete_everything(store: Store) -> None:
    """Delete every row of this owner (children first) and their uploaded files."""
    with store.transaction() as conn:
        _delete_rows(conn, store.owner_id)
    shutil.rmtree(store.files_root / store.owner_id, ignore_errors=True)


# --- comparing exports (tests, and the CLI's round-trip check) -------------------------------------------


def archive_content(data: bytes) -> dict[str, bytes]:
    """The entries of an export, with ``exported_at`` removed from the manifest."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = {info.filename: archive.read(info) for info in archive.infolist()}
    manifest = json.loads(content[MANIFEST])
    manifest.pop("exported_at", None)
    content[MANIFEST] = _dump(manifest)
    return content
