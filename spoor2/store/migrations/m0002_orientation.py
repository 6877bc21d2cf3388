"""Reserved for its issue (orientation); fill STEPS and OWNED_TABLES. Never renumber once released."""

STEPS: list[str] = []

OWNED_TABLES: list[str] = []
