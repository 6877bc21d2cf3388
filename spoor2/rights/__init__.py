"""Know your rights: the sourced topics, glossary and guided start (``topics``).
Texts: ``content/{en,nl}/rights/``; page: ``pages/rights.py``; tests: ``tests/rights/``."""
