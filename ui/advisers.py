"""Consent-based adviser access on /my-data (hosted mode only): who can read my data, and what my advisers read.

* The person grants a named adviser by their login, sees the grants, revokes at once, and sees every
  read an adviser made (``spoor2.store.hosted``; PostgreSQL's row security enforces it).
* An adviser sees "People who gave you access" and opens a read-only view of one person's timeline,
  activity log and file; each part shown is logged in that person's log (``log_read``).
* In the local mode nothing here is drawn: on one's own computer the data is already only one's own.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.i18n import t
from spoor2.my_file.expert import QUESTIONS
from spoor2.my_file.whole import whole_document
from spoor2.render.document import Block, Caption, Document, Heading
from spoor2.render.text import md_escape
from spoor2.store import Store
from spoor2.store import hosted as repo
from spoor2.store import my_file_view as file_repo
from spoor2.store.timeline import load_timeline_input, milestone_records
from spoor2.store.tracker import list_activities
from ui import auth
from ui.frame import entered, fdate, flash, flash_error, forget_choice, kept_field, lang, show_error, tr, user_text

#: Which person's read-only view is open (their owner id), for the adviser.
OPEN_KEY = "adv_open_owner"
GRANT_FIELD = "adv_grant_login"


def _day(iso: str) -> str:
    return fdate(date.fromisoformat(iso[:10]))


def _grant() -> None:
    """The grant form's callback: a double click grants once (the grant is an upsert by login)."""
    login = str(entered(GRANT_FIELD, "") or "")
    try:
        grant = repo.grant_adviser(st.session_state["_adv_store"], login)
    except Spoor2Error as error:
        flash_error(error)
        return
    forget_choice(GRANT_FIELD)  # the field is empty again after a grant
    flash("success", tr("advisers.granted", login=md_escape(grant.adviser_login)))


def _revoke(login: str) -> None:
    try:
        repo.revoke_adviser(st.session_state["_adv_store"], login)
    except Spoor2Error as error:
        flash_error(error)
        return
    flash("success", tr("advisers.revoked", login=md_escape(login)))


def who_can_read(store: Store) -> None:
    """The person's section: grant, the grants (revoke at once), and every read by an adviser."""
    if not auth.hosted():
        return
    st.session_state["_adv_store"] = store
    st.header(tr("advisers.title"), anchor=False)
    st.markdown(tr("advisers.intro"))
    st.caption(tr("advisers.file_scope"))
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    help_text = tr("advisers.login_help")
    kept_field(left.text_input, tr("advisers.login_label"), key=GRANT_FIELD, default="", help=help_text)
    right.button(tr("advisers.grant"), key="adv_grant", type="primary", on_click=_grant, icon=":material/key:")
    grants = repo.list_grants(store)
    if not grants:
        st.caption(tr("advisers.none"))
    for grant in grants:
        left, right = st.columns([4, 1])
        if grant.active:
            left.markdown(tr("advisers.active", login=md_escape(grant.adviser_login), since=_day(grant.granted_at)))
            right.button(
                tr("advisers.revoke"),
                key=f"adv_revoke_{grant.adviser_login}",
                on_click=_revoke,
                args=(grant.adviser_login,),
                icon=":material/block:",
            )
        else:
            until = _day(grant.revoked_at or grant.granted_at)
            left.markdown(tr("advisers.ended", login=md_escape(grant.adviser_login), until=until))
    reads = repo.list_reads(store)
    st.subheader(tr("advisers.reads_title"), anchor=False)
    if not reads:
        st.caption(tr("advisers.reads_none"))
    for read in reads:
        what = tr(f"advisers.what.{read.what}") if read.what in _PARTS else read.what
        st.text(tr("advisers.read_line", login=read.adviser_login, what=what, at=read.read_at[:16].replace("T", " ")))


_PARTS = ("opened", "timeline", "activities", "file")


def _open(owner_id: str | None) -> None:
    st.session_state[OPEN_KEY] = owner_id


def given_to_me(store: Store) -> None:
    """The adviser's section: the people who gave this login access, and one person's read-only view."""
    if not auth.hosted():
        return
    people = repo.granted_to_me(store)
    if not people:
        return
    st.header(tr("advisers.given_title"), anchor=False)
    st.caption(tr("advisers.given_intro"))
    for number, grant in enumerate(people, start=1):
        left, right = st.columns([4, 1])
        left.markdown(tr("advisers.person", number=number, code=grant.owner_id[:8], since=_day(grant.granted_at)))
        right.button(tr("advisers.open"), key=f"adv_open_{grant.owner_id}", on_click=_open, args=(grant.owner_id,))
    chosen = st.session_state.get(OPEN_KEY)
    if chosen in {g.owner_id for g in people}:
        _read_only_view(store, chosen)


def _read_only_view(store: Store, owner_id: str) -> None:
    try:
        view = repo.adviser_view(store, owner_id)
    except Spoor2Error as error:
        show_error(error)
        return
    with st.container(border=True):
        st.subheader(tr("advisers.view_title", code=owner_id[:8]), anchor=False)
        st.button(tr("advisers.close"), key="adv_close", on_click=_open, args=(None,))
        _timeline_part(view)
        _activities_part(view)
        _file_part(view, date.today())


def _timeline_part(view: Store) -> None:
    st.markdown(f"**{tr('advisers.what.timeline')}**")
    timeline = load_timeline_input(view)
    repo.log_read(view, "timeline")
    if timeline is None:
        st.caption(tr("advisers.view_empty"))
        return
    for period in timeline.periods:
        end = fdate(period.end) if period.end else tr("advisers.still_sick")
        st.markdown(tr("advisers.period", start=fdate(period.start), end=end))
    st.caption(tr("advisers.steps_recorded", count=len(milestone_records(view))))


def _activities_part(view: Store) -> None:
    st.markdown(f"**{tr('advisers.what.activities')}**")
    activities = list_activities(view)
    repo.log_read(view, "activities")
    if not activities:
        st.caption(tr("advisers.view_empty"))
        return
    rows = [
        {
            tr("advisers.col.date"): fdate(a.activity_date),
            tr("advisers.col.organisation"): a.organisation,
            tr("advisers.col.type"): tr(f"tracker.type.{a.type}"),
            tr("advisers.col.status"): tr(f"tracker.status.{a.status}"),
        }
        for a in activities
    ]
    st.dataframe(rows, hide_index=True, width="stretch")


def _file_blocks(blocks: tuple[Block, ...], page_lang: str) -> tuple[Block, ...]:
    """The whole file from its proposals on: the timeline and the activity log are parts of their own above."""
    first = t(page_lang, "my_file_view.whole.proposals_title")
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.level == 1 and block.text == first:
            return blocks[index:]
    return blocks  # the whole file was rearranged: show all of it rather than lose a part


def _show_block(block: Block) -> None:
    """One block of a document in the page: the person's words escaped (``Document.to_markdown``), never HTML."""
    markdown = Document("", (block,)).to_markdown().strip()
    if isinstance(block, Heading):  # under the view's own subheader: three levels down
        st.markdown("#" * (block.level + 3) + " " + markdown.lstrip("#").strip())
    elif isinstance(block, Caption):
        st.caption(markdown)
    else:
        st.markdown(markdown)


def _file_part(view: Store, today: date) -> None:
    """The person's file as /my-file's whole file says it (proposals, meetings, check, view) and the
    expert-request drafts; read-only, and logged as one read (``file``)."""
    st.markdown(f"**{tr('advisers.what.file')}**")
    page_lang = lang()
    document = whole_document(file_repo.whole_file(view, today), page_lang, today)
    requests = [r for r in file_repo.expert_requests(view).values() if r.body.strip()]
    repo.log_read(view, "file")
    st.caption(tr("advisers.file_intro"))
    for block in _file_blocks(document.blocks, page_lang):
        _show_block(block)
    if requests:
        st.markdown(f"#### {tr('advisers.expert_title')}")
    for request in sorted(requests, key=lambda r: QUESTIONS.index(r.question_id)):
        st.markdown(f"**{tr(f'my_file_view.question.{request.question_id}')}**")
        user_text(request.body)
