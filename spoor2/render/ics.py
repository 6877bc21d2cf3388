"""The one builder of RFC 5545 calendars: all-day events, used by the timeline and the tracker.

An all-day event is ``DTSTART;VALUE=DATE`` on its first day and ``DTEND;VALUE=DATE`` on the day
after its last (RFC 5545 §3.6.1: DTEND is exclusive). Its UID is stable (given by the caller),
so importing the file again updates the events instead of doubling them. Pure: ``DTSTAMP``
is a day passed in (midnight UTC), never the clock.

>>> from datetime import date
>>> event = AllDayEvent(uid="x-2028-02-28@spoor2.local", first=date(2028, 2, 28), last=date(2028, 2, 29),
...                     summary="Deadline", description="Why\\nand where")
>>> text = calendar_ics([event], prodid="-//spoor2//test//EN", stamp=date(2028, 1, 1)).decode()
>>> print(text.replace("\\r\\n", "\\n"), end="")
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//spoor2//test//EN
CALSCALE:GREGORIAN
BEGIN:VEVENT
SUMMARY:Deadline
DTSTART;VALUE=DATE:20280228
DTEND;VALUE=DATE:20280301
DTSTAMP:20280101T000000Z
UID:x-2028-02-28@spoor2.local
DESCRIPTION:Why\\nand where
TRANSP:TRANSPARENT
END:VEVENT
END:VCALENDAR
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from icalendar import Calendar, Event

from spoor2.dates import add_days


@dataclass(frozen=True)
class AllDayEvent:
    """One all-day event from ``first`` through ``last`` (inclusive; ``None``: one day)."""

    uid: str
    first: date
    summary: str
    description: str = ""
    last: date | None = None
    categories: tuple[str, ...] = ()
    url: str | None = None

    def __post_init__(self) -> None:
        if self.last is not None and self.last < self.first:
            raise ValueError(f"event {self.uid} ends ({self.last}) before it starts ({self.first})")


def calendar_ics(events: Iterable[AllDayEvent], *, prodid: str, stamp: date, name: str | None = None) -> bytes:
    """A VCALENDAR of all-day events; ``name`` is the calendar's display name (``X-WR-CALNAME``).
    Events are transparent: a deadline or reminder does not make the day busy."""
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", prodid)
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    dtstamp = datetime(stamp.year, stamp.month, stamp.day, tzinfo=UTC)
    for item in events:
        event = Event()
        event.add("summary", item.summary)
        event.add("dtstart", item.first)
        event.add("dtend", add_days(item.last or item.first, 1))
        event.add("dtstamp", dtstamp)
        event.add("uid", item.uid)
        if item.description:
            event.add("description", item.description)
        event.add("transp", "TRANSPARENT")
        if item.categories:
            event.add("categories", list(item.categories))
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    return calendar.to_ical()
