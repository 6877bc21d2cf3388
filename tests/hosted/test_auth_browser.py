"""The hosted mode end to end in Chromium: nginx in front of two replicas, PostgreSQL as the app role,
the mock identity provider. Log in, add an activity, kill the replica that served the session, come
back through the other one (the activity is there), a second person cannot see it, and adviser access:
granted → the adviser reads the activity log and the file (a proposal written on /my-file), each read logged
for the person; revoked → gone at once."""

from __future__ import annotations

import gzip
import re
import urllib.request

import pytest

from spoor2.i18n import t
from tests.support.browser import wait_for_app
from tests.support.hosted import (  # noqa: F401
    chromium,
    hosted_stack,
    log_in,
    new_tab,
    open_tracker_files,
    page_has,
    serving_replica,
    try_upload,
    wait_for_text,
)

pytestmark = pytest.mark.browser
LANG = "en"
ADVISER = "adviseur@vakbond.example"
PROPOSAL = "Werkplek bij de planning, 20 uur per week"


_tab = new_tab


def _get(url: str, *, gzip_ok: bool) -> tuple[bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=30) as response:  # the stack, on 127.0.0.1
        return response.read(), {name.lower(): value for name, value in response.headers.items()}


def test_the_proxy_compresses_streamlits_frontend_code_and_nothing_else(hosted_stack):  # noqa: F811
    """nginx gzips the content-hashed bundles Streamlit sends uncompressed (a first visit 3.6 → 1.5 MB), the
    same bytes once unpacked; never a page or an answer of the app itself (that is where a person's data is)."""
    stack = hosted_stack
    page, headers = _get(f"{stack.url}/?lang={LANG}", gzip_ok=True)
    assert "content-encoding" not in headers
    bundle = re.search(rb'src="\.?(/static/js/index\.[^"]+\.js)"', page)
    assert bundle, page[:500]
    path = bundle.group(1).decode()
    packed, headers = _get(stack.url + path, gzip_ok=True)
    assert headers.get("content-encoding") == "gzip" and "Accept-Encoding" in headers.get("vary", "")
    direct, _ = _get(f"http://127.0.0.1:{serving_replica(stack)}{path}", gzip_ok=True)
    assert gzip.decompress(packed) == direct and len(packed) < len(direct) / 2
    plain, headers = _get(stack.url + path, gzip_ok=False)
    assert "content-encoding" not in headers and plain == direct
    _, headers = _get(f"{stack.url}/_stcore/health", gzip_ok=True)
    assert "content-encoding" not in headers


def _open(tab, stack, path: str, subject: str) -> None:  # type: ignore[no-untyped-def]
    """Open ``path``; log in first when the portal asks for it (before login, or after the replica died)."""
    tab.goto(f"{stack.url}/{path}?lang={LANG}")
    wait_for_app(tab)
    states = [t(LANG, "auth.welcome.title"), t(LANG, "auth.expired.title"), t(LANG, "auth.logged_in_as", login="")]
    tab.wait_for_function("ts => ts.some(x => document.body.innerText.includes(x))", arg=states)
    for title, key in (("auth.welcome.title", "auth.login"), ("auth.expired.title", "auth.login_again")):
        if tab.evaluate("x => document.body.innerText.includes(x)", t(LANG, title)):
            button = tab.get_by_role("button", name=t(LANG, key), exact=True)
            button.wait_for()
            log_in(tab, stack, subject, t(LANG, key))
            tab.goto(f"{stack.url}/{path}?lang={LANG}")
            wait_for_app(tab)
            break
    try:
        tab.get_by_text(t(LANG, "auth.logged_in_as", login="").strip()).first.wait_for()
    except Exception:
        tab.screenshot(path=str(stack.folder / f"failed-{subject}-{path}.png"), full_page=True)
        raise


def _add_activity(tab, organisation: str, folder) -> None:  # type: ignore[no-untyped-def]
    try:
        tab.get_by_label(t(LANG, "tracker.field.organisation")).first.fill(organisation)
    except Exception:
        tab.screenshot(path=str(folder / "failed-add-activity.png"), full_page=True)
        raise
    tab.get_by_role("button", name=t(LANG, "tracker.add.submit")).click()
    wait_for_app(tab)
    tab.get_by_text(t(LANG, "tracker.add.added")).wait_for()


def test_login_failover_isolation_and_adviser_access(chromium, hosted_stack):  # noqa: F811
    stack = hosted_stack
    organisation = "Zorggroep Noorderlicht"
    anna = _tab(chromium)
    anna.goto(f"{stack.url}/tracker?lang={LANG}")
    wait_for_app(anna)
    anna.get_by_text(t(LANG, "auth.welcome.title")).wait_for()  # nobody's data before login
    _open(anna, stack, "tracker", "anna")
    _add_activity(anna, organisation, stack.folder)
    wait_for_text(anna, organisation)

    # the replica that served the session dies; the next visit goes to the other one
    served = serving_replica(stack)
    stack.kill_replica(served)
    _open(anna, stack, "tracker", "anna")
    wait_for_text(anna, organisation)
    assert serving_replica(stack) != served

    # an upload goes through the proxy to the session's replica
    open_tracker_files(anna)
    assert try_upload(anna, stack.folder, 1)

    # another person sees none of it
    bram = _tab(chromium)
    _open(bram, stack, "tracker", "bram")
    wait_for_text(bram, t(LANG, "auth.logged_in_as", login="bram.devries@voorbeeld.nl"))
    assert not page_has(bram, organisation)

    # logging out ends the session (at the identity provider too): the next visit asks for a login
    bram.get_by_role("button", name=t(LANG, "auth.logout"), exact=True).click()
    bram.wait_for_url(lambda url: not url.startswith(f"{stack.url}/tracker"), timeout=30_000)
    if bram.url.startswith(stack.issuer):
        bram.get_by_role("button", name="End session").click()
    bram.goto(f"{stack.url}/tracker?lang={LANG}")
    wait_for_app(bram)
    bram.get_by_text(t(LANG, "auth.welcome.title")).wait_for()
    assert not page_has(bram, t(LANG, "auth.logged_in_as", login="bram.devries@voorbeeld.nl"))

    # anna writes a proposal in her file (/my-file)
    _open(anna, stack, "my-file", "anna")
    anna.locator(".st-key-mf_tab").get_by_text(t(LANG, "my_file.tabs.proposals")).click()
    wait_for_app(anna)
    anna.locator(".st-key-mf_p_what textarea").fill(PROPOSAL)
    anna.locator(".st-key-mf_p_what textarea").blur()
    wait_for_app(anna)
    anna.locator(".st-key-mf_p_add button").click()
    wait_for_app(anna)
    anna.get_by_text(t(LANG, "my_file.proposal_added")).wait_for()

    # anna grants her adviser read access
    _open(anna, stack, "my-data", "anna")
    anna.get_by_role("textbox", name=t(LANG, "advisers.login_label")).fill(ADVISER)
    anna.get_by_role("button", name=t(LANG, "advisers.grant")).click()
    wait_for_app(anna)
    wait_for_text(anna, t(LANG, "advisers.granted", login=ADVISER))

    adviser = _tab(chromium)
    _open(adviser, stack, "my-data", "adviseur")
    adviser.get_by_text(t(LANG, "advisers.given_title")).wait_for()
    adviser.get_by_role("button", name=t(LANG, "advisers.open")).click()
    wait_for_app(adviser)
    wait_for_text(adviser, organisation)
    wait_for_text(adviser, t(LANG, "my_file_view.whole.proposals_title"))  # her file, read-only
    wait_for_text(adviser, PROPOSAL)

    # the reads are in anna's log
    _open(anna, stack, "my-data", "anna")
    wait_for_text(anna, f"{ADVISER} — {t(LANG, 'advisers.what.activities')}")
    wait_for_text(anna, f"{ADVISER} — {t(LANG, 'advisers.what.file')}")

    # revoked: gone at once
    anna.get_by_role("button", name=t(LANG, "advisers.revoke")).click()
    wait_for_app(anna)
    wait_for_text(anna, t(LANG, "advisers.revoked", login=ADVISER))
    _open(adviser, stack, "my-data", "adviseur")
    assert not page_has(adviser, t(LANG, "advisers.given_title"))
    assert not page_has(adviser, organisation)
    assert not page_has(adviser, PROPOSAL)
    assert "Traceback" not in anna.content() + bram.content() + adviser.content()
