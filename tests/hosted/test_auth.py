"""Login (hosted mode): the owner id from issuer + subject, the idle timeout at its boundary, the gate
before login, and the local mode unchanged without an ``[auth]`` section."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from spoor2.i18n import t
from spoor2.render.text import md_escape
from spoor2.store import Store
from tests.conftest import ROOT
from tests.support.apptest import assert_no_exception, open_page, page_text
from ui.auth import (
    LAST_ACTIVITY_KEY,
    idle_expired,
    idle_minutes,
    login_name,
    owner_id_for,
    session_start,
)
from ui.frame import PAGES

AUTH = {
    "redirect_uri": "http://127.0.0.1:8600/oauth2callback",
    "cookie_secret": "a-test-secret-that-is-long-enough-0123456789",
    "client_id": "spoor2",
    "client_secret": "not-a-secret",
    "server_metadata_url": "http://127.0.0.1:9400/.well-known/openid-configuration",
}
ISSUER = "http://127.0.0.1:9400"


# --- owner id and login ---------------------------------------------------------------------------


def test_the_owner_id_is_a_sha256_of_issuer_and_subject():
    owner = owner_id_for(ISSUER, "anna")
    assert len(owner) == 64 and all(c in "0123456789abcdef" for c in owner)
    assert owner == owner_id_for(ISSUER, "anna")
    assert owner != owner_id_for(ISSUER, "bram")


def test_two_issuers_with_the_same_subject_are_two_owners():
    assert owner_id_for("https://idp.vakbond.example", "42") != owner_id_for("https://idp.juridisch.example", "42")


def test_issuer_and_subject_cannot_be_shifted_into_each_other():
    # without the separator "ab"+"c" and "a"+"bc" would be the same person
    assert owner_id_for("https://a.example/ab", "c") != owner_id_for("https://a.example/a", "bc")


def test_an_identity_without_issuer_or_subject_has_no_owner():
    with pytest.raises(ValueError):
        owner_id_for("", "anna")
    with pytest.raises(ValueError):
        owner_id_for(ISSUER, "")


def test_a_changed_email_keeps_the_owner_and_changes_only_the_login():
    before = {"iss": ISSUER, "sub": "anna", "email": "anna@oud.example"}
    after = {"iss": ISSUER, "sub": "anna", "email": "anna@nieuw.example"}
    assert owner_id_for(before["iss"], before["sub"]) == owner_id_for(after["iss"], after["sub"])
    assert login_name(before) == "anna@oud.example" and login_name(after) == "anna@nieuw.example"


def test_the_login_is_the_email_else_the_preferred_username_else_the_subject():
    assert login_name({"sub": "s1", "preferred_username": "anna", "email": "a@x.example"}) == "a@x.example"
    assert login_name({"sub": "s1", "preferred_username": "anna", "email": "  "}) == "anna"
    assert login_name({"sub": "s1"}) == "s1"


# --- idle timeout: before / on / after the limit -------------------------------------------------


@pytest.mark.parametrize(
    ("seconds_idle", "expired"),
    [(30 * 60 - 1, False), (30 * 60, False), (30 * 60 + 1, True), (0, False), (-5, False)],
)
def test_the_idle_limit_at_its_boundary(seconds_idle, expired):
    last = 1_780_000_000.0
    assert idle_expired(last, last + seconds_idle, 30) is expired


def test_a_session_without_a_last_interaction_has_not_expired():
    assert idle_expired(None, 1_780_000_000.0, 30) is False


@pytest.mark.parametrize(
    ("value", "minutes"), [("", 30), ("15", 15), ("1", 1), ("0", 30), ("-3", 30), ("half an hour", 30)]
)
def test_the_idle_limit_is_configurable(value, minutes):
    assert idle_minutes({"SPOOR2_IDLE_MINUTES": value}) == minutes
    assert idle_minutes({}) == 30


@pytest.mark.parametrize(
    ("value", "minutes"),
    [("0.25", 0.25), (" 0.2 ", 0.2), ("1.5", 1.5), ("0.01", 0.01), ("2e-1", 0.2), ("45", 45)],
)
def test_the_idle_limit_may_be_a_decimal_number_of_minutes(value, minutes):
    assert idle_minutes({"SPOOR2_IDLE_MINUTES": value}) == minutes


@pytest.mark.parametrize(
    "junk", ["0", "0.0", "-0", "-1", "-0.5", "abc", "nan", "NaN", "inf", "-inf", "Infinity", "0,25", "1 minute"]
)
def test_an_idle_limit_that_is_not_a_number_of_minutes_above_zero_falls_back_to_30(junk):
    assert idle_minutes({"SPOOR2_IDLE_MINUTES": junk}) == 30


@pytest.mark.parametrize(("seconds_idle", "expired"), [(14, False), (15, False), (16, True)])
def test_a_decimal_idle_limit_at_its_boundary(seconds_idle, expired):
    last = 1_780_000_000.0
    assert idle_expired(last, last + seconds_idle, 0.25) is expired


def test_a_new_session_starts_its_clock_at_the_login():
    now = 1_780_000_000.0
    assert session_start({"iat": now - 600}, now) == now - 600
    assert session_start({}, now) == now
    assert session_start({"iat": now + 600}, now) == now  # a clock ahead of ours: from now
    assert session_start({"iat": True}, now) == now


# --- the pages ------------------------------------------------------------------------------------


def _hosted(lang: str, user: dict | None = None, state: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.secrets["auth"] = AUTH
    at.user = user if user is not None else {"is_logged_in": False}
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.query_params["lang"] = lang
    return at.run()


def _person(sub: str = "anna", email: str = "anna@vakbond.example", iat: float | None = None) -> dict:
    return {"is_logged_in": True, "iss": ISSUER, "sub": sub, "email": email, "iat": int(iat or time.time())}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_local_mode_shows_no_login(lang):
    at = open_page(None, lang=lang)
    assert_no_exception(at)
    labels = [b.label for b in at.button]
    assert t(lang, "auth.login") not in labels and t(lang, "auth.logout") not in labels
    assert t(lang, "auth.welcome.title") not in page_text(at)
    assert len(at.sidebar.get("page_link")) == len(PAGES)  # the navigation, as always


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_before_login_the_portal_explains_itself_and_reads_no_data(lang, data_dir, monkeypatch):
    database = data_dir / "hosted.sqlite3"
    monkeypatch.setenv("SPOOR2_DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("SPOOR2_HOSTED_SQLITE", "1")
    at = _hosted(lang)
    assert_no_exception(at)
    text = page_text(at)
    assert t(lang, "auth.welcome.title") in text and t(lang, "auth.welcome.privacy") in text
    assert [b.label for b in at.button] == [t(lang, "auth.login")]
    assert [title.value for title in at.title] == [t(lang, "auth.welcome.title")]  # one heading: the page's waits
    assert not database.exists()  # no store was opened, so nothing was read
    assert not at.sidebar.get("page_link")  # no navigation into pages before login


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_first_login_creates_the_owner_and_shows_who_is_logged_in(lang, data_dir, monkeypatch):
    database = data_dir / "hosted.sqlite3"
    monkeypatch.setenv("SPOOR2_DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("SPOOR2_HOSTED_SQLITE", "1")
    at = _hosted(lang, _person())
    assert_no_exception(at)
    at.switch_page("pages/my-data.py").run()
    assert_no_exception(at)
    assert [title.value for title in at.title] == [t(lang, "nav.my_data")]  # the page's heading, after the gate
    shown = t(lang, "auth.logged_in_as", login=md_escape("anna@vakbond.example"))  # Markdown: escaped
    assert shown in [c.value for c in at.sidebar.caption]
    assert t(lang, "auth.logout") in [b.label for b in at.sidebar.button]
    with Store(database).read() as conn:
        owners = {row[0] for row in conn.execute(text("SELECT id FROM owners"))}
    assert owner_id_for(ISSUER, "anna") in owners
    assert "anna@vakbond.example" not in owners


def test_hosted_mode_on_the_sqlite_default_is_refused_with_a_message(data_dir):
    at = _hosted("nl", _person())
    at.switch_page("pages/my-data.py").run()
    assert_no_exception(at)
    assert t("nl", "auth.hosted_sqlite") in page_text(at)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("idle", "expired"), [(29 * 60, False), (30 * 60 - 2, False), (31 * 60, True)])
def test_the_idle_timeout_logs_out_on_the_next_interaction(lang, idle, expired, data_dir, monkeypatch):
    monkeypatch.setenv("SPOOR2_DATABASE_URL", f"sqlite:///{data_dir / 'hosted.sqlite3'}")
    monkeypatch.setenv("SPOOR2_HOSTED_SQLITE", "1")
    at = _hosted(lang, _person(), {LAST_ACTIVITY_KEY: time.time() - idle})
    assert_no_exception(at)
    text = page_text(at)
    body = t(lang, "auth.expired.body", minutes=30)
    if expired:
        assert body in text and t(lang, "auth.login_again") in [b.label for b in at.button]
        assert not at.sidebar.get("page_link")
    else:
        assert body not in text and at.sidebar.get("page_link")
        assert at.session_state[LAST_ACTIVITY_KEY] > time.time() - 60  # the clock starts again


def test_a_new_session_with_an_old_login_has_to_log_in_again(data_dir, monkeypatch):
    monkeypatch.setenv("SPOOR2_DATABASE_URL", f"sqlite:///{data_dir / 'hosted.sqlite3'}")
    monkeypatch.setenv("SPOOR2_HOSTED_SQLITE", "1")
    monkeypatch.setenv("SPOOR2_IDLE_MINUTES", "10")
    at = _hosted("en", _person(iat=time.time() - 11 * 60))
    assert t("en", "auth.expired.body", minutes=10) in page_text(at)
    fresh = _hosted("en", _person(iat=time.time() - 9 * 60))
    assert t("en", "auth.expired.body", minutes=10) not in page_text(fresh)


@pytest.mark.parametrize(("lang", "shown"), [("en", "0.25"), ("nl", "0,25")])
def test_a_decimal_idle_limit_is_shown_as_the_language_writes_it(lang, shown, data_dir, monkeypatch):
    monkeypatch.setenv("SPOOR2_DATABASE_URL", f"sqlite:///{data_dir / 'hosted.sqlite3'}")
    monkeypatch.setenv("SPOOR2_HOSTED_SQLITE", "1")
    monkeypatch.setenv("SPOOR2_IDLE_MINUTES", "0.25")
    at = _hosted(lang, _person(), {LAST_ACTIVITY_KEY: time.time() - 16})
    assert_no_exception(at)
    assert t(lang, "auth.expired.body", minutes=shown) in page_text(at)
    assert not at.sidebar.get("page_link")


def test_log_in_again_on_the_expired_page_reaches_the_login(data_dir, monkeypatch):
    """The click comes in a run that is still past the limit: the button's state must survive the clean-up.

    AppTest has no identity provider, so ``st.login`` raises its configuration error: that error, raised
    from the expired page's button, is the proof that the click got through (it used to do nothing)."""
    monkeypatch.setenv("SPOOR2_DATABASE_URL", f"sqlite:///{data_dir / 'hosted.sqlite3'}")
    monkeypatch.setenv("SPOOR2_HOSTED_SQLITE", "1")
    at = _hosted("en", _person(iat=time.time() - 3600), {LAST_ACTIVITY_KEY: time.time() - 3600})
    assert not at.exception
    at.button(key="auth_login_again").click().run()
    assert at.exception and "st.login()" in at.exception[0].stack_trace[-1]
