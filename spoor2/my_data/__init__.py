"""My data: the archive format of "export everything" (``archive``). The SQL that reads and writes
every owned table lives in ``spoor2/store/my_data.py``; page: ``pages/my-data.py``;
CLI: ``python -m spoor2 my-data``; tests: ``tests/my_data/``."""
