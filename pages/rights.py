"""Know your rights (/rights): a guided start, all topics, search, glossary, and deep links.

``/rights?topic=<slug>&lang=nl`` opens a topic directly; ``?view=glossary`` opens the glossary.
"""

from datetime import date

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.rights.topics import (
    MAX_QUERY_CHARS,
    MAX_SICK_WEEK,
    Situation,
    get_topic,
    load_topics,
    search_topics,
    topics_for_situation,
)
from ui import rights as ui
from ui.frame import get_store, lang, legal_footer, page_start, show_error, tr

page_start("rights.title")

store = get_store()
timeline = ui.saved_timeline(store)
topics = load_topics(lang())

slug = ui.requested_topic()
topic = None
if slug is not None:
    try:
        topic = get_topic(lang(), slug)
    except Spoor2Error as error:
        show_error(error)

if topic is not None:
    ui.render_topic(topic, timeline)
else:
    st.markdown(tr("rights.intro"))

    # --- guided start ---
    timeline_week = ui.saved_sick_week(store, timeline, date.today())
    ui.restore_answers(timeline_week)
    with st.container(border=True):
        st.subheader(tr("rights.guided_title"), anchor=False)
        st.caption(tr("rights.guided_intro"))
        week = st.number_input(
            tr("rights.q_week"),
            min_value=0,
            max_value=MAX_SICK_WEEK,
            step=1,
            key=ui.WEEK_KEY,
            help=tr("rights.q_week_help"),
        )
        if timeline_week is not None:
            st.caption(tr("rights.q_week_from_timeline", week=timeline_week))
        spoor2 = st.radio(
            tr("rights.q_spoor2"),
            options=["yes", "no", "unsure"],
            format_func=ui.answer_labeller(lang()),
            key=ui.SPOOR2_KEY,
            horizontal=True,
        )
        disagreement = st.radio(
            tr("rights.q_disagreement"),
            options=["yes", "no"],
            format_func=ui.answer_labeller(lang()),
            key=ui.DISAGREEMENT_KEY,
            horizontal=True,
        )
    ui.keep_answers()

    situation = Situation(sick_week=int(week) if week is not None else None, spoor2=spoor2, disagreement=disagreement)
    try:
        for_you = topics_for_situation(topics, situation)
    except Spoor2Error as error:
        show_error(error)
        for_you = ()
    st.subheader(tr("rights.for_you_title"), anchor=False)
    if situation.sick_week:
        st.caption(tr("rights.for_you_week", week=situation.sick_week))
    cols = st.columns(2)
    for index, item in enumerate(for_you):
        with cols[index % 2]:
            ui.topic_card(item, "rights_for_you", situation.sick_week)

    # --- search ---
    st.subheader(tr("rights.search_title"), anchor=False)
    query = st.text_input(
        tr("rights.search_label"),
        key=ui.SEARCH_KEY,
        max_chars=MAX_QUERY_CHARS,
        placeholder=tr("rights.search_placeholder"),
    )
    if query.strip():
        try:
            found = search_topics(topics, query, lang())
        except Spoor2Error as error:
            show_error(error)
            found = ()
        if found:
            st.caption(tr("rights.search_results", count=len(found)))
            for item in found:
                ui.topic_card(item, "rights_found", situation.sick_week)
        else:
            st.info(tr("rights.search_none"))

    # --- all topics ---
    if st.toggle(tr("rights.show_all"), key=ui.SHOW_ALL_KEY):
        st.subheader(tr("rights.all_title"), anchor=False)
        cols = st.columns(2)
        for index, item in enumerate(topics):
            with cols[index % 2]:
                ui.topic_card(item, "rights_all", situation.sick_week)

    ui.render_glossary(lang(), expanded=ui.glossary_requested())
    legal_footer()
