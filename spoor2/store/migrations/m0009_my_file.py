"""Tables of the employee's own file: file-check answers, proposals, the employee's view, expert-opinion requests.

Being built (not released yet): its steps may still change until its fixture database is written.
"""

STEPS: list[str] = []

OWNED_TABLES: list[str] = []
