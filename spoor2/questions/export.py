"""Exports of the critical questions and meeting notes: Markdown, plain text and PDF.

Each export builds one :class:`~spoor2.render.document.Document` and renders it, so the formats
say the same thing. User text (own questions, meeting notes) is escaped in Markdown and shown as
typed in plain text and PDF. Headings come from the ``questions`` UI catalogue.
"""

from __future__ import annotations

from datetime import date

from spoor2.i18n import format_date, t
from spoor2.legal.sources import get_source
from spoor2.questions.bank import AUDIENCES, Meeting, ShownQuestion
from spoor2.render.document import Block, BulletList, Caption, Document, Heading, Item, Line, Paragraph, UserText


def _source_titles(ids: tuple[str, ...]) -> str:
    return "; ".join(get_source(sid).title for sid in ids)


def _grouped(questions: tuple[ShownQuestion, ...]) -> list[tuple[str, list[ShownQuestion]]]:
    return [
        (a, [q for q in questions if q.audience == a]) for a in AUDIENCES if any(q.audience == a for q in questions)
    ]


def _question(q: ShownQuestion, lang: str) -> Item:
    notes: list[Line] = []
    if q.why:
        notes.append(f"{t(lang, 'questions.export.why')}: {q.why}")
    if q.sources:
        notes.append(f"{t(lang, 'questions.export.sources')}: {_source_titles(q.sources)}")
    return Item(UserText(q.text) if q.own else q.text, notes=tuple(notes))


def questions_document(questions: tuple[ShownQuestion, ...], lang: str, as_of: date) -> Document:
    """The questions per audience, each with why it matters and its sources."""
    title = t(lang, "questions.export.title")
    blocks: list[Block] = [Heading(title), Caption(t(lang, "questions.export.made_on", date=format_date(as_of, lang)))]
    for audience, items in _grouped(questions):
        blocks.append(Heading(t(lang, f"questions.audience.{audience}"), level=2))
        blocks.append(BulletList(tuple(_question(q, lang) for q in items), numbered=True))
    blocks.append(Caption(t(lang, "common.not_legal_advice")))
    return Document(title, tuple(blocks))


def questions_markdown(questions: tuple[ShownQuestion, ...], lang: str, as_of: date) -> str:
    return questions_document(questions, lang, as_of).to_markdown()


def questions_text(questions: tuple[ShownQuestion, ...], lang: str, as_of: date) -> str:
    return questions_document(questions, lang, as_of).to_text()


def questions_pdf(questions: tuple[ShownQuestion, ...], lang: str, as_of: date) -> bytes:
    return questions_document(questions, lang, as_of).to_pdf()


def meeting_document(meeting: Meeting, lang: str) -> Document:
    """Meeting notes, ready to send back to the employer for the file. The points are stored as the
    page showed them (question texts without the stars) and are printed as stored."""
    title = t(lang, "questions.export.meeting_title", date=format_date(meeting.on, lang))
    points = BulletList(tuple(Item(UserText(point)) for point in meeting.points), numbered=True)
    blocks = (
        Heading(title),
        Paragraph((f"{t(lang, 'questions.export.with_whom')}: ", UserText(meeting.with_whom))),
        Heading(t(lang, "questions.export.points"), level=2),
        points if meeting.points else Paragraph("-"),
        Heading(t(lang, "questions.export.agreed"), level=2),
        Paragraph(UserText(meeting.agreed or "-")),
        Caption(t(lang, "questions.export.meeting_note")),
    )
    return Document(title, blocks)


def meeting_text(meeting: Meeting, lang: str) -> str:
    """Meeting notes as plain text, ready to send back to the employer for the file."""
    return meeting_document(meeting, lang).to_text()


def meeting_pdf(meeting: Meeting, lang: str) -> bytes:
    return meeting_document(meeting, lang).to_pdf()
