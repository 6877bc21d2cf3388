"""The timeline in words: milestones as dictionaries for a language (CLI JSON, .ics, page table).

>>> from datetime import date
>>> from spoor2.timeline.rules import SickPeriod, TimelineInput, compute_timeline
>>> tl = compute_timeline(TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),)))
>>> row = milestone_dict(tl.milestone("wia_application_deadline"), "nl")
>>> row["date"], row["label"], row["actor"]
('2027-10-17', 'Uiterste datum WIA-aanvraag', 'jij')
"""

from __future__ import annotations

from typing import Any

from spoor2.i18n import has, t
from spoor2.legal.sources import get_source
from spoor2.timeline.rules import DatedMilestone, Milestone, MilestoneStanding


def milestone_label(item: Milestone, lang: str) -> str:
    return t(lang, f"milestones.{item.id}.label")


def milestone_rule(item: Milestone, lang: str) -> str:
    return t(lang, f"milestones.{item.id}.rule", **item.params)


def milestone_notes(item: Milestone, lang: str) -> list[str]:
    return [t(lang, f"milestones.note.{note}", **item.params) for note in item.notes]


def not_applicable_reason(item: Milestone, lang: str) -> str | None:
    """Why a step no longer applies (the contract ended before it); None when it applies."""
    if item.applies or item.reason is None:
        return None
    return t(lang, f"milestones.not_applicable.{item.reason}", **item.params)


def conditional_text(item: Milestone, lang: str) -> str | None:
    """ "If UWV imposes one": a step that happens only if someone acts."""
    return t(lang, f"milestones.{item.id}.conditional") if item.conditional else None


def indicative_reason(item: Milestone, lang: str) -> str | None:
    key = f"milestones.{item.id}.indicative"
    return t(lang, key, **item.params) if item.indicative and has(lang, key) else None  # type: ignore[arg-type]


def milestone_dict(item: Milestone, lang: str, standing: MilestoneStanding | None = None) -> dict[str, Any]:
    """One milestone, in words, with its sources; dates as ISO text."""
    out: dict[str, Any] = {"id": item.id}
    if isinstance(item, DatedMilestone):
        out["date"] = item.date.isoformat()
    else:
        out["start"] = item.start.isoformat()
        out["end"] = item.end.isoformat()
    out.update(
        {
            "label": milestone_label(item, lang),
            "actor": t(lang, f"milestones.actor.{item.actor}"),
            "actor_id": item.actor,
            "indicative": item.indicative,
            "indicative_reason": indicative_reason(item, lang),
            "rule": milestone_rule(item, lang),
            "notes": milestone_notes(item, lang),
            "applies": item.applies,
            "reason": not_applicable_reason(item, lang),
            "conditional": item.conditional,
            "conditional_text": conditional_text(item, lang),
            "sources": [get_source(sid).as_dict() for sid in item.sources],
        }
    )
    if item.day is not None:
        out["sick_day"] = item.day
    if standing is not None:
        out["status"] = standing.status
        out["status_label"] = t(lang, f"milestones.status.{standing.status}")
        out["done_on"] = standing.done_on.isoformat() if standing.done_on is not None else None
    return out
