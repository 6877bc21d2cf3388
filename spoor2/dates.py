"""The one date module: calendar arithmetic that refuses to guess.

Working days follow the Algemene termijnenwet (Atw) art. 3: Monday–Friday except New
Year's Day, Good Friday, Easter Monday, King's Day, 5 May (every year), Ascension Day,
Whit Monday and both Christmas days. Strictly the Atw does not govern the 42-week report;
UWV's "werkdag" is read this way (docs/rules.md#working-day-shift) and the app
flags that assumption.

>>> easter_sunday(2026), easter_sunday(2027), easter_sunday(2028)
(datetime.date(2026, 4, 5), datetime.date(2027, 3, 28), datetime.date(2028, 4, 16))
>>> kings_day(2025), kings_day(2026)
(datetime.date(2025, 4, 26), datetime.date(2026, 4, 27))
>>> next_working_day(date(2026, 11, 22))          # Sunday -> Monday
datetime.date(2026, 11, 23)
>>> next_working_day(date(2026, 4, 3))            # Good Friday -> Tuesday after Easter Monday
datetime.date(2026, 4, 7)
>>> previous_working_day(date(2026, 12, 27))      # Sunday after Christmas -> Thursday 24 December
datetime.date(2026, 12, 24)
>>> add_weeks(date(2028, 2, 22), 1)               # through 29 February
datetime.date(2028, 2, 29)
>>> add_years(date(2028, 2, 29), 2)               # no 29 February in 2030: refuse to guess
Traceback (most recent call last):
...
ValueError: 2028-02-29 + 2 years has no same calendar day
>>> anniversary(date(2028, 2, 29), 2)             # the later reading, for a protection
datetime.date(2030, 3, 1)
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def kings_day(year: int) -> date:
    """King's Day: 27 April, or 26 April when the 27th is a Sunday (since 2014)."""
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == 6 else day


@cache
def public_holidays(year: int) -> frozenset[date]:
    """The Atw art. 3 holidays (plus Good Friday, as the issue and UWV practice list it)."""
    easter = easter_sunday(year)
    return frozenset(
        {
            date(year, 1, 1),  # Nieuwjaarsdag
            easter - timedelta(days=2),  # Goede Vrijdag
            easter + timedelta(days=1),  # tweede Paasdag
            kings_day(year),  # Koningsdag
            date(year, 5, 5),  # 5 mei, every year under the Atw
            easter + timedelta(days=39),  # Hemelvaartsdag
            easter + timedelta(days=50),  # tweede Pinksterdag
            date(year, 12, 25),  # eerste Kerstdag
            date(year, 12, 26),  # tweede Kerstdag
        }
    )


def is_working_day(day: date) -> bool:
    """Monday–Friday and not an Atw holiday.

    >>> is_working_day(date(2026, 5, 5)), is_working_day(date(2026, 5, 6))
    (False, True)
    """
    return day.weekday() < 5 and day not in public_holidays(day.year)


def next_working_day(day: date) -> date:
    """The first working day on or after ``day``."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def previous_working_day(day: date) -> date:
    """The last working day on or before ``day``."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def add_days(day: date, days: int) -> date:
    return day + timedelta(days=days)


def add_weeks(day: date, weeks: int) -> date:
    """Calendar weeks: always exactly 7 days each (no month arithmetic involved)."""
    return day + timedelta(weeks=weeks)


def add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later; raises where that day does not exist."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        raise ValueError(f"{day.isoformat()} + {years} years has no same calendar day") from None


def anniversary(day: date, years: int) -> date:
    """The day on which ``years`` full years starting on ``day`` have passed (negative: the
    same reading backwards). The app's one reading of "N years after" a day.

    A period of years that starts on ``day`` is complete at the end of the day before the
    anniversary. For 29 February in a year without one, the period runs through
    28 February, so the first day after it is **1 March** (never 28 February: for a
    protection such as the dismissal ban of BW 7:670 lid 1, "twee jaren", this is the later
    reading). Backwards, 29 February also reads as 1 March, so ``anniversary(d, -n)`` is the
    first day from which ``n`` years reach ``d``'s anniversary.

    >>> anniversary(date(2026, 1, 5), 2)
    datetime.date(2028, 1, 5)
    >>> anniversary(date(2028, 2, 29), 1), anniversary(date(2028, 2, 29), 4)
    (datetime.date(2029, 3, 1), datetime.date(2032, 2, 29))
    >>> anniversary(date(2028, 2, 29), -5)           # five years back from 29 February 2028
    datetime.date(2023, 3, 1)
    >>> anniversary(date(2027, 2, 28), 1)            # 28 February stays 28 February
    datetime.date(2028, 2, 28)
    """
    try:
        return add_years(day, years)
    except ValueError:
        return date(day.year + years, 3, 1)


def parse_iso_date(text: str) -> date:
    """A strict ``YYYY-MM-DD`` date (no times, no other formats).

    >>> parse_iso_date("2026-01-05")
    datetime.date(2026, 1, 5)
    >>> parse_iso_date("5-1-2026")
    Traceback (most recent call last):
    ...
    ValueError: not a YYYY-MM-DD date: '5-1-2026'
    """
    cleaned = text.strip()
    if len(cleaned) != 10 or cleaned[4] != "-" or cleaned[7] != "-":
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}") from None
