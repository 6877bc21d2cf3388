"""The typical day, written for the doctor: an average day and a bad day "in maat en getal".

The UWV insurance doctor and the company doctor ask for a *dagverhaal*: an average day, in measure and
number (how long you can keep something up, your rest moments, how long you need to recover, how much
days vary). This module writes one from the journal (:func:`typical_day_text`, first person, in the
reader's language) and renders the text the person edited as one page (:func:`typical_day_document`).
With fewer than :data:`MIN_DAYS` recorded days it says plainly that there is too little to go on.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.numbers import format_decimal

from spoor2.errors import InvalidInput
from spoor2.i18n import LOCALES, format_date, normalise_lang, t
from spoor2.journal.pattern import Day, Pattern, pattern_of, spread, worst_days
from spoor2.render.document import Caption, Document, Heading, Paragraph, UserText

#: fewer recorded days than this is too little to describe a typical day
MIN_DAYS = 7
#: the longest typical day the person may keep (about four A4 pages; UWV advises half a page)
MAX_TEXT_CHARS = 10_000
#: the sources the text rests on (the dagverhaal advice; what the employer may not know)
SOURCES = ("journal_dagverhaal", "rights_ap_policy_rules")


@lru_cache(maxsize=2048)  # pure, and a page shows one for every day (babel's formatting is slow: issue 19)
def number(value: float, lang: str) -> str:
    """A number as people read it, at most two decimals (quarter hours stay exact): ``2,5`` in Dutch.

    >>> number(2.5, "nl"), number(3.0, "en"), number(1.25, "en"), number(13 / 3, "en")
    ('2,5', '3', '1.25', '4.33')
    """
    return format_decimal(round(value, 2), format="#,##0.##", locale=LOCALES[normalise_lang(lang)])


def _average_day(p: Pattern, lang: str) -> list[str]:
    k = "journal.typical.average"
    lines = [t(lang, f"{k}.title")]
    if p.energy:
        lines.append(t(lang, f"{k}.energy", value=number(p.energy.median, lang), days=p.energy.count))
    if p.active:
        lines.append(t(lang, f"{k}.active", value=number(p.active.median, lang), days=p.active.count))
    if p.rest:
        lines.append(t(lang, f"{k}.rest", value=number(p.rest.median, lang), days=p.rest.count))
    if p.moments:
        lines.append(t(lang, f"{k}.moments", value=number(p.moments.median, lang), days=p.moments.count))
    if p.stretch:
        lines.append(
            t(lang, f"{k}.stretch", value=number(p.stretch.median, lang), longest=number(p.stretch.high, lang))
        )
    return lines


def _bad_day(days: list[Day], lang: str) -> list[str]:
    worst = worst_days(days)
    if not worst:
        return []
    k = "journal.typical.bad"
    counted = sum(1 for d in days if d.energy is not None)
    lines = [t(lang, f"{k}.title", count=len(worst), of=counted)]
    energy, active, moments = (spread(getattr(d, f) for d in worst) for f in ("energy", "active_hours", "rest_moments"))
    if energy:
        lines.append(t(lang, f"{k}.energy", value=number(energy.median, lang)))
    if active:
        lines.append(t(lang, f"{k}.active", value=number(active.median, lang)))
    if moments:
        lines.append(t(lang, f"{k}.moments", value=number(moments.median, lang)))
    return lines


def _recovery_and_variation(p: Pattern, lang: str) -> list[str]:
    k = "journal.typical"
    lines: list[str] = []
    known = p.recovery
    if known:
        lines.append(
            t(
                lang,
                f"{k}.recovery",
                count=known.count,
                median=number(known.median, lang),
                low=number(known.low, lang),
                high=number(known.high, lang),
            )
        )
    elif p.heavy_days:
        lines.append(t(lang, f"{k}.recovery_unknown", count=p.heavy_days))
    if p.energy:
        lines.append(t(lang, f"{k}.energy_range", low=number(p.energy.low, lang), high=number(p.energy.high, lang)))
    if p.active:
        lines.append(t(lang, f"{k}.active_range", low=number(p.active.low, lang), high=number(p.active.high, lang)))
    return lines


def typical_day_text(all_days: list[Day], start: date, end: date, lang: str) -> str:
    """The generated typical day for ``start``–``end``: paragraphs separated by a blank line."""
    days = [d for d in all_days if start <= d.day <= end]
    p = pattern_of(all_days, start, end)
    period = t(lang, "journal.typical.period", start=format_date(start, lang), end=format_date(end, lang), count=p.days)
    paragraphs = [period]
    if p.days < MIN_DAYS:
        paragraphs.append(t(lang, "journal.typical.too_little", minimum=MIN_DAYS, count=p.days))
    else:
        paragraphs.append(" ".join(_average_day(p, lang)))
        bad = _bad_day(days, lang)
        if bad:
            paragraphs.append(" ".join(bad))
        rest = _recovery_and_variation(p, lang)
        if rest:
            paragraphs.append(" ".join(rest))
    paragraphs.append(t(lang, "journal.typical.own_record"))
    return "\n\n".join(paragraphs)


def check_typical_text(text: object) -> str:
    """The person's edited typical day: text of at most :data:`MAX_TEXT_CHARS`, not empty."""
    body = "" if text is None else str(text)
    if len(body) > MAX_TEXT_CHARS:
        raise InvalidInput("journal.error.typical", maximum=MAX_TEXT_CHARS)
    if not body.strip():
        raise InvalidInput("journal.error.typical_empty")
    return body


def typical_day_document(text: str, lang: str, as_of: date) -> Document:
    """One page with the person's (edited) text, exactly as typed, for PDF and Word."""
    title = t(lang, "journal.typical.doc_title")
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    blocks = [
        Heading(title),
        *(Paragraph(UserText(part)) for part in paragraphs),
        Caption(t(lang, "journal.typical.doc_made_on", date=format_date(as_of, lang))),
    ]
    return Document(title, tuple(blocks))
