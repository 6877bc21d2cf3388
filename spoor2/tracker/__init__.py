"""The activity tracker: validated job-search activities, targets and statistics (``activities``),
CSV/XLSX/JSON import and CSV/XLSX/JSON/PDF/.ics export (``import_export``). Page: ``pages/tracker.py``;
store: ``spoor2/store/tracker.py``; CLI: ``python -m spoor2 tracker``; tests: ``tests/tracker/``."""
