"""Load: many people at once, in browsers and as protocol clients (``make bench-load``; a benchmark, not a test).

``python -m bench.load --local --sessions 20`` — the local app (``make run``: one Streamlit server, the
SQLite store) with 20 concurrent browser sessions clicking through every page (issue 19, item 6);
``--bare`` the same walk through a bare Streamlit app with the same pages, links and headings (the floor).

``python -m bench.load --hosted --sessions 50 --minutes 5`` — the hosted mode (``make hosted-demo``'s
stack: PostgreSQL, the test identity provider, two replicas, nginx): 50 concurrent sessions, each
logging in as its own subject, adding activities on /tracker and opening pages (issue 17).

A session is either one Playwright browser context in one headless Debian Chromium (``--browsers N`` of them:
all of them for ``--local``, 5 for ``--hosted``) or a client that speaks Streamlit's own WebSocket protocol
without drawing (``bench/wsclient.py``: the same messages a browser's page sends, the same answers read; it
logs in over HTTP as a browser does). One Chromium with fifty tabs on the same two cores as the servers could
not even open them all (27 of 50 sessions' errors were its timeouts), so the many sessions that load the
servers are protocol clients and a few real browsers show what a person sees meanwhile; the two kinds are
reported apart. A session opens the app, then repeats: think (a random pause, ``--think 2-5`` seconds, as a
person reads), then one interaction — click the next page in the sidebar (every page in turn), and on /tracker
also add an activity with a name of its own. An interaction's latency runs from the click to the page
settling: the expected result is on screen (the page's heading; the app's word that the activity is stored)
and Streamlit is no longer running the script; both ends are read from the browser's own clock. For a protocol
client it runs from sending the request to the server's last message of the finished run, with the same checks
on what the server sent (the heading, the confirmation, no exception). The sessions start 5 s apart
(``--ramp``) and then all run together for ``--minutes``; opening the app (and logging in) is not an
interaction: its median is reported apart ("open"). The browser runs on the same machine as the servers, so on
a small machine it takes a good share of the cores: say so next to the figures.

Reported: p50/p95/max interaction latency (per kind too), errors (an interaction that did not settle
within ``--timeout``, an exception shown by the app, a JavaScript error in the page), rows lost (each
activity a session saw added, looked up at the end through the app's own store: ``spoor2.store``,
for that session's owner) and the peak memory (RSS) of the Streamlit process tree(s), sampled every
second.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tests.support.browser import CHROMIUM_ARGS  # the one list of flags for Debian's Chromium

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"

#: Settled: the expected text is on the page and Streamlit runs no script (no status widget, nothing stale).
SETTLED_JS = """([heading, text]) => {
  const h1 = document.querySelector('[data-testid="stMain"] h1, section.main h1, h1');
  if (!h1 || h1.innerText.trim() !== heading) return false;
  if (text && !document.body.textContent.includes(text)) return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  return performance.now();
}"""
ERROR_JS = """() => {
  const shown = document.querySelector('[data-testid="stException"]');
  if (shown) return shown.innerText.slice(0, 300);
  return document.body.innerText.includes('Traceback (most recent call last)') ? 'Traceback on the page' : '';
}"""


# --- results --------------------------------------------------------------------------------------


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)  # kind → seconds
    errors: list[str] = field(default_factory=list)
    #: owner (subject) → the organisation names of the activities the session saw added
    added: dict[str, set[str]] = field(default_factory=dict)
    #: activities whose add did not settle (they may or may not be stored: not counted as lost)
    unconfirmed: dict[str, set[str]] = field(default_factory=dict)
    logins: list[float] = field(default_factory=list)

    def record(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds)

    def all_latencies(self) -> list[float]:
        return [value for values in self.latencies.values() for value in values]


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile (``fraction`` 0.95 → p95); NaN for no values.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 0.5), percentile([1.0, 2.0, 3.0, 4.0], 0.95)
    (2.0, 4.0)
    """
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(round(fraction * len(ordered), 9)))
    return ordered[min(len(ordered), rank) - 1]


def rows_lost(added: dict[str, set[str]], stored: Callable[[str], Iterable[str]]) -> dict[str, int]:
    """Per owner, how many activities the session saw added are not in the store (``stored(owner)``
    lists that owner's organisation names, read through the app's own store)."""
    lost = {}
    for owner, names in added.items():
        missing = names - set(stored(owner))
        if missing:
            lost[owner] = len(missing)
    return lost


# --- memory ---------------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of ``pid`` and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
        todo += _children(current)
    return total


class MemorySampler(threading.Thread):
    """Samples the summed RSS of some process trees every second; ``peak`` in bytes."""

    def __init__(self, pids: Callable[[], list[int]]) -> None:
        super().__init__(daemon=True)
        self.pids = pids
        self.peak = 0
        self.loads: list[float] = []  # the machine's 1-minute load average (other work on it counts too)
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            self.peak = max(self.peak, sum(tree_rss(pid) for pid in self.pids()))
            self.loads.append(os.getloadavg()[0])
            self.stopped.wait(1.0)


# --- targets: where the sessions go -----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_health(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):  # noqa: S310 - our own 127.0.0.1
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


class LocalTarget:
    """``make run``'s app: one Streamlit server on a free port with an empty SQLite data folder."""

    hosted = False

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> None:
        port = _free_port()
        env = {**os.environ, "SPOOR2_DATA_DIR": str(self.folder / "data")}
        env.pop("SPOOR2_DATABASE_URL", None)
        args = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port)]
        args += ["--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"]
        args += ["--browser.gatherUsageStats", "false"]
        self.log = (self.folder / "streamlit.log").open("wb")
        self.process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{port}"
        _wait_health(self.url)

    def server_pids(self) -> list[int]:
        return [self.process.pid] if self.process and self.process.poll() is None else []

    def describe(self) -> str:
        return "local app (one Streamlit server, SQLite)"

    async def open(self, tab, subject: str, lang: str) -> None:  # type: ignore[no-untyped-def]
        await tab.goto(f"{self.url}/?lang={lang}", wait_until="commit")

    def stored(self, owner: str) -> list[str]:
        from spoor2.store import Store
        from spoor2.store import tracker as repo

        store = Store(self.folder / "data" / "spoor2.sqlite3")
        try:
            return [a.organisation for a in repo.iter_activities(store)]
        finally:
            store.close()

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            self.log.close()
            self.process = None


BARE_PAGE = """import streamlit as st

TEXT = {texts!r}
if "lang" not in st.session_state:
    st.session_state["lang"] = st.query_params.get("lang", "en")
lang = st.session_state["lang"]
with st.sidebar:
    for path, labels in TEXT["links"]:
        st.page_link(path, label=labels[lang])
st.title(TEXT["heading"][lang], anchor=False)
"""
BARE_TRACKER = """
with st.form("add"):
    name = st.text_input(TEXT["field"][lang])
    if st.form_submit_button(TEXT["submit"][lang]):
        with open({log!r}, "a", encoding="utf-8") as log:
            log.write(name + "\\n")
        st.success(TEXT["added"][lang])
"""


class BareTarget(LocalTarget):
    """Streamlit's floor for the same walk: an app with the same pages, URL paths, sidebar links and headings,
    each page nothing but its links and title, and on /tracker a form of one field whose "add" appends a
    line to a file. The driver clicks through it exactly as through the portal (``--bare``)."""

    def start(self) -> None:
        from spoor2.i18n import LANGS, t
        from ui.frame import PAGES

        app = self.folder / "bare"
        (app / "pages").mkdir(parents=True)
        (app / ".streamlit").mkdir()
        (app / ".streamlit" / "config.toml").write_text("[client]\nshowSidebarNavigation = false\n", encoding="utf-8")
        self.added_log = self.folder / "added.txt"
        links = [(spec.path, {code: t(code, f"nav.{spec.key}") for code in LANGS}) for spec in PAGES]
        for spec in PAGES:
            key = "common.app_name" if spec.key == "home" else f"nav.{spec.key}"
            texts = {"links": links, "heading": {code: t(code, key) for code in LANGS}}
            source = BARE_PAGE.format(texts=texts)
            if spec.key == "tracker":
                texts |= {
                    name: {code: t(code, f"tracker.{key}") for code in LANGS}
                    for name, key in (
                        ("field", "field.organisation"),
                        ("submit", "add.submit"),
                        ("added", "add.added_no_file"),
                    )
                }
                source = BARE_PAGE.format(texts=texts) + BARE_TRACKER.format(log=str(self.added_log))
            (app / spec.path).write_text(source, encoding="utf-8")
        port = _free_port()
        args = [sys.executable, "-m", "streamlit", "run", str(app / "app.py"), "--server.port", str(port)]
        args += ["--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"]
        args += ["--browser.gatherUsageStats", "false"]
        self.log = (self.folder / "streamlit.log").open("wb")
        self.process = subprocess.Popen(args, cwd=app, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{port}"
        _wait_health(self.url)

    def describe(self) -> str:
        return "bare Streamlit app: the same pages, links, headings and a one-field form (Streamlit's floor)"

    def stored(self, owner: str) -> list[str]:
        return self.added_log.read_text(encoding="utf-8").splitlines() if self.added_log.exists() else []


class HostedTarget:
    """``make hosted-demo``'s stack on free ports: PostgreSQL, the mock identity provider, N replicas, nginx.

    All sessions come from 127.0.0.1, so nginx's ``ip_hash`` would put every one on the same replica;
    the site therefore uses the affinity ``deploy/nginx/spoor2.conf`` itself names for "many people, one
    address" (``hash $cookie__streamlit_xsrf consistent``), and the replicas share the load.
    """

    hosted = True

    def __init__(self, folder: Path, replicas: int = 2) -> None:
        from deploy.demo.stack import Stack, site_config

        class CookieAffinityStack(Stack):
            def _start_nginx(self) -> None:  # deploy/demo/stack.py's, with the cookie hash for one address
                (self.folder / "nginx-temp").mkdir(exist_ok=True)
                site = self.folder / "spoor2.conf"
                text = site_config(self.proxy_port, self.replica_ports, affinity=True)
                site.write_text(text.replace("ip_hash;", "hash $cookie__streamlit_xsrf consistent;"), encoding="utf-8")
                from deploy.demo.stack import NGINX, _main_config, _wait_http

                main = self.folder / "nginx.conf"
                main.write_text(_main_config(self.folder, site), encoding="utf-8")
                args = [NGINX, "-c", str(main), "-p", str(self.folder), "-e", str(self.folder / "nginx-error.log")]
                self._spawn("nginx", [*args, "-g", "daemon off;"], {})
                _wait_http(f"{self.url}/_stcore/health")

        self.stack = CookieAffinityStack(
            folder,
            proxy_port=_free_port(),
            replica_ports=[_free_port() for _ in range(replicas)],
            idp_port=_free_port(),
            idle_minutes=60,
        )
        self.url = self.stack.url
        self.issuer = ""

    def start(self) -> None:
        try:
            self.stack.start()
        except Exception:
            self.stack.stop()
            raise
        discovery = f"{self.stack.issuer}/.well-known/openid-configuration"
        with urllib.request.urlopen(discovery, timeout=10) as answer:  # noqa: S310 - our own 127.0.0.1
            self.issuer = json.load(answer)["issuer"]  # the token's iss, from which the owner id is derived

    def server_pids(self) -> list[int]:
        return [p.pid for name, p in self.stack.processes.items() if name.startswith("replica-") and p.poll() is None]

    def describe(self) -> str:
        n = len(self.stack.replica_ports)
        return f"hosted: nginx → {n} replicas (affinity: hash $cookie__streamlit_xsrf), PostgreSQL, oidc-provider-mock"

    async def open(self, tab, subject: str, lang: str) -> None:  # type: ignore[no-untyped-def]
        """Open the portal and log in at the test identity provider as ``subject``."""
        from spoor2.i18n import t

        await tab.goto(f"{self.url}/?lang={lang}", wait_until="commit")
        await tab.get_by_role("button", name=t(lang, "auth.login"), exact=True).click()
        await tab.wait_for_url(f"{self.stack.issuer}/**", wait_until="commit")
        await tab.locator("input[name=sub]").fill(subject)
        await tab.get_by_role("button", name="Authorize").click()
        await tab.wait_for_url(f"{self.url}/**", wait_until="commit")
        # the login's redirect comes back to / without ?lang= and starts a new session: the browser's language
        # cookie (ui.frame.LANG_COOKIE) brings the session's language back
        await tab.get_by_text(t(lang, "auth.logged_in_as", login="").strip()).first.wait_for()

    def stored(self, owner: str) -> list[str]:
        from spoor2.store import Store
        from spoor2.store import tracker as repo
        from ui.auth import owner_id_for

        shared = Store(self.stack.app_url)
        try:
            view = shared.for_owner(owner_id_for(self.issuer, owner), login=owner)
            return [a.organisation for a in repo.iter_activities(view)]
        finally:
            shared.close()

    def spread(self) -> dict[str, int]:
        """How many WebSocket sessions (``/_stcore/stream``) nginx sent to each replica (its access log)."""
        counts: dict[str, int] = {}
        log = self.stack.folder / "nginx-access.log"
        for line in log.read_text(encoding="utf-8").splitlines() if log.exists() else []:
            if "/_stcore/stream" in line:
                upstream = line.rsplit("-> ", 1)[-1].strip()
                counts[upstream] = counts.get(upstream, 0) + 1
        return counts

    def stop(self) -> None:
        self.stack.stop()


# --- one person -------------------------------------------------------------------------------------


async def _settle(tab, heading: str, text: str, timeout: float) -> float:  # type: ignore[no-untyped-def]
    handle = await tab.wait_for_function(SETTLED_JS, arg=[heading, text], polling=50, timeout=timeout * 1000)
    return float(await handle.json_value())


async def _walk(number: int, args: argparse.Namespace, deadline: float, rng: random.Random, lang: str):  # type: ignore[no-untyped-def]
    """Every page in turn (from ``--first``, else spread by session number), each after a think pause, until
    the deadline: the page's spec and the heading it must show."""
    from spoor2.i18n import t
    from ui.frame import PAGES

    keys = [spec.key for spec in PAGES]
    position = keys.index(args.first) if args.first else number % len(PAGES)
    while True:
        await asyncio.sleep(rng.uniform(args.think_min, args.think_max))
        if time.monotonic() >= deadline:
            return
        spec = PAGES[position % len(PAGES)]
        position += 1
        yield spec, (t(lang, "common.app_name") if spec.key == "home" else t(lang, f"nav.{spec.key}"))


async def session(  # type: ignore[no-untyped-def]  # noqa: PLR0917
    number: int, browser, target, args: argparse.Namespace, deadline: float, results: Results
) -> None:
    from spoor2.i18n import t

    rng = random.Random(number)  # noqa: S311 - think times, not secrets
    lang = "nl" if number % 2 else "en"
    subject = f"load-{number:03d}"
    results.added.setdefault(subject, set())
    js_errors: list[str] = []
    context = await browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 1000})
    try:
        tab = await context.new_page()
        # opening (and logging in) is not an interaction: 50 fresh tabs loading Streamlit's frontend at once
        # on 2 cores take long; the measured interactions come after it
        tab.set_default_timeout(args.open_timeout * 1000)
        tab.on("pageerror", lambda error: js_errors.append(str(error)[:200]))
        start = time.monotonic()
        try:
            await target.open(tab, subject, lang)
            await _settle(tab, t(lang, "common.app_name"), "", args.open_timeout)
        except Exception as error:  # a benchmark counts what went wrong and goes on
            results.errors.append(f"{subject} open/login: {type(error).__name__}: {str(error)[:200]}")
            return
        results.logins.append(time.monotonic() - start)
        tab.set_default_timeout(args.timeout * 1000)
        added = 0
        async for spec, heading in _walk(number, args, deadline, rng, lang):
            link = tab.locator(f'[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"][href="{spec.url_path}"]')
            kind = "open page"
            try:
                begin = float(await tab.evaluate("performance.now()"))
                await link.click(timeout=args.timeout * 1000)
                end = await _settle(tab, heading, "", args.timeout)
                results.record(f"{kind} [browser]", (end - begin) / 1000)
                if spec.key == "tracker":
                    await asyncio.sleep(rng.uniform(args.think_min, args.think_max))
                    kind = "add activity"
                    added += 1
                    name = f"Load {subject} #{added}"
                    results.unconfirmed.setdefault(subject, set()).add(name)
                    field_ = tab.get_by_label(t(lang, "tracker.field.organisation")).first
                    await field_.fill(name, timeout=args.timeout * 1000)
                    begin = float(await tab.evaluate("performance.now()"))
                    await tab.get_by_role("button", name=t(lang, "tracker.add.submit")).click(
                        timeout=args.timeout * 1000
                    )
                    # the app's own word that it is stored (shown once, under the title); the table below is
                    # a data grid whose text copy is not always in the page
                    end = await _settle(tab, heading, t(lang, "tracker.add.added_no_file"), args.timeout)
                    results.record(f"{kind} [browser]", (end - begin) / 1000)
                    results.unconfirmed[subject].discard(name)
                    results.added[subject].add(name)
                shown = await tab.evaluate(ERROR_JS)
                if shown:
                    results.errors.append(f"{subject} {kind} {spec.key}: the app shows {shown!r}")
            except Exception as error:  # a benchmark counts what went wrong and goes on
                results.errors.append(f"{subject} {kind} {spec.key}: {type(error).__name__}: {str(error)[:160]}")
                if args.screenshots:
                    shot = args.screenshots / f"{subject}-{spec.key}-{len(results.errors)}.png"
                    await tab.screenshot(path=str(shot), full_page=True)
                with contextlib.suppress(Exception):  # start again from a fresh page load, as a person would
                    await tab.goto(f"{target.url}/?lang={lang}", wait_until="commit")
                    await _settle(tab, t(lang, "common.app_name"), "", args.open_timeout)
        results.errors += [f"{subject} JavaScript error: {message}" for message in js_errors]
    finally:
        await context.close()


async def _protocol_open(client, target, subject: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    from spoor2.i18n import t

    await client.connect()
    if target.hosted:
        await client.login(t(lang, "auth.login"), subject)
    run = await client.rerun()
    if run.heading() != t(lang, "common.app_name"):
        raise RuntimeError(f"opened on {run.heading()!r}")


async def protocol_session(
    number: int,
    target,
    args: argparse.Namespace,
    deadline: float,
    results: Results,  # type: ignore[no-untyped-def]
) -> None:
    """One person as a protocol client (``bench/wsclient.py``): the same walk as :func:`session`."""
    from bench.wsclient import Session
    from spoor2.i18n import t

    rng = random.Random(number)  # noqa: S311 - think times, not secrets
    lang = "nl" if number % 2 else "en"
    subject = f"load-{number:03d}"
    results.added.setdefault(subject, set())
    client = Session(target.url, lang, timeout=args.open_timeout)
    try:
        start = time.monotonic()
        try:
            await _protocol_open(client, target, subject, lang)
        except Exception as error:  # a benchmark counts what went wrong and goes on
            results.errors.append(f"{subject} open/login: {type(error).__name__}: {str(error)[:200]}")
            return
        results.logins.append(time.monotonic() - start)
        client.timeout = args.timeout
        added = 0
        async for spec, heading in _walk(number, args, deadline, rng, lang):
            kind = "open page"
            try:
                run = await client.rerun(spec.url_path.strip("/"))
                if run.exceptions:
                    raise RuntimeError(f"the app shows {run.exceptions[0]!r}")
                if run.heading() != heading:
                    raise RuntimeError(f"expected {heading!r}, the page is {run.heading()!r}")
                results.record(f"{kind} [protocol]", run.seconds)
                if spec.key == "tracker":
                    await asyncio.sleep(rng.uniform(args.think_min, args.think_max))
                    kind = "add activity"
                    added += 1
                    name = f"Load {subject} #{added}"
                    results.unconfirmed.setdefault(subject, set()).add(name)
                    field_ = run.widget("text_input", t(lang, "tracker.field.organisation"))
                    submit = run.widget("button", t(lang, "tracker.add.submit"))
                    run = await client.rerun(widgets=[client.text(field_.id, name), client.trigger(submit.id)])
                    if run.exceptions:
                        raise RuntimeError(f"the app shows {run.exceptions[0]!r}")
                    if run.heading() != heading or not run.says(t(lang, "tracker.add.added_no_file")):
                        raise RuntimeError("no confirmation that the activity is stored")
                    results.record(f"{kind} [protocol]", run.seconds)
                    results.unconfirmed[subject].discard(name)
                    results.added[subject].add(name)
            except Exception as error:  # a benchmark counts what went wrong and goes on
                results.errors.append(f"{subject} {kind} {spec.key}: {type(error).__name__}: {str(error)[:160]}")
                with contextlib.suppress(Exception):  # start again from a fresh page load, as a person would
                    client.timeout = args.open_timeout
                    await _protocol_open(client, target, subject, lang)
                    client.timeout = args.timeout
    finally:
        await client.close()


async def drive(target, args: argparse.Namespace, results: Results) -> float:  # type: ignore[no-untyped-def]
    """All sessions at once (started ``--ramp`` seconds apart in total); returns the measured seconds.

    The browser sessions are spread evenly over the start order (with 5 of 50, every tenth)."""
    from playwright.async_api import async_playwright

    browsers = min(args.browsers, args.sessions)
    in_browser = {round(i * args.sessions / browsers) for i in range(browsers)} if browsers else set()
    async with contextlib.AsyncExitStack() as stack:
        browser = None
        if in_browser:
            playwright = await stack.enter_async_context(async_playwright())
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            stack.push_async_callback(browser.close)
        begin = time.monotonic()
        deadline = begin + args.ramp + args.minutes * 60

        async def staggered(number: int) -> None:
            await asyncio.sleep(args.ramp * number / max(1, args.sessions))
            if number in in_browser:
                await session(number, browser, target, args, deadline, results)
            else:
                await protocol_session(number, target, args, deadline, results)

        await asyncio.gather(*(staggered(n) for n in range(args.sessions)))
        return time.monotonic() - begin


# --- report -------------------------------------------------------------------------------------------


def _commit() -> str:
    try:
        command = ["git", "rev-parse", "--short", "HEAD"]
        out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        return out.stdout.strip() or "?"
    except OSError:
        return "?"


def _error_kinds(errors: list[str]) -> dict[str, int]:
    """How many errors of each kind: ``open/login``, ``open page``, ``add activity``, ``app shows``, ``JavaScript``.

    >>> _error_kinds(["load-001 open/login: TimeoutError: x", "load-002 add activity tracker: the app shows 'E'"])
    {'open/login': 1, 'add activity (app shows an error)': 1}
    """
    kinds: dict[str, int] = {}
    for error in errors:
        head = error.split(": ", 1)[0].split(" ", 1)[-1]
        kind = next(
            (k for k in ("open/login", "open page", "add activity", "JavaScript error") if head.startswith(k)), head
        )
        if "the app shows" in error:
            kind += " (app shows an error)"
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def _by_client(latencies: dict[str, list[float]]) -> dict[str, list[float]]:
    """The latencies of the browser sessions and of the protocol clients, each kind together.

    >>> _by_client({"open page [browser]": [1.0], "add activity [browser]": [2.0], "open page [protocol]": [0.5]})
    {'browser': [1.0, 2.0], 'protocol': [0.5]}
    """
    grouped: dict[str, list[float]] = {}
    for kind, values in latencies.items():
        client = kind.rpartition("[")[2].rstrip("]") if kind.endswith("]") else "browser"
        grouped.setdefault(client, []).extend(values)
    return grouped


def _ram_gib() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return float("nan")


def report(  # type: ignore[no-untyped-def]  # noqa: PLR0917
    target, args: argparse.Namespace, results: Results, seconds: float, sampler, lost: dict
) -> dict:
    peak, loads = sampler.peak, sampler.loads or [float("nan")]
    every = results.all_latencies()
    summary = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {_ram_gib():.0f} GiB RAM",
        "load_average": f"{args.load_before:.1f} before, {statistics.median(loads):.1f} median / "
        f"{max(loads):.1f} max during the run (1-minute)",
        "commit": _commit(),
        "target": target.describe(),
        "sessions": args.sessions,
        "browser_sessions": min(args.browsers, args.sessions),
        "duration_s": round(seconds),
        "ramp_s": args.ramp,
        "think_s": f"{args.think_min:g}–{args.think_max:g}",
        "interactions": len(every),
        "p50_s": round(percentile(every, 0.5), 3),
        "p95_s": round(percentile(every, 0.95), 3),
        "max_s": round(max(every), 3) if every else None,
        "per_kind": {
            kind: {
                "n": len(values),
                "p50_s": round(percentile(values, 0.5), 3),
                "p95_s": round(percentile(values, 0.95), 3),
            }
            for kind, values in sorted(results.latencies.items())
        },
        "by_client": {
            client: {
                "n": len(values),
                "p50_s": round(percentile(values, 0.5), 3),
                "p95_s": round(percentile(values, 0.95), 3),
            }
            for client, values in sorted(_by_client(results.latencies).items())
        },
        "open_p50_s": round(statistics.median(results.logins), 2) if results.logins else None,
        "errors": len(results.errors),
        "errors_by_kind": _error_kinds(results.errors),
        "error_samples": results.errors[:10],
        "activities_added": sum(len(v) for v in results.added.values()),
        "activities_unconfirmed": sum(len(v) for v in results.unconfirmed.values()),
        "rows_lost": sum(lost.values()),
        "peak_server_rss_mib": round(peak / 1024 / 1024),
    }
    if target.hosted:
        summary["websocket_sessions_per_replica"] = target.spread()
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return summary


def run(args: argparse.Namespace) -> dict:
    args.load_before = os.getloadavg()[0]
    folder = Path(tempfile.mkdtemp(prefix="spoor2-load-"))
    if args.hosted:
        target = HostedTarget(folder, args.replicas)
    else:
        target = BareTarget(folder) if args.bare else LocalTarget(folder)
    results = Results()
    try:
        target.start()
        sampler = MemorySampler(target.server_pids)
        sampler.start()
        seconds = asyncio.run(drive(target, args, results))
        sampler.stopped.set()
        sampler.join()
        if args.lose_one:  # the smoke test: prove that a row missing from the store is counted
            args.lose_one(target, results)
        lost = rows_lost(results.added, target.stored)
        return report(target, args, results, seconds, sampler, lost)
    finally:
        target.stop()
        if args.keep:
            print(f"logs kept in {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--local", action="store_true", help="the local app (SQLite, no login)")
    where.add_argument("--hosted", action="store_true", help="the hosted stack (PostgreSQL, login, nginx)")
    where.add_argument("--bare", action="store_true", help="the same walk through a bare Streamlit app (the floor)")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=5, help="how long every session keeps going (after the ramp)")
    parser.add_argument("--seconds", type=float, help="the same in seconds (for the smoke test)")
    parser.add_argument("--ramp", type=float, help="seconds over which the sessions start (5 s apart, at most 300)")
    parser.add_argument("--think", default="2-5", help="a person's pause between interactions, seconds (min-max)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds an interaction may take before an error")
    parser.add_argument("--open-timeout", type=float, default=180, help="seconds to open the app (and log in)")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument(
        "--browsers", type=int, help="how many sessions run in Chromium (default: all for --local, 5 for --hosted)"
    )
    parser.add_argument("--first", help="the page key every session opens first (default: spread over the pages)")
    parser.add_argument("--json", type=Path, help="also write the summary here")
    parser.add_argument("--screenshots", type=Path, help="a folder for a screenshot of each error")
    parser.add_argument("--keep", action="store_true", help="keep the servers' logs")
    args = parser.parse_args(argv)
    if args.seconds is not None:
        args.minutes = args.seconds / 60
    if args.browsers is None:
        args.browsers = 5 if args.hosted else args.sessions
    if args.ramp is None:
        args.ramp = min(300.0, 5.0 * args.sessions)
    low, _, high = args.think.partition("-")
    args.think_min, args.think_max = float(low), float(high or low)
    args.lose_one = None
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    summary = run(args)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
