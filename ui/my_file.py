"""The sections of /my-file: check my file, my proposals (A1); my view, the expert-opinion pack and the
whole file live in ``ui/my_file_view.py`` (A2).

``pages/my-file.py`` shows the section chosen in :func:`section` (a keyed control whose value is the
section id, so the place survives saves, messages and language switches). Callbacks run before the page
script; their message is kept with :func:`ui.frame.flash` and shown once under the page title. Every
widget's value is an id, a date or the person's own text, drawn through :func:`ui.frame.id_choice` or
:func:`ui.frame.kept_field`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.my_file.checks import (
    ANSWER_VALUES,
    BLOCKS,
    DATED_FACTS,
    EARLIEST_FACT_DATE,
    FACT_SOURCES,
    FACTS,
    CheckAnswer,
    CheckItem,
    FileCheckResult,
    FileFacts,
    check_specs,
    fact_answer,
    portal_value,
    prefilled,
    run_checks,
)
from spoor2.my_file.proposals import (
    ANSWERS,
    KINDS,
    MAX_ANSWER_TEXT_CHARS,
    MAX_WHAT_CHARS,
    REASONS,
    SOURCES,
    TO_WHOM,
    YES_NO,
    Proposal,
    is_unanswered_too_long,
    refused_without_reasons,
)
from spoor2.questions.bank import document_ids, document_texts, question_texts
from spoor2.store import Store
from spoor2.store import my_file as repo
from spoor2.store import tracker as tracker_repo
from ui.frame import (
    chosen,
    entered,
    fdate,
    flash,
    flash_error,
    forget_choice,
    id_choice,
    kept_expander,
    kept_field,
    lang,
    page_script,
    small,
    sources_markdown,
    tr,
    user_text,
)

SECTIONS: tuple[str, ...] = ("check", "proposals", "view", "expert", "whole")
_EARLIEST_PROPOSAL = date(2015, 1, 1)


def _run(action, notice: str | None = None) -> bool:  # type: ignore[no-untyped-def]
    try:
        action()
    except Spoor2Error as error:
        flash_error(error)
        return False
    if notice:
        flash("success", notice)
    return True


def intro() -> None:
    st.write(tr("my_file.intro"))


def section() -> str:
    """The part of the page the person is in (keyed: a message or a rerun never moves them)."""
    labels = {name: tr(f"my_file.tabs.{name}") for name in SECTIONS}
    value = id_choice(
        st.segmented_control,
        tr("my_file.section_label"),
        SECTIONS,
        key="mf_tab",
        format_func=labels.__getitem__,
        default=SECTIONS[0],
        required=True,
        label_visibility="collapsed",
    )
    return value if value in SECTIONS else SECTIONS[0]


# --- check my file: callbacks ---------------------------------------------------------------------


def _check_value(spec_id: str, value: str, facts: FileFacts) -> CheckAnswer | None:
    """None when the answer is what the data already says (the check keeps following the data)."""
    derived = prefilled(spec_id, facts)
    if (derived is not None and derived[0] == value) or (derived is None and value == "unknown"):
        return None
    return CheckAnswer(answer=value)  # type: ignore[arg-type]


def _fact_value(key: str, value: str, since: date | None, facts: FileFacts) -> CheckAnswer | None:
    since = since if key in DATED_FACTS and value == "yes" else None
    derived = fact_answer(facts.model_copy(update={"answers": {}}), key)
    if derived.answer == value and derived.since == since:
        return None
    return CheckAnswer(answer=value, since=since)  # type: ignore[arg-type]


def on_save_check(store: Store, today: date) -> None:
    """Save every answer of the check at once (all validated before any is written)."""

    def action() -> None:
        facts = repo.file_facts(store, today)
        # a check of a block that was never opened keeps the answer it shows when it is opened (the saved or
        # prefilled one), never "I don't know"
        shown = {item.id: item.answer for item in run_checks(facts, today).items if item.kind == "check"}
        answers: dict[str, CheckAnswer | None] = {}
        for spec in check_specs():
            value = chosen(f"mf_chk_{spec.id}", shown.get(spec.id, "unknown"), ANSWER_VALUES)
            answers[spec.id] = _check_value(spec.id, value, facts)
        for key in FACTS:
            value = chosen(f"mf_fact_{key}", "unknown", ANSWER_VALUES)
            answers[key] = _fact_value(key, value, entered(f"mf_fact_since_{key}"), facts)
        repo.set_check_answers(store, answers, today)

    _run(action, tr("my_file.check_saved"))


# --- check my file: the section -------------------------------------------------------------------


def _item_label(item: CheckItem) -> str:
    """A check's label; a flag's warning when it is raised, else its neutral name."""
    if item.kind == "check":
        return tr(f"my_file.check.{item.id}.label")
    if item.status != "gap":
        return tr(f"my_file.flag.{item.id}.name")
    params = {k: (fdate(date.fromisoformat(v)) if k == "date" else v) for k, v in item.params.items()}
    return tr(f"my_file.flag.{item.id}.label", **params)


def _item_todo(item: CheckItem) -> str:
    params = dict(item.params)
    params.pop("date", None)
    return tr(f"my_file.{item.kind}.{item.id}.todo", **params, date="")


def _question_line(item: CheckItem) -> None:
    if item.question_id is None:
        return
    texts = question_texts(lang())
    if item.question_id in texts:
        st.markdown(f"*{tr('my_file.ask')}:* {texts[item.question_id].text}")
    st.page_link(page_script("questions"), label=tr("my_file.go_questions"), icon=":material/help:")


def _gap_card(item: CheckItem) -> None:
    with st.container(border=True):
        icon = tr(f"my_file.status_icon.{item.status}")
        st.markdown(f"{icon} **{_item_label(item)}**")
        st.markdown(f"*{tr('my_file.what_to_do')}:* {_item_todo(item)}")
        if item.due is not None:
            st.caption(tr("my_file.due", date=fdate(item.due)))
        small(f"{tr('my_file.sources')}: {sources_markdown(item.sources)}")
        _question_line(item)


def summary(result: FileCheckResult) -> None:
    """'3 gaps, 2 unknown', then every gap with what to do, by when, the source and the question."""
    gaps = tr("my_file.summary_gaps", count=len(result.gaps))
    unknown = tr("my_file.summary_unknown", count=len(result.unknown))
    st.header(f"{gaps}, {unknown}", anchor=False)
    st.subheader(tr("my_file.gaps_title"), anchor=False)
    if not result.gaps:
        st.caption(tr("my_file.gaps_empty"))
    for item in result.gaps:
        _gap_card(item)


def flag_overview(result: FileCheckResult) -> None:
    """Every red flag with its status and its sources (the raised ones are above, with what to do)."""
    st.subheader(tr("my_file.flags_title"), anchor=False)
    for item in result.items:
        if item.kind != "flag":
            continue
        icon = tr(f"my_file.status_icon.{item.status}")
        note = tr("my_file.flag_ok") if item.status == "ok" else tr(f"my_file.status.{item.status}")
        st.markdown(f"{icon} {_item_label(item)} — {note}")
        small(f"{tr('my_file.sources')}: {sources_markdown(item.sources)}")


def _fact_widgets(key: str, facts: FileFacts, today: date) -> None:
    labels = {v: tr(f"my_file.fact_answer.{v}") for v in ANSWER_VALUES}
    current = fact_answer(facts, key)
    value = id_choice(
        st.radio,
        tr(f"my_file.fact.{key}.label").replace("*", ""),
        ANSWER_VALUES,
        key=f"mf_fact_{key}",
        format_func=labels.__getitem__,
        saved=current.answer,
        horizontal=True,
    )
    if key in DATED_FACTS:
        label_key = f"my_file.fact.{key}.since"
        kept_field(
            st.date_input,
            tr(label_key) if tr(label_key) != label_key else tr("my_file.since"),
            key=f"mf_fact_since_{key}",
            saved=current.since,
            min_value=EARLIEST_FACT_DATE,
            max_value=today,
            format="DD-MM-YYYY",
            disabled=value != "yes",
        )
    small(f"{tr('my_file.sources')}: {sources_markdown(FACT_SOURCES[key])}")


def situation(facts: FileFacts, today: date) -> None:
    st.header(tr("my_file.situation_title"), anchor=False)
    st.caption(tr("my_file.situation_intro"))
    for key in FACTS:
        _fact_widgets(key, facts, today)


def _check_widget(item: CheckItem) -> None:
    labels = {v: tr(f"my_file.answer.{v}") for v in ANSWER_VALUES}
    with st.container(border=True):
        id_choice(
            st.radio,
            _item_label(item).replace("*", ""),
            ANSWER_VALUES,
            key=f"mf_chk_{item.id}",
            format_func=labels.__getitem__,
            saved=item.answer,
            horizontal=True,
        )
        notes = []
        if item.prefilled_from is not None:
            kind = item.prefilled_from.split(":", 1)[0]
            notes.append(tr("my_file.prefilled_from", where=tr(f"my_file.prefill_kind.{kind}")))
        if item.due is not None:
            notes.append(tr("my_file.due", date=fdate(item.due)))
        notes.append(f"{tr('my_file.sources')}: {sources_markdown(item.sources)}")
        small(" · ".join(notes))  # it holds the source links: full contrast


def blocks(result: FileCheckResult) -> None:
    """The checks block by block, each answered 'in my file: yes / no / I don't know'; a block's checks are drawn
    while its box is open (twenty radios in cards were most of what a browser drew on this page)."""
    st.header(tr("my_file.blocks_title"), anchor=False)
    for block in BLOCKS:
        items = [item for item in result.items if item.block == block and item.kind == "check"]
        if items:
            box = kept_expander(tr(f"my_file.block.{block}"), key=f"mf_block_{block}")
            with box:
                if box.open:
                    for item in items:
                        _check_widget(item)


def check_section(store: Store, today: date) -> None:
    """The self-check: summary and gaps first, then my situation and the checks, saved together."""
    st.markdown(tr("my_file.check_intro"))
    st.caption(tr("my_file.check_calm"))
    facts = repo.file_facts(store, today)
    if facts.timeline is None:
        st.info(tr("my_file.no_timeline"), icon=":material/info:")
        st.page_link(page_script("timeline"), label=tr("my_file.go_timeline"), icon=":material/event:")
    result = run_checks(facts, today)
    summary(result)
    flag_overview(result)
    situation(facts, today)
    blocks(result)
    st.button(
        tr("my_file.save_check"), key="mf_save_check", type="primary", on_click=on_save_check, args=(store, today)
    )


# --- my proposals ---------------------------------------------------------------------------------

_NEW = "mf_p_"
_LAST_PROPOSAL_KEY = "mf_p_last_submission"
_FIELDS = ("made_on", "to_whom", "kind", "what", "in_writing", "answer", "answered_on", "answer_text", "reasons")
_FIELDS += ("activities", "documents")


def _start(prefix: str, value: Any) -> dict[str, Any]:
    """A new proposal's field starts from a default; an edited one from its saved value."""
    return {"default": value} if prefix == _NEW else {"saved": value}


def _choice(prefix: str, name: str, options: tuple[str, ...], value: Any, widget: Any = st.selectbox) -> None:
    labels_of = {"to_whom": "to_whom", "kind": "kind", "in_writing": "in_writing", "answer": "reply"}
    labels = {o: tr(f"my_file.{labels_of.get(name, name)}.{o}") for o in options}
    label_key = "proposal_reasons" if name == "reasons" else f"proposal_{name}"
    extra = {"horizontal": True} if widget is st.radio else {}
    id_choice(
        widget,
        tr(f"my_file.{label_key}"),
        options,
        key=f"{prefix}{name}",
        format_func=labels.__getitem__,
        **_start(prefix, value),
        **extra,
    )


def _links(prefix: str, value: Proposal | None, activities: dict[str, str]) -> None:
    docs = document_texts(lang())
    doc_labels = {d: docs[d].name.replace("*", "") for d in document_ids()}
    for name, options, saved in (
        ("activities", activities, list(value.activity_ids) if value else []),
        ("documents", doc_labels, list(value.document_ids) if value else []),
    ):
        id_choice(
            st.multiselect,
            tr(f"my_file.proposal_{name}"),
            list(options),
            key=f"{prefix}{name}",
            format_func=lambda i, o=options: o.get(i, i),
            **_start(prefix, saved),
        )


def proposal_fields(prefix: str, value: Proposal | None, today: date, activities: dict[str, str]) -> None:
    """Every field of a proposal: a new one (``prefix`` ``mf_p_``) or a saved one (its id in the prefix)."""
    dates = {"min_value": _EARLIEST_PROPOSAL, "max_value": today, "format": "DD-MM-YYYY"}
    cols = st.columns(3)
    kept_field(
        cols[0].date_input,
        tr("my_file.proposal_made_on"),
        key=f"{prefix}made_on",
        **_start(prefix, value.made_on if value else today),
        **dates,
    )
    with cols[1]:
        _choice(prefix, "to_whom", TO_WHOM, value.to_whom if value else "employer")
    with cols[2]:
        _choice(prefix, "kind", KINDS, value.kind if value else "task_or_job")
    kept_field(
        st.text_area,
        tr("my_file.proposal_what"),
        key=f"{prefix}what",
        max_chars=MAX_WHAT_CHARS,
        **_start(prefix, value.what if value else ""),
    )
    _choice(prefix, "in_writing", YES_NO, value.in_writing if value else "yes", st.radio)
    cols = st.columns(2)
    with cols[0]:
        _choice(prefix, "answer", ANSWERS, value.answer if value else "none")
    kept_field(
        cols[1].date_input,
        tr("my_file.proposal_answered_on"),
        key=f"{prefix}answered_on",
        **_start(prefix, value.answered_on if value else None),
        **dates,
    )
    kept_field(
        st.text_area,
        tr("my_file.proposal_answer_text"),
        key=f"{prefix}answer_text",
        max_chars=MAX_ANSWER_TEXT_CHARS,
        **_start(prefix, value.answer_text if value else ""),
    )
    _choice(prefix, "reasons", REASONS, value.reasons_given if value else "unknown", st.radio)
    _links(prefix, value, activities)


def _from_fields(prefix: str, proposal_id: str, today: date) -> Proposal:
    """The proposal the fields hold, in a callback (ids and dates, never labels)."""
    return Proposal(
        id=proposal_id,
        made_on=entered(f"{prefix}made_on") or today,
        to_whom=chosen(f"{prefix}to_whom", "employer", TO_WHOM),
        kind=chosen(f"{prefix}kind", "task_or_job", KINDS),
        what=entered(f"{prefix}what", "") or "",
        in_writing=chosen(f"{prefix}in_writing", "yes", YES_NO),
        answer=chosen(f"{prefix}answer", "none", ANSWERS),
        answered_on=entered(f"{prefix}answered_on"),
        answer_text=entered(f"{prefix}answer_text", "") or "",
        reasons_given=chosen(f"{prefix}reasons", "unknown", REASONS),
        activity_ids=tuple(chosen(f"{prefix}activities", []) or []),
        document_ids=tuple(chosen(f"{prefix}documents", []) or []),
    )


def on_add_proposal(store: Store, today: date) -> None:
    """Add once: the same submission again (a double click) adds no second proposal; the form then empties."""
    proposal = _from_fields(_NEW, "new", today)
    submission = proposal.model_dump_json(exclude={"id"})

    def clear_form() -> None:
        for name in _FIELDS:
            forget_choice(f"{_NEW}{name}")

    if st.session_state.get(_LAST_PROPOSAL_KEY) == submission:
        clear_form()
        flash("info", tr("my_file.proposal_already_added"))
        return

    def action() -> None:
        repo.add_proposal(store, proposal.model_copy(update={"id": repo.new_id()}), today)
        st.session_state[_LAST_PROPOSAL_KEY] = submission
        clear_form()

    _run(action, tr("my_file.proposal_added"))


def on_update_proposal(store: Store, proposal_id: str, today: date) -> None:
    _run(
        lambda: repo.update_proposal(store, _from_fields(f"mf_pe_{proposal_id}_", proposal_id, today), today),
        tr("my_file.proposal_saved"),
    )


def on_delete_proposal(store: Store, proposal_id: str) -> None:
    """Delete after the tick; the tick is used up (the next delete asks again)."""
    confirm_key = f"mf_pd_confirm_{proposal_id}"
    if not st.session_state.get(confirm_key):
        flash("warning", tr("my_file.proposal_delete_ask"))
        return
    st.session_state[confirm_key] = False
    _run(lambda: repo.delete_proposal(store, proposal_id), tr("my_file.proposal_deleted"))


def _activity_labels(store: Store) -> dict[str, str]:
    return {
        a.id: f"{fdate(a.activity_date, 'medium')} · {a.organisation} · {tr(f'tracker.type.{a.type}')}"
        for a in tracker_repo.list_activities(store, limit=500)
    }


def _saved_proposal(store: Store, p: Proposal, today: date, days: int, activities: dict[str, str]) -> None:
    label = tr(
        "my_file.proposal_label",
        date=fdate(p.made_on, "medium"),
        to_whom=tr(f"my_file.to_whom.{p.to_whom}"),
        kind=tr(f"my_file.kind.{p.kind}"),
    )
    late = is_unanswered_too_long(p, today, days)
    icon = ":material/warning:" if late or refused_without_reasons(p) else None
    with st.expander(f"{label} · {tr(f'my_file.reply.{p.answer}')}", icon=icon, key=f"mf_pe_exp_{p.id}"):
        user_text(p.what)
        if late:
            st.warning(tr("my_file.proposal_unanswered", days=days), icon=":material/schedule:")
        if refused_without_reasons(p):
            st.warning(tr("my_file.proposal_refused_no_reasons"), icon=":material/help:")
        if p.in_writing == "no":
            st.caption(tr("my_file.proposal_not_in_writing"))
        proposal_fields(f"mf_pe_{p.id}_", p, today, activities)
        cols = st.columns([2, 2, 1])
        cols[0].button(
            tr("my_file.proposal_save"),
            key=f"mf_pe_save_{p.id}",
            on_click=on_update_proposal,
            args=(store, p.id, today),
        )
        cols[1].checkbox(tr("my_file.proposal_delete_confirm"), key=f"mf_pd_confirm_{p.id}")
        cols[2].button(
            tr("my_file.proposal_delete"),
            key=f"mf_pd_{p.id}",
            on_click=on_delete_proposal,
            args=(store, p.id),
            type="tertiary",
        )


def proposals_section(store: Store, today: date) -> None:
    """A new proposal, then the saved ones (newest first) with their answers, warnings, edit and delete."""
    days = portal_value("proposal_answer_days")
    st.markdown(tr("my_file.proposals_intro"))
    small(f"{tr('my_file.proposals_period', days=days)} {tr('my_file.sources')}: {sources_markdown(SOURCES)}")
    activities = _activity_labels(store)
    st.header(tr("my_file.proposal_new"), anchor=False)
    proposal_fields(_NEW, None, today, activities)
    st.button(
        tr("my_file.proposal_add"),
        key="mf_p_add",
        type="primary",
        on_click=on_add_proposal,
        args=(store, today),
        icon=":material/add:",
    )
    st.header(tr("my_file.proposals_title"), anchor=False)
    saved = repo.list_proposals(store)
    if not saved:
        st.caption(tr("my_file.proposals_empty"))
    for proposal in saved:
        _saved_proposal(store, proposal, today, days, activities)
