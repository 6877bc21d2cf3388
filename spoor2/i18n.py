"""The language layer: one UI string catalogue per language, and locale-aware dates.

The catalogue of a language is ``content/<lang>/ui/*.yaml``; each file is a namespace
(``timeline.yaml`` holds the keys ``timeline.*``). English and Dutch must have exactly
the same keys and the same ``{placeholders}`` — a test enforces it.

A message that depends on a number is written with its CLDR plural forms (``one``, ``other``),
chosen by the ``count`` parameter, or by the parameter named in ``by``::

    deleted:
      one: "{count} activity deleted."
      other: "{count} activities deleted."

>>> t("en", "common.app_name")
'Spoor 2 self-help portal'
>>> format_date(date(2026, 1, 5), "nl")
'5 januari 2026'
>>> format_date(date(2026, 1, 5), "en")
'5 January 2026'
"""

from __future__ import annotations

import string
from datetime import date
from functools import cache
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date as _babel_format_date

from spoor2.content_yaml import safe_load
from spoor2.paths import CONTENT_DIR

Lang = Literal["en", "nl"]
LANGS: tuple[Lang, ...] = ("en", "nl")
DEFAULT_LANG: Lang = "en"
LOCALES = {"en": "en_GB", "nl": "nl_NL"}
#: Each language's name in itself (the language selector shows both, whatever the page language).
LANG_NAMES: dict[Lang, str] = {"en": "English", "nl": "Nederlands"}


def normalise_lang(value: object) -> Lang:
    """Any value (a query parameter, a widget) to a supported language; unknown → English.

    >>> normalise_lang("NL"), normalise_lang(["nl"]), normalise_lang("de"), normalise_lang(None)
    ('nl', 'nl', 'en', 'en')
    """
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    text = str(value or "").strip().lower()
    return "nl" if text == "nl" else "en"


def _flatten(prefix: str, node: Any, out: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), value, out)
    elif isinstance(node, str):
        out[prefix] = node
    else:
        # YAML 1.1 reads an unquoted Yes/No/On/Off as a boolean and 12 as a number: a user would
        # see "True". Every message must be written as text (quote it in the YAML file).
        raise ValueError(f"UI string {prefix!r} is {type(node).__name__} {node!r}, not text: quote it")


@cache
def catalogue(lang: Lang) -> dict[str, str]:
    """All UI strings of a language, flattened to dotted keys."""
    out: dict[str, str] = {}
    folder = CONTENT_DIR / lang / "ui"
    for path in sorted(folder.glob("*.yaml")):
        data = safe_load(path.read_text(encoding="utf-8")) or {}
        _flatten(path.stem, data, out)
    return out


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a message expects.

    >>> sorted(placeholders("Week {week} of {total}"))
    ['total', 'week']
    """
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def templates(lang: str, key: str) -> tuple[str, ...]:
    """Every form of a message: one text, or its plural forms; empty when the key is unknown.

    >>> templates("en", "tracker.table.deleted")
    ('{count} activity deleted.', '{count} activities deleted.')
    """
    messages = catalogue(normalise_lang(lang))
    if key in messages:
        return (messages[key],)
    forms = tuple(messages[f"{key}.{form}"] for form in PLURAL_FORMS if f"{key}.{form}" in messages)
    return forms if f"{key}.one" in messages and f"{key}.other" in messages else ()


def has(lang: Lang, key: str) -> bool:
    return bool(templates(lang, key))


PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


def plural_form(lang: str, number: int) -> str:
    """The CLDR plural category of ``number`` in ``lang`` (Babel's rules).

    >>> plural_form("en", 1), plural_form("en", 0), plural_form("nl", 1), plural_form("nl", 2)
    ('one', 'other', 'one', 'other')
    """
    return Locale.parse(LOCALES[normalise_lang(lang)]).plural_form(abs(number))


def _message(lang: Lang, key: str, params: dict[str, Any]) -> str | None:
    messages = catalogue(lang)
    if key in messages:
        return messages[key]
    if f"{key}.one" not in messages or f"{key}.other" not in messages:
        return None  # not a plural message (an id such as ``tracker.type.other`` is no plural form)
    number = params.get(messages.get(f"{key}.by", "count"))
    form = plural_form(lang, number) if isinstance(number, int) and not isinstance(number, bool) else "other"
    return messages.get(f"{key}.{form}") or messages[f"{key}.other"]


def t(lang: str, key: str, **params: Any) -> str:
    """The message ``key`` in ``lang``, filled with ``params`` (its plural form chosen by the number).

    A missing key falls back to English and then to the key itself, so a page never
    crashes on a missing string (the parity test catches it before release).
    """
    lang = normalise_lang(lang)
    text = _message(lang, key, params) or _message(DEFAULT_LANG, key, params)
    if text is None:
        return key
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def format_date(value: date | None, lang: str, fmt: str = "long") -> str:
    """A date as people read it: ``5 januari 2026`` / ``5 January 2026``; ``medium``/``short`` too."""
    if value is None:
        return "—"
    return _babel_format_date(value, format=fmt, locale=LOCALES[normalise_lang(lang)])


def format_weekday_date(value: date, lang: str) -> str:
    """``maandag 5 januari 2026`` / ``Monday 5 January 2026``."""
    return _babel_format_date(value, format="EEEE d MMMM y", locale=LOCALES[normalise_lang(lang)])
