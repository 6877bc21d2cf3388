"""Job-search activity log (/tracker): quick add, an editable paged table, weekly target, charts,
follow-ups as .ics, exports (CSV/XLSX/JSON/PDF) and import with a column mapping."""

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from spoor2.errors import ImportRejected, InvalidInput, Spoor2Error
from spoor2.store import tracker as repo
from spoor2.tracker import import_export as tracker_io
from spoor2.tracker.activities import (
    ACTIVITY_TYPES,
    APPLICATION_TYPES,
    FIELDS,
    FITS,
    MAX_TARGET,
    STATUSES,
    ActivityFilter,
    check_target,
    funnel,
    median_days,
    response_rate,
    target_progress,
    validate_activity,
    weeks_met_in_a_row,
)
from ui import tracker as ui
from ui.frame import fdate, get_store, lang, legal_footer, page_start, show_error, sources_markdown, tr

#: Why this log is evidence: the RIV includes the employee's own view (procesgang art. 6); UWV checks
#: the spoor 2 efforts (beleidsregels § 8-9) and can extend wage payment (WIA art. 25 lid 9).
WHY_SOURCES = ("procesgang_6", "beleidsregels_8_9", "wia_25_9")

page_start("nav.tracker")
st.markdown(tr("tracker.intro"))
st.caption(f"{tr('tracker.sources_label')}: {sources_markdown(WHY_SOURCES)}")
ui.show_flash()

today = date.today()
store = get_store()
TYPES, STATUS_LABELS, FIT_LABELS = ui.type_labels(), ui.status_labels(), ui.fit_labels()

# --- quick add ------------------------------------------------------------------------------------------
with st.form("tr_add_form", clear_on_submit=False, border=True):
    st.subheader(tr("tracker.add.title"))
    cols = st.columns([1, 2, 2, 1.4])
    add_date = cols[0].date_input(
        tr("tracker.field.date"), value=today, key="tr_add_date", format="DD-MM-YYYY",
        min_value=today - timedelta(days=5 * 366), max_value=today + timedelta(days=366),
    )  # fmt: skip
    add_type = cols[1].selectbox(
        tr("tracker.field.type"), ACTIVITY_TYPES, format_func=TYPES.__getitem__, key="tr_add_type"
    )
    add_org = cols[2].text_input(tr("tracker.field.organisation"), key="tr_add_org", max_chars=200)
    add_status = cols[3].selectbox(
        tr("tracker.field.status"), STATUSES, index=STATUSES.index("done"), format_func=STATUS_LABELS.__getitem__,
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
            format_func=lambda v: tr("tracker.add.none") if v is None else FIT_LABELS[v],
        )  # fmt: skip
        add_goal = more[2].text_input(tr("tracker.field.goal"), key="tr_add_goal", max_chars=500)
        add_outcome = st.text_input(tr("tracker.field.outcome"), key="tr_add_outcome")
        add_notes = st.text_area(tr("tracker.field.notes"), key="tr_add_notes")
        add_link = st.text_input(tr("tracker.field.evidence_link"), key="tr_add_link")
        add_file = st.file_uploader(
            tr("tracker.add.evidence_upload"), key="tr_add_file", type=list(repo.EVIDENCE_EXTENSIONS)
        )
    submitted = st.form_submit_button(tr("tracker.add.submit"), key="tr_add_submit", type="primary")

if submitted:
    raw = {
        "date": add_date, "type": add_type, "organisation": add_org, "status": add_status, "role": add_role,
        "channel": add_channel, "contact_person": add_contact, "follow_up": add_follow, "fits_limitations": add_fit,
        "goal": add_goal, "outcome": add_outcome, "notes": add_notes, "evidence_link": add_link,
    }  # fmt: skip
    stored_file = None
    try:
        validate_activity(raw, today=today)  # every rule first: nothing is stored when the form is wrong
        if add_file is not None:
            stored_file = repo.save_evidence(store, add_file.name, add_file.getvalue())
        activity = validate_activity({**raw, "evidence_file": stored_file}, today=today)
        repo.add_activity(store, activity, today=today)
    except Spoor2Error as error:
        repo.discard_evidence(store, stored_file)
        show_error(error)
    else:
        for key in ("tr_add_org", "tr_add_role", "tr_add_notes", "tr_add_outcome", "tr_add_link"):
            st.session_state.pop(key, None)
        st.session_state.pop("tr_table", None)
        ui.flash("success", tr("tracker.add.added"))
        st.rerun()

total_all = repo.count_activities(store)
if total_all == 0:
    st.info(tr("tracker.empty"), icon=":material/edit_note:")

# --- filters ----------------------------------------------------------------------------------------------
with st.expander(tr("tracker.filter.title"), expanded=False):
    fcols = st.columns(4)
    f_start = fcols[0].date_input(tr("tracker.filter.start"), value=None, key="tr_f_start", format="DD-MM-YYYY")
    f_end = fcols[1].date_input(tr("tracker.filter.end"), value=None, key="tr_f_end", format="DD-MM-YYYY")
    f_types = fcols[2].multiselect(
        tr("tracker.filter.types"), ACTIVITY_TYPES, format_func=TYPES.__getitem__, key="tr_f_types"
    )
    f_statuses = fcols[3].multiselect(
        tr("tracker.filter.statuses"), STATUSES, format_func=STATUS_LABELS.__getitem__, key="tr_f_statuses"
    )
if f_start and f_end and f_end < f_start:
    show_error(InvalidInput("tracker.error.period_reversed"))
    f_start, f_end = f_end, f_start
filters = ActivityFilter(start=f_start, end=f_end, types=tuple(f_types), statuses=tuple(f_statuses))
filter_signature = repr(filters)
if st.session_state.get("tr_filter_seen") != filter_signature:
    st.session_state["tr_filter_seen"] = filter_signature
    st.session_state.pop("tr_table", None)
    st.session_state["tr_page"] = 1

tab_log, tab_progress, tab_agenda, tab_files = st.tabs(
    [tr(f"tracker.tabs.{name}") for name in ("log", "progress", "agenda", "files")]
)

# --- the table ----------------------------------------------------------------------------------------
with tab_log:
    st.subheader(tr("tracker.table.title"))
    total = repo.count_activities(store, filters)
    pages = max(1, -(-total // ui.PAGE_SIZE))
    page_no = int(
        st.number_input(tr("tracker.table.page"), min_value=1, max_value=pages, step=1, key="tr_page",
                        on_change=lambda: st.session_state.pop("tr_table", None))
    )  # fmt: skip
    page_no = min(page_no, pages)
    offset = (page_no - 1) * ui.PAGE_SIZE
    shown = repo.list_activities(store, filters, limit=ui.PAGE_SIZE, offset=offset)
    before = ui.table_frame(shown)
    if shown:
        st.caption(tr("tracker.table.caption", first=offset + 1, last=offset + len(shown), total=total))
    after = st.data_editor(
        before, key="tr_table", column_config=ui.column_config(), hide_index=True, num_rows="fixed",
        width="stretch", column_order=["select", *ui.TABLE_FIELDS],
    )  # fmt: skip
    originals = {a.id: a for a in shown}
    if st.button(tr("tracker.table.save"), key="tr_save", icon=":material/save:", type="primary"):
        changed = ui.edited_rows(before, after, originals)
        if not changed:
            st.info(tr("tracker.table.no_changes"))
        else:
            position = {activity_id: i + 1 for i, activity_id in enumerate(before.index)}
            checked, problem = [], None
            for raw in changed:
                try:
                    checked.append(validate_activity(raw, today=today))
                except InvalidInput as error:
                    problem = tr(
                        "tracker.table.row_error", row=offset + position[raw["id"]], reason=error.message(lang())
                    )
                    break
            if problem:
                st.error(problem, icon=":material/error:")
            elif ui.attempt(lambda: repo.update_activities(store, checked, today=today)) is not None:
                st.session_state.pop("tr_table", None)
                ui.flash("success", tr("tracker.table.saved"))
                st.rerun()
    bcols = st.columns([2, 1])
    bulk_status = bcols[0].selectbox(
        tr("tracker.table.bulk_status"), STATUSES, format_func=STATUS_LABELS.__getitem__, key="tr_bulk_status",
        label_visibility="collapsed",
    )  # fmt: skip
    if bcols[1].button(tr("tracker.table.bulk_apply"), key="tr_bulk_apply", width="stretch"):
        ids = ui.selected_ids(after)
        count = ui.attempt(lambda: repo.bulk_set_status(store, ids, bulk_status, today=today))
        if count is not None:
            st.session_state.pop("tr_table", None)
            ui.flash("success", tr("tracker.table.bulk_done", count=count))
            st.rerun()
    dcols = st.columns([2, 1])
    confirm = dcols[0].checkbox(tr("tracker.table.delete_confirm"), key="tr_delete_confirm")
    if dcols[1].button(tr("tracker.table.delete"), key="tr_delete", icon=":material/delete:", width="stretch"):
        ids = ui.selected_ids(after)
        if not ids:
            show_error(InvalidInput("tracker.error.no_selection"))
        elif not confirm:
            show_error(InvalidInput("tracker.error.delete_unconfirmed"))
        else:
            count = repo.delete_activities(store, ids)
            st.session_state.pop("tr_table", None)
            st.session_state.pop("tr_delete_confirm", None)
            ui.flash("success", tr("tracker.table.deleted", count=count))
            st.rerun()
    with_files = [a for a in shown if a.evidence_file]
    if with_files:
        with st.expander(tr("tracker.table.evidence_title")):
            for a in with_files:
                path = repo.evidence_path(store, a.evidence_file or "")
                if path is not None:
                    st.download_button(
                        tr("tracker.table.evidence_download", organisation=a.organisation, date=fdate(a.activity_date)),
                        data=path.read_bytes(), file_name=f"evidence-{a.activity_date}-{path.name}",
                        key=f"tr_evidence_{a.id}",
                    )  # fmt: skip

# --- target and charts ----------------------------------------------------------------------------------
with tab_progress:
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
        format_func=TYPES.__getitem__, key="tr_target_types",
    )  # fmt: skip
    if tcols[2].button(tr("tracker.target.save"), key="tr_target_save"):
        try:
            repo.set_weekly_target(store, check_target(t_count, t_types))
        except Spoor2Error as error:
            show_error(error)
        else:
            ui.flash("success", tr("tracker.target.saved"))
            st.rerun()
    last_12 = today - timedelta(weeks=11, days=today.weekday())
    if target is None:
        st.info(tr("tracker.target.none"))
    else:
        recent = repo.counts_per_week_type(store, ActivityFilter(start=last_12, end=today))
        progress = target_progress(recent, target, last_12, today)
        this_week = progress[-1]
        st.markdown(
            tr("tracker.target.summary", count=target.count, done=this_week.done, streak=weeks_met_in_a_row(progress))
        )
        st.plotly_chart(ui.target_chart(progress), key="tr_target_chart", config=ui.CHART_CONFIG)

    span = repo.date_range(store)
    if span is not None:
        chart_filter = filters
        if filters.start is None and filters.end is None:  # default: the last 26 weeks with activities
            chart_filter = ActivityFilter(
                start=max(span[0], span[1] - timedelta(weeks=26)), end=span[1],
                types=filters.types, statuses=filters.statuses,
            )  # fmt: skip
        st.caption(tr("tracker.charts.period", start=fdate(chart_filter.start), end=fdate(chart_filter.end)))
        weekly = repo.counts_per_week_type(store, chart_filter)
        st.plotly_chart(ui.per_week_chart(weekly), key="tr_week_chart", config=ui.CHART_CONFIG)
        type_status = repo.counts_per_type_status(store, chart_filter)
        ccols = st.columns(2)
        with ccols[0]:
            st.plotly_chart(ui.funnel_chart(funnel(type_status)), key="tr_funnel_chart", config=ui.CHART_CONFIG)
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
                st.plotly_chart(ui.response_time_chart(histogram), key="tr_time_chart", config=ui.CHART_CONFIG)
                st.caption(tr("tracker.charts.time_median", days=f"{middle:g}"))

# --- follow-ups and interviews ----------------------------------------------------------------------------
with tab_agenda:
    st.subheader(tr("tracker.agenda.title"))
    upcoming = repo.agenda(store, today)
    st.markdown(f"**{tr('tracker.agenda.follow_ups')}**")
    if upcoming.follow_ups:
        st.dataframe(ui.agenda_frame(upcoming.follow_ups, lambda a: a.follow_up, today), hide_index=True)
    else:
        st.caption(tr("tracker.agenda.none"))
    st.markdown(f"**{tr('tracker.agenda.interviews')}**")
    if upcoming.interviews:
        st.dataframe(ui.agenda_frame(upcoming.interviews, lambda a: a.activity_date, today), hide_index=True)
    else:
        st.caption(tr("tracker.agenda.none"))
    st.download_button(
        tr("tracker.agenda.ics"), data=tracker_io.agenda_ics(upcoming.follow_ups, upcoming.interviews, lang()),
        file_name="spoor2-follow-ups.ics", mime="text/calendar", key="tr_ics", icon=":material/event:",
        disabled=not (upcoming.follow_ups or upcoming.interviews),
    )  # fmt: skip

# --- export and import ------------------------------------------------------------------------------------
with tab_files:
    st.subheader(tr("tracker.export.title"))
    st.caption(tr("tracker.export.explain"))
    span = repo.date_range(store)
    default_start = span[0] if span else today - timedelta(days=90)
    default_end = max(span[1], today) if span else today
    ecols = st.columns(2)
    e_start = ecols[0].date_input(tr("tracker.filter.start"), value=default_start, key="tr_exp_start",
                                  format="DD-MM-YYYY")  # fmt: skip
    e_end = ecols[1].date_input(tr("tracker.filter.end"), value=default_end, key="tr_exp_end", format="DD-MM-YYYY")
    if e_start and e_end and e_end < e_start:
        show_error(InvalidInput("tracker.error.period_reversed"))
        e_start, e_end = e_end, e_start
    export_filter = ActivityFilter(start=e_start, end=e_end)
    language, stamp = lang(), f"{e_start}_{e_end}"

    # Generated only when clicked (the callables run outside the script), so 10,000 rows never slow the page.
    def _rows():  # type: ignore[no-untyped-def]
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

    st.divider()
    st.subheader(tr("tracker.import.title"))
    st.caption(tr("tracker.import.explain"))
    upload = st.file_uploader(tr("tracker.import.upload"), type=["csv", "xlsx"], key="tr_import_file")
    if upload is not None:
        try:
            table = tracker_io.read_table(upload.getvalue(), upload.name)
        except Spoor2Error as error:
            show_error(error)
        else:
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
            if st.button(tr("tracker.import.submit"), key="tr_import_submit", type="primary"):
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
                    st.session_state.pop("tr_table", None)
                    ui.flash("success", tr("tracker.import.done", count=count))
                    st.rerun()

legal_footer()
