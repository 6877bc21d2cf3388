"""The archive of "export everything": its format, its limits and its validation — no SQL here.

The archive (format :data:`FORMAT_VERSION`)::

    manifest.json          {"format": 1, "schema_version": N, "exported_at": "...", "app_version": "..."}
    tables/<table>.json    a list of rows (objects, column → value) of that owner, without ``owner_id``
    files/<file id>        the owner's uploaded files (``evidence/<uuid>.<ext>``; the store keeps them as rows)

Reading an archive checks sizes, compression ratios (a zip bomb is refused before anything is
unpacked), entry and row counts, safe paths (no absolute paths, no ``..``, no
symlinks), the manifest, and that every row is an object of plain JSON values with the expected
columns. The store (:mod:`spoor2.store.my_data`) supplies the schema and does the writing.
Nothing in an archive is ever executed.
"""

from __future__ import annotations

import io
import json
import math
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from spoor2.errors import ImportRejected

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
#: Rows per table (five years of a daily log of everything is far below this).
MAX_TABLE_ROWS = 100_000
#: An entry may unpack to at most this many times its packed size (once it is over 1 MiB): exports
#: of JSON and documents stay far below it, a zip bomb (a 50 KB file that unpacks to 1 GB) does not.
MAX_COMPRESSION_RATIO = 100
RATIO_FREE_BYTES = 1024 * 1024
#: What SQLite can store as an INTEGER (a larger number is refused, not an overflow traceback).
MIN_INTEGER, MAX_INTEGER = -(2**63), 2**63 - 1

_ERR = "my_data.error."
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def reject(code: str, /, **params: Any) -> ImportRejected:
    """The domain error of a refused archive (message key ``my_data.error.<code>``)."""
    return ImportRejected(_ERR + code, **params)


@dataclass(frozen=True)
class Archive:
    """A validated archive, ready to import."""

    manifest: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]
    files: dict[str, bytes] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {table: len(rows) for table, rows in self.tables.items()}


@dataclass
class Entries:
    """The entries of an archive, sorted by kind (what :func:`scan_entries` found)."""

    manifest: zipfile.ZipInfo
    tables: dict[str, zipfile.ZipInfo]
    files: dict[str, zipfile.ZipInfo]


# --- writing ------------------------------------------------------------------------------------------


def dump_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def write_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    """One entry with a fixed time stamp, so that the same data gives the same archive."""
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    archive.writestr(info, data)


# --- reading ------------------------------------------------------------------------------------------


def safe_member_path(name: str) -> PurePosixPath:
    """A zip entry name as a safe relative path, or ImportRejected (absolute, ``..``, drive, …)."""
    if not name or len(name) > MAX_PATH_CHARS or "\\" in name or "\x00" in name or name.startswith("/"):
        raise reject("unsafe_path", name=name[:80])
    parts = name.split("/")  # the raw parts: PurePosixPath would quietly drop "." and empty ones
    if any(part in ("..", ".", "") for part in parts) or ":" in parts[0]:
        raise reject("unsafe_path", name=name[:80])
    return PurePosixPath(name)


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The archive as an open zip file; refuses one that is too large or no zip at all."""
    if len(data) > MAX_ARCHIVE_BYTES:
        raise reject("too_large")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, IndexError) as error:
        raise reject("not_a_zip") from error


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def load_json(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Any:
    if info.file_size > MAX_JSON_BYTES:
        raise reject("too_large")
    raw = archive.read(info)
    if raw.count(b"{") > 2 * MAX_TABLE_ROWS:  # before parsing: a million empty objects take gigabytes
        raise reject("too_many_rows", maximum=MAX_TABLE_ROWS)
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise reject("bad_json", name=info.filename[:80]) from error


def check_unpacked_size(info: zipfile.ZipInfo) -> None:
    """Refuse an entry that unpacks to far more than it holds (what zip bombs do); before reading it.

    The declared size bounds what :mod:`zipfile` unpacks (it stops there and checks the CRC).
    """
    if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
        raise reject("bomb")


def scan_entries(archive: zipfile.ZipFile, known_tables: set[str]) -> Entries:
    """Sort every entry into manifest, tables and files; refuse anything unsafe or unexpected."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise reject("too_many_entries", maximum=MAX_ENTRIES)
    if sum(i.file_size for i in infos) > MAX_TOTAL_UNCOMPRESSED:
        raise reject("too_large")
    for info in infos:
        check_unpacked_size(info)
    seen: set[str] = set()
    manifest_info = None
    tables: dict[str, zipfile.ZipInfo] = {}
    files: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if _is_symlink(info):
            raise reject("unsafe_path", name=info.filename[:80])
        if info.is_dir():
            safe_member_path(info.filename.rstrip("/"))
            continue
        path = safe_member_path(info.filename)
        name = path.as_posix()
        if name in seen:
            raise reject("duplicate_entry", name=name[:80])
        seen.add(name)
        if name == MANIFEST:
            manifest_info = info
        elif path.parts[0] == TABLES_DIR and len(path.parts) == 2 and path.suffix == ".json":
            if path.stem not in known_tables:
                raise reject("unknown_table", table=path.stem[:80])
            tables[path.stem] = info
        elif path.parts[0] == FILES_DIR and len(path.parts) >= 2:
            if info.file_size > MAX_FILE_BYTES:
                raise reject("too_large")
            files[PurePosixPath(*path.parts[1:]).as_posix()] = info
        else:
            raise reject("unexpected_entry", name=name[:80])
    if manifest_info is None:
        raise reject("no_manifest")
    _check_file_layout(files)
    return Entries(manifest=manifest_info, tables=tables, files=files)


def _check_file_layout(files: dict[str, zipfile.ZipInfo]) -> None:
    """``files/a`` and ``files/a/b`` cannot both be written."""
    for name in files:
        for parent in PurePosixPath(name).parents:
            if parent.as_posix() in files:
                raise reject("duplicate_entry", name=f"{FILES_DIR}/{parent.as_posix()}"[:80])


def schema_version_of(manifest: Any, latest: int) -> int:
    """The schema version an archive was exported at; refuses a bad manifest or a newer schema."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise reject("bad_format")
    version = manifest.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise reject("bad_format")
    if version > latest:
        raise reject("newer_schema")
    return version


def _check_value(table: str, index: int, column: str, value: Any) -> None:
    if value is None or isinstance(value, str):
        return
    if isinstance(value, int) and not isinstance(value, bool) and MIN_INTEGER <= value <= MAX_INTEGER:
        return
    if isinstance(value, float) and math.isfinite(value):
        return
    raise reject("bad_value", table=table, row=index + 1, column=column[:80])


def check_rows(table: str, rows: Any, expected: set[str], required: set[str] | None) -> list[dict[str, Any]]:
    """Every row an object of plain values with exactly the ``expected`` columns.

    ``required`` is given for an export from an older schema: a row may then lack the columns
    added since (they get their default), but never one of the required ones.
    """
    if not isinstance(rows, list):
        raise reject("bad_table", table=table)
    if len(rows) > MAX_TABLE_ROWS:
        raise reject("too_many_rows", maximum=MAX_TABLE_ROWS)
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise reject("bad_columns", table=table, row=index + 1)
        columns = set(row)
        if columns != expected and not (required is not None and required <= columns <= expected):
            raise reject("bad_columns", table=table, row=index + 1)
        for column, value in row.items():
            _check_value(table, index, column, value)
    return rows


def referenced_files(tables: dict[str, list[dict[str, Any]]], declared: dict[str, tuple[str, ...]]) -> set[str]:
    """The uploaded files the rows name (relative to the owner's files folder)."""
    found: set[str] = set()
    for table, rows in tables.items():
        for column in declared.get(table, ()):
            for index, row in enumerate(rows):
                value = row.get(column)
                if value is None or value == "":
                    continue
                if not isinstance(value, str):
                    raise reject("bad_value", table=table, row=index + 1, column=column)
                found.add(value)
    return found


# --- comparing exports (tests, and the CLI's round-trip check) -------------------------------------------


def archive_content(data: bytes) -> dict[str, bytes]:
    """The entries of an export, with ``exported_at`` removed from the manifest."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = {info.filename: archive.read(info) for info in archive.infolist()}
    manifest = json.loads(content[MANIFEST])
    manifest.pop("exported_at", None)
    content[MANIFEST] = dump_json(manifest)
    return content
