"""The timeline as an RFC 5545 calendar: one all-day event per milestone, in the user's language.

>>> from datetime import date
>>> from spoor2.timeline.rules import SickPeriod, TimelineInput, compute_timeline
>>> tl = compute_timeline(TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),)))
>>> text = timeline_to_ics(tl, "en").decode()
>>> "UID:wia_application_deadline-2027-10-17@spoor2.local" in text, "DTSTART;VALUE=DATE:20271017" in text
(True, True)
"""

from __future__ import annotations

from spoor2.i18n import t
from spoor2.legal.sources import get_source
from spoor2.render.ics import AllDayEvent, calendar_ics
from spoor2.timeline.rules import Milestone, Standing, Timeline
from spoor2.timeline.view import (
    conditional_text,
    indicative_reason,
    milestone_label,
    milestone_notes,
    milestone_rule,
    not_applicable_reason,
)

PRODID = "-//spoor2//Poortwachter timeline//EN"
UID_DOMAIN = "spoor2.local"


def milestone_description(item: Milestone, lang: str) -> str:
    """The rule, the notes, why it is indicative, and the sources with their URLs."""
    parts = [milestone_rule(item, lang), *milestone_notes(item, lang)]
    for extra in (not_applicable_reason(item, lang), conditional_text(item, lang)):
        if extra:
            parts.insert(0, extra)
    reason = indicative_reason(item, lang)
    if reason:
        parts.append(f"{t(lang, 'common.indicative').capitalize()}: {reason}")
    parts.append(f"{t(lang, 'timeline.col.actor')}: {t(lang, f'milestones.actor.{item.actor}')}")
    parts.append(t(lang, "common.sources") + ":")
    parts.extend(f"- {get_source(sid).title}: {get_source(sid).url}" for sid in item.sources)
    return "\n".join(parts)


def _summary(item: Milestone, lang: str) -> str:
    label = milestone_label(item, lang)
    if not item.applies:
        return f"{label} ({t(lang, 'milestones.status.not_applicable')})"
    return label


def timeline_to_ics(timeline: Timeline, lang: str, standing: Standing | None = None) -> bytes:
    """All milestones as all-day events (a window spans its days). Pure: ``DTSTAMP`` is the as-of day."""
    events = [
        AllDayEvent(
            uid=f"{item.id}-{item.first.isoformat()}@{UID_DOMAIN}",
            first=item.first,
            last=item.due,
            summary=_summary(item, lang),
            description=milestone_description(item, lang),
            categories=(t(lang, f"milestones.actor.{item.actor}"),),
            url=str(get_source(item.sources[0]).url) if item.sources else None,
        )
        for item in timeline.milestones
    ]
    stamp = standing.as_of if standing is not None else timeline.first_sick_day
    return calendar_ics(events, prodid=PRODID, stamp=stamp, name=t(lang, "timeline.ics.calendar_name"))
