"""Local server processes the benchmark and the tests start (a dashboard, nginx in front of
several): a free port to give one, and waiting until it answers its health check."""

from __future__ import annotations

import socket
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc, timeout: float, log_path: Path, what: str = "the dashboard") -> None:
    """Return once the server at ``url`` answers ``/_stcore/health`` (through nginx: a
    backend's answer); raise RuntimeError with the end of its log (``log_path``) when
    ``proc`` ends first or ``timeout`` seconds pass."""
    start = time.monotonic()
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() - start > timeout:
            tail = log_path.read_text()[-2000:] if log_path.exists() else ""
            raise RuntimeError(f"{what} did not start: {tail}")
        time.sleep(0.2)
