"""What every page shares: page config, language, navigation, the store, messages, sources and the footer.

The app follows Streamlit's own multipage convention: ``app.py`` is the home page and every
script in ``pages/`` is a page, its URL path its file name (``pages/my-data.py`` is ``/my-data``).
Streamlit's generated navigation is switched off (``client.showSidebarNavigation = false``);
:func:`page_start` draws the translated one, so the very first request of a fresh server shows
the page with its frame in one run. Only ``ui/``, ``app.py`` and ``pages/`` import Streamlit;
widget values become ``spoor2`` models in the page's ``ui`` module or in the store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

import streamlit as st
from babel.numbers import format_decimal

from spoor2.errors import Spoor2Error
from spoor2.i18n import LANG_NAMES, LANGS, format_date, normalise_lang, t
from spoor2.paths import database_url
from spoor2.render.text import md_escape
from ui import auth, warm

if TYPE_CHECKING:
    # The store (SQLAlchemy) and the sources (pydantic) load on first use, not with the frame: a fresh server
    # draws the page's title before it imports them (issue 19). ui/warm.py loads them after the first page.
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
    PageSpec("my_file", "my-file.py", "my-file", ":material/fact_check:"),
    PageSpec("journal", "journal.py", "journal", ":material/battery_charging_50:"),
    PageSpec("applying", "applying.py", "applying", ":material/description:"),
    PageSpec("routes", "routes.py", "routes", ":material/alt_route:"),
    PageSpec("my_data", "my-data.py", "my-data", ":material/folder_shared:"),
)

LANG_KEY = "lang"
_SEEN_PARAM_KEY = "_lang_param_seen"


# --- language -------------------------------------------------------------------------------------


#: The browser remembers the language chosen last (a preference cookie of this site, nothing else in it), so a
#: new session without ``?lang=`` starts in it: a new tab, a reconnect, and the hosted login, whose callback
#: always comes back to ``/`` without the address's ``?lang=``.
LANG_COOKIE = "spoor2_lang"


def init_language() -> None:
    """Session language from ``?lang=`` (which wins when it changes), else the language cookie, else English."""
    param = st.query_params.get("lang")
    if param is not None and param != st.session_state.get(_SEEN_PARAM_KEY):
        st.session_state[LANG_KEY] = normalise_lang(param)
        st.session_state[_SEEN_PARAM_KEY] = param
    if LANG_KEY not in st.session_state:
        remembered = st.context.cookies.get(LANG_COOKIE)
        st.session_state[LANG_KEY] = remembered if remembered in LANGS else "en"


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
        format_func=LANG_NAMES.__getitem__,
        key=LANG_WIDGET_KEY,
        horizontal=True,
        on_change=_on_language_change,
    )
    st.sidebar.caption(tr("common.not_legal_advice_short"))
    if st.query_params.get("lang") != st.session_state[LANG_KEY]:
        st.query_params["lang"] = st.session_state[LANG_KEY]
        st.session_state[_SEEN_PARAM_KEY] = st.session_state[LANG_KEY]


@cache
def _navigation_links(code: str) -> tuple[tuple[str, str, str], ...]:
    """``(script, label, icon)`` of every page in language ``code``: the same on every run of that language."""
    return tuple((spec.path, t(code, f"nav.{spec.key}"), spec.icon) for spec in PAGES)


def navigation() -> None:
    """The translated navigation in the sidebar (Streamlit's own lists file names, so it is off)."""
    _draw_navigation(lang())


@st.cache_resource(show_spinner=False)
def _draw_navigation(code: str) -> None:
    """The eleven links, drawn once per language and process and then replayed (Streamlit replays the elements a
    cached function drew). ``st.page_link`` resolves its script on the disk every time (a ``realpath`` per link,
    ~40 % of the frame's rerun); the links are the same for every person and every run of that language. One app
    per process: the links' page ids come from its entry point (``bench.common.frame_only_app`` clears this)."""
    for path, label, icon in _navigation_links(code):
        st.sidebar.page_link(path, label=label, icon=icon)


def page_start(title_key: str) -> None:
    """The top of every page: page config, language selector, navigation and the page title."""
    init_language()
    title = tr(title_key)
    # "auto": open on a wide screen, closed on a narrow one (open, it covered the page at 640 px). No page_icon: the
    # tab shows Streamlit's own icon, from this server. Every icon of our own cost a fresh server's first heading
    # or a third party a request: an emoji made Streamlit compile a pattern of every emoji (~80 ms), an image or
    # SVG made it import NumPy and Pillow (~150 ms), and a Material icon is fetched from fonts.gstatic.com.
    st.set_page_config(page_title=f"{title} · Spoor 2", layout="wide", initial_sidebar_state="auto")
    # The heading goes out first: the sidebar's widgets make the browser fetch their code, and the page's heading
    # was painted only after it (~0.1 s on a fresh server). In hosted mode the login, the idle timeout and the
    # missing identity draw their own heading after the language choice: there the page's heading follows the gate.
    if auth.hosted():
        _sidebar_and_gate()
        _heading(title)
    else:
        _heading(title)
        _sidebar_and_gate()


def _heading(title: str) -> None:
    """The page's title and, right under it, the slot of the message of the last action (:func:`show_flash`)."""
    st.title(title, anchor=False)
    show_flash()


def _sidebar_and_gate() -> None:
    """The document's language, the language choice, the hosted mode's gate and the navigation."""
    document_language()
    language_selector()
    auth.gate()  # hosted mode: nobody's data is read before login (local mode: nothing happens)
    navigation()


def document_language() -> None:
    """``<html lang>`` in the page language, so a screen reader reads Dutch with a Dutch voice (WCAG 3.1.1),
    and the language cookie (:data:`LANG_COOKIE`).

    Streamlit has no setting for it; the script is ours and its only value is a language code from LANGS.
    """
    code = lang()
    assert code in LANGS
    cookie = f"{LANG_COOKIE}={code}; path=/; max-age=31536000; SameSite=Lax"  # see LANG_COOKIE
    st.html(
        f"<script>document.documentElement.lang = {code!r}; document.cookie = {cookie!r};</script>",
        unsafe_allow_javascript=True,
    )


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


# --- kept values: a widget's value is an id (or a date, a number, the person's text), never a label ------

#: What each kept widget (a choice: radio, selectbox, multiselect, segmented control, pills; or a field:
#: text, date, number) holds, by widget key. Streamlit's browser side sends back the *label* of a choice;
#: when the label changes (another language, "(in progress)" instead of "(not started)") a label sent by
#: a page that was drawn before the change matches no option any more, and Streamlit falls back to the
#: first option or to nothing. And Streamlit drops the value of a widget that a run does not draw (another
#: section, another page). The value kept here is the person's; the widget only shows it. A choice is told
#: it again on every run (so the browser shows it in the words of this run); a field only when it does not
#: hold it already (so a rerun never overwrites what is being typed in it). The one mechanism for this:
#: no ui module keeps a mirror of its own (tests/cross_cutting/test_page_shape.py).
CHOICES_KEY = "_choices"
#: The saved value each kept widget started from (``saved=``): when it changes, the draft starts again.
SEEDS_KEY = "_choice_seeds"
_UNSET: Any = object()


def chosen(key: str, default: Any = None, options: Sequence[Any] | None = None) -> Any:
    """The id (or the ids of a multi-select) the choice widget ``key`` holds.

    With ``options``, a value the widget has just sent that is one of them wins: a button callback
    may run before the widget's own callback when both changed in one run.
    """
    if options is not None and key in st.session_state:
        live = st.session_state[key]
        values = live if isinstance(live, list | tuple) else [live]
        if live is not None and all(v in options for v in values):
            return live
    return st.session_state.get(CHOICES_KEY, {}).get(key, default)


def entered(key: str, default: Any = None) -> Any:
    """What the field widget ``key`` (:func:`kept_field`) holds, in a callback: the value it has just sent
    (a button callback may run before the field's own), else the kept one, else ``default``."""
    if key in st.session_state:
        return st.session_state[key]
    return st.session_state.get(CHOICES_KEY, {}).get(key, default)


def has_choice(key: str) -> bool:
    """Whether the choice widget ``key`` holds a choice of this session (even "nothing chosen")."""
    return key in st.session_state.get(CHOICES_KEY, {})


def set_choice(key: str, value: Any) -> None:
    """Set what the kept widget ``key`` holds (before it is drawn, or in a callback)."""
    st.session_state.setdefault(CHOICES_KEY, {})[key] = value


def forget_choice(key: str) -> None:
    """Forget what ``key`` holds: the widget shows its default (or saved value) when it is drawn next."""
    st.session_state.get(CHOICES_KEY, {}).pop(key, None)
    st.session_state.get(SEEDS_KEY, {}).pop(key, None)
    st.session_state.pop(key, None)


def forget_all_choices() -> None:
    """Forget what every kept widget of every page holds (after an import or a delete of everything)."""
    st.session_state.pop(CHOICES_KEY, None)
    st.session_state.pop(SEEDS_KEY, None)


def _kept(key: str, default: Any, saved: Any) -> dict[str, Any]:
    """The kept values, with ``key``'s started: from ``saved`` when given (and again whenever it changes),
    else from a value put in ``st.session_state[key]`` before the first draw, else from ``default``."""
    kept = st.session_state.setdefault(CHOICES_KEY, {})
    if saved is not _UNSET:
        seeds = st.session_state.setdefault(SEEDS_KEY, {})
        if key not in kept or key not in seeds or seeds[key] != saved:
            kept[key] = saved
            seeds[key] = saved
    elif key not in kept:
        kept[key] = st.session_state.get(key, default)
    return kept


def _valid_choice(value: Any, options: Sequence[Any], multi: bool) -> Any:
    if multi:
        values = value if isinstance(value, list | tuple) else []
        return [v for v in values if v in options]
    return value if value in options else None


def id_choice(
    widget: Callable[..., Any],
    label: str,
    options: Sequence[Any],
    *,
    key: str,
    format_func: Callable[[Any], str],
    default: Any = None,
    saved: Any = _UNSET,
    on_change: Callable[..., None] | None = None,
    args: tuple[Any, ...] = (),
    **widget_kwargs: Any,
) -> Any:
    """Draw ``widget`` (``st.radio``, ``st.selectbox``, ``st.multiselect``, ``st.segmented_control``,
    ``st.pills``, or the same of a column) with ids as options and ``format_func`` for the labels.

    The chosen id is kept in :data:`CHOICES_KEY` and given to the widget on every run, so a language
    switch or a changed label never changes or drops the choice. ``default`` is the id (or list of
    ids) before the person chose; a value put in ``st.session_state[key]`` before the first draw
    (a saved draft) counts as chosen. ``saved`` (instead of ``default``) is the value in the store:
    the choice starts from it and starts again when it changes elsewhere (another section saved it).
    ``on_change(*args)`` runs after a real change only. Not for a widget inside ``st.form`` (Streamlit
    allows no callback there).
    """
    multi = getattr(widget, "__name__", "") == "multiselect" or widget_kwargs.get("selection_mode") == "multi"
    if getattr(widget, "__name__", "") in ("multiselect", "selectbox"):
        widget_kwargs.setdefault("placeholder", tr("common.choose"))  # Streamlit's own is English
    options = list(options)
    if saved is not _UNSET:
        default = saved
    kept = _kept(key, default, saved)
    value = _valid_choice(kept[key], options, multi)
    if value is None and not multi and default in options:
        value = default
    kept[key] = value
    st.session_state[key] = list(value) if multi else value

    def changed() -> None:
        new = st.session_state.get(key)
        if multi:
            new_list = new if isinstance(new, list | tuple) else []
            if any(v not in options for v in new_list):
                return  # a label of a page drawn before the labels changed: not the person's choice
            kept[key] = list(new_list)
        elif new is None or new in options:
            kept[key] = new
        else:
            return
        if on_change is not None:
            on_change(*args)

    return widget(label, options, format_func=format_func, key=key, on_change=changed, **widget_kwargs)


def kept_field(
    widget: Callable[..., Any],
    label: str,
    *,
    key: str,
    default: Any = None,
    saved: Any = _UNSET,
    on_change: Callable[..., None] | None = None,
    args: tuple[Any, ...] = (),
    **widget_kwargs: Any,
) -> Any:
    """Draw a field ``widget`` (``st.text_input``, ``st.text_area``, ``st.date_input``, ``st.number_input``,
    or the same of a column) whose value is kept like :func:`id_choice`'s: it survives sections and pages
    that do not draw it, and language switches. ``default`` and ``saved`` as there; read it in a callback
    with :func:`entered`, empty it after a save with :func:`forget_choice` (back to ``default``) or
    :func:`set_choice`. Not for a widget inside ``st.form``.
    """
    if saved is not _UNSET:
        default = saved
    kept = _kept(key, default, saved)
    # Told to the widget only when it does not hold the kept value already (not drawn last run, or set by a
    # callback): a value put in st.session_state is pushed to the browser, and would overwrite what the person
    # typed in this field while the run was under way (a field filled during the previous field's rerun).
    if key not in st.session_state or st.session_state[key] != kept[key]:
        st.session_state[key] = kept[key]

    def changed() -> None:
        kept[key] = st.session_state.get(key)
        if on_change is not None:
            on_change(*args)

    limit = widget_kwargs.pop("max_chars", None) if getattr(widget, "__name__", "") == "text_area" else None
    value = widget(label, key=key, on_change=changed, **widget_kwargs)
    if limit is not None:
        too_long_notice(value, limit)
    return value


def long_text_area(label: str, *, max_chars: int, **widget_kwargs: Any) -> Any:
    """``st.text_area`` for a text with a limit the rules check on saving: the field itself takes any length.

    With ``max_chars`` Streamlit's field refuses a paste that would pass the limit, as a whole and without a word
    (a note pasted from an e-mail was simply gone). Here the text stays in the field, and a notice under it
    says how long it is and what the limit is, in the page language, until it is short enough; saving it is
    refused by the rule, with its own message. :func:`kept_field` does the same for a kept text area.
    """
    value = st.text_area(label, **widget_kwargs)
    too_long_notice(value, max_chars)
    return value


def too_long_notice(value: Any, maximum: int) -> None:
    """Under a text field: a text longer than ``maximum`` characters is not saved; say so (nothing is cut)."""
    if isinstance(value, str) and len(value) > maximum:
        count, limit = (format_decimal(n, locale=lang()) for n in (len(value), maximum))
        st.warning(tr("common.text_too_long", count=count, maximum=limit), icon=":material/content_cut:")


def kept_expander(label: str, *, key: str) -> Any:
    """An expander whose content is drawn only while it is open: ``with box: if box.open: …``.

    A closed box draws nothing, which a browser then need not lay out (a radio costs it ~8 ms of CPU, a bordered
    card ~3 ms, on every visit of the page). Opening it is a rerun. Whether it is open is kept like a choice
    (:func:`id_choice`): Streamlit's id for an expander includes its label, so a language switch would close it.
    The widgets inside keep their values while it is closed only when they are kept widgets (:func:`id_choice`,
    :func:`kept_field`); anything that reads them, reads them with :func:`chosen` or :func:`entered` and a
    default that is the saved value. Until the person opens or closes it, a value put in ``st.session_state[key]``
    counts (a test opens a box so).
    """
    st.session_state[key] = bool(chosen(key) if has_choice(key) else st.session_state.get(key, False))

    def changed() -> None:
        set_choice(key, bool(st.session_state.get(key)))

    return st.expander(label, key=key, on_change=changed)


# --- the store ------------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> Store:
    from spoor2.store import Store

    return Store(url)


def get_store() -> Store:
    """The person's store. One engine per database URL per process (never a raw connection).

    A database this version cannot open (written by a newer version) stops the page with a
    message in the user's language; the file is left untouched. In hosted mode (:mod:`ui.auth`) it is
    the logged-in person's view over the shared engine (``Store.for_owner``).
    """
    try:
        shared = _store_for(database_url())
        return auth.person_store(shared) if auth.hosted() else shared
    except Spoor2Error as error:
        show_error(error)
        legal_footer()
        st.stop()
        raise  # st.stop() does not return; this keeps type checkers honest


# --- messages ---------------------------------------------------------------------------------------


def error_text(error: Spoor2Error) -> str:
    """A domain error in the page language, as Markdown. Its parameters may come from a person or a
    file (a zip entry's name, a CSV header), so every text in them is escaped: ``![x](http://…)`` is
    shown as text, never loaded."""
    safe = {name: md_escape(value) if isinstance(value, str) else value for name, value in error.params.items()}
    return Spoor2Error(error.code, **safe).message(lang())


def show_error(error: Spoor2Error) -> None:
    st.error(error_text(error), icon=":material/error:")


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
    """:func:`flash` for a domain error, in the page language (parameters escaped, see :func:`error_text`)."""
    flash("error", error_text(error))


def show_flash() -> None:
    """The messages kept by :func:`flash`, each shown once (the next run no longer has them)."""
    # The slot is there on every run, message or not: a message that appears never shifts the forms and
    # tabs below it, so Streamlit keeps them (and the keyboard focus, and the open tab) in place.
    slot = st.container()
    show = {"success": slot.success, "info": slot.info, "warning": slot.warning, "error": slot.error}
    for kind, message in st.session_state.pop(FLASH_KEY, []):
        show[kind](message, icon=_FLASH_ICONS[kind])


def user_text(value: str) -> None:
    """Show text a person typed, as plain text: HTML and Markdown are never interpreted."""
    st.text(value)


def sources_markdown(source_ids: Iterable[str]) -> str:
    """``[Wet WIA, art. 64 lid 3](https://…)`` links, separated by semicolons."""
    from spoor2.legal.sources import get_source

    return "; ".join(f"[{source.title}]({source.url})" for source in map(get_source, source_ids))


_FOCUSABLE = "input:not([disabled]), textarea, select, button, [tabindex]:not([tabindex='-1'])"
_WIDGET_KEY = re.compile(r"[A-Za-z0-9_-]+")


def focus_on(key: str, slot: Any = None) -> None:
    """Move the keyboard focus to the first field of the widget (or keyed container) ``key``.

    For a form that starts again empty after a save (a new instance with new keys): without this the
    focus falls to the page body and a keyboard user starts again at the top (WCAG 2.4.3). ``key`` is
    one of our own widget keys, never text a person typed. ``slot`` (an ``st.empty()`` drawn on every
    run) keeps the page's shape the same with or without the script.
    """
    if not _WIDGET_KEY.fullmatch(key):
        raise ValueError(f"not a widget key: {key!r}")
    script = (
        "<script>(() => { let tries = 0; const go = () => {"
        f" const box = document.querySelector('.st-key-{key}');"
        f' const field = box && (box.matches("{_FOCUSABLE}") ? box : box.querySelector("{_FOCUSABLE}"));'
        " if (field) { field.focus({focusVisible: true}); } else if (tries++ < 60) { setTimeout(go, 50); } };"
        " go(); })();</script>"
    )
    (slot or st).html(script, unsafe_allow_javascript=True)


def focus_heading(key: str, slot: Any = None) -> None:
    """Move the keyboard focus to the first heading inside the keyed container ``key`` (made focusable by
    script only, ``tabindex=-1``: never a Tab stop), for a view that replaces the one the person acted in (a
    questionnaire's last "Save" shows its result): a screen reader then reads on from the new view's heading,
    and the next Tab goes on from there instead of from the top of the page (WCAG 2.4.3)."""
    if not _WIDGET_KEY.fullmatch(key):
        raise ValueError(f"not a widget key: {key!r}")
    script = (
        "<script>(() => { let tries = 0; const go = () => {"
        f" const heading = document.querySelector('.st-key-{key} :is(h1, h2, h3, h4)');"
        " if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({focusVisible: true}); }"
        " else if (tries++ < 60) { setTimeout(go, 50); } };"
        " go(); })();</script>"
    )
    (slot or st).html(script, unsafe_allow_javascript=True)


def small(text: str) -> None:
    """Small print that holds links (sources): ``st.caption`` draws its text and links at 60 % opacity,
    which no link colour survives at WCAG AA (4.5:1); ``:small[…]`` is the same size at full contrast."""
    st.markdown(f":small[{text}]")


def legal_footer() -> None:
    """Every legal page ends with where to get human help, and that this is not legal advice."""
    st.divider()
    with st.container(border=True):
        st.markdown(f"**{tr('common.help_title')}**")
        st.markdown(tr("common.help_body"))
        st.caption(tr("common.not_legal_advice"))
    warm.start()  # after a fresh server's first page: what the other pages, saves and exports need (ui/warm.py)
