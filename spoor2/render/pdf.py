"""PDF documents with a Unicode font (DejaVu Sans, shipped in ``spoor2/fonts``), so that
Dutch characters, € and user text always print. Used by every PDF export.
"""

from __future__ import annotations

from fpdf import FPDF
from fpdf.fonts import TTFFont

from spoor2.paths import FONTS_DIR

FONT = "DejaVu"


def new_document(title: str) -> FPDF:
    """An A4 portrait document with the Unicode font registered and one page started."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_title(title)
    pdf.set_creator("Spoor 2 self-help portal")
    pdf.add_font(FONT, "", str(FONTS_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font(FONT, "", 11)
    return pdf


#: what fpdf2 treats specially when it breaks lines (a soft hyphen shows only at a break)
_LINE_BREAKING = frozenset("\n\r\u00ad")


def width(pdf: FPDF, text: str) -> float:
    """``pdf.get_string_width(text)``, to the same float (tests/cross_cutting/test_render_pdf_lines.py), summed
    from the font's advance widths as fpdf2 sums them: ``get_string_width`` copies the graphics state on every
    call, which for the whole file of a year (2,483 lines measured) was about 40 ms of 390 ms of CPU. Only in
    the plain case of these documents (an embedded font, no character spacing, stretching, text shaping or
    fallback fonts); otherwise ``get_string_width`` itself."""
    font = pdf.current_font
    plain = isinstance(font, TTFFont) and not font.is_symbol and not pdf.text_shaping
    if not plain or pdf.char_spacing or pdf.font_stretching != 100:
        return pdf.get_string_width(text)
    return sum(map(font.cw.__getitem__, map(ord, text))) * pdf.font_size_pt * 0.001 / pdf.k


def lines(pdf: FPDF, h: float, text: str) -> None:
    """``pdf.multi_cell(0, h, text, new_x="LMARGIN", new_y="NEXT")``: the text from here to the right margin,
    broken into lines. Text that fits on one line is drawn with ``cell``, to the same bytes
    (tests/cross_cutting/test_render_pdf_lines.py): fpdf2's line breaking measures the line again at every
    character, so a year's activity overview (a thousand short lines) took seconds.
    """
    room = pdf.w - pdf.r_margin - pdf.x - 2 * pdf.c_margin
    if text and text == text.strip() and not _LINE_BREAKING.intersection(text) and width(pdf, text) < room - 0.01:
        pdf.cell(0, h, text, new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.multi_cell(0, h, text, new_x="LMARGIN", new_y="NEXT")


def heading(pdf: FPDF, text: str, size: int = 16) -> None:
    pdf.set_font(FONT, "B", size)
    lines(pdf, size * 0.5, text)
    pdf.ln(2)
    pdf.set_font(FONT, "", 11)


def paragraph(pdf: FPDF, text: str, size: int = 11, indent: float = 0) -> None:
    """Plain text (never interpreted as markup), ``indent`` mm in from the left margin."""
    pdf.set_font(FONT, "", size)
    pdf.set_x(pdf.l_margin + indent)
    lines(pdf, size * 0.5, text)
    pdf.ln(1)


def contents(pdf: FPDF, title: str, entries: int) -> None:
    """A table of contents (the document's sections, with their page numbers) on the pages from here;
    every later :func:`section` is an entry. ``entries`` is how many there will be (pages are reserved)."""

    def render(document: FPDF, outline: list) -> None:  # type: ignore[type-arg]
        heading(document, title, 14)
        document.set_font(FONT, "", 11)
        for entry in outline:
            indent = 6 * entry.level
            link = document.add_link(page=entry.page_number)
            document.set_x(document.l_margin + indent)
            width = document.epw - indent - 15
            document.cell(width, 6, entry.name, link=link)
            document.cell(15, 6, str(entry.page_number), align="R", link=link, new_x="LMARGIN", new_y="NEXT")

    pages = 1 + max(0, entries - 38) // 44 + (1 if entries > 38 and (entries - 38) % 44 else 0)
    pdf.insert_toc_placeholder(render, pages=pages, allow_extra_pages=True)


def section(pdf: FPDF, name: str, level: int = 0) -> None:
    """An entry of the table of contents (and of the PDF's outline) at this place. fpdf2 refuses a level more
    than one below the previous entry: ``Document.to_pdf`` gives only levels 0 and 1."""
    pdf.start_section(name[:120], level=level)


def to_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())
