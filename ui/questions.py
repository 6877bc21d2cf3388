"""The sections of /questions (my week, questions, situation, documents, meeting, letters) and their callbacks.

``pages/questions.py`` shows the section chosen in :func:`sections` (a keyed control whose value is the
section id, so the place survives saves, messages and language switches). Callbacks run before the page
script, so what they save is visible in the same run; their message (saved, or the error) is kept with
:func:`ui.frame.flash` and shown once under the page title.

Every widget's value is an id, a date or the person's own text, never a translated label. The browser
sends back the *label* it last showed, so each widget mirrors a draft kept in a plain session key
(:func:`_mirror`): after a language switch the widget is told its value again, in the new words, and a
section that is not shown keeps what was typed in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.i18n import format_date
from spoor2.questions.bank import (
    ANSWER_KEYS,
    ANSWER_VALUES,
    AUDIENCES,
    DOC_STATES,
    LETTER_SOURCES,
    LETTERS,
    MAX_FIELD_CHARS,
    MAX_MEETING_TEXT_CHARS,
    MAX_OWN_QUESTION_CHARS,
    MAX_WITH_WHOM_CHARS,
    DocumentRecord,
    Meeting,
    QuestionList,
    ShownQuestion,
    Situation,
    add_own_question,
    applicable_questions,
    build_situation,
    document_ids,
    document_is_due,
    document_specs,
    document_texts,
    fill_letter,
    letter_placeholders,
    merge_list,
    move_item,
    record_agreed,
    remove_item,
    restore_defaults,
    shown_questions,
)
from spoor2.questions.export import meeting_pdf, meeting_text, questions_markdown, questions_pdf, questions_text
from spoor2.store import questions as repo
from spoor2.store import timeline as timeline_repo
from spoor2.timeline.rules import Standing, Timeline
from ui.frame import (
    fdate,
    flash,
    flash_error,
    get_store,
    lang,
    md_escape,
    page_script,
    sources_markdown,
    tr,
    user_text,
)


def load_standing(today: date) -> tuple[Timeline | None, Standing | None, Spoor2Error | None]:
    try:
        saved = timeline_repo.load_standing(get_store(), today)
    except Spoor2Error as error:
        return None, None, error
    if saved is None:
        return None, None, None
    return saved.timeline, saved.standing, None


def current_situation(standing: Standing | None) -> Situation:
    store = get_store()
    return build_situation(standing, repo.document_states(store), repo.situation_answers(store))


def current_list(situation: Situation) -> QuestionList:
    return merge_list(repo.load_question_list(get_store()), applicable_questions(situation))


def milestone_label(milestone_id: str) -> str:
    """The milestone's label from the timeline catalogue (``content/<lang>/ui/milestones.yaml``)."""
    return tr(f"milestones.{milestone_id}.label")


def _run(action, notice: str | None = None) -> None:  # type: ignore[no-untyped-def]
    try:
        action()
    except Spoor2Error as error:
        flash_error(error)
    else:
        if notice:
            flash("success", notice)


def _save_list(qlist: QuestionList) -> None:
    repo.save_question_list(get_store(), qlist)


# --- drafts: what the person chose or typed, kept as ids, dates and text -----------------------------

SECTIONS: tuple[str, ...] = ("questions", "situation", "documents", "meeting", "letters")
_LAST_MEETING_KEY = "q_meet_last_submission"


def _draft_key(key: str) -> str:
    return f"{key}__draft"


def _mirror(key: str, stored: Any, options: Sequence[str] | None = None) -> dict[str, Any]:
    """The widget arguments that keep widget ``key`` in step with its draft (returned for ``**``).

    The draft starts as ``stored`` (the saved value, or the empty form) and starts again when the saved
    value changes elsewhere (a step recorded on the timeline); otherwise it keeps what the person chose,
    across reruns, sections and languages. With ``options`` a draft that is no longer an option is dropped.
    """
    state = st.session_state
    seed_key = f"{key}__seed"
    if _draft_key(key) not in state or state.get(seed_key) != stored:
        state[_draft_key(key)] = stored
        state[seed_key] = stored
    value = state[_draft_key(key)]
    if options is not None:
        if isinstance(value, list):
            value = [v for v in value if v in options]
        elif value not in options:
            value = stored
    state[key] = value
    return {"key": key, "on_change": _keep_draft, "args": (key, options)}


def _is_choice(value: Any, options: Sequence[str] | None) -> bool:
    """No options (a date, a text), an option, or a list of options."""
    if options is None:
        return True
    return set(value) <= set(options) if isinstance(value, list) else value in options


def _keep_draft(key: str, options: Sequence[str] | None) -> None:
    value = st.session_state[key]
    if _is_choice(value, options):
        st.session_state[_draft_key(key)] = value


def _value(key: str, default: Any, options: Sequence[str] | None = None) -> Any:
    """A widget's value in a callback: the widget's, else (not an option) its draft, else ``default``."""
    value = st.session_state.get(key, default)
    if not _is_choice(value, options):
        value = st.session_state.get(_draft_key(key), default)
    return value


def _reset(key: str, empty: Any) -> None:
    """Empty a field of a form after its record was saved."""
    st.session_state[_draft_key(key)] = empty
    st.session_state[key] = empty


# --- callbacks --------------------------------------------------------------------------------------


def on_move(situation: Situation, item_id: str, direction: str) -> None:
    _run(lambda: _save_list(move_item(current_list(situation), item_id, direction)))  # type: ignore[arg-type]


def on_remove(situation: Situation, item_id: str) -> None:
    _run(lambda: _save_list(remove_item(current_list(situation), item_id)))


def on_restore(situation: Situation) -> None:
    _run(lambda: _save_list(restore_defaults(current_list(situation))))


def on_add_own(situation: Situation) -> None:
    def action() -> None:
        text = _value("q_own_text", "") or ""
        audience = _value("q_own_audience", "employer", AUDIENCES)
        _save_list(add_own_question(current_list(situation), text, audience, "own-" + repo.new_id()))
        _reset("q_own_text", "")

    _run(action)


def on_save_answers(notice: str) -> None:
    def action() -> None:
        store = get_store()
        values = {key: _value(f"q_ans_{key}", "unknown", ANSWER_VALUES) for key in ANSWER_KEYS}
        build_situation(None, answers=values)  # validate all before writing any
        for key, value in values.items():
            repo.set_answer(store, key, value)

    _run(action, notice)


def on_save_documents(today: date, notice: str) -> None:
    def action() -> None:
        records = []
        for doc_id in document_ids():
            state = _value(f"q_doc_state_{doc_id}", "unknown", DOC_STATES)
            on = _value(f"q_doc_date_{doc_id}", None)
            records.append(DocumentRecord(id=doc_id, state=state, on=on if state == "received" else None))
        repo.set_documents(get_store(), records, today)  # all validated before any is written

    _run(action, notice)


def on_save_meeting(point_texts: dict[str, str], today: date, notice: str) -> None:
    """Save a new meeting once: the same submission again (a second click) creates no second record."""
    chosen = [point_texts[i] for i in _value("q_meet_points", [], tuple(point_texts)) if i in point_texts]
    extra = [line.strip() for line in (_value("q_meet_extra", "") or "").splitlines() if line.strip()]
    on = _value("q_meet_date", None) or today
    with_whom = (_value("q_meet_with", "") or "").strip()[:MAX_WITH_WHOM_CHARS]
    submission = [on.isoformat(), with_whom, *chosen, "", *extra]

    def clear_form() -> None:
        _reset("q_meet_date", today)
        _reset("q_meet_with", "")
        _reset("q_meet_points", [])
        _reset("q_meet_extra", "")

    if st.session_state.get(_LAST_MEETING_KEY) == submission:
        clear_form()
        flash("info", tr("questions.meeting_already_saved"))
        return

    def action() -> None:
        meeting = Meeting(id=repo.new_id(), on=on, with_whom=with_whom, points=tuple(chosen + extra))
        repo.save_meeting(get_store(), meeting)
        st.session_state[_LAST_MEETING_KEY] = submission
        clear_form()

    _run(action, notice)


def on_save_agreed(meeting: Meeting, notice: str) -> None:
    def action() -> None:
        agreed = _value(f"q_meet_agreed_{meeting.id}", "") or ""
        repo.save_meeting(get_store(), record_agreed(meeting, agreed))

    _run(action, notice)


def on_delete_meeting(meeting_id: str) -> None:
    """Delete after the tick; the tick is used up (the next delete asks again)."""
    confirm_key = f"q_meet_del_confirm_{meeting_id}"
    if not st.session_state.get(confirm_key):
        flash("warning", tr("questions.meeting_delete_ask"))
        return
    st.session_state[confirm_key] = False
    _run(lambda: repo.delete_meeting(get_store(), meeting_id), tr("questions.meeting_deleted"))


# --- the sections of the page, in order -------------------------------------------------------------
# format_func gets plain dict lookups (no closures over the session), so labels stay in the page language.


def intro() -> None:
    st.markdown(tr("questions.intro"))


def my_week(today: date) -> tuple[Timeline | None, Standing | None]:
    """The sick week and flagged steps from the saved timeline, or an invitation to make one."""
    timeline, standing, problem = load_standing(today)
    if problem is not None:
        st.warning(tr("questions.timeline_problem", message=problem.message(lang())))
    if standing is None:
        st.info(tr("questions.no_timeline"), icon=":material/info:")
        st.page_link(page_script("timeline"), label=tr("questions.go_timeline"), icon=":material/event:")
    else:
        flagged = ", ".join(milestone_label(mid) for mid in standing.flagged) or tr("questions.none_flagged")
        st.caption(tr("questions.week_info", week=standing.sick_week, flagged=flagged))
    return timeline, standing


def shown_list(situation: Situation) -> tuple[ShownQuestion, ...]:
    """The person's list for this situation, in the page language."""
    return shown_questions(current_list(situation), lang())


def sections() -> str:
    """The part of the page the person is in: a keyed control whose value is the section id.

    ``st.tabs`` forgets its tab when a message appears; this stays through saves, messages and switches.
    """
    labels = {name: tr(f"questions.tabs.{name}") for name in SECTIONS}
    chosen = st.segmented_control(
        tr("questions.section_label"),
        options=list(SECTIONS),
        format_func=labels.__getitem__,
        required=True,
        label_visibility="collapsed",
        **_mirror("q_tab", SECTIONS[0], SECTIONS),
    )
    return chosen if chosen in SECTIONS else SECTIONS[0]


def my_questions(situation: Situation, shown: tuple[ShownQuestion, ...], today: date) -> None:
    """The list by audience (reorder, remove), an own question, and the list as PDF, Markdown or text."""
    if not shown:
        st.info(tr("questions.empty_list"))
    for audience in AUDIENCES:
        group = [q for q in shown if q.audience == audience]
        if group:
            st.subheader(tr(f"questions.audience.{audience}"))
            for index, q in enumerate(group):
                _question_card(situation, q, first=index == 0, last=index == len(group) - 1)
    _own_question(situation)
    _questions_export(shown, today)


def _question_card(situation: Situation, q: ShownQuestion, *, first: bool, last: bool) -> None:
    with st.container(border=True):
        if q.own:
            st.markdown(f"**{md_escape(q.text)}**")
            st.caption(tr("questions.own_label"))
        else:
            st.markdown(f"**{q.text}**")
            st.markdown(f"*{tr('questions.why')}:* {q.why}")
            priority = tr(f"questions.priority.{q.priority}")
            st.caption(f"{priority} · {tr('questions.sources')}: {sources_markdown(q.sources)}")
        cols = st.columns([1, 1, 1, 3])
        cols[0].button(
            tr("questions.up"),
            key=f"q_up_{q.id}",
            icon=":material/arrow_upward:",
            disabled=first,
            on_click=on_move,
            args=(situation, q.id, "up"),
        )
        cols[1].button(
            tr("questions.down"),
            key=f"q_down_{q.id}",
            icon=":material/arrow_downward:",
            disabled=last,
            on_click=on_move,
            args=(situation, q.id, "down"),
        )
        cols[2].button(
            tr("questions.remove"),
            key=f"q_rm_{q.id}",
            icon=":material/delete:",
            on_click=on_remove,
            args=(situation, q.id),
        )


def _own_question(situation: Situation) -> None:
    audience_labels = {a: tr(f"questions.audience.{a}").replace("*", "") for a in AUDIENCES}
    st.markdown(f"#### {tr('questions.add_title')}")
    st.text_input(tr("questions.own_text"), max_chars=MAX_OWN_QUESTION_CHARS, **_mirror("q_own_text", ""))
    st.selectbox(
        tr("questions.own_audience"),
        options=list(AUDIENCES),
        format_func=audience_labels.__getitem__,
        **_mirror("q_own_audience", AUDIENCES[0], AUDIENCES),
    )
    st.button(tr("questions.add"), key="q_own_add", on_click=on_add_own, args=(situation,), icon=":material/add:")
    st.button(tr("questions.restore"), key="q_restore", on_click=on_restore, args=(situation,), type="tertiary")


def _questions_export(shown: tuple[ShownQuestion, ...], today: date) -> None:
    st.markdown(f"#### {tr('questions.export_title')}")
    cols = st.columns(3)
    name = tr("questions.export_file")
    cols[0].download_button(
        tr("questions.export_pdf"),
        data=questions_pdf(shown, lang(), today),
        file_name=f"{name}.pdf",
        mime="application/pdf",
        key="q_dl_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
    cols[1].download_button(
        tr("questions.export_md"),
        data=questions_markdown(shown, lang(), today),
        file_name=f"{name}.md",
        mime="text/markdown",
        key="q_dl_md",
        on_click="ignore",
    )
    cols[2].download_button(
        tr("questions.export_txt"),
        data=questions_text(shown, lang(), today),
        file_name=f"{name}.txt",
        mime="text/plain",
        key="q_dl_txt",
        on_click="ignore",
    )


def my_situation(situation: Situation) -> None:
    """The situation questions (they choose which questions apply), saved together."""
    answer_labels = {v: tr(f"questions.answer_value.{v}") for v in ANSWER_VALUES}
    st.markdown(tr("questions.situation_intro"))
    for key in ANSWER_KEYS:
        st.radio(
            tr(f"questions.answers.{key}").replace("*", ""),
            options=list(ANSWER_VALUES),
            format_func=answer_labels.__getitem__,
            horizontal=True,
            **_mirror(f"q_ans_{key}", situation.answer(key), ANSWER_VALUES),
        )
    st.button(
        tr("questions.save_answers"),
        key="q_save_answers",
        type="primary",
        on_click=on_save_answers,
        args=(tr("questions.answers_saved"),),
    )


def documents(timeline: Timeline | None, situation: Situation, today: date) -> None:
    """The document checklist: received (when), not received (what to do), with due dates and sources."""
    state_labels = {s: tr(f"questions.doc_state.{s}") for s in DOC_STATES}
    st.markdown(tr("questions.documents_intro"))
    records = repo.document_records(get_store())
    texts = document_texts(lang())
    for spec in document_specs():
        record = records.get(spec.id)
        with st.container(border=True):
            st.markdown(f"**{texts[spec.id].name}**")
            if timeline is not None and timeline.has(spec.due):
                st.caption(tr("questions.doc_due", date=fdate(timeline.milestone(spec.due).due)))
            if spec.records is not None:
                st.caption(f"{tr('questions.doc_recorded_on_timeline')}: {milestone_label(spec.records)}")
            cols = st.columns(2)
            state = cols[0].selectbox(
                tr("questions.doc_state_label"),
                options=list(DOC_STATES),
                format_func=state_labels.__getitem__,
                **_mirror(f"q_doc_state_{spec.id}", record.state if record else "unknown", DOC_STATES),
            )
            cols[1].date_input(
                tr("questions.doc_date_label"),
                **_mirror(f"q_doc_date_{spec.id}", record.on if record else None),
                max_value=today,
                min_value=date(2015, 1, 1),
                format="DD-MM-YYYY",
                disabled=state != "received",
            )
            if state == "not_received" or (state == "unknown" and document_is_due(spec, situation)):
                st.markdown(f"*{tr('questions.doc_what_to_do')}:* {texts[spec.id].missing}")
            st.caption(f"{tr('questions.sources')}: {sources_markdown(spec.sources)}")
    st.button(
        tr("questions.save_documents"),
        key="q_save_documents",
        type="primary",
        on_click=on_save_documents,
        args=(today, tr("questions.documents_saved")),
    )


def meeting_preparation(shown: tuple[ShownQuestion, ...], today: date) -> None:
    """A new meeting (date, with whom, points), and the saved ones with what was agreed and exports."""
    st.markdown(tr("questions.meeting_intro"))
    point_texts = {q.id: q.text.replace("*", "") for q in shown}
    st.date_input(tr("questions.meeting_date"), format="DD-MM-YYYY", **_mirror("q_meet_date", today))
    st.text_input(tr("questions.meeting_with"), max_chars=MAX_WITH_WHOM_CHARS, **_mirror("q_meet_with", ""))
    st.multiselect(
        tr("questions.meeting_points"),
        options=list(point_texts),
        format_func=point_texts.__getitem__,
        placeholder=tr("questions.meeting_points_placeholder"),
        **_mirror("q_meet_points", [], tuple(point_texts)),
    )
    st.text_area(tr("questions.meeting_extra"), max_chars=MAX_MEETING_TEXT_CHARS, **_mirror("q_meet_extra", ""))
    st.button(
        tr("questions.meeting_save"),
        key="q_meet_save",
        type="primary",
        on_click=on_save_meeting,
        args=(point_texts, today, tr("questions.meeting_saved")),
    )
    st.markdown(f"#### {tr('questions.meetings_title')}")
    saved_meetings = repo.meetings(get_store())
    if not saved_meetings:
        st.caption(tr("questions.no_meetings"))
    for meeting in saved_meetings:
        _saved_meeting(meeting)


def _saved_meeting(meeting: Meeting) -> None:
    label = tr("questions.meeting_label", date=fdate(meeting.on, "medium"), with_whom=md_escape(meeting.with_whom))
    with st.expander(label, key=f"q_meet_exp_{meeting.id}"):
        for number, point in enumerate(meeting.points, start=1):
            user_text(f"{number}. {point}")
        st.text_area(
            tr("questions.meeting_agreed"),
            max_chars=MAX_MEETING_TEXT_CHARS,
            **_mirror(f"q_meet_agreed_{meeting.id}", meeting.agreed),
        )
        cols = st.columns(4)
        cols[0].button(
            tr("questions.meeting_agreed_save"),
            key=f"q_meet_agreed_save_{meeting.id}",
            on_click=on_save_agreed,
            args=(meeting, tr("questions.meeting_saved")),
        )
        cols[1].download_button(
            tr("questions.meeting_export_txt"),
            data=meeting_text(meeting, lang()),
            file_name=f"{tr('questions.meeting_file')}-{meeting.on.isoformat()}.txt",
            mime="text/plain",
            key=f"q_meet_dl_txt_{meeting.id}",
            on_click="ignore",
        )
        cols[2].download_button(
            tr("questions.meeting_export_pdf"),
            data=meeting_pdf(meeting, lang()),
            file_name=f"{tr('questions.meeting_file')}-{meeting.on.isoformat()}.pdf",
            mime="application/pdf",
            key=f"q_meet_dl_pdf_{meeting.id}",
            on_click="ignore",
        )
        cols[3].checkbox(tr("questions.meeting_delete_confirm"), key=f"q_meet_del_confirm_{meeting.id}")
        cols[3].button(
            tr("questions.meeting_delete"),
            key=f"q_meet_del_{meeting.id}",
            on_click=on_delete_meeting,
            args=(meeting.id,),
            type="tertiary",
        )


def letters(timeline: Timeline | None, today: date) -> None:
    """A letter in English or Dutch, filled from typed fields and the timeline, as plain text."""
    letter_labels = {i: tr(f"questions.letter.{i}") for i in LETTERS}
    st.markdown(tr("questions.letters_intro"))
    letter_id = st.selectbox(
        tr("questions.letter_choice"),
        options=list(LETTERS),
        format_func=letter_labels.__getitem__,
        **_mirror("q_letter", LETTERS[0], LETTERS),
    )
    # the letter's language starts as the page's and then stays the person's choice
    first_lang = st.session_state.get(_draft_key("q_letter_lang"), lang())
    letter_lang = st.radio(
        tr("questions.letter_lang"),
        options=["en", "nl"],
        format_func={"en": "English", "nl": "Nederlands"}.__getitem__,
        horizontal=True,
        **_mirror("q_letter_lang", first_lang, ("en", "nl")),
    )
    values = {"today": format_date(today, letter_lang), "first_sick_day": ""}
    if timeline is not None:
        values["first_sick_day"] = format_date(timeline.first_sick_day, letter_lang)
    for name in letter_placeholders(letter_lang, letter_id):
        if name in ("today", "first_sick_day"):
            continue
        widget = st.text_area if name == "reasons" else st.text_input
        field = _mirror(f"q_letter_{name}", "")
        values[name] = widget(tr(f"questions.field.{name}"), max_chars=MAX_FIELD_CHARS, **field)
    letter = fill_letter(letter_lang, letter_id, values)
    st.markdown(f"**{tr('questions.letter_preview')}**")
    with st.container(border=True):
        user_text(letter)
    st.download_button(
        tr("questions.letter_download"),
        data=letter,
        file_name=f"{letter_id}-{letter_lang}.txt",
        mime="text/plain",
        key="q_letter_dl",
        on_click="ignore",
        icon=":material/download:",
    )
    st.caption(f"{tr('questions.letter_sources')}: {sources_markdown(LETTER_SOURCES[letter_id])}")
