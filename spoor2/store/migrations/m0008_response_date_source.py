"""Where an activity's response date comes from: ``entered`` (by the person or their file) or
``inferred`` (the portal set the day the status became interview, offer or rejected).

Earlier versions set that day without saying so. A response date that equals the day its row was
written or last changed is most likely the portal's guess and is marked ``inferred``; others are
``entered``. An inferred date stays marked until the person confirms or corrects it, and the
statistics say how many of their dates are inferred.
"""

STEPS = [
    "ALTER TABLE activities ADD COLUMN response_date_source TEXT",
    """UPDATE activities SET response_date_source = CASE
        WHEN response_date = substr(created_at, 1, 10) OR response_date = substr(updated_at, 1, 10)
        THEN 'inferred' ELSE 'entered' END
       WHERE response_date IS NOT NULL""",
]

OWNED_TABLES: list[str] = []
