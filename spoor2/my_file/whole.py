"""The whole file in one download: one PDF with a table of contents, for the person's own use or their
lawyer — the timeline with its statuses, the activity overview (the tracker's own builder), proposals and
answers, meeting notes, the check result and my view. Built from what is saved; nothing is sent anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spoor2.i18n import format_date, t
from spoor2.my_file.checks import CheckItem, FileCheckResult
from spoor2.my_file.proposals import Proposal
from spoor2.my_file.view import Evidence, ViewSection, ViewSignature, source_titles, view_document
from spoor2.questions.bank import Meeting
from spoor2.render.document import Block, BulletList, Caption, Document, Heading, Item, Paragraph, UserText
from spoor2.timeline.rules import DatedMilestone
from spoor2.timeline.view import milestone_dict
from spoor2.tracker.activities import Activity
from spoor2.tracker.import_export import overview_document


@dataclass(frozen=True)
class WholeFile:
    """Everything the whole file shows, read from the store by the caller."""

    timeline: Any = None  # spoor2.store.timeline.SavedStanding, or None
    activities: Sequence[Activity] = ()
    proposals: Sequence[Proposal] = ()
    meetings: Sequence[Meeting] = ()
    checks: FileCheckResult | None = None
    sections: dict[str, ViewSection] = field(default_factory=dict)
    signature: ViewSignature | None = None
    evidence: Evidence = field(default_factory=Evidence)


def _timeline_blocks(data: WholeFile, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(t(lang, "my_file_view.whole.timeline_title"))]
    if data.timeline is None:
        return [*blocks, Paragraph(t(lang, "my_file_view.whole.no_timeline"))]
    timeline, standing = data.timeline.timeline, data.timeline.standing
    blocks.append(Paragraph(t(lang, "my_file_view.whole.sick_week", week=standing.sick_week)))
    items: list[Item] = []
    for milestone in timeline.milestones:
        row = milestone_dict(milestone, lang, standing.of(milestone.id))
        if isinstance(milestone, DatedMilestone):
            when = format_date(milestone.date, lang, "medium")
        else:
            when = f"{format_date(milestone.start, lang, 'medium')} – {format_date(milestone.end, lang, 'medium')}"
        notes: list[str] = [row["rule"]]
        if row.get("done_on"):
            notes.append(
                t(lang, "my_file_view.whole.done_on", date=format_date(date.fromisoformat(row["done_on"]), lang))
            )
        notes.append(f"{t(lang, 'my_file_view.doc.sources')}: " + "; ".join(s["title"] for s in row["sources"]))
        items.append(Item(f"{when} · {row['label']} · {row['status_label']}", notes=tuple(notes)))
    blocks.append(BulletList(tuple(items)))
    return blocks


def _activity_blocks(data: WholeFile, lang: str, today: date) -> list[Block]:
    activities = sorted(data.activities, key=lambda a: (a.activity_date, a.id))
    start = activities[0].activity_date if activities else today
    end = activities[-1].activity_date if activities else today
    return list(overview_document(activities, lang, start, end, today).blocks)


def _proposal_blocks(data: WholeFile, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(t(lang, "my_file_view.whole.proposals_title"))]
    if not data.proposals:
        return [*blocks, Paragraph(t(lang, "my_file_view.whole.none"))]
    items: list[Item] = []
    for p in data.proposals:
        to_whom = t(lang, f"my_file.to_whom.{p.to_whom}")
        line = (f"{format_date(p.made_on, lang, 'medium')} · {to_whom} · ", UserText(p.what))
        reply = t(lang, f"my_file.reply.{p.answer}")
        if p.answered_on is not None:
            reply += " · " + t(lang, "my_file_view.whole.answered_on", date=format_date(p.answered_on, lang))
        notes: list[Any] = [reply]
        if p.answer_text:
            notes.append(UserText(p.answer_text))
        items.append(Item(line, notes=tuple(notes)))
    return [*blocks, BulletList(tuple(items))]


def _meeting_blocks(data: WholeFile, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(t(lang, "my_file_view.whole.meetings_title"))]
    if not data.meetings:
        return [*blocks, Paragraph(t(lang, "my_file_view.whole.none"))]
    for meeting in sorted(data.meetings, key=lambda m: (m.on, m.id)):
        blocks.append(Heading((format_date(meeting.on, lang) + " · ", UserText(meeting.with_whom)), level=2))
        if meeting.points:
            blocks.append(BulletList(tuple(Item(UserText(p)) for p in meeting.points), numbered=True))
        if meeting.agreed:
            blocks.append(Paragraph((t(lang, "my_file_view.whole.agreed") + " ", UserText(meeting.agreed))))
    return blocks


def _check_line(item: CheckItem, lang: str) -> str:
    status = t(lang, f"my_file.status.{item.status}")
    if item.kind == "flag":
        text = t(lang, f"my_file.flag.{item.id}.{'label' if item.status == 'gap' else 'name'}", **item.params)
    else:
        text = t(lang, f"my_file.check.{item.id}.label", **item.params)
    return f"{status} · {text}"


def _check_blocks(data: WholeFile, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(t(lang, "my_file_view.whole.checks_title"))]
    if data.checks is None:
        return [*blocks, Paragraph(t(lang, "my_file_view.whole.no_checks"))]
    result = data.checks
    blocks.append(
        Paragraph(t(lang, "my_file_view.whole.check_summary", gaps=len(result.gaps), unknown=len(result.unknown)))
    )
    items: list[Item] = []
    for item in result.items:
        notes = [f"{t(lang, 'my_file_view.doc.sources')}: {source_titles(item.sources)}"]
        if item.due is not None:
            notes.insert(0, t(lang, "my_file_view.whole.due", date=format_date(item.due, lang)))
        items.append(Item(_check_line(item, lang), notes=tuple(notes)))
    return [*blocks, BulletList(tuple(items))]


def _view_blocks(data: WholeFile, lang: str, today: date) -> list[Block]:
    view = view_document(data.sections, data.signature, data.evidence, lang, today)
    return list(view.blocks[:-1])  # without its own footer (the whole file has one)


def whole_document(data: WholeFile, lang: str, today: date) -> Document:
    """The whole file; each part starts with a level-1 heading (an entry of the table of contents)."""
    title = t(lang, "my_file_view.whole.title")
    blocks: list[Block] = [Paragraph(t(lang, "my_file_view.whole.made_on", date=format_date(today, lang)))]
    blocks += _timeline_blocks(data, lang)
    blocks += _activity_blocks(data, lang, today)
    blocks += _proposal_blocks(data, lang)
    blocks += _meeting_blocks(data, lang)
    blocks += _check_blocks(data, lang)
    blocks += _view_blocks(data, lang, today)
    blocks.append(Caption(t(lang, "my_file_view.whole.footer")))
    return Document(title, tuple(blocks))


def whole_pdf(data: WholeFile, lang: str, today: date) -> bytes:
    return whole_document(data, lang, today).to_pdf(toc=True, toc_title=t(lang, "my_file_view.whole.contents"))
