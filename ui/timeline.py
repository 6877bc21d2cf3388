"""The sections of /timeline (periods form, where I stand, chart and table, details, record as done)
and their helpers: form values ↔ TimelineInput, the chart and the table rows.

The rules live in :mod:`spoor2.timeline.rules`; saving in :mod:`spoor2.store.timeline`. Widget
values become a :class:`TimelineInput` only in :func:`form_to_input`; nothing here is cached,
because the statuses depend on today's date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from spoor2.errors import InvalidInput, Spoor2Error
from spoor2.store import Store
from spoor2.store import timeline as repo
from spoor2.store.timeline import SavedStanding
from spoor2.timeline.ics import timeline_to_ics
from spoor2.timeline.rules import (
    DatedMilestone,
    LeavePeriod,
    Milestone,
    SickPeriod,
    Standing,
    Timeline,
    TimelineInput,
    check_done_on,
    in_order,
    validate_timeline_input,
)
from spoor2.timeline.view import (
    conditional_text,
    indicative_reason,
    milestone_notes,
    milestone_rule,
    not_applicable_reason,
)
from ui.charts import (
    CHART_TEXT_COLOR,
    STATUS_COLOURS,
    TODAY_COLOUR,
    WINDOW_OUTLINE_WIDTH,
    month_ticks,
    plotly_chart,
    tint,
)
from ui.frame import (
    chosen,
    error_text,
    fdate,
    flash,
    flash_error,
    forget_choice,
    id_choice,
    lang,
    long_text_area,
    md_escape,
    sources_markdown,
    tr,
    user_text,
)

ROWS_KEY = "tl_rows"
RECORD_MILESTONE_KEY = "tl_record_milestone"
RECORD_DATE_KEY = "tl_record_date"
RECORD_NOTE_KEY = "tl_record_note"
NEXT_ROW_KEY = "tl_next_row"
OPTION_KEYS = {
    "wage_sanction_weeks": "tl_sanction",
    "extension_weeks": "tl_extension",
    "early_iva_applied": "tl_early_iva",
    "contract_end": "tl_contract_end",
    "aow_date": "tl_aow_date",
}
#: WAZO pregnancy and maternity leave (docs/rules.md#pregnancy-leave): its days and the same-cause answer
LEAVE_START_KEY, LEAVE_END_KEY, OTHER_CAUSE_KEY = "tl_leave_start", "tl_leave_end", "tl_leave_other_cause"
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
    leave = inp.pregnancy_leave if inp is not None else None
    values[LEAVE_START_KEY] = leave.start if leave is not None else None
    values[LEAVE_END_KEY] = leave.end if leave is not None else None
    values[OTHER_CAUSE_KEY] = inp is not None and not inp.after_leave_same_cause
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
        pregnancy_leave=_leave(values),
        after_leave_same_cause=not values.get(OTHER_CAUSE_KEY),
        aow_date=values.get(OPTION_KEYS["aow_date"]),
    )


def _leave(values: Mapping[str, Any]) -> LeavePeriod | None:
    """The leave of the form: both days or neither (one day alone is refused with the rule's message)."""
    start, end = values.get(LEAVE_START_KEY), values.get(LEAVE_END_KEY)
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise InvalidInput("timeline.error.pregnancy_leave_end_before_start")
    return LeavePeriod(start=start, end=end)


def validated_input(values: Mapping[str, Any], today: date) -> TimelineInput:
    """Form → input (periods oldest first), with every rule checked before anything is written."""
    inp = in_order(form_to_input(values))
    validate_timeline_input(inp, today)
    return inp


def rows_in_order() -> None:
    """Show the rows oldest first (as the rules number them); rows without a first day go last."""
    state = st.session_state
    far = date.max

    def start(row: int) -> date:
        value = state.get(start_key(row))
        return value if isinstance(value, date) else far

    state[ROWS_KEY] = sorted(state[ROWS_KEY], key=start)


def _on_save(store: Store, today: date) -> None:
    """Callback of "Save my timeline": the periods in order, every rule checked, then saved."""
    rows_in_order()
    try:
        candidate = validated_input(form_values(), today)
        repo.save_timeline_input(store, candidate)
    except Spoor2Error as error:
        flash_error(error)
    else:
        flash("success", tr("timeline.saved"))


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
    for key in (*OPTION_KEYS.values(), LEAVE_START_KEY, LEAVE_END_KEY, OTHER_CAUSE_KEY):
        values[key] = state.get(key)
    return values


# --- rendering helpers ---------------------------------------------------------------------------------


def when_text(item: Milestone, fmt: str = "long") -> str:
    if isinstance(item, DatedMilestone):
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
    """Milestones as points, windows as bars, a line for today; every step's status is written next to it
    (colour is not the only cue, WCAG 1.4.1); hover shows date, step and status.

    One trace per kind (every window one bar of one ``go.Bar``, every point one marker of one ``go.Scatter``,
    the statuses written over or before a window one text trace): Plotly validates each trace on its own, so a
    trace per step made a long timeline slow to draw again on every click (issue 19). Colour, symbol, text,
    its place and the hover text are given per step.
    """
    items = list(timeline.milestones)
    names = [tr(f"milestones.{item.id}.label") for item in items]
    first = min(item.first for item in items)
    last = max(item.due for item in items)
    # where a step's status is written: after it; before it when it is late on the axis; on a long window
    # that reaches from early to late, in its middle (dark text on the light tint, 4.5:1)
    late_from, early_until = first + (last - first) * 3 // 5, first + (last - first) // 4
    windows: dict[str, list[Any]] = {key: [] for key in ("x", "base", "y", "text", "hover", "fill", "outline")}
    labels: dict[str, list[Any]] = {key: [] for key in ("x", "y", "text", "position")}
    points: dict[str, list[Any]] = {key: [] for key in ("x", "y", "text", "position", "hover", "colour", "symbol")}
    for item, name in zip(items, names, strict=True):
        status = standing.of(item.id).status
        colour = STATUS_COLOURS[status]
        status_text = tr(f"milestones.status.{status}")
        hover = f"{when_text(item)}<br>{name}<br>{status_text}<extra></extra>"
        late = (item.due if item.kind == "window" else item.first) > late_from
        if item.kind == "window":
            windows["x"].append(((item.due - item.first).days + 1) * DAY_MS)
            windows["base"].append(item.first.isoformat())
            windows["y"].append(name)
            # after the bar, as after a point (inside, Plotly would shrink it to the bar's size); a late one's
            # is written by the label trace instead
            windows["text"].append("" if late else status_text)
            windows["hover"].append(hover)
            windows["fill"].append(tint(colour))
            windows["outline"].append(colour)
            if late:
                inside = item.first <= early_until
                labels["x"].append((item.first + (item.due - item.first) / 2 if inside else item.first).isoformat())
                labels["y"].append(name)
                labels["text"].append(status_text)
                labels["position"].append("middle center" if inside else "middle left")
        else:
            points["x"].append(item.first.isoformat())
            points["y"].append(name)
            points["text"].append(status_text)
            points["position"].append("middle left" if late else "middle right")
            points["hover"].append(hover)
            points["colour"].append(colour)
            points["symbol"].append("diamond" if item.indicative else "circle")
    data: list[go.Bar | go.Scatter] = []
    if windows["y"]:
        data.append(
            go.Bar(
                x=windows["x"],
                base=windows["base"],
                y=windows["y"],
                orientation="h",
                # a light fill inside an outline in the full colour (3:1)
                marker={"color": windows["fill"], "line": {"color": windows["outline"], "width": WINDOW_OUTLINE_WIDTH}},
                text=windows["text"],
                textposition="outside",
                cliponaxis=False,
                textfont={"color": CHART_TEXT_COLOR},
                hovertemplate=windows["hover"],
                showlegend=False,
                width=0.5,
            )
        )
    if labels["y"]:
        data.append(
            go.Scatter(
                x=labels["x"],
                y=labels["y"],
                mode="text",
                text=labels["text"],
                textposition=labels["position"],
                hoverinfo="skip",
                showlegend=False,
            )
        )
    if points["y"]:
        data.append(
            go.Scatter(
                x=points["x"],
                y=points["y"],
                mode="markers+text",
                marker={"size": 12, "color": points["colour"], "symbol": points["symbol"]},
                text=points["text"],
                textposition=points["position"],
                cliponaxis=False,
                hovertemplate=points["hover"],
                showlegend=False,
            )
        )
    layout = {
        "shapes": [
            {
                "type": "line",
                "x0": today.isoformat(),
                "x1": today.isoformat(),
                "y0": 0,
                "y1": 1,
                "yref": "paper",
                "line": {"color": TODAY_COLOUR, "width": 2, "dash": "dash"},
            }
        ],
        "annotations": [
            {
                "x": today.isoformat(),
                "y": 1,
                "yref": "paper",
                "text": tr("timeline.chart_today"),
                "showarrow": False,
                "yanchor": "bottom",
                "font": {"color": TODAY_COLOUR},
            }
        ],
        "height": max(360, 34 * len(items) + 80),
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "barmode": "overlay",
        "xaxis": {
            "type": "date",
            "range": [(first - timedelta(days=20)).isoformat(), (last + timedelta(days=20)).isoformat()],
            # month names in the page language (Plotly's own are English)
            **month_ticks(first - timedelta(days=20), last + timedelta(days=20), lang()),
        },
        "yaxis": {"categoryorder": "array", "categoryarray": list(reversed(names)), "automargin": True},
        "hoverlabel": {"align": "left"},
    }
    return go.Figure(data=data, layout=layout)


def _date_bounds(today: date) -> tuple[date, date]:
    """The dates the form and the record form accept: six years back, two years ahead."""
    return date(today.year - 6, 1, 1), date(today.year + 2, 12, 31)


# --- the sections of the page, in order -------------------------------------------------------------------


def intro() -> None:
    st.markdown(tr("timeline.intro"))
    st.caption(tr("timeline.privacy"))


def periods_form(store: Store, today: date) -> None:
    """Sick periods and the advanced options; saved only when every rule holds."""
    ensure_form(repo.load_timeline_input(store))
    earliest, latest = _date_bounds(today)
    with st.container(border=True):
        st.header(tr("timeline.periods_title"), anchor=False)
        st.caption(tr("timeline.periods_help"))
        rows = list(st.session_state[ROWS_KEY])
        for number, row in enumerate(rows, start=1):
            cols = st.columns([3, 3, 2], vertical_alignment="bottom")
            cols[0].date_input(
                f"{tr('timeline.period_label', number=number)} — {tr('timeline.start')}",
                key=start_key(row),
                min_value=earliest,
                max_value=latest,
                format="DD-MM-YYYY",
                value=None,  # no date until the person gives one, and it can be cleared again
            )
            cols[1].date_input(
                f"{tr('timeline.period_label', number=number)} — {tr('timeline.end')}",
                key=end_key(row),
                min_value=earliest,
                max_value=latest,
                format="DD-MM-YYYY",
                value=None,  # "still sick": the field can be cleared (a default date would snap back)
                help=tr("timeline.end_help"),
            )
            if len(rows) > 1:
                cols[2].button(
                    tr("timeline.remove_period", number=number),
                    key=f"tl_remove_{row}",
                    on_click=remove_row,
                    args=(row,),
                    icon=":material/delete:",
                )
        st.button(tr("timeline.add_period"), key="tl_add_period", on_click=add_row, icon=":material/add:")
        _advanced_options(earliest, latest)
        st.button(
            tr("timeline.save"),
            key="tl_save",
            type="primary",
            icon=":material/save:",
            on_click=_on_save,
            args=(store, today),
        )


def _advanced_options(earliest: date, latest: date) -> None:
    with st.expander(tr("timeline.advanced")):
        left, right = st.columns(2)
        left.number_input(
            # no min_value: a typed -1 reaches the rule and is refused with its message, never clamped (D8)
            tr("timeline.sanction_weeks"),
            key="tl_sanction",
            step=1,
            help=tr("timeline.sanction_help"),
        )
        right.number_input(
            tr("timeline.extension_weeks"), key="tl_extension", step=1, help=tr("timeline.extension_help")
        )
        # the optional dates: (column, label, key, help); each starts empty, so it can be cleared again
        dates = (
            (left, "timeline.early_iva", "tl_early_iva", "timeline.early_iva_help"),
            (right, "timeline.contract_end", "tl_contract_end", "timeline.contract_end_help"),
            (left, "timeline.pregnancy_leave_start", LEAVE_START_KEY, "timeline.pregnancy_leave_help"),
            (right, "timeline.pregnancy_leave_end", LEAVE_END_KEY, "timeline.pregnancy_leave_help"),
        )
        for column, label, key, help_key in dates:
            column.date_input(tr(label), key=key, value=None, help=tr(help_key), **_date_range(earliest, latest))
        # default "same cause" (BW 7:629 lid 10: summed unless it cannot reasonably be the same cause)
        st.checkbox(
            tr("timeline.after_leave_other_cause"), key=OTHER_CAUSE_KEY, help=tr("timeline.after_leave_same_cause_help")
        )
        left.date_input(
            tr("timeline.aow_date"),
            key=OPTION_KEYS["aow_date"],
            value=None,
            help=tr("timeline.aow_date_help"),
            **_date_range(earliest, latest),
        )


def _date_range(earliest: date, latest: date) -> dict[str, Any]:
    return {"min_value": earliest, "max_value": latest, "format": "DD-MM-YYYY"}


def saved_standing(store: Store, today: date) -> SavedStanding | None:
    """The saved timeline and where I stand; None (and why) when nothing is saved or it no longer validates."""
    try:
        loaded = repo.load_standing(store, today)
    except Spoor2Error as error:  # a saved input that no longer validates: say so, never crash
        st.warning(tr("timeline.saved_problem", message=error_text(error)))
        return None
    if loaded is None:
        st.info(tr("timeline.not_saved_yet"), icon=":material/info:")
    return loaded


def where_i_stand(loaded: SavedStanding) -> None:
    """Sick week and days, the first sick day, and what the count and the steps look like now."""
    timeline, standing = loaded.timeline, loaded.standing
    st.header(tr("timeline.where_title"), anchor=False)
    cols = st.columns(3)
    cols[0].metric(tr("timeline.sick_week"), standing.sick_week)
    cols[1].metric(tr("timeline.sick_days"), standing.sick_days)
    cols[2].metric(tr("timeline.first_sick_day"), fdate(timeline.first_sick_day, "medium"))
    if standing.sick_now:
        st.caption(tr("timeline.sick_now"))
    elif standing.continues_count_until is not None and not standing.count_closed:
        st.info(tr("timeline.recovered_until", date=fdate(standing.continues_count_until)), icon=":material/info:")
    elif standing.count_closed:
        st.info(tr("timeline.count_closed"), icon=":material/info:")
    if timeline.dropped_periods:
        st.caption(tr("timeline.dropped", date=fdate(timeline.first_sick_day)))
    if timeline.gap_days:
        st.caption(tr("timeline.gap_days", days=timeline.gap_days))
    if standing.missing:
        st.warning(tr("timeline.flagged", count=len(standing.missing)), icon=":material/warning:")
    if standing.done_late:
        st.info(tr("timeline.done_late", count=len(standing.done_late)), icon=":material/schedule:")


def chart_and_table(loaded: SavedStanding, today: date) -> None:
    """The chart with today's line, the table of every step, and the calendar file."""
    timeline, standing = loaded.timeline, loaded.standing
    st.header(tr("timeline.chart_title"), anchor=False)
    plotly_chart(timeline_chart(timeline, standing, today), key="tl_chart")
    st.caption(tr("timeline.chart_caption"))

    st.header(tr("timeline.table_title"), anchor=False)
    table = pd.DataFrame(table_rows(timeline, standing))
    st.dataframe(
        table,
        hide_index=True,
        key="tl_table",
        height=table_height(len(table)),
        column_config=table_columns(),
    )
    st.download_button(
        tr("timeline.ics_download"),
        data=timeline_to_ics(timeline, lang(), standing),
        file_name=tr("timeline.ics.file_name"),
        mime="text/calendar",
        key="timeline_ics",
        icon=":material/calendar_month:",
        help=tr("timeline.ics_help"),
    )


def details(store: Store, loaded: SavedStanding) -> None:
    """Per step: the rule, notes, why it is indicative, the sources, and when it was done."""
    timeline, standing = loaded.timeline, loaded.standing
    st.header(tr("timeline.details_title"), anchor=False)
    notes = repo.milestone_notes(store)
    for item in timeline.milestones:
        status = standing.of(item.id)
        title = f"{when_text(item)} — {label(item)} · {tr(f'milestones.status.{status.status}')}"
        with st.expander(title):
            for extra in (not_applicable_reason(item, lang()), conditional_text(item, lang())):
                if extra:
                    st.info(md_escape(extra), icon=":material/info:")
            st.markdown(f"**{tr('timeline.detail_rule')}:** {md_escape(milestone_rule(item, lang()))}")
            for note in milestone_notes(item, lang()):
                st.markdown(f"- {md_escape(note)}")
            reason = indicative_reason(item, lang())
            if reason:
                st.markdown(f"**{tr('timeline.detail_indicative')}:** {md_escape(reason)}")
            st.markdown(f"**{tr('timeline.detail_sources')}:** {sources_markdown(item.sources)}")
            if status.done_on is not None:
                st.success(tr("timeline.detail_done", date=fdate(status.done_on)), icon=":material/check:")
                if notes.get(item.id):
                    user_text(notes[item.id])


def _on_record(store: Store, today: date, recordable: list[str], labels: Mapping[str, str]) -> None:
    """Callback of "Record": check the date, record, say so, and empty the fields for the next step."""
    chosen_id = chosen(RECORD_MILESTONE_KEY, options=recordable)
    done_on = st.session_state.get(RECORD_DATE_KEY)
    note = st.session_state.get(RECORD_NOTE_KEY) or ""
    if chosen_id not in recordable:  # the emptied form holds no step: a second click records nothing
        flash("warning", tr("timeline.record_no_step"))
        return
    if not isinstance(done_on, date):
        flash("warning", tr("timeline.record_no_date"))
        return
    try:
        check_done_on(done_on, today)
        repo.record_milestone(store, chosen_id, done_on, note)
    except Spoor2Error as error:
        flash_error(error)
        return
    flash("success", tr("timeline.recorded", milestone=labels[chosen_id], date=fdate(done_on)))
    forget_choice(RECORD_MILESTONE_KEY)
    for key in (RECORD_DATE_KEY, RECORD_NOTE_KEY):
        st.session_state.pop(key, None)


def record_as_done(store: Store, loaded: SavedStanding, today: date) -> None:
    """Record a step as done (with a date and a note), and undo a record."""
    st.header(tr("timeline.record_title"), anchor=False)
    st.caption(tr("timeline.record_help"))
    earliest, latest = _date_bounds(today)
    recordable = [item.id for item in loaded.timeline.milestones if item.recordable]
    record_labels = {mid: tr(f"milestones.{mid}.label") for mid in recordable}
    # no st.form: a form's choice is sent back as its label when submitted, so after a language
    # switch it would match no milestone (or the wrong one); the callback clears the fields after use
    with st.container(border=True):
        id_choice(
            st.selectbox,
            tr("timeline.record_milestone"),
            recordable,
            format_func=record_labels.__getitem__,
            key=RECORD_MILESTONE_KEY,
            default=None,  # the person chooses the step: a prefilled one would be recorded by a second click
            index=None,
            placeholder=tr("timeline.record_choose"),
        )
        st.date_input(
            tr("timeline.record_date"),
            value=today,
            min_value=earliest,
            max_value=latest,
            format="DD-MM-YYYY",
            key=RECORD_DATE_KEY,
        )
        long_text_area(tr("timeline.record_note"), max_chars=repo.MAX_NOTE_CHARS, key=RECORD_NOTE_KEY)
        st.button(
            tr("timeline.record_save"),
            icon=":material/task_alt:",
            key="tl_record_save",
            on_click=_on_record,
            args=(store, today, recordable, record_labels),
        )

    records = repo.milestone_records(store)
    if not records:
        return
    st.markdown(f"**{tr('timeline.recorded_title')}**")
    for mid, when in sorted(records.items(), key=lambda pair: pair[1]):
        # every record is shown and can be undone, also one whose step this timeline no longer lists
        # (it still moves later steps): its label comes from the milestone texts
        label = record_labels.get(mid) or tr(f"milestones.{mid}.label")
        cols = st.columns([6, 2], vertical_alignment="center")
        cols[0].markdown(f"{fdate(when)} — {label}")
        if cols[1].button(tr("timeline.clear"), key=f"tl_clear_{mid}", icon=":material/undo:"):
            repo.clear_milestone(store, mid)
            flash("success", tr("timeline.cleared", milestone=label))
            st.rerun()
