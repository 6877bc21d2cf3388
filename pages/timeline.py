"""Timeline (/timeline): my sick periods → my own 104-week Poortwachter calendar.

Thin page: widgets → ui/timeline.py (form ↔ model) → spoor2.timeline.rules (rules) → render.
"""

from datetime import date

import pandas as pd
import streamlit as st

from spoor2.errors import InvalidInput, Spoor2Error
from spoor2.store import timeline as repo
from spoor2.timeline.ics import timeline_to_ics
from spoor2.timeline.rules import compute_timeline, where_i_stand
from spoor2.timeline.view import indicative_reason, milestone_notes, milestone_rule
from ui import timeline as ui
from ui.frame import (
    fdate,
    get_store,
    lang,
    legal_footer,
    md_escape,
    page_start,
    show_error,
    sources_markdown,
    tr,
    user_text,
)

page_start("nav.timeline")
st.markdown(tr("timeline.intro"))
st.caption(tr("timeline.privacy"))

store = get_store()
today = date.today()
saved = repo.load_timeline_input(store)
ui.ensure_form(saved)

# --- the form -----------------------------------------------------------------------------------------
earliest = date(today.year - 6, 1, 1)
latest = date(today.year + 2, 12, 31)
with st.container(border=True):
    st.subheader(tr("timeline.periods_title"))
    st.caption(tr("timeline.periods_help"))
    rows = list(st.session_state[ui.ROWS_KEY])
    for number, row in enumerate(rows, start=1):
        cols = st.columns([3, 3, 2], vertical_alignment="bottom")
        cols[0].date_input(
            f"{tr('timeline.period_label', number=number)} — {tr('timeline.start')}",
            key=ui.start_key(row),
            min_value=earliest,
            max_value=latest,
            format="DD-MM-YYYY",
        )
        cols[1].date_input(
            f"{tr('timeline.period_label', number=number)} — {tr('timeline.end')}",
            key=ui.end_key(row),
            min_value=earliest,
            max_value=latest,
            format="DD-MM-YYYY",
            help=tr("timeline.end_help"),
        )
        if len(rows) > 1:
            cols[2].button(
                tr("timeline.remove_period", number=number),
                key=f"tl_remove_{row}",
                on_click=ui.remove_row,
                args=(row,),
                icon=":material/delete:",
            )
    st.button(tr("timeline.add_period"), key="tl_add_period", on_click=ui.add_row, icon=":material/add:")
    with st.expander(tr("timeline.advanced")):
        left, right = st.columns(2)
        left.number_input(
            tr("timeline.sanction_weeks"), key="tl_sanction", min_value=0, step=1, help=tr("timeline.sanction_help")
        )
        right.number_input(
            tr("timeline.extension_weeks"), key="tl_extension", min_value=0, step=1, help=tr("timeline.extension_help")
        )
        left.date_input(
            tr("timeline.early_iva"),
            key="tl_early_iva",
            min_value=earliest,
            max_value=latest,
            format="DD-MM-YYYY",
            help=tr("timeline.early_iva_help"),
        )
        right.date_input(
            tr("timeline.contract_end"),
            key="tl_contract_end",
            min_value=earliest,
            max_value=latest,
            format="DD-MM-YYYY",
            help=tr("timeline.contract_end_help"),
        )
    if st.button(tr("timeline.save"), key="tl_save", type="primary", icon=":material/save:"):
        try:
            candidate = ui.validated_input(ui.form_values(), today)
            compute_timeline(candidate)  # rules that need the whole timeline (early IVA window, contract end)
            repo.save_timeline_input(store, candidate)
        except Spoor2Error as error:
            show_error(error)
        else:
            saved = candidate
            st.success(tr("timeline.saved"), icon=":material/check:")

if saved is None:
    st.info(tr("timeline.not_saved_yet"), icon=":material/info:")
    legal_footer()
    st.stop()

try:
    timeline = compute_timeline(saved)
except Spoor2Error as error:  # a saved input that no longer validates: say so, never crash
    st.warning(tr("timeline.saved_problem", message=error.message(lang())))
    legal_footer()
    st.stop()
records = repo.milestone_records(store)
standing = where_i_stand(timeline, today, records)

# --- where I stand ------------------------------------------------------------------------------------
st.subheader(tr("timeline.where_title"))
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

# --- chart and table ----------------------------------------------------------------------------------
st.subheader(tr("timeline.chart_title"))
st.plotly_chart(ui.timeline_chart(timeline, standing, today), key="tl_chart", config=ui.CHART_CONFIG)
st.caption(tr("timeline.chart_caption"))

st.subheader(tr("timeline.table_title"))
table = pd.DataFrame(ui.table_rows(timeline, standing))
st.dataframe(
    table,
    hide_index=True,
    key="tl_table",
    height=ui.table_height(len(table)),
    column_config=ui.table_columns(),
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

# --- details ------------------------------------------------------------------------------------------
st.subheader(tr("timeline.details_title"))
notes = repo.milestone_notes(store)
for item in timeline.milestones:
    status = standing.of(item.id)
    title = f"{ui.when_text(item)} — {ui.label(item)} · {tr(f'milestones.status.{status.status}')}"
    with st.expander(title):
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

# --- record as done -----------------------------------------------------------------------------------
st.subheader(tr("timeline.record_title"))
st.caption(tr("timeline.record_help"))
recordable = [item.id for item in timeline.milestones if item.recordable]
record_labels = {mid: tr(f"milestones.{mid}.label") for mid in recordable}
with st.form("tl_record_form", clear_on_submit=True, border=True):
    chosen = st.selectbox(
        tr("timeline.record_milestone"), recordable, format_func=record_labels.__getitem__, key="tl_record_milestone"
    )
    done_on = st.date_input(
        tr("timeline.record_date"),
        value=today,
        min_value=earliest,
        max_value=latest,
        format="DD-MM-YYYY",
        key="tl_record_date",
    )
    note = st.text_area(tr("timeline.record_note"), max_chars=repo.MAX_NOTE_CHARS, key="tl_record_note")
    if st.form_submit_button(tr("timeline.record_save"), icon=":material/task_alt:", key="tl_record_save"):
        try:
            if done_on is None or done_on > today:
                raise InvalidInput("timeline.error.done_in_future")
            repo.record_milestone(store, chosen, done_on, note or "")
        except Spoor2Error as error:
            show_error(error)
        else:
            st.session_state["tl_notice"] = tr(
                "timeline.recorded", milestone=record_labels[chosen], date=fdate(done_on)
            )
            st.rerun()

notice = st.session_state.pop("tl_notice", None)
if notice:
    st.success(notice, icon=":material/check:")
if records:
    st.markdown(f"**{tr('timeline.recorded_title')}**")
    for mid, when in sorted(records.items(), key=lambda pair: pair[1]):
        if mid not in record_labels:
            continue
        cols = st.columns([6, 2], vertical_alignment="center")
        cols[0].markdown(f"{fdate(when)} — {record_labels[mid]}")
        if cols[1].button(tr("timeline.clear"), key=f"tl_clear_{mid}", icon=":material/undo:"):
            repo.clear_milestone(store, mid)
            st.session_state["tl_notice"] = tr("timeline.cleared", milestone=record_labels[mid])
            st.rerun()

legal_footer()
