"""Exports of the critical questions and meeting notes: Markdown, plain text and PDF.

User text goes into Markdown escaped (so an e-mail client shows it as typed) and into plain
text and PDF as is. Headings come from the ``questions`` UI catalogue.
"""

from __future__ import annotations

from datetime import date

from spoor2.i18n import format_date, t
from spoor2.legal.sources import get_source
from spoor2.questions.bank import AUDIENCES, Meeting, ShownQuestion
from spoor2.render import pdf

_MD_SPECIAL = "\\`*_{}[]()#+-.!|~<>"


def md_escape(value: str) -> str:
    """Escape Markdown syntax in user text.

    >>> md_escape("*a* [b]")
    '\\\\*a\\\\* \\\\[b\\\\]'
    """
    return "".join("\\" + char if char in _MD_SPECIAL else char for char in value)


def _source_titles(ids: tuple[str, ...]) -> str:
    return "; ".join(get_source(sid).title for sid in ids)


def _grouped(questions: tuple[ShownQuestion, ...]) -> list[tuple[str, list[ShownQuestion]]]:
    return [
        (a, [q for q in questions if q.audience == a]) for a in AUDIENCES if any(q.audience == a for q in questions)
    ]


def questions_markdown(questions: tuple[ShownQuestion, ...], lang: str, as_of: date) -> str:
    lines = [
        f"# {t(lang, 'questions.export.title')}",
        "",
        t(lang, "questions.export.made_on", date=format_date(as_of, lang)),
        "",
    ]
    for audience, items in _grouped(questions):
        lines += [f"## {t(lang, f'questions.audience.{audience}')}", ""]
        for number, q in enumerate(items, start=1):
            text = md_escape(q.text) if q.own else q.text
            lines.append(f"{number}. {text}")
            if q.why:
                lines.append(f"   - {t(lang, 'questions.export.why')}: {q.why}")
            if q.sources:
                lines.append(f"   - {t(lang, 'questions.export.sources')}: {_source_titles(q.sources)}")
        lines.append("")
    lines.append(t(lang, "common.not_legal_advice"))
    return "\n".join(lines) + "\n"


def questions_text(questions: tuple[ShownQuestion, ...], lang: str, as_of: date) -> str:
    lines = [t(lang, "questions.export.title"), t(lang, "questions.export.made_on", date=format_date(as_of, lang)), ""]
    for audience, items in _grouped(questions):
        heading = t(lang, f"questions.audience.{audience}")
        lines += [heading, "-" * len(heading)]
        for number, q in enumerate(items, start=1):
            lines.append(f"{number}. {q.text if q.own else _plain(q.text)}")
            if q.why:
                lines.append(f"   {t(lang, 'questions.export.why')}: {_plain(q.why)}")
            if q.sources:
                lines.append(f"   {t(lang, 'questions.export.sources')}: {_source_titles(q.sources)}")
        lines.append("")
    lines.append(t(lang, "common.not_legal_advice"))
    return "\n".join(lines) + "\n"


def _plain(value: str) -> str:
    """Bank texts use ``*term*`` for Dutch terms; plain text and PDF show them without stars."""
    return value.replace("*", "")


def questions_pdf(questions: tuple[ShownQuestion, ...], lang: str, as_of: date) -> bytes:
    title = t(lang, "questions.export.title")
    doc = pdf.new_document(title)
    pdf.heading(doc, title)
    pdf.paragraph(doc, t(lang, "questions.export.made_on", date=format_date(as_of, lang)), size=9)
    for audience, items in _grouped(questions):
        pdf.heading(doc, t(lang, f"questions.audience.{audience}"), size=13)
        for number, q in enumerate(items, start=1):
            pdf.paragraph(doc, f"{number}. {q.text if q.own else _plain(q.text)}")
            if q.why:
                pdf.paragraph(doc, f"{t(lang, 'questions.export.why')}: {_plain(q.why)}", size=9)
            if q.sources:
                pdf.paragraph(doc, f"{t(lang, 'questions.export.sources')}: {_source_titles(q.sources)}", size=8)
    pdf.paragraph(doc, t(lang, "common.not_legal_advice"), size=8)
    return pdf.to_bytes(doc)


def meeting_text(meeting: Meeting, lang: str) -> str:
    """Meeting notes as plain text, ready to send back to the employer for the file."""
    lines = [
        t(lang, "questions.export.meeting_title", date=format_date(meeting.on, lang)),
        f"{t(lang, 'questions.export.with_whom')}: {meeting.with_whom}",
        "",
        t(lang, "questions.export.points"),
    ]
    lines += [f"{n}. {_plain(point)}" for n, point in enumerate(meeting.points, start=1)] or ["-"]
    lines += [
        "",
        t(lang, "questions.export.agreed"),
        meeting.agreed or "-",
        "",
        t(lang, "questions.export.meeting_note"),
    ]
    return "\n".join(lines) + "\n"


def meeting_pdf(meeting: Meeting, lang: str) -> bytes:
    title = t(lang, "questions.export.meeting_title", date=format_date(meeting.on, lang))
    doc = pdf.new_document(title)
    pdf.heading(doc, title)
    pdf.paragraph(doc, f"{t(lang, 'questions.export.with_whom')}: {meeting.with_whom}")
    pdf.heading(doc, t(lang, "questions.export.points"), size=12)
    for n, point in enumerate(meeting.points, start=1):
        pdf.paragraph(doc, f"{n}. {_plain(point)}")
    pdf.heading(doc, t(lang, "questions.export.agreed"), size=12)
    pdf.paragraph(doc, meeting.agreed or "-")
    pdf.paragraph(doc, t(lang, "questions.export.meeting_note"), size=9)
    return pdf.to_bytes(doc)
