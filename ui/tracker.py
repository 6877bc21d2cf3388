"""The sections of /tracker (quick add, filters, log, progress, agenda, files) and their helpers.

``pages/tracker.py`` calls the sections in order. Rules live in :mod:`spoor2.tracker.activities`, files in
:mod:`spoor2.tracker.import_export` and SQL in :mod:`spoor2.store.tracker`. Charts are drawn from SQL
aggregates, the table from one page of activities.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from spoor2.dates import anniversary
from spoor2.errors import ImportRejected, InvalidInput, Spoor2Error
from spoor2.legal.page_sources import page_sources
from spoor2.store import Store
from spoor2.store import tracker as repo
from spoor2.tracker import import_export as tracker_io
from spoor2.tracker.activities import (
    ACTIVITY_TYPES,
    APPLICATION_TYPES,
    FIELDS,
    FITS,
    MAX_TARGET,
    STATUSES,
    YEARS_AHEAD,
    YEARS_BACK,
    Activity,
    ActivityFilter,
    Funnel,
    WeekProgress,
    check_target,
    funnel,
    median_days,
    response_rate,
    target_progress,
    validate_activity,
    week_monday,
    weeks_met_in_a_row,
)
from ui.charts import plotly_chart
from ui.frame import fdate, flash, lang, show_error, sources_markdown, tr

PAGE_SIZE = 50
TABLE_FIELDS = ("date", "type", "organisation", "role", "status", "follow_up", "outcome", "notes", "evidence_link")
TABLE_KEY = "tr_table"
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


def _forget_table() -> None:
    """Drop the editor's edits, so the table is drawn again from the store."""
    st.session_state.pop(TABLE_KEY, None)


def _period(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    """A reversed period is said and swapped (so the page still shows something sensible)."""
    if start and end and end < start:
        show_error(InvalidInput("tracker.error.period_reversed"))
        return end, start
    return start, end


# --- the sections of the page, in order -------------------------------------------------------------------


def intro() -> None:
    """What the log is for, and why it counts as evidence."""
    st.markdown(tr("tracker.intro"))
    sources = sources_markdown(page_sources("tracker", "why_keep_a_log"))
    st.caption(f"{tr('tracker.sources_label')}: {sources}")


def quick_add(store: Store, today: date) -> None:
    """One activity in a few fields (more behind an expander); nothing is stored when a rule fails."""
    types, statuses, fits = type_labels(), status_labels(), fit_labels()
    with st.form("tr_add_form", clear_on_submit=False, border=True):
        st.subheader(tr("tracker.add.title"))
        cols = st.columns([1, 2, 2, 1.4])
        add_date = cols[0].date_input(
            tr("tracker.field.date"), value=today, key="tr_add_date", format="DD-MM-YYYY",
            min_value=anniversary(today, -YEARS_BACK), max_value=anniversary(today, YEARS_AHEAD),
        )  # fmt: skip
        add_type = cols[1].selectbox(
            tr("tracker.field.type"), ACTIVITY_TYPES, format_func=types.__getitem__, key="tr_add_type"
        )
        add_org = cols[2].text_input(tr("tracker.field.organisation"), key="tr_add_org", max_chars=200)
        add_status = cols[3].selectbox(
            tr("tracker.field.status"), STATUSES, index=STATUSES.index("done"), format_func=statuses.__getitem__,
            key="tr_add_status",
        )  # fmt: skip
        with st.expander(tr("tracker.add.more")):
            more = st.columns(3)
            add_role = more[0].text_input(tr("tracker.field.role"), key="tr_add_role", max_chars=200)
            add_channel = more[1].text_input(tr("tracker.field.channel"), key="tr_add_channel", max_chars=200)
            add_contact = more[2].text_input(tr("tracker.field.contact_person"), key="tr_add_contact", max_chars=200)
            more = st.columns(3)
            add_follow = more[0].date_input(
                tr("tracker.field.follow_up"), value=None, key="tr_add_follow", format="DD-MM-YYYY"
            )
            add_fit = more[1].selectbox(
                tr("tracker.field.fits_limitations"), (None, *FITS), key="tr_add_fit",
                format_func=lambda v: tr("tracker.add.none") if v is None else fits[v],
            )  # fmt: skip
            add_goal = more[2].text_input(tr("tracker.field.goal"), key="tr_add_goal", max_chars=500)
            add_outcome = st.text_input(tr("tracker.field.outcome"), key="tr_add_outcome")
            add_notes = st.text_area(tr("tracker.field.notes"), key="tr_add_notes")
            add_link = st.text_input(tr("tracker.field.evidence_link"), key="tr_add_link")
            add_file = st.file_uploader(
                tr("tracker.add.evidence_upload"), key="tr_add_file", type=list(repo.EVIDENCE_EXTENSIONS)
            )
        submitted = st.form_submit_button(tr("tracker.add.submit"), key="tr_add_submit", type="primary")
    if not submitted:
        return
    raw = {
        "date": add_date, "type": add_type, "organisation": add_org, "status": add_status, "role": add_role,
        "channel": add_channel, "contact_person": add_contact, "follow_up": add_follow, "fits_limitations": add_fit,
        "goal": add_goal, "outcome": add_outcome, "notes": add_notes, "evidence_link": add_link,
    }  # fmt: skip
    try:
        activity = validate_activity(raw, today=today)  # every rule first: nothing is stored when the form is wrong
        upload = None if add_file is None else repo.EvidenceUpload(add_file.name, add_file.getvalue())
        repo.add_activity(store, activity, today=today, evidence=upload)  # row and file in one transaction
    except Spoor2Error as error:
        show_error(error)
    else:
        for key in ("tr_add_org", "tr_add_role", "tr_add_notes", "tr_add_outcome", "tr_add_link"):
            st.session_state.pop(key, None)
        _forget_table()
        flash("success", tr("tracker.add.added"))
        st.rerun()


def empty_hint(store: Store) -> None:
    """While nothing is logged yet: how to start."""
    if repo.count_activities(store) == 0:
        st.info(tr("tracker.empty"), icon=":material/edit_note:")


def activity_filters() -> ActivityFilter:
    """Period, types and statuses for the log and the charts; a new filter starts at page 1."""
    types, statuses = type_labels(), status_labels()
    with st.expander(tr("tracker.filter.title"), expanded=False):
        fcols = st.columns(4)
        f_start = fcols[0].date_input(tr("tracker.filter.start"), value=None, key="tr_f_start", format="DD-MM-YYYY")
        f_end = fcols[1].date_input(tr("tracker.filter.end"), value=None, key="tr_f_end", format="DD-MM-YYYY")
        f_types = fcols[2].multiselect(
            tr("tracker.filter.types"), ACTIVITY_TYPES, format_func=types.__getitem__, key="tr_f_types"
        )
        f_statuses = fcols[3].multiselect(
            tr("tracker.filter.statuses"), STATUSES, format_func=statuses.__getitem__, key="tr_f_statuses"
        )
    f_start, f_end = _period(f_start, f_end)
    filters = ActivityFilter(start=f_start, end=f_end, types=tuple(f_types), statuses=tuple(f_statuses))
    filter_signature = repr(filters)
    if st.session_state.get("tr_filter_seen") != filter_signature:
        st.session_state["tr_filter_seen"] = filter_signature
        _forget_table()
        st.session_state["tr_page"] = 1
    return filters


def tabs() -> list[DeltaGenerator]:
    """The log, progress, agenda and files tabs."""
    return st.tabs([tr(f"tracker.tabs.{name}") for name in ("log", "progress", "agenda", "files")])


def activity_log(store: Store, filters: ActivityFilter, today: date) -> None:
    """One page of the log as an editable table, with save, bulk status, delete and evidence files."""
    st.subheader(tr("tracker.table.title"))
    total = repo.count_activities(store, filters)
    pages = max(1, -(-total // PAGE_SIZE))
    page_no = int(
        st.number_input(tr("tracker.table.page"), min_value=1, max_value=pages, step=1, key="tr_page",
                        on_change=_forget_table)
    )  # fmt: skip
    page_no = min(page_no, pages)
    offset = (page_no - 1) * PAGE_SIZE
    shown = repo.list_activities(store, filters, limit=PAGE_SIZE, offset=offset)
    before = table_frame(shown)
    if shown:
        st.caption(tr("tracker.table.caption", first=offset + 1, last=offset + len(shown), total=total))
    after = st.data_editor(
        before, key=TABLE_KEY, column_config=column_config(), hide_index=True, num_rows="fixed",
        width="stretch", column_order=["select", *TABLE_FIELDS],
    )  # fmt: skip
    if st.button(tr("tracker.table.save"), key="tr_save", icon=":material/save:", type="primary"):
        _save_edits(store, before, after, {a.id: a for a in shown}, offset=offset, today=today)
    _bulk_status(store, after, today)
    _delete_selected(store, after)
    _evidence_downloads(store, shown)


def _save_edits(
    store: Store, before: pd.DataFrame, after: pd.DataFrame, originals: dict[str, Activity], *, offset: int, today: date
) -> None:
    changed = edited_rows(before, after, originals)
    if not changed:
        st.info(tr("tracker.table.no_changes"))
        return
    position = {activity_id: i + 1 for i, activity_id in enumerate(before.index)}
    checked, problem = [], None
    for raw in changed:
        try:
            checked.append(validate_activity(raw, today=today))
        except InvalidInput as error:
            problem = tr("tracker.table.row_error", row=offset + position[raw["id"]], reason=error.message(lang()))
            break
    if problem:
        st.error(problem, icon=":material/error:")
    elif attempt(lambda: repo.update_activities(store, checked, today=today)) is not None:
        _forget_table()
        flash("success", tr("tracker.table.saved"))
        st.rerun()


def _bulk_status(store: Store, after: pd.DataFrame, today: date) -> None:
    statuses = status_labels()
    bcols = st.columns([2, 1])
    bulk_status = bcols[0].selectbox(
        tr("tracker.table.bulk_status"), STATUSES, format_func=statuses.__getitem__, key="tr_bulk_status",
        label_visibility="collapsed",
    )  # fmt: skip
    if bcols[1].button(tr("tracker.table.bulk_apply"), key="tr_bulk_apply", width="stretch"):
        ids = selected_ids(after)
        count = attempt(lambda: repo.bulk_set_status(store, ids, bulk_status, today=today))
        if count is not None:
            _forget_table()
            flash("success", tr("tracker.table.bulk_done", count=count))
            st.rerun()


def _delete_selected(store: Store, after: pd.DataFrame) -> None:
    dcols = st.columns([2, 1])
    confirm = dcols[0].checkbox(tr("tracker.table.delete_confirm"), key="tr_delete_confirm")
    if not dcols[1].button(tr("tracker.table.delete"), key="tr_delete", icon=":material/delete:", width="stretch"):
        return
    ids = selected_ids(after)
    if not ids:
        show_error(InvalidInput("tracker.error.no_selection"))
    elif not confirm:
        show_error(InvalidInput("tracker.error.delete_unconfirmed"))
    else:
        count = repo.delete_activities(store, ids)
        _forget_table()
        st.session_state.pop("tr_delete_confirm", None)
        flash("success", tr("tracker.table.deleted", count=count))
        st.rerun()


def _evidence_downloads(store: Store, shown: list[Activity]) -> None:
    with_files = [a for a in shown if a.evidence_file]
    if not with_files:
        return
    with st.expander(tr("tracker.table.evidence_title")):
        for a in with_files:
            stored = repo.evidence_file(store, a.evidence_file or "")
            if stored is not None:
                st.download_button(
                    tr("tracker.table.evidence_download", organisation=a.organisation, date=fdate(a.activity_date)),
                    data=stored.content, file_name=f"evidence-{a.activity_date}-{stored.name}",
                    key=f"tr_evidence_{a.id}",
                )  # fmt: skip


def weekly_target(store: Store, today: date) -> None:
    """The weekly target (count and types), this week against it, and the last twelve weeks."""
    st.subheader(tr("tracker.target.title"))
    st.caption(tr("tracker.target.explain"))
    target = repo.get_weekly_target(store)
    tcols = st.columns([1, 3, 1])
    t_count = tcols[0].number_input(
        tr("tracker.target.count"), min_value=1, max_value=MAX_TARGET, step=1,
        value=target.count if target else 2, key="tr_target_count",
    )  # fmt: skip
    t_types = tcols[1].multiselect(
        tr("tracker.target.types"), ACTIVITY_TYPES, default=list(target.types if target else APPLICATION_TYPES),
        format_func=type_labels().__getitem__, key="tr_target_types",
    )  # fmt: skip
    if tcols[2].button(tr("tracker.target.save"), key="tr_target_save"):
        try:
            repo.set_weekly_target(store, check_target(t_count, t_types))
        except Spoor2Error as error:
            show_error(error)
        else:
            flash("success", tr("tracker.target.saved"))
            st.rerun()
    last_12 = today - timedelta(weeks=11, days=today.weekday())
    if target is None:
        st.info(tr("tracker.target.none"))
        return
    recent = repo.counts_per_week_type(store, ActivityFilter(start=last_12, end=today))
    progress = target_progress(recent, target, last_12, today)
    this_week = progress[-1]
    st.markdown(
        tr("tracker.target.summary", count=target.count, done=this_week.done, streak=weeks_met_in_a_row(progress))
    )
    plotly_chart(target_chart(progress), key="tr_target_chart")


def charts(store: Store, filters: ActivityFilter) -> None:
    """Activities per week, the application funnel and response times, for the filter (else 26 weeks)."""
    span = repo.date_range(store)
    if span is None:
        return
    chart_filter = filters
    if filters.start is None and filters.end is None:  # default: the last 26 weeks with activities
        chart_filter = ActivityFilter(
            start=max(span[0], span[1] - timedelta(weeks=26)), end=span[1],
            types=filters.types, statuses=filters.statuses,
        )  # fmt: skip
    st.caption(tr("tracker.charts.period", start=fdate(chart_filter.start), end=fdate(chart_filter.end)))
    weekly = repo.counts_per_week_type(store, chart_filter)
    plotly_chart(per_week_chart(weekly), key="tr_week_chart")
    type_status = repo.counts_per_type_status(store, chart_filter)
    ccols = st.columns(2)
    with ccols[0]:
        plotly_chart(funnel_chart(funnel(type_status)), key="tr_funnel_chart")
        rate = response_rate(type_status)
        if rate is None:
            st.caption(tr("tracker.charts.response_rate_none"))
        else:
            sent = funnel(type_status).applications
            st.metric(tr("tracker.charts.response_rate"), f"{round(rate * 100)}%")
            st.caption(tr("tracker.charts.response_rate_value", percent=round(rate * 100), sent=sent))
    with ccols[1]:
        histogram = repo.response_days_histogram(store, chart_filter)
        middle = median_days(histogram)
        if middle is None:
            st.caption(tr("tracker.charts.time_none"))
        else:
            plotly_chart(response_time_chart(histogram), key="tr_time_chart")
            st.caption(tr("tracker.charts.time_median", days=f"{middle:g}"))


def agenda(store: Store, today: date) -> None:
    """Follow-ups and interviews to come (overdue ones marked), and all of them as an .ics file."""
    st.subheader(tr("tracker.agenda.title"))
    upcoming = repo.agenda(store, today)
    st.markdown(f"**{tr('tracker.agenda.follow_ups')}**")
    if upcoming.follow_ups:
        st.dataframe(agenda_frame(upcoming.follow_ups, lambda a: a.follow_up, today), hide_index=True)
    else:
        st.caption(tr("tracker.agenda.none"))
    st.markdown(f"**{tr('tracker.agenda.interviews')}**")
    if upcoming.interviews:
        st.dataframe(agenda_frame(upcoming.interviews, lambda a: a.activity_date, today), hide_index=True)
    else:
        st.caption(tr("tracker.agenda.none"))
    st.download_button(
        tr("tracker.agenda.ics"), data=tracker_io.agenda_ics(upcoming.follow_ups, upcoming.interviews, lang()),
        file_name="spoor2-follow-ups.ics", mime="text/calendar", key="tr_ics", icon=":material/event:",
        disabled=not (upcoming.follow_ups or upcoming.interviews),
    )  # fmt: skip


def export_files(store: Store, today: date) -> None:
    """The log of a period as CSV, XLSX, PDF overview or JSON, made only when a button is clicked."""
    st.subheader(tr("tracker.export.title"))
    st.caption(tr("tracker.export.explain"))
    span = repo.date_range(store)
    default_start = span[0] if span else today - timedelta(days=90)
    default_end = max(span[1], today) if span else today
    ecols = st.columns(2)
    e_start = ecols[0].date_input(tr("tracker.filter.start"), value=default_start, key="tr_exp_start",
                                  format="DD-MM-YYYY")  # fmt: skip
    e_end = ecols[1].date_input(tr("tracker.filter.end"), value=default_end, key="tr_exp_end", format="DD-MM-YYYY")
    e_start, e_end = _period(e_start, e_end)
    export_filter = ActivityFilter(start=e_start, end=e_end)
    language, stamp = lang(), f"{e_start}_{e_end}"

    # Generated only when clicked (the callables run outside the script), so 10,000 rows never slow the page.
    def _rows() -> list[Activity]:
        return list(repo.iter_activities(store, export_filter))

    xcols = st.columns(4)
    xcols[0].download_button(
        tr("tracker.export.csv"), data=lambda: tracker_io.to_csv(_rows(), language),
        file_name=f"activities_{stamp}.csv", mime="text/csv", key="tr_exp_csv", on_click="ignore",
    )  # fmt: skip
    xcols[1].download_button(
        tr("tracker.export.xlsx"), data=lambda: tracker_io.to_xlsx(_rows(), language),
        file_name=f"activities_{stamp}.xlsx", key="tr_exp_xlsx", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )  # fmt: skip
    xcols[2].download_button(
        tr("tracker.export.pdf"),
        data=lambda: tracker_io.overview_pdf(_rows(), language, e_start or today, e_end or today, today),
        file_name=f"activity-overview_{stamp}.pdf", mime="application/pdf", key="tr_exp_pdf", on_click="ignore",
        type="primary",
    )  # fmt: skip
    xcols[3].download_button(
        tr("tracker.export.json"), data=lambda: tracker_io.to_json(_rows()),
        file_name=f"activities_{stamp}.json", mime="application/json", key="tr_exp_json", on_click="ignore",
    )  # fmt: skip


def import_file(store: Store, today: date) -> None:
    """A CSV or XLSX file with a column mapping; all rows are imported, or none and every bad row is listed."""
    st.divider()
    st.subheader(tr("tracker.import.title"))
    st.caption(tr("tracker.import.explain"))
    upload = st.file_uploader(tr("tracker.import.upload"), type=["csv", "xlsx"], key="tr_import_file")
    if upload is None:
        return
    try:
        table = tracker_io.read_table(upload.getvalue(), upload.name)
    except Spoor2Error as error:
        show_error(error)
        return
    st.caption(tr("tracker.import.preview", rows=len(table.rows)))
    st.markdown(f"**{tr('tracker.import.mapping')}**")
    guessed = tracker_io.auto_mapping(table.headers)
    options = [None, *table.headers]
    mapping = {}
    mcols = st.columns(3)
    for index, field in enumerate(FIELDS):
        default = guessed.get(field)
        mapping[field] = mcols[index % 3].selectbox(
            tr("tracker.import.column", field=tr(f"tracker.field.{field}")), options,
            index=options.index(default) if default in options else 0, key=f"tr_map_{field}",
            format_func=lambda h: tr("tracker.import.not_used") if h is None else str(h),
        )  # fmt: skip
    if not st.button(tr("tracker.import.submit"), key="tr_import_submit", type="primary"):
        return
    try:
        activities = tracker_io.rows_to_activities(table, mapping, today=today)
        count = repo.import_activities(store, activities)
    except ImportRejected as error:
        st.error(tr("tracker.import.problems_title"), icon=":material/error:")
        lines = tracker_io.problem_lines(error, lang())
        st.dataframe(
            pd.DataFrame(lines, columns=[tr("tracker.import.row"), tr("tracker.import.reason")]),
            hide_index=True, key="tr_import_problems",
        )  # fmt: skip
    except Spoor2Error as error:
        show_error(error)
    else:
        _forget_table()
        flash("success", tr("tracker.import.done", count=count))
        st.rerun()
