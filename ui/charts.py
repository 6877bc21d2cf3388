"""Plotly charts as every page draws them: read, not edited, so without Plotly's mode bar.

The figures themselves are built in the page's ui module (``ui/timeline.py``, ``ui/tracker.py``,
``ui/orientation.py``); this module only puts them on the page.

Plotly's own date labels are English ("Oct 2026"): Streamlit's frontend carries no Plotly locale
bundle (its PlotlyChart module registers none, so ``config={"locale": "nl"}`` does nothing). A
date axis therefore gets its month labels from :func:`month_ticks`, in the page language.
"""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import streamlit as st

from spoor2.i18n import format_date

#: Plotly's options for every chart of the app (no zoom/pan/download bar over the chart).
CHART_CONFIG: dict[str, object] = {"displayModeBar": False}

#: Text on charts: Plotly's default grey (3.56:1) fails WCAG 1.4.3; this is the theme's text colour.
CHART_TEXT_COLOR = "#1d2a2c"

#: at most this many month labels on an axis (every 1, 2, 3, 6 or 12 months)
MAX_TICKS = 12


def month_ticks(first: date, last: date, lang: str) -> dict[str, list[str]]:
    """``tickvals``/``ticktext`` for a date axis from ``first`` to ``last``: "okt 2026" in Dutch.

    >>> month_ticks(date(2026, 9, 20), date(2026, 11, 2), "nl")
    {'tickvals': ['2026-10-01', '2026-11-01'], 'ticktext': ['okt 2026', 'nov 2026']}
    """
    months: list[date] = []
    current = date(first.year, first.month, 1)
    if current < first:
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    step = next((s for s in (1, 2, 3, 6, 12) if len(months) / s <= MAX_TICKS), 12)
    shown = [m for m in months if (m.month - 1) % step == 0] if step > 1 else months
    return {"tickvals": [m.isoformat() for m in shown], "ticktext": [format_date(m, lang, "MMM y") for m in shown]}


def plotly_chart(fig: go.Figure, key: str) -> None:
    """Draw ``fig`` in the current container, full width, with the app's chart options and text colour."""
    fig.update_layout(font_color=CHART_TEXT_COLOR)
    st.plotly_chart(fig, key=key, config=CHART_CONFIG)
