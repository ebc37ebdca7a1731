"""Helpers for the real-browser tests: start ``streamlit run app.py`` on a free port with a
temporary store, and drive Debian's Chromium through Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from ikm_data.settings import setting
from ikm_data.ui.load import wait_healthy

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_or_skip() -> str:
    """The Chromium binary; skip (fail under CI, where it must be there) when missing."""
    path = setting("IKM_CHROMIUM")
    if not os.path.exists(path):
        message = (f"Chromium not found at {path}: run scripts/install-chromium.sh "
                   "(apt-get install chromium) or set IKM_CHROMIUM")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(data_dir: Path, timeout: float = 60):
    """Run the dashboard on a free port against ``data_dir``; yields its base URL and
    the seconds it took to answer its health check."""
    port = free_port()
    env = dict(os.environ, IKM_DATA_DIR=str(data_dir))
    log = open(data_dir.parent / f"streamlit-{port}.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "ikm_data", "serve", "--server.port", str(port),
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    start = time.monotonic()
    url = f"http://127.0.0.1:{port}"
    try:
        log.flush()
        wait_healthy(url, proc, timeout, data_dir.parent / f"streamlit-{port}.log")
        yield url, time.monotonic() - start
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def settle(page, timeout: float = 60_000, drawn: bool = True) -> None:
    """Wait until the script has finished and the page has settled: no new element
    appeared between two looks 300 ms apart (Streamlit mounts charts lazily, after the run
    ends) and, with ``drawn``, every chart drawn and every table painted (a table inside a
    closed expander never paints: pass ``drawn=False`` there)."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_function(
        """drawn => {
            const ok = !drawn || ([...document.querySelectorAll("[data-testid='stVegaLiteChart']")]
                .every(c => c.querySelector("svg .mark-rect, svg .mark-symbol, svg .mark-shape, canvas"))
              && [...document.querySelectorAll("[data-testid='stDataFrame']")]
                .every(d => d.querySelector("canvas, table")));
            const n = document.querySelectorAll("[data-testid]").length;
            const settled = ok && window.__ikmCount === n;
            window.__ikmCount = n;
            return settled;
        }""",
        arg=drawn, timeout=timeout, polling=300,
    )


def wait_for_page(page, title: str, timeout: float = 30_000) -> None:
    """Wait until the page's title is ``title`` and the page has settled."""
    page.wait_for_selector(f"h1:has-text('{title}')", timeout=timeout)
    settle(page, timeout)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page, url: str, data_dir: Path, role: str = "uploader") -> str:
    """Give ``page``'s browser the signed session cookie of the account ``<role>-uji`` (made
    with ``role`` in ``data_dir``, without a password), as a sign-in at /masuk leaves it
    (the form itself: tests/test_browser_access.py). Returns the account's name."""
    from ikm_data.accounts import Accounts
    from ikm_data.signin import COOKIE, Sessions

    name = f"{role}-uji"
    accounts = Accounts(data_dir)
    if accounts.get(name) is None:
        accounts.add(name, role, None)
    sessions = Sessions(data_dir, accounts)
    token = sessions.start(name)
    value = sessions.cookie_value(token, sessions.check(token).expires)
    page.context.add_cookies([{"name": COOKIE, "value": value, "url": url, "httpOnly": True, "sameSite": "Lax"}])
    return name
