"""The sections of /my-file about documents: my view (*oordeel werknemer*), the expert-opinion pack, the
whole file in one download."""

from __future__ import annotations
