"""The sections of /my-file about documents: my view (*oordeel werknemer*), the expert-opinion pack, the
whole file in one download.

``ui/my_file.py`` draws them with :func:`view_section`, :func:`expert_section` and :func:`whole_section`.
Save as you go: every field is kept by the frame (:func:`ui.frame.kept_field`, :func:`ui.frame.id_choice`)
and saved by its callback, so a rerun, a message or a language switch never loses a draft. A choice's value
is an id (a stance, a question, a language, an evidence file), never a label.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.i18n import LANG_NAMES, LANGS
from spoor2.legal.params import legal_value
from spoor2.my_file import expert as expert_rules
from spoor2.my_file import view as view_rules
from spoor2.my_file.whole import whole_pdf
from spoor2.render.document import Document
from spoor2.store import Store
from spoor2.store import my_file_view as repo
from ui.frame import (
    chosen,
    entered,
    fdate,
    flash_error,
    id_choice,
    kept_field,
    lang,
    page_script,
    small,
    sources_markdown,
    tr,
)

_EARLIEST = view_rules.EARLIEST


def _run(action) -> None:  # type: ignore[no-untyped-def]
    try:
        action()
    except Spoor2Error as error:
        flash_error(error)


# --- my view ------------------------------------------------------------------------------------------


def on_signature(store: Store, today: date) -> None:
    def action() -> None:
        signature = view_rules.clean_signature(
            entered("mfv_name", "") or "", entered("mfv_job", "") or "", entered("mfv_signed_on"), today
        )
        repo.save_signature(store, signature)

    _run(action)


def on_element(store: Store, element_id: str, today: date) -> None:
    def action() -> None:
        section = view_rules.clean_section(
            element_id,
            chosen(f"mfv_stance_{element_id}", "not_yet", view_rules.STANCES),
            entered(f"mfv_body_{element_id}", "") or "",
            entered(f"mfv_on_{element_id}"),
            today,
        )
        repo.save_section(store, section)

    _run(action)


def _signature(store: Store, today: date) -> None:
    saved = repo.view_signature(store) or view_rules.ViewSignature()
    st.subheader(tr("my_file_view.signature_title"), anchor=False)
    st.caption(tr("my_file_view.signature_hint"))
    cols = st.columns(3)
    args = (store, today)
    limit = view_rules.MAX_NAME_CHARS
    kept_field(
        cols[0].text_input,
        tr("my_file_view.name"),
        key="mfv_name",
        saved=saved.name,
        max_chars=limit,
        on_change=on_signature,
        args=args,
    )
    kept_field(
        cols[1].text_input,
        tr("my_file_view.job_title"),
        key="mfv_job",
        saved=saved.job_title,
        max_chars=limit,
        on_change=on_signature,
        args=args,
    )
    kept_field(
        cols[2].date_input,
        tr("my_file_view.signed_on"),
        key="mfv_signed_on",
        saved=saved.signed_on,
        min_value=_EARLIEST,
        max_value=today,
        format="DD-MM-YYYY",
        on_change=on_signature,
        args=args,
    )


def _element(store: Store, item: view_rules.Element, section: view_rules.ViewSection | None, ev, today: date) -> None:  # type: ignore[no-untyped-def]
    section = section or view_rules.ViewSection(element_id=item.id)
    stance_labels = {s: tr(f"my_file_view.stance.{s}") for s in view_rules.STANCES}
    done = section.stance != "not_yet" or bool(section.body.strip())
    title = view_rules.element_title(item, lang()).replace("*", "")
    with st.expander(("✓ " if done else "") + title, key=f"mfv_exp_{item.id}"):
        st.caption(tr(f"my_file_view.element.{item.id}.about"))
        args = (store, item.id, today)
        id_choice(
            st.radio,
            tr("my_file_view.stance_label"),
            view_rules.STANCES,
            key=f"mfv_stance_{item.id}",
            format_func=stance_labels.__getitem__,
            saved=section.stance,
            horizontal=True,
            on_change=on_element,
            args=args,
        )
        kept_field(
            st.text_area,
            tr("my_file_view.body_label"),
            key=f"mfv_body_{item.id}",
            saved=section.body,
            max_chars=view_rules.MAX_BODY_CHARS,
            on_change=on_element,
            args=args,
        )
        kept_field(
            st.date_input,
            tr("my_file_view.written_on"),
            key=f"mfv_on_{item.id}",
            saved=section.written_on,
            min_value=_EARLIEST,
            max_value=today,
            format="DD-MM-YYYY",
            on_change=on_element,
            args=args,
        )
        lines = view_rules.pointers(item, ev, lang())
        st.markdown(f"**{tr('my_file_view.evidence_title')}**")
        if lines:
            st.markdown("\n".join(f"- {line}" for line in lines))
        else:
            st.caption(tr("my_file_view.no_evidence"))
        small(f"{tr('my_file_view.view_sources')}: {sources_markdown(item.sources)}")


def _view_export(store: Store, today: date) -> None:
    st.subheader(tr("my_file_view.export_title"), anchor=False)
    doc_lang = id_choice(
        st.radio,
        tr("my_file_view.export_lang"),
        LANGS,
        key="mfv_export_lang",
        format_func=LANG_NAMES.__getitem__,
        default="nl",
        horizontal=True,
        help=tr("my_file_view.export_lang_hint"),
    )
    doc_lang = doc_lang if doc_lang in LANGS else "nl"

    def document() -> Document:  # built when a button is pressed, from what is saved then, in the language chosen
        return view_rules.view_document(
            repo.view_sections(store), repo.view_signature(store), repo.evidence(store), doc_lang, today
        )

    name = f"{tr('my_file_view.export_file')}-{doc_lang}"
    cols = st.columns(2)
    cols[0].download_button(
        tr("my_file_view.export_docx"),
        data=lambda: view_rules.for_word(document()).to_docx(doc_lang),
        file_name=f"{name}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        key="mfv_dl_docx",
        on_click="ignore",
        icon=":material/description:",
        type="primary",
    )
    cols[1].download_button(
        tr("my_file_view.export_pdf"),
        data=lambda: document().to_pdf(),
        file_name=f"{name}.pdf",
        mime="application/pdf",
        key="mfv_dl_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
    st.caption(tr("my_file_view.nothing_sent"))


def view_section(store: Store, today: date) -> None:
    """My view for the reintegration report: name and date, one part per element, the download."""
    st.header(tr("my_file_view.view_title"), anchor=False)
    st.markdown(tr("my_file_view.view_intro"))
    st.info(tr("my_file_view.view_why"), icon=":material/info:")
    small(f"{tr('my_file_view.view_sources')}: {sources_markdown(view_rules.VIEW_SOURCES)}")
    _signature(store, today)
    sections = repo.view_sections(store)
    ev = repo.evidence(store)
    written = sum(1 for s in sections.values() if s.stance != "not_yet" or s.body.strip())
    st.caption(tr("my_file_view.element_count", written=written, total=len(view_rules.ELEMENTS)))
    for item in view_rules.ELEMENTS:
        _element(store, item, sections.get(item.id), ev, today)
    _view_export(store, today)


# --- the expert-opinion pack --------------------------------------------------------------------------


def on_request(store: Store, question_id: str) -> None:
    def action() -> None:
        needed = expert_rules.needed_documents(question_id)
        have = [d.id for d in needed if entered(f"mfv_have_{question_id}_{d.id}", False)]
        options = tuple(repo.evidence_choices(store, lang()))
        files = chosen(f"mfv_files_{question_id}", [], options) or []
        request = expert_rules.clean_request(question_id, entered(f"mfv_words_{question_id}", "") or "", have, files)
        repo.save_request(store, request)

    _run(action)


def _needed(store: Store, request: expert_rules.ExpertRequest) -> None:
    q = request.question_id
    received = repo.received_documents(store)
    st.markdown(f"**{tr('my_file_view.expert_needed_title')}**")
    for doc in expert_rules.needed_documents(q):
        name = tr(f"my_file_view.expert_doc.{doc.id}").replace("*", "")
        if doc.optional:
            name = f"{name} {tr('my_file_view.expert_optional')}"
        if doc.checklist is not None and doc.checklist in received:
            on = received[doc.checklist]
            note = (
                tr("my_file_view.expert_from_checklist", date=fdate(on))
                if on
                else tr("my_file_view.expert_from_checklist_no_date")
            )
            st.markdown(f"- ✓ {name} — {note}")
            continue
        kept_field(
            st.checkbox,
            name,
            key=f"mfv_have_{q}_{doc.id}",
            saved=doc.id in request.have,
            on_change=on_request,
            args=(store, q),
        )
    st.page_link(page_script("questions"), label=tr("my_file_view.expert_checklist_link"), icon=":material/checklist:")
    small(f"{tr('my_file_view.view_sources')}: {sources_markdown(expert_rules.DOCUMENT_SOURCES)}")


def _files(store: Store, request: expert_rules.ExpertRequest) -> dict[str, str]:
    q = request.question_id
    choices = repo.evidence_choices(store, lang())
    if not choices:
        st.caption(tr("my_file_view.expert_files_none"))
        return choices
    id_choice(
        st.multiselect,
        tr("my_file_view.expert_files"),
        list(choices),
        key=f"mfv_files_{q}",
        format_func=choices.__getitem__,
        saved=[f for f in request.files if f in choices],
        placeholder=tr("my_file_view.expert_files_placeholder"),
        on_change=on_request,
        args=(store, q),
    )
    return choices


def expert_section(store: Store, today: date) -> None:
    """Ask UWV for an expert opinion: the question, the documents, my words, one zip."""
    st.header(tr("my_file_view.expert_title"), anchor=False)
    st.markdown(tr("my_file_view.expert_intro"))
    st.info(tr("my_file_view.expert_about", fee=legal_value(expert_rules.FEE_PARAMETER, today)), icon=":material/info:")
    small(f"{tr('my_file_view.view_sources')}: {sources_markdown(expert_rules.ABOUT_SOURCES)}")
    labels = {q: tr(f"my_file_view.question.{q}").replace("*", "") for q in expert_rules.QUESTIONS}
    question = id_choice(
        st.radio,
        tr("my_file_view.question_label"),
        expert_rules.QUESTIONS,
        key="mfv_question",
        format_func=labels.__getitem__,
        default=expert_rules.QUESTIONS[0],
    )
    question = question if question in expert_rules.QUESTIONS else expert_rules.QUESTIONS[0]
    request = repo.expert_request(store, question)
    _needed(store, request)
    kept_field(
        st.text_area,
        tr("my_file_view.expert_words"),
        key=f"mfv_words_{question}",
        saved=request.body,
        max_chars=expert_rules.MAX_BODY_CHARS,
        on_change=on_request,
        args=(store, question),
    )
    _files(store, request)
    request = repo.expert_request(store, question)
    statuses = expert_rules.document_statuses(request, repo.received_documents(store))
    have = sum(1 for s in statuses if s.state == "have")
    st.caption(tr("my_file_view.expert_summary", have=have, total=len(statuses), files=len(request.files)))
    page_lang = lang()

    def pack() -> bytes:
        files = repo.pack_files(store, request.files, page_lang)
        return expert_rules.build_pack(request, repo.received_documents(store), files, page_lang, today)

    st.download_button(
        tr("my_file_view.expert_download"),
        data=pack,
        file_name=f"{tr('my_file_view.expert_file')}-{question}.zip",
        mime="application/zip",
        key=f"mfv_dl_pack_{question}",
        on_click="ignore",
        icon=":material/folder_zip:",
        type="primary",
    )
    st.caption(tr("my_file_view.nothing_sent"))


# --- the whole file -----------------------------------------------------------------------------------


def whole_section(store: Store, today: date) -> None:
    """The whole file as one PDF with a table of contents (built when the button is pressed)."""
    st.header(tr("my_file_view.whole_title"), anchor=False)
    st.markdown(tr("my_file_view.whole_intro"))
    page_lang = lang()
    st.download_button(
        tr("my_file_view.whole_download"),
        data=lambda: whole_pdf(repo.whole_file(store, today), page_lang, today),
        file_name=f"{tr('my_file_view.whole_file')}.pdf",
        mime="application/pdf",
        key="mfv_dl_whole",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        type="primary",
    )
    st.caption(tr("my_file_view.nothing_sent"))
