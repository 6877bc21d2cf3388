"""``python -m spoor2 cv``: list and export (PDF, Word) a version; no version, an unknown name or a wrong file
name is one line on stderr and exit 2, nothing written."""

from __future__ import annotations

from datetime import date

import pytest

from spoor2.applying.cv import check_cv
from spoor2.cli import main
from spoor2.i18n import t
from spoor2.render.docx import text_of
from spoor2.store import Store
from spoor2.store import applying as repo
from tests.support.pdf_text import pdf_text


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _versions() -> None:
    store = Store()
    cv = check_cv({"personal": {"name": "Sanne"}, "profile": "=1+1 ik plan", "skills": "Excel"}, date.today())
    repo.save_version(store, "v1", "Logistiek", "nl", cv)
    repo.save_version(store, "v2", "Office", "en", cv.model_copy(update={"profile": "I plan"}))


def test_without_a_version_there_is_a_clear_message(capsys, tmp_path):
    code, _, err = run(capsys, "cv", "export", str(tmp_path / "cv.pdf"))
    assert code == 2 and err.strip() == t("en", "applying.cli.no_versions")
    assert not (tmp_path / "cv.pdf").exists()
    code, out, _ = run(capsys, "cv", "--lang", "nl", "list")
    assert code == 0 and out.strip() == t("nl", "applying.cli.list_empty")


def test_list_shows_every_version(capsys):
    _versions()
    code, out, _ = run(capsys, "cv", "list")
    assert code == 0 and out.splitlines()[0].startswith("Office — English") and "Logistiek — Nederlands" in out


def test_export_the_most_recent_version_says_so_and_writes_word_in_its_own_language(capsys, tmp_path):
    _versions()
    code, out, err = run(capsys, "cv", "export", str(tmp_path / "cv.docx"))
    assert code == 0, err
    assert t("en", "applying.cli.several", name="Office") in out
    text = text_of((tmp_path / "cv.docx").read_bytes())
    assert "I plan" in text and t("en", "applying.cv.doc.profile") in text


def test_export_a_named_version_in_the_other_language_as_pdf(capsys, tmp_path):
    _versions()
    code, out, err = run(capsys, "cv", "export", str(tmp_path / "cv.pdf"), "--version", "logistiek", "--lang", "en")
    assert code == 0, err
    text = pdf_text((tmp_path / "cv.pdf").read_bytes())
    assert "=1+1 ik plan" in text and t("en", "applying.cv.doc.skills") in text
    assert t("en", "applying.cli.exported", name="Logistiek", language="English", path=tmp_path / "cv.pdf") in out
    assert (tmp_path / "cv.pdf").stat().st_mode & 0o077 == 0  # private, as every export


@pytest.mark.parametrize(("argv", "key"), [
    (("--version", "Kantoor"), "applying.cli.unknown_version"),
])  # fmt: skip
def test_an_unknown_version_names_the_versions(capsys, tmp_path, argv, key):
    _versions()
    code, _, err = run(capsys, "cv", "--lang", "nl", "export", str(tmp_path / "cv.pdf"), *argv)
    assert code == 2 and err.strip() == t("nl", key, name="Kantoor", names="Office, Logistiek")
    assert not (tmp_path / "cv.pdf").exists()


def test_a_file_name_that_is_not_pdf_or_docx_is_refused(capsys, tmp_path):
    _versions()
    code, _, err = run(capsys, "cv", "export", str(tmp_path / "cv.odt"))
    assert code == 2 and err.strip() == t("en", "applying.cli.bad_target", path=tmp_path / "cv.odt")
