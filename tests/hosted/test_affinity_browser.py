"""The hosted mode in Chromium WITHOUT session affinity (nginx round-robin over two replicas), and the idle
timeout end to end. Both on one stack of their own: ``Stack(affinity=False)``.

**Uploads need affinity — and this test can fail.** ``tests/hosted/test_auth_browser.py`` uploads through
nginx with ``ip_hash`` and every upload works. Here ``ip_hash`` is taken out: an upload is an HTTP
``PUT /_stcore/upload_file/<session id>/<file id>``, and Streamlit keeps the session (and its uploaded
files) in the memory of the ONE replica whose WebSocket carries it; the other replica answers
``400 Invalid session_id`` (Streamlit's own message names missing sticky sessions).

It is made deterministic, not "fails with probability 1 - 2^-N": nginx's round-robin over two servers of
equal weight with one worker process alternates strictly, request by request, over the whole upstream —
the health check location uses the same upstream and names the replica that answered
(``X-Spoor2-Replica``). So the test *aims*: it asks ``/_stcore/health`` until replica A answered, and
then the next request through nginx — the browser's upload, the only HTTP request an upload makes (the
upload URL comes over the WebSocket) — goes to replica B. The previous file is removed first (its
``DELETE`` is a request of its own, sent before aiming); an attempt counts only when the page made no
other request after the aim (the first upload also fetches its JavaScript code: that attempt is made
again). One upload aimed at each replica: whichever holds the session, exactly one upload reaches the
other and fails, and the other one works. The nginx access log confirms where each ``PUT`` went.

**Idle timeout.** After that test the replicas restart with ``SPOOR2_IDLE_MINUTES=0.25`` (the upload test
runs with the default, so a slow machine cannot log it out). A person who does nothing for 17 seconds
gets "You have been logged out" on the next interaction, no data on the page, and must log in again;
logging in brings their data back. (This found a bug: "Log in again" did nothing, see ``ui/auth.py``.)
"""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Iterator

import pytest

from deploy.demo.stack import Stack
from spoor2.i18n import t
from tests.support.browser import wait_for_app
from tests.support.hosted import (  # noqa: F401
    CSV,
    IMPORT_UPLOADER,
    chromium,
    log_in,
    new_tab,
    open_tracker_files,
    page_has,
    running_stack,
    wait_for_text,
)

pytestmark = pytest.mark.browser
LANG = "en"
IDLE_MINUTES = 0.25
UPLOAD_PATH = "/_stcore/upload_file/"


@pytest.fixture(scope="module")
def round_robin_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    yield from running_stack(tmp_path_factory.mktemp("round-robin"), affinity=False)


_tab = new_tab


def _logged_in_on(tab, stack: Stack, path: str, subject: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(f"{stack.url}/{path}?lang={LANG}")
    wait_for_app(tab)
    tab.get_by_text(t(LANG, "auth.welcome.title")).wait_for()
    log_in(tab, stack, subject, t(LANG, "auth.login"))
    tab.goto(f"{stack.url}/{path}?lang={LANG}")
    wait_for_app(tab)
    tab.get_by_text(t(LANG, "auth.logged_in_as", login="").strip()).first.wait_for()


def _answered_by(stack: Stack) -> int:
    with urllib.request.urlopen(f"{stack.url}/_stcore/health", timeout=5) as response:
        return int(response.headers["X-Spoor2-Replica"].rsplit(":", 1)[1])


def _aim_at(stack: Stack, port: int) -> None:
    """Make nginx's round-robin send the NEXT request to replica ``port`` (two replicas: they alternate)."""
    other = next(p for p in stack.replica_ports if p != port)
    for _ in range(3):
        if _answered_by(stack) == other:
            return
    raise AssertionError("nginx does not alternate between the two replicas (is ip_hash still on?)")


def _both_replicas_behind_nginx(stack: Stack, seconds: float = 60) -> None:
    """Wait until nginx sends requests to both replicas again (after a restart it rests a failed one 10 s)."""
    deadline = time.monotonic() + seconds
    answered: set[int] = set()
    while answered != set(stack.replica_ports):
        if time.monotonic() > deadline:
            raise AssertionError(f"nginx does not reach both replicas again (only {answered})")
        try:
            answered.add(_answered_by(stack))
        except OSError:  # 502 while nginx rests both
            answered.clear()
            time.sleep(0.5)


def _remove_files(tab) -> None:  # type: ignore[no-untyped-def]
    """Empty /tracker's import uploader (an uploaded file's removal is a DELETE request of its own)."""
    chips = tab.locator(f"{IMPORT_UPLOADER} [data-testid=stFileChipDeleteBtn]")
    while chips.count():
        chips.first.click()
        wait_for_app(tab)
    tab.get_by_text(t(LANG, "tracker.import.preview", rows=1)).first.wait_for(state="detached")


def _aimed_upload(tab, stack: Stack, port: int, number: int) -> tuple[int, str, list[str]]:  # type: ignore[no-untyped-def]
    """Upload a small activity CSV with nginx aimed at replica ``port``.

    Returns the upload's status and answer, and every request the page made from the aiming on. The aim
    holds only when the upload was that first request; a first upload also fetches its JavaScript code.
    """
    path = stack.folder / f"upload-{number}.csv"
    path.write_text(CSV.replace("Assen", f"Assen {number}"), encoding="utf-8")
    requests: list[str] = []

    def seen(request) -> None:  # type: ignore[no-untyped-def]
        requests.append(f"{request.method} {request.url}")

    tab.on("request", seen)
    _aim_at(stack, port)
    is_upload = lambda response: UPLOAD_PATH in response.url and response.request.method == "PUT"  # noqa: E731
    with tab.expect_response(is_upload) as answer:
        tab.locator(f"{IMPORT_UPLOADER} input[type=file]").set_input_files(str(path))
    tab.remove_listener("request", seen)
    return answer.value.status, answer.value.text(), requests


def _upstreams_of_puts(stack: Stack) -> list[int]:
    """The replica (port) nginx sent each upload to, in order (``deploy/demo/stack.py``'s access log)."""
    log = (stack.folder / "nginx-access.log").read_text(encoding="utf-8")
    return [int(line.rsplit(":", 1)[1]) for line in log.splitlines() if f'"PUT {UPLOAD_PATH}' in line]


def test_without_affinity_an_upload_to_the_other_replica_fails(chromium, round_robin_stack):  # noqa: F811
    stack = round_robin_stack
    tab = _tab(chromium)
    _logged_in_on(tab, stack, "tracker", "anna")
    open_tracker_files(tab)
    preview = t(LANG, "tracker.import.preview", rows=1)

    status_at: dict[int, int] = {}
    for port in stack.replica_ports:
        for _attempt in range(3):  # an attempt counts when the upload was the only request after aiming
            _remove_files(tab)
            status, answer, requests = _aimed_upload(tab, stack, port, len(_upstreams_of_puts(stack)) + 1)
            if len(requests) == 1 and requests[0].startswith(f"PUT {stack.url}{UPLOAD_PATH}"):
                break
            wait_for_app(tab)
        else:
            raise AssertionError(f"the page made other requests with each upload: {requests}")
        wait_for_app(tab)
        status_at[port] = status
        if status == 204:  # the replica holding the session: the app got the file
            tab.get_by_text(preview).first.wait_for()
        else:  # the other replica does not know the session
            assert status == 400 and "Invalid session_id" in answer and "sticky sessions" in answer
            assert not page_has(tab, preview)

    # the aim held: each replica got the last upload aimed at it (nginx's own log)
    assert _upstreams_of_puts(stack)[-2:] == stack.replica_ports
    # whichever replica holds the session, the upload to the other one failed, and only that one
    assert sorted(status_at.values()) == [204, 400]
    assert "Traceback" not in tab.content()


def _add_activity(tab, organisation: str) -> None:  # type: ignore[no-untyped-def]
    tab.get_by_label(t(LANG, "tracker.field.organisation")).first.fill(organisation)
    tab.get_by_role("button", name=t(LANG, "tracker.add.submit")).click()
    wait_for_app(tab)
    tab.get_by_text(t(LANG, "tracker.add.added")).first.wait_for()


def _sees_own_data(tab, stack: Stack, subject: str, organisation: str) -> None:  # type: ignore[no-untyped-def]
    """Log in again and see ``organisation`` on /tracker, within one idle limit.

    A machine slower than the limit (15 seconds from the login to the page) expires this view before the
    test even waits; then it logs in once more: the proof is the wait *after* the data was on screen.
    """
    for _ in range(3):
        log_in(tab, stack, subject, t(LANG, "auth.login_again"))
        tab.goto(f"{stack.url}/tracker?lang={LANG}")
        wait_for_app(tab)
        states = [t(LANG, "auth.expired.title"), organisation]
        try:
            tab.wait_for_function(
                "ts => ts.some(x => document.body.textContent.includes(x))", arg=states, timeout=60_000
            )
        except Exception:
            tab.screenshot(path=str(stack.folder / "failed-own-data.png"), full_page=True)
            raise
        if not page_has(tab, t(LANG, "auth.expired.title")):
            return
    raise AssertionError("the machine is slower than the idle limit: no view of the data lasted")


def test_after_the_idle_limit_the_next_interaction_logs_out_and_shows_no_data(chromium, round_robin_stack):  # noqa: F811
    stack = round_robin_stack
    organisation = "Bibliotheek Drenthe"
    tab = _tab(chromium)
    _logged_in_on(tab, stack, "tracker", "bram")
    _add_activity(tab, organisation)
    wait_for_text(tab, organisation)

    # the replicas again, now with a short idle limit (the upload test above ran with the default 30)
    stack.idle_minutes = IDLE_MINUTES
    for port in stack.replica_ports:
        stack.kill_replica(port)
        stack.start_replica(port)
    _both_replicas_behind_nginx(stack)
    tab.goto(f"{stack.url}/tracker?lang={LANG}")
    wait_for_app(tab)
    wait_for_text(tab, t(LANG, "auth.expired.title"))  # the login is older than 15 seconds by now
    assert not page_has(tab, organisation)
    _sees_own_data(tab, stack, "bram", organisation)

    time.sleep(IDLE_MINUTES * 60 + 2)  # idle past the limit (0.25 minutes: 15 seconds)
    tab.locator(".st-key-tr_tab").get_by_text(t(LANG, "tracker.tabs.files")).click()  # the next interaction

    wait_for_text(tab, t(LANG, "auth.expired.title"))
    wait_for_text(tab, t(LANG, "auth.expired.body", minutes="0.25"))
    # the page before (faded while the run goes on) is gone once the run has ended
    tab.wait_for_function("t => !document.body.textContent.includes(t)", arg=organisation)
    assert not page_has(tab, organisation)
    assert not page_has(tab, t(LANG, "auth.logged_in_as", login="bram.devries@voorbeeld.nl"))
    assert not tab.locator(IMPORT_UPLOADER).count()

    # and only a new login brings the person back to their data
    _sees_own_data(tab, stack, "bram", organisation)
    wait_for_text(tab, t(LANG, "auth.logged_in_as", login="bram.devries@voorbeeld.nl"))
    assert "Traceback" not in tab.content()
