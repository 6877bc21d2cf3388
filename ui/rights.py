"""Page-side helpers for /rights: query parameters, the saved timeline, topic and glossary views."""

from __future__ import annotations

import re
from datetime import date

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.i18n import t
from spoor2.legal.sources import get_source
from spoor2.rights.topics import Topic, get_topic, glossary_entries, load_glossary
from spoor2.store import Store
from spoor2.store.timeline import load_timeline_input, milestone_records
from spoor2.timeline.rules import Timeline, compute_timeline, where_i_stand
from ui.frame import fdate, legal_footer, page_script, tr

TOPIC_PARAM = "topic"
VIEW_PARAM = "view"
GLOSSARY_VIEW = "glossary"

# Widget keys of the guided start, and plain session keys that keep the answers while a topic
# is open (Streamlit forgets the state of widgets that are not drawn).
WEEK_KEY = "rights_sick_week"
SPOOR2_KEY = "rights_spoor2"
DISAGREEMENT_KEY = "rights_disagreement"
SEARCH_KEY = "rights_search"
SHOW_ALL_KEY = "rights_show_all"
_KEEP = "_rights_answers"


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


# --- the saved timeline -----------------------------------------------------------------------------


def saved_timeline(store: Store) -> Timeline | None:
    """The person's timeline if one is saved and still valid; never raises."""
    try:
        saved = load_timeline_input(store)
        return compute_timeline(saved) if saved is not None else None
    except (Spoor2Error, ValueError):
        return None


def saved_sick_week(store: Store, timeline: Timeline | None, today: date) -> int | None:
    if timeline is None:
        return None
    try:
        return where_i_stand(timeline, today, milestone_records(store)).sick_week or None
    except (Spoor2Error, ValueError):
        return None


# --- the guided start -------------------------------------------------------------------------------


def restore_answers(default_week: int | None) -> None:
    """Before drawing the questions: put back earlier answers, else the timeline's week."""
    kept = st.session_state.get(_KEEP, {})
    if WEEK_KEY not in st.session_state:
        st.session_state[WEEK_KEY] = kept.get(WEEK_KEY, default_week)
    for key, default in ((SPOOR2_KEY, "unsure"), (DISAGREEMENT_KEY, "no")):
        if key not in st.session_state:
            st.session_state[key] = kept.get(key, default)


def keep_answers() -> None:
    st.session_state[_KEEP] = {key: st.session_state.get(key) for key in (WEEK_KEY, SPOOR2_KEY, DISAGREEMENT_KEY)}


def answer_labeller(language: str):  # type: ignore[no-untyped-def]
    """A ``format_func`` bound to the language of this run (AppTest calls it outside the run)."""
    return lambda value: t(language, f"rights.answer.{value}")


def topic_card(topic: Topic, key_prefix: str, week: int | None = None) -> None:
    """A topic in a list: title, summary and a button that opens it."""
    with st.container(border=True):
        title = f"**{topic.title}**"
        if week is not None and week > 0 and topic.applies_in(week):
            title += f" · :green-badge[{tr('rights.now_badge')}]"
        st.markdown(title)
        st.caption(topic.summary)
        st.button(
            tr("rights.read"),
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
    legal_footer()


# --- the glossary -----------------------------------------------------------------------------------


def render_glossary(lang: str, expanded: bool) -> None:
    with st.expander(tr("rights.glossary_title"), expanded=expanded, icon=":material/menu_book:"):
        st.caption(tr("rights.glossary_intro"))
        for entry in load_glossary(lang):
            st.markdown(f"**{entry.dutch}** — *{entry.english}*  \n{entry.explanation}")
