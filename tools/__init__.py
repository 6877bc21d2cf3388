"""Developer tools that are no part of the app: ``make screenshots`` (tools/screenshots.py)."""
