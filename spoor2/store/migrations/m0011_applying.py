"""Tables of applying for work: CV versions, letters, interview stories and notes, after-start check-ins.

Being built (not released yet): its steps may still change until its fixture database is written.
"""

STEPS: list[str] = []

OWNED_TABLES: list[str] = []
