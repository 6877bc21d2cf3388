"""The sections of /applying: my CV (versions in English and Dutch, a live preview, PDF and Word), a letter
for each application (a tracker activity), and interview preparation (stories, questions, notes).

Every field is a :func:`ui.frame.kept_field` and every choice an :func:`ui.frame.id_choice`: what is typed
survives a section switch, a message and a language switch. The fields of a CV version are keyed by the
version and the moment it was saved, so they start again from what is stored after every save. Saving runs
in a button callback: every rule first, then one write; a broken rule is a message and nothing is saved.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from spoor2.applying import export
from spoor2.applying.cv import (
    CV_LANGS,
    LEVELS,
    MAX_LONG_CHARS,
    MAX_NAME_CHARS,
    MAX_SHORT_CHARS,
    CvVersion,
    add_strengths,
    check_cv,
    strengths_from,
)
from spoor2.applying.interviews import (
    ABSENCE_QUESTIONS,
    MAX_NOTES_CHARS,
    MAX_PART_CHARS,
    QUESTION_IDS,
    STAR_PARTS,
    check_notes,
    check_story,
    story_prompts,
)
from spoor2.applying.letters import MAX_LETTER_CHARS, check_letter, suggest_letter
from spoor2.errors import Spoor2Error
from spoor2.i18n import LANG_NAMES
from spoor2.store import Store
from spoor2.store import applying as repo
from spoor2.store import orientation as orientation_repo
from spoor2.store import tracker as tracker_repo
from spoor2.tracker.activities import Activity
from ui.frame import (
    chosen,
    entered,
    fdate,
    flash,
    flash_error,
    forget_choice,
    id_choice,
    kept_field,
    lang,
    md_escape,
    page_script,
    set_choice,
    show_error,
    small,
    sources_markdown,
    tr,
    user_text,
)

SECTIONS: tuple[str, ...] = ("cv", "letters", "interviews")
#: How many tracker activities the choice offers (the most recent first).
ACTIVITY_LIMIT = 200
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: The rows of a CV: per kind, its fields (a text field, or ``level`` for the language level choice).
ROW_FIELDS: dict[str, tuple[str, ...]] = {
    "jobs": ("role", "employer", "start", "end", "description"),
    "education": ("course", "school", "start", "end", "description"),
    "languages": ("language", "level"),
}
LONG_FIELDS = frozenset({"description"})


def _run(action: Callable[[], Any], notice: str | None = None) -> bool:
    """Run a store action in a callback: its message (done, or the error) is shown after the rerun."""
    try:
        action()
    except Spoor2Error as error:
        flash_error(error)
        return False
    if notice:
        flash("success", notice)
    return True


def _file_name(name: str, suffix: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name.strip())[:60].strip("_")
    return f"{safe or 'cv'}.{suffix}"


# --- the page ------------------------------------------------------------------------------------------


#: What the privacy note rests on: no distinction when a job is filled (AWGB art. 5, WGBL art. 3).
PRIVACY_SOURCES = ("ap_cv_awgb_5", "ap_cv_wgbl_3")


def intro() -> None:
    st.write(tr("applying.intro"))
    with st.container(border=True):
        st.markdown(f":material/shield: {tr('applying.privacy')}")
        small(f"{tr('applying.sources_label')}: {sources_markdown(PRIVACY_SOURCES)}")


def section() -> str:
    """Where the person is (cv, letters, interviews): a keyed control, so a message or a rerun never moves them."""
    labels = {s: tr(f"applying.tabs.{s}") for s in SECTIONS}
    value = id_choice(
        st.segmented_control,
        tr("applying.tabs.label"),
        SECTIONS,
        key="ap_tab",
        default="cv",
        format_func=labels.__getitem__,
        required=True,
        label_visibility="collapsed",
    )
    return value if value in SECTIONS else "cv"


# --- my CV: choosing, adding, copying and deleting versions ----------------------------------------------


def _new_version_form(store: Store) -> None:
    """A named version in a language; the form's token is the new id, so a double click makes one version."""
    st.session_state.setdefault("ap_new_n", 0)
    st.session_state.setdefault("ap_new_token", uuid.uuid4().hex)
    n = st.session_state["ap_new_n"]
    with st.form(f"ap_new_form_{n}", border=True):
        st.markdown(f"**{tr('applying.cv.new.title')}**")
        cols = st.columns([3, 2])
        name = cols[0].text_input(
            tr("applying.cv.field.version_name"), key=f"ap_new_name_{n}", max_chars=MAX_NAME_CHARS
        )
        # choice: in st.form (no callback allowed there); the value is a language id either way
        cv_lang = cols[1].selectbox(
            tr("applying.cv.field.lang"),
            CV_LANGS,
            index=CV_LANGS.index(lang()),
            format_func=LANG_NAMES.__getitem__,
            key=f"ap_new_lang_{n}",
        )
        submitted = st.form_submit_button(tr("applying.cv.new.submit"), key=f"ap_new_submit_{n}", type="primary")
    if not submitted:
        return
    token = st.session_state["ap_new_token"]
    if repo.get_version(store, token) is None:
        try:
            repo.save_version(store, token, name, cv_lang, check_cv({}, date.today()))
        except Spoor2Error as error:
            show_error(error)
            return
        flash("success", tr("applying.cv.new.done"))
    st.session_state["ap_new_n"] = n + 1
    st.session_state["ap_new_token"] = uuid.uuid4().hex
    set_choice("ap_cv_version", token)
    st.rerun()


def _choose_version(versions: list[CvVersion]) -> CvVersion:
    by_id = {v.id: v for v in versions}
    label = {v.id: f"{v.name} ({LANG_NAMES[v.lang]})" for v in versions}
    picked = id_choice(
        st.selectbox,
        tr("applying.cv.field.version"),
        list(by_id),
        key="ap_cv_version",
        default=versions[0].id,
        format_func=label.__getitem__,
    )
    return by_id.get(picked, versions[0])


def _on_duplicate(store: Store, version: CvVersion) -> None:
    made = uuid.uuid4().hex
    if _run(lambda: repo.duplicate_version(store, version.id, str(entered("ap_dup_name", "")), made)):
        flash("success", tr("applying.cv.duplicate.done"))
        forget_choice("ap_dup_name")
        set_choice("ap_cv_version", made)


def _on_delete_version(store: Store, version: CvVersion) -> None:
    if not st.session_state.get("ap_del_confirm"):
        flash("warning", tr("applying.cv.delete.confirm_first"))
        return
    used = repo.delete_version(store, version.id)
    st.session_state["ap_del_confirm"] = False
    forget_choice("ap_cv_version")
    flash("success", tr("applying.cv.delete.done", count=used))


def _version_actions(store: Store, version: CvVersion) -> None:
    with st.expander(tr("applying.cv.manage")):
        cols = st.columns([3, 2])
        kept_field(
            cols[0].text_input,
            tr("applying.cv.duplicate.name"),
            key="ap_dup_name",
            default="",
            max_chars=MAX_NAME_CHARS,
        )
        cols[1].button(tr("applying.cv.duplicate.submit"), key="ap_dup", on_click=_on_duplicate, args=(store, version))
        st.divider()
        st.caption(tr("applying.cv.delete.explain"))
        # not in a column: the label holds the version's name, and a checkbox label in a column does not wrap
        # (it ran past a 320 px window: tests/cross_cutting/test_browser_zoom.py)
        st.checkbox(tr("applying.cv.delete.confirm", name=md_escape(version.name)), key="ap_del_confirm")
        st.button(tr("applying.cv.delete.submit"), key="ap_del", on_click=_on_delete_version, args=(store, version))


# --- my CV: the fields of one version ------------------------------------------------------------------


def _prefix(version: CvVersion) -> str:
    """The keys of a version's fields: they start again from the store after every save."""
    return f"ap_cv_{version.id}_{hashlib.sha256(version.updated_at.encode()).hexdigest()[:8]}"


def _saved_rows(version: CvVersion, kind: str) -> list[dict[str, Any]]:
    rows = [item.model_dump() for item in getattr(version.cv, kind)]
    for row in rows:
        for field in ("start", "end"):
            if row.get(field):
                year, month = row[field].split("-")
                row[field] = f"{month}-{year}"
    return rows


def _row_ids(p: str, kind: str, saved: list[dict[str, Any]]) -> list[str]:
    key = f"{p}_{kind}_rows"
    return list(chosen(key, [f"s{i}" for i in range(len(saved))]))


def _on_add_row(p: str, kind: str, saved: list[dict[str, Any]]) -> None:
    set_choice(f"{p}_{kind}_rows", [*_row_ids(p, kind, saved), uuid.uuid4().hex[:8]])


def _on_remove_row(p: str, kind: str, saved: list[dict[str, Any]], row_id: str) -> None:
    set_choice(f"{p}_{kind}_rows", [r for r in _row_ids(p, kind, saved) if r != row_id])


def _saved_value(saved: list[dict[str, Any]], row_id: str, field: str) -> Any:
    if row_id.startswith("s") and row_id[1:].isdigit() and int(row_id[1:]) < len(saved):
        value = saved[int(row_id[1:])].get(field)
        return value if value is not None else ""
    return "native" if field == "level" else ""


def _row_field(p: str, kind: str, row_id: str, field: str, *, saved: list[dict[str, Any]], where: Any) -> None:
    key, default = f"{p}_{kind}_{row_id}_{field}", _saved_value(saved, row_id, field)
    label = tr(f"applying.cv.field.{field}")
    if field == "level":
        levels = {lv: tr(f"applying.level.{lv}") for lv in LEVELS}
        id_choice(where.selectbox, label, LEVELS, key=key, default=default, format_func=levels.__getitem__)
    elif field in LONG_FIELDS:
        kept_field(where.text_area, label, key=key, default=default, max_chars=MAX_LONG_CHARS, height=90)
    else:
        help_ = tr("applying.cv.field.month_help") if field in ("start", "end") else None
        kept_field(where.text_input, label, key=key, default=default, max_chars=MAX_SHORT_CHARS, help=help_)


def _rows_editor(p: str, version: CvVersion, kind: str) -> None:
    saved = _saved_rows(version, kind)
    st.markdown(f"**{tr(f'applying.cv.{kind}.title')}**")
    fields = ROW_FIELDS[kind]
    short = [f for f in fields if f not in LONG_FIELDS]
    for row_id in _row_ids(p, kind, saved):
        with st.container(border=True):
            cols = st.columns([*([3] * len(short)), 1])
            for field, col in zip(short, cols, strict=False):
                _row_field(p, kind, row_id, field, saved=saved, where=col)
            for field in (f for f in fields if f in LONG_FIELDS):
                _row_field(p, kind, row_id, field, saved=saved, where=st)
            cols[-1].button(
                tr("applying.cv.remove_row"),
                key=f"{p}_{kind}_{row_id}_remove",
                on_click=_on_remove_row,
                args=(p, kind, saved, row_id),
            )
    st.button(tr(f"applying.cv.{kind}.add"), key=f"{p}_{kind}_add", on_click=_on_add_row, args=(p, kind, saved))


def _typed(p: str, version: CvVersion) -> dict[str, Any]:
    """What the fields of this version hold now, as the raw CV :func:`check_cv` takes."""
    raw: dict[str, Any] = {
        "personal": {f: entered(f"{p}_{f}", "") for f in ("name", "place", "email", "phone")},
        "profile": entered(f"{p}_profile", ""),
        "skills": entered(f"{p}_skills", ""),
        "strengths": entered(f"{p}_strengths", ""),
    }
    for kind, fields in ROW_FIELDS.items():
        saved = _saved_rows(version, kind)
        raw[kind] = [
            {f: entered(f"{p}_{kind}_{r}_{f}", _saved_value(saved, r, f)) for f in fields}
            for r in _row_ids(p, kind, saved)
        ]
    return raw


def _on_save_cv(store: Store, version: CvVersion, p: str) -> None:
    def save() -> None:
        cv = check_cv(_typed(p, version), date.today())
        repo.save_version(store, version.id, str(entered(f"{p}_vname", "")), str(entered(f"{p}_lang", "")), cv)

    _run(save, tr("applying.cv.saved"))


def _on_add_strengths(store: Store, p: str, cv_lang: str) -> None:
    results = [orientation_repo.latest_result(store, q) for q in ("interests", "values")]
    found = strengths_from([r for r in results if r is not None], cv_lang)
    if not found:
        flash("info", tr("applying.cv.strengths.none"))
        return
    current = [line.strip() for line in str(entered(f"{p}_strengths", "")).split("\n") if line.strip()]
    set_choice(f"{p}_strengths", "\n".join(add_strengths(current, found)))
    st.session_state.pop(f"{p}_strengths", None)
    flash("success", tr("applying.cv.strengths.added"))


def _text_fields(p: str, version: CvVersion) -> None:
    cv = version.cv
    cols = st.columns([3, 2])
    kept_field(
        cols[0].text_input,
        tr("applying.cv.field.version_name"),
        key=f"{p}_vname",
        default=version.name,
        max_chars=MAX_NAME_CHARS,
    )
    id_choice(
        cols[1].radio,
        tr("applying.cv.field.lang"),
        CV_LANGS,
        key=f"{p}_lang",
        default=version.lang,
        format_func=LANG_NAMES.__getitem__,
        horizontal=True,
        help=tr("applying.cv.field.lang_help"),
    )
    st.markdown(f"**{tr('applying.cv.personal.title')}**")
    st.caption(tr("applying.cv.personal.explain"))
    cols = st.columns(4)
    for col, field in zip(cols, ("name", "place", "email", "phone"), strict=True):
        kept_field(
            col.text_input,
            tr(f"applying.cv.field.{field}"),
            key=f"{p}_{field}",
            default=getattr(cv.personal, field),
            max_chars=MAX_SHORT_CHARS,
        )
    kept_field(
        st.text_area,
        tr("applying.cv.field.profile"),
        key=f"{p}_profile",
        default=cv.profile,
        max_chars=MAX_LONG_CHARS,
        help=tr("applying.cv.field.profile_help"),
    )


def _list_fields(store: Store, p: str, version: CvVersion) -> None:
    cv = version.cv
    kept_field(
        st.text_area,
        tr("applying.cv.field.skills"),
        key=f"{p}_skills",
        default="\n".join(cv.skills),
        max_chars=MAX_LONG_CHARS,
        help=tr("applying.cv.field.lines_help"),
    )
    kept_field(
        st.text_area,
        tr("applying.cv.field.strengths"),
        key=f"{p}_strengths",
        default="\n".join(cv.strengths),
        max_chars=MAX_LONG_CHARS,
        help=tr("applying.cv.field.lines_help"),
    )
    cv_lang = chosen(f"{p}_lang", version.lang)
    st.button(
        tr("applying.cv.strengths.add"),
        key=f"{p}_add_strengths",
        on_click=_on_add_strengths,
        args=(store, p, cv_lang if cv_lang in CV_LANGS else version.lang),
    )


def _preview(p: str, version: CvVersion) -> None:
    """The CV as it will look, from what the fields hold now (user text escaped, never markup)."""
    st.header(tr("applying.cv.preview.title"), anchor=False)
    cv_lang = chosen(f"{p}_lang", version.lang)
    cv_lang = cv_lang if cv_lang in CV_LANGS else version.lang
    try:
        cv = check_cv(_typed(p, version), date.today())
    except Spoor2Error as error:
        show_error(error)
        return
    with st.container(border=True):
        st.markdown(export.cv_document(cv, cv_lang).to_markdown())


def _downloads(version: CvVersion) -> None:
    st.caption(tr("applying.cv.download.explain"))
    cols = st.columns(2)
    cols[0].download_button(
        tr("applying.cv.download.pdf"),
        data=lambda: export.cv_file(version.cv, version.lang, "pdf"),
        file_name=_file_name(version.name, "pdf"),
        mime="application/pdf",
        key="ap_cv_pdf",
        on_click="ignore",
    )
    cols[1].download_button(
        tr("applying.cv.download.docx"),
        data=lambda: export.cv_file(version.cv, version.lang, "docx"),
        file_name=_file_name(version.name, "docx"),
        mime=DOCX_MIME,
        key="ap_cv_docx",
        on_click="ignore",
        type="primary",
    )


def cv_section(store: Store) -> None:
    """My CV: choose a version (or make one), edit it with a live preview, save, download as PDF or Word."""
    versions = repo.list_versions(store)
    if not versions:
        st.info(tr("applying.cv.none_yet"), icon=":material/description:")
        _new_version_form(store)
        return
    version = _choose_version(versions)
    p = _prefix(version)
    edit, look = st.columns([3, 2])
    with edit:
        _text_fields(p, version)
        for kind in ROW_FIELDS:
            _rows_editor(p, version, kind)
        _list_fields(store, p, version)
        st.button(
            tr("applying.cv.save"), key=f"{p}_save", type="primary", on_click=_on_save_cv, args=(store, version, p)
        )
    with look:
        _preview(p, version)
        _downloads(version)
    _version_actions(store, version)
    _new_version_form(store)


# --- the tracker activity an application belongs to ------------------------------------------------------


def _activity_label(activity: Activity) -> str:
    parts = [fdate(activity.activity_date, "medium"), activity.organisation, activity.role]
    return " · ".join(part for part in parts if part)


def choose_activity(store: Store) -> Activity | None:
    """The tracker activity the person applies with (shared by the letters and the interview notes)."""
    activities = tracker_repo.list_activities(store, limit=ACTIVITY_LIMIT)
    if not activities:
        st.info(tr("applying.activity.none"), icon=":material/checklist:")
        st.page_link(page_script("tracker"), label=tr("applying.activity.to_tracker"), icon=":material/checklist:")
        return None
    by_id = {a.id: a for a in activities}
    labels = {a.id: _activity_label(a) for a in activities}
    picked = id_choice(
        st.selectbox,
        tr("applying.activity.choose"),
        list(by_id),
        key="ap_activity",
        default=activities[0].id,
        format_func=labels.__getitem__,
        help=tr("applying.activity.help"),
    )
    st.caption(tr("applying.activity.deleting"))
    return by_id.get(picked, activities[0])


# --- a letter for each application --------------------------------------------------------------------------


def _on_used_version(store: Store, activity: Activity) -> None:
    value = chosen(f"ap_used_{activity.id}")
    _run(lambda: repo.set_cv_version(store, activity.id, value or None), tr("applying.letter.version_saved"))


def _used_version(store: Store, activity: Activity, versions: list[CvVersion]) -> CvVersion | None:
    app = repo.get_application(store, activity.id)
    options = ["", *(v.id for v in versions)]
    labels = {"": tr("applying.letter.no_version"), **{v.id: f"{v.name} ({LANG_NAMES[v.lang]})" for v in versions}}
    picked = id_choice(
        st.selectbox,
        tr("applying.letter.version"),
        options,
        key=f"ap_used_{activity.id}",
        saved=app.cv_version_id or "",
        format_func=labels.__getitem__,
        on_change=_on_used_version,
        args=(store, activity),
    )
    return next((v for v in versions if v.id == picked), None)


def _on_suggest(activity: Activity, version: CvVersion | None) -> None:
    letter_lang = version.lang if version else lang()
    text = suggest_letter(activity, version.cv if version else None, letter_lang, date.today())
    set_choice(f"ap_letter_{activity.id}", text)
    st.session_state.pop(f"ap_letter_{activity.id}", None)
    flash("info", tr("applying.letter.suggested"))


def _on_save_letter(store: Store, activity: Activity, version: CvVersion | None) -> None:
    def save() -> None:
        text = check_letter(entered(f"ap_letter_{activity.id}", ""))
        repo.save_letter(store, activity.id, text, version.lang if version else lang(), version.id if version else None)

    _run(save, tr("applying.letter.saved"))


def _letter_downloads(store: Store, activity: Activity) -> None:
    app = repo.get_application(store, activity.id)
    if not app.letter:
        st.caption(tr("applying.letter.save_first"))
        return
    letter_lang = app.letter_lang or lang()
    name = _file_name(tr("applying.letter.file", organisation=activity.organisation), "")
    cols = st.columns(2)
    cols[0].download_button(
        tr("applying.letter.download.pdf"),
        data=lambda: export.letter_file(app.letter, activity, letter_lang, "pdf"),
        file_name=f"{name}pdf",
        mime="application/pdf",
        key="ap_letter_pdf",
        on_click="ignore",
    )
    cols[1].download_button(
        tr("applying.letter.download.docx"),
        data=lambda: export.letter_file(app.letter, activity, letter_lang, "docx"),
        file_name=f"{name}docx",
        mime=DOCX_MIME,
        key="ap_letter_docx",
        on_click="ignore",
        type="primary",
    )


def letters_section(store: Store) -> None:
    """A letter for the chosen activity: a first version from the activity and the CV, edited, saved with it."""
    st.header(tr("applying.letter.title"), anchor=False)
    st.write(tr("applying.letter.explain"))
    activity = choose_activity(store)
    if activity is None:
        return
    version = _used_version(store, activity, repo.list_versions(store))
    app = repo.get_application(store, activity.id)
    st.button(tr("applying.letter.suggest"), key="ap_letter_suggest", on_click=_on_suggest, args=(activity, version))
    kept_field(
        st.text_area,
        tr("applying.letter.field"),
        key=f"ap_letter_{activity.id}",
        saved=app.letter,
        max_chars=MAX_LETTER_CHARS,
        height=360,
        help=tr("applying.letter.field_help"),
    )
    st.caption(tr("applying.letter.absence"))
    st.page_link(page_script("routes"), label=tr("applying.to_routes"), icon=":material/alt_route:")
    st.button(
        tr("applying.letter.save"),
        key="ap_letter_save",
        type="primary",
        on_click=_on_save_letter,
        args=(store, activity, version),
    )
    _letter_downloads(store, activity)


# --- interview preparation ----------------------------------------------------------------------------------


def _story_raw(prefix: str) -> dict[str, str]:
    return {f: str(entered(f"{prefix}_{f}", "") or "") for f in ("title", *STAR_PARTS)}


def _on_save_story(store: Store, story_id: str, prefix: str, new: bool) -> None:
    def save() -> None:
        repo.save_story(store, check_story(_story_raw(prefix), story_id))

    if new and st.session_state.get("ap_story_last_added") == _story_raw(prefix):
        flash("info", tr("applying.stories.already_added"))  # the same story sent twice (a double click)
        return
    if _run(save, tr("applying.stories.saved")) and new:
        st.session_state["ap_story_last_added"] = _story_raw(prefix)
        for field in ("title", *STAR_PARTS):
            forget_choice(f"{prefix}_{field}")
        st.session_state["ap_story_token"] = uuid.uuid4().hex


def _on_delete_story(store: Store, story_id: str) -> None:
    _run(lambda: repo.delete_story(store, story_id), tr("applying.stories.deleted"))


def _story_fields(prefix: str, values: dict[str, str]) -> None:
    kept_field(
        st.text_input,
        tr("applying.stories.field.title"),
        key=f"{prefix}_title",
        default=values.get("title", ""),
        max_chars=200,
    )
    cols = st.columns(2)
    for index, part in enumerate(STAR_PARTS):
        kept_field(
            cols[index % 2].text_area,
            tr(f"applying.stories.field.{part}"),
            key=f"{prefix}_{part}",
            default=values.get(part, ""),
            max_chars=MAX_PART_CHARS,
            help=tr(f"applying.stories.help.{part}"),
        )


def stories(store: Store) -> None:
    """STAR stories: the saved ones to edit, and a new one (ideas from the CV and the orientation)."""
    st.header(tr("applying.stories.title"), anchor=False)
    st.write(tr("applying.stories.explain"))
    for story in repo.list_stories(store):
        stamp = hashlib.sha256(story.updated_at.encode()).hexdigest()[:8]
        prefix = f"ap_story_{story.id}_{stamp}"
        with st.expander(md_escape(story.title)):
            _story_fields(prefix, story.model_dump())
            cols = st.columns(2)
            cols[0].button(
                tr("applying.stories.save"),
                key=f"{prefix}_save",
                on_click=_on_save_story,
                args=(store, story.id, prefix, False),
            )
            cols[1].button(
                tr("applying.stories.delete"), key=f"{prefix}_delete", on_click=_on_delete_story, args=(store, story.id)
            )
    _new_story(store)


def _new_story(store: Store) -> None:
    st.session_state.setdefault("ap_story_token", uuid.uuid4().hex)
    token = st.session_state["ap_story_token"]
    version = repo.latest_version(store)
    results = [orientation_repo.latest_result(store, q) for q in ("interests", "values")]
    ideas = story_prompts(version.cv if version else None, strengths_from([r for r in results if r], lang()), lang())
    with st.container(border=True):
        st.markdown(f"**{tr('applying.stories.new')}**")
        if ideas:
            st.caption(tr("applying.stories.ideas") + " " + "; ".join(md_escape(i) for i in ideas[:8]))
        _story_fields("ap_story_new", {})
        st.button(
            tr("applying.stories.add"),
            key="ap_story_add",
            type="primary",
            on_click=_on_save_story,
            args=(store, token, "ap_story_new", True),
        )


def practice() -> None:
    """Common questions with a tip each; the ones about the absence point to "Talking about my absence"."""
    st.header(tr("applying.interviews.title"), anchor=False)
    st.write(tr("applying.interviews.explain"))
    for question in QUESTION_IDS:
        with st.expander(tr(f"applying.interviews.q.{question}.question")):
            st.markdown(tr(f"applying.interviews.q.{question}.tip"))
            if question in ABSENCE_QUESTIONS:
                st.page_link(page_script("routes"), label=tr("applying.to_routes"), icon=":material/alt_route:")


def _on_save_notes(store: Store, activity: Activity) -> None:
    def save() -> None:
        repo.save_interview_notes(store, activity.id, check_notes(entered(f"ap_notes_{activity.id}", "")))

    _run(save, tr("applying.notes.saved"))


def interview_notes(store: Store) -> None:
    """Notes per interview, kept with the tracker activity."""
    st.header(tr("applying.notes.title"), anchor=False)
    activity = choose_activity(store)
    if activity is None:
        return
    app = repo.get_application(store, activity.id)
    kept_field(
        st.text_area,
        tr("applying.notes.field"),
        key=f"ap_notes_{activity.id}",
        saved=app.interview_notes,
        max_chars=MAX_NOTES_CHARS,
        height=200,
        help=tr("applying.notes.help"),
    )
    st.button(
        tr("applying.notes.save"), key="ap_notes_save", type="primary", on_click=_on_save_notes, args=(store, activity)
    )
    if app.interview_notes:
        with st.expander(tr("applying.notes.saved_view")):
            user_text(app.interview_notes)
