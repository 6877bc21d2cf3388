"""The hosted set-up for browser tests: PostgreSQL (D1's fixture logic), the mock identity provider,
two replicas and nginx — ``deploy/demo/stack.py``, the same code as ``make hosted-demo``, on free ports.

Outside CI the tests skip with a visible reason when Chromium, nginx or PostgreSQL is missing; under
``CI=true`` a missing prerequisite fails.
"""

from __future__ import annotations

import shutil
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy.demo.stack import NGINX, Stack
from tests.support.browser import CHROMIUM_ARGS, require_chromium, wait_for_app
from tests.support.postgres import BIN
from tests.support.skips import skip_unless_ci


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_hosted_tools() -> None:
    require_chromium()
    if not (shutil.which("nginx") or Path(NGINX).exists()):
        skip_unless_ci("nginx is not installed (apt-get install nginx-light); the hosted browser tests need it")
    if not (BIN / "initdb").is_file():
        skip_unless_ci(f"PostgreSQL 15 is not installed ({BIN}); the hosted browser tests need it")


def running_stack(folder: Path, **options: object) -> Iterator[Stack]:
    """A started stack on free ports (``options``: e.g. ``affinity=False``), stopped afterwards, for a fixture."""
    require_hosted_tools()
    stack = Stack(
        folder,
        proxy_port=free_port(),
        replica_ports=[free_port(), free_port()],
        idp_port=free_port(),
        **options,  # type: ignore[arg-type]
    )
    try:
        stack.start()
    except Exception:
        stack.stop()
        raise
    yield stack
    stack.stop()


@pytest.fixture(scope="module")
def hosted_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    yield from running_stack(tmp_path_factory.mktemp("hosted"))


@pytest.fixture(scope="module")
def chromium():  # type: ignore[no-untyped-def]
    """One Chromium for a module's tabs (each tab its own context: its own cookies, its own login)."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


def new_tab(chromium):  # type: ignore[no-untyped-def]
    context = chromium.new_context(locale="en-GB", viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    return tab


def serving_replica(stack: Stack) -> int:
    """The replica nginx sends this machine's requests to (ip_hash: the browser's too)."""
    with urllib.request.urlopen(f"{stack.url}/_stcore/health", timeout=5) as response:
        return int(response.headers["X-Spoor2-Replica"].rsplit(":", 1)[1])


def log_in(tab, stack: Stack, subject: str, login_label: str) -> None:  # type: ignore[no-untyped-def]
    """Click "Log in" on the portal and answer the mock identity provider's form as ``subject``."""
    tab.get_by_role("button", name=login_label, exact=True).click()
    tab.wait_for_url(f"{stack.issuer}/**", timeout=30_000)
    tab.locator("input[name=sub]").fill(subject)
    tab.get_by_role("button", name="Authorize").click()
    tab.wait_for_url(f"{stack.url}/**", timeout=30_000)
    wait_for_app(tab)


def wait_for_text(tab, text: str, seconds: float = 30) -> None:  # type: ignore[no-untyped-def]
    """Wait until ``text`` is on the page (also inside a data grid's accessible copy)."""
    tab.wait_for_function(
        "t => document.body.innerText.includes(t) || document.body.textContent.includes(t)",
        arg=text,
        timeout=seconds * 1000,
    )


def page_has(tab, text: str) -> bool:  # type: ignore[no-untyped-def]
    time.sleep(0.5)
    return bool(tab.evaluate("t => document.body.textContent.includes(t)", text))


#: /tracker's import uploader (its key changes only after an import).
IMPORT_UPLOADER = ".st-key-tr_import_file_0"
CSV = "date,type,organisation,role,status,notes\n2026-11-03,vacancy_application,Gemeente Assen,Baliemedewerker,done,\n"


def try_upload(tab, folder: Path, number: int, seconds: float = 20) -> bool:  # type: ignore[no-untyped-def]
    """Upload a small activity CSV on /tracker's import (the tab must be open there); whether the app got it.

    The app answering with its preview ("1 rows found.") means the upload reached the session's replica.
    """
    from spoor2.i18n import t

    path = folder / f"upload-{number}.csv"
    path.write_text(CSV.replace("Assen", f"Assen {number}"), encoding="utf-8")
    tab.locator(f"{IMPORT_UPLOADER} input[type=file]").set_input_files(str(path))
    try:
        tab.get_by_text(t("en", "tracker.import.preview", rows=1)).first.wait_for(timeout=seconds * 1000)
    except Exception:
        return False
    return True


def open_tracker_files(tab) -> None:  # type: ignore[no-untyped-def]
    from spoor2.i18n import t

    tab.locator(".st-key-tr_tab").get_by_text(t("en", "tracker.tabs.files")).click()
    wait_for_app(tab)
    tab.locator(IMPORT_UPLOADER).wait_for()
