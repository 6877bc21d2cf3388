"""spoor2.render.pdf.lines draws a line that fits with ``cell`` instead of ``multi_cell`` (fpdf2's line breaking
is slow); every PDF is byte for byte what ``multi_cell`` alone makes of it (but its creation time and id)."""

from __future__ import annotations

import re

import pytest

from spoor2.render import pdf
from spoor2.render.document import BulletList, Caption, Document, Heading, Item, Paragraph, UserText

TEXTS = (
    "• 1. Zorggroep Oost — open sollicitatie, uitgenodigd",
    "short",
    "€ 12,50 · ëïé · ‘quotes’ — Dutch and typographic characters",
    "word " * 40,
    "x" * 300,
    "a line\nand the next",
    "carriage\rreturn",
    "soft\u00adhyphen",
    "",
    " leading space",
    "trailing space ",
    "tab\there",
    "Week 42: 3 activities (target 4)",
)
#: what differs between two runs: the creation time, and the file id fpdf2 derives from it
CREATED = re.compile(rb"/CreationDate \(D:[^)]*\)|/ID \[<[0-9A-F]+><[0-9A-F]+>\]")


def _plain_multi_cell(document, h, text) -> None:  # type: ignore[no-untyped-def]
    document.multi_cell(0, h, text, new_x="LMARGIN", new_y="NEXT")


def _document() -> Document:
    items = tuple(Item(UserText(text), notes=(f"note {i}: {text}",)) for i, text in enumerate(TEXTS * 4))
    return Document(
        "A title that is long enough to need two lines when it is printed as a heading of level one",
        (
            Heading("Part one"),
            Paragraph("Made on 2 December 2026"),
            BulletList(items, numbered=True),
            Heading("Part two, with a much longer heading than the page is wide " * 2),
            Heading("A", level=2),
            BulletList(items[:40]),
            Caption("Not legal advice."),
        ),
    )


@pytest.mark.parametrize("toc", [False, True])
def test_the_same_pdf_as_multi_cell_alone(monkeypatch, toc) -> None:  # type: ignore[no-untyped-def]
    document = _document()
    fast = document.to_pdf(toc=toc, toc_title="Contents")
    monkeypatch.setattr(pdf, "lines", _plain_multi_cell)
    slow = document.to_pdf(toc=toc, toc_title="Contents")
    assert fast.startswith(b"%PDF-")
    assert CREATED.sub(b"", fast) == CREATED.sub(b"", slow)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("indent", [0, 6, 150])
def test_one_line_the_same_at_any_indent(monkeypatch, text, indent) -> None:  # type: ignore[no-untyped-def]
    def make() -> bytes:
        document = pdf.new_document("t")
        for size in (9, 11, 16):
            pdf.paragraph(document, text, size=size, indent=indent)
            pdf.heading(document, text, size)
        return CREATED.sub(b"", pdf.to_bytes(document))

    fast = make()
    monkeypatch.setattr(pdf, "lines", _plain_multi_cell)
    assert fast == make()


@pytest.mark.parametrize("style", ["", "B"])
@pytest.mark.parametrize("size", [9, 11, 16])
def test_the_width_of_a_line_is_fpdf2s_own(style, size) -> None:  # type: ignore[no-untyped-def]
    document = pdf.new_document("t")
    document.set_font(pdf.FONT, style, size)
    # and a character DejaVu Sans has no glyph for (fpdf2 counts its default width)
    for text in (*TEXTS, "中文 and 😀"):
        assert pdf.width(document, text) == document.get_string_width(text), text


def test_with_character_spacing_the_width_is_still_fpdf2s_own() -> None:
    document = pdf.new_document("t")
    document.set_char_spacing(1.5)
    assert pdf.width(document, "spaced out") == document.get_string_width("spaced out") > 0
