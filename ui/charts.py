"""Plotly charts as every page draws them: read, not edited, so without Plotly's mode bar.

The figures themselves are built in the page's ui module (``ui/timeline.py``, ``ui/tracker.py``,
``ui/orientation.py``); this module only puts them on the page.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

#: Plotly's options for every chart of the app (no zoom/pan/download bar over the chart).
CHART_CONFIG: dict[str, object] = {"displayModeBar": False}


def plotly_chart(fig: go.Figure, key: str) -> None:
    """Draw ``fig`` in the current container, full width, with the app's chart options."""
    st.plotly_chart(fig, key=key, config=CHART_CONFIG)
