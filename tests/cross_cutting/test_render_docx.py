"""The Word rendering of a document: editable, every line present, user text as typed and never markup."""

from __future__ import annotations

import io
import zipfile

from docx import Document as open_word

from spoor2.render.document import BulletList, Caption, Document, Heading, Item, Paragraph, UserText

HOSTILE = '<b>bold</b> =HYPERLINK("http://x") {{field}} \x00\x1b end'


def _doc() -> Document:
    return Document(
        "Mijn oordeel",
        (
            Heading("Mijn oordeel"),
            Caption("Gemaakt op 2 december 2026"),
            Heading("Probleemanalyse", level=2),
            Paragraph(("Ik ben het ", UserText("niet eens"), " met de *probleemanalyse*.")),
            BulletList((Item(UserText(HOSTILE), notes=("Bron: *Regeling procesgang* art. 6",)),), numbered=True),
            Paragraph(UserText("regel 1\nregel 2")),
        ),
    )


def test_every_block_is_in_the_word_file_in_order_and_user_text_is_verbatim():
    data = _doc().to_docx("nl")
    assert [p.text for p in open_word(io.BytesIO(data)).paragraphs] == [
        "Mijn oordeel",
        "Gemaakt op 2 december 2026",
        "Probleemanalyse",
        "Ik ben het niet eens met de probleemanalyse.",
        '<b>bold</b> =HYPERLINK("http://x") {{field}}  end',
        "Bron: Regeling procesgang art. 6",
        "regel 1\nregel 2",
    ]


def test_headings_are_word_headings_and_the_language_and_title_are_set():
    word = open_word(io.BytesIO(_doc().to_docx("nl")))
    styles = [(p.style.name, p.text) for p in word.paragraphs]
    assert styles[0] == ("Heading 1", "Mijn oordeel")
    assert styles[2] == ("Heading 2", "Probleemanalyse")
    assert styles[4][0] == "List Number"
    assert word.core_properties.language == "nl-NL"
    assert word.core_properties.title == "Mijn oordeel"


def test_user_text_is_never_a_field_or_markup_in_the_xml():
    with zipfile.ZipFile(io.BytesIO(_doc().to_docx("en"))) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "<b>" not in xml and "&lt;b&gt;bold&lt;/b&gt;" in xml
    assert "instrText" not in xml and "fldSimple" not in xml
