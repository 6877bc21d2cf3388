"""The sections of /orientation (choose, the questionnaire or its result, export) and their helpers.

Widget values ↔ answers are converted here; scoring lives in :mod:`spoor2.orientation.questionnaires` and
saving in :mod:`spoor2.store.orientation`. Every "next"/"back" saves the draft in the store.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.orientation.export import profile_fields, score_texts, summary_lines, to_markdown, to_pdf
from spoor2.orientation.questionnaires import (
    MAX_PROFILE_CHARS,
    QUESTIONNAIRE_IDS,
    Questionnaire,
    SavedResult,
    dimension_name,
    example_occupations,
    load_questionnaire,
    load_texts,
    obstacles_in_the_way,
    occupation_names,
    progress,
)
from spoor2.store import Store
from spoor2.store.orientation import (
    complete_questionnaire,
    delete_draft,
    latest_result,
    list_results,
    load_draft,
    save_draft,
    update_profile,
)
from ui.charts import BAR_COLOUR, SERIES_PATTERNS, chart_table, pattern, plotly_chart
from ui.frame import (
    chosen,
    fdate,
    flash,
    flash_error,
    focus_heading,
    focus_on,
    forget_choice,
    has_choice,
    id_choice,
    lang,
    long_text_area,
    small,
    sources_markdown,
    tr,
)

CHOICE_KEY = "or_choice"
LEVEL_VALUE = {"none": 0, "somewhat": 1, "much": 2}


# --- session keys -------------------------------------------------------------------------------------


def item_key(qid: str, item_id: str) -> str:
    return f"or_{qid}_{item_id}"


def _screen_key(qid: str) -> str:
    return f"or_screen_{qid}"


def _mode_key(qid: str) -> str:
    return f"or_mode_{qid}"


def _clear_widgets(q: Questionnaire) -> None:
    for item in q.items:
        forget_choice(item_key(q.id, item.id))


def status_label(store: Store, qid: str) -> str:
    title = load_texts(lang(), qid)["title"]
    if load_draft(store, qid) is not None:
        status = tr("orientation.status.draft")
    elif latest_result(store, qid) is not None:
        status = tr("orientation.status.done")
    else:
        status = tr("orientation.status.new")
    return f"{title} ({status})"


# --- the questionnaire ------------------------------------------------------------------------------------


def _screen_answers(q: Questionnaire, screen: int) -> dict[str, Any]:
    def options(item_id: str) -> tuple[Any, ...]:
        item = q.item(item_id)
        return q.scale if item.type == "likert" else item.options

    return {item_id: chosen(item_key(q.id, item_id), options=options(item_id)) for item_id in q.screens[screen]}


def _merged(store: Store, q: Questionnaire, screen: int) -> dict[str, Any]:
    draft = load_draft(store, q.id)
    answers: dict[str, Any] = dict(draft.answers) if draft else {}
    for item_id, value in _screen_answers(q, screen).items():
        if value is None or value == []:
            answers.pop(item_id, None)
        else:
            answers[item_id] = value
    return answers


def _item_widget(q: Questionnaire, item_id: str, texts: dict[str, Any]) -> None:
    item = q.item(item_id)
    key = item_key(q.id, item_id)
    label = str(texts["items"][item_id])
    # the value is the answer's id (1-5, "much", ["mon", ...]): the labels only show it
    if item.type == "likert":
        scale = texts["scale"]
        id_choice(st.radio, label, q.scale, format_func=scale.__getitem__, key=key, index=None, horizontal=True)
    elif item.type == "choice":
        options = texts["options"][item_id]
        id_choice(st.radio, label, item.options, format_func=options.__getitem__, key=key, index=None, horizontal=True)
    else:
        options = texts["options"][item_id]
        id_choice(st.multiselect, label, item.options, format_func=options.__getitem__, key=key, default=[])


def render_questionnaire(store: Store, qid: str, today: date) -> None:
    q = load_questionnaire(qid)
    texts = load_texts(lang(), qid)
    draft = load_draft(store, qid)
    screen_key = _screen_key(qid)
    # "Welcome back" stays while the person is on the screen they came back to: a line that disappeared at
    # the first answer would shift the questions below it and take the keyboard focus with it
    back_key = f"or_continued_{qid}"
    if screen_key not in st.session_state:
        st.session_state[screen_key] = draft.screen if draft else 0
        if draft is not None:
            st.session_state[back_key] = draft.updated_at
    resumed = st.session_state.get(back_key)
    screen = min(int(st.session_state[screen_key]), len(q.screens) - 1)
    # fill the widgets of this screen from the saved draft (widgets of other screens are gone)
    for item_id in q.screens[screen]:
        key = item_key(qid, item_id)
        if not has_choice(key) and draft is not None and item_id in draft.answers:
            saved = draft.answers[item_id]
            # a multi-select holds a list (the draft keeps a tuple: it is frozen)
            st.session_state[key] = list(saved) if isinstance(saved, tuple) else saved

    st.header(str(texts["title"]), anchor=False)
    if screen == 0:
        st.markdown(str(texts["intro"]))
    if resumed:
        st.info(tr("orientation.resume", when=fdate(date.fromisoformat(resumed[:10]))), icon=":material/bookmark:")

    answers_now = _merged(store, q, screen)
    st.progress(
        (screen + 1) / len(q.screens),
        text=tr(
            "orientation.progress",
            current=screen + 1,
            total=len(q.screens),
            answered=round(progress(q, answers_now) * len(q.items)),
            items=len(q.items),
        ),
    )
    st.caption(tr("orientation.skip_hint"))
    if q.kind == "likert":
        dimension = q.item(q.screens[screen][0]).dimension
        dims = list(dict.fromkeys(q.item(i).dimension for i in q.screens[screen]))
        if len(dims) == 1 and dimension is not None:
            about = texts["dimensions"][dimension]
            st.markdown(f"**{about['name']}** — {about['about']}")
    with st.container(border=True):
        for item_id in q.screens[screen]:
            _item_widget(q, item_id, texts)
    focus_slot = st.empty()  # on every run: the page keeps its shape
    if st.session_state.pop("or_focus_screen", None) == qid:  # after "Save and next" / "Back"
        focus_on(item_key(qid, q.screens[screen][0]), focus_slot)

    last = screen == len(q.screens) - 1
    cols = st.columns([1, 2, 1])
    args = (store, qid, screen, today)
    cols[0].button(
        tr("orientation.button.back"),
        key=f"or_back_{qid}",
        disabled=screen == 0,
        on_click=_on_move,
        args=(*args, -1),
    )
    cols[1].button(
        tr("orientation.button.finish") if last else tr("orientation.button.next"),
        key=f"or_next_{qid}",
        type="primary",
        on_click=_on_move,
        args=(*args, +1),
    )
    cols[2].button(
        tr("orientation.button.restart"),
        key=f"or_restart_{qid}",
        type="tertiary",
        on_click=_on_restart,
        args=(store, qid),
    )


# Buttons act in on_click callbacks: they run before the script, so a rerun of the frame
# (ui.frame.page_start) can never swallow a click, and nothing is saved half-way.


def _on_move(store: Store, qid: str, screen: int, today: date, step: int) -> None:
    q = load_questionnaire(qid)
    st.session_state.pop(f"or_continued_{qid}", None)
    try:
        answers = _merged(store, q, screen)
        if step > 0 and screen == len(q.screens) - 1:
            complete_questionnaire(store, qid, answers, today)
            _clear_widgets(q)
            st.session_state.pop(_screen_key(qid), None)
            st.session_state[_mode_key(qid)] = "result"
            st.session_state["or_focus_result"] = qid  # the result's heading takes the focus
        else:
            target = max(screen + step, 0)
            save_draft(store, qid, answers, target)
            st.session_state[_screen_key(qid)] = target
            st.session_state["or_focus_screen"] = qid  # the new screen's first question takes the focus
    except Spoor2Error as error:
        flash_error(error)


def _on_restart(store: Store, qid: str) -> None:
    q = load_questionnaire(qid)
    st.session_state.pop(f"or_continued_{qid}", None)
    delete_draft(store, qid)
    _clear_widgets(q)
    st.session_state[_screen_key(qid)] = 0
    flash("success", tr("orientation.restarted"))


def _on_retake(qid: str) -> None:
    _clear_widgets(load_questionnaire(qid))
    st.session_state[_screen_key(qid)] = 0
    st.session_state[_mode_key(qid)] = "ask"


def _on_save_profile(store: Store, result_id: str, keys: dict[str, str]) -> None:
    try:
        update_profile(store, result_id, {field: str(st.session_state.get(key, "")) for field, key in keys.items()})
    except Spoor2Error as error:
        flash_error(error)
    else:
        flash("success", tr("orientation.result.profile_saved"))


# --- results ------------------------------------------------------------------------------------------------


def _score_chart(saved: SavedResult) -> go.Figure:
    qid = saved.questionnaire
    names, means, labels = [], [], []
    for score in saved.result.scores:
        names.append(dimension_name(lang(), qid, score.dimension))
        means.append(score.mean if score.mean is not None else 0)
        labels.append(f"{score.mean:.1f}" if score.mean is not None else tr("orientation.result.not_enough"))
    fig = go.Figure(go.Bar(x=means, y=names, orientation="h", text=labels, marker_color=BAR_COLOUR))
    fig.update_layout(
        xaxis={"range": [0, 5], "title": tr("orientation.chart.score")},
        yaxis={"autorange": "reversed"},
        height=320,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )
    return fig


def _obstacles_chart(saved: SavedResult) -> go.Figure:
    texts = load_texts(lang(), "obstacles")
    rows = [o for o in saved.result.obstacles if o.level is not None]
    fig = go.Figure(
        go.Bar(
            x=[LEVEL_VALUE[o.level or "none"] for o in rows],
            y=[texts["items"][o.item] for o in rows],
            text=[tr(f"orientation.result.level.{o.level}") for o in rows],
            orientation="h",
            marker_color=BAR_COLOUR,
        )
    )
    fig.update_layout(
        xaxis={"range": [0, 2.2], "title": tr("orientation.chart.level"), "dtick": 1},
        yaxis={"autorange": "reversed"},
        height=300,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )
    return fig


def _days_chart(saved: SavedResult) -> go.Figure:
    q = load_questionnaire("capacity")
    texts = load_texts(lang(), "capacity")
    chosen = saved.answers.get("days") or []
    days = q.item("days").options
    fig = go.Figure(
        go.Bar(
            x=[texts["options"]["days"][d] for d in days],
            y=[1 if d in chosen else 0 for d in days],
            marker_color=BAR_COLOUR,
        )
    )
    fig.update_layout(
        yaxis={"range": [0, 1], "showticklabels": False, "title": texts["profile"]["days"]},
        height=220,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )
    return fig


# the charts' numbers as a table beside them (WCAG 1.1.1): the same lines as the export


def _score_table(saved: SavedResult) -> pd.DataFrame:
    rows = score_texts(saved.questionnaire, saved.result, lang())
    return pd.DataFrame(rows, columns=[tr("orientation.chart.type"), tr("orientation.chart.score_column")])


def _days_table(saved: SavedResult) -> pd.DataFrame:
    texts = load_texts(lang(), "capacity")
    chosen = saved.answers.get("days") or []
    days = load_questionnaire("capacity").item("days").options
    return pd.DataFrame(
        {
            tr("orientation.chart.day"): [texts["options"]["days"][d] for d in days],
            tr("orientation.chart.chosen"): [tr("common.yes") if d in chosen else tr("common.no") for d in days],
        }
    )


def _obstacles_table(saved: SavedResult) -> pd.DataFrame:
    texts = load_texts(lang(), "obstacles")
    rows = [o for o in saved.result.obstacles if o.level is not None]
    return pd.DataFrame(
        {
            tr("orientation.chart.obstacle"): [texts["items"][o.item] for o in rows],
            tr("orientation.chart.level_column"): [tr(f"orientation.result.level.{o.level}") for o in rows],
        }
    )


def _history(store: Store, qid: str) -> None:
    results = list_results(store, qid)
    st.markdown(f"#### {tr('orientation.history.title')}")
    if len(results) < 2:
        st.caption(tr("orientation.history.only_one"))
        return
    q = load_questionnaire(qid)
    if q.kind == "likert":
        table = pd.DataFrame(
            {
                fdate(r.completed_on, "medium") + f" #{i + 1}": [s.mean for s in r.result.scores]
                for i, r in enumerate(results)
            },
            index=[dimension_name(lang(), qid, d) for d in q.dimensions],
        )
        fig = go.Figure(
            [
                go.Bar(
                    name=str(column),
                    x=list(table.index),
                    y=list(table[column]),
                    # each result its colour (the app's colorway) and pattern: bars of a group touch
                    marker={"pattern": pattern(SERIES_PATTERNS[i % len(SERIES_PATTERNS)])},
                )
                for i, column in enumerate(table.columns)
            ]
        )
        fig.update_layout(
            barmode="group",
            yaxis={"range": [0, 5], "title": tr("orientation.chart.score")},
            height=320,
            margin={"l": 10, "r": 10, "t": 30, "b": 10},
            title={"text": tr("orientation.history.compare")},
        )
        plotly_chart(fig, key=f"or_history_chart_{qid}")
        # a named index: the table's first column has a header (an empty header cell fails axe)
        st.dataframe(table.rename_axis(tr("orientation.chart.type")), key=f"or_history_table_{qid}")
    else:
        texts = load_texts(lang(), qid)
        rows = {}
        for i, r in enumerate(results):
            column = fdate(r.completed_on, "medium") + f" #{i + 1}"
            rows[column] = [_answer_text(texts, item.id, r.answers.get(item.id)) for item in q.items]
        table = pd.DataFrame(rows, index=[str(texts["items"][item.id]) for item in q.items])
        st.dataframe(table.rename_axis(tr("orientation.history.question")), key=f"or_history_table_{qid}")


def _answer_text(texts: dict[str, Any], item_id: str, value: Any) -> str:
    if value is None or value in ([], ()):
        return "—"
    options = texts["options"][item_id]
    if isinstance(value, list | tuple):
        return ", ".join(options[v] for v in value)
    return str(options[value])


def _profile_editor(store: Store, saved: SavedResult) -> None:
    texts = load_texts(lang(), "capacity")
    st.markdown(f"#### {tr('orientation.result.profile_title')}")
    st.caption(tr("orientation.result.profile_help"))
    fields = profile_fields(saved, lang())
    keys: dict[str, str] = {}
    for field, text in fields.items():
        key = f"or_profile_{lang()}_{saved.id}_{field}"
        keys[field] = key
        if key not in st.session_state:
            st.session_state[key] = text
        long_text_area(texts["profile"][field], key=key, max_chars=MAX_PROFILE_CHARS, height=68)
    st.button(
        tr("orientation.button.save_profile"),
        key="or_profile_save",
        on_click=_on_save_profile,
        args=(store, saved.id, keys),
    )


def _obstacle_pointers(saved: SavedResult) -> None:
    texts = load_texts(lang(), "obstacles")
    marked = obstacles_in_the_way(saved.result)
    if not marked:
        return
    st.markdown(f"#### {tr('orientation.result.obstacles_title')}")
    for obstacle in marked:
        with st.container(border=True):
            st.markdown(f"**{texts['items'][obstacle.item]}** · {tr(f'orientation.result.level.{obstacle.level}')}")
            st.markdown(str(texts["pointers"][obstacle.item]))
            if obstacle.links:
                st.markdown(" · ".join(f"[{link.removeprefix('https://')}]({link})" for link in obstacle.links))


def _occupations(code: str) -> None:
    names = occupation_names(lang())
    st.markdown(f"#### {tr('orientation.result.occupations_title')}")
    table = pd.DataFrame(
        [
            {tr("orientation.result.occupation_column"): names[o.id], tr("orientation.result.code_column"): o.holland}
            for o in example_occupations(code)
        ]
    )
    st.dataframe(table, hide_index=True, key="or_occupations")
    st.caption(tr("orientation.result.occupations_note", source=tr("orientation.result.occupations_source")))


def render_result(store: Store, qid: str) -> None:
    saved = latest_result(store, qid)
    if saved is None:  # pragma: no cover - the caller checks
        return
    q = load_questionnaire(qid)
    texts = load_texts(lang(), qid)
    with st.container(key=f"or_result_{qid}"):
        st.header(str(texts["title"]), anchor=False)
        st.subheader(tr("orientation.result.title", date=fdate(saved.completed_on)), anchor=False)
    focus_slot = st.empty()  # on every run: the page keeps its shape
    if st.session_state.pop("or_focus_result", None) == qid:  # after the last "Save": not the page's top
        focus_heading(f"or_result_{qid}", focus_slot)
    for line in summary_lines(saved.result, lang()):
        st.markdown(line)
    if q.kind == "likert":
        plotly_chart(_score_chart(saved), key=f"or_chart_{qid}")
        chart_table(_score_table(saved), tr("orientation.chart.score_title"))
        if qid == "interests" and saved.result.holland_code:
            _occupations(saved.result.holland_code)
    elif qid == "capacity":
        plotly_chart(_days_chart(saved), key=f"or_chart_{qid}")
        chart_table(_days_table(saved), tr("orientation.chart.days_title"))
        _profile_editor(store, saved)
    else:
        if any(o.level is not None for o in saved.result.obstacles):
            plotly_chart(_obstacles_chart(saved), key=f"or_chart_{qid}")
            chart_table(_obstacles_table(saved), tr("orientation.chart.obstacles_title"))
        _obstacle_pointers(saved)
    if q.sources:
        small(f"{tr('orientation.result.sources_title')}: {sources_markdown(q.sources)}")
    _history(store, qid)
    st.button(
        tr("orientation.button.retake"),
        key=f"or_retake_{qid}",
        icon=":material/replay:",
        on_click=_on_retake,
        args=(qid,),
    )


# --- the sections of the page, in order -------------------------------------------------------------------


def intro() -> None:
    st.markdown(tr("orientation.intro"))
    st.info(tr("orientation.privacy"), icon=":material/lock:")


def choose_questionnaire(store: Store) -> str:
    """Which questionnaire, each with its state (new, half-finished, done)."""
    labels = {qid: status_label(store, qid) for qid in QUESTIONNAIRE_IDS}
    # the id is the choice: a label that becomes "(in progress)" or Dutch keeps the questionnaire
    choice = id_choice(
        st.radio,
        tr("orientation.choose"),
        QUESTIONNAIRE_IDS,
        format_func=labels.__getitem__,
        key=CHOICE_KEY,
        default=QUESTIONNAIRE_IDS[0],
        horizontal=True,
    )
    st.divider()
    return str(choice)


def questionnaire_or_result(store: Store, qid: str, today: date) -> None:
    """The questionnaire (new, half-finished or a retake) or its latest result."""
    mode = st.session_state.get(_mode_key(qid))
    if mode is None or (mode == "result" and latest_result(store, qid) is None):
        mode = "ask" if load_draft(store, qid) is not None or latest_result(store, qid) is None else "result"
    if mode == "ask":
        render_questionnaire(store, qid, today)
    else:
        render_result(store, qid)


def export(store: Store, today: date) -> None:
    """The latest result of every questionnaire as Markdown or PDF."""
    st.divider()
    st.header(tr("orientation.export.title"), anchor=False)
    results = {qid: latest_result(store, qid) for qid in QUESTIONNAIRE_IDS}
    if not any(results.values()):
        st.caption(tr("orientation.export.nothing"))
        return
    st.caption(tr("orientation.export.intro"))
    cols = st.columns(2)
    stem = f"orientation-{today.isoformat()}"
    cols[0].download_button(
        tr("orientation.export.markdown"),
        data=to_markdown(results, lang(), today).encode("utf-8"),
        file_name=f"{stem}.md",
        mime="text/markdown",
        key="or_export_md",
        on_click="ignore",
        icon=":material/description:",
    )
    cols[1].download_button(
        tr("orientation.export.pdf"),
        data=to_pdf(results, lang(), today),
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        key="or_export_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
