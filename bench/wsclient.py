"""A Streamlit client without a browser: speaks the app's own WebSocket protocol (for ``bench/load.py``).

A browser session of Streamlit is one WebSocket (``/_stcore/stream``) carrying protobuf messages: the page
sends a ``BackMsg`` (``rerun_script``: the page, the query string, the widgets' values) and the server answers
with ``ForwardMsg``s (``new_session`` at the start of every run, a ``delta`` per element, ``script_finished``
at the end; ``auth_redirect`` when the script calls ``st.login``). This client sends the same messages the
frontend sends and reads the same answers, so fifty sessions cost the server what fifty people cost it,
while the client itself needs almost no CPU — one headless Chromium with fifty tabs on the same two cores
could not keep up (docs/benchmarks.md, "Load").

What it does not do is draw: an interaction here ends when the server has sent the whole run
(``script_finished``), not when a browser has painted it. ``bench/load.py`` therefore runs a few sessions in
real Chromium next to these and reports both kinds apart.

The login goes the way a browser's does, over HTTP with a cookie jar: the app's "Log in" button → the
``auth_redirect`` URL (``/auth/login?provider=…``) → the identity provider's form (the test provider's
``sub`` field) → ``/oauth2callback`` → the signed ``_streamlit_user`` cookie; then a new WebSocket carries it.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

XSRF_COOKIE = "_streamlit_xsrf"
FINISHED = ForwardMsg.ScriptFinishedStatus


class ProtocolError(RuntimeError):
    """The server answered something a browser would not have shown as the expected page."""


@dataclass
class Element:
    """One element of a run: its type (``heading``, ``button``, ``text_input``, ``alert``, …) and its proto."""

    kind: str
    proto: Any

    def text(self) -> str:
        """What the element says: a heading's or markdown's body, an alert's text, a widget's label."""
        for name in ("body", "label"):
            value = getattr(self.proto, name, None)
            if isinstance(value, str) and value:
                return _plain(value)
        return ""


def _plain(markdown: str) -> str:
    r"""Markdown as read: the escapes a page adds to user text (``md_escape``) taken off.

    >>> _plain(r"Load load\-001 \#1")
    'Load load-001 #1'
    """
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~$])", r"\1", markdown)


@dataclass
class Run:
    """What the server sent for one request (a request that calls ``st.rerun()`` has several script runs:
    ``elements`` is the last one's, ``texts`` everything said in any of them)."""

    elements: list[Element] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    auth_redirect: str = ""
    exceptions: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def heading(self) -> str:
        """The page's title (its first ``h1``)."""
        return next((e.text() for e in self.elements if e.kind == "heading" and e.proto.tag == "h1"), "")

    def says(self, text: str) -> bool:
        return any(text in said for said in self.texts)

    def widget(self, kind: str, label: str) -> Any:
        """The proto of the widget of ``kind`` with this label (``ProtocolError`` when the page has none)."""
        for element in self.elements:
            if element.kind == kind and _plain(element.proto.label) == label:
                return element.proto
        raise ProtocolError(f"no {kind} labelled {label!r} on the page")


class Session:
    """One person's tab: a cookie jar, one WebSocket at a time, requests one after the other."""

    def __init__(self, base_url: str, lang: str, *, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.lang = lang
        self.timeout = timeout
        self.http = httpx.AsyncClient(timeout=timeout, follow_redirects=False)
        self.socket: Any = None
        self._messages: asyncio.Queue[ForwardMsg | BaseException] = asyncio.Queue()
        self._reader: asyncio.Task | None = None
        self.page_hashes: dict[str, str] = {}  # url path ("" for the home page) → page script hash
        self.current_hash = ""  # the page of the last run (a widget's run stays on its page)

    # --- connection ---------------------------------------------------------------------------------

    def _cookie_header(self) -> str:
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.http.cookies.jar)

    async def connect(self) -> None:
        """Open the WebSocket as the frontend does: the XSRF cookie first (any response of the app sets it),
        then the stream with the token in the subprotocol header and the page's origin."""
        await self.close_socket()
        if XSRF_COOKIE not in self.http.cookies:
            (await self.http.get(f"{self.base_url}/_stcore/health")).raise_for_status()
        xsrf = self.http.cookies[XSRF_COOKIE]
        parts = urlsplit(self.base_url)
        url = f"ws://{parts.netloc}{parts.path}/_stcore/stream"
        self.socket = await websockets.connect(
            url,
            subprotocols=["streamlit", xsrf],  # type: ignore[list-item]
            additional_headers={"Cookie": self._cookie_header(), "Origin": f"{parts.scheme}://{parts.netloc}"},
            max_size=None,
            open_timeout=self.timeout,
            ping_interval=None,
        )
        self._messages = asyncio.Queue()
        self._reader = asyncio.create_task(self._read(self.socket, self._messages))

    @staticmethod
    async def _read(socket: Any, queue: asyncio.Queue) -> None:
        try:
            async for data in socket:
                message = ForwardMsg()
                message.ParseFromString(data)
                queue.put_nowait(message)
        except BaseException as error:
            queue.put_nowait(error)
            raise
        queue.put_nowait(ConnectionError("the server closed the WebSocket"))

    async def close_socket(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader
            self._reader = None
        if self.socket is not None:
            with contextlib.suppress(Exception):
                await self.socket.close()
            self.socket = None

    async def close(self) -> None:
        await self.close_socket()
        await self.http.aclose()

    # --- runs ---------------------------------------------------------------------------------------

    async def rerun(self, page: str | None = None, widgets: list[WidgetState] | None = None) -> Run:
        """Ask for a run (of ``page``, a URL path such as ``"tracker"``, or the current page when ``None``)
        and wait for the server's whole answer: a run that finished (not one cut short by ``st.rerun()``),
        or an ``auth_redirect``. ``Run.seconds`` is the time from sending to the last message."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = f"lang={self.lang}"
        if page is not None:
            state.page_name = page
            state.page_script_hash = self.page_hashes.get(page, "")
        else:
            state.page_script_hash = self.current_hash
        for widget in widgets or []:
            state.widget_states.widgets.append(widget)
        info = state.context_info
        info.timezone = "Europe/Amsterdam"
        info.locale = "nl-NL" if self.lang == "nl" else "en-GB"
        info.url = f"{self.base_url}/{page or ''}?lang={self.lang}"
        begin = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        run = Run()
        deadline = begin + self.timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no finished run within {self.timeout:g} s")
            try:
                got = await asyncio.wait_for(self._messages.get(), left)
            except TimeoutError:
                raise TimeoutError(f"no finished run within {self.timeout:g} s") from None
            if isinstance(got, BaseException):
                raise ConnectionError(f"WebSocket: {type(got).__name__}: {got}") from got
            kind = got.WhichOneof("type")
            if kind == "new_session":
                run.elements = []
                self._learn_pages(got.new_session.app_pages)
                self.current_hash = got.new_session.page_script_hash
            elif kind == "navigation":
                self._learn_pages(got.navigation.app_pages)
            elif kind == "delta" and got.delta.WhichOneof("type") == "new_element":
                element = got.delta.new_element
                item = Element(element.WhichOneof("type") or "", getattr(element, element.WhichOneof("type") or ""))
                run.elements.append(item)
                if item.text():
                    run.texts.append(item.text())
                if item.kind == "exception":
                    run.exceptions.append(f"{item.proto.type}: {item.proto.message}"[:300])
            elif kind == "auth_redirect":
                run.auth_redirect = got.auth_redirect.url
            elif kind == "script_finished":
                status = got.script_finished
                if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    raise ProtocolError("the page script did not compile")
                if status == FINISHED.FINISHED_EARLY_FOR_RERUN and not run.auth_redirect:
                    continue  # st.rerun(): the next run follows
                run.seconds = time.perf_counter() - begin
                return run
            elif kind == "page_not_found":
                raise ProtocolError(f"page not found: {got.page_not_found.page_name!r}")

    def _learn_pages(self, pages: Any) -> None:
        for page in pages:
            self.page_hashes[page.url_pathname] = page.page_script_hash

    @staticmethod
    def trigger(widget_id: str) -> WidgetState:
        """A button press (a ``trigger_value``: true for one run only)."""
        return WidgetState(id=widget_id, trigger_value=True)

    @staticmethod
    def text(widget_id: str, value: str) -> WidgetState:
        return WidgetState(id=widget_id, string_value=value)

    # --- login --------------------------------------------------------------------------------------

    async def login(self, button_label: str, subject: str) -> None:
        """Log in as ``subject`` at the test identity provider (``oidc-provider-mock``), as a browser would:
        press the app's log-in button, follow the redirects, submit the provider's form, come back with the
        signed cookie, then open a new WebSocket that carries it (a new session, as after a page load)."""
        if self.socket is None:
            await self.connect()
        welcome = await self.rerun()
        button = welcome.widget("button", button_label)
        redirected = await self.rerun(widgets=[self.trigger(button.id)])
        if not redirected.auth_redirect:
            raise ProtocolError("the log-in button did not redirect")
        url = urljoin(f"{self.base_url}/", redirected.auth_redirect)
        answer = await self._follow(url)  # → the provider's form
        if 'name="sub"' not in answer.text:
            raise ProtocolError(f"no log-in form at {answer.url}")
        answer = await self._follow(str(answer.url), method="POST", data={"sub": subject})  # → callback → app
        if answer.status_code >= 400:
            raise ProtocolError(f"log-in ended with HTTP {answer.status_code} at {answer.url}")
        await self.connect()

    async def _follow(self, url: str, method: str = "GET", data: dict | None = None) -> httpx.Response:
        """One request and its redirects (at most 10), keeping the cookies of every step."""
        answer = await self.http.request(method, url, data=data)
        for _ in range(10):
            if answer.status_code not in (301, 302, 303, 307, 308):
                return answer
            url = urljoin(str(answer.url), answer.headers["location"])
            answer = await self.http.get(url)
        raise ProtocolError(f"too many redirects from {url}")
