"""The app makes no network calls of its own: every page (both languages) and every CLI command run
with sockets guarded, and no connection or name lookup to a non-local host is attempted.

(Usage statistics being off in ``.streamlit/config.toml`` is checked in ``test_architecture.py``.)
"""

from __future__ import annotations

import ast
import ipaddress
import shutil
import socket
from pathlib import Path

import pytest

from spoor2.cli import main
from tests.conftest import ROOT
from tests.support.apptest import assert_no_exception, open_page
from ui.frame import PAGES

MAX_CLICKS = 6
NETWORK_MODULES = {"requests", "httpx", "aiohttp", "urllib3", "http", "socket", "ftplib", "smtplib", "websocket"}


def _is_local(host: object) -> bool:
    if host is None:
        return True
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name in ("", "localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


class Refused(OSError):
    pass


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record and refuse every connection or lookup to a non-loopback host while the test runs."""
    attempts: list[str] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_create, real_getaddrinfo = socket.create_connection, socket.getaddrinfo

    def check(what: str, address: object) -> None:
        if isinstance(address, tuple) and address and not _is_local(address[0]):
            attempts.append(f"{what} {address!r}")
            raise Refused(f"network access in a test: {what} {address!r}")

    def connect(self, address):  # type: ignore[no-untyped-def]
        check("connect", address)
        return real_connect(self, address)

    def connect_ex(self, address):  # type: ignore[no-untyped-def]
        check("connect_ex", address)
        return real_connect_ex(self, address)

    def create_connection(address, *args, **kwargs):  # type: ignore[no-untyped-def]
        check("create_connection", address)
        return real_create(address, *args, **kwargs)

    def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        check("getaddrinfo", (host,))
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


@pytest.fixture
def filled_data_dir(data_dir: Path) -> Path:
    """The app's data directory with data in every feature (the newest upgrade fixture), so pages show it."""
    fixtures = sorted((ROOT / "tests" / "store" / "db_fixtures").glob("v*.sqlite3"), key=lambda p: int(p.stem[1:]))
    shutil.copyfile(fixtures[-1], data_dir / "spoor2.sqlite3")
    # the fixture's evidence file, where that version kept it (migration 7 moves it into the database)
    evidence = {"evidence/3f2e1d0c9b8a79685746352413021f0e.pdf": b"%PDF-1.4\n% bewijs van sollicitatie\n"}
    for relative, content in evidence.items():
        (data_dir / "files" / "local" / relative).parent.mkdir(parents=True, exist_ok=True)
        (data_dir / "files" / "local" / relative).write_bytes(content)
    return data_dir


def test_the_guard_catches_a_connection_and_allows_loopback(network_attempts):
    with pytest.raises(Refused):
        socket.create_connection(("example.org", 80), timeout=1)
    with pytest.raises(Refused):
        socket.getaddrinfo("example.org", 443)
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5):
            pass
    assert len(network_attempts) == 2
    network_attempts.clear()


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("page", PAGES, ids=[p.key for p in PAGES])
def test_no_page_calls_the_network(filled_data_dir, network_attempts, page, lang):
    at = open_page(None if page.url_path == "" else page.script, lang=lang)
    assert_no_exception(at)
    # press the first buttons (saves, exports, steps; bounded to keep the test quick): none may reach out either
    for index in range(MAX_CLICKS):
        if index >= len(at.button) or at.button[index].disabled:
            continue
        at.button[index].click().run()
        assert_no_exception(at)
    assert network_attempts == []


def test_no_cli_command_calls_the_network(filled_data_dir, network_attempts, tmp_path, capsys):
    commands = [
        ["timeline", "--period", "2026-01-05:", "--as-of", "2026-11-23", "--format", "json"],
        ["timeline", "--period", "2026-01-05:", "--as-of", "2026-11-23", "--format", "text", "--lang", "nl"],
        ["timeline", "--period", "2026-01-05:", "--as-of", "2026-11-23", "--format", "ics"],
        ["timeline"],
        ["questions", "--format", "json"],
        ["questions", "--period", "2026-01-05:", "--as-of", "2026-11-23", "--format", "text"],
        ["activities", "add", "--date", "2026-11-20", "--type", "vacancy_application", "--organisation", "Acme"],
        ["activities", "list"],
        ["data", "export", str(tmp_path / "export.zip")],
        ["data", "import", str(tmp_path / "export.zip")],
    ]
    commands += [
        ["activities", "export", str(tmp_path / f"activities{ext}")] for ext in (".csv", ".xlsx", ".json", ".pdf")
    ]
    commands += [["activities", "import", str(tmp_path / "activities.csv")], ["data", "delete", "--yes"]]
    for argv in commands:
        code = main(argv)
        err = capsys.readouterr().err
        assert code == 0, (argv, err)
    assert network_attempts == []


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_network_library_is_imported_by_the_app():
    files = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
    files += (ROOT / "spoor2").rglob("*.py")
    offenders = {
        str(path.relative_to(ROOT)): sorted(n for n in _imported_modules(path) if n.split(".")[0] in NETWORK_MODULES)
        for path in files
    }
    # urllib.parse only splits strings (checking evidence links); it never opens anything
    assert {k: v for k, v in offenders.items() if v} == {}
    assert all(
        name == "urllib.parse" for path in files for name in _imported_modules(path) if name.startswith("urllib")
    )


# --- the real server process ---------------------------------------------------------------------------

SOCKET_GUARD = """
import ipaddress, os, socket

_LOG = os.environ["SPOOR2_SOCKET_LOG"]


def _local(host):
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name in ("", "localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(what, address):
    if isinstance(address, tuple) and address and address[0] is not None and not _local(address[0]):
        with open(_LOG, "a") as log:
            log.write(f"{what} {address!r}\\n")
        raise OSError(f"network access refused by the test guard: {what} {address!r}")


_connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo


def connect(self, address):
    _check("connect", address)
    return _connect(self, address)


def connect_ex(self, address):
    _check("connect_ex", address)
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    _check("getaddrinfo", (host,))
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
"""


def test_the_real_server_contacts_nothing_but_this_computer(tmp_path):
    """D3: ``python -m streamlit run app.py`` with the project's config (no address on the command line)
    starts, serves every page and its health check, and never reaches for another host: no
    external-IP lookup (Streamlit does one in headless mode when ``server.address`` is not set)."""
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SOCKET_GUARD, encoding="utf-8")
    log, data = tmp_path / "sockets.log", tmp_path / "server-data"
    data.mkdir()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(guard), str(ROOT)]), "SPOOR2_SOCKET_LOG": str(log)}
    env |= {"SPOOR2_DATA_DIR": str(data)}
    env.pop("SPOOR2_DATABASE_URL", None)
    output = (tmp_path / "streamlit.log").open("w")
    # only the port differs from `make run`: address, headless and statistics come from .streamlit/config.toml
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
        cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        base, deadline, ready = f"http://127.0.0.1:{port}", time.monotonic() + 60, False
        while time.monotonic() < deadline and not ready:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    ready = response.status == 200
            except OSError:
                time.sleep(0.3)
        assert ready, (tmp_path / "streamlit.log").read_text()
        for page in PAGES:
            with urllib.request.urlopen(f"{base}/{page.url_path}", timeout=10) as response:
                assert response.status == 200
        time.sleep(2)  # the external-IP lookup runs in the background right after start
    finally:
        server.terminate()
        server.wait(timeout=20)
        output.close()
    assert (guard / "sitecustomize.py").exists()
    attempts = log.read_text() if log.exists() else ""
    assert attempts == "", attempts
