"""After the new start: the old contract, sick again soon after, and the check-ins at 1, 3 and 6 months.

The texts live in ``content/applying/after_start.yaml`` (English and Dutch side by side, with sources, like
``routes.yaml``). The person's answers to the check-in questions are kept by ``spoor2/store/applying.py``
(table ``after_start_checkins``); the start date of the new job is a setting.

When a check-in is due is a pure function of the start date (:func:`checkin_due`): the start date plus 1, 3
or 6 calendar months, on the same day of the month. When that month has no such day (a start on the 31st,
or on 29 or 30 January for February), the check-in is due on the last day of that month: it never slips
into the month after.

>>> checkin_due(date(2026, 1, 31), 1)
datetime.date(2026, 2, 28)
"""

from __future__ import annotations

import calendar
from datetime import date
from functools import cache
from typing import Any, Literal

from pydantic import Field

from spoor2.applying.routes import InfoItem, unique_ids
from spoor2.content_yaml import safe_load
from spoor2.errors import InvalidInput
from spoor2.i18n import normalise_lang
from spoor2.model import FrozenMap, IsoDate, Model, load_strict
from spoor2.paths import CONTENT_DIR

AFTER_START_FILE = CONTENT_DIR / "applying" / "after_start.yaml"

#: The check-in points, in months after the start date.
CHECKPOINTS: tuple[int, ...] = (1, 3, 6)
#: The longest answer to one question (a long paragraph; the page says so).
MAX_ANSWER_CHARS = 4_000
#: The earliest and latest start date the page accepts (a typo like 0226 is refused, not stored).
EARLIEST_START = date(2000, 1, 1)
LATEST_START_YEARS_AHEAD = 2

CheckinState = Literal["upcoming", "due", "past"]


class Question(Model):
    id: str
    en: str = Field(min_length=1)
    nl: str = Field(min_length=1)

    def text(self, lang: str) -> str:
        return self.en if normalise_lang(lang) == "en" else self.nl


class AfterStartContent(Model):
    last_checked: IsoDate
    old_contract: tuple[InfoItem, ...]
    sick_again: tuple[InfoItem, ...]
    checkins: FrozenMap[int, tuple[Question, ...]]

    def questions(self, checkpoint: int) -> tuple[Question, ...]:
        return self.checkins[checkpoint]


class CheckinAnswer(Model):
    """The person's answer to one check-in question."""

    checkpoint: int
    question_id: str
    answer: str
    answered_on: IsoDate


def parse_after_start(raw: dict[str, Any]) -> AfterStartContent:
    content = load_strict(AfterStartContent, raw)
    if tuple(sorted(content.checkins)) != CHECKPOINTS:
        raise ValueError(f"after_start.yaml: check-ins must be {CHECKPOINTS}")
    unique_ids((*content.old_contract, *content.sick_again), "after_start")
    for checkpoint in CHECKPOINTS:
        unique_ids(content.questions(checkpoint), f"check-in {checkpoint}")
    return content


@cache
def load_after_start() -> AfterStartContent:
    return parse_after_start(safe_load(AFTER_START_FILE.read_text(encoding="utf-8")) or {})


def add_months(start: date, months: int) -> date:
    """``start`` plus whole calendar months; the last day of the month when that day does not exist.

    >>> add_months(date(2026, 8, 31), 1), add_months(date(2027, 11, 30), 3)
    (datetime.date(2026, 9, 30), datetime.date(2028, 2, 29))
    """
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def checkin_due(start: date, checkpoint: int) -> date:
    """The day the check-in ``checkpoint`` (1, 3 or 6 months) is due for a job that started on ``start``."""
    if checkpoint not in CHECKPOINTS:
        raise InvalidInput("routes.error.unknown_checkpoint", checkpoint=checkpoint)
    return add_months(start, checkpoint)


def checkin_state(start: date, checkpoint: int, today: date) -> CheckinState:
    """``upcoming`` before the due day; ``due`` from the due day until the next check-in is due (the last one:
    for a month); ``past`` after that. Answering is possible in every state."""
    due = checkin_due(start, checkpoint)
    if today < due:
        return "upcoming"
    later = [point for point in CHECKPOINTS if point > checkpoint]
    until = checkin_due(start, later[0]) if later else add_months(due, 1)
    return "due" if today < until else "past"


def check_start_date(start: date, today: date) -> None:
    latest = add_months(today, 12 * LATEST_START_YEARS_AHEAD)
    if not EARLIEST_START <= start <= latest:
        raise InvalidInput("routes.error.start_range", earliest=EARLIEST_START.isoformat(), latest=latest.isoformat())


def check_answer(answer: CheckinAnswer) -> None:
    """A real question of a real check-in, and an answer of a sensible length (empty = no answer)."""
    content = load_after_start()
    if answer.checkpoint not in CHECKPOINTS:
        raise InvalidInput("routes.error.unknown_checkpoint", checkpoint=answer.checkpoint)
    if answer.question_id not in {question.id for question in content.questions(answer.checkpoint)}:
        raise InvalidInput("routes.error.unknown_question", question=answer.question_id[:60])
    if len(answer.answer) > MAX_ANSWER_CHARS:
        raise InvalidInput("routes.error.answer_too_long", maximum=MAX_ANSWER_CHARS)


def all_source_ids() -> set[str]:
    content = load_after_start()
    return {source for item in (*content.old_contract, *content.sick_again) for source in item.sources}
