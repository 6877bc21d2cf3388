"""The exports of /applying: a CV version and a letter as one :class:`~spoor2.render.document.Document` each,
rendered as PDF or as an editable Word file (and as Markdown for the page's preview).

User text is kept as typed; in a Word file a leading ``= + - @`` is neutralised the way the tracker's
exports do it (:func:`spoor2.tracker.import_export.neutralise`), and a typed "- " list becomes a list.
"""

from __future__ import annotations

import re
from typing import Any

from spoor2.applying.cv import CV, month_label
from spoor2.errors import InvalidInput
from spoor2.i18n import t
from spoor2.render.document import BulletList, Caption, Document, Heading, Item, Line, Paragraph, UserText
from spoor2.tracker.activities import Activity
from spoor2.tracker.import_export import neutralise

#: A line of a typed text that is a list item: "- ", "* " or "• " at its start.
_LIST_LINE = re.compile(r"^\s*[-*•]\s+")
FORMATS = ("pdf", "docx")


def typed(value: str, office: bool) -> UserText:
    """Text the person typed; in a Word file a leading ``= + - @`` is neutralised (as the tracker's exports)."""
    return UserText(neutralise(value) if office else value)


def text_blocks(value: str, office: bool) -> list[Paragraph | BulletList]:
    """A typed text: its "- " lines become a list (no dash left to read as a formula), the rest paragraphs."""
    blocks: list[Paragraph | BulletList] = []
    items: list[Item] = []
    for line in value.split("\n"):
        if _LIST_LINE.match(line):
            items.append(Item(typed(_LIST_LINE.sub("", line, count=1), office)))
            continue
        if items:
            blocks.append(BulletList(tuple(items)))
            items = []
        if line.strip():
            blocks.append(Paragraph(typed(line, office)))
    if items:
        blocks.append(BulletList(tuple(items)))
    return blocks


def period(start: str | None, end: str | None, lang: str) -> str:
    if start is None and end is None:
        return ""
    first = month_label(start, lang) if start else "…"
    last = month_label(end, lang) if end else t(lang, "applying.cv.doc.now")
    return f"{first} – {last}"


def _heading_line(title: str, subtitle: str, office: bool) -> Line:
    if title and subtitle:
        return (typed(title, office), " — ", typed(subtitle, office))
    return typed(title or subtitle, office)


def _experience(cv: CV, lang: str, office: bool) -> list[Any]:
    blocks: list[Any] = []
    if cv.jobs:
        blocks.append(Heading(t(lang, "applying.cv.doc.experience"), level=2))
    for job in cv.jobs:
        blocks.append(Heading(_heading_line(job.role, job.employer, office), level=3))
        blocks.append(Caption(period(job.start, job.end, lang)))
        blocks.extend(text_blocks(job.description, office))
    if cv.education:
        blocks.append(Heading(t(lang, "applying.cv.doc.education"), level=2))
    for school in cv.education:
        blocks.append(Heading(_heading_line(school.course, school.school, office), level=3))
        if school.start or school.end:
            blocks.append(Caption(period(school.start, school.end, lang)))
        blocks.extend(text_blocks(school.description, office))
    return blocks


def _lists(cv: CV, lang: str, office: bool) -> list[Any]:
    blocks: list[Any] = []
    for key, values in (("skills", cv.skills), ("strengths", cv.strengths)):
        if values:
            blocks.append(Heading(t(lang, f"applying.cv.doc.{key}"), level=2))
            blocks.append(BulletList(tuple(Item(typed(v, office)) for v in values)))
    if cv.languages:
        blocks.append(Heading(t(lang, "applying.cv.doc.languages"), level=2))
        items = (Item((typed(s.language, office), f": {t(lang, f'applying.level.{s.level}')}")) for s in cv.languages)
        blocks.append(BulletList(tuple(items)))
    return blocks


def cv_document(cv: CV, lang: str, *, office: bool = False) -> Document:
    """The CV as one document, its headings in ``lang`` (the CV's language, not the page's).

    ``office``: for the Word file (user text with a leading ``= + - @`` neutralised)."""
    p = cv.personal
    title = p.name or t(lang, "applying.cv.doc.title")
    blocks: list[Any] = [Heading(typed(p.name, office) if p.name else title)]
    contact = [value for value in (p.place, p.email, p.phone) if value]
    if contact:
        blocks.append(Paragraph(typed(" · ".join(contact), office)))
    if cv.profile:
        blocks.append(Heading(t(lang, "applying.cv.doc.profile"), level=2))
        blocks.extend(text_blocks(cv.profile, office))
    blocks += _experience(cv, lang, office) + _lists(cv, lang, office)
    return Document(title=title, blocks=tuple(blocks))


def cv_file(cv: CV, lang: str, kind: str) -> bytes:
    """The CV as ``kind`` (``pdf`` or ``docx``)."""
    if kind == "pdf":
        return cv_document(cv, lang).to_pdf()
    if kind == "docx":
        return cv_document(cv, lang, office=True).to_docx(lang)
    raise InvalidInput("applying.error.unknown_format", value=kind[:10])


def letter_document(text: str, activity: Activity, lang: str, *, office: bool = False) -> Document:
    """The letter as one document: only the text as typed (a letter to an employer carries nothing of ours)."""
    title = t(lang, "applying.letter.doc.title", organisation=activity.organisation)
    blocks: list[Any] = []
    for paragraph in text.split("\n\n"):
        blocks.extend(text_blocks(paragraph, office))
    return Document(title=title, blocks=tuple(blocks))


def letter_file(text: str, activity: Activity, lang: str, kind: str) -> bytes:
    """The letter as ``kind`` (``pdf`` or ``docx``)."""
    if kind == "pdf":
        return letter_document(text, activity, lang).to_pdf()
    if kind == "docx":
        return letter_document(text, activity, lang, office=True).to_docx(lang)
    raise InvalidInput("applying.error.unknown_format", value=kind[:10])
