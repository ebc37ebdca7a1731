"""Processes of a server the tests started, read from /proc: the server itself, its fork
server and the worker processes it forked for uploads, and their resident memory."""

from __future__ import annotations

import os
import time
from urllib.parse import urlparse

from ikm_data.worker import resident_mb


def children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    parent = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid:
                out.append(int(entry))
    return out


def command(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def server_pid(url: str) -> int:
    """The pid of the ``python -m ikm_data serve`` this test process started for ``url``."""
    port = str(urlparse(url).port)
    (pid,) = [p for p in children(os.getpid()) if "ikm_data serve" in command(p) and port in command(p).split()]
    return pid


def workers(server: int) -> list[int]:
    """The worker processes of ``server`` now (children of its fork server)."""
    servers = [p for p in children(server) if "forkserver" in command(p)]
    return [w for s in servers for w in children(s)]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def serving_mb(server: int) -> float:
    """What the server and its workers hold (MB resident): what a check costs the machine.
    The fork server and multiprocessing's resource tracker, started once, are left out."""
    return resident_mb(server) + sum(resident_mb(w) for w in workers(server))


def wait_until(condition, timeout: float, step: float = 0.05):
    """``condition()``'s first true value within ``timeout`` seconds, else None."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return None
