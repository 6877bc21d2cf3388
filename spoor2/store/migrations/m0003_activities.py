"""Released empty: a placeholder for the activities feature that shipped before the feature did.

Databases made by that release record version 3 as applied, so this step must stay empty
(filling it now would never run there). The activities tables are created in
``m0006_activities``. Never renumber or change a released migration.
"""

STEPS: list[str] = []

OWNED_TABLES: list[str] = []
