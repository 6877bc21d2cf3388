"""Domain errors that a person can act on.

Every error carries a ``code`` (a key under ``error.`` in the UI catalogue) and the
parameters for its message, so pages and the CLI can show it in the user's language.
"""

from __future__ import annotations

from typing import Any


class Spoor2Error(Exception):
    """Base class: a clear, translatable message; never a traceback for the user."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    def message(self, lang: str = "en") -> str:
        from spoor2.i18n import t

        # A code with a dot is a full catalogue key ("tracker.error.bad_type"); else it lives under "error.".
        key = self.code if "." in self.code else f"error.{self.code}"
        return t(lang, key, **self.params)

    def __str__(self) -> str:
        try:
            return self.message("en")
        except Exception:  # pragma: no cover - only if the catalogue itself is broken
            return f"{self.code} {self.params}"


class InvalidInput(Spoor2Error):
    """The user's input breaks a rule (end before start, sanction over 52 weeks, …)."""


class NoRuleApplies(Spoor2Error):
    """No legal rule covers the situation; we refuse to guess."""


class ImportRejected(Spoor2Error):
    """An import file was rejected as a whole; ``problems`` lists every bad row."""

    def __init__(self, code: str, problems: list[tuple[int, str, dict[str, Any]]] | None = None, **params: Any):
        super().__init__(code, **params)
        #: (row number, error code, params) per bad row
        self.problems = problems or []
