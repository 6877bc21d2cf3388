"""The my file data of one owner (SQL only here; the rules live in ``spoor2/my_file/``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spoor2.store import Store

#: Per owned table of this capability: how the app reads it back (used to check an import, see
#: :func:`spoor2.store.my_data._check_readable`).
READERS: dict[str, Callable[[Store], Any]] = {}
