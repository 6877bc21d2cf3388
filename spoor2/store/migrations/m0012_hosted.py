"""Tables of the hosted mode: who an owner is at the identity provider, and consent-based adviser access.

Being built (not released yet): its steps may still change until its fixture database is written.
"""

STEPS: list[str] = []

OWNED_TABLES: list[str] = []
