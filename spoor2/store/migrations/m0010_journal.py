"""Tables of the energy journal: check-ins and what activities cost.

Being built (not released yet): its steps may still change until its fixture database is written.
"""

STEPS: list[str] = []

OWNED_TABLES: list[str] = []
