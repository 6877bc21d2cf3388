"""Login for the hosted mode: Streamlit's own OpenID Connect support (``st.login``/``st.user``/``st.logout``).

* **Hosted mode** is on when ``secrets.toml`` has an ``[auth]`` section. Without one the portal is the
  local single-person app (no login, one owner ``local``): nothing here runs, nothing changes.
* The **owner id** is a SHA-256 of the token's issuer and subject (``iss`` NUL ``sub``), hex: never the
  e-mail address, which a person may change. Two identity providers with the same subject are two owners.
  The **login** shown to advisers is the e-mail address, else the preferred user name, else the subject.
* **Idle timeout**: Streamlit's login cookie lives 30 days. The session keeps the time of the last
  interaction; the next interaction after ``SPOOR2_IDLE_MINUTES`` (default 30; any number > 0, ``0.25`` too)
  shows a kind message and
  asks to log in again (nothing is read). A new session (another tab, a reload, another replica) starts
  its clock at the login itself: a login older than the limit has to be renewed.
* Nothing of a person's data is read before the gate has passed: :func:`gate` stops the page otherwise.
"""

from __future__ import annotations

import hashlib
import inspect
import math
import os
import time
from collections.abc import Mapping
from typing import Any

import streamlit as st

from spoor2.render.text import md_escape

#: Session keys of the login (``_``-keys: the frame's own bookkeeping, kept when /my-data forgets state).
LAST_ACTIVITY_KEY = "_auth_last_activity"
STORE_KEY = "_auth_store"
DEFAULT_IDLE_MINUTES = 30
IDLE_ENV = "SPOOR2_IDLE_MINUTES"
#: The keys of the buttons on the "logged out for inactivity" page: "Log in again", "Log out".
EXPIRED_BUTTONS = ("auth_login_again", "auth_logout_expired")


# --- pure rules -----------------------------------------------------------------------------------


def owner_id_for(issuer: str, subject: str) -> str:
    """The owner id of a person: SHA-256 of ``issuer`` NUL ``subject``, hex (64 characters).

    >>> owner_id_for("https://idp.example", "42") == owner_id_for("https://idp.example", "42")
    True
    >>> owner_id_for("https://a.example", "42") == owner_id_for("https://b.example", "42")
    False
    """
    if not issuer or not subject:
        raise ValueError("an identity needs an issuer and a subject")
    return hashlib.sha256(f"{issuer}\0{subject}".encode()).hexdigest()


def login_name(claims: Mapping[str, Any]) -> str:
    """What an adviser grant names a person by: the e-mail address, else the preferred user name, else ``sub``."""
    for claim in ("email", "preferred_username", "sub"):
        value = claims.get(claim)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def idle_expired(last: float | None, now: float, minutes: float) -> bool:
    """Whether a session whose last interaction was at ``last`` (seconds) is past the idle limit at ``now``.

    Exactly ``minutes`` after the last interaction still counts as active; one second later it has expired.
    A session without a known last interaction (``None``) has not expired.
    """
    if last is None:
        return False
    return now - last > minutes * 60


def idle_minutes(environ: Mapping[str, str] | None = None) -> float:
    """The idle limit in minutes: ``$SPOOR2_IDLE_MINUTES``, a number of minutes > 0, else 30.

    A decimal number is allowed (``0.25`` is 15 seconds: the hosted browser test waits that long, not a
    minute); ``0``, a negative number, ``nan``, ``inf`` or text fall back to the default 30.

    >>> idle_minutes({"SPOOR2_IDLE_MINUTES": "15"}), idle_minutes({"SPOOR2_IDLE_MINUTES": "0.25"})
    (15.0, 0.25)
    >>> idle_minutes({"SPOOR2_IDLE_MINUTES": "0"}), idle_minutes({"SPOOR2_IDLE_MINUTES": "inf"}), idle_minutes({})
    (30.0, 30.0, 30.0)
    """
    raw = (environ if environ is not None else os.environ).get(IDLE_ENV, "").strip()
    try:
        value = float(raw)
    except ValueError:
        return float(DEFAULT_IDLE_MINUTES)
    return value if math.isfinite(value) and value > 0 else float(DEFAULT_IDLE_MINUTES)


def minutes_text(minutes: float, lang: str) -> str:
    """The idle limit as the message shows it: ``30``, or ``0.25`` (``0,25`` in Dutch).

    >>> minutes_text(30.0, "en"), minutes_text(0.25, "en"), minutes_text(0.25, "nl")
    ('30', '0.25', '0,25')
    """
    shown = f"{minutes:g}"
    return shown.replace(".", ",") if lang == "nl" else shown


def session_start(claims: Mapping[str, Any], now: float) -> float:
    """When a new session's idle clock starts: the login time (``iat``) of the identity, else ``now``."""
    issued = claims.get("iat")
    if isinstance(issued, int | float) and not isinstance(issued, bool) and 0 < issued <= now:
        return float(issued)
    return now


# --- Streamlit ------------------------------------------------------------------------------------


_HOSTED_KEY = "_hosted_mode"


def hosted() -> bool:
    """Whether the portal runs for an organisation: ``secrets.toml`` has an ``[auth]`` section.

    Read once per session: without a secrets file (the local mode) Streamlit looks for one on every question
    (~0.5 ms, twice per run). A new session sees a changed file.
    """
    known = st.session_state.get(_HOSTED_KEY)
    if known is None:
        try:
            known = "auth" in st.secrets
        except Exception:
            known = False
        st.session_state[_HOSTED_KEY] = known
    return bool(known)


def _claims() -> dict[str, Any]:
    return dict(st.user.to_dict())


def logged_in() -> bool:
    return bool(st.user.get("is_logged_in"))


def current_owner() -> tuple[str, str]:
    """``(owner id, login)`` of the person logged in (hosted mode, after :func:`gate`)."""
    claims = _claims()
    return owner_id_for(str(claims.get("iss", "")), str(claims.get("sub", ""))), login_name(claims)


def _tr(key: str, **params: object) -> str:
    from ui.frame import tr  # the frame imports this module: a late import keeps one direction at load time

    return tr(key, **params)


def _footer() -> None:
    from ui.frame import legal_footer

    legal_footer()


def _welcome() -> None:
    """The page before login: what the portal is, that the data stays private, and "Log in"."""
    st.title(_tr("auth.welcome.title"))
    st.markdown(_tr("auth.welcome.body"))
    st.markdown(_tr("auth.welcome.privacy"))
    if st.button(_tr("auth.login"), type="primary", icon=":material/login:", key="auth_login"):
        st.login()
    _footer()
    st.stop()


def _expired(minutes: float) -> None:
    """The idle timeout: forget the session's data views and ask to log in again (nothing is read)."""
    for key in list(st.session_state.keys()):
        # the buttons below keep their state: the click on "Log in again" comes in a run that is still
        # past the limit, and a deleted button state would turn that click into nothing
        if key not in ("lang", "lang_choice", "_lang_param_seen", *EXPIRED_BUTTONS):
            del st.session_state[key]
    st.title(_tr("auth.expired.title"))
    from ui.frame import lang

    st.info(_tr("auth.expired.body", minutes=minutes_text(minutes, lang())), icon=":material/lock_clock:")
    left, right = st.columns(2)
    if left.button(_tr("auth.login_again"), type="primary", icon=":material/login:", key=EXPIRED_BUTTONS[0]):
        st.login()
    if right.button(_tr("auth.logout"), icon=":material/logout:", key=EXPIRED_BUTTONS[1]):
        st.logout()
    _footer()
    st.stop()


def _sidebar(login: str) -> None:
    with st.sidebar:
        st.caption(_tr("auth.logged_in_as", login=md_escape(login)))
        if st.button(_tr("auth.logout"), icon=":material/logout:", key="auth_logout"):
            for key in list(st.session_state.keys()):
                del st.session_state[key]
            st.logout()


def gate(now: float | None = None) -> None:
    """In hosted mode: stop the page unless someone is logged in and active. Local mode: nothing."""
    if not hosted():
        return
    if not logged_in():
        _welcome()
    claims = _claims()
    if not claims.get("iss") or not claims.get("sub"):
        st.error(_tr("auth.no_identity"), icon=":material/error:")
        if st.button(_tr("auth.logout"), key="auth_logout_no_identity"):
            st.logout()
        st.stop()
    moment = time.time() if now is None else now
    minutes = idle_minutes()
    last = st.session_state.get(LAST_ACTIVITY_KEY)
    if last is None:
        last = session_start(claims, moment)
    if idle_expired(last, moment, minutes):
        _expired(minutes)
    st.session_state[LAST_ACTIVITY_KEY] = moment
    _sidebar(login_name(claims))


def person_store(shared: Any) -> Any:
    """The logged-in person's view over the shared store (``Store.for_owner``), kept for the session.

    Hosted mode needs a database server: an SQLite file is refused with a message (``SPOOR2_HOSTED_SQLITE=1``
    allows it for tests and the demonstration only), since only PostgreSQL walls people off in the database.
    """
    if str(shared.url).startswith("sqlite") and os.environ.get("SPOOR2_HOSTED_SQLITE") != "1":
        st.error(_tr("auth.hosted_sqlite"), icon=":material/error:")
        _footer()
        st.stop()
    owner_id, login = current_owner()
    kept = st.session_state.get(STORE_KEY)
    if kept is not None and kept[0] == owner_id and kept[1] is shared:
        return kept[2]
    if "login" in inspect.signature(shared.for_owner).parameters:
        view = shared.for_owner(owner_id, login=login)
    else:  # a store without adviser grants (before migration 12): the owner alone
        view = shared.for_owner(owner_id)
    st.session_state[STORE_KEY] = (owner_id, shared, view)
    return view
