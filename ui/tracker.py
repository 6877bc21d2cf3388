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

from spoor2.errors import ImportRejected, InvalidInput, Spoor2Error
from spoor2.legal.page_sources import page_sources
from spoor2.store import Store
from spoor2.store import tracker as repo
from spoor2.store.timeline import get_setting, set_setting
from spoor2.tracker import import_export as tracker_io
from spoor2.tracker.activities import (
    ACTIVITY_TYPES,
    APPLICATION_TYPES,
    FIELDS,
    FITS,
    MAX_TARGET,
    STATUSES,
    Activity,
    ActivityFilter,
    Funnel,
    WeekProgress,
    check_target,
    funnel,
    infer_response_date,
    median_days,
    new_activity_id,
    resolve_choice,
    response_rate,
    target_progress,
    validate_activity,
    week_monday,
    weeks_met_in_a_row,
)
from ui.charts import (
    BAR_COLOUR,
    CHART_BACKGROUND,
    CHART_TEXT_COLOR,
    SERIES_COLOURS,
    SERIES_PATTERNS,
    TARGET_LINE_COLOUR,
    TARGET_MET_COLOUR,
    TARGET_NOT_MET_COLOUR,
    TARGET_NOT_MET_PATTERN,
    chart_table,
    pattern,
    plotly_chart,
)
from ui.frame import (
    chosen,
    entered,
    error_text,
    fdate,
    flash,
    focus_on,
    forget_choice,
    id_choice,
    kept_expander,
    kept_field,
    lang,
    md_escape,
    show_error,
    small,
    sources_markdown,
    tr,
)

PAGE_SIZE = 50
TABLE_FIELDS = (
    "date", "type", "organisation", "role", "status", "follow_up", "response_date", "response_inferred", "outcome",
    "notes", "evidence_link",
)  # fmt: skip
#: Where the person is on the page: a keyed control (not st.tabs), so a message or a rerun never moves them.
SECTIONS = ("log", "progress", "agenda", "files")
#: The range a date widget accepts: wide, so the widget never swaps a typed date for another one;
#: the rules in spoor2 refuse what is out of range, with a message.
WIDGET_DATES = {"min_value": date(1000, 1, 1), "max_value": date(9999, 12, 31), "format": "DD-MM-YYYY"}
EVIDENCE_MB = repo.MAX_EVIDENCE_BYTES // (1024 * 1024)
IMPORT_MB = tracker_io.MAX_IMPORT_BYTES // (1024 * 1024)
NAME_SETTING = "tracker.export_name"
TABLE_KEY = "tr_table"
FUNNEL_STAGES = ("applications", "interviews", "offers")
#: a week's bar on a date axis, in milliseconds (5 of 7 days): one width for every series of a weekly chart
WEEK_BAR_MS = 5 * 86_400_000
#: a weekly chart spanning up to this many weeks has a tick on each Monday (longer: Plotly spaces them)
MAX_WEEK_TICKS = 8


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


def reset_after_use(key: str) -> None:
    """A confirmation box is unticked on the next run (the browser is told so): call before ``st.rerun()``."""
    st.session_state[f"{key}__reset"] = True


def confirmation(label: str, key: str, container: Any = st) -> bool:
    """A confirmation checkbox for a destructive action; it resets after the action used it."""
    if st.session_state.pop(f"{key}__reset", False):
        st.session_state[key] = False
    return bool(container.checkbox(label, key=key))


# --- the table ----------------------------------------------------------------------------------------


def table_frame(activities: list[Activity]) -> pd.DataFrame:
    """One page of activities as the editor's data: labels for choices, dates as dates (an empty date is
    empty, never "None"), whether the response date is inferred, id as index."""
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
                "response_date": a.response_date,
                "response_inferred": a.response_date_inferred,
                "outcome": a.outcome,
                "notes": a.notes,
                "evidence_link": a.evidence_link or "",
            }
        )
    frame = pd.DataFrame(rows, columns=["select", *TABLE_FIELDS], index=[a.id for a in activities])
    for column in ("date", "follow_up", "response_date"):
        frame[column] = pd.to_datetime(frame[column])
    frame["response_inferred"] = frame["response_inferred"].astype(bool)
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
        "response_date": cc.DateColumn(tr("tracker.field.response_date"), format="DD-MM-YYYY"),
        "response_inferred": cc.CheckboxColumn(tr("tracker.field.response_inferred")),
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


def _file(name: str) -> str:
    """The start of a download's file name, in the page language (``activiteiten_…csv``)."""
    return tr(f"tracker.export.file_names.{name}")


def edited_rows(before: pd.DataFrame, after: pd.DataFrame, originals: dict[str, Activity]) -> list[dict[str, Any]]:
    """The raw input of every row whose data (not its selection) changed, merged over the stored activity.

    A response date the person changed, or whose "inferred" mark they untick, is theirs (``entered``)."""
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
        date_changed = old[TABLE_FIELDS.index("response_date")] != new[TABLE_FIELDS.index("response_date")]
        inferred = bool(raw.pop("response_inferred")) and not date_changed
        raw["response_date_source"] = "inferred" if inferred else "entered"
        changed.append(raw)
    return changed


def selected_ids(after: pd.DataFrame) -> list[str]:
    return [str(i) for i in after.index[after["select"].fillna(False).astype(bool)]]


# --- charts -------------------------------------------------------------------------------------------


def _layout(fig: go.Figure, title: str, height: int = 340, *, dates: bool = False) -> go.Figure:
    """Title, size and the legend above the plot (never over the axis); date axes as DD-MM-YYYY, so no
    month name appears in a language other than the page's."""
    fig.update_layout(
        title=title, height=height, margin={"l": 10, "r": 10, "t": 80, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )  # fmt: skip
    fig.update_yaxes(rangemode="tozero", tickformat=",d")
    # counts are whole numbers: on a short axis Plotly's own steps of 0.5 would read "0, 1, 1, 2, 2"
    totals: dict[object, float] = {}
    for trace in fig.data:
        if trace.type in ("bar", "scatter") and trace.y is not None:
            for x, y in zip(trace.x, trace.y, strict=False):
                if isinstance(y, int | float):
                    totals[x] = totals.get(x, 0) + y
    if totals and max(totals.values()) <= 5:
        fig.update_yaxes(dtick=1)
    if dates:
        fig.update_xaxes(tickformat="%d-%m-%Y", hoverformat="%d-%m-%Y")
    return fig


def per_week_chart(rows: list[tuple[str, str, int]]) -> go.Figure:
    """Stacked bars per type; each type its colour and pattern, a thin gap of the background between them."""
    labels = type_labels()
    weeks = sorted({w for w, _, _ in rows})
    mondays = [week_monday(w) for w in weeks]
    fig = go.Figure()
    for index, kind in enumerate(ACTIVITY_TYPES):
        counts = {w: n for w, k, n in rows if k == kind}
        if counts:
            fig.add_bar(
                x=mondays, y=[counts.get(w, 0) for w in weeks], name=labels[kind],
                marker={
                    "color": SERIES_COLOURS[index % len(SERIES_COLOURS)],
                    "pattern": pattern(SERIES_PATTERNS[index % len(SERIES_PATTERNS)]),
                    "line": {"color": CHART_BACKGROUND, "width": 1},
                },
                customdata=weeks, hovertemplate="%{customdata}: %{y}<extra>" + labels[kind] + "</extra>",
            )  # fmt: skip
    fig.update_layout(barmode="stack", xaxis_title=tr("tracker.charts.week"), yaxis_title=tr("tracker.charts.count"))
    fig.update_traces(width=WEEK_BAR_MS)
    _week_ticks(fig, mondays)
    return _layout(fig, tr("tracker.charts.per_week_title"), dates=True)


def _week_ticks(fig: go.Figure, mondays: list[date]) -> None:
    """With a few weeks, a tick on each week's Monday and room for its bar: Plotly's own ticks for one or two
    dates are hours apart ("29-11-2026, 29-11-2026, 30-11-2026" under a single week's bar)."""
    if not mondays:
        return
    first, last = min(mondays), max(mondays)
    if (last - first).days // 7 + 1 > MAX_WEEK_TICKS:
        return
    fig.update_xaxes(
        tick0=first.isoformat(), dtick=7 * 86_400_000,
        range=[(first - timedelta(days=4)).isoformat(), (last + timedelta(days=4)).isoformat()],
    )  # fmt: skip


def target_chart(progress: list[WeekProgress]) -> go.Figure:
    """Weeks that met the target and weeks that did not as two named series (the legend says which), the
    second also hatched: colour is not the only cue (WCAG 1.4.1)."""
    fig = go.Figure()
    for met, name, colour, shape in (
        (True, tr("tracker.target.met"), TARGET_MET_COLOUR, ""),
        (False, tr("tracker.target.not_met"), TARGET_NOT_MET_COLOUR, TARGET_NOT_MET_PATTERN),
    ):
        weeks = [p for p in progress if p.met is met]
        fig.add_bar(
            x=[p.monday for p in weeks], y=[p.done for p in weeks], name=name,
            marker={"color": colour, "pattern": pattern(shape)}, width=WEEK_BAR_MS,
            customdata=[p.week for p in weeks], hovertemplate="%{customdata}: %{y}<extra>" + name + "</extra>",
        )  # fmt: skip
    fig.add_scatter(
        x=[p.monday for p in progress], y=[p.target for p in progress], mode="lines",
        name=tr("tracker.target.line"), line={"color": TARGET_LINE_COLOUR, "dash": "dash", "shape": "hv"},
    )  # fmt: skip
    # the two series share the x axis without overlapping (a week is in one of them), so bars keep full width
    fig.update_layout(barmode="overlay", xaxis_title=tr("tracker.charts.week"), yaxis_title=tr("tracker.charts.count"))
    return _layout(fig, tr("tracker.target.chart_title"), 300, dates=True)


def funnel_chart(data: Funnel) -> go.Figure:
    fig = go.Figure(
        go.Funnel(
            y=[tr(f"tracker.charts.funnel_{k}") for k in FUNNEL_STAGES],
            x=[data.applications, data.interviews, data.offers],
            marker={"color": list(SERIES_COLOURS[:3])},
            # beside the bar in the chart text colour: white on some of the colours would be under 4.5:1
            textposition="outside",
            textfont={"color": CHART_TEXT_COLOR},
        )
    )
    return _layout(fig, tr("tracker.charts.funnel_title"), 300)


def response_time_chart(histogram: list[tuple[int, int]]) -> go.Figure:
    fig = go.Figure(go.Bar(x=[d for d, _ in histogram], y=[n for _, n in histogram], marker_color=BAR_COLOUR))
    fig.update_layout(xaxis_title=tr("tracker.charts.days"), yaxis_title=tr("tracker.charts.count"))
    return _layout(fig, tr("tracker.charts.time_title"), 300)


# --- the charts' numbers as text (WCAG 1.1.1): a sentence and a table beside each chart ------------------


def per_week_table(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    """A row per week (its Monday, as on the chart's axis), a column per type shown, and the total."""
    labels = type_labels()
    weeks = sorted({w for w, _, _ in rows})
    kinds = [k for k in ACTIVITY_TYPES if any(kind == k for _, kind, _ in rows)]
    counts = {(w, k): int(n) for w, k, n in rows}
    records = []
    for week in weeks:
        record: dict[str, object] = {tr("tracker.charts.week_of"): fdate(week_monday(week), "medium")}
        record.update({labels[k]: counts.get((week, k), 0) for k in kinds})
        record[tr("tracker.charts.total")] = sum(counts.get((week, k), 0) for k in kinds)
        records.append(record)
    return pd.DataFrame(records)


def per_week_summary(rows: list[tuple[str, str, int]]) -> str:
    totals: dict[str, int] = {}
    for week, _, count in rows:
        totals[week] = totals.get(week, 0) + int(count)
    busiest = max(sorted(totals), key=totals.__getitem__)
    return tr(
        "tracker.charts.per_week_summary", total=sum(totals.values()), weeks=len(totals),
        most=totals[busiest], week=fdate(week_monday(busiest), "medium"),
    )  # fmt: skip


def target_table(progress: list[WeekProgress]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                tr("tracker.charts.week_of"): fdate(p.monday, "medium"),
                tr("tracker.target.done"): p.done,
                tr("tracker.target.line"): p.target,
                tr("tracker.target.result"): tr("tracker.target.met" if p.met else "tracker.target.not_met"),
            }
            for p in progress
        ]
    )


def funnel_table(data: Funnel) -> pd.DataFrame:
    return pd.DataFrame(
        {
            tr("tracker.charts.stage"): [tr(f"tracker.charts.funnel_{k}") for k in FUNNEL_STAGES],
            tr("tracker.charts.count"): [getattr(data, k) for k in FUNNEL_STAGES],
        }
    )


def time_table(histogram: list[tuple[int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            tr("tracker.charts.days"): [int(d) for d, _ in histogram],
            tr("tracker.charts.count"): [int(n) for _, n in histogram],
        }
    )


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
    small(f"{tr('tracker.sources_label')}: {sources}")


def _add_key(name: str) -> str:
    """The key of a quick-add widget: every form instance has its own keys, so after an add the next
    form starts empty (the uploader too) and a stale click on the old form is ignored."""
    return f"tr_add_{name}_{st.session_state['tr_add_n']}"


def _next_add_form() -> None:
    st.session_state["tr_add_n"] += 1
    st.session_state["tr_add_token"] = new_activity_id()


def form_label(labels: dict[Any, str], ids: tuple[str, ...], prefix: str) -> Callable[[Any], str]:
    """The ``format_func`` of a choice in ``st.form``: an id's label, also for a label of either language.

    A form allows no callback, so not :func:`ui.frame.id_choice`. A choice made in the form and sent after a
    language switch comes back as the old language's label; Streamlit keeps a value only if ``format_func``
    gives it one of the options' labels, and would otherwise save the default instead (the choice lost). So
    a label of either language is its id's label here, and ``validate_activity`` reads it as that id.

    >>> label = form_label({"planned": "Planned", "done": "Done"}, ("planned", "done"), "tracker.status")
    >>> label("planned"), label("Gepland"), label("something else")
    ('Planned', 'Planned', 'something else')
    """

    def label(value: Any) -> str:
        if value in labels:
            return labels[value]
        try:
            return labels.get(resolve_choice(value, ids, prefix, "unknown"), str(value))
        except Spoor2Error:
            return str(value)

    return label


def _quick_add_fields(today: date) -> tuple[dict[str, Any], Any, bool]:
    """The form's widgets: the raw activity, the uploaded file and whether "Add" was pressed."""
    types, statuses, fits = type_labels(), status_labels(), fit_labels()
    k = _add_key
    # The choices below are in st.form: their labels come from form_label (a choice sent after a language
    # switch arrives as the old language's label, which validate_activity reads as its id).
    with st.form(k("form"), clear_on_submit=False, border=True):
        st.header(tr("tracker.add.title"), anchor=False)
        cols = st.columns([1, 2, 2, 1.4])
        raw: dict[str, Any] = {
            "date": cols[0].date_input(tr("tracker.field.date"), value=today, key=k("date"), **WIDGET_DATES)
        }
        # choice: in st.form (see above)
        raw["type"] = cols[1].selectbox(
            tr("tracker.field.type"), ACTIVITY_TYPES, format_func=form_label(types, ACTIVITY_TYPES, "tracker.type"),
            key=k("type"),
        )  # fmt: skip
        raw["organisation"] = cols[2].text_input(tr("tracker.field.organisation"), key=k("org"), max_chars=200)
        # choice: in st.form (see above)
        raw["status"] = cols[3].selectbox(
            tr("tracker.field.status"),
            STATUSES,
            index=STATUSES.index("done"),
            format_func=form_label(statuses, STATUSES, "tracker.status"),
            key=k("status"),
        )
        with st.expander(tr("tracker.add.more")):
            more = st.columns(3)
            raw["role"] = more[0].text_input(tr("tracker.field.role"), key=k("role"), max_chars=200)
            raw["channel"] = more[1].text_input(tr("tracker.field.channel"), key=k("channel"), max_chars=200)
            raw["contact_person"] = more[2].text_input(
                tr("tracker.field.contact_person"), key=k("contact"), max_chars=200
            )
            more = st.columns(4)
            raw["follow_up"] = more[0].date_input(
                tr("tracker.field.follow_up"), value=None, key=k("follow"), **WIDGET_DATES
            )
            raw["response_date"] = more[1].date_input(
                tr("tracker.field.response_date"), value=None, key=k("response"), **WIDGET_DATES
            )
            # choice: in st.form (see above)
            raw["fits_limitations"] = more[2].selectbox(
                tr("tracker.field.fits_limitations"), (None, *FITS), key=k("fit"),
                format_func=form_label({None: tr("tracker.add.none"), **fits}, FITS, "tracker.fit"),
            )  # fmt: skip
            raw["goal"] = more[3].text_input(tr("tracker.field.goal"), key=k("goal"), max_chars=500)
            raw["outcome"] = st.text_input(tr("tracker.field.outcome"), key=k("outcome"))
            raw["notes"] = st.text_area(tr("tracker.field.notes"), key=k("notes"))
            raw["evidence_link"] = st.text_input(tr("tracker.field.evidence_link"), key=k("link"))
            # the widget's limit is the rule's (stated once, by the widget); a file it refuses never reaches
            # the page, so the message after "Add" says whether a file is attached
            upload = st.file_uploader(
                tr("tracker.add.evidence_upload"), key=k("file"), type=list(repo.EVIDENCE_EXTENSIONS),
                max_upload_size=EVIDENCE_MB,
            )  # fmt: skip
        submitted = st.form_submit_button(tr("tracker.add.submit"), key=k("submit"), type="primary")
    focus_slot = st.empty()  # on every run: the page keeps its shape
    if st.session_state.pop("tr_add_focus", False):  # after an add: on to the next activity's organisation
        focus_on(k("org"), focus_slot)  # not the date (today by default): focused, it opens its calendar
    return raw, upload, submitted


def quick_add(store: Store, today: date) -> None:
    """One activity in a few fields (more behind an expander); nothing is stored when a rule fails.

    The form is one instance with a token (the new activity's id): after an add the next instance
    starts empty, and the same submission twice (a double click) adds one activity."""
    st.session_state.setdefault("tr_add_n", 0)
    st.session_state.setdefault("tr_add_token", new_activity_id())
    raw, upload, submitted = _quick_add_fields(today)
    if not submitted:
        return
    token = st.session_state["tr_add_token"]
    if repo.get_activity(store, token) is not None:  # this form was already added (a second click)
        _next_add_form()
        flash("info", tr("tracker.add.already_added"))
        st.rerun()
    try:
        activity = validate_activity({**raw, "id": token}, today=today)  # every rule first
        activity = infer_response_date(activity, None, today)  # marked as inferred, shown and editable
        evidence = None if upload is None else repo.UploadedFile(upload.name, upload.getvalue())
        repo.add_activity(store, activity, today=today, evidence=evidence)  # row and file in one transaction
    except Spoor2Error as error:
        show_error(error)  # what was typed stays in the form
        return
    _next_add_form()
    st.session_state["tr_add_focus"] = True
    _forget_table()
    flash("success", tr("tracker.add.added_with_file" if evidence else "tracker.add.added_no_file"))
    st.rerun()


def empty_hint(store: Store) -> None:
    """While nothing is logged yet: how to start."""
    if repo.count_activities(store) == 0:
        st.info(tr("tracker.empty"), icon=":material/edit_note:")


def activity_filters() -> ActivityFilter:
    """Period, types and statuses for the log and the charts; a new filter starts at page 1.

    The box stays open (or closed) while the person changes the filter, and its fields are drawn only while it is
    open (four fields a browser need not lay out on every visit); the filter holds while it is closed."""
    types, statuses = type_labels(), status_labels()
    box = kept_expander(tr("tracker.filter.title"), key="tr_filter_box")
    with box:
        if box.open:
            fcols = st.columns(4)
            kept_field(fcols[0].date_input, tr("tracker.filter.start"), key="tr_f_start", value=None, **WIDGET_DATES)
            kept_field(fcols[1].date_input, tr("tracker.filter.end"), key="tr_f_end", value=None, **WIDGET_DATES)
            id_choice(
                fcols[2].multiselect, tr("tracker.filter.types"), ACTIVITY_TYPES, format_func=types.__getitem__,
                key="tr_f_types", default=[], placeholder=tr("tracker.filter.placeholder"),
            )  # fmt: skip
            id_choice(
                fcols[3].multiselect, tr("tracker.filter.statuses"), STATUSES, format_func=statuses.__getitem__,
                key="tr_f_statuses", default=[], placeholder=tr("tracker.filter.placeholder"),
            )  # fmt: skip
    f_types, f_statuses = chosen("tr_f_types", []), chosen("tr_f_statuses", [])
    f_start, f_end = _period(entered("tr_f_start"), entered("tr_f_end"))
    filters = ActivityFilter(start=f_start, end=f_end, types=tuple(f_types), statuses=tuple(f_statuses))
    filter_signature = repr(filters)
    if st.session_state.get("tr_filter_seen") != filter_signature:
        st.session_state["tr_filter_seen"] = filter_signature
        _forget_table()
        st.session_state["tr_page"] = 1
    return filters


def section() -> str:
    """Which part of the page the person is in (log, progress, agenda, files): a keyed control whose
    value is the section's id, so a message, a rerun or a language switch never moves them."""
    labels = {s: tr(f"tracker.tabs.{s}") for s in SECTIONS}  # a label per id, made now (in this language)
    chosen = id_choice(
        st.segmented_control, tr("tracker.tabs.label"), SECTIONS, key="tr_tab", default="log",
        format_func=labels.__getitem__, required=True, label_visibility="collapsed",
    )  # fmt: skip
    return chosen if chosen in SECTIONS else "log"


def activity_log(store: Store, filters: ActivityFilter, today: date) -> None:
    """One page of the log as an editable table, with save, bulk status, delete and evidence files."""
    st.header(tr("tracker.table.title"), anchor=False)
    total = repo.count_activities(store, filters)
    if total == 0:
        # No empty grid, and no save, bulk change or delete with nothing to act on. A new person's first view
        # is lighter too: the grid's code is ~1.5 MB of JavaScript for the browser (docs/benchmarks.md).
        if repo.count_activities(store):
            st.info(tr("tracker.table.none_match"), icon=":material/filter_alt_off:")
        else:
            st.caption(tr("tracker.table.none_yet"))
        return
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
    if any(a.response_date_inferred for a in shown):
        st.caption(tr("tracker.table.response_inferred_note"))
    if st.button(tr("tracker.table.save"), key="tr_save", icon=":material/save:", type="primary"):
        _save_edits(store, before, after, {a.id: a for a in shown}, offset=offset, today=today)
    # a bulk action reloads the table: edits not saved yet would be thrown away without a word
    unsaved = bool(edited_rows(before, after, {a.id: a for a in shown}))
    _bulk_status(store, after, today, unsaved=unsaved)
    _delete_selected(store, after, unsaved=unsaved)
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
            problem = tr("tracker.table.row_error", row=offset + position[raw["id"]], reason=error_text(error))
            break
    if problem:
        st.error(problem, icon=":material/error:")  # the reason's parameters are escaped (error_text)
        return
    checked = [infer_response_date(a, originals[a.id].status, today) for a in checked]
    if attempt(lambda: repo.update_activities(store, checked, today=today)) is not None:
        _forget_table()
        flash("success", tr("tracker.table.saved"))
        st.rerun()


def _bulk_status(store: Store, after: pd.DataFrame, today: date, *, unsaved: bool) -> None:
    statuses = status_labels()
    bcols = st.columns([2, 1], vertical_alignment="bottom")
    # a visible label: stacked on a narrow screen, a lone select would not say what it is for
    bulk_status = id_choice(
        bcols[0].selectbox, tr("tracker.table.bulk_status"), STATUSES, format_func=statuses.__getitem__,
        key="tr_bulk_status", default=STATUSES[0],
    )  # fmt: skip
    if bcols[1].button(tr("tracker.table.bulk_apply"), key="tr_bulk_apply", width="stretch"):
        if unsaved:
            show_error(InvalidInput("tracker.error.save_edits_first"))
            return
        ids = selected_ids(after)
        count = attempt(lambda: repo.bulk_set_status(store, ids, bulk_status, today=today))
        if count is not None:
            _forget_table()
            flash("success", tr("tracker.table.bulk_done", count=count))
            st.rerun()


def _delete_selected(store: Store, after: pd.DataFrame, *, unsaved: bool) -> None:
    # one below the other: a checkbox in a column keeps its label on one line, past the window at 320 px
    confirm = confirmation(tr("tracker.table.delete_confirm"), "tr_delete_confirm")
    if not st.button(tr("tracker.table.delete"), key="tr_delete", icon=":material/delete:"):
        return
    ids = selected_ids(after)
    if unsaved:
        show_error(InvalidInput("tracker.error.save_edits_first"))
    elif not ids:
        show_error(InvalidInput("tracker.error.no_selection"))
    elif not confirm:
        show_error(InvalidInput("tracker.error.delete_unconfirmed"))
    else:
        count = repo.delete_activities(store, ids)
        _forget_table()
        reset_after_use("tr_delete_confirm")
        flash("success", tr("tracker.table.deleted", count=count))
        st.rerun()


def _evidence_downloads(store: Store, shown: list[Activity]) -> None:
    """Each evidence file on this page: download it, or remove it from its activity (after a tick)."""
    with_files = [a for a in shown if a.evidence_file]
    if not with_files:
        return
    # drawn while open only: each download button sends its whole file to the browser on every run
    box = kept_expander(tr("tracker.table.evidence_title"), key="tr_evidence_box")
    with box:
        if not box.open:
            return
        confirm = confirmation(tr("tracker.table.evidence_remove_confirm"), "tr_evidence_confirm")
        for a in with_files:
            stored = repo.evidence_file(store, a.evidence_file or "")
            if stored is None:
                continue
            ecols = st.columns([3, 1])
            label = tr("tracker.table.evidence_download", organisation=md_escape(a.organisation),
                       date=fdate(a.activity_date))  # fmt: skip
            ecols[0].download_button(
                label, data=stored.content, file_name=f"{_file('evidence')}-{a.activity_date}-{stored.name}",
                mime=stored.media_type, key=f"tr_evidence_{a.id}", on_click="ignore",
            )  # fmt: skip
            if ecols[1].button(tr("tracker.table.evidence_remove"), key=f"tr_evidence_remove_{a.id}",
                               icon=":material/link_off:"):  # fmt: skip
                _detach_evidence(store, a, confirm)


def _detach_evidence(store: Store, activity: Activity, confirmed: bool) -> None:
    if not confirmed:
        show_error(InvalidInput("tracker.error.delete_unconfirmed"))
        return
    # the store deletes a file its activity no longer names, in the same transaction
    if attempt(lambda: repo.update_activity(store, activity.model_copy(update={"evidence_file": None}))):
        _forget_table()
        reset_after_use("tr_evidence_confirm")
        flash("success", tr("tracker.table.evidence_removed"))
        st.rerun()


def weekly_target(store: Store, today: date) -> None:
    """The weekly target (count and types), this week against it, and the last twelve weeks."""
    st.header(tr("tracker.target.title"), anchor=False)
    st.caption(tr("tracker.target.explain"))
    target = repo.get_weekly_target(store)
    tcols = st.columns([1, 3, 1])
    # no min/max: the widget would replace a typed -5 by 1 without a word; check_target refuses it
    t_count = tcols[0].number_input(
        tr("tracker.target.count"), step=1, value=target.count if target else 2, key="tr_target_count",
        help=tr("tracker.error.bad_target", maximum=MAX_TARGET),
    )  # fmt: skip
    t_types = id_choice(
        tcols[1].multiselect, tr("tracker.target.types"), ACTIVITY_TYPES, key="tr_target_types",
        default=list(target.types if target else APPLICATION_TYPES), format_func=type_labels().__getitem__,
        placeholder=tr("tracker.filter.placeholder"),
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
        + " "
        + tr("tracker.target.weeks_met", met=sum(p.met for p in progress), weeks=len(progress))
    )
    plotly_chart(target_chart(progress), key="tr_target_chart")
    chart_table(target_table(progress), tr("tracker.target.chart_title"))


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
    if weekly:
        st.markdown(per_week_summary(weekly))
        chart_table(per_week_table(weekly), tr("tracker.charts.per_week_title"))
    type_status = repo.counts_per_type_status(store, chart_filter)
    ccols = st.columns(2)
    with ccols[0]:
        counts = funnel(type_status)
        plotly_chart(funnel_chart(counts), key="tr_funnel_chart")
        st.markdown(tr("tracker.charts.funnel_summary", **{k: getattr(counts, k) for k in FUNNEL_STAGES}))
        chart_table(funnel_table(counts), tr("tracker.charts.funnel_title"))
        rate = response_rate(type_status)
        if rate is None:
            st.caption(tr("tracker.charts.response_rate_none"))
        else:
            sent = counts.applications
            st.metric(tr("tracker.charts.response_rate"), f"{round(rate * 100)}%")
            st.caption(tr("tracker.charts.response_rate_value", percent=round(rate * 100), sent=sent))
    with ccols[1]:
        histogram = repo.response_days_histogram(store, chart_filter)
        middle = median_days(histogram)
        if middle is None:
            st.caption(tr("tracker.charts.time_none"))
        else:
            plotly_chart(response_time_chart(histogram), key="tr_time_chart")
            inferred, total = repo.response_dates_inferred(store, chart_filter)
            days: int | str = int(middle) if middle.is_integer() else f"{middle:g}"
            st.caption(tr("tracker.charts.time_median", days=days, inferred=inferred, total=total))
            chart_table(time_table(histogram), tr("tracker.charts.time_title"))


def agenda(store: Store, today: date) -> None:
    """Follow-ups and interviews to come (overdue ones marked), and all of them as an .ics file."""
    st.header(tr("tracker.agenda.title"), anchor=False)
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
        file_name=f"{_file('agenda')}.ics", mime="text/calendar", key="tr_ics", icon=":material/event:",
        disabled=not (upcoming.follow_ups or upcoming.interviews),
    )  # fmt: skip


def export_files(store: Store, today: date) -> None:
    """The log of a period as CSV, XLSX, PDF overview or JSON, made only when a button is clicked."""
    st.header(tr("tracker.export.title"), anchor=False)
    st.caption(tr("tracker.export.explain"))
    span = repo.date_range(store)
    default_start = span[0] if span else today - timedelta(days=90)
    default_end = max(span[1], today) if span else today
    ecols = st.columns(2)
    e_start = ecols[0].date_input(tr("tracker.filter.start"), value=default_start, key="tr_exp_start", **WIDGET_DATES)
    e_end = ecols[1].date_input(tr("tracker.filter.end"), value=default_end, key="tr_exp_end", **WIDGET_DATES)
    e_start, e_end = _period(e_start, e_end)
    name = _export_name(store)
    export_filter = ActivityFilter(start=e_start, end=e_end)
    language, stamp = lang(), f"{e_start}_{e_end}"

    # Generated only when clicked (the callables run outside the script), so 10,000 rows never slow the page.
    def _rows() -> list[Activity]:
        return list(repo.iter_activities(store, export_filter))

    xcols = st.columns(4)
    xcols[0].download_button(
        tr("tracker.export.csv"), data=lambda: tracker_io.to_csv(_rows(), language),
        file_name=f"{_file('activities')}_{stamp}.csv", mime="text/csv", key="tr_exp_csv", on_click="ignore",
    )  # fmt: skip
    xcols[1].download_button(
        tr("tracker.export.xlsx"), data=lambda: tracker_io.to_xlsx(_rows(), language),
        file_name=f"{_file('activities')}_{stamp}.xlsx", key="tr_exp_xlsx", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )  # fmt: skip
    xcols[2].download_button(
        tr("tracker.export.pdf"),
        data=lambda: tracker_io.overview_pdf(_rows(), language, e_start or today, e_end or today, today, name=name),
        file_name=f"{_file('overview')}_{stamp}.pdf", mime="application/pdf", key="tr_exp_pdf", on_click="ignore",
        type="primary",
    )  # fmt: skip
    xcols[3].download_button(
        tr("tracker.export.json"), data=lambda: tracker_io.to_json(_rows()),
        file_name=f"{_file('activities')}_{stamp}.json", mime="application/json", key="tr_exp_json", on_click="ignore",
    )  # fmt: skip


def _export_name(store: Store) -> str:
    """The person's name for the PDF: typed for this visit, kept in the store only when they ask."""
    ncols = st.columns([3, 1])
    name = ncols[0].text_input(
        tr("tracker.export.name"), value=get_setting(store, NAME_SETTING) or "", key="tr_exp_name", max_chars=200,
        help=tr("tracker.export.name_help"),
    )  # fmt: skip
    if ncols[1].button(tr("tracker.export.name_save"), key="tr_exp_name_save"):
        set_setting(store, NAME_SETTING, name.strip())
        flash("success", tr("tracker.export.name_saved"))
        st.rerun()
    return name.strip()


def _parsed_upload(upload: Any) -> tracker_io.Table | Spoor2Error:
    """The upload read once, by its file id (not on every rerun while it sits in the uploader)."""
    cached = st.session_state.get("tr_import_parsed")
    if cached is not None and cached[0] == upload.file_id:
        return cached[1]
    try:
        result: tracker_io.Table | Spoor2Error = tracker_io.read_table(upload.getvalue(), upload.name)
    except Spoor2Error as error:
        result = error
    for field in FIELDS:  # a new file: the mapping is guessed again from its headers
        forget_choice(f"tr_map_{field}")
    st.session_state["tr_import_parsed"] = (upload.file_id, result)
    return result


def _column_mapping(table: tracker_io.Table) -> dict[str, str | None]:
    guessed = tracker_io.auto_mapping(table.headers)
    options = [None, *dict.fromkeys(table.headers)]  # capped in spoor2 (MAX_IMPORT_COLUMNS)
    mapping: dict[str, str | None] = {}
    not_used = tr("tracker.import.not_used")
    mcols = st.columns(3)
    for index, field in enumerate(FIELDS):
        mapping[field] = id_choice(
            mcols[index % 3].selectbox, tr("tracker.import.column", field=tr(f"tracker.field.{field}")), options,
            key=f"tr_map_{field}", default=guessed.get(field),
            format_func=lambda h: not_used if h is None else str(h),
        )  # fmt: skip
    return mapping


def import_file(store: Store, today: date) -> None:
    """A CSV or XLSX file with a column mapping; all rows are imported, or none and every bad row is listed.

    After an import the uploader is a new, empty one; a file imported before is recognised (by its
    sha256) and imported again only after a tick."""
    st.divider()
    st.header(tr("tracker.import.title"), anchor=False)
    st.caption(tr("tracker.import.explain"))
    number = st.session_state.setdefault("tr_import_n", 0)
    upload = st.file_uploader(
        tr("tracker.import.upload"), type=["csv", "xlsx"], key=f"tr_import_file_{number}", max_upload_size=IMPORT_MB
    )
    if upload is None:
        return
    table = _parsed_upload(upload)
    if isinstance(table, Spoor2Error):
        show_error(table)
        return
    st.caption(tr("tracker.import.preview", rows=len(table.rows)))
    previous = repo.previous_import(store, upload.getvalue())
    again = True
    if previous is not None:
        st.warning(
            tr(
                "tracker.import.seen_before",
                date=fdate(date.fromisoformat(previous.imported_at[:10])),
                rows=previous.row_count,
            )
        )
        again = confirmation(tr("tracker.import.import_again"), "tr_import_again")
    st.markdown(f"**{tr('tracker.import.mapping')}**")
    mapping = _column_mapping(table)
    if not st.button(tr("tracker.import.submit"), key="tr_import_submit", type="primary"):
        return
    if not again:
        show_error(InvalidInput("tracker.error.import_again_unconfirmed"))
        return
    try:
        activities = tracker_io.rows_to_activities(table, mapping, today=today)
        source = repo.UploadedFile(upload.name, upload.getvalue())
        count = repo.import_activities(store, activities, source=source)
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
        st.session_state["tr_import_n"] = number + 1  # a new, empty uploader
        st.session_state.pop("tr_import_parsed", None)
        reset_after_use("tr_import_again")
        _forget_table()
        flash("success", tr("tracker.import.done", count=count))
        st.rerun()
