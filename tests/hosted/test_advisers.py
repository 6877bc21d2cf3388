"""/my-data in hosted mode (AppTest, PostgreSQL as the app role): a person grants an adviser, sees the grant
and revokes it; the adviser opens a read-only view (logged for the person); bad input is a message;
the local mode shows none of it."""

from __future__ import annotations

import time
import uuid
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from spoor2.i18n import t
from spoor2.journal.entries import CheckIn
from spoor2.my_file.expert import clean_request
from spoor2.my_file.proposals import Proposal
from spoor2.my_file.view import clean_section
from spoor2.render.text import md_escape
from spoor2.store import Store
from spoor2.store import hosted as repo
from spoor2.store.journal import save_entry
from spoor2.store.my_file import add_proposal
from spoor2.store.my_file_view import save_request, save_section
from spoor2.store.tracker import add_activity
from spoor2.tracker.activities import Activity
from tests.conftest import ROOT
from tests.hosted.test_auth import AUTH, ISSUER
from tests.support.apptest import assert_no_exception, open_page, page_text
from ui.advisers import GRANT_FIELD
from ui.auth import owner_id_for


def _as(lang: str, sub: str, email: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "iss": ISSUER, "sub": sub, "email": email, "iat": int(time.time())}
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/my-data.py").run()
    assert_no_exception(at)
    return at


def _cells(at: AppTest) -> set[str]:
    return {str(cell) for frame in at.dataframe for cell in frame.value.to_numpy().ravel()}


def _button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


@pytest.fixture
def hosted_db(pg_database, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SPOOR2_DATABASE_URL", pg_database.app_url)
    return pg_database


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_grant_see_read_and_revoke(lang, hosted_db):
    tag = uuid.uuid4().hex[:8]
    person, adviser = (f"anna-{tag}", f"anna-{tag}@voorbeeld.nl"), (f"adv-{tag}", f"adv-{tag}@vakbond.example")
    organisation = f"Thuiszorg Zonnebloem {tag}"
    store = Store(hosted_db.app_url).for_owner(owner_id_for(ISSUER, person[0]), login=person[1])
    day = date(2026, 11, 2)
    add_activity(
        store, Activity(id=uuid.uuid4().hex, activity_date=day, type="vacancy_application", organisation=organisation)
    )
    # the file: a proposal, the person's view on one element, an expert-request draft; and a private journal
    offer = f"Planner bij {organisation}, 20 uur"
    add_proposal(
        store, Proposal(id=uuid.uuid4().hex, made_on=day, to_whom="employer", kind="task_or_job", what=offer), day
    )
    save_section(store, clean_section("job", "disagree", f"Niet mijn werk {tag}", day, day))
    save_request(store, clean_request("effort", f"Heeft mijn werkgever genoeg gedaan? {tag}", [], ()))
    secret = f"Vandaag heel moe {tag}"
    save_entry(store, CheckIn(day=day, part="evening", energy=2, active_hours=1.0, note=secret))

    at = _as(lang, *person)
    assert t(lang, "advisers.title") in [h.value for h in at.header]
    assert t(lang, "advisers.none") in page_text(at)
    at.text_input(key=GRANT_FIELD).input(adviser[1].upper())  # a login is compared without case
    _button(at, t(lang, "advisers.grant")).click().run()
    assert_no_exception(at)
    assert t(lang, "advisers.granted", login=md_escape(adviser[1])) in page_text(at)
    assert [g.adviser_login for g in repo.list_grants(store)] == [adviser[1]]
    assert at.text_input(key=GRANT_FIELD).value == ""  # the field is empty again
    at.text_input(key=GRANT_FIELD).input(adviser[1])  # the same grant sent again (a double click)
    _button(at, t(lang, "advisers.grant")).click().run()
    assert [g.adviser_login for g in repo.list_grants(store)] == [adviser[1]]

    seen = _as(lang, *adviser)
    assert t(lang, "advisers.given_title") in [h.value for h in seen.header]
    seen.button(key=f"adv_open_{store.owner_id}").click().run()
    assert_no_exception(seen)
    assert organisation in _cells(seen)
    shown = page_text(seen)
    assert t(lang, "advisers.what.file") in shown and t(lang, "my_file_view.whole.proposals_title") in shown
    assert offer in shown and f"Niet mijn werk {tag}" in shown and f"genoeg gedaan? {tag}" in shown
    assert secret not in shown  # the journal is never the adviser's
    assert {r.what for r in repo.list_reads(store)} >= {"opened", "timeline", "activities", "file"}

    at = _as(lang, *person)
    assert adviser[1] in page_text(at)  # the read log names the adviser
    at.button(key=f"adv_revoke_{adviser[1]}").click().run()
    assert_no_exception(at)
    assert not [g for g in repo.list_grants(store) if g.active]
    gone = _as(lang, *adviser)
    assert t(lang, "advisers.given_title") not in [h.value for h in gone.header]
    assert organisation not in _cells(gone)
    assert offer not in page_text(gone) and f"Niet mijn werk {tag}" not in page_text(gone)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_bad_login_is_a_message_and_grants_nothing(lang, hosted_db):
    tag = uuid.uuid4().hex[:8]
    at = _as(lang, f"p-{tag}", f"p-{tag}@voorbeeld.nl")
    at.text_input(key=GRANT_FIELD).input('=HYPERLINK("x") two words')
    _button(at, t(lang, "advisers.grant")).click().run()
    assert_no_exception(at)
    assert t(lang, "error.adviser_login_invalid", maximum=254) in page_text(at)
    at.text_input(key=GRANT_FIELD).input(f"p-{tag}@voorbeeld.nl")  # oneself
    _button(at, t(lang, "advisers.grant")).click().run()
    assert t(lang, "error.adviser_login_is_you") in page_text(at)
    store = Store(hosted_db.app_url).for_owner(owner_id_for(ISSUER, f"p-{tag}"), login=f"p-{tag}@voorbeeld.nl")
    assert repo.list_grants(store) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_local_mode_has_no_adviser_section(lang):
    at = open_page("my-data.py", lang=lang)
    assert_no_exception(at)
    headers = [h.value for h in at.header]
    assert t(lang, "advisers.title") not in headers and t(lang, "advisers.given_title") not in headers
