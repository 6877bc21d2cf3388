"""The nginx site of the deployment (``deploy/nginx/spoor2.conf``): affinity, WebSockets, health checks,
loopback only, room for uploads; the demonstration's copy differs only in its ports; nginx accepts it."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from deploy.demo.stack import NGINX, SITE, _main_config, site_config
from tests.conftest import ROOT
from tests.support.skips import skip_unless_ci


def _active(text: str) -> list[str]:
    """The configuration's lines without comments."""
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


def test_the_site_is_sticky_and_proxies_websockets_with_long_timeouts():
    lines = _active(SITE.read_text(encoding="utf-8"))
    assert "ip_hash;" in lines
    assert "proxy_set_header Upgrade $http_upgrade;" in lines
    assert "proxy_set_header Connection $spoor2_connection_upgrade;" in lines
    assert "proxy_http_version 1.1;" in lines
    timeout = next(line for line in lines if line.startswith("proxy_read_timeout"))
    assert int(re.search(r"(\d+)", timeout).group(1)) >= 3600


def test_the_site_checks_health_and_listens_and_proxies_on_loopback_only():
    lines = _active(SITE.read_text(encoding="utf-8"))
    assert "location = /_stcore/health {" in lines
    assert [line for line in lines if line.startswith("listen ")] == ["listen 127.0.0.1:8600;"]
    upstreams = [line for line in lines if line.startswith("server 127.")]
    assert len(upstreams) >= 2 and all(line.startswith("server 127.0.0.1:") for line in upstreams)


def test_the_site_compresses_only_streamlits_frontend_code():
    """gzip is on in the ``/static/`` block alone (public bundles), never where a person's data goes."""
    text = SITE.read_text(encoding="utf-8")
    static = re.search(r"location /static/ \{(.*?)\n    \}", text, re.S)
    assert static and "gzip on;" in _active(static.group(1))
    assert _active(text).count("gzip on;") == 1
    assert not any(line.startswith("gzip") for line in _active(text.replace(static.group(0), "")))


def test_the_site_lets_an_upload_of_the_apps_maximum_through():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    limit = next(line for line in _active(SITE.read_text(encoding="utf-8")) if line.startswith("client_max_body_size"))
    assert int(re.search(r"(\d+)m", limit).group(1)) > config["server"]["maxUploadSize"]


def test_the_demonstration_changes_only_the_ports_and_optionally_the_affinity():
    shipped = SITE.read_text(encoding="utf-8")
    demo = site_config(18600, [18601, 18602, 18603])
    assert "listen 127.0.0.1:18600;" in demo and "8601 " not in demo.replace("18601", "")
    assert demo.count("server 127.0.0.1:186") == 3
    assert "ip_hash;" in _active(demo)
    assert "ip_hash;" not in _active(site_config(18600, [18601, 18602], affinity=False))
    unchanged = [line for line in _active(shipped) if "86" not in line]
    assert [line for line in _active(demo) if "86" not in line] == unchanged


def test_nginx_accepts_the_site(tmp_path: Path):
    if not (shutil.which("nginx") or Path(NGINX).exists()):
        skip_unless_ci("nginx is not installed (apt-get install nginx-light)")
    (tmp_path / "nginx-temp").mkdir()
    site = tmp_path / "spoor2.conf"
    site.write_text(site_config(18600, [18601, 18602]), encoding="utf-8")
    main = tmp_path / "nginx.conf"
    main.write_text(_main_config(tmp_path, site), encoding="utf-8")
    result = subprocess.run(
        [NGINX, "-t", "-c", str(main), "-p", str(tmp_path), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", ["secrets.toml.example"])
def test_the_secrets_example_has_every_auth_setting(name):
    auth = tomllib.loads((ROOT / "deploy" / name).read_text(encoding="utf-8"))["auth"]
    assert {"redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"} <= set(auth)
    assert auth["redirect_uri"].endswith("/oauth2callback")
