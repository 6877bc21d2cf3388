"""Page-side helpers for /timeline: form values ↔ TimelineInput, the chart and the table rows.

The rules live in :mod:`spoor2.timeline.rules`; saving in :mod:`spoor2.store.timeline`. Widget
values become a :class:`TimelineInput` only in :func:`form_to_input`; nothing here is cached,
because the statuses depend on today's date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from spoor2.errors import InvalidInput
from spoor2.timeline.rules import (
    Milestone,
    SickPeriod,
    Standing,
    Timeline,
    TimelineInput,
    check_against_today,
    check_input,
)
from ui.frame import fdate, tr

ROWS_KEY = "tl_rows"
NEXT_ROW_KEY = "tl_next_row"
OPTION_KEYS = {
    "wage_sanction_weeks": "tl_sanction",
    "extension_weeks": "tl_extension",
    "early_iva_applied": "tl_early_iva",
    "contract_end": "tl_contract_end",
}
STATUS_COLOURS = {
    "done": "#2e7d32",
    "done_late": "#b26a00",
    "overdue": "#c62828",
    "due_soon": "#b26a00",
    "in_window": "#1565c0",
    "upcoming": "#3b6e8f",
    "passed": "#757575",
    "not_reached": "#9e9e9e",
}
CHART_CONFIG = {"displayModeBar": False}
DAY_MS = 86_400_000  # a bar on a date axis has its length in milliseconds


def start_key(row: int) -> str:
    return f"tl_start_{row}"


def end_key(row: int) -> str:
    return f"tl_end_{row}"


# --- form ↔ model ------------------------------------------------------------------------------------


def input_to_form(inp: TimelineInput | None) -> dict[str, Any]:
    """Session values for a saved input (or an empty form with one period)."""
    periods = inp.periods if inp is not None else (None,)
    values: dict[str, Any] = {ROWS_KEY: list(range(len(periods))), NEXT_ROW_KEY: len(periods)}
    for row, period in enumerate(periods):
        values[start_key(row)] = period.start if period is not None else None
        values[end_key(row)] = period.end if period is not None else None
    for field, key in OPTION_KEYS.items():
        values[key] = getattr(inp, field) if inp is not None else None
    return values


def form_to_input(values: Mapping[str, Any]) -> TimelineInput:
    """The input described by the form; raises :class:`InvalidInput` (nothing is saved then)."""
    periods: list[SickPeriod] = []
    for number, row in enumerate(values[ROWS_KEY], start=1):
        start, end = values.get(start_key(row)), values.get(end_key(row))
        if start is None:
            if end is None and len(values[ROWS_KEY]) > 1:
                continue  # an empty extra row is simply ignored
            raise InvalidInput("timeline.error.no_first_sick_day", number=number)
        periods.append(SickPeriod(start=start, end=end))
    if not periods:
        raise InvalidInput("timeline.error.no_first_sick_day", number=1)

    def weeks(key: str) -> int | None:
        value = values.get(key)
        return None if value is None else int(value)

    return TimelineInput(
        periods=tuple(periods),
        wage_sanction_weeks=weeks(OPTION_KEYS["wage_sanction_weeks"]),
        extension_weeks=weeks(OPTION_KEYS["extension_weeks"]),
        early_iva_applied=values.get(OPTION_KEYS["early_iva_applied"]),
        contract_end=values.get(OPTION_KEYS["contract_end"]),
    )


def validated_input(values: Mapping[str, Any], today: date) -> TimelineInput:
    """Form → input, with every rule checked before anything is written."""
    inp = form_to_input(values)
    check_input(inp)
    check_against_today(inp, today)
    return inp


def ensure_form(saved: TimelineInput | None) -> None:
    """Fill the form from the saved input once per session (and after the widgets were dropped)."""
    rows = st.session_state.get(ROWS_KEY)
    if rows and start_key(rows[0]) in st.session_state:
        return
    for key, value in input_to_form(saved).items():
        st.session_state[key] = value


def add_row() -> None:
    row = st.session_state[NEXT_ROW_KEY]
    st.session_state[NEXT_ROW_KEY] = row + 1
    st.session_state[ROWS_KEY] = [*st.session_state[ROWS_KEY], row]
    st.session_state[start_key(row)] = None
    st.session_state[end_key(row)] = None


def remove_row(row: int) -> None:
    st.session_state[ROWS_KEY] = [r for r in st.session_state[ROWS_KEY] if r != row]


def form_values() -> dict[str, Any]:
    state = st.session_state
    values: dict[str, Any] = {ROWS_KEY: list(state[ROWS_KEY])}
    for row in state[ROWS_KEY]:
        values[start_key(row)] = state.get(start_key(row))
        values[end_key(row)] = state.get(end_key(row))
    for key in OPTION_KEYS.values():
        values[key] = state.get(key)
    return values


# --- rendering helpers ---------------------------------------------------------------------------------


def when_text(item: Milestone, fmt: str = "long") -> str:
    if item.kind == "date":
        return fdate(item.date, fmt)
    return f"{fdate(item.start, fmt)} – {fdate(item.end, fmt)}"


def label(item: Milestone) -> str:
    text = tr(f"milestones.{item.id}.label")
    return f"{text} {tr('timeline.indicative_mark')}" if item.indicative else text


def table_rows(timeline: Timeline, standing: Standing) -> list[dict[str, Any]]:
    """One row per milestone for ``st.dataframe``: text only, dates in the user's language."""
    columns = {name: tr(f"timeline.col.{name}") for name in ("date", "milestone", "actor", "status")}
    rows = []
    for item in timeline.milestones:
        status = standing.of(item.id)
        rows.append(
            {
                columns["date"]: when_text(item, "medium"),
                columns["milestone"]: label(item),
                columns["actor"]: tr(f"milestones.actor.{item.actor}"),
                columns["status"]: tr(f"milestones.status.{status.status}"),
            }
        )
    return rows


def table_columns() -> dict[str, Any]:
    """Column widths so that the whole table fits the page without scrolling sideways."""
    widths = {"date": 170, "milestone": "large", "actor": 170, "status": 115}
    return {tr(f"timeline.col.{name}"): st.column_config.TextColumn(width=width) for name, width in widths.items()}


def table_height(rows: int) -> int:
    """Tall enough to show every row (the header plus 35 px per row)."""
    return 38 + 35 * rows


def timeline_chart(timeline: Timeline, standing: Standing, today: date) -> go.Figure:
    """Milestones as points, windows as bars, a line for today; hover shows date and step."""
    items = list(timeline.milestones)
    names = [tr(f"milestones.{item.id}.label") for item in items]
    fig = go.Figure()
    for item, name in zip(items, names, strict=True):
        status = standing.of(item.id).status
        colour = STATUS_COLOURS[status]
        hover = f"{when_text(item)}<br>{name}<br>{tr(f'milestones.status.{status}')}<extra></extra>"
        if item.kind == "window":
            fig.add_trace(
                go.Bar(
                    x=[((item.due - item.first).days + 1) * DAY_MS],
                    base=[item.first.isoformat()],
                    y=[name],
                    orientation="h",
                    marker_color=colour,
                    opacity=0.55,
                    hovertemplate=hover,
                    showlegend=False,
                    width=0.5,
                )
            )
        else:
            fig.add_trace(
                go.Scatter(
                    x=[item.first.isoformat()],
                    y=[name],
                    mode="markers",
                    marker={"size": 12, "color": colour, "symbol": "diamond" if item.indicative else "circle"},
                    hovertemplate=hover,
                    showlegend=False,
                )
            )
    first = min(item.first for item in items)
    last = max(item.due for item in items)
    fig.add_shape(
        type="line",
        x0=today.isoformat(),
        x1=today.isoformat(),
        y0=0,
        y1=1,
        yref="paper",
        line={"color": "#c62828", "width": 2, "dash": "dash"},
    )
    fig.add_annotation(
        x=today.isoformat(),
        y=1,
        yref="paper",
        text=tr("timeline.chart_today"),
        showarrow=False,
        yanchor="bottom",
        font={"color": "#c62828"},
    )
    fig.update_layout(
        height=max(360, 34 * len(items) + 80),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        barmode="overlay",
        xaxis={
            "type": "date",
            "range": [(first - timedelta(days=20)).isoformat(), (last + timedelta(days=20)).isoformat()],
        },
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(names)), "automargin": True},
        hoverlabel={"align": "left"},
    )
    return fig
