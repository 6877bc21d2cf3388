"""Critical questions: the question bank with its conditions, documents and meetings (``bank``) and
the exports (``export``). Texts: ``content/{en,nl}/questions/``, letters in ``content/{en,nl}/letters/``;
page: ``pages/questions.py``; store: ``spoor2/store/questions.py``; tests: ``tests/questions/``."""
