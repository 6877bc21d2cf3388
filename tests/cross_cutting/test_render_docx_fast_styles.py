"""spoor2.render.docx looks a paragraph style's id up once per document (python-docx does it per paragraph, which
made a year's export take half a minute); the Word XML is exactly what python-docx's own calls write."""

from __future__ import annotations

import pytest
from docx import Document as new_word_document

from spoor2.render import docx

STYLES = (None, "List Bullet", "List Number", "List Continue", "Normal", "List Bullet")


def _body_xml(document) -> bytes:  # type: ignore[no-untyped-def]
    return document.element.body.xml.encode()


def test_the_same_xml_as_python_docx_add_heading_and_add_paragraph() -> None:
    ours, theirs = new_word_document(), new_word_document()
    for level in range(10):
        docx.heading(ours, f"Heading \x00{level}", level)
        theirs.add_heading(f"Heading {level}", level)
    docx.heading(ours, "", 2)
    theirs.add_heading("", 2)
    for style in STYLES:
        docx.paragraph(ours, f"text in {style}", style=style)
        para = theirs.add_paragraph(style=style)
        para.add_run(f"text in {style}")
    assert _body_xml(ours) == _body_xml(theirs)


def test_each_document_has_its_own_styles() -> None:
    first, second = new_word_document(), new_word_document()
    docx.paragraph(first, "a", style="List Bullet")
    docx.paragraph(second, "b", style="List Bullet")
    assert [p.style.name for p in first.paragraphs] == [p.style.name for p in second.paragraphs] == ["List Bullet"]


def test_a_heading_level_outside_0_to_9_is_refused_like_python_docx() -> None:
    with pytest.raises(ValueError, match="level must be in range 0-9"):
        docx.heading(new_word_document(), "x", 10)
    with pytest.raises(ValueError):
        new_word_document().add_heading("x", 10)


def test_an_unknown_style_is_refused_like_python_docx() -> None:
    with pytest.raises(KeyError):
        docx.paragraph(new_word_document(), "x", style="No such style")
    with pytest.raises(KeyError):
        new_word_document().add_paragraph(style="No such style")
