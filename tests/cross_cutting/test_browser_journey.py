"""A new person's whole path in Chromium, once per language (issue 19, "whole journeys"): English here,
Dutch in ``test_browser_journey_nl.py``.

On an empty app: enter a first sick day on /timeline and save → open a topic on /rights → answer a
questionnaire screen on /orientation and save it → add an activity on /tracker → answer a check item and add
a proposal on /my-file → record a check-in on /journal → add an own question on /questions → export everything
on /my-data (a real zip download) → delete everything (with the confirmation) → every page is empty again →
import the downloaded zip → everything is back on the pages (the sick day, the answers, the activity, the
proposal, the check-in, the question), and a second export holds the same content as the first.

Screenshots of every step are kept as test artefacts: ``$SPOOR2_ARTIFACTS/journey/<lang>/NN-<step>.png``,
or ``test-artifacts/journey/<lang>/NN-<step>.png`` in the checkout when ``SPOOR2_ARTIFACTS`` is not set
(git-ignored). They are overwritten on every run.
"""

from __future__ import annotations

import pytest

from tests.support.browser import app_server, browser, page  # noqa: F401
from tests.support.journey import walk

pytestmark = pytest.mark.browser


def test_a_whole_path_exported_deleted_and_imported_back(page, app_server, tmp_path):  # noqa: F811
    walk(page, app_server, "en", tmp_path)
