"""Page helpers for /questions: building the situation from the store, and widget callbacks.

Callbacks run before the page script, so what they save is visible in the same run. An error
in a callback is kept in session state and shown at the top of the page by :func:`show_pending_error`.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from spoor2.errors import InvalidInput, Spoor2Error
from spoor2.questions.bank import (
    ANSWER_KEYS,
    MAX_FIELD_CHARS,
    DocumentRecord,
    Meeting,
    QuestionList,
    Situation,
    add_own_question,
    applicable_questions,
    build_situation,
    check_document_record,
    document_ids,
    merge_list,
    move_item,
    remove_item,
    restore_defaults,
)
from spoor2.store import questions as repo
from spoor2.store.timeline import load_timeline_input, milestone_records
from spoor2.timeline.rules import Standing, Timeline, compute_timeline, where_i_stand
from ui.frame import get_store, show_error, tr

ERROR_KEY = "q_pending_error"
NOTICE_KEY = "q_pending_notice"


def load_standing(today: date) -> tuple[Timeline | None, Standing | None, Spoor2Error | None]:
    store = get_store()
    saved = load_timeline_input(store)
    if saved is None:
        return None, None, None
    try:
        timeline = compute_timeline(saved)
        return timeline, where_i_stand(timeline, today, milestone_records(store)), None
    except Spoor2Error as error:
        return None, None, error


def current_situation(standing: Standing | None) -> Situation:
    store = get_store()
    return build_situation(standing, repo.document_states(store), repo.situation_answers(store))


def current_list(situation: Situation) -> QuestionList:
    return merge_list(repo.load_question_list(get_store()), applicable_questions(situation))


def milestone_label(milestone_id: str) -> str:
    """The milestone's label from the timeline catalogue (``content/<lang>/ui/milestones.yaml``)."""
    return tr(f"milestones.{milestone_id}.label")


def show_pending_error() -> None:
    error = st.session_state.pop(ERROR_KEY, None)
    if error is not None:
        show_error(error)
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice is not None:
        st.success(notice, icon=":material/check:")


def _run(action, notice: str | None = None) -> None:  # type: ignore[no-untyped-def]
    try:
        action()
    except Spoor2Error as error:
        st.session_state[ERROR_KEY] = error
    else:
        if notice:
            st.session_state[NOTICE_KEY] = notice


def _save_list(qlist: QuestionList) -> None:
    repo.save_question_list(get_store(), qlist)


# --- callbacks --------------------------------------------------------------------------------------


def on_move(situation: Situation, item_id: str, direction: str) -> None:
    _run(lambda: _save_list(move_item(current_list(situation), item_id, direction)))  # type: ignore[arg-type]


def on_remove(situation: Situation, item_id: str) -> None:
    _run(lambda: _save_list(remove_item(current_list(situation), item_id)))


def on_restore(situation: Situation) -> None:
    _run(lambda: _save_list(restore_defaults(current_list(situation))))


def on_add_own(situation: Situation) -> None:
    def action() -> None:
        text = st.session_state.get("q_own_text", "") or ""
        audience = st.session_state.get("q_own_audience", "employer")
        _save_list(add_own_question(current_list(situation), text, audience, "own-" + repo.new_id()))
        st.session_state["q_own_text"] = ""

    _run(action)


def on_save_answers(notice: str) -> None:
    def action() -> None:
        store = get_store()
        values = {key: st.session_state.get(f"q_ans_{key}", "unknown") for key in ANSWER_KEYS}
        build_situation(None, answers=values)  # validate all before writing any
        for key, value in values.items():
            repo.set_answer(store, key, value)

    _run(action, notice)


def on_save_documents(today: date, notice: str) -> None:
    def action() -> None:
        records = []
        for doc_id in document_ids():
            state = st.session_state.get(f"q_doc_state_{doc_id}", "unknown")
            on = st.session_state.get(f"q_doc_date_{doc_id}")
            record = DocumentRecord(id=doc_id, state=state, on=on if state == "received" else None)
            records.append(record)
        for record in records:  # validate all before writing any
            check_document_record(record, today)
        for record in records:
            repo.set_document(get_store(), record, today)

    _run(action, notice)


def on_save_meeting(point_texts: dict[str, str], notice: str) -> None:
    def action() -> None:
        chosen = [point_texts[i] for i in st.session_state.get("q_meet_points", []) if i in point_texts]
        extra = [line.strip() for line in (st.session_state.get("q_meet_extra", "") or "").splitlines() if line.strip()]
        meeting = Meeting(
            id=repo.new_id(),
            on=st.session_state.get("q_meet_date") or date.today(),
            with_whom=(st.session_state.get("q_meet_with", "") or "").strip()[:200],
            points=tuple(chosen + extra),
        )
        repo.save_meeting(get_store(), meeting)
        st.session_state["q_meet_extra"] = ""
        st.session_state["q_meet_with"] = ""
        st.session_state["q_meet_points"] = []

    _run(action, notice)


def on_save_agreed(meeting: Meeting, notice: str) -> None:
    def action() -> None:
        agreed = st.session_state.get(f"q_meet_agreed_{meeting.id}", "") or ""
        if len(agreed) > MAX_FIELD_CHARS:
            raise InvalidInput("questions.error.too_long", maximum=MAX_FIELD_CHARS)
        repo.save_meeting(get_store(), meeting.model_copy(update={"agreed": agreed}))

    _run(action, notice)


def on_delete_meeting(meeting_id: str) -> None:
    _run(lambda: repo.delete_meeting(get_store(), meeting_id))
