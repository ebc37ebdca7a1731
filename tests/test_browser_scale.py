"""Two server processes over one data directory behind nginx, configured by the repository's
own site file (deploy/nginx-dasbor-ikm.conf, made plain http on a free port by
``ikm_data.nginx_site``, as the benchmark's load test through nginx runs it):
each browser sticks to one process (its page and its websocket), and a phase committed by
another process shows in an open page at its next run, without a restart."""

import re
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager

import pytest

from ikm_data import nginx_site
from ikm_data.settings import PROJECT_ROOT
from ikm_data.store import Store
from tests import states
from tests.browser import screenshot, settle, streamlit_server, wait_for_page

pytestmark = pytest.mark.browser


@contextmanager
def nginx_in_front(folder, backends: list[str]):
    """nginx in front of ``backends`` with the site file as the benchmark runs it
    (``ikm_data.nginx_site``), ``X-Upstream`` naming the process that answered, each request's
    process and route cookie in ``logs/access.log``; yields its URL."""
    if nginx_site.binary() is None:
        pytest.skip(nginx_site.MISSING)
    with nginx_site.running(folder, backends, tell_upstream=True,
                            log_format="$request_uri $upstream_addr $cookie_ikm_route") as url:
        yield url


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
