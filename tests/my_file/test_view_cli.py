"""``python -m spoor2 file view|pack|whole``."""

from __future__ import annotations

import io
import zipfile

import pytest

from spoor2.cli import main
from spoor2.i18n import t
from spoor2.render.docx import text_of
from tests.support.my_data import fill_store
from tests.support.pdf_text import pdf_text


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_file_view_writes_word_in_the_language_asked(capsys, store, tmp_path):
    fill_store(store)
    target = tmp_path / "view.docx"
    code, out, err = _run(capsys, "file", "view", str(target), "--lang", "nl")
    assert code == 0, err
    text = text_of(target.read_bytes())
    assert text.startswith(t("nl", "my_file_view.doc.title"))
    assert "Not my <b>job</b>" in text
    assert str(target) in out
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_file_view_writes_a_pdf(capsys, store, tmp_path):
    fill_store(store)
    code, _, err = _run(capsys, "file", "view", str(tmp_path / "view.pdf"))
    assert code == 0, err
    assert "Anna de Vries" in pdf_text((tmp_path / "view.pdf").read_bytes())


def test_file_pack_writes_the_zip_with_the_chosen_file(capsys, store, tmp_path):
    fill_store(store)
    code, out, err = _run(capsys, "file", "pack", "--question", "effort", str(tmp_path / "pack.zip"))
    assert code == 0, err
    with zipfile.ZipFile(io.BytesIO((tmp_path / "pack.zip").read_bytes())) as pack:
        assert len(pack.namelist()) == 2
    assert t("en", "my_file_view.cli.pack_written", path=tmp_path / "pack.zip", count=1) in out


def test_file_whole_writes_one_pdf_with_contents(capsys, store, tmp_path):
    fill_store(store)
    code, _, err = _run(capsys, "file", "whole", str(tmp_path / "whole.pdf"), "--lang", "nl")
    assert code == 0, err
    assert t("nl", "my_file_view.whole.contents") in pdf_text((tmp_path / "whole.pdf").read_bytes())


@pytest.mark.parametrize(
    "argv",
    [
        ("file", "view", "view.txt"),
        ("file", "pack", "--question", "effort", "pack.pdf"),
        ("file", "whole", "whole.docx"),
    ],
)
def test_a_wrong_extension_or_question_is_one_line_on_stderr_and_exit_2(capsys, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_a_folder_as_target_is_refused(capsys, tmp_path):
    (tmp_path / "x.pdf").mkdir()
    code, _, err = _run(capsys, "file", "whole", str(tmp_path / "x.pdf"))
    assert code == 2 and err.strip()


def test_an_unknown_question_is_refused_by_the_parser(capsys, tmp_path):
    with pytest.raises(SystemExit) as stop:
        main(["file", "pack", "--question", "mine", str(tmp_path / "pack.zip")])
    assert stop.value.code == 2
    assert "own_work" in capsys.readouterr().err
    assert not (tmp_path / "pack.zip").exists()
