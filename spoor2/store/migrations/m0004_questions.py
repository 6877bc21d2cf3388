"""Reserved for its issue (questions); fill STEPS and OWNED_TABLES. Never renumber once released."""

STEPS: list[str] = []

OWNED_TABLES: list[str] = []
