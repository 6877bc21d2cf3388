"""The sections of /rights (a linked topic, or the guided start, topics for you, search, all topics and
the glossary) and their helpers: query parameters and the saved timeline."""

from __future__ import annotations

import re
from datetime import date

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.i18n import t
from spoor2.legal.sources import get_source
from spoor2.rights.topics import (
    MAX_QUERY_CHARS,
    MAX_SICK_WEEK,
    Situation,
    Topic,
    get_topic,
    glossary_entries,
    load_glossary,
    search_topics,
    topics_for_situation,
)
from spoor2.store import Store
from spoor2.store.timeline import SavedStanding, load_standing
from spoor2.timeline.rules import Timeline
from ui.frame import fdate, id_choice, kept_field, lang, page_script, show_error, tr

TOPIC_PARAM = "topic"
VIEW_PARAM = "view"
GLOSSARY_VIEW = "glossary"

# Widget keys of the guided start; ui.frame keeps their answers while a topic is open (Streamlit
# forgets the state of widgets that are not drawn).
WEEK_KEY = "rights_sick_week"
SPOOR2_KEY = "rights_spoor2"
DISAGREEMENT_KEY = "rights_disagreement"
SEARCH_KEY = "rights_search"
SHOW_ALL_KEY = "rights_show_all"


# --- query parameters (deep links) ------------------------------------------------------------------


def requested_topic() -> str | None:
    value = st.query_params.get(TOPIC_PARAM)
    return str(value) if value else None


def open_topic(slug: str) -> None:
    """Callback: show a topic and put it in the address bar (``?topic=<slug>``)."""
    st.query_params[TOPIC_PARAM] = slug
    if VIEW_PARAM in st.query_params:
        del st.query_params[VIEW_PARAM]


def close_topic() -> None:
    if TOPIC_PARAM in st.query_params:
        del st.query_params[TOPIC_PARAM]


def open_glossary() -> None:
    close_topic()
    st.query_params[VIEW_PARAM] = GLOSSARY_VIEW


def glossary_requested() -> bool:
    return st.query_params.get(VIEW_PARAM) == GLOSSARY_VIEW


def linked_topic() -> Topic | None:
    """The topic of ``?topic=<slug>`` in the page language; an unknown slug is said, and None returned."""
    slug = requested_topic()
    if slug is None:
        return None
    try:
        return get_topic(lang(), slug)
    except Spoor2Error as error:
        show_error(error)
        return None


# --- the saved timeline -----------------------------------------------------------------------------


def saved_standing(store: Store, today: date) -> SavedStanding | None:
    """The person's timeline and where they stand, if one is saved and still valid; never raises."""
    try:
        return load_standing(store, today)
    except (Spoor2Error, ValueError):
        return None


def saved_sick_week(saved: SavedStanding | None) -> int | None:
    return (saved.standing.sick_week or None) if saved is not None else None


# --- the guided start -------------------------------------------------------------------------------


def answer_labeller(language: str):  # type: ignore[no-untyped-def]
    """A ``format_func`` bound to the language of this run (AppTest calls it outside the run)."""
    return lambda value: t(language, f"rights.answer.{value}")


def topic_card(topic: Topic, key_prefix: str, week: int | None = None) -> None:
    """A topic in a list: title, summary and a button that opens it, named after the topic ("Read: After
    104 weeks …"): a list of the page's buttons is not a row of identical "Read" (review M13)."""
    with st.container(border=True):
        title = f"**{topic.title}**"
        if week is not None and week > 0 and topic.applies_in(week):
            title += f" · :green-badge[{tr('rights.now_badge')}]"
        st.markdown(title)
        st.caption(topic.summary)
        st.button(
            f"{tr('rights.read')}: {topic.title}",
            key=f"{key_prefix}_{topic.slug}",
            on_click=open_topic,
            args=(topic.slug,),
            icon=":material/arrow_forward:",
        )


# --- a topic ----------------------------------------------------------------------------------------


def _milestone_date(timeline: Timeline | None, milestone_id: str) -> str:
    if timeline is None or not timeline.has(milestone_id):
        return ""
    item = timeline.milestone(milestone_id)
    when = fdate(item.first) if item.kind == "date" else f"{fdate(item.first)} – {fdate(item.due)}"
    return tr("rights.milestone_date", date=when)


def render_topic(topic: Topic, timeline: Timeline | None) -> None:
    st.button(tr("rights.back"), key="rights_back", on_click=close_topic, icon=":material/arrow_back:")
    st.header(topic.title, anchor=False)
    st.markdown(f"*{topic.summary}*")
    st.caption(tr("rights.weeks", start=topic.week_from, end=topic.week_to))
    # the topic's own ``##`` sections sit one level below the topic title
    st.markdown(re.sub(r"^## ", "### ", topic.body, flags=re.MULTILINE))

    terms = glossary_entries(topic.lang, topic.glossary)
    if terms:
        with st.expander(tr("rights.terms_title"), icon=":material/menu_book:"):
            for entry in terms:
                st.markdown(f"**{entry.dutch}** — *{entry.english}*: {entry.explanation}")
            st.button(tr("rights.glossary_open"), key="rights_topic_glossary", on_click=open_glossary)

    if topic.milestones:
        st.subheader(tr("rights.milestones_title"), anchor=False)
        st.caption(tr("rights.milestones_intro"))
        for milestone_id in topic.milestones:
            label = tr(f"milestones.{milestone_id}.label")
            when = _milestone_date(timeline, milestone_id)
            st.page_link(
                page_script("timeline"),
                label=f"{label} — {when}" if when else label,
                icon=":material/event:",
            )

    if topic.related:
        st.subheader(tr("rights.related_title"), anchor=False)
        cols = st.columns(2)
        for index, slug in enumerate(topic.related):
            related = get_topic(topic.lang, slug)
            cols[index % 2].button(related.title, key=f"rights_related_{slug}", on_click=open_topic, args=(slug,))

    st.subheader(tr("rights.sources_title"), anchor=False)
    st.markdown("\n".join(f"- [{get_source(sid).title}]({get_source(sid).url})" for sid in topic.sources))
    st.caption(tr("rights.last_checked", date=fdate(topic.last_checked)))


# --- the overview: the sections of the page without a topic, in order --------------------------------


def intro() -> None:
    st.markdown(tr("rights.intro"))


def guided_start(saved: SavedStanding | None) -> Situation:
    """Three questions (sick week, spoor 2, disagreement); the week comes from the timeline when saved."""
    timeline_week = saved_sick_week(saved)
    with st.container(border=True):
        st.header(tr("rights.guided_title"), anchor=False)
        st.caption(tr("rights.guided_intro"))
        week = kept_field(
            st.number_input,
            tr("rights.q_week"),
            key=WEEK_KEY,
            default=timeline_week,  # the timeline's week until the person gives another
            min_value=0,
            max_value=MAX_SICK_WEEK,
            step=1,
            help=tr("rights.q_week_help"),
        )
        if timeline_week is not None:
            st.caption(tr("rights.q_week_from_timeline", week=timeline_week))
        # the answers are ids ("yes", "no", "unsure"): a language switch keeps them
        spoor2 = id_choice(
            st.radio,
            tr("rights.q_spoor2"),
            ("yes", "no", "unsure"),
            format_func=answer_labeller(lang()),
            key=SPOOR2_KEY,
            default="unsure",
            horizontal=True,
        )
        disagreement = id_choice(
            st.radio,
            tr("rights.q_disagreement"),
            ("yes", "no"),
            format_func=answer_labeller(lang()),
            key=DISAGREEMENT_KEY,
            default="no",
            horizontal=True,
        )
    return Situation(sick_week=int(week) if week is not None else None, spoor2=spoor2, disagreement=disagreement)


def for_you(topics: tuple[Topic, ...], situation: Situation) -> None:
    """The topics that fit the answers of the guided start."""
    try:
        chosen = topics_for_situation(topics, situation)
    except Spoor2Error as error:
        show_error(error)
        chosen = ()
    st.header(tr("rights.for_you_title"), anchor=False)
    if situation.sick_week:
        st.caption(tr("rights.for_you_week", week=situation.sick_week))
    cols = st.columns(2)
    for index, item in enumerate(chosen):
        with cols[index % 2]:
            topic_card(item, "rights_for_you", situation.sick_week)


def search(topics: tuple[Topic, ...], situation: Situation) -> None:
    """Search the topics in the page language."""
    st.header(tr("rights.search_title"), anchor=False)
    query = st.text_input(
        tr("rights.search_label"),
        key=SEARCH_KEY,
        max_chars=MAX_QUERY_CHARS,
        placeholder=tr("rights.search_placeholder"),
    )
    if not query.strip():
        return
    try:
        found = search_topics(topics, query, lang())
    except Spoor2Error as error:
        show_error(error)
        found = ()
    if found:
        st.caption(tr("rights.search_results", count=len(found)))
        for item in found:
            topic_card(item, "rights_found", situation.sick_week)
    else:
        st.info(tr("rights.search_none"))


def all_topics(topics: tuple[Topic, ...], situation: Situation) -> None:
    """Every topic, behind a toggle."""
    if st.toggle(tr("rights.show_all"), key=SHOW_ALL_KEY):
        st.header(tr("rights.all_title"), anchor=False)
        cols = st.columns(2)
        for index, item in enumerate(topics):
            with cols[index % 2]:
                topic_card(item, "rights_all", situation.sick_week)


def glossary() -> None:
    """The glossary, open when the link asked for it (``?view=glossary``)."""
    with st.expander(tr("rights.glossary_title"), expanded=glossary_requested(), icon=":material/menu_book:"):
        st.caption(tr("rights.glossary_intro"))
        st.markdown(
            "\n\n".join(
                f"**{entry.dutch}** — *{entry.english}*  \n{entry.explanation}" for entry in load_glossary(lang())
            )
        )
