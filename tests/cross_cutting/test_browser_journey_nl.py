"""The whole path of ``test_browser_journey.py`` in Dutch, on a server of its own (a file of its own so that
the two test workers, ``--dist loadfile``, each take one language)."""

from __future__ import annotations

import pytest

from tests.support.browser import app_server, browser, page  # noqa: F401
from tests.support.journey import walk

pytestmark = pytest.mark.browser


def test_a_whole_path_exported_deleted_and_imported_back_in_dutch(page, app_server, tmp_path):  # noqa: F811
    walk(page, app_server, "nl", tmp_path)
