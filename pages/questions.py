"""Critical questions (/questions): questions for my week and situation, documents, meetings, letters."""

from datetime import date

import streamlit as st

from spoor2.i18n import format_date
from spoor2.questions.bank import (
    ANSWER_KEYS,
    ANSWER_VALUES,
    AUDIENCES,
    DOC_STATES,
    LETTER_SOURCES,
    LETTERS,
    document_is_due,
    document_specs,
    document_texts,
    fill_letter,
    letter_placeholders,
    shown_questions,
)
from spoor2.questions.export import meeting_pdf, meeting_text, questions_markdown, questions_pdf, questions_text
from spoor2.store import questions as repo
from ui import questions as ui
from ui.frame import (
    fdate,
    get_store,
    lang,
    legal_footer,
    md_escape,
    page_script,
    page_start,
    sources_markdown,
    tr,
    user_text,
)

page_start("questions.title")
st.markdown(tr("questions.intro"))
ui.show_pending_error()

today = date.today()
store = get_store()
timeline, standing, problem = ui.load_standing(today)
if problem is not None:
    st.warning(tr("questions.timeline_problem", message=problem.message(lang())))
if standing is None:
    st.info(tr("questions.no_timeline"), icon=":material/info:")
    st.page_link(page_script("timeline"), label=tr("questions.go_timeline"), icon=":material/event:")
else:
    flagged = ", ".join(ui.milestone_label(mid) for mid in standing.flagged) or tr("questions.none_flagged")
    st.caption(tr("questions.week_info", week=standing.sick_week, flagged=flagged))

# format_func gets plain dict lookups (no closures over the session), so labels stay in the page language
AUDIENCE_LABELS = {a: tr(f"questions.audience.{a}").replace("*", "") for a in AUDIENCES}
ANSWER_LABELS = {v: tr(f"questions.answer_value.{v}") for v in ANSWER_VALUES}
STATE_LABELS = {s: tr(f"questions.doc_state.{s}") for s in DOC_STATES}
LETTER_LABELS = {i: tr(f"questions.letter.{i}") for i in LETTERS}

situation = ui.current_situation(standing)
qlist = ui.current_list(situation)
shown = shown_questions(qlist, lang())

tab_q, tab_s, tab_d, tab_m, tab_l = st.tabs(
    [tr(f"questions.tabs.{name}") for name in ("questions", "situation", "documents", "meeting", "letters")]
)

# --- my questions ---------------------------------------------------------------------------------
with tab_q:
    if not shown:
        st.info(tr("questions.empty_list"))
    for audience in AUDIENCES:
        group = [q for q in shown if q.audience == audience]
        if not group:
            continue
        st.subheader(tr(f"questions.audience.{audience}"))
        for index, q in enumerate(group):
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
                    disabled=index == 0,
                    on_click=ui.on_move,
                    args=(situation, q.id, "up"),
                )
                cols[1].button(
                    tr("questions.down"),
                    key=f"q_down_{q.id}",
                    icon=":material/arrow_downward:",
                    disabled=index == len(group) - 1,
                    on_click=ui.on_move,
                    args=(situation, q.id, "down"),
                )
                cols[2].button(
                    tr("questions.remove"),
                    key=f"q_rm_{q.id}",
                    icon=":material/delete:",
                    on_click=ui.on_remove,
                    args=(situation, q.id),
                )

    st.markdown(f"#### {tr('questions.add_title')}")
    st.text_input(tr("questions.own_text"), key="q_own_text", max_chars=500)
    st.selectbox(
        tr("questions.own_audience"),
        options=list(AUDIENCES),
        format_func=AUDIENCE_LABELS.get,
        key="q_own_audience",
    )
    st.button(tr("questions.add"), key="q_own_add", on_click=ui.on_add_own, args=(situation,), icon=":material/add:")
    st.button(tr("questions.restore"), key="q_restore", on_click=ui.on_restore, args=(situation,), type="tertiary")

    st.markdown(f"#### {tr('questions.export_title')}")
    cols = st.columns(3)
    cols[0].download_button(
        tr("questions.export_pdf"),
        data=questions_pdf(shown, lang(), today),
        file_name="critical-questions.pdf",
        mime="application/pdf",
        key="q_dl_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
    cols[1].download_button(
        tr("questions.export_md"),
        data=questions_markdown(shown, lang(), today),
        file_name="critical-questions.md",
        mime="text/markdown",
        key="q_dl_md",
        on_click="ignore",
    )
    cols[2].download_button(
        tr("questions.export_txt"),
        data=questions_text(shown, lang(), today),
        file_name="critical-questions.txt",
        mime="text/plain",
        key="q_dl_txt",
        on_click="ignore",
    )

# --- my situation ---------------------------------------------------------------------------------
with tab_s:
    st.markdown(tr("questions.situation_intro"))
    for key in ANSWER_KEYS:
        if f"q_ans_{key}" not in st.session_state:
            st.session_state[f"q_ans_{key}"] = situation.answer(key)
        st.radio(
            tr(f"questions.answers.{key}").replace("*", ""),
            options=list(ANSWER_VALUES),
            format_func=ANSWER_LABELS.get,
            key=f"q_ans_{key}",
            horizontal=True,
        )
    st.button(
        tr("questions.save_answers"),
        key="q_save_answers",
        type="primary",
        on_click=ui.on_save_answers,
        args=(tr("questions.answers_saved"),),
    )

# --- documents ------------------------------------------------------------------------------------
with tab_d:
    st.markdown(tr("questions.documents_intro"))
    records = repo.document_records(store)
    texts = document_texts(lang())
    for spec in document_specs():
        record = records.get(spec.id)
        with st.container(border=True):
            st.markdown(f"**{texts[spec.id].name}**")
            if timeline is not None and timeline.has(spec.due):
                st.caption(tr("questions.doc_due", date=fdate(timeline.milestone(spec.due).due)))
            cols = st.columns(2)
            state_key = f"q_doc_state_{spec.id}"
            if state_key not in st.session_state:
                st.session_state[state_key] = record.state if record else "unknown"
            state = cols[0].selectbox(
                tr("questions.doc_state_label"),
                options=list(DOC_STATES),
                format_func=STATE_LABELS.get,
                key=state_key,
            )
            date_key = f"q_doc_date_{spec.id}"
            if date_key not in st.session_state:
                st.session_state[date_key] = record.on if record else None
            cols[1].date_input(
                tr("questions.doc_date_label"),
                key=date_key,
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
        on_click=ui.on_save_documents,
        args=(today, tr("questions.documents_saved")),
    )

# --- meeting preparation --------------------------------------------------------------------------
with tab_m:
    st.markdown(tr("questions.meeting_intro"))
    point_texts = {q.id: q.text.replace("*", "") for q in shown}
    st.date_input(tr("questions.meeting_date"), key="q_meet_date", value=today, format="DD-MM-YYYY")
    st.text_input(tr("questions.meeting_with"), key="q_meet_with", max_chars=200)
    st.multiselect(
        tr("questions.meeting_points"),
        options=list(point_texts),
        format_func=point_texts.get,
        key="q_meet_points",
    )
    st.text_area(tr("questions.meeting_extra"), key="q_meet_extra", max_chars=5000)
    st.button(
        tr("questions.meeting_save"),
        key="q_meet_save",
        type="primary",
        on_click=ui.on_save_meeting,
        args=(point_texts, tr("questions.meeting_saved")),
    )
    st.markdown(f"#### {tr('questions.meetings_title')}")
    saved_meetings = repo.meetings(store)
    if not saved_meetings:
        st.caption(tr("questions.no_meetings"))
    for meeting in saved_meetings:
        label = tr("questions.meeting_label", date=fdate(meeting.on, "medium"), with_whom=md_escape(meeting.with_whom))
        with st.expander(label, key=f"q_meet_exp_{meeting.id}"):
            for number, point in enumerate(meeting.points, start=1):
                user_text(f"{number}. {point}")
            agreed_key = f"q_meet_agreed_{meeting.id}"
            if agreed_key not in st.session_state:
                st.session_state[agreed_key] = meeting.agreed
            st.text_area(tr("questions.meeting_agreed"), key=agreed_key, max_chars=5000)
            cols = st.columns(4)
            cols[0].button(
                tr("questions.meeting_agreed_save"),
                key=f"q_meet_agreed_save_{meeting.id}",
                on_click=ui.on_save_agreed,
                args=(meeting, tr("questions.meeting_saved")),
            )
            cols[1].download_button(
                tr("questions.meeting_export_txt"),
                data=meeting_text(meeting, lang()),
                file_name=f"meeting-{meeting.on.isoformat()}.txt",
                mime="text/plain",
                key=f"q_meet_dl_txt_{meeting.id}",
                on_click="ignore",
            )
            cols[2].download_button(
                tr("questions.meeting_export_pdf"),
                data=meeting_pdf(meeting, lang()),
                file_name=f"meeting-{meeting.on.isoformat()}.pdf",
                mime="application/pdf",
                key=f"q_meet_dl_pdf_{meeting.id}",
                on_click="ignore",
            )
            cols[3].button(
                tr("questions.meeting_delete"),
                key=f"q_meet_del_{meeting.id}",
                on_click=ui.on_delete_meeting,
                args=(meeting.id,),
                type="tertiary",
            )

# --- letters --------------------------------------------------------------------------------------
with tab_l:
    st.markdown(tr("questions.letters_intro"))
    letter_id = st.selectbox(
        tr("questions.letter_choice"),
        options=list(LETTERS),
        format_func=LETTER_LABELS.get,
        key="q_letter",
    )
    letter_lang = st.radio(
        tr("questions.letter_lang"),
        options=["en", "nl"],
        format_func={"en": "English", "nl": "Nederlands"}.get,
        index=0 if lang() == "en" else 1,
        key="q_letter_lang",
        horizontal=True,
    )
    values = {"today": format_date(today, letter_lang), "first_sick_day": ""}
    if timeline is not None:
        values["first_sick_day"] = format_date(timeline.first_sick_day, letter_lang)
    for name in letter_placeholders(letter_lang, letter_id):
        if name in ("today", "first_sick_day"):
            continue
        widget = st.text_area if name == "reasons" else st.text_input
        values[name] = widget(tr(f"questions.field.{name}"), key=f"q_letter_{name}", max_chars=5000)
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

legal_footer()
