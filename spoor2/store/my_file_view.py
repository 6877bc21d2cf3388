"""The person's view (*oordeel werknemer*) and expert-opinion requests of one owner (SQL only here; the
rules live in ``spoor2/my_file/view.py`` and ``spoor2/my_file/expert.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spoor2.store import Store

#: Per owned table of this capability: how the app reads it back (used to check an import, see
#: :func:`spoor2.store.my_data._check_readable`).
READERS: dict[str, Callable[[Store], Any]] = {}


def view_written(store: Store) -> bool:
    """Whether the person has written (and dated) their view for the reintegration report."""
    return False  # replaced by the view's own store functions (issue 14, part 2)
