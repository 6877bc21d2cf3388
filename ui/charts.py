"""Plotly charts as every page draws them: read, not edited, so without Plotly's mode bar.

The figures themselves are built in the page's ui module (``ui/timeline.py``, ``ui/tracker.py``,
``ui/orientation.py``, ``ui/journal.py``); this module puts them on the page and holds every colour they
draw, each checked for contrast.

Plotly's own date labels are English ("Oct 2026"): Streamlit's frontend carries no Plotly locale
bundle (its PlotlyChart module registers none, so ``config={"locale": "nl"}`` does nothing). A
date axis therefore gets its month labels from :func:`month_ticks`, in the page language.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from spoor2.i18n import format_date
from ui.frame import tr

#: Plotly's options for every chart of the app (no zoom/pan/download bar over the chart).
CHART_CONFIG: dict[str, object] = {"displayModeBar": False}

#: Text on charts: Plotly's default grey (3.56:1) fails WCAG 1.4.3; this is the theme's text colour.
CHART_TEXT_COLOR = "#1d2a2c"

# --- every colour a chart draws (WCAG 1.4.11: at least 3:1 against the page background the chart sits on;
# tests/cross_cutting/test_theme_contrast.py checks each one, and that no ui module names a colour of its own).
# Colour is never the only cue: series have names in a legend and, where they touch, patterns; statuses and
# "met / not met" are written out; every chart has its numbers in a table or sentence beside it.

#: The page background a chart sits on (the theme's ``backgroundColor``; Streamlit's Plotly theme paints
#: nothing of its own behind the plot): the colour every chart colour is measured against.
CHART_BACKGROUND = "#fbfaf7"
#: Series that sit side by side or stacked (activity types, earlier results, funnel stages), in this order.
SERIES_COLOURS: tuple[str, ...] = (
    "#3b6e8f", "#c2563a", "#3d8a5f", "#6d597a", "#9a6a2f", "#a2476a",
    "#355070", "#5c7f3a", "#7d5fa0", "#a0522d", "#4a4e69", "#2f6f5e",
)  # fmt: skip
#: Bar patterns that go with SERIES_COLOURS (a second cue between neighbouring segments of a stacked bar).
SERIES_PATTERNS: tuple[str, ...] = ("", "/", ".", "x", "\\", "-", "+", "|", "/", ".", "x", "\\")
#: One colour for a chart of a single series (orientation scores, days, obstacles; response times).
BAR_COLOUR = "#3b6e8f"
#: The weekly target: a week that met it, a week that did not (also hatched and named in the legend), the line.
TARGET_MET_COLOUR = "#2e7d32"
TARGET_NOT_MET_COLOUR = "#b5541f"
TARGET_NOT_MET_PATTERN = "/"
TARGET_LINE_COLOUR = "#355070"
#: The journal: the load of a day (bars) and the energy (line with points).
LOAD_COLOUR = "#7d5fa0"
ENERGY_COLOUR = "#1f6f78"
#: The "Today" line on the timeline.
TODAY_COLOUR = "#c62828"
#: The timeline's statuses; the chart also writes the status next to every step.
STATUS_COLOURS: dict[str, str] = {
    "done": "#2e7d32",
    "done_late": "#b26a00",
    "overdue": "#c62828",
    "due_soon": "#b26a00",
    "in_window": "#1565c0",
    "upcoming": "#3b6e8f",
    "passed": "#757575",
    "not_reached": "#858585",
    "not_applicable": "#8a8a8a",  # after the contract ends: kept, greyed, never overdue
}
#: A window's bar is filled with a light tint of its status colour (dark text stays readable on it) and
#: outlined in the full colour, the part that carries the 3:1.
WINDOW_FILL_OPACITY = 0.25
WINDOW_OUTLINE_WIDTH = 2


def pattern(shape: str) -> dict[str, str]:
    """A bar's pattern as a second cue: lines of the background over the bar's own colour ("overlay"; Plotly's
    default "replace" would draw the lines alone on a transparent bar). ``""`` is a plain bar."""
    return {"shape": shape, "fillmode": "overlay", "fgcolor": CHART_BACKGROUND}


def tint(colour: str, alpha: float = WINDOW_FILL_OPACITY) -> str:
    """``colour`` as a transparent fill, for Plotly: only the fill, not the outline, is light.

    >>> tint("#1565c0", 0.25)
    'rgba(21, 101, 192, 0.25)'
    """
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"


#: a chart's table longer than this is a scrolling data grid, not an HTML table of every row
LONG_TABLE_ROWS = 60

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
    # a trace without a colour of its own takes the next of SERIES_COLOURS, never Plotly's default colorway
    fig.update_layout(
        font_color=CHART_TEXT_COLOR,
        title_font_color=CHART_TEXT_COLOR,
        legend_font_color=CHART_TEXT_COLOR,
        colorway=list(SERIES_COLOURS),
    )
    # Streamlit's Plotly theme gives the axes' tick labels and titles a grey of their own (#808495, 3.56:1),
    # which the layout's font colour does not reach: set them on the axes themselves
    for axes in (fig.update_xaxes, fig.update_yaxes):
        axes(tickfont_color=CHART_TEXT_COLOR, title_font_color=CHART_TEXT_COLOR)
    st.plotly_chart(fig, key=key, config=CHART_CONFIG)


def chart_table(table: pd.DataFrame, chart: str) -> None:
    """The chart's numbers as a real table (WCAG 1.1.1), under an expander named after the chart.

    ``st.table`` is an HTML table a screen reader can walk (the data grid is a canvas); the expander's
    name differs per chart ("As a table: Progress per week"), so a list of controls is not ambiguous.
    """
    with st.expander(tr("common.chart_table", chart=chart)):
        if len(table) > LONG_TABLE_ROWS:  # a year of days: the grid draws only the rows in view
            st.dataframe(table, hide_index=True)
        else:
            st.table(table, hide_index=True)
