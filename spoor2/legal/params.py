"""Legal numbers as data: one place for "42 weeks", "28 days", "€100".

Each value in ``content/legal/parameters.yaml`` has the date it took effect and its
sources. It is a *list* of entries, not a mapping keyed by date (YAML silently keeps the
last duplicate key). :func:`legal_value` picks the entry in force on a given day and
fails loudly when none is.

>>> legal_value("wachttijd_weeks", date(2026, 1, 5))
104
>>> legal_value("wia_application_weeks_before_end", date(2013, 1, 1))
13
>>> legal_value("wia_application_weeks_before_end", date(2026, 1, 5))
11
"""

from __future__ import annotations

from datetime import date
from functools import cache

from spoor2.content_yaml import safe_load
from spoor2.errors import NoRuleApplies
from spoor2.model import IsoDate, Model, load_strict
from spoor2.paths import LEGAL_DIR


class LegalParameter(Model):
    name: str
    value: int | float
    unit: str
    valid_from: IsoDate
    sources: tuple[str, ...]
    note: str = ""


@cache
def all_parameters() -> tuple[LegalParameter, ...]:
    raw = safe_load((LEGAL_DIR / "parameters.yaml").read_text(encoding="utf-8"))
    return tuple(load_strict(LegalParameter, entry) for entry in raw)


def parameter(name: str, on: date) -> LegalParameter:
    """The entry for ``name`` in force on ``on``."""
    candidates = [p for p in all_parameters() if p.name == name and p.valid_from <= on]
    if not candidates:
        raise NoRuleApplies("no_parameter", name=name, on=on.isoformat())
    return max(candidates, key=lambda p: p.valid_from)


def legal_value(name: str, on: date) -> int:
    """The whole-number value of ``name`` on ``on`` (weeks, days, euros)."""
    return int(parameter(name, on).value)
