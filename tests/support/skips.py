"""Skipping with a visible reason outside CI, failing under ``CI=true`` (where everything must run)."""

from __future__ import annotations

import os

import pytest


def skip_unless_ci(reason: str) -> None:
    """Skip with ``reason`` on a developer's machine; under ``CI=true`` a missing prerequisite fails."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true, but {reason}")
    pytest.skip(reason)
