"""The repository's nginx site file (``deploy/nginx-dasbor-ikm.conf``) made runnable by an
ordinary user in a temporary folder: the same upstream with its sticky ``ikm_route`` cookie
hash, websocket upgrade, timeouts, closed endpoints and headers, with only what a folder
without certificates and root needs changed (``plain_site``). The benchmark's load test
through nginx (``bench --processes``) and the two-process browser test both run it this way,
so neither keeps a second copy of the configuration that could drift from the one installed.

``running`` starts Debian's nginx (``-p FOLDER -c FOLDER/nginx.conf``, ``daemon off``, its
pid, logs and temporary files in the folder) in front of some backends and stops it on
leaving."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

from ikm_data.served import free_port, wait_healthy
from ikm_data.settings import PROJECT_ROOT

SITE = PROJECT_ROOT / "deploy" / "nginx-dasbor-ikm.conf"
DEBIAN_NGINX = "/usr/sbin/nginx"
MISSING = "nginx is not installed (Debian: apt-get install nginx)"
_TEMP = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


class NginxUnavailable(RuntimeError):
    """nginx is not installed, refuses the generated configuration or does not answer."""


def binary() -> str | None:
    """The nginx program (on PATH, else Debian's ``/usr/sbin/nginx``), or None."""
    return shutil.which("nginx") or (DEBIAN_NGINX if os.access(DEBIAN_NGINX, os.X_OK) else None)


def plain_site(backends: list[str], port: int, *, tell_upstream: bool = False, site: Path = SITE) -> str:
    """The site file with ``backends`` (``host:port``) as its upstream, served plain http on
    127.0.0.1:``port``: the redirecting server, the certificate lines and the cookie's
    ``Secure`` go (there is no HTTPS here), everything else stays as written.
    ``tell_upstream`` adds an ``X-Upstream`` header naming the process that answered.
    Raises ValueError when the site file no longer has the lines this relies on."""
    text = site.read_text()
    text, redirects = re.subn(r"server \{\n    listen 80;.*?\n\}\n", "", text, count=1, flags=re.S)
    upstream = re.search(r"(upstream dasbor_ikm \{.*?\n\})", text, re.S)
    listens = ("    listen 443 ssl http2;\n", "    listen [::]:443 ssl http2;\n")
    if not (redirects and upstream and all(line in text for line in listens)):
        raise ValueError(f"{site}: no redirect server, upstream dasbor_ikm or 'listen 443 ssl http2' lines")
    servers = "".join(f"    server {b};\n" for b in backends)
    text = text.replace(upstream.group(1), re.sub(r"(    server 127\.0\.0\.1:\d+;\n)+", servers, upstream.group(1)))
    text = text.replace(listens[0], f"    listen 127.0.0.1:{port};\n").replace(listens[1], "")
    text = re.sub(r"    ssl_[a-z_]+ .*;\n", "", text)
    text = text.replace("Secure; ", "").replace("wss:", "ws:")
    if tell_upstream:
        text = text.replace("    server_tokens off;\n",
                            "    server_tokens off;\n    add_header X-Upstream $upstream_addr always;\n")
    return text


def main_conf(folder: Path, *, log_format: str | None = None) -> str:
    """nginx.conf for a run in ``folder``: no daemon, pid, error log and every temporary path
    inside it, the site file ``folder/site.conf`` included; an access log (``folder/logs/
    access.log``) in ``log_format`` when given."""
    temps = "".join(f"  {name}_temp_path {folder}/temp/{name};\n" for name in _TEMP)
    access = (f"  log_format bench '{log_format}';\n  access_log {folder}/logs/access.log bench;\n"
              if log_format else "  access_log off;\n")
    return (f"error_log {folder}/logs/error.log;\npid {folder}/nginx.pid;\ndaemon off;\n"
            f"events {{}}\nhttp {{\n{temps}{access}  include {folder}/site.conf;\n}}\n")


@contextmanager
def running(folder: Path, backends: list[str], *, tell_upstream: bool = False, log_format: str | None = None,
            timeout: float = 20):
    """nginx with the site file in front of ``backends``, configured in ``folder`` (created);
    yields its base URL once it answers the dashboard's health check through the upstream,
    and stops it on leaving (also on an error or Ctrl-C). Raises NginxUnavailable when nginx
    is missing, refuses the configuration or does not answer within ``timeout`` seconds."""
    nginx = binary()
    if nginx is None:
        raise NginxUnavailable(MISSING)
    port = free_port()
    for sub in ("logs", *(f"temp/{n}" for n in _TEMP)):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "site.conf").write_text(plain_site(backends, port, tell_upstream=tell_upstream))
    (folder / "nginx.conf").write_text(main_conf(folder, log_format=log_format))
    proc = subprocess.Popen([nginx, "-p", str(folder), "-e", str(folder / "logs" / "error.log"),
                             "-c", str(folder / "nginx.conf")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_healthy(url, proc, timeout, folder / "logs" / "error.log", what="nginx")
        except RuntimeError as exc:
            raise NginxUnavailable(str(exc)) from None
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

