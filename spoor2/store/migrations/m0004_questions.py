"""Released empty: a placeholder for the questions feature that shipped before the feature did.

Databases made by that release record version 4 as applied, so this step must stay empty
(filling it now would never run there). The questions tables are created in
``m0005_questions``. Never renumber or change a released migration.
"""

STEPS: list[str] = []

OWNED_TABLES: list[str] = []
