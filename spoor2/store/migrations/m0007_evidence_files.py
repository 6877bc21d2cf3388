"""Evidence files live in the database, and the tracker remembers which files it imported.

* ``evidence_files``: one row per uploaded file (its bytes in ``content``), written in the same
  transaction as the activity that names it (``activities.evidence_file`` holds its ``id``,
  ``evidence/<uuid>.<ext>`` as before), so a file and its row can never be cut loose from each
  other by a crash. Not in ``OWNED_TABLES``: an export carries the files as ``files/<id>`` entries
  (the archive's format 1), not as JSON.
* ``tracker_imports``: the sha256 of every CSV/XLSX file imported into the tracker, so that the
  same file imported again is recognised (and the person asked first).

:func:`run` moves every file of the old ``files/<owner>/`` folders into ``evidence_files`` in this
migration's transaction (nothing is lost: also files no row names, and a referenced file that an
interrupted import of an earlier version left in a ``.old-*`` or ``.import-*`` folder). The moved
files are removed only after the commit.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from sqlalchemy import Connection, text

STEPS = [
    """CREATE TABLE evidence_files (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, id))""",
    """CREATE TABLE tracker_imports (
        owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (owner_id, sha256))""",
]

OWNED_TABLES = ["tracker_imports"]

_MEDIA_TYPES = {"eml": "message/rfc822", "odt": "application/vnd.oasis.opendocument.text"}
_INSERT = text(
    "INSERT INTO evidence_files (owner_id, id, name, media_type, size, sha256, content, created_at) "
    "VALUES (:o, :id, :name, :media_type, :size, :sha256, :content, :at)"
)


def _media_type(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower().lstrip(".")
    return _MEDIA_TYPES.get(suffix) or mimetypes.guess_type(f"x.{suffix}")[0] or "application/octet-stream"


def _files_of(folder: Path) -> dict[str, Path]:
    """Relative path → file, for every regular file under ``folder`` (no symlinks, no ``*.part``)."""
    if not folder.is_dir() or folder.is_symlink():
        return {}
    return {
        path.relative_to(folder).as_posix(): path
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink() and path.suffix != ".part"
    }


def _left_behind(files_root: Path, owner: str, relative: str) -> Path | None:
    """A referenced file an interrupted import of an earlier version left in a staging or old folder."""
    for spare in [*sorted(files_root.glob(f".old-{owner}-*")), *sorted(files_root.glob(f".import-{owner}-*"))]:
        candidate = spare.joinpath(*PurePosixPath(relative).parts)
        if candidate.is_file() and candidate.resolve().is_relative_to(spare.resolve()):
            return candidate
    return None


def run(conn: Connection, files_root: Path | None) -> Callable[[], None] | None:
    """Move every uploaded file into ``evidence_files``; returns the removal of the moved files."""
    if files_root is None or not files_root.is_dir():
        return None
    moved: list[Path] = []
    owners = [row[0] for row in conn.execute(text("SELECT id FROM owners")).all()]
    for owner in owners:
        found = _files_of(files_root / owner)
        referenced = conn.execute(
            text("SELECT DISTINCT evidence_file FROM activities WHERE owner_id = :o AND evidence_file <> ''"),
            {"o": owner},
        ).scalars()
        for relative in referenced:
            if relative not in found and (spare := _left_behind(files_root, owner, relative)) is not None:
                found[relative] = spare
        for relative, path in found.items():
            data = path.read_bytes()
            stamp = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")
            conn.execute(
                _INSERT,
                {
                    "o": owner,
                    "id": relative,
                    "name": PurePosixPath(relative).name,
                    "media_type": _media_type(relative),
                    "size": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "content": data,
                    "at": stamp,
                },
            )
            moved.append(path)

    def remove_moved() -> None:
        for path in moved:
            path.unlink(missing_ok=True)

    return remove_moved
