"""A check-in and what an activity cost: the models, and the one check of what a person entered.

Every field is optional ("skip what costs too much energy"). One check-in per day and part of the
day (``morning``, ``evening`` or ``day``, the whole day): saving the same day and part again edits it.
Nothing here asks for a diagnosis, symptoms or treatment — the employer may not ask for them either
(AP policy rules on health data of sick employees, source ``rights_ap_policy_rules``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Literal, get_args

from pydantic import Field

from spoor2.errors import InvalidInput
from spoor2.model import IsoDate, Model

Part = Literal["morning", "evening", "day"]
PARTS: tuple[str, ...] = get_args(Part)

#: energy and the three load axes: 0 (none / very light) to 10 (full / very heavy)
SCALE_MAX = 10
LOAD_AXES = ("physical", "mental", "emotional")
MAX_HOURS = 24
#: hours are entered in quarter hours
HOUR_STEP = 0.25
MAX_REST_MOMENTS = 48
MAX_SHORT_CHARS = 200
MAX_NOTE_CHARS = 2000

#: where an activity with a cost comes from: the tracker, a meeting of /questions, or typed in here
CostSource = Literal["tracker", "meeting", "typed"]
#: what a typed-in activity was
TypedKind = Literal["company_doctor", "insurance_doctor", "employer", "agency", "shift", "other"]
TYPED_KINDS: tuple[str, ...] = get_args(TypedKind)
#: how the person felt the next day and the day after (a delayed dip belongs to the activity that caused it)
After = Literal["fine", "tired", "dip"]
AFTER_VALUES: tuple[str, ...] = get_args(After)


class CheckIn(Model):
    """One check-in: a day, a part of that day, and whatever the person chose to fill in."""

    day: IsoDate
    part: Part = "day"
    energy: int | None = Field(default=None, ge=0, le=SCALE_MAX)
    physical: int | None = Field(default=None, ge=0, le=SCALE_MAX)
    mental: int | None = Field(default=None, ge=0, le=SCALE_MAX)
    emotional: int | None = Field(default=None, ge=0, le=SCALE_MAX)
    active_hours: float | None = Field(default=None, ge=0, le=MAX_HOURS)
    rest_hours: float | None = Field(default=None, ge=0, le=MAX_HOURS)
    rest_moments: int | None = Field(default=None, ge=0, le=MAX_REST_MOMENTS)
    #: the longest stretch of activity without a break, in hours (if the person noticed it)
    longest_stretch: float | None = Field(default=None, ge=0, le=MAX_HOURS)
    could: str = Field(default="", max_length=MAX_SHORT_CHARS)
    could_not: str = Field(default="", max_length=MAX_SHORT_CHARS)
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)

    @property
    def load(self) -> int | None:
        """How heavy the part of the day was: the heaviest of the three axes that were filled in."""
        values = [v for v in (self.physical, self.mental, self.emotional) if v is not None]
        return max(values) if values else None

    def is_empty(self) -> bool:
        return all(getattr(self, name) in (None, "") for name in _VALUE_FIELDS)


_VALUE_FIELDS = (
    "energy",
    *LOAD_AXES,
    "active_hours",
    "rest_hours",
    "rest_moments",
    "longest_stretch",
    "could",
    "could_not",
    "note",
)


class ActivityCost(Model):
    """What one activity cost: how heavy it was and how the person felt the next day or two.

    ``activity_id`` is the id of the tracker activity or the meeting (or a new id for a typed-in one);
    ``label`` and ``on`` are kept as they were when saved, so the journal still reads well when the
    activity itself is removed.
    """

    activity_id: str = Field(min_length=1, max_length=64)
    source: CostSource
    on: IsoDate
    label: str = Field(default="", max_length=MAX_SHORT_CHARS)
    kind: str = Field(default="", max_length=40)
    hours: float | None = Field(default=None, ge=0, le=MAX_HOURS)
    heaviness: int | None = Field(default=None, ge=0, le=SCALE_MAX)
    next_day: After | None = None
    day_after: After | None = None
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)


# --- checking what a person entered (a widget, the CLI) ---------------------------------------------------


def _score(value: object, field: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise InvalidInput(f"journal.error.{field}", maximum=SCALE_MAX) from None
    if not number.is_integer() or not 0 <= number <= SCALE_MAX:
        raise InvalidInput(f"journal.error.{field}", maximum=SCALE_MAX)
    return int(number)


def _hours(value: object, field: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise InvalidInput(f"journal.error.{field}", maximum=MAX_HOURS) from None
    if not math.isfinite(number) or not 0 <= number <= MAX_HOURS or not (number / HOUR_STEP).is_integer():
        raise InvalidInput(f"journal.error.{field}", maximum=MAX_HOURS)
    return number


def _count(value: object, field: str) -> int | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    if not text.isdigit() or int(text) > MAX_REST_MOMENTS:
        raise InvalidInput(f"journal.error.{field}", maximum=MAX_REST_MOMENTS)
    return int(text)


def _text(value: object, field: str, maximum: int) -> str:
    text = "" if value is None else str(value)
    if len(text) > maximum:
        raise InvalidInput(f"journal.error.{field}", maximum=maximum)
    return text.strip()


def check_day(day: object, as_of: date) -> date:
    """A check-in's day: a real date, not in the future (back-dating is fine)."""
    if not isinstance(day, date):
        raise InvalidInput("journal.error.no_date")
    if day > as_of:
        raise InvalidInput("journal.error.future_date")
    return day


def check_part(part: object) -> str:
    if part not in PARTS:
        raise InvalidInput("journal.error.bad_part")
    return str(part)


def check_in_from_values(values: Mapping[str, object], as_of: date) -> CheckIn:
    """A :class:`CheckIn` from widget or command-line values; raises ``InvalidInput`` (nothing is half-made).

    Hours go in quarter hours (1.25, not 1.3); scores are whole numbers from 0 to 10; an empty check-in
    (only a day and a part) is refused: there is nothing to keep.
    """
    entry = CheckIn(
        day=check_day(values.get("day"), as_of),
        part=check_part(values.get("part", "day")),  # type: ignore[arg-type]
        energy=_score(values.get("energy"), "energy"),
        physical=_score(values.get("physical"), "physical"),
        mental=_score(values.get("mental"), "mental"),
        emotional=_score(values.get("emotional"), "emotional"),
        active_hours=_hours(values.get("active_hours"), "active_hours"),
        rest_hours=_hours(values.get("rest_hours"), "rest_hours"),
        rest_moments=_count(values.get("rest_moments"), "rest_moments"),
        longest_stretch=_hours(values.get("longest_stretch"), "longest_stretch"),
        could=_text(values.get("could"), "could", MAX_SHORT_CHARS),
        could_not=_text(values.get("could_not"), "could_not", MAX_SHORT_CHARS),
        note=_text(values.get("note"), "note", MAX_NOTE_CHARS),
    )
    if entry.is_empty():
        raise InvalidInput("journal.error.empty")
    if (entry.active_hours or 0) + (entry.rest_hours or 0) > MAX_HOURS:
        raise InvalidInput("journal.error.over_24")
    if (
        entry.longest_stretch is not None
        and entry.active_hours is not None
        and entry.longest_stretch > entry.active_hours
    ):
        raise InvalidInput("journal.error.stretch_over_active")
    return entry


def cost_from_values(values: Mapping[str, object], as_of: date) -> ActivityCost:
    """An :class:`ActivityCost` from widget or command-line values; raises ``InvalidInput``."""
    source = values.get("source")
    if source not in get_args(CostSource):
        raise InvalidInput("journal.error.bad_activity")
    after = {name: values.get(name) or None for name in ("next_day", "day_after")}
    if any(value is not None and value not in AFTER_VALUES for value in after.values()):
        raise InvalidInput("journal.error.bad_after")
    kind = str(values.get("kind") or "")
    if source == "typed" and kind not in TYPED_KINDS:
        raise InvalidInput("journal.error.bad_kind")
    label = _text(values.get("label"), "label", MAX_SHORT_CHARS)
    activity_id = str(values.get("activity_id") or "")
    if not activity_id or len(activity_id) > 64:
        raise InvalidInput("journal.error.bad_activity")
    cost = ActivityCost(
        activity_id=activity_id,
        source=source,  # type: ignore[arg-type]
        on=check_day(values.get("on"), as_of),
        label=label,
        kind=kind[:40],
        hours=_hours(values.get("hours"), "hours"),
        heaviness=_score(values.get("heaviness"), "heaviness"),
        next_day=after["next_day"],  # type: ignore[arg-type]
        day_after=after["day_after"],  # type: ignore[arg-type]
        note=_text(values.get("note"), "note", MAX_NOTE_CHARS),
    )
    if cost.heaviness is None and cost.next_day is None and cost.day_after is None and cost.hours is None:
        raise InvalidInput("journal.error.cost_empty")
    return cost
