"""One document, four renderings: an export builds a :class:`Document` once and renders it as
Markdown, plain text, PDF or Word (.docx), so its formats always say the same thing.

A piece of text is our own text (which may mark terms with ``*term*``) or :class:`UserText`,
text a person typed. Markdown escapes user text (:func:`~spoor2.render.text.md_escape`) and keeps
our emphasis; plain text, PDF and Word show user text as typed and our text without the stars.

>>> doc = Document("Questions", (
...     Heading("Questions"),
...     Caption("Made on 22 November 2026"),
...     Heading("Employer", level=2),
...     BulletList((Item(UserText("My *own* question"), notes=("Why: a *term*",)),), numbered=True),
...     Caption("Not legal advice."),
... ))
>>> print(doc.to_markdown())
# Questions
<BLANKLINE>
Made on 22 November 2026
<BLANKLINE>
## Employer
<BLANKLINE>
1. My \\*own\\* question
   - Why: a *term*
<BLANKLINE>
Not legal advice.
<BLANKLINE>
>>> print(doc.to_text())
Questions
Made on 22 November 2026
<BLANKLINE>
Employer
--------
1. My *own* question
   Why: a term
<BLANKLINE>
Not legal advice.
<BLANKLINE>
>>> doc.to_pdf()[:5]
b'%PDF-'
>>> from spoor2.render.docx import text_of
>>> print(text_of(doc.to_docx("en")))
Questions
Made on 22 November 2026
Employer
My *own* question
Why: a term
Not legal advice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spoor2.render.text import md_escape, plain


@dataclass(frozen=True)
class UserText:
    """Text a person typed: escaped in Markdown, shown exactly as typed in plain text and PDF."""

    text: str


Piece = str | UserText
#: A line of text: one piece, or pieces one after the other (``("Name: ", UserText(name))``).
Line = Piece | tuple[Piece, ...]

#: PDF font sizes (points) per heading level.
HEADING_SIZES = {1: 16, 2: 14, 3: 12}
BODY_SIZE = 11
SMALL_SIZE = 9


@dataclass(frozen=True)
class Heading:
    text: Line
    level: int = 1

    def __post_init__(self) -> None:
        if self.level not in HEADING_SIZES:
            raise ValueError(f"heading level {self.level} (1 to {max(HEADING_SIZES)})")


@dataclass(frozen=True)
class Paragraph:
    text: Line


@dataclass(frozen=True)
class Caption:
    """Small print under or between the content: when it was made, totals, sources, a disclaimer."""

    text: Line


@dataclass(frozen=True)
class Item:
    """One list item, with optional notes under it (why, sources, an outcome)."""

    text: Line
    notes: tuple[Line, ...] = ()


@dataclass(frozen=True)
class BulletList:
    items: tuple[Item, ...]
    numbered: bool = False

    def markers(self) -> list[str]:
        return [f"{n}." if self.numbered else "-" for n in range(1, len(self.items) + 1)]


Block = Heading | Paragraph | Caption | BulletList


def _render(line: Line, ours: Callable[[str], str], typed: Callable[[str], str]) -> str:
    pieces = line if isinstance(line, tuple) else (line,)
    return "".join(typed(p.text) if isinstance(p, UserText) else ours(p) for p in pieces)


def _markdown(line: Line) -> str:
    return _render(line, str, md_escape)


def _plain(line: Line) -> str:
    return _render(line, plain, str)


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...] = field(default=())

    def to_markdown(self) -> str:
        """Blocks separated by a blank line; list items (and their notes, indented) on their own lines."""
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                parts.append(f"{'#' * block.level} {_markdown(block.text)}")
            elif isinstance(block, BulletList):
                lines: list[str] = []
                for marker, item in zip(block.markers(), block.items, strict=True):
                    lines.append(f"{marker} {_markdown(item.text)}")
                    lines.extend(f"{' ' * (len(marker) + 1)}- {_markdown(note)}" for note in item.notes)
                parts.append("\n".join(lines))
            else:
                parts.append(_markdown(block.text))
        return "\n\n".join(parts) + "\n"

    def to_text(self) -> str:
        """Plain text for an e-mail: a blank line between blocks (none right after a heading);
        section headings underlined."""
        lines: list[str] = []
        previous: Block | None = None
        for block in self.blocks:
            if previous is not None and not isinstance(previous, Heading):
                lines.append("")
            if isinstance(block, Heading):
                text = _plain(block.text)
                lines += [text] if block.level == 1 else [text, "-" * len(text)]
            elif isinstance(block, BulletList):
                for marker, item in zip(block.markers(), block.items, strict=True):
                    lines.append(f"{marker} {_plain(item.text)}")
                    lines.extend(f"{' ' * (len(marker) + 1)}{_plain(note)}" for note in item.notes)
            else:
                lines.append(_plain(block.text))
            previous = block
        return "\n".join(lines) + "\n"

    def to_pdf(self, *, toc: bool = False, toc_title: str = "") -> bytes:
        """An A4 PDF in DejaVu Sans (:mod:`spoor2.render.pdf`); text is never read as markup.

        With ``toc``: the title and a table of contents (``toc_title``) of the level-1 and level-2
        headings first, each level-1 heading on a new page; the PDF's outline has the same entries.

        >>> doc = Document("File", (Heading("Part one"), Paragraph("x"), Heading("Part two"), Heading("A", level=2)))
        >>> doc.to_pdf(toc=True, toc_title="Contents")[:5]
        b'%PDF-'
        """
        from spoor2.render import pdf

        document = pdf.new_document(self.title)
        if toc:
            pdf.heading(document, self.title, HEADING_SIZES[1])
            entries = sum(1 for b in self.blocks if isinstance(b, Heading) and b.level <= 2)
            pdf.contents(document, toc_title, entries)
        for index, block in enumerate(self.blocks):
            if isinstance(block, Heading):
                if toc and block.level == 1 and index:
                    document.add_page()
                if index and block.level == 2:
                    document.ln(2)
                if toc and block.level <= 2:
                    pdf.section(document, _plain(block.text), block.level - 1)
                pdf.heading(document, _plain(block.text), HEADING_SIZES[block.level])
            elif isinstance(block, BulletList):
                for marker, item in zip(block.markers(), block.items, strict=True):
                    pdf.paragraph(document, f"{'•' if marker == '-' else marker} {_plain(item.text)}")
                    for note in item.notes:
                        pdf.paragraph(document, _plain(note), size=SMALL_SIZE, indent=6)
            elif isinstance(block, Caption):
                pdf.paragraph(document, _plain(block.text), size=SMALL_SIZE)
            else:
                pdf.paragraph(document, _plain(block.text))
        return pdf.to_bytes(document)

    def to_docx(self, lang: str) -> bytes:
        """An editable Word document (title and language set); headings are Word headings, lists Word lists."""
        from spoor2.render import docx

        document = docx.new_document(self.title, lang)
        for block in self.blocks:
            if isinstance(block, Heading):
                docx.heading(document, _plain(block.text), block.level)
            elif isinstance(block, BulletList):
                style = "List Number" if block.numbered else "List Bullet"
                for item in block.items:
                    docx.paragraph(document, _plain(item.text), style=style)
                    for note in item.notes:
                        docx.paragraph(document, _plain(note), small=True, style="List Continue")
            elif isinstance(block, Caption):
                docx.paragraph(document, _plain(block.text), small=True)
            else:
                docx.paragraph(document, _plain(block.text))
        return docx.to_bytes(document)
