"""Word (.docx) documents with python-docx, for exports a person edits before using them (employers
and UWV work with Word). Text is always inserted as text: Word never reads it as a field or markup.
Characters XML cannot hold (control characters a paste may bring) are dropped, never an error.
"""

from __future__ import annotations

import io
import re
import weakref

from docx import Document as new_word_document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt
from docx.text.paragraph import Paragraph

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


#: style name -> style id, per document. python-docx resolves a style name on every paragraph by scanning all
#: the template's styles for the default one (about 5 ms a paragraph: a year's whole file took 30 s in Word).
_STYLE_IDS: weakref.WeakKeyDictionary[object, dict[str, str | None]] = weakref.WeakKeyDictionary()


def _styled_paragraph(document: WordDocument, style: str | None) -> Paragraph:
    """``document.add_paragraph(style=style)``, with the style's id looked up once per document."""
    para = document.add_paragraph()
    if style is not None:
        ids = _STYLE_IDS.setdefault(document.part, {})
        if style not in ids:
            ids[style] = document.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        para._p.style = ids[style]  # what python-docx's Paragraph.style setter does with the id
    return para


def heading(document: WordDocument, text: str, level: int = 1) -> None:
    """``document.add_heading(text, level)``: a ``Title`` (level 0) or ``Heading <level>`` paragraph."""
    if not 0 <= level <= 9:
        raise ValueError(f"level must be in range 0-9, got {level}")
    para = _styled_paragraph(document, "Title" if level == 0 else f"Heading {level}")
    if text := xml_safe(text):
        para.add_run(text)


def paragraph(document: WordDocument, text: str, *, small: bool = False, style: str | None = None) -> None:
    """One paragraph (``style`` e.g. ``"List Bullet"``); line breaks in ``text`` stay line breaks."""
    para = _styled_paragraph(document, style)
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
