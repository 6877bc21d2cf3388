"""Word (.docx) documents with python-docx, for exports a person edits before using them (employers
and UWV work with Word). Text is always inserted as text: Word never reads it as a field or markup.
Characters XML cannot hold (control characters a paste may bring) are dropped, never an error.
"""

from __future__ import annotations

import io
import re

from docx import Document as new_word_document
from docx.document import Document as WordDocument
from docx.shared import Pt

#: Characters that XML 1.0 (and so a .docx) cannot contain: C0 controls except tab and line breaks.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

BODY_POINTS = 11
SMALL_POINTS = 9
LANGUAGE_TAGS = {"en": "en-GB", "nl": "nl-NL"}


def xml_safe(text: str) -> str:
    """``text`` without the characters a Word file cannot hold.

    >>> xml_safe("a\\x00b\\x1bc\\td")
    'abc\\td'
    """
    return _NOT_XML.sub("", text)


def new_document(title: str, lang: str) -> WordDocument:
    """An empty Word document with its title and language (``en``/``nl``) set."""
    document = new_word_document()
    document.core_properties.title = xml_safe(title)
    document.core_properties.language = LANGUAGE_TAGS.get(lang, "en-GB")
    document.styles["Normal"].font.size = Pt(BODY_POINTS)
    return document


def heading(document: WordDocument, text: str, level: int = 1) -> None:
    document.add_heading(xml_safe(text), level=level)


def paragraph(document: WordDocument, text: str, *, small: bool = False, style: str | None = None) -> None:
    """One paragraph (``style`` e.g. ``"List Bullet"``); line breaks in ``text`` stay line breaks."""
    para = document.add_paragraph(style=style)
    lines = xml_safe(text).split("\n")
    for index, line in enumerate(lines):
        run = para.add_run(line)
        if small:
            run.font.size = Pt(SMALL_POINTS)
        if index < len(lines) - 1:
            run.add_break()


def to_bytes(document: WordDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def text_of(data: bytes) -> str:
    """All paragraph text of a .docx, one paragraph per line (for tests and checks)."""
    document = new_word_document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)
