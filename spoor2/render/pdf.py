"""PDF documents with a Unicode font (DejaVu Sans, shipped in ``spoor2/fonts``), so that
Dutch characters, € and user text always print. Used by every PDF export.
"""

from __future__ import annotations

from fpdf import FPDF

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


def heading(pdf: FPDF, text: str, size: int = 16) -> None:
    pdf.set_font(FONT, "B", size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, "", 11)


def paragraph(pdf: FPDF, text: str, size: int = 11, indent: float = 0) -> None:
    """Plain text (never interpreted as markup), ``indent`` mm in from the left margin."""
    pdf.set_font(FONT, "", size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def to_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())
