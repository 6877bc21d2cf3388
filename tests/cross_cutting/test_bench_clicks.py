"""bench/clicks.py's arithmetic (the browser run itself is a benchmark: ``python -m bench.clicks``)."""

from __future__ import annotations

import os

import pytest

from bench.clicks import Samples, cpu_seconds, report


def test_cpu_seconds_reads_utime_and_stime_after_a_command_with_parentheses():
    line = "7 (a (b) c) S 1 1 1 0 -1 0 0 0 0 0 250 50 0 0 20 0 1 0"
    assert cpu_seconds(line) == pytest.approx(300 / os.sysconf("SC_CLK_TCK"))


def test_the_report_gives_medians_ratios_and_first_visits_apart():
    bare, app = Samples(), Samples()
    for samples, first, later in ((bare, 0.3, (0.1, 0.12, 0.5)), (app, 0.9, (0.25, 0.3, 0.2))):
        for page in ("home", "rights"):
            samples.add(page, {"chromium": first, "main thread": first / 2, "server": 0.02}, first=True)
            for x in later:
                samples.add(page, {"chromium": x, "main thread": x / 2, "server": 0.03}, first=False)
    lines = report(bare, app, ["home", "rights"], 3)
    rights = lines[-1].split()
    # medians of the later clicks (0.12 and 0.25), never the first visit; the first visits in the last columns
    assert rights == ["rights", "120", "250", "2.08×", "60", "125", "30", "30", "300", "900"]
    assert lines[2].split() == ["median", "ratio", "2.08×"]
