"""The job-search activity tracker: what an activity is, how it is checked, weekly targets and statistics.

Pure rules: no Streamlit, no SQL. A log of one's own activities is evidence in spoor 2: UWV checks at
the WIA application whether enough was done to find work elsewhere (Regeling procesgang art. 6 lid 1,
the re-integratieverslag includes the employee's own view; Beleidsregels beoordelingskader poortwachter
§ 6, 8 en 9); the sources are ``procesgang_6``, ``beleidsregels_8_9`` and ``wia_25_9`` in content/legal/.

ISO weeks are the unit of the weekly target; years with 53 weeks exist:

>>> iso_week_key(date(2027, 1, 1))
'2026-W53'
>>> week_monday("2026-W53")
datetime.date(2026, 12, 28)
>>> week_keys(date(2026, 12, 21), date(2027, 1, 4))
['2026-W52', '2026-W53', '2027-W01']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal, get_args
from urllib.parse import urlparse

from pydantic import Field

from spoor2.dates import anniversary
from spoor2.errors import InvalidInput
from spoor2.i18n import LANGS, t
from spoor2.model import IsoDate, Model
from spoor2.render.text import multi_line, one_line

ActivityType = Literal[
    "vacancy_application",
    "open_application",
    "network_contact",
    "informational_interview",
    "job_interview",
    "work_experience",
    "secondment",
    "training",
    "agency_registration",
    "coach_meeting",
    "vacancy_research",
    "other",
]
ActivityStatus = Literal[
    "planned", "done", "awaiting_response", "interview", "offer", "rejected", "no_response", "withdrawn"
]
Fit = Literal["yes", "no", "unsure"]
#: Where a response date comes from: the person (or their file) entered it, or the portal inferred it
#: (the day the status became interview, offer or rejected). An inferred date stays marked until confirmed.
ResponseDateSource = Literal["entered", "inferred"]

ACTIVITY_TYPES: tuple[str, ...] = get_args(ActivityType)
STATUSES: tuple[str, ...] = get_args(ActivityStatus)
FITS: tuple[str, ...] = get_args(Fit)
RESPONSE_DATE_SOURCES: tuple[str, ...] = get_args(ResponseDateSource)

#: Types that count as an application (the start of the funnel and the default weekly target).
APPLICATION_TYPES: tuple[str, ...] = ("vacancy_application", "open_application")
#: Statuses that mean the application was sent (planned and withdrawn ones were not, or no longer, out).
SENT_STATUSES: tuple[str, ...] = ("done", "awaiting_response", "interview", "offer", "rejected", "no_response")
#: Statuses that mean the organisation answered.
RESPONSE_STATUSES: tuple[str, ...] = ("interview", "offer", "rejected")
#: Statuses after which no follow-up is due any more.
CLOSED_STATUSES: tuple[str, ...] = ("offer", "rejected", "withdrawn")

MAX_SHORT_CHARS = 200
MAX_OUTCOME_CHARS = 2_000
MAX_NOTES_CHARS = 5_000
MAX_GOAL_CHARS = 500
MAX_LINK_CHARS = 2_000
YEARS_BACK = 5
YEARS_AHEAD = 1
MAX_TARGET = 50

TEXT_LIMITS: dict[str, int] = {
    "organisation": MAX_SHORT_CHARS,
    "role": MAX_SHORT_CHARS,
    "channel": MAX_SHORT_CHARS,
    "contact_person": MAX_SHORT_CHARS,
    "outcome": MAX_OUTCOME_CHARS,
    "notes": MAX_NOTES_CHARS,
    "goal": MAX_GOAL_CHARS,
}
#: The text fields that may hold several lines; every other text field is one line.
MULTI_LINE = frozenset({"outcome", "notes", "goal"})
#: Every field of an activity that a person fills in, in the order exports and imports use.
FIELDS: tuple[str, ...] = (
    "date",
    "type",
    "organisation",
    "role",
    "channel",
    "contact_person",
    "status",
    "follow_up",
    "response_date",
    "response_date_source",
    "outcome",
    "notes",
    "evidence_link",
    "fits_limitations",
    "goal",
)
#: File types accepted as evidence (the store also checks each file's content against its type).
EVIDENCE_EXTENSIONS: tuple[str, ...] = ("pdf", "png", "jpg", "jpeg", "txt", "docx", "odt", "eml")
#: The media type each evidence file is stored (and offered for download) with.
EVIDENCE_MEDIA_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "txt": "text/plain",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "eml": "message/rfc822",
}
EVIDENCE_FILE_RE = re.compile(rf"^evidence/[0-9a-f]{{32}}\.({'|'.join(EVIDENCE_EXTENSIONS)})$")
_DATE_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]00:00(:00)?)?$")
_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


class Activity(Model):
    """One job-search activity, checked. Dates are real dates; texts are stripped."""

    id: str = Field(min_length=1, max_length=64)
    activity_date: IsoDate
    type: ActivityType
    organisation: str = Field(min_length=1, max_length=MAX_SHORT_CHARS)
    role: str = ""
    channel: str = ""
    contact_person: str = ""
    status: ActivityStatus = "done"
    follow_up: IsoDate | None = None
    response_date: IsoDate | None = None
    #: None without a response date; a date with no source (written by an older version) counts as inferred
    response_date_source: ResponseDateSource | None = None
    outcome: str = ""
    notes: str = ""
    evidence_file: str | None = None
    evidence_link: str | None = None
    fits_limitations: Fit | None = None
    goal: str = ""

    def field_value(self, name: str) -> Any:
        """The value of an export field (``date`` is ``activity_date``)."""
        return self.activity_date if name == "date" else getattr(self, name)

    @property
    def response_date_inferred(self) -> bool:
        """True when the response date is the portal's guess, not confirmed by the person."""
        return self.response_date is not None and self.response_date_source != "entered"


@dataclass(frozen=True)
class ActivityFilter:
    """What the table, charts and exports show: a period (inclusive) and optional types and statuses."""

    start: date | None = None
    end: date | None = None
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()


# --- validation ---------------------------------------------------------------------------------------


def parse_date(value: object, field: str = "date") -> date | None:
    """A date from a widget, a cell or text: ``YYYY-MM-DD`` or ``DD-MM-YYYY`` (also with / or .).

    >>> parse_date("2026-11-23"), parse_date("23-11-2026"), parse_date("5/1/2026"), parse_date("")
    (datetime.date(2026, 11, 23), datetime.date(2026, 11, 23), datetime.date(2026, 1, 5), None)
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        if _DATE_ISO.match(text):
            return date.fromisoformat(text[:10])
        match = _DATE_DMY.match(text)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError:
        pass
    return _bad(field, text)


def _bad(field: str, text: str) -> date:
    raise InvalidInput(f"tracker.error.bad_date.{field}", value=text[:40])


def _labels(prefix: str, ids: Iterable[str]) -> dict[str, str]:
    """Every id and its label in every language (lower case) → id."""
    out: dict[str, str] = {}
    for item in ids:
        out[item.lower()] = item
        for lang in LANGS:
            out[t(lang, f"{prefix}.{item}").strip().lower()] = item
    return out


def resolve_choice(value: object, ids: tuple[str, ...], prefix: str, code: str) -> str | None:
    """An id from an id or a label in English or Dutch (case-insensitive); empty → None.

    >>> resolve_choice("Sollicitatie op vacature", ACTIVITY_TYPES, "tracker.type", "unknown_type")
    'vacancy_application'
    """
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    found = _labels(prefix, ids).get(text.lower())
    if found is None:
        raise InvalidInput(f"tracker.error.{code}", value=text[:40])
    return found


def check_link(value: str) -> str | None:
    """A link to evidence: http or https with a host, else :class:`InvalidInput`.

    >>> check_link(" https://werk.nl/vacature/1 ")
    'https://werk.nl/vacature/1'
    """
    link = value.strip()
    if not link:
        return None
    if len(link) > MAX_LINK_CHARS:
        raise InvalidInput("tracker.error.too_long.evidence_link", maximum=MAX_LINK_CHARS)
    parsed = urlparse(link)
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc or any(c.isspace() for c in link):
        raise InvalidInput("tracker.error.bad_link")
    return link


def validate_activity(raw: Mapping[str, Any], *, today: date) -> Activity:
    """Check one activity from a form, a file row or the CLI. Raises ``InvalidInput("tracker.error.…")``.

    ``raw`` has the keys of :data:`FIELDS` (``date`` may also be ``activity_date``) plus optional
    ``id`` and ``evidence_file``; values may be text, dates or None. Labels are accepted for
    type, status and fit, in English or Dutch.
    """
    day = parse_date(raw.get("date", raw.get("activity_date")), "date")
    if day is None:
        raise InvalidInput("tracker.error.missing_date")
    # years as everywhere in the app (spoor2.dates.anniversary): after 29 February comes 1 March
    earliest, latest = anniversary(today, -YEARS_BACK), anniversary(today, YEARS_AHEAD)
    if day < earliest:
        raise InvalidInput("tracker.error.date_too_old", years=YEARS_BACK)
    if day > latest:
        raise InvalidInput("tracker.error.date_too_far", years=YEARS_AHEAD)
    kind = resolve_choice(raw.get("type"), ACTIVITY_TYPES, "tracker.type", "unknown_type")
    if kind is None:
        raise InvalidInput("tracker.error.missing_type")
    status = resolve_choice(raw.get("status"), STATUSES, "tracker.status", "unknown_status") or "done"
    fit = resolve_choice(raw.get("fits_limitations"), FITS, "tracker.fit", "unknown_fit")
    texts: dict[str, str] = {}
    for name, maximum in TEXT_LIMITS.items():
        value = raw.get(name)
        # no invisible controls or bidi overrides (a file can carry terminal escapes); notes keep their lines
        text = "" if value is None else (multi_line if name in MULTI_LINE else one_line)(str(value)).strip()
        if len(text) > maximum:
            raise InvalidInput(f"tracker.error.too_long.{name}", maximum=maximum)
        texts[name] = text
    if not texts["organisation"]:
        raise InvalidInput("tracker.error.empty_organisation")
    follow_up = parse_date(raw.get("follow_up"), "follow_up")
    if follow_up is not None and follow_up < day:
        raise InvalidInput("tracker.error.follow_up_before_date")
    if follow_up is not None and follow_up > anniversary(latest, 1):
        raise InvalidInput("tracker.error.date_too_far", years=YEARS_AHEAD)
    response, source = _response_date(raw, day, latest)
    link = check_link(str(raw.get("evidence_link") or ""))
    evidence_file = raw.get("evidence_file") or None
    if evidence_file is not None and not EVIDENCE_FILE_RE.match(str(evidence_file)):
        raise InvalidInput("tracker.error.bad_evidence_path")
    activity_id = str(raw.get("id") or "").strip() or new_activity_id()
    if len(activity_id) > 64:
        raise InvalidInput("tracker.error.bad_id")
    return Activity(
        id=activity_id,
        activity_date=day,
        type=kind,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        follow_up=follow_up,
        response_date=response,
        response_date_source=source,  # type: ignore[arg-type]
        evidence_file=str(evidence_file) if evidence_file else None,
        evidence_link=link,
        fits_limitations=fit,  # type: ignore[arg-type]
        **texts,
    )


def infer_response_date(activity: Activity, previous_status: str | None, today: date) -> Activity:
    """Moving into an answered status (interview, offer, rejected) without a response date: today, marked
    as inferred (the person can correct or confirm it; the statistics count it as inferred).

    >>> a = validate_activity({"date": "2026-11-02", "type": "other", "organisation": "X", "status": "rejected"},
    ...                       today=date(2026, 11, 9))
    >>> b = infer_response_date(a, "done", date(2026, 11, 9))
    >>> b.response_date, b.response_date_source, b.response_date_inferred
    (datetime.date(2026, 11, 9), 'inferred', True)
    """
    if (
        activity.response_date is None
        and activity.status in RESPONSE_STATUSES
        and previous_status not in RESPONSE_STATUSES
        and today >= activity.activity_date
    ):
        return activity.model_copy(update={"response_date": today, "response_date_source": "inferred"})
    return activity


def _response_date(raw: Mapping[str, Any], day: date, latest: date) -> tuple[date | None, str | None]:
    """The response date and where it comes from: a date from a person or their file is ``entered``,
    unless it says it was ``inferred``; without a date there is nothing to mark."""
    response = parse_date(raw.get("response_date"), "response_date")
    if response is not None and response < day:
        raise InvalidInput("tracker.error.response_before_date")
    if response is not None and response > latest:
        raise InvalidInput("tracker.error.date_too_far", years=YEARS_AHEAD)
    source = resolve_choice(
        raw.get("response_date_source"), RESPONSE_DATE_SOURCES, "tracker.response_source", "unknown_response_source"
    )
    if response is None:
        return None, None
    return response, source or "entered"


def new_activity_id() -> str:
    import uuid

    return uuid.uuid4().hex


# --- weekly target ------------------------------------------------------------------------------------


class WeeklyTarget(Model):
    """ "{count} activities of these types a week" — e.g. two applications a week, from the plan."""

    count: int = Field(ge=1, le=MAX_TARGET)
    types: tuple[ActivityType, ...] = APPLICATION_TYPES  # type: ignore[assignment]


def check_target(count: object, types: Iterable[str]) -> WeeklyTarget:
    """A weekly target from widget values; raises ``InvalidInput`` when it makes no sense."""
    try:
        number = int(str(count))
    except ValueError:
        raise InvalidInput("tracker.error.bad_target", maximum=MAX_TARGET) from None
    chosen = tuple(dict.fromkeys(types))
    if not 1 <= number <= MAX_TARGET:
        raise InvalidInput("tracker.error.bad_target", maximum=MAX_TARGET)
    if not chosen:
        raise InvalidInput("tracker.error.target_no_types")
    unknown = [kind for kind in chosen if kind not in ACTIVITY_TYPES]
    if unknown:
        raise InvalidInput("tracker.error.unknown_type", value=unknown[0][:40])
    return WeeklyTarget(count=number, types=chosen)  # type: ignore[arg-type]


def iso_week_key(day: date) -> str:
    """``2026-W05``: the ISO year and week a day belongs to (sorts as text)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(key: str) -> date:
    """The Monday of an ISO week key; raises ``ValueError`` for a week that does not exist.

    >>> week_monday("2027-W01")
    datetime.date(2027, 1, 4)
    """
    year, week = key.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def week_keys(start: date, end: date) -> list[str]:
    """Every ISO week from the week of ``start`` to the week of ``end``, in order."""
    monday = start - timedelta(days=start.weekday())
    out: list[str] = []
    while monday <= end:
        out.append(iso_week_key(monday))
        monday += timedelta(weeks=1)
    return out


@dataclass(frozen=True)
class WeekProgress:
    week: str
    monday: date
    done: int
    target: int

    @property
    def met(self) -> bool:
        return self.done >= self.target


def target_progress(
    week_type_counts: Iterable[tuple[str, str, int]], target: WeeklyTarget, start: date, end: date
) -> list[WeekProgress]:
    """Progress per ISO week from aggregated rows ``(week key, type, count)``; weeks without rows count 0."""
    done: dict[str, int] = {}
    for week, kind, count in week_type_counts:
        if kind in target.types:
            done[week] = done.get(week, 0) + int(count)
    return [WeekProgress(key, week_monday(key), done.get(key, 0), target.count) for key in week_keys(start, end)]


def weeks_met_in_a_row(progress: list[WeekProgress]) -> int:
    """How many of the last weeks in a row met the target (the current, unfinished week not counted
    against the person: if it is not met yet, the streak is counted from the week before)."""
    weeks = list(progress)
    if weeks and not weeks[-1].met:
        weeks = weeks[:-1]
    streak = 0
    for week in reversed(weeks):
        if not week.met:
            break
        streak += 1
    return streak


# --- statistics (from aggregated rows) ----------------------------------------------------------------


@dataclass(frozen=True)
class Funnel:
    applications: int
    interviews: int
    offers: int


def funnel(type_status_counts: Iterable[tuple[str, str, int]]) -> Funnel:
    """Application → interview → offer, from ``(type, status, count)`` rows.

    Applications are sent applications; an interview is an application with status interview or
    offer (an offer came after an interview), plus every separate ``job_interview`` activity.

    >>> funnel([("vacancy_application", "rejected", 3), ("open_application", "offer", 1), ("job_interview", "done", 2)])
    Funnel(applications=4, interviews=3, offers=1)
    """
    applications = interviews = offers = 0
    for kind, status, count in type_status_counts:
        if kind in APPLICATION_TYPES and status in SENT_STATUSES:
            applications += count
            interviews += count if status in ("interview", "offer") else 0
            offers += count if status == "offer" else 0
        elif kind == "job_interview" and status not in ("planned", "withdrawn"):
            interviews += count
            offers += count if status == "offer" else 0
    return Funnel(applications, interviews, offers)


def response_rate(type_status_counts: Iterable[tuple[str, str, int]]) -> float | None:
    """The share of sent applications that got an answer (interview, offer or rejection); None if none sent.

    >>> response_rate([("vacancy_application", "rejected", 1), ("vacancy_application", "no_response", 3)])
    0.25
    """
    sent = answered = 0
    for kind, status, count in type_status_counts:
        if kind in APPLICATION_TYPES and status in SENT_STATUSES:
            sent += count
            answered += count if status in RESPONSE_STATUSES else 0
    return answered / sent if sent else None


def median_days(histogram: Iterable[tuple[int, int]]) -> float | None:
    """The median of a histogram ``(days, count)``; None when empty.

    >>> median_days([(3, 1), (10, 1)]), median_days([(2, 2), (9, 1)]), median_days([])
    (6.5, 2.0, None)
    """
    rows = sorted((int(days), int(count)) for days, count in histogram if count > 0)
    total = sum(count for _, count in rows)
    if not total:
        return None

    def nth(index: int) -> int:
        seen = 0
        for days, count in rows:
            seen += count
            if index < seen:
                return days
        raise AssertionError("unreachable")  # pragma: no cover

    middle = total // 2
    return float(nth(middle)) if total % 2 else (nth(middle - 1) + nth(middle)) / 2
