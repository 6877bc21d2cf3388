"""The sections of /questions (my week, questions, situation, documents, meeting, letters) and their callbacks.

``pages/questions.py`` shows the section chosen in :func:`sections` (a keyed control whose value is the
section id, so the place survives saves, messages and language switches). Callbacks run before the page
script, so what they save is visible in the same run; their message (saved, or the error) is kept with
:func:`ui.frame.flash` and shown once under the page title.

Every widget's value is an id, a date or the person's own text, never a translated label. The browser
sends back the *label* it last showed, so each widget is drawn through :func:`ui.frame.id_choice` (a
choice) or :func:`ui.frame.kept_field` (a date, a text): the value is kept by the frame, after a language
switch the widget is told it again, in the new words, and a section that is not shown keeps what was
typed in it.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.i18n import LANG_NAMES, format_date
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
    chosen,
    entered,
    error_text,
    fdate,
    flash,
    flash_error,
    forget_choice,
    get_store,
    id_choice,
    kept_field,
    lang,
    md_escape,
    page_script,
    show_error,
    small,
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


# --- where the person is, and what a second click must not save again ----------------------------------

SECTIONS: tuple[str, ...] = ("questions", "situation", "documents", "meeting", "letters")
_LAST_MEETING_KEY = "q_meet_last_submission"
_MEETING_FIELDS = ("q_meet_date", "q_meet_with", "q_meet_points", "q_meet_extra")


# --- callbacks --------------------------------------------------------------------------------------


def on_move(situation: Situation, item_id: str, direction: str) -> None:
    _run(lambda: _save_list(move_item(current_list(situation), item_id, direction)))  # type: ignore[arg-type]


def on_remove(situation: Situation, item_id: str) -> None:
    _run(lambda: _save_list(remove_item(current_list(situation), item_id)))


def on_restore(situation: Situation) -> None:
    _run(lambda: _save_list(restore_defaults(current_list(situation))))


def on_add_own(situation: Situation) -> None:
    """Add an own question once: the same question for the same person again (a second click) adds none."""

    def action() -> None:
        text = entered("q_own_text", "") or ""
        audience = chosen("q_own_audience", AUDIENCES[0], AUDIENCES)
        qlist = current_list(situation)
        if any(item.own and item.audience == audience and item.text == text.strip() for item in qlist.items):
            forget_choice("q_own_text")
            flash("info", tr("questions.own_already_in_list"))
            return
        _save_list(add_own_question(qlist, text, audience, "own-" + repo.new_id()))
        forget_choice("q_own_text")

    _run(action)


def on_save_answers(notice: str) -> None:
    def action() -> None:
        store = get_store()
        values = {key: chosen(f"q_ans_{key}", "unknown", ANSWER_VALUES) for key in ANSWER_KEYS}
        build_situation(None, answers=values)  # validate all before writing any
        for key, value in values.items():
            repo.set_answer(store, key, value)

    _run(action, notice)


def on_save_documents(today: date, notice: str) -> None:
    def action() -> None:
        records = []
        for doc_id in document_ids():
            state = chosen(f"q_doc_state_{doc_id}", "unknown", DOC_STATES)
            on = entered(f"q_doc_date_{doc_id}")
            records.append(DocumentRecord(id=doc_id, state=state, on=on if state == "received" else None))
        repo.set_documents(get_store(), records, today)  # all validated before any is written

    _run(action, notice)


def on_save_meeting(point_texts: dict[str, str], today: date, notice: str) -> None:
    """Save a new meeting once: the same submission again (a second click) creates no second record."""
    points = [point_texts[i] for i in chosen("q_meet_points", [], tuple(point_texts)) if i in point_texts]
    extra = [line.strip() for line in (entered("q_meet_extra", "") or "").splitlines() if line.strip()]
    on = entered("q_meet_date") or today
    with_whom = (entered("q_meet_with", "") or "").strip()[:MAX_WITH_WHOM_CHARS]
    submission = [on.isoformat(), with_whom, *points, "", *extra]

    def clear_form() -> None:  # every field back to its default (the date: today)
        for key in _MEETING_FIELDS:
            forget_choice(key)

    if st.session_state.get(_LAST_MEETING_KEY) == submission:
        clear_form()
        flash("info", tr("questions.meeting_already_saved"))
        return

    def action() -> None:
        meeting = Meeting(id=repo.new_id(), on=on, with_whom=with_whom, points=tuple(points + extra))
        repo.save_meeting(get_store(), meeting)
        st.session_state[_LAST_MEETING_KEY] = submission
        clear_form()

    _run(action, notice)


def on_save_agreed(meeting: Meeting, notice: str) -> None:
    def action() -> None:
        agreed = entered(f"q_meet_agreed_{meeting.id}", "") or ""
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
        st.warning(tr("questions.timeline_problem", message=error_text(problem)))
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
    section = id_choice(
        st.segmented_control,
        tr("questions.section_label"),
        SECTIONS,
        key="q_tab",
        format_func=labels.__getitem__,
        default=SECTIONS[0],
        required=True,
        label_visibility="collapsed",
    )
    return section if section in SECTIONS else SECTIONS[0]


def my_questions(situation: Situation, shown: tuple[ShownQuestion, ...], today: date) -> None:
    """The list by audience (reorder, remove), an own question, and the list as PDF, Markdown or text."""
    if not shown:
        st.info(tr("questions.empty_list"))
    number = 0  # questions are numbered through the list, so every button names its own question (M13)
    for audience in AUDIENCES:
        group = [q for q in shown if q.audience == audience]
        if group:
            st.header(tr(f"questions.audience.{audience}"), anchor=False)
            for index, q in enumerate(group):
                number += 1
                _question_card(situation, q, number, first=index == 0, last=index == len(group) - 1)
    _own_question(situation)
    _questions_export(shown, today)


def _question_card(situation: Situation, q: ShownQuestion, number: int, *, first: bool, last: bool) -> None:
    """A question with its number, and buttons named after that number ("Move question 3 up")."""
    with st.container(border=True):
        if q.own:
            st.markdown(f"**{number}.** **{md_escape(q.text)}**")
            st.caption(tr("questions.own_label"))
        else:
            st.markdown(f"**{number}.** **{q.text}**")
            st.markdown(f"*{tr('questions.why')}:* {q.why}")
            priority = tr(f"questions.priority.{q.priority}")
            small(f"{priority} · {tr('questions.sources')}: {sources_markdown(q.sources)}")
        cols = st.columns([1, 1, 1, 3])
        cols[0].button(
            tr("questions.up", number=number),
            key=f"q_up_{q.id}",
            icon=":material/arrow_upward:",
            disabled=first,
            on_click=on_move,
            args=(situation, q.id, "up"),
        )
        cols[1].button(
            tr("questions.down", number=number),
            key=f"q_down_{q.id}",
            icon=":material/arrow_downward:",
            disabled=last,
            on_click=on_move,
            args=(situation, q.id, "down"),
        )
        cols[2].button(
            tr("questions.remove", number=number),
            key=f"q_rm_{q.id}",
            icon=":material/delete:",
            on_click=on_remove,
            args=(situation, q.id),
        )


def _own_question(situation: Situation) -> None:
    audience_labels = {a: tr(f"questions.audience.{a}").replace("*", "") for a in AUDIENCES}
    st.header(tr("questions.add_title"), anchor=False)
    kept_field(st.text_input, tr("questions.own_text"), key="q_own_text", default="", max_chars=MAX_OWN_QUESTION_CHARS)
    id_choice(
        st.selectbox,
        tr("questions.own_audience"),
        AUDIENCES,
        key="q_own_audience",
        format_func=audience_labels.__getitem__,
        default=AUDIENCES[0],
    )
    st.button(tr("questions.add"), key="q_own_add", on_click=on_add_own, args=(situation,), icon=":material/add:")
    st.button(tr("questions.restore"), key="q_restore", on_click=on_restore, args=(situation,), type="tertiary")


def _questions_export(shown: tuple[ShownQuestion, ...], today: date) -> None:
    st.header(tr("questions.export_title"), anchor=False)
    cols = st.columns(3)
    name, language = tr("questions.export_file"), lang()
    # made when clicked (the callables run outside the script): the PDF alone took ~0.4 s of every rerun
    cols[0].download_button(
        tr("questions.export_pdf"),
        data=lambda: questions_pdf(shown, language, today),
        file_name=f"{name}.pdf",
        mime="application/pdf",
        key="q_dl_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
    cols[1].download_button(
        tr("questions.export_md"),
        data=lambda: questions_markdown(shown, language, today),
        file_name=f"{name}.md",
        mime="text/markdown",
        key="q_dl_md",
        on_click="ignore",
    )
    cols[2].download_button(
        tr("questions.export_txt"),
        data=lambda: questions_text(shown, language, today),
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
        id_choice(
            st.radio,
            tr(f"questions.answers.{key}").replace("*", ""),
            ANSWER_VALUES,
            key=f"q_ans_{key}",
            format_func=answer_labels.__getitem__,
            saved=situation.answer(key),
            horizontal=True,
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
            if spec.recurring:
                st.caption(tr("questions.doc_recurring", step=milestone_label(spec.due)))
            elif timeline is not None and timeline.has(spec.due):
                st.caption(tr("questions.doc_due", date=fdate(timeline.milestone(spec.due).due)))
            if spec.records is not None:
                st.caption(f"{tr('questions.doc_recorded_on_timeline')}: {milestone_label(spec.records)}")
            cols = st.columns(2)
            state = id_choice(
                cols[0].selectbox,
                tr("questions.doc_state_label"),
                DOC_STATES,
                key=f"q_doc_state_{spec.id}",
                format_func=state_labels.__getitem__,
                saved=record.state if record else "unknown",
            )
            if state == "received":  # the date only when it means something (no greyed-out field to read)
                kept_field(
                    cols[1].date_input,
                    tr("questions.doc_date_label"),
                    key=f"q_doc_date_{spec.id}",
                    saved=record.on if record else None,
                    max_value=today,
                    min_value=date(2015, 1, 1),
                    format="DD-MM-YYYY",
                )
            if state == "not_received" or (state == "unknown" and document_is_due(spec, situation)):
                st.markdown(f"*{tr('questions.doc_what_to_do')}:* {texts[spec.id].missing}")
            small(f"{tr('questions.sources')}: {sources_markdown(spec.sources)}")
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
    kept_field(st.date_input, tr("questions.meeting_date"), key="q_meet_date", default=today, format="DD-MM-YYYY")
    kept_field(
        st.text_input, tr("questions.meeting_with"), key="q_meet_with", default="", max_chars=MAX_WITH_WHOM_CHARS
    )
    id_choice(
        st.multiselect,
        tr("questions.meeting_points"),
        list(point_texts),
        key="q_meet_points",
        format_func=point_texts.__getitem__,
        default=[],
        placeholder=tr("questions.meeting_points_placeholder"),
    )
    kept_field(
        st.text_area, tr("questions.meeting_extra"), key="q_meet_extra", default="", max_chars=MAX_MEETING_TEXT_CHARS
    )
    st.button(
        tr("questions.meeting_save"),
        key="q_meet_save",
        type="primary",
        on_click=on_save_meeting,
        args=(point_texts, today, tr("questions.meeting_saved")),
    )
    st.header(tr("questions.meetings_title"), anchor=False)
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
        kept_field(
            st.text_area,
            tr("questions.meeting_agreed"),
            key=f"q_meet_agreed_{meeting.id}",
            saved=meeting.agreed,
            max_chars=MAX_MEETING_TEXT_CHARS,
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
    letter_id = id_choice(
        st.selectbox,
        tr("questions.letter_choice"),
        LETTERS,
        key="q_letter",
        format_func=letter_labels.__getitem__,
        default=LETTERS[0],
    )
    # the letter's language starts as the page's and then stays the person's choice
    letter_lang = id_choice(
        st.radio,
        tr("questions.letter_lang"),
        ("en", "nl"),
        key="q_letter_lang",
        format_func=LANG_NAMES.__getitem__,
        default=lang(),
        horizontal=True,
    )
    values = {"today": format_date(today, letter_lang), "first_sick_day": ""}
    if timeline is not None:
        values["first_sick_day"] = format_date(timeline.first_sick_day, letter_lang)
    for name in letter_placeholders(letter_lang, letter_id):
        if name in ("today", "first_sick_day"):
            continue
        widget = st.text_area if name == "reasons" else st.text_input
        label = tr(f"questions.field.{name}")
        values[name] = kept_field(widget, label, key=f"q_letter_{name}", default="", max_chars=MAX_FIELD_CHARS)
    try:
        letter = fill_letter(letter_lang, letter_id, values)
    except Spoor2Error as error:  # a field longer than the letter takes (its notice is under it): no letter yet
        show_error(error)
        return
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
    small(f"{tr('questions.letter_sources')}: {sources_markdown(LETTER_SOURCES[letter_id])}")
