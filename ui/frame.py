"""What every page shares: page config, language, navigation, the store, messages, sources and the footer.

The app follows Streamlit's own multipage convention: ``app.py`` is the home page and every
script in ``pages/`` is a page, its URL path its file name (``pages/my-data.py`` is ``/my-data``).
Streamlit's generated navigation is switched off (``client.showSidebarNavigation = false``);
:func:`page_start` draws the translated one, so the very first request of a fresh server shows
the page with its frame in one run. Only ``ui/``, ``app.py`` and ``pages/`` import Streamlit;
widget values become ``spoor2`` models in the page's ``ui`` module or in the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.i18n import LANGS, format_date, normalise_lang, t
from spoor2.legal.sources import get_source
from spoor2.paths import database_url
from spoor2.render.text import md_escape  # noqa: F401 -- re-exported for the pages: the one escaper
from spoor2.store import Store


@dataclass(frozen=True)
class PageSpec:
    key: str
    script: str
    url_path: str
    icon: str

    @property
    def path(self) -> str:
        """The script's path from the project root, as ``st.page_link`` and ``AppTest`` take it."""
        return self.script if self.script == "app.py" else f"pages/{self.script}"


#: Stable URL paths (a contract: links, tests and the README use them). Streamlit derives a page's
#: URL path from its file name, so each script is named after its path.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "app.py", "", ":material/home:"),
    PageSpec("timeline", "timeline.py", "timeline", ":material/event:"),
    PageSpec("rights", "rights.py", "rights", ":material/gavel:"),
    PageSpec("orientation", "orientation.py", "orientation", ":material/explore:"),
    PageSpec("tracker", "tracker.py", "tracker", ":material/checklist:"),
    PageSpec("questions", "questions.py", "questions", ":material/help:"),
    PageSpec("my_data", "my-data.py", "my-data", ":material/folder_shared:"),
)

LANG_KEY = "lang"
_SEEN_PARAM_KEY = "_lang_param_seen"


# --- language -------------------------------------------------------------------------------------


def init_language() -> None:
    """Session language from ``?lang=`` (which wins when it changes), else English."""
    param = st.query_params.get("lang")
    if param is not None and param != st.session_state.get(_SEEN_PARAM_KEY):
        st.session_state[LANG_KEY] = normalise_lang(param)
        st.session_state[_SEEN_PARAM_KEY] = param
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = "en"


LANG_WIDGET_KEY = "lang_choice"


def _on_language_change() -> None:
    st.session_state[LANG_KEY] = st.session_state[LANG_WIDGET_KEY]
    st.query_params["lang"] = st.session_state[LANG_KEY]
    st.session_state[_SEEN_PARAM_KEY] = st.session_state[LANG_KEY]


def language_selector() -> None:
    """Always visible at the top of the sidebar; keeps ``?lang=`` in the address bar in step.

    The language itself lives in a plain session key; the radio only mirrors it, so the
    choice survives page switches.
    """
    st.session_state[LANG_WIDGET_KEY] = st.session_state[LANG_KEY]
    st.sidebar.radio(
        "Language / Taal",
        options=list(LANGS),
        format_func=lambda code: {"en": "English", "nl": "Nederlands"}[code],
        key=LANG_WIDGET_KEY,
        horizontal=True,
        on_change=_on_language_change,
    )
    st.sidebar.caption(tr("common.not_legal_advice_short"))
    if st.query_params.get("lang") != st.session_state[LANG_KEY]:
        st.query_params["lang"] = st.session_state[LANG_KEY]
        st.session_state[_SEEN_PARAM_KEY] = st.session_state[LANG_KEY]


def navigation() -> None:
    """The translated navigation in the sidebar (Streamlit's own lists file names, so it is off)."""
    with st.sidebar:
        for spec in PAGES:
            st.page_link(spec.path, label=tr(f"nav.{spec.key}"), icon=spec.icon)


def page_start(title_key: str) -> None:
    """The top of every page: page config, language selector, navigation and the page title."""
    init_language()
    st.set_page_config(
        page_title=f"{tr(title_key)} · Spoor 2", page_icon="🧭", layout="wide", initial_sidebar_state="expanded"
    )
    language_selector()
    navigation()
    st.title(tr(title_key))
    show_flash()


def page_script(key: str) -> str:
    """The script of a page key (``app.py`` or ``pages/<script>``), for ``st.page_link`` and ``st.switch_page``."""
    return next(spec.path for spec in PAGES if spec.key == key)


def lang() -> str:
    return normalise_lang(st.session_state.get(LANG_KEY, "en"))


def tr(key: str, **params: object) -> str:
    """A UI string in the session's language."""
    return t(lang(), key, **params)


def fdate(value, fmt: str = "long") -> str:  # type: ignore[no-untyped-def]
    return format_date(value, lang(), fmt)


# --- the store ------------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> Store:
    return Store(url)


def get_store() -> Store:
    """The person's store. One engine per database URL per process (never a raw connection).

    A database this version cannot open (written by a newer version) stops the page with a
    message in the user's language; the file is left untouched.
    """
    try:
        return _store_for(database_url())
    except Spoor2Error as error:
        show_error(error)
        legal_footer()
        st.stop()
        raise  # st.stop() does not return; this keeps type checkers honest


# --- messages ---------------------------------------------------------------------------------------


def show_error(error: Spoor2Error) -> None:
    st.error(error.message(lang()), icon=":material/error:")


#: The one "message after a rerun": kept by :func:`flash`, shown once under the title by :func:`page_start`.
#: A "_"-key, so the frame's own bookkeeping (/my-data keeps these when it forgets other pages' state).
FLASH_KEY = "_flash"
FlashKind = Literal["success", "info", "warning", "error"]
_FLASH_ICONS: dict[str, str] = {
    "success": ":material/check_circle:",
    "info": ":material/info:",
    "warning": ":material/warning:",
    "error": ":material/error:",
}


def flash(kind: FlashKind, message: str) -> None:
    """Keep a message for the next run of the page: call it before ``st.rerun()`` or in a widget callback.

    :func:`page_start` shows it once, under the page title, and forgets it.
    """
    st.session_state[FLASH_KEY] = [*st.session_state.get(FLASH_KEY, []), (kind, message)]


def flash_error(error: Spoor2Error) -> None:
    """:func:`flash` for a domain error, in the page language."""
    flash("error", error.message(lang()))


def show_flash() -> None:
    """The messages kept by :func:`flash`, each shown once (the next run no longer has them)."""
    show = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}
    for kind, message in st.session_state.pop(FLASH_KEY, []):
        show[kind](message, icon=_FLASH_ICONS[kind])


def user_text(value: str) -> None:
    """Show text a person typed, as plain text: HTML and Markdown are never interpreted."""
    st.text(value)


def sources_markdown(source_ids: Iterable[str]) -> str:
    """``[Wet WIA, art. 64 lid 3](https://…)`` links, separated by semicolons."""
    return "; ".join(f"[{get_source(sid).title}]({get_source(sid).url})" for sid in source_ids)


def legal_footer() -> None:
    """Every legal page ends with where to get human help, and that this is not legal advice."""
    st.divider()
    with st.container(border=True):
        st.markdown(f"**{tr('common.help_title')}**")
        st.markdown(tr("common.help_body"))
        st.caption(tr("common.not_legal_advice"))
