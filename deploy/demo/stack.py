"""The hosted mode on one machine: PostgreSQL, a test identity provider, N replicas and nginx, all on 127.0.0.1.

Used by ``make hosted-demo`` (``deploy/demo/run.py``) and by the hosted browser tests
(``tests/support/hosted.py``), so the demonstration and the tests run the same set-up:

* PostgreSQL 15 on a Unix socket in a temporary folder, run as the ``postgres`` user when we are root
  (``initdb`` refuses root), with the deployment's own roles and grants (``deploy/sql/``), migrated as
  the owner role; the replicas connect as the app role (row-level security decides what they see).
* ``oidc-provider-mock`` as the identity provider (any client id and secret; a login form that asks
  for a subject; predefined people with an e-mail address).
* The replicas: ``streamlit run app.py`` on their own ports, with ONE ``secrets.toml`` (the ``[auth]``
  section) and ONE cookie secret.
* nginx with ``deploy/nginx/spoor2.conf`` itself, only its ports changed (and, for the test that shows
  the affinity matters, its ``ip_hash`` taken out).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "deploy" / "nginx" / "spoor2.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

#: The people of the demonstration: (subject, e-mail). The adviser logs in like anyone else.
PEOPLE = (
    ("anna", "anna.jansen@voorbeeld.nl"),
    ("bram", "bram.devries@voorbeeld.nl"),
    ("adviseur", "adviseur@vakbond.example"),
)


def site_config(proxy_port: int, replica_ports: list[int], *, affinity: bool = True) -> str:
    """``deploy/nginx/spoor2.conf`` with the demonstration's ports (and without affinity when asked)."""
    text = SITE.read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("server 127.0.0.1:86"):
            continue
        if stripped == "ip_hash;":
            if affinity:
                lines.append(line)
            lines.extend(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in replica_ports)
            continue
        lines.append(line.replace("listen 127.0.0.1:8600;", f"listen 127.0.0.1:{proxy_port};"))
    return "\n".join(lines) + "\n"


def _main_config(folder: Path, site: Path) -> str:
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = folder / "nginx-temp"
    return (
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'nginx-error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        "  log_format spoor2 '$remote_addr [$time_local] \"$request\" $status -> $upstream_addr';\n"
        f"  access_log {folder / 'nginx-access.log'} spoor2;\n"
        f"  client_body_temp_path {temp}/body;\n  proxy_temp_path {temp}/proxy;\n"
        f"  fastcgi_temp_path {temp}/fastcgi;\n  uwsgi_temp_path {temp}/uwsgi;\n  scgi_temp_path {temp}/scgi;\n"
        f"  include {site};\n"
        "}\n"
    )


def _wait_http(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own http://127.0.0.1 URLs
                if response.status < 500:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


@dataclass
class Stack:
    """One hosted set-up in ``folder``; :meth:`start`, then :meth:`stop` (also after a failed start)."""

    folder: Path
    proxy_port: int = 8600
    replica_ports: list[int] = field(default_factory=lambda: [8601, 8602])
    idp_port: int = 9400
    affinity: bool = True
    idle_minutes: float = 30  # SPOOR2_IDLE_MINUTES: any number > 0 (the idle browser test uses 0.25)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    app_url: str = ""
    cookie_secret: str = ""
    _pg_stop: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}"

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.idp_port}"

    def start(self, database_url: str | None = None) -> Stack:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.app_url = database_url or self._start_postgres()
        self._start_idp()
        self._write_secrets()
        for port in self.replica_ports:
            self.start_replica(port)
        self._start_nginx()
        return self

    # -- PostgreSQL (the fixture's own logic: tests/support/postgres.py) ---------------------------

    def _start_postgres(self) -> str:
        from tests.support.postgres import _create_roles, _start_cluster, create_database

        pg_folder = Path(tempfile.mkdtemp(prefix="spoor2-demo-pg-"))
        cluster, self._pg_stop = _start_cluster(pg_folder)
        self._pg_stop.append(str(pg_folder))
        _create_roles(cluster)
        return create_database(cluster).app_url

    # -- identity provider -----------------------------------------------------------------------

    def _start_idp(self) -> None:
        claims = [json.dumps({"sub": sub, "email": email, "name": sub.title()}) for sub, email in PEOPLE]
        args = [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(self.idp_port)]
        for claim in claims:
            args += ["--user-claims", claim]
        self._spawn("idp", args, {})
        _wait_http(f"{self.issuer}/.well-known/openid-configuration")

    def _write_secrets(self) -> None:
        self.cookie_secret = secrets.token_hex(32)
        path = self.folder / "secrets.toml"
        path.write_text(
            "[auth]\n"
            f'redirect_uri = "{self.url}/oauth2callback"\n'
            f'cookie_secret = "{self.cookie_secret}"\n'
            'client_id = "spoor2-demo"\n'
            'client_secret = "demo-secret"\n'
            f'server_metadata_url = "{self.issuer}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        path.chmod(0o600)

    # -- replicas --------------------------------------------------------------------------------

    def start_replica(self, port: int) -> None:
        data = self.folder / f"replica-{port}"
        data.mkdir(exist_ok=True)
        env = {
            "SPOOR2_DATABASE_URL": self.app_url,
            "SPOOR2_DATA_DIR": str(data),
            "SPOOR2_IDLE_MINUTES": str(self.idle_minutes),
            "STREAMLIT_SERVER_COOKIE_SECRET": self.cookie_secret,
        }
        args = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port)]
        args += ["--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"]
        args += ["--browser.gatherUsageStats", "false", "--secrets.files", str(self.folder / "secrets.toml")]
        self._spawn(f"replica-{port}", args, env)
        _wait_http(f"http://127.0.0.1:{port}/_stcore/health")

    def kill_replica(self, port: int) -> None:
        """Kill a replica at once (SIGKILL: no clean shutdown), as a crash would."""
        process = self.processes.pop(f"replica-{port}")
        process.kill()
        process.wait(timeout=10)

    # -- nginx -----------------------------------------------------------------------------------

    def _start_nginx(self) -> None:
        (self.folder / "nginx-temp").mkdir(exist_ok=True)
        site = self.folder / "spoor2.conf"
        site.write_text(site_config(self.proxy_port, self.replica_ports, affinity=self.affinity), encoding="utf-8")
        main = self.folder / "nginx.conf"
        main.write_text(_main_config(self.folder, site), encoding="utf-8")
        args = [NGINX, "-c", str(main), "-p", str(self.folder), "-e", str(self.folder / "nginx-error.log")]
        self._spawn("nginx", [*args, "-g", "daemon off;"], {})
        _wait_http(f"{self.url}/_stcore/health")

    # -- processes -------------------------------------------------------------------------------

    def _spawn(self, name: str, args: list[str], env: dict[str, str]) -> None:
        log = (self.folder / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            args,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self) -> None:
        for name in reversed(list(self.processes)):
            process = self.processes.pop(name)
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if self._pg_stop:
            folder = self._pg_stop.pop()
            subprocess.run(self._pg_stop, check=False, capture_output=True)
            shutil.rmtree(folder, ignore_errors=True)
            self._pg_stop = []
