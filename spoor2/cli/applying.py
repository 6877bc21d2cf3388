"""``python -m spoor2 cv`` — your CV versions.

* ``cv list``: the versions, the most recently changed first.
* ``cv export OUT.pdf|OUT.docx [--version NAME] [--lang en|nl]``: a version as PDF or Word. Without
  ``--version``: the only version, or the most recently changed one (said so). ``--lang``: the language of
  the CV's headings (and of the messages); by default the version's own language.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from spoor2.applying import export
from spoor2.applying.cv import CvVersion
from spoor2.errors import InvalidInput
from spoor2.i18n import LANG_NAMES, format_date, t
from spoor2.store import Store
from spoor2.store import applying as repo
from spoor2.store import my_data as data_io


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("cv", help="your CV versions and letters")
    parser.add_argument("--lang", choices=["en", "nl"], default=None, help="language of messages")
    actions = parser.add_subparsers(dest="cv_action", required=True, parser_class=type(parser))

    listing = actions.add_parser("list", help="list your CV versions")
    listing.set_defaults(handler=_list)

    out = actions.add_parser("export", help="write a CV version as PDF or Word (.docx)")
    out.add_argument("file", type=Path, help="OUT.pdf or OUT.docx")
    out.add_argument("--version", dest="version_name", default=None, help="the name of the version")
    out.add_argument(
        "--lang", choices=["en", "nl"], default=argparse.SUPPRESS, help="language of the CV (default: its own)"
    )
    out.set_defaults(handler=_export)


def _chosen_version(store: Store, name: str | None, lang: str) -> CvVersion:
    versions = repo.list_versions(store)
    if not versions:
        raise InvalidInput("applying.cli.no_versions")
    if name is None:
        if len(versions) > 1:
            print(t(lang, "applying.cli.several", name=versions[0].name))
        return versions[0]
    found = repo.version_by_name(store, name)
    if found is None:
        raise InvalidInput("applying.cli.unknown_version", name=name, names=", ".join(v.name for v in versions))
    return found


def _export(args: argparse.Namespace) -> int:
    target: Path = args.file
    kind = target.suffix.lower().lstrip(".")
    if kind not in export.FORMATS:
        raise InvalidInput("applying.cli.bad_target", path=str(target))
    data_io.check_export_target(target)
    store = Store()
    version = _chosen_version(store, args.version_name, args.lang or "en")
    doc_lang = args.lang or version.lang
    written = data_io.write_private_file(target, export.cv_file(version.cv, doc_lang, kind))
    print(t(doc_lang, "applying.cli.exported", name=version.name, language=LANG_NAMES[doc_lang], path=written))
    return 0


def _list(args: argparse.Namespace) -> int:
    lang = args.lang or "en"
    versions = repo.list_versions(Store())
    if not versions:
        print(t(lang, "applying.cli.list_empty"))
    for version in versions:
        changed = format_date(_day(version.updated_at), lang)
        print(t(lang, "applying.cli.list_line", name=version.name, language=LANG_NAMES[version.lang], changed=changed))
    return 0


def _day(moment: str):  # type: ignore[no-untyped-def]
    from datetime import date

    return date.fromisoformat(moment[:10])
