"""ui.warm: the start-up warm-up thread starts once per process, after the first page, and each step works."""

from __future__ import annotations

import logging

from tests.support.apptest import assert_no_exception, in_fresh_process, open_page
from ui import warm


def test_every_step_succeeds(caplog) -> None:  # type: ignore[no-untyped-def]
    with caplog.at_level(logging.WARNING, logger=warm.LOG.name):
        warm.warm_up()
    assert caplog.records == []


def test_one_thread_per_process() -> None:
    assert warm.start() is warm.start()


def test_a_page_starts_it_and_the_libraries_are_loaded_after() -> None:
    code = (
        "import sys\n"
        "from tests.support.apptest import open_page\n"
        "from ui import warm\n"
        "assert warm._thread is None\n"
        "at = open_page('timeline.py')\n"
        "assert not at.exception\n"
        "warm._thread.join(timeout=300)\n"
        "missing = [m for m in (*warm.LIBRARIES, *warm.PAGE_MODULES) if m not in sys.modules]\n"
        "print(missing)\n"
    )
    assert in_fresh_process(code, timeout=600) == "[]"


def test_the_page_is_the_same_with_the_warm_up_done() -> None:
    warm.start().join(timeout=300)
    assert_no_exception(open_page("tracker.py"))
