"""Home (/) — and the entry point: ``make run`` starts ``streamlit run app.py``.

Streamlit's multipage convention: this script is the home page and every script in ``pages/`` is
a page, its URL path its file name. Each page starts with :func:`ui.frame.page_start` (page config,
language selector, the translated navigation, title) and ends with the legal footer; the page
scripts read widgets, call ``spoor2`` and render, with their longer sections in ``ui/<page>.py``.
"""

from datetime import date

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.store.timeline import load_timeline_input, milestone_records
from spoor2.timeline.rules import compute_timeline, next_milestones, where_i_stand
from ui.frame import fdate, get_store, legal_footer, page_script, page_start, tr

page_start("common.app_name")
st.markdown(tr("common.tagline"))

store = get_store()
today = date.today()
saved = load_timeline_input(store)

if saved is None:
    with st.container(border=True):
        st.subheader(tr("home.start_title"))
        st.markdown(tr("home.start_body"))
        st.page_link(page_script("timeline"), label=tr("home.start_button"), icon=":material/event:")
else:
    try:
        timeline = compute_timeline(saved)
        standing = where_i_stand(timeline, today, milestone_records(store))
    except Spoor2Error as error:  # saved input that no longer validates: say so, never crash
        st.warning(error.message(st.session_state.get("lang", "en")))
    else:
        st.subheader(tr("home.where_title"))
        cols = st.columns(3)
        cols[0].metric(tr("home.sick_week"), standing.sick_week)
        cols[1].metric(tr("home.sick_days"), standing.sick_days)
        cols[2].metric(tr("home.first_sick_day"), fdate(timeline.first_sick_day, "medium"))
        if not standing.sick_now:
            until = standing.continues_count_until
            if until is not None and not standing.count_closed:
                st.info(tr("home.recovered_until", date=fdate(until)))
            elif until is not None:
                st.info(tr("home.count_closed"))
        upcoming = next_milestones(timeline, standing)
        if upcoming:
            st.markdown(f"**{tr('home.next_title')}**")
            for item in upcoming:
                st.markdown(f"- {fdate(item.due)} — {tr(f'milestones.{item.id}.label')}")
        for ids, key in ((standing.missing, "home.flagged"), (standing.done_late, "home.done_late")):
            if ids:
                st.warning(
                    tr(key, count=len(ids)) + "\n\n" + "\n".join(f"- {tr(f'milestones.{mid}.label')}" for mid in ids)
                )
        st.page_link(page_script("timeline"), label=tr("home.open_timeline"), icon=":material/event:")

st.markdown(f"### {tr('home.what_title')}")
cols = st.columns(3)
for index, key in enumerate(("rights", "orientation", "tracker", "questions", "my_data")):
    with cols[index % 3]:
        st.page_link(page_script(key), label=tr(f"nav.{key}"))
        st.caption(tr(f"home.about_{key}"))

legal_footer()
