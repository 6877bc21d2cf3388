"""Orientation: the questionnaires and their scoring (``questionnaires``) and the exports (``export``).
Texts: ``content/{en,nl}/orientation/``; page: ``pages/orientation.py``; store:
``spoor2/store/orientation.py``; tests: ``tests/orientation/``."""
