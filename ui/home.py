"""The sections of the home page (``app.py``): where I stand, or how to start, and what is here."""

from __future__ import annotations

from datetime import date

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.store import Store
from spoor2.store.timeline import SavedStanding, load_standing
from spoor2.timeline.rules import next_milestones
from ui.frame import error_text, fdate, page_script, tr

#: The pages the home page introduces, in this order (the timeline has its own section).
INTRODUCED = ("rights", "orientation", "tracker", "questions", "my_data")


def intro() -> None:
    st.markdown(tr("common.tagline"))


def my_standing(store: Store, today: date) -> None:
    """Where I stand with the saved timeline; without one, how to start; a broken one is said, never a crash."""
    try:
        saved = load_standing(store, today)
    except Spoor2Error as error:  # saved input that no longer validates: say so, never crash
        st.warning(error_text(error))
        return
    if saved is None:
        _start()
    else:
        _where_i_stand(saved)


def _start() -> None:
    with st.container(border=True):
        st.header(tr("home.start_title"), anchor=False)
        st.markdown(tr("home.start_body"))
        st.page_link(page_script("timeline"), label=tr("home.start_button"), icon=":material/event:")


def _where_i_stand(saved: SavedStanding) -> None:
    timeline, standing = saved.timeline, saved.standing
    st.header(tr("home.where_title"), anchor=False)
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


def what_is_here() -> None:
    """The other pages, each with a line about what it is for."""
    st.header(tr("home.what_title"), anchor=False)
    cols = st.columns(3)
    for index, key in enumerate(INTRODUCED):
        with cols[index % 3]:
            st.page_link(page_script(key), label=tr(f"nav.{key}"))
            st.caption(tr(f"home.about_{key}"))
