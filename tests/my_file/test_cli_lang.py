"""Every output of ``python -m spoor2 file ...`` is in the language chosen, wherever ``--lang`` is given: before the
action (``file --lang nl check``) or after it (``file check --lang nl``). The Dutch run fails on any English word
(a message, a status, a label or a source title left in English); the documents written are in that language too."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from spoor2.cli import main
from spoor2.i18n import t
from spoor2.render.docx import text_of
from tests.support.my_data import fill_store
from tests.support.pdf_text import pdf_text

#: Words that are English and never Dutch: one of them in a Dutch output is a text left untranslated.
ENGLISH_WORDS = {"the", "and", "you", "your", "with", "what", "when", "employer", "which", "this", "that", "must",
                 "should", "will", "can", "for", "from", "after", "before", "sick", "not", "known", "yet", "gap",
                 "gaps", "unknown", "written", "proposal", "added", "answer", "quoting", "by", "to", "ask", "about",
                 "file", "choose", "name", "valid", "date", "summary"}  # fmt: skip
#: Dutch words that are never English.
DUTCH_WORDS = {"het", "een", "van", "gat", "gaten", "onbekend", "geschreven", "voorstel", "toegevoegd", "geen"}


def _flat(pdf: bytes) -> str:
    """A PDF's text on one line (a title may wrap)."""
    return " ".join(pdf_text(pdf).split())


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]+", text.lower()))


def _outputs(capsys, tmp_path: Path, lang: str, before: bool) -> list[tuple[str, int, str]]:  # type: ignore[no-untyped-def]
    """Run every ``file`` action with ``--lang`` before or after it: (command, exit code, stdout + stderr)."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    runs = {
        "check": ["check", "--period", "2025-09-01:", "--as-of", "2026-11-01", "--format", "text"],
        "check saved": ["check", "--as-of", "2026-11-01"],
        "proposals add": ["proposals", "add", "--date", "2026-10-01", "--what", "Een taak", "--as-of", "2026-11-01"],
        "proposals list": ["proposals", "list", "--as-of", "2026-11-01"],
        "view docx": ["view", str(out_dir / "v.docx")],
        "view pdf": ["view", str(out_dir / "v.pdf")],
        "pack": ["pack", "--question", "effort", str(out_dir / "p.zip")],
        "whole": ["whole", str(out_dir / "w.pdf")],
        "bad extension": ["whole", str(out_dir / "w.txt")],
        "bad date": ["proposals", "add", "--date", "2026-13-01", "--what", "x"],
        "bad period": ["check", "--period", "2027-01-01:2026-01-01", "--as-of", "2026-11-01"],
    }
    results = []
    for name, args in runs.items():
        split = 2 if args[0] == "proposals" else 1  # ``--lang`` right after the action (``proposals add``)
        argv = ["file", "--lang", lang, *args] if before else ["file", *args[:split], "--lang", lang, *args[split:]]
        code = main(argv)
        captured = capsys.readouterr()
        text = (captured.out + captured.err).replace(str(out_dir), "")
        if name == "proposals list":  # the person's own words (indented under each proposal) are theirs, verbatim
            text = "\n".join(line for line in text.splitlines() if not line.startswith("    "))
        results.append((name, code, text))
    return results


@pytest.mark.parametrize("before", [True, False], ids=["lang-before-the-action", "lang-after-the-action"])
def test_every_output_in_dutch_has_no_english(capsys, store, tmp_path, before):
    fill_store(store)
    results = _outputs(capsys, tmp_path, "nl", before)
    for name, code, text in results:
        assert text.strip(), name
        assert _words(text) & ENGLISH_WORDS == set(), (name, text)
        assert code == (2 if name.startswith("bad") else 0), (name, text)
    by_name = {name: text for name, _, text in results}
    assert t("nl", "my_file.status.unknown") in by_name["check"]
    assert t("nl", "common.not_legal_advice") in by_name["check"]
    assert t("nl", "my_file.check.own_job.label") in by_name["check"]
    assert _words(by_name["check"]) & DUTCH_WORDS
    assert t("nl", "my_file_view.error.bad_extension", extensions=".pdf") in by_name["bad extension"]
    # the documents are Dutch as well
    out_dir = tmp_path / "out"
    assert text_of((out_dir / "v.docx").read_bytes()).startswith(t("nl", "my_file_view.doc.title"))
    assert t("nl", "my_file_view.doc.title") in _flat((out_dir / "v.pdf").read_bytes())
    assert t("nl", "my_file_view.whole.title") in _flat((out_dir / "w.pdf").read_bytes())
    with zipfile.ZipFile(io.BytesIO((out_dir / "p.zip").read_bytes())) as pack:
        summary = next(name for name in pack.namelist() if name.endswith(".pdf"))
        assert t("nl", "my_file_view.pack.title") in _flat(pack.read(summary))


def test_every_output_in_english_is_english(capsys, store, tmp_path):
    fill_store(store)
    results = _outputs(capsys, tmp_path, "en", before=True)
    by_name = {name: text for name, _, text in results}
    assert t("en", "my_file.status.unknown") in by_name["check"]
    assert t("en", "common.not_legal_advice") in by_name["check"]
    assert t("en", "my_file.check.own_job.label") in by_name["check"]
    for name, _, text in results:
        assert {"gaten", "onbekend", "geschreven", "toegevoegd", "uiterlijk", "geen"} & _words(text) == set(), name
    assert text_of((tmp_path / "out" / "v.docx").read_bytes()).startswith(t("en", "my_file_view.doc.title"))


def test_a_deadline_is_shown_once_on_a_line(capsys, store):
    """A warning whose label already holds its date does not repeat it as 'by …'."""
    main(["file", "--lang", "nl", "check", "--period", "2025-09-01:", "--as-of", "2026-11-01"])
    out = capsys.readouterr().out
    (line,) = [row for row in out.splitlines() if t("nl", "my_file.status.gap") in row]
    assert line.count("11 oktober 2026") == 1
