"""My CV: a structured model, its rules, and one document (PDF, Word, preview) in the CV's own language.

A CV holds only what the person chooses to give. It never has a field for a diagnosis, a date of birth,
a nationality or a photo: an employer does not need them to judge the work, and leaving them out helps
equal treatment. Months are ``YYYY-MM`` text; a job without an end is the current job.

>>> parse_month("3-2019"), parse_month("2019-03"), parse_month(" 03/2019 "), parse_month("")
('2019-03', '2019-03', '2019-03', None)
>>> month_label("2019-03", "nl"), month_label("2019-03", "en")
('maart 2019', 'March 2019')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal

from spoor2.errors import InvalidInput
from spoor2.i18n import format_date
from spoor2.model import Model
from spoor2.orientation.questionnaires import SavedResult, dimension_name
from spoor2.render.text import multi_line, one_line

CvLang = Literal["en", "nl"]
CV_LANGS: tuple[str, ...] = ("en", "nl")
#: Language levels: the Common European Framework (CEFR) levels, and a mother tongue.
LEVELS: tuple[str, ...] = ("native", "c2", "c1", "b2", "b1", "a2", "a1")
MAX_NAME_CHARS = 100
MAX_SHORT_CHARS = 200
MAX_LONG_CHARS = 5_000
MAX_ROWS = 40
EARLIEST_YEAR = 1950
_MONTH_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})$")


class Personal(Model):
    """Personal details, every one optional: the person decides what a CV shows."""

    name: str = ""
    place: str = ""
    email: str = ""
    phone: str = ""


class Job(Model):
    employer: str = ""
    role: str = ""
    start: str  # YYYY-MM
    end: str | None = None  # None: the current job
    description: str = ""


class Education(Model):
    school: str = ""
    course: str = ""
    start: str | None = None
    end: str | None = None
    description: str = ""


class LanguageSkill(Model):
    language: str
    level: str


class CV(Model):
    personal: Personal = Personal()
    profile: str = ""
    jobs: tuple[Job, ...] = ()
    education: tuple[Education, ...] = ()
    skills: tuple[str, ...] = ()
    languages: tuple[LanguageSkill, ...] = ()
    strengths: tuple[str, ...] = ()


class CvVersion(Model):
    id: str
    name: str
    lang: CvLang
    cv: CV
    updated_at: str


# --- rules ------------------------------------------------------------------------------------------


def parse_month(value: object) -> str | None:
    """``MM-YYYY``, ``M/YYYY`` or ``YYYY-MM`` as ``YYYY-MM``; empty is None; anything else is refused."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    found = _MONTH_FIRST.match(text)
    month, year = (found.group(1), found.group(2)) if found else ("", "")
    if not found and (found := _YEAR_FIRST.match(text)):
        year, month = found.group(1), found.group(2)
    if not found or not 1 <= int(month) <= 12:
        raise InvalidInput("applying.error.bad_month", value=text[:20])
    return f"{int(year):04d}-{int(month):02d}"


def month_label(month: str, lang: str) -> str:
    year, number = month.split("-")
    return format_date(date(int(year), int(number), 1), lang, "MMMM y")


def _short(value: object, limit: int = MAX_SHORT_CHARS) -> str:
    text = one_line("" if value is None else str(value)).strip()
    if len(text) > limit:
        raise InvalidInput("applying.error.too_long", start=text[:30], maximum=limit)
    return text


def _long(value: object, limit: int = MAX_LONG_CHARS) -> str:
    text = multi_line("" if value is None else str(value)).strip()
    if len(text) > limit:
        raise InvalidInput("applying.error.too_long", start=one_line(text[:30]), maximum=limit)
    return text


def _lines(value: object) -> tuple[str, ...]:
    """One item per line (skills, strengths): blank lines and repeats go, each line a short text."""
    text = multi_line("" if value is None else str(value))
    if len(text) > MAX_LONG_CHARS:
        raise InvalidInput("applying.error.too_long", start=one_line(text[:30]), maximum=MAX_LONG_CHARS)
    items = [_short(line.lstrip("-*• ")) for line in text.split("\n")]
    kept = tuple(dict.fromkeys(item for item in items if item))
    if len(kept) > MAX_ROWS:
        raise InvalidInput("applying.error.too_many", maximum=MAX_ROWS)
    return kept


def _this_month(today: date) -> str:
    return f"{today.year:04d}-{today.month:02d}"


def _check_months(start: str | None, end: str | None, row: int, today: date, *, end_may_be_later: bool) -> None:
    now = _this_month(today)
    for month in (start, end):
        if month is not None and month < f"{EARLIEST_YEAR}-01":
            raise InvalidInput("applying.error.month_too_early", row=row, year=EARLIEST_YEAR)
    if start is not None and start > now:
        raise InvalidInput("applying.error.start_in_future", row=row)
    if start is not None and end is not None and end < start:
        raise InvalidInput("applying.error.end_before_start", row=row)
    if end is not None and end > now and not end_may_be_later:
        raise InvalidInput("applying.error.end_in_future", row=row)


def _rows(raw: object) -> list[Mapping[str, Any]]:
    rows = [r for r in (raw or []) if isinstance(r, Mapping) and any(str(v or "").strip() for v in r.values())]
    if len(rows) > MAX_ROWS:
        raise InvalidInput("applying.error.too_many", maximum=MAX_ROWS)
    return rows


def _job(raw: Mapping[str, Any], row: int, today: date) -> Job:
    employer, role = _short(raw.get("employer")), _short(raw.get("role"))
    start, end = parse_month(raw.get("start")), parse_month(raw.get("end"))
    if not employer and not role:
        raise InvalidInput("applying.error.job_needs_employer", row=row)
    if start is None:
        raise InvalidInput("applying.error.job_needs_start", row=row)
    _check_months(start, end, row, today, end_may_be_later=False)
    return Job(employer=employer, role=role, start=start, end=end, description=_long(raw.get("description")))


def _education(raw: Mapping[str, Any], row: int, today: date) -> Education:
    school, course = _short(raw.get("school")), _short(raw.get("course"))
    start, end = parse_month(raw.get("start")), parse_month(raw.get("end"))
    if not school and not course:
        raise InvalidInput("applying.error.education_needs_name", row=row)
    # a course still running may end later (the month you expect to finish)
    _check_months(start, end, row, today, end_may_be_later=True)
    return Education(school=school, course=course, start=start, end=end, description=_long(raw.get("description")))


def _language(raw: Mapping[str, Any], row: int) -> LanguageSkill:
    language, level = _short(raw.get("language")), raw.get("level")
    if not language:
        raise InvalidInput("applying.error.language_needs_name", row=row)
    if level not in LEVELS:
        raise InvalidInput("applying.error.unknown_level", row=row)
    return LanguageSkill(language=language, level=str(level))


def check_cv(raw: Mapping[str, Any], today: date) -> CV:
    """Every rule first: a CV from what the person typed, or :class:`InvalidInput` (nothing is saved)."""
    personal = raw.get("personal") or {}
    email = _short(personal.get("email"))
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise InvalidInput("applying.error.bad_email", value=email[:60])
    return CV(
        personal=Personal(
            name=_short(personal.get("name")),
            place=_short(personal.get("place")),
            email=email,
            phone=_short(personal.get("phone"), 40),
        ),
        profile=_long(raw.get("profile")),
        jobs=tuple(_job(r, n, today) for n, r in enumerate(_rows(raw.get("jobs")), start=1)),
        education=tuple(_education(r, n, today) for n, r in enumerate(_rows(raw.get("education")), start=1)),
        skills=_lines(raw.get("skills")),
        languages=tuple(_language(r, n) for n, r in enumerate(_rows(raw.get("languages")), start=1)),
        strengths=_lines(raw.get("strengths")),
    )


def check_name(value: object) -> str:
    name = _short(value, MAX_NAME_CHARS)
    if not name:
        raise InvalidInput("applying.error.empty_name")
    return name


def check_lang(value: object) -> str:
    if value not in CV_LANGS:
        raise InvalidInput("applying.error.unknown_lang")
    return str(value)


def add_strengths(current: Iterable[str], found: Iterable[str]) -> tuple[str, ...]:
    """The strengths with those from the orientation added once, in order.

    >>> add_strengths(["Planning"], ["Structure", "planning", "Autonomy"])
    ('Planning', 'Structure', 'Autonomy')
    """
    kept = list(current)
    seen = {item.casefold() for item in kept}
    for item in found:
        if item.casefold() not in seen:
            kept.append(item)
            seen.add(item.casefold())
    return tuple(kept)


def strengths_from(results: Iterable[SavedResult], lang: str) -> list[str]:
    """The themes that came out on top in the person's latest orientation results (interests, values),
    named in ``lang``: what "add my strengths from the orientation" adds."""
    found: list[str] = []
    for result in results:
        for dimension in result.result.top:
            found.append(dimension_name(lang, result.questionnaire, dimension))
    return found
