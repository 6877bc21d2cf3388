"""My view for the reintegration report (*oordeel werknemer*): one dated section per element.

The reintegration report holds at least the elements a to k of Regeling procesgang eerste en tweede
ziektejaar art. 6 lid 1; element l is "een oordeel van de werknemer omtrent de op grond van de
onderdelen a tot en met k opgenomen gegevens en oordelen" (also BWBR0015184 art. 1 onder n). UWV wants
the employee's view as a separate, recognisable element, "voorzien van de datum en van de naam en de
functie van de opstellers of ondertekenaars" (BWBR0015184 art. 2 lid 2 f, lid 3); without it UWV gives
the employee a term of fourteen days and may then not process the application (art. 3 lid 3 c, lid 4,
lid 6). A last section names the options the person pointed out that use their abilities better: then
UWV does not accept a fallback at 65 % of the old wage as a satisfactory result (BWBR0014375 § 3).

>>> [e.letter for e in ELEMENTS][:3], ELEMENTS[-1].id
(['a', 'b', 'c'], 'better_options')
>>> check_section(ViewSection(element_id="job", stance="agree", written_on=date(2026, 12, 2)), date(2026, 12, 1))
Traceback (most recent call last):
spoor2.errors.InvalidInput: A date cannot be after today. Nothing was saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal, get_args

from pydantic import Field

from spoor2.errors import InvalidInput
from spoor2.i18n import format_date, t
from spoor2.model import IsoDate, Model
from spoor2.render.document import Block, BulletList, Caption, Document, Heading, Item, Line, Paragraph, UserText
from spoor2.render.text import multi_line, one_line
from spoor2.tracker.import_export import neutralise

Stance = Literal["agree", "disagree", "not_yet"]
STANCES: tuple[str, ...] = get_args(Stance)

#: The longest view of one element (a page or two of text); longer is refused, nothing is saved.
MAX_BODY_CHARS = 10_000
#: A name or a job title.
MAX_NAME_CHARS = 200
#: The earliest date a view can carry (the app's other date fields start here too).
EARLIEST = date(2015, 1, 1)


@dataclass(frozen=True)
class Element:
    """One element of the reintegration report the person gives their view on."""

    id: str
    #: the letter in Regeling procesgang art. 6 lid 1 ("" for the last section, BWBR0014375 § 3)
    letter: str
    sources: tuple[str, ...]
    #: the timeline steps whose recorded date points to this element's documents
    milestones: tuple[str, ...] = ()
    #: the document checklist (/questions) entries for this element
    documents: tuple[str, ...] = ()
    #: which of the person's own records to point to: activities, proposals, meetings
    pointers: tuple[str, ...] = ()


_ART6 = "mf_view_procesgang_6"
# Regeling procesgang eerste en tweede ziektejaar (BWBR0013540) art. 6 lid 1 onder a tot en met k
ELEMENTS: tuple[Element, ...] = (
    Element("admin_data", "a", (_ART6,)),
    Element("company", "b", (_ART6,)),
    Element("job", "c", (_ART6,)),
    Element("skills", "d", (_ART6,), pointers=("activities",)),
    Element("first_sick_day", "e", (_ART6,), pointers=("timeline",)),
    Element(
        "problem_analysis",
        "f",
        (_ART6, "procesgang_2"),
        milestones=("problem_analysis_due",),
        documents=("problem_analysis",),
    ),
    Element(
        "action_plan",
        "g",
        (_ART6, "procesgang_4"),
        milestones=("action_plan_due",),
        documents=("action_plan", "action_plan_updates"),
        pointers=("proposals",),
    ),
    Element(
        "evaluations",
        "h",
        (_ART6, "procesgang_4_2b"),
        documents=("first_year_evaluation", "evaluations"),
        pointers=("meetings",),
    ),
    Element("working_relationship", "i", (_ART6,), pointers=("meetings",)),
    Element("doctor_judgement", "j", (_ART6,)),
    Element(
        "suitable_work",
        "k",
        (_ART6, "beleidsregels_8_9"),
        documents=("labour_expert_report", "spoor2_plan", "agency_reports"),
        pointers=("activities", "proposals"),
    ),
    # BWBR0014375 § 3: options the employee pointed out that use their abilities better
    Element("better_options", "", ("mf_view_beleidsregels_3",), pointers=("proposals", "activities")),
)
ELEMENT_IDS: tuple[str, ...] = tuple(e.id for e in ELEMENTS)
#: Why the view matters, and its form (shown on the page and in the export).
VIEW_SOURCES: tuple[str, ...] = ("mf_view_procesgang_6_l", "mf_view_vormvereisten_2", "mf_view_vormvereisten_3")


def element(element_id: str) -> Element:
    for item in ELEMENTS:
        if item.id == element_id:
            return item
    raise InvalidInput("my_file_view.error.unknown_element")


class ViewSection(Model):
    """The person's view on one element: agree / do not agree, because …, and the date written."""

    element_id: str
    stance: Stance = "not_yet"
    body: str = Field(default="", max_length=MAX_BODY_CHARS)
    written_on: IsoDate | None = None


class ViewSignature(Model):
    """The name, job title and date UWV requires on each element (BWBR0015184 art. 2 lid 3)."""

    name: str = Field(default="", max_length=MAX_NAME_CHARS)
    job_title: str = Field(default="", max_length=MAX_NAME_CHARS)
    signed_on: IsoDate | None = None


def _check_date(value: date | None, as_of: date) -> None:
    if value is not None and value > as_of:
        raise InvalidInput("my_file_view.error.date_in_future")
    if value is not None and value < EARLIEST:
        raise InvalidInput("my_file_view.error.date_too_early", earliest=EARLIEST.isoformat())


def clean_section(element_id: str, stance: str, body: str, written_on: date | None, as_of: date) -> ViewSection:
    """Validate what a person entered for one element (a text over the limit is refused, never cut).

    >>> clean_section("job", "disagree", "Not my job\\r\\nat all\\x07", None, date(2026, 12, 1)).body
    'Not my job\\nat all'
    >>> clean_section("job", "maybe", "", None, date(2026, 12, 1))
    Traceback (most recent call last):
    spoor2.errors.InvalidInput: Please choose one of the options. Nothing was saved.
    """
    element(element_id)
    if stance not in STANCES:
        raise InvalidInput("my_file_view.error.not_a_choice")
    if len(body) > MAX_BODY_CHARS:
        raise InvalidInput("my_file_view.error.too_long", maximum=MAX_BODY_CHARS)
    section = ViewSection(element_id=element_id, stance=stance, body=multi_line(body), written_on=written_on)  # type: ignore[arg-type]
    check_section(section, as_of)
    return section


def check_section(section: ViewSection, as_of: date) -> None:
    element(section.element_id)
    _check_date(section.written_on, as_of)


def clean_signature(name: str, job_title: str, signed_on: date | None, as_of: date) -> ViewSignature:
    """The name and job title on one line each (line breaks and controls go)."""
    for value in (name, job_title):
        if len(value) > MAX_NAME_CHARS:
            raise InvalidInput("my_file_view.error.too_long", maximum=MAX_NAME_CHARS)
    _check_date(signed_on, as_of)
    return ViewSignature(name=one_line(name).strip(), job_title=one_line(job_title).strip(), signed_on=signed_on)


def is_written(sections: Mapping[str, ViewSection], signature: ViewSignature | None) -> bool:
    """Written: at least one element has a stance or a text, and the view carries a name and a date.

    >>> s = {"job": ViewSection(element_id="job", stance="agree")}
    >>> is_written(s, ViewSignature(name="A. de Vries", signed_on=date(2026, 12, 1))), is_written(s, None)
    (True, False)
    """
    given = any(s.stance != "not_yet" or s.body.strip() for s in sections.values())
    return given and signature is not None and bool(signature.name) and signature.signed_on is not None


# --- pointers to the person's own evidence -------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """What the portal already knows that the person can point to (counts and dates, no text)."""

    first_sick_day: date | None = None
    #: timeline steps recorded done, by milestone id
    recorded: Mapping[str, date] = field(default_factory=dict)
    #: document checklist: doc id -> date received (None: received, no date)
    received: Mapping[str, date | None] = field(default_factory=dict)
    activities: int = 0
    first_activity: date | None = None
    last_activity: date | None = None
    with_evidence: int = 0
    proposals: int = 0
    unanswered: int = 0
    meetings: int = 0
    last_meeting: date | None = None


def _pointer_lines(kind: str, ev: Evidence, lang: str) -> list[str]:
    fmt = lambda d: format_date(d, lang)  # noqa: E731
    if kind == "timeline" and ev.first_sick_day is not None:
        return [t(lang, "my_file_view.pointer.first_sick_day", date=fmt(ev.first_sick_day))]
    if kind == "activities" and ev.activities and ev.first_activity and ev.last_activity:
        line = t(
            lang,
            "my_file_view.pointer.activities",
            count=ev.activities,
            start=fmt(ev.first_activity),
            end=fmt(ev.last_activity),
        )
        if ev.with_evidence:
            line += " " + t(lang, "my_file_view.pointer.with_evidence", count=ev.with_evidence)
        return [line]
    if kind == "proposals" and ev.proposals:
        return [t(lang, "my_file_view.pointer.proposals", count=ev.proposals, unanswered=ev.unanswered)]
    if kind == "meetings" and ev.meetings and ev.last_meeting:
        return [t(lang, "my_file_view.pointer.meetings", count=ev.meetings, date=fmt(ev.last_meeting))]
    return []


def pointers(item: Element, ev: Evidence, lang: str) -> list[str]:
    """Pre-filled pointers for one element, in ``lang``: recorded steps, documents received, own records.

    >>> ev = Evidence(recorded={"action_plan_due": date(2025, 10, 13)}, proposals=2, unanswered=1)
    >>> for line in pointers(element("action_plan"), ev, "en"):
    ...     print(line)
    On my timeline: Action plan (plan van aanpak) agreed done on 13 October 2025
    2 proposals of mine; 1 without an answer yet (see my proposals)
    """
    lines: list[str] = []
    for milestone in item.milestones:
        if milestone in ev.recorded:
            label = t(lang, f"milestones.{milestone}.label").replace("*", "")
            lines.append(
                t(lang, "my_file_view.pointer.recorded", step=label, date=format_date(ev.recorded[milestone], lang))
            )
    for doc in item.documents:
        if doc in ev.received:
            name = t(lang, f"my_file_view.document.{doc}")
            on = ev.received[doc]
            key = "received_on" if on is not None else "received"
            lines.append(
                t(lang, f"my_file_view.pointer.{key}", document=name, date=format_date(on, lang) if on else "")
            )
    for kind in item.pointers:
        lines.extend(_pointer_lines(kind, ev, lang))
    return lines


# --- the document -------------------------------------------------------------------------------------


def element_title(item: Element, lang: str) -> str:
    """``f. The problem analysis and its updates (probleemanalyse)``; the last section has no letter."""
    name = t(lang, f"my_file_view.element.{item.id}.title")
    return f"{item.letter}. {name}" if item.letter else name


def source_titles(ids: tuple[str, ...]) -> str:
    from spoor2.legal.sources import get_source

    return "; ".join(get_source(sid).title for sid in ids)


def _signed_by(signature: ViewSignature, lang: str) -> str:
    parts = [signature.name or t(lang, "my_file_view.doc.no_name")]
    if signature.job_title:
        parts.append(signature.job_title)
    return ", ".join(parts)


def _element_blocks(
    item: Element, section: ViewSection | None, sig: ViewSignature, ev: Evidence, lang: str
) -> list[Block]:
    section = section or ViewSection(element_id=item.id)
    written = section.written_on or sig.signed_on
    blocks: list[Block] = [Heading(element_title(item, lang), level=2)]
    dated = t(lang, "my_file_view.doc.dated", date=format_date(written, lang) if written else "—")
    blocks.append(Paragraph((dated + " · " + t(lang, "my_file_view.doc.by") + " ", UserText(_signed_by(sig, lang)))))
    if section.stance == "not_yet" and not section.body.strip():
        blocks.append(Paragraph(t(lang, "my_file_view.doc.not_yet")))
    else:
        blocks.append(Paragraph(t(lang, f"my_file_view.doc.stance.{section.stance}")))
        if section.body.strip():
            blocks.append(Paragraph(UserText(section.body)))
    lines = pointers(item, ev, lang)
    if lines:
        blocks.append(Paragraph(t(lang, "my_file_view.doc.evidence")))
        blocks.append(BulletList(tuple(Item(line) for line in lines)))
    blocks.append(Caption(f"{t(lang, 'my_file_view.doc.sources')}: {source_titles(item.sources)}"))
    return blocks


def _word_line(line: Line) -> Line:
    pieces = line if isinstance(line, tuple) else (line,)
    out = tuple(UserText(neutralise(p.text)) if isinstance(p, UserText) else p for p in pieces)
    return out if isinstance(line, tuple) else out[0]


def for_word(document: Document) -> Document:
    """The document with every piece of typed text safe to paste into a spreadsheet: a leading
    ``= + - @`` gets a ``'`` (the tracker's :func:`~spoor2.tracker.import_export.neutralise`).

    >>> doc = for_word(Document("x", (Paragraph(("Note: ", UserText("=HYPERLINK(1)"))),)))
    >>> doc.blocks[0].text[1].text
    "'=HYPERLINK(1)"
    """
    blocks: list[Block] = []
    for block in document.blocks:
        if isinstance(block, BulletList):
            items = tuple(Item(_word_line(i.text), tuple(_word_line(n) for n in i.notes)) for i in block.items)
            blocks.append(replace(block, items=items))
        else:
            blocks.append(replace(block, text=_word_line(block.text)))
    return Document(document.title, tuple(blocks))


def view_document(
    sections: Mapping[str, ViewSection], signature: ViewSignature | None, ev: Evidence, lang: str, today: date
) -> Document:
    """The whole view: who wrote it (name, job title, date), then every element in order, each dated
    and signed (BWBR0015184 art. 2 lid 3), with the person's text as typed and pointers to evidence."""
    sig = signature or ViewSignature()
    title = t(lang, "my_file_view.doc.title")
    blocks: list[Block] = [Heading(title)]
    blocks.append(Paragraph((t(lang, "my_file_view.doc.name") + ": ", UserText(sig.name or "—"))))
    blocks.append(Paragraph((t(lang, "my_file_view.doc.job_title") + ": ", UserText(sig.job_title or "—"))))
    signed = format_date(sig.signed_on, lang) if sig.signed_on else "—"
    blocks.append(Paragraph(t(lang, "my_file_view.doc.signed_on", date=signed)))
    blocks.append(Caption(t(lang, "my_file_view.doc.intro")))
    for item in ELEMENTS:
        blocks.extend(_element_blocks(item, sections.get(item.id), sig, ev, lang))
    blocks.append(Heading(t(lang, "my_file_view.doc.signature_title"), level=2))
    blocks.append(
        Paragraph((t(lang, "my_file_view.doc.signature", date=signed) + " ", UserText(_signed_by(sig, lang))))
    )
    blocks.append(Caption(f"{t(lang, 'my_file_view.doc.sources')}: {source_titles(VIEW_SOURCES)}"))
    blocks.append(Caption(t(lang, "my_file_view.doc.footer", today=format_date(today, lang))))
    return Document(title, tuple(blocks))
