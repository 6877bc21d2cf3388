"""One base for every domain model: frozen, strict, closed — and one way to load data into it.

Data from YAML files and database rows is validated *strictly, as JSON* (:func:`load_strict`):
an ISO date string becomes a date, but an integer never does (lax mode would turn a stray ``0``
into 1970-01-01), a list is accepted for a tuple field, and an unknown key is refused.

A date field is an :data:`IsoDate`: in JSON mode pydantic also reads the *text* ``"0"`` as a Unix
time (1970-01-01), and SQLite keeps a stray ``0`` in a TEXT column as ``"0"``; an ``IsoDate`` takes
only ``YYYY-MM-DD``.

Nothing inside a frozen model can change: sequences are tuples, and a mapping is a
:class:`FrozenMap` (read-only, hashable, validated from and serialised as a dict).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Annotated, Any, TypeVar, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, GetCoreSchemaHandler, ValidationInfo
from pydantic_core import core_schema


class Model(BaseModel):
    """Frozen, strict and closed: the shape of every model at the core of ``spoor2``."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


M = TypeVar("M", bound=BaseModel)
K = TypeVar("K")
V = TypeVar("V")

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_day(value: Any, info: ValidationInfo) -> Any:
    """In JSON mode: ``YYYY-MM-DD`` text becomes a date; any other value is left for the strict date check
    (which refuses it: text and numbers are not dates). Python mode is untouched: a date must be a date."""
    if info.mode == "json" and isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return date.fromisoformat(value)
    return value


#: The type of every date field: strict, and from JSON only ISO text (never ``"0"`` as 1970-01-01).
IsoDate = Annotated[date, BeforeValidator(iso_day)]


def freeze(value: Any) -> Any:
    """Lists (and tuples) become tuples and dicts FrozenMaps, all the way down.

    >>> freeze({"all": [{"week_at_least": 46}]})
    FrozenMap({'all': (FrozenMap({'week_at_least': 46}),)})
    """
    if isinstance(value, FrozenMap):
        return value
    if isinstance(value, dict):
        return FrozenMap(value)
    if isinstance(value, list) or type(value) is tuple:
        return tuple(freeze(item) for item in value)
    return value


def thaw(value: Any) -> Any:
    """FrozenMaps become dicts again, all the way down (tuples stay tuples, as pydantic dumps them)."""
    if isinstance(value, FrozenMap):
        return {key: thaw(item) for key, item in value.items()}
    if type(value) is tuple:
        return tuple(thaw(item) for item in value)
    return value


class FrozenMap(Mapping[K, V]):
    """A read-only mapping for a field of a frozen model (``FrozenMap[str, str]`` instead of ``dict``).

    As a field it is validated like ``dict[K, V]`` (strictly, like everything else) and dumped as a
    dict; nested lists become tuples and nested dicts FrozenMaps. It equals a dict with the same items.

    >>> answers = FrozenMap({"days": ["mon", "thu"]})
    >>> answers["days"], answers == {"days": ("mon", "thu")}
    (('mon', 'thu'), True)
    >>> answers["days"] = ()
    Traceback (most recent call last):
    ...
    TypeError: 'FrozenMap' object does not support item assignment
    >>> class Situation(Model):
    ...     answers: FrozenMap[str, str] = FrozenMap()
    >>> Situation(answers={"spoor2_started": "no"}).model_dump()
    {'answers': {'spoor2_started': 'no'}}
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V] | None = None) -> None:
        self._data: dict[K, V] = {key: freeze(value) for key, value in (data or {}).items()}

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        args = get_args(source)
        as_dict = handler.generate_schema(dict[args[0], args[1]] if args else dict)  # type: ignore[valid-type]

        def unwrap(value: Any) -> Any:
            # a FrozenMap passed on (from another model) is checked again as the dict it holds
            return dict(value._data) if isinstance(value, FrozenMap) else value

        # (no function before the dict check in JSON mode: its items are then checked as JSON, ISO dates included)
        return core_schema.json_or_python_schema(
            json_schema=core_schema.no_info_after_validator_function(cls, as_dict),
            python_schema=core_schema.no_info_after_validator_function(
                cls, core_schema.no_info_before_validator_function(unwrap, as_dict)
            ),
            serialization=core_schema.plain_serializer_function_ser_schema(thaw, return_schema=as_dict),
        )


def _json_default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON data: {type(value).__name__}")


def load_strict(model: type[M], data: Any) -> M:
    """Validate Python data (from YAML or a row) strictly in JSON mode.

    >>> from datetime import date
    >>> class Day(Model):
    ...     on: IsoDate
    >>> load_strict(Day, {"on": "2024-02-29"}).on
    datetime.date(2024, 2, 29)
    >>> load_strict(Day, {"on": date(2024, 2, 29)}).on
    datetime.date(2024, 2, 29)
    >>> load_strict(Day, {"on": 0})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Day
    ...
    >>> load_strict(Day, {"on": "0"})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Day
    ...
    >>> load_strict(Day, {"on": "2025-02-29"})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Day
    ...
    """
    return model.model_validate_json(json.dumps(data, default=_json_default), strict=True)


def load_strict_json(model: type[M], text: str | bytes) -> M:
    """Validate stored JSON text strictly (ISO dates accepted, integers for dates refused)."""
    return model.model_validate_json(text, strict=True)
