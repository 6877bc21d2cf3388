"""Page-side helpers for /tracker: widget values ↔ activities, the editable table and the charts.

Rules live in :mod:`spoor2.tracker.activities`, files in :mod:`spoor2.tracker.import_export` and SQL in
:mod:`spoor2.store.tracker`. Charts are drawn from SQL aggregates, the table from one page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.tracker.activities import (
    ACTIVITY_TYPES,
    FITS,
    STATUSES,
    Activity,
    Funnel,
    WeekProgress,
    week_monday,
)
from ui.frame import lang, show_error, tr

PAGE_SIZE = 50
TABLE_FIELDS = ("date", "type", "organisation", "role", "status", "follow_up", "outcome", "notes", "evidence_link")
CHART_CONFIG = {"displayModeBar": False}
_FLASH_KEY = "tr_flash"
PALETTE = (
    "#3b6e8f", "#e07a5f", "#81b29a", "#f2cc8f", "#6d597a", "#b56576",
    "#355070", "#eaac8b", "#588157", "#9a8c98", "#c9ada7", "#4a4e69",
)  # fmt: skip


def type_labels() -> dict[str, str]:
    return {k: tr(f"tracker.type.{k}") for k in ACTIVITY_TYPES}


def status_labels() -> dict[str, str]:
    return {s: tr(f"tracker.status.{s}") for s in STATUSES}


def fit_labels() -> dict[str, str]:
    return {f: tr(f"tracker.fit.{f}") for f in FITS}


# --- messages that survive a rerun ------------------------------------------------------------------------


def flash(kind: str, message: str) -> None:
    st.session_state[_FLASH_KEY] = (kind, message)


def show_flash() -> None:
    item = st.session_state.pop(_FLASH_KEY, None)
    if item:
        kind, message = item
        (st.success if kind == "success" else st.error)(message)


def attempt(action: Callable[[], Any]) -> Any:
    """Run a store action; a :class:`Spoor2Error` is shown in the page language and None returned."""
    try:
        return action()
    except Spoor2Error as error:
        show_error(error)
        return None


# --- the table ----------------------------------------------------------------------------------------


def table_frame(activities: list[Activity]) -> pd.DataFrame:
    """One page of activities as the editor's data: labels for choices, dates as dates, id as index."""
    types, statuses = type_labels(), status_labels()
    rows = []
    for a in activities:
        rows.append(
            {
                "select": False,
                "date": a.activity_date,
                "type": types[a.type],
                "organisation": a.organisation,
                "role": a.role,
                "status": statuses[a.status],
                "follow_up": a.follow_up,
                "outcome": a.outcome,
                "notes": a.notes,
                "evidence_link": a.evidence_link or "",
            }
        )
    frame = pd.DataFrame(rows, columns=["select", *TABLE_FIELDS], index=[a.id for a in activities])
    for column in ("date", "follow_up"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame


def column_config() -> dict[str, Any]:
    cc = st.column_config
    return {
        "select": cc.CheckboxColumn(tr("tracker.field.select"), width="small"),
        "date": cc.DateColumn(tr("tracker.field.date"), format="DD-MM-YYYY", required=True),
        "type": cc.SelectboxColumn(tr("tracker.field.type"), options=list(type_labels().values()), required=True),
        "organisation": cc.TextColumn(tr("tracker.field.organisation"), required=True),
        "role": cc.TextColumn(tr("tracker.field.role")),
        "status": cc.SelectboxColumn(tr("tracker.field.status"), options=list(status_labels().values()), required=True),
        "follow_up": cc.DateColumn(tr("tracker.field.follow_up"), format="DD-MM-YYYY"),
        "outcome": cc.TextColumn(tr("tracker.field.outcome")),
        "notes": cc.TextColumn(tr("tracker.field.notes")),
        "evidence_link": cc.TextColumn(tr("tracker.field.evidence_link")),
    }


def _cell(value: Any) -> Any:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def edited_rows(before: pd.DataFrame, after: pd.DataFrame, originals: dict[str, Activity]) -> list[dict[str, Any]]:
    """The raw input of every row whose data (not its selection) changed, merged over the stored activity."""
    changed: list[dict[str, Any]] = []
    for activity_id in after.index:
        if activity_id not in before.index or activity_id not in originals:
            continue
        old = [_cell(before.at[activity_id, c]) for c in TABLE_FIELDS]
        new = [_cell(after.at[activity_id, c]) for c in TABLE_FIELDS]
        if old == new:
            continue
        raw: dict[str, Any] = originals[activity_id].model_dump()
        raw["date"] = raw.pop("activity_date")
        raw.update(dict(zip(TABLE_FIELDS, new, strict=True)))
        changed.append(raw)
    return changed


def selected_ids(after: pd.DataFrame) -> list[str]:
    return [str(i) for i in after.index[after["select"].fillna(False).astype(bool)]]


# --- charts -------------------------------------------------------------------------------------------


def _layout(fig: go.Figure, title: str, height: int = 340) -> go.Figure:
    fig.update_layout(
        title=title, height=height, margin={"l": 10, "r": 10, "t": 50, "b": 10}, legend={"orientation": "h"}
    )
    return fig


def per_week_chart(rows: list[tuple[str, str, int]]) -> go.Figure:
    labels = type_labels()
    weeks = sorted({w for w, _, _ in rows})
    mondays = [week_monday(w) for w in weeks]
    fig = go.Figure()
    for index, kind in enumerate(ACTIVITY_TYPES):
        counts = {w: n for w, k, n in rows if k == kind}
        if counts:
            fig.add_bar(
                x=mondays, y=[counts.get(w, 0) for w in weeks], name=labels[kind],
                marker_color=PALETTE[index % len(PALETTE)], customdata=weeks,
                hovertemplate="%{customdata}: %{y}<extra>" + labels[kind] + "</extra>",
            )  # fmt: skip
    fig.update_layout(barmode="stack", xaxis_title=tr("tracker.charts.week"), yaxis_title=tr("tracker.charts.count"))
    return _layout(fig, tr("tracker.charts.per_week_title"))


def target_chart(progress: list[WeekProgress]) -> go.Figure:
    fig = go.Figure()
    fig.add_bar(
        x=[p.monday for p in progress], y=[p.done for p in progress], name=tr("tracker.target.done"),
        marker_color=["#81b29a" if p.met else "#e07a5f" for p in progress], customdata=[p.week for p in progress],
        hovertemplate="%{customdata}: %{y}<extra></extra>",
    )  # fmt: skip
    fig.add_scatter(
        x=[p.monday for p in progress], y=[p.target for p in progress], mode="lines",
        name=tr("tracker.target.line"), line={"color": "#355070", "dash": "dash", "shape": "hv"},
    )  # fmt: skip
    fig.update_layout(xaxis_title=tr("tracker.charts.week"), yaxis_title=tr("tracker.charts.count"))
    return _layout(fig, tr("tracker.target.chart_title"), 300)


def funnel_chart(data: Funnel) -> go.Figure:
    fig = go.Figure(
        go.Funnel(
            y=[tr(f"tracker.charts.funnel_{k}") for k in ("applications", "interviews", "offers")],
            x=[data.applications, data.interviews, data.offers],
            marker={"color": ["#3b6e8f", "#81b29a", "#f2cc8f"]},
        )
    )
    return _layout(fig, tr("tracker.charts.funnel_title"), 300)


def response_time_chart(histogram: list[tuple[int, int]]) -> go.Figure:
    fig = go.Figure(go.Bar(x=[d for d, _ in histogram], y=[n for _, n in histogram], marker_color="#6d597a"))
    fig.update_layout(xaxis_title=tr("tracker.charts.days"), yaxis_title=tr("tracker.charts.count"))
    return _layout(fig, tr("tracker.charts.time_title"), 300)


def agenda_frame(activities: list[Activity], day_of: Callable[[Activity], date | None], today: date) -> pd.DataFrame:
    types, statuses = type_labels(), status_labels()
    rows = []
    for a in activities:
        day = day_of(a)
        rows.append(
            {
                tr("tracker.field.date"): day,
                tr("tracker.field.organisation"): a.organisation
                + (f" ({tr('tracker.agenda.overdue')})" if day and day < today else ""),
                tr("tracker.field.type"): types[a.type],
                tr("tracker.field.role"): a.role,
                tr("tracker.field.status"): statuses[a.status],
                tr("tracker.field.contact_person"): a.contact_person,
            }
        )
    return pd.DataFrame(rows)


def current_lang() -> str:
    return lang()
