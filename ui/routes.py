"""The sections of /routes: talking about my absence, other routes to work (with checklists), after the new start.

The texts are ``spoor2`` content (``content/applying/routes.yaml``, ``after_start.yaml``) in the page language,
each with its sources; the person's ticks, start date and check-in answers are read and written through
``spoor2/store/applying.py``. Every widget is kept (``id_choice`` / ``kept_field``), so a language switch, a
rerun or a message never loses or moves anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from spoor2.applying.after_start import (
    CHECKPOINTS,
    MAX_ANSWER_CHARS,
    CheckinAnswer,
    checkin_due,
    checkin_state,
    load_after_start,
)
from spoor2.applying.routes import InfoItem, Route, Unverified, load_routes, unverified_text
from spoor2.errors import Spoor2Error
from spoor2.legal.sources import get_source
from spoor2.render.text import md_escape
from spoor2.store import Store
from spoor2.store import applying as repo
from ui.frame import (
    entered,
    fdate,
    flash,
    flash_error,
    forget_choice,
    get_store,
    id_choice,
    kept_field,
    lang,
    small,
    sources_markdown,
    tr,
)

SECTIONS = ("absence", "routes", "after_start")


def intro() -> None:
    st.write(tr("routes.intro"))
    st.caption(tr("routes.intro_help"))


def section() -> str:
    """Which part of the page the person is in: a keyed control whose value is the section's id, so a
    message, a rerun or a language switch never moves them."""
    labels = {s: tr(f"routes.sections.{s}") for s in SECTIONS}
    chosen = id_choice(
        st.segmented_control, tr("routes.sections.label"), SECTIONS, key="rt_section", default="absence",
        format_func=labels.__getitem__, required=True, label_visibility="collapsed",
    )  # fmt: skip
    return chosen if chosen in SECTIONS else "absence"


def _run(action: Callable[[], None], notice: str | None = None) -> None:
    try:
        action()
    except Spoor2Error as error:
        flash_error(error)
    else:
        if notice:
            flash("success", notice)


def _unverified(unverified: Unverified | None) -> None:
    if unverified is not None:
        st.caption(f":material/warning: {tr('routes.unverified', what=unverified_text(unverified, lang()))}")


def _sources(source_ids: tuple[str, ...], unverified: Unverified | None) -> None:
    """The sources of an item as links, with their quotes, and what could not be checked."""
    _unverified(unverified)
    small(f"{tr('routes.sources')}: {sources_markdown(source_ids)}")
    quotes = [(get_source(sid).title, get_source(sid).quote) for sid in source_ids if get_source(sid).quote]
    if quotes:
        with st.expander(tr("routes.source_quote")):
            for title, quote in quotes:
                st.markdown(f"**{md_escape(title)}**: “{md_escape(quote)}”")


def _item(item: InfoItem, heading: Callable[..., object] = st.subheader) -> None:
    """A sourced statement in a card; its title one level under the heading it is listed under."""
    text = item.text(lang())
    with st.container(border=True):
        heading(text.title, anchor=False)
        st.markdown(text.body)
        _sources(item.sources, item.unverified)


def absence() -> None:
    content = load_routes()
    st.markdown(tr("routes.absence.intro"))
    for item in content.absence:
        _item(item, st.header)  # straight under the page's title
    st.caption(tr("routes.last_checked", date=fdate(content.last_checked)))


# --- other routes: a checklist per route, ticks kept per person ---------------------------------------


def _tick_key(route_id: str, check_id: str) -> str:
    return f"rt_tick_{route_id}_{check_id}"


def on_tick(route_id: str, check_id: str) -> None:
    ticked = bool(entered(_tick_key(route_id, check_id), False))
    _run(lambda: repo.set_route_tick(get_store(), route_id, check_id, ticked))


def _route(store_ticks: dict[str, list[str]], route: Route) -> None:
    content = load_routes()
    text = route.text(lang())
    checks = content.route_checks(route)
    ticked = set(store_ticks.get(route.id, []))
    with st.expander(f"{text.title} — {tr('routes.routes.progress', done=len(ticked), total=len(checks))}"):
        st.markdown(text.body)
        for check in checks:
            kept_field(
                st.checkbox, check.text(lang()), key=_tick_key(route.id, check.id), saved=check.id in ticked,
                on_change=on_tick, args=(route.id, check.id),
            )  # fmt: skip
            _unverified(check.unverified)
        cited = dict.fromkeys((*route.sources, *(sid for check in checks for sid in check.sources)))
        _sources(tuple(cited), route.unverified)  # the route's sources and those of its checks


def routes(store: Store) -> None:
    st.markdown(tr("routes.routes.intro"))
    ticks = repo.get_route_ticks(store)
    for route in load_routes().routes:
        _route(ticks, route)


# --- after the new start ------------------------------------------------------------------------------


def _answer_key(checkpoint: int, question_id: str) -> str:
    return f"rt_answer_{checkpoint}_{question_id}"


def on_save_start(today: date) -> None:
    start = entered("rt_start")
    _run(lambda: repo.set_start_date(get_store(), start, today), tr("routes.after_start.start_saved"))


def on_clear_start(today: date) -> None:
    def action() -> None:
        repo.set_start_date(get_store(), None, today)
        forget_choice("rt_start")

    _run(action, tr("routes.after_start.start_cleared"))


def on_save_answers(checkpoint: int, today: date) -> None:
    """Validate every answer of the check-in first, then save them (nothing is saved half-way)."""

    def action() -> None:
        questions = load_after_start().questions(checkpoint)
        answers = [
            CheckinAnswer(
                checkpoint=checkpoint,
                question_id=question.id,
                answer=str(entered(_answer_key(checkpoint, question.id), "") or ""),
                answered_on=today,
            )
            for question in questions
        ]
        repo.save_checkin_answers(get_store(), answers)

    _run(action, tr("routes.after_start.answers_saved"))


def _start_date(store: Store, today: date) -> date | None:
    start = repo.get_start_date(store)
    st.header(tr("routes.after_start.plan_title"), anchor=False)
    st.markdown(tr("routes.after_start.plan_intro"))
    kept_field(
        st.date_input, tr("routes.after_start.start_date"), key="rt_start", saved=start, format="DD-MM-YYYY",
        min_value=date(2000, 1, 1), max_value=date(today.year + 2, 12, 31),
    )  # fmt: skip
    cols = st.columns(2)
    cols[0].button(
        tr("routes.after_start.save_start"), key="rt_start_save", type="primary", on_click=on_save_start, args=(today,)
    )
    if start is not None:
        cols[1].button(
            tr("routes.after_start.clear_start"), key="rt_start_clear", type="tertiary", on_click=on_clear_start,
            args=(today,),
        )  # fmt: skip
    else:
        st.caption(tr("routes.after_start.no_start"))
    return start


def _checkin(checkpoint: int, start: date | None, answers: dict[tuple[int, str], CheckinAnswer], today: date) -> None:
    heading = tr("routes.after_start.checkpoint", months=checkpoint)
    if start is not None:
        state = checkin_state(start, checkpoint, today)
        due = tr("routes.after_start.due_on", date=fdate(checkin_due(start, checkpoint)))
        heading = f"{heading} · {due} ({tr(f'routes.after_start.state.{state}')})"
    with st.container(border=True):
        st.subheader(heading, anchor=False)
        st.caption(tr("routes.after_start.answer_hint", maximum=MAX_ANSWER_CHARS))
        for question in load_after_start().questions(checkpoint):
            saved = answers.get((checkpoint, question.id))
            kept_field(
                st.text_area, question.text(lang()), key=_answer_key(checkpoint, question.id),
                saved=saved.answer if saved else "", max_chars=MAX_ANSWER_CHARS,
            )  # fmt: skip
            if saved is not None:
                st.caption(tr("routes.after_start.answered_on", date=fdate(saved.answered_on)))
        st.button(
            tr("routes.after_start.save_answers"), key=f"rt_save_{checkpoint}", type="primary",
            on_click=on_save_answers, args=(checkpoint, today),
        )  # fmt: skip


def after_start(store: Store, today: date) -> None:
    content = load_after_start()
    st.markdown(tr("routes.after_start.intro"))
    st.header(tr("routes.after_start.old_contract"), anchor=False)
    for item in content.old_contract:
        _item(item)
    st.header(tr("routes.after_start.sick_again"), anchor=False)
    for item in content.sick_again:
        _item(item)
    start = _start_date(store, today)
    answers = repo.list_checkin_answers(store)
    for checkpoint in CHECKPOINTS:
        _checkin(checkpoint, start, answers, today)
    st.caption(tr("routes.last_checked", date=fdate(content.last_checked)))
