"""Ask UWV for an expert opinion (*deskundigenoordeel*): the question, the documents UWV needs for it,
which the person has, their question in their own words, and one zip with a summary and the files chosen.

The documents per question follow UWV's page "Hoe vraag ik een deskundigenoordeel aan?" (own work: the
job description and the company doctor's messages about being (un)fit from a date; suitable work: a
description of the offered work or of the work the employee points to, the doctor's messages on what the
employee can do (*belastbaarheid*), a labour expert's report if there is one; enough effort: the problem
analysis and action plan with their updates, the evaluations, the doctor's messages and latest advice, a
labour expert's report if there is one). The employee can ask too; it costs the employee a fee and is not
binding (domain reference § 5.1).

>>> [d.id for d in needed_documents("own_work")]
['job_description', 'doctor_messages']
>>> zip_entry_name(3, "2026-11-02 Acme · Planner", "pdf")
'03-2026-11-02-acme-planner.pdf'
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from pydantic import Field

from spoor2.errors import InvalidInput
from spoor2.i18n import format_date, t
from spoor2.legal.params import legal_value
from spoor2.model import Model
from spoor2.render.document import Block, BulletList, Caption, Document, Heading, Item, Paragraph, UserText
from spoor2.render.text import multi_line

QuestionId = Literal["own_work", "suitable_work", "effort"]
QUESTIONS: tuple[str, ...] = get_args(QuestionId)
#: The person's question and where the disagreement lies.
MAX_BODY_CHARS = 10_000
#: The most files one pack can hold (UWV's online form takes a handful; a pack stays a pack).
MAX_FILES = 50
FEE_PARAMETER = "deskundigenoordeel_fee_employee_eur"

DOCUMENT_SOURCES: tuple[str, ...] = ("uwv_deskundigenoordeel",)
#: Who can ask, the fee, 2-4 weeks, not binding, and why a court wants it (domain reference § 5.1).
ABOUT_SOURCES: tuple[str, ...] = (
    "uwv_deskundigenoordeel",
    "rights_expert_opinion_fee_history",
    "rights_expert_opinion_process",
    "rights_bw_7_629a_1",
)


@dataclass(frozen=True)
class NeededDocument:
    """One document UWV needs for a question; ``checklist`` names its entry in /questions' checklist."""

    id: str
    checklist: str | None = None
    #: "if there is one" (a labour expert's report) — missing it is no gap
    optional: bool = False


_DOCTOR = NeededDocument("doctor_messages")
_LABOUR_EXPERT = NeededDocument("labour_expert_report", "labour_expert_report", optional=True)
NEEDED: Mapping[str, tuple[NeededDocument, ...]] = {
    "own_work": (NeededDocument("job_description"), _DOCTOR),
    "suitable_work": (NeededDocument("work_description"), _DOCTOR, _LABOUR_EXPERT),
    "effort": (
        NeededDocument("problem_analysis", "problem_analysis"),
        NeededDocument("action_plan", "action_plan"),
        NeededDocument("action_plan_updates", "action_plan_updates", optional=True),
        NeededDocument("evaluations", "evaluations"),
        NeededDocument("first_year_evaluation", "first_year_evaluation"),
        _DOCTOR,
        _LABOUR_EXPERT,
        NeededDocument("spoor2_plan", "spoor2_plan", optional=True),
    ),
}


def check_question(question_id: str) -> str:
    if question_id not in QUESTIONS:
        raise InvalidInput("my_file_view.error.unknown_question")
    return question_id


def needed_documents(question_id: str) -> tuple[NeededDocument, ...]:
    return NEEDED[check_question(question_id)]


class ExpertRequest(Model):
    """A draft request for one question: the person's words, the documents they say they have (those
    the checklist does not know), and the evidence files chosen for the zip."""

    question_id: QuestionId
    body: str = Field(default="", max_length=MAX_BODY_CHARS)
    have: tuple[str, ...] = ()
    files: tuple[str, ...] = ()


def clean_request(question_id: str, body: str, have: Sequence[str], files: Sequence[str]) -> ExpertRequest:
    """Validate a draft (a text over the limit is refused, never cut; unknown documents are refused).

    >>> clean_request("effort", "Has my employer\\r\\ndone enough?", ["doctor_messages"], []).body
    'Has my employer\\ndone enough?'
    >>> clean_request("effort", "", ["a_pony"], [])
    Traceback (most recent call last):
    spoor2.errors.InvalidInput: Please choose one of the options. Nothing was saved.
    """
    known = {doc.id for doc in needed_documents(question_id)}
    if any(doc not in known for doc in have):
        raise InvalidInput("my_file_view.error.not_a_choice")
    if len(body) > MAX_BODY_CHARS:
        raise InvalidInput("my_file_view.error.too_long", maximum=MAX_BODY_CHARS)
    if len(files) > MAX_FILES:
        raise InvalidInput("my_file_view.error.too_many_files", maximum=MAX_FILES)
    return ExpertRequest(
        question_id=question_id,  # type: ignore[arg-type]
        body=multi_line(body),
        have=tuple(dict.fromkeys(have)),
        files=tuple(dict.fromkeys(files)),
    )


@dataclass(frozen=True)
class DocumentStatus:
    doc: NeededDocument
    #: "have" (with ``on`` when the checklist has a date), "missing" or "optional_missing"
    state: Literal["have", "missing", "optional_missing"]
    on: date | None = None
    from_checklist: bool = False


def document_statuses(request: ExpertRequest, received: Mapping[str, date | None]) -> tuple[DocumentStatus, ...]:
    """Which needed documents the person has: from the checklist (received), else as they ticked it.

    >>> req = ExpertRequest(question_id="own_work", have=("doctor_messages",))
    >>> [(s.doc.id, s.state) for s in document_statuses(req, {})]
    [('job_description', 'missing'), ('doctor_messages', 'have')]
    """
    out: list[DocumentStatus] = []
    for doc in needed_documents(request.question_id):
        if doc.checklist is not None and doc.checklist in received:
            out.append(DocumentStatus(doc, "have", received[doc.checklist], from_checklist=True))
        elif doc.id in request.have:
            out.append(DocumentStatus(doc, "have"))
        else:
            out.append(DocumentStatus(doc, "optional_missing" if doc.optional else "missing"))
    return tuple(out)


# --- the pack -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackFile:
    """An evidence file chosen for the pack: its stored id, how the person knows it, its bytes."""

    id: str
    description: str
    extension: str
    content: bytes


_NOT_NAME = re.compile(r"[^a-z0-9]+")


def zip_entry_name(number: int, description: str, extension: str) -> str:
    """A safe, readable file name in the zip: numbered, ASCII, no folders, never the person's raw text."""
    ascii_text = unicodedata.normalize("NFKD", description).encode("ascii", "ignore").decode().lower()
    stem = _NOT_NAME.sub("-", ascii_text).strip("-")[:60] or "file"
    return f"{number:02d}-{stem}.{extension}"


def _status_line(status: DocumentStatus, lang: str) -> str:
    name = t(lang, f"my_file_view.expert_doc.{status.doc.id}")
    if status.state == "have" and status.on is not None:
        return t(lang, "my_file_view.pack.have_on", document=name, date=format_date(status.on, lang))
    return t(lang, f"my_file_view.pack.{status.state}", document=name)


def summary_document(
    request: ExpertRequest,
    statuses: Sequence[DocumentStatus],
    files: Sequence[tuple[str, PackFile]],
    lang: str,
    today: date,
) -> Document:
    """The summary in the zip: the question, the documents UWV needs (have / missing), the files
    included (by their name in the zip), the person's own words, and what the opinion is."""
    title = t(lang, "my_file_view.pack.title")
    blocks: list[Block] = [Heading(title), Caption(t(lang, "my_file_view.pack.made_on", date=format_date(today, lang)))]
    blocks.append(Heading(t(lang, "my_file_view.pack.question_title"), level=2))
    blocks.append(Paragraph(t(lang, f"my_file_view.question.{request.question_id}")))
    blocks.append(Heading(t(lang, "my_file_view.pack.my_words_title"), level=2))
    blocks.append(Paragraph(UserText(request.body) if request.body.strip() else t(lang, "my_file_view.pack.no_words")))
    blocks.append(Heading(t(lang, "my_file_view.pack.needed_title"), level=2))
    blocks.append(BulletList(tuple(Item(_status_line(s, lang)) for s in statuses)))
    blocks.append(Caption(f"{t(lang, 'my_file_view.doc.sources')}: {_titles(DOCUMENT_SOURCES)}"))
    blocks.append(Heading(t(lang, "my_file_view.pack.files_title", count=len(files)), level=2))
    if files:
        items = tuple(Item((name + " — ", UserText(f.description))) for name, f in files)
        blocks.append(BulletList(items))
    else:
        blocks.append(Paragraph(t(lang, "my_file_view.pack.no_files")))
    blocks.append(Heading(t(lang, "my_file_view.pack.about_title"), level=2))
    blocks.append(Paragraph(t(lang, "my_file_view.expert_about", fee=legal_value(FEE_PARAMETER, today))))
    blocks.append(Caption(f"{t(lang, 'my_file_view.doc.sources')}: {_titles(ABOUT_SOURCES)}"))
    blocks.append(Caption(t(lang, "my_file_view.pack.footer")))
    return Document(title, tuple(blocks))


def _titles(ids: Sequence[str]) -> str:
    from spoor2.legal.sources import get_source

    return "; ".join(get_source(sid).title for sid in ids)


def build_pack(
    request: ExpertRequest, received: Mapping[str, date | None], files: Sequence[PackFile], lang: str, today: date
) -> bytes:
    """One zip: the summary PDF first, then exactly the chosen files, numbered in the order chosen."""
    named = [(zip_entry_name(n, f.description, f.extension), f) for n, f in enumerate(files, start=1)]
    summary = summary_document(request, document_statuses(request, received), named, lang, today)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as pack:
        pack.writestr(f"00-{t(lang, 'my_file_view.pack.summary_file')}.pdf", summary.to_pdf())
        for name, item in named:
            pack.writestr(name, item.content)
    return out.getvalue()
