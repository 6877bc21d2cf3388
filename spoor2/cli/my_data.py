"""``python -m spoor2 data`` — export, import or delete all of this person's data.

* ``data export FILE``: write everything (a zip: manifest, one JSON file per table, uploads).
* ``data import FILE``: validate the whole file first, then replace all data at once.
* ``data delete --yes``: delete everything. Without ``--yes`` nothing is deleted (exit 2).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from spoor2.errors import InvalidInput
from spoor2.i18n import t
from spoor2.my_data import archive as archive_format
from spoor2.store import Store
from spoor2.store import my_data as data_io


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("my-data", aliases=["data"], help="export, import or delete all your data")
    parser.add_argument("--lang", choices=["en", "nl"], default="en", help="language of messages")
    actions = parser.add_subparsers(dest="data_action", required=True, parser_class=type(parser))

    export = actions.add_parser("export", help="write all your data to a zip file")
    export.add_argument("file", type=Path)
    export.set_defaults(handler=_export)

    imp = actions.add_parser("import", help="replace all your data with a zip file made by export")
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=_import)

    delete = actions.add_parser("delete", help="delete all your data (needs --yes)")
    delete.add_argument("--yes", action="store_true", help="confirm: really delete everything")
    delete.set_defaults(handler=_delete)


def _export(args: argparse.Namespace) -> int:
    data_io.check_export_target(args.file)  # before anything is read: never a folder, a device or ''
    store = Store()
    target = data_io.export_to_file(store, args.file)
    total = sum(data_io.counts(store).values())
    print(t(args.lang, "my_data.cli.exported", count=total, path=target))
    return 0


def _import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        raise InvalidInput("my_data.error.no_such_file", name=str(path))
    if path.stat().st_size > archive_format.MAX_ARCHIVE_BYTES:
        raise InvalidInput("my_data.error.too_large")
    store = Store()
    imported = data_io.import_bytes(store, path.read_bytes())
    print(t(args.lang, "my_data.cli.imported", count=sum(imported.values()), path=path))
    return 0


def _delete(args: argparse.Namespace) -> int:
    if not args.yes:
        raise InvalidInput("my_data.error.confirm_needed")
    store = Store()
    data_io.delete_everything(store)
    print(t(args.lang, "my_data.cli.deleted"))
    return 0
