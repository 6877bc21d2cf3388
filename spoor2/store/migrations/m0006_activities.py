"""Job-search activities (the tracker): built by the tracker issue. Fill STEPS and OWNED_TABLES."""

STEPS: list[str] = []

OWNED_TABLES: list[str] = []
