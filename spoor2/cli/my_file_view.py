"""``python -m spoor2 file view|pack|whole`` — the person's view, the expert-opinion pack, the whole file.

* ``file view OUT.docx|OUT.pdf [--lang en|nl]``: my view for the reintegration report (Word or PDF)
* ``file pack --question own_work|suitable_work|effort OUT.zip [--lang en|nl]``: the request pack (the
  summary PDF and the evidence files chosen on the page)
* ``file whole OUT.pdf [--lang en|nl]``: the whole file, one PDF with a table of contents

From the saved data; nothing is sent anywhere. Invalid input: exit status 2, one line on stderr.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from spoor2.errors import InvalidInput
from spoor2.i18n import t
from spoor2.my_file import expert as expert_rules
from spoor2.my_file import view as view_rules
from spoor2.my_file.whole import whole_pdf
from spoor2.store import Store
from spoor2.store import my_file_view as repo
from spoor2.store.my_data import check_export_target, write_private_file


def register_actions(actions: Any) -> None:
    """Add ``view``, ``pack`` and ``whole`` to the ``file`` command's actions."""
    view = actions.add_parser("view", help="write your view for the reintegration report (.docx or .pdf)")
    view.add_argument("file", type=Path, help="OUT.docx or OUT.pdf")
    _lang(view)
    view.set_defaults(handler=_view)

    pack = actions.add_parser("pack", help="write the expert-opinion request pack (.zip)")
    pack.add_argument("--question", required=True, choices=list(expert_rules.QUESTIONS))
    pack.add_argument("file", type=Path, help="OUT.zip")
    _lang(pack)
    pack.set_defaults(handler=_pack)

    whole = actions.add_parser("whole", help="write the whole file as one PDF with a table of contents")
    whole.add_argument("file", type=Path, help="OUT.pdf")
    _lang(whole)
    whole.set_defaults(handler=_whole)


def _lang(parser: argparse.ArgumentParser) -> None:
    # one language for the document and the messages (``file --lang nl view`` or ``file view --lang nl``)
    parser.add_argument("--lang", choices=["en", "nl"], default=argparse.SUPPRESS, help="language of the document")


def _target(args: argparse.Namespace, suffixes: tuple[str, ...]) -> Path:
    path: Path = args.file
    if path.suffix.lower() not in suffixes:
        raise InvalidInput("my_file_view.error.bad_extension", extensions=" / ".join(suffixes))
    return check_export_target(path)  # before anything is read: never a folder, a device or an empty name


def _view(args: argparse.Namespace) -> int:
    path = _target(args, (".docx", ".pdf"))
    lang = args.lang
    store = Store()
    document = view_rules.view_document(
        repo.view_sections(store), repo.view_signature(store), repo.evidence(store), lang, date.today()
    )
    data = view_rules.for_word(document).to_docx(lang) if path.suffix.lower() == ".docx" else document.to_pdf()
    write_private_file(path, data)
    print(t(lang, "my_file_view.cli.written", path=path))
    return 0


def _pack(args: argparse.Namespace) -> int:
    path = _target(args, (".zip",))
    lang = args.lang
    store = Store()
    request = repo.expert_request(store, args.question)
    files = repo.pack_files(store, request.files, lang)
    data = expert_rules.build_pack(request, repo.received_documents(store), files, lang, date.today())
    write_private_file(path, data)
    print(t(lang, "my_file_view.cli.pack_written", path=path, count=len(files)))
    return 0


def _whole(args: argparse.Namespace) -> int:
    path = _target(args, (".pdf",))
    lang = args.lang
    store = Store()
    today = date.today()
    write_private_file(path, whole_pdf(repo.whole_file(store, today), lang, today))
    print(t(lang, "my_file_view.cli.written", path=path))
    return 0
