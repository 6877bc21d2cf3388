"""The personal Poortwachter timeline: the 104-week rules (``rules``), how a milestone is shown
(``view``) and its calendar export (``ics``). Texts: ``content/{en,nl}/ui/milestones.yaml``;
page: ``pages/timeline.py`` with ``ui/timeline.py``; store: ``spoor2/store/timeline.py``;
tests: ``tests/timeline/``; the rules explained: ``docs/rules.md``."""
