"""One base for every domain model: frozen, strict, closed — and one way to load data into it.

Data from YAML files and database rows is validated *strictly, as JSON* (:func:`load_strict`):
an ISO date string becomes a date, but an integer never does (lax mode would turn a stray ``0``
into 1970-01-01), a list is accepted for a tuple field, and an unknown key is refused.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Frozen, strict and closed: the shape of every model at the core of ``spoor2``."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


M = TypeVar("M", bound=BaseModel)


def _json_default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON data: {type(value).__name__}")


def load_strict(model: type[M], data: Any) -> M:
    """Validate Python data (from YAML or a row) strictly in JSON mode.

    >>> from datetime import date
    >>> class Day(Model):
    ...     on: date
    >>> load_strict(Day, {"on": "2024-02-29"}).on
    datetime.date(2024, 2, 29)
    >>> load_strict(Day, {"on": date(2024, 2, 29)}).on
    datetime.date(2024, 2, 29)
    >>> load_strict(Day, {"on": 0})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Day
    ...
    """
    return model.model_validate_json(json.dumps(data, default=_json_default), strict=True)


def load_strict_json(model: type[M], text: str | bytes) -> M:
    """Validate stored JSON text strictly (ISO dates accepted, integers for dates refused)."""
    return model.model_validate_json(text, strict=True)
