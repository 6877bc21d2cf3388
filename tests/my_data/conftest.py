"""The /my-data page on both stores: ``person`` is the person the page under AppTest shows.

* ``sqlite``: the local app — the SQLite file of the test's data folder, no login (as ``make run``).
* ``postgresql``: the hosted app — ``SPOOR2_DATABASE_URL`` names a database of this module (through the app
  role, under row-level security), an ``[auth]`` section is in the secrets and the person is logged in, so
  the page shows their view of the shared store (``ui.frame.get_store`` → ``ui.auth.person_store``).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from spoor2.store import Store
from tests.hosted.test_auth import AUTH, ISSUER
from tests.support.apptest import APP, open_page
from ui.auth import owner_id_for


@dataclass
class Person:
    backend: str
    #: the person's own store, as the page opens it (the same rows, seen from the test)
    store: Store
    _open: Callable[[str], AppTest]

    def open(self, lang: str = "en") -> AppTest:
        """/my-data in ``lang``, as this person (logged in on the hosted store)."""
        return self._open(lang)


def _hosted_page(subject: str, login: str, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "iss": ISSUER, "sub": subject, "email": login, "iat": int(time.time())}
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/my-data.py").run()
    return at


@pytest.fixture
def person(backend: str, data_dir: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Person:
    if backend == "sqlite":
        return Person(backend, Store(data_dir / "spoor2.sqlite3"), lambda lang: open_page("my-data.py", lang=lang))
    database = request.getfixturevalue("pg_pool").take("page")
    monkeypatch.setenv("SPOOR2_DATABASE_URL", database.app_url)
    subject = f"anna-{uuid.uuid4().hex[:8]}"
    login = f"{subject}@voorbeeld.nl"
    store = Store(database.app_url).for_owner(owner_id_for(ISSUER, subject), login=login)
    request.addfinalizer(store.close)
    return Person(backend, store, lambda lang: _hosted_page(subject, login, lang))
