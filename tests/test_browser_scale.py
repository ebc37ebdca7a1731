"""Two server processes over one data directory behind nginx, configured by the repository's
own site file (deploy/nginx-dasbor-ikm.conf, made plain http on a free port for the test):
each browser sticks to one process (its page and its websocket), and a phase committed by
another process shows in an open page at its next run, without a restart."""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager

import pytest

from ikm_data.settings import PROJECT_ROOT
from ikm_data.store import Store
from tests import states
from tests.browser import free_port, screenshot, settle, streamlit_server, wait_for_page
from tests.procs import wait_until

pytestmark = pytest.mark.browser
SITE = PROJECT_ROOT / "deploy" / "nginx-dasbor-ikm.conf"


def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if found is None:
        pytest.skip("nginx is not installed (Debian: apt-get install nginx)")
    return found


def plain_site(backends: list[str], port: int) -> str:
    """The repository's site file with the test's backends, served plain on ``port`` (no
    certificate here: the HTTPS lines and the redirecting server go, the rest stays as is);
    ``X-Upstream`` tells the test which process answered."""
    site = SITE.read_text()
    site = re.sub(r"server \{\n    listen 80;.*?\n\}\n", "", site, count=1, flags=re.S)  # the redirect to https
    upstream = re.search(r"(upstream dasbor_ikm \{.*?\n\})", site, re.S).group(1)
    servers = "".join(f"    server {b};\n" for b in backends)
    site = site.replace(upstream, re.sub(r"(    server 127\.0\.0\.1:\d+;\n)+", servers, upstream))
    for line in ("    listen 443 ssl http2;\n", "    listen [::]:443 ssl http2;\n"):
        assert line in site
        site = site.replace(line, f"    listen 127.0.0.1:{port};\n" if "[::]" not in line else "")
    site = re.sub(r"    ssl_[a-z_]+ .*;\n", "", site)
    site = site.replace("Secure; ", "").replace("wss:", "ws:")
    tell = "    add_header X-Upstream $upstream_addr always;\n"
    return site.replace("    server_tokens off;\n", "    server_tokens off;\n" + tell)


@contextmanager
def nginx_in_front(folder, backends: list[str]):
    """nginx (temporary prefix, no daemon) in front of ``backends``; yields its URL."""
    nginx, port = _nginx(), free_port()
    (folder / "logs").mkdir(parents=True)
    (folder / "site.conf").write_text(plain_site(backends, port))
    (folder / "nginx.conf").write_text(
        f"error_log {folder}/logs/error.log;\npid {folder}/nginx.pid;\ndaemon off;\nevents {{}}\n"
        f"http {{\n  log_format up '$request_uri $upstream_addr $cookie_ikm_route';\n"
        f"  access_log {folder}/logs/access.log up;\n  include {folder}/site.conf;\n}}\n")
    proc = subprocess.Popen([nginx, "-p", str(folder), "-c", str(folder / "nginx.conf")], stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_until(lambda: _answers(url + "/_stcore/health"), 15), proc.stderr.read1().decode()
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def _answers(url: str, cookie: str = "") -> dict | None:
    request = urllib.request.Request(url, headers={"Cookie": f"ikm_route={cookie}"} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as resp:
            return dict(resp.headers) | {"status": resp.status}
    except OSError:
        return None


def route_to(url: str, backend: str) -> str:
    """A route cookie nginx sends to ``backend`` (the consistent hash decides; try a few)."""
    for i in range(200):
        if _answers(url + "/_stcore/health", f"uji{i}")["X-Upstream"] == backend:
            return f"uji{i}"
    raise AssertionError(f"no route reaches {backend}")


def test_two_processes_behind_nginx_share_one_data_directory(tmp_path, browser):
    data = tmp_path / "store"
    Store.open(data, seed_sample=True)
    with ExitStack() as stack:
        (a, _), (b, _) = (stack.enter_context(streamlit_server(data)) for _ in range(2))
        backends = [u.removeprefix("http://") for u in (a, b)]
        url = stack.enter_context(nginx_in_front(tmp_path / "nginx", backends))

        first = _answers(url + "/")  # a new browser gets its route cookie, then keeps it
        assert first["status"] == 200 and re.match(r"ikm_route=\w+; Path=/; HttpOnly", first["Set-Cookie"])
        routes = {b: route_to(url, b) for b in backends}
        for backend, route in routes.items():
            again = _answers(url + "/", route)
            assert again["X-Upstream"] == backend and "Set-Cookie" not in again
        assert _answers(url + "/_stcore/metrics") is None  # still closed through the site file

        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies([{"name": "ikm_route", "value": routes[backends[1]], "url": url}])
        page = context.new_page()
        page.goto(url + "/perbandingan-tahap")
        wait_for_page(page, "Perbandingan Tahap")
        assert "Tahap 4" not in page.inner_text("[data-testid='stMain']")

        # a new phase committed by another process (the command line here; process A alike)
        name, content = states._phase_file(4, 404, 12)
        (tmp_path / name).write_bytes(content)
        done = subprocess.run([sys.executable, "-m", "ikm_data", "import", str(tmp_path / name), "--phase", "4",
                               "--user", "baiq", "--as-of", "2020-07-13", "--data-dir", str(data)],
                              cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr

        page.locator("[data-testid='stSidebarNav'] a", has_text="Ringkasan").click()  # the next run, same session
        wait_for_page(page, "Ringkasan")
        page.locator("[data-testid='stSidebarNav'] a", has_text="Perbandingan Tahap").click()
        wait_for_page(page, "Perbandingan Tahap")
        settle(page)
        assert "Tahap 4 yang punya data peserta" in page.inner_text("[data-testid='stMain']")
        screenshot(page, "scale-two-processes-phase4")
        context.close()
        time.sleep(0.2)
        log = (tmp_path / "nginx" / "logs" / "access.log").read_text().splitlines()
        streams = [line.split() for line in log if line.startswith("/_stcore/stream")]
        assert streams and {s[1] for s in streams} == {backends[1]}, streams  # the websocket stayed on B
