"""The benchmark's load test: S officials at once against a running dashboard, each a
Streamlit session speaking the browser's own protocol — a websocket at ``/_stcore/stream``
carrying ``BackMsg``/``ForwardMsg`` protobufs from the streamlit package. A session asks for
a page view (``BackMsg.rerun_script`` with the page's URL path and a link's filters as the
query string, as a browser does when an official opens a link or clicks a page) and the
view lasts until the server's ``script_finished``. Each session opens pages and changes
filters in its own order, one view after the other, for the given seconds.

``server`` starts a dashboard on a free port for a data directory (the bench store),
``servers`` several over one directory (nginx in front: ``ikm_data.nginx_site``); ``run``
points at any base URL: one process, or nginx in front of several."""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ikm_data.served import free_port, wait_healthy  # noqa: F401 - wait_healthy: tests/browser.py

ROOT = Path(__file__).resolve().parents[2]
# The pages a visitor opens (url paths of app.py's PAGES; the default page, Ringkasan, is "":
# Streamlit gives a default page the root URL whatever its url_path) and the filters a link carries.
PAGES = ("", "produk-komoditas", "wilayah-ntb", "perbandingan-tahap", "direktori-ikm",
         "standardisasi", "pasar-pariwisata", "pendampingan", "tentang-data")
QUERIES = ("", "tahap=4", "tahap=5&kabupaten=5203", "tahap=5&produk=kopi,garam", "kabupaten=5271,5201",
           "tahap=3&lang=en", "tahap=5")
VIEW_TIMEOUT = 120  # seconds a view may take before it counts as an error
_DONE = (0, 3)  # ForwardMsg.FINISHED_SUCCESSFULLY, FINISHED_FRAGMENT_RUN_SUCCESSFULLY


@dataclass
class Tally:
    """What one session saw: each view's seconds, its errors (with a short reason)."""

    views: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    upstream: str | None = None  # behind nginx (its X-Upstream header): the process that served it


def stream_url(base_url: str) -> str:
    """The websocket address of the dashboard at ``base_url`` (``http://host:port/base``)."""
    base = base_url.rstrip("/")
    return ("wss://" + base[8:] if base.startswith("https://") else "ws://" + base.removeprefix("http://")) \
        + "/_stcore/stream"


def _rerun(page: str, query: str) -> bytes:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = page
    return msg.SerializeToString()


async def _view(ws, page: str, query: str) -> str | None:
    """One page view; None when it finished cleanly, else why not."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    await ws.send(_rerun(page, query))
    problem = None
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await asyncio.wait_for(ws.recv(), VIEW_TIMEOUT))
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element" \
                and msg.delta.new_element.WhichOneof("type") == "exception":
            problem = problem or f"exception on {page}: {msg.delta.new_element.exception.type}"
        elif kind == "page_not_found":
            problem = problem or f"page not found: {page}"
        elif kind == "script_finished" and msg.script_finished in _DONE:
            return problem
        elif kind == "script_finished" and msg.script_finished == 1:
            return f"compile error on {page}"


async def _session(url: str, seconds: float, seed: int, tally: Tally) -> None:
    import websockets

    rng = random.Random(seed)
    steps = [(rng.choice(PAGES), rng.choice(QUERIES)) for _ in range(1000)]
    steps[0] = ("", "")  # the link opened first: the default page
    deadline = time.monotonic() + seconds
    try:
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=60,
                                      ping_interval=None) as ws:
            response = getattr(ws, "response", None)
            tally.upstream = response.headers.get("X-Upstream") if response is not None else None
            for page, query in steps:
                start = time.perf_counter()
                problem = await _view(ws, page, query)
                tally.views.append(time.perf_counter() - start)
                if problem:
                    tally.errors.append(problem)
                if time.monotonic() >= deadline:
                    break
    except (OSError, asyncio.TimeoutError, websockets.WebSocketException) as exc:
        tally.errors.append(f"{type(exc).__name__}: {exc}"[:200])


async def _all(url: str, sessions: int, seconds: float) -> list[Tally]:
    tallies = [Tally() for _ in range(sessions)]
    await asyncio.gather(*(_session(url, seconds, 1000 + i, t) for i, t in enumerate(tallies)))
    return tallies


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run(base_url: str, sessions: int, seconds: float = 20, server_pid: int | list[int] | None = None) -> dict:
    """``sessions`` sessions at once against ``base_url`` for ``seconds`` each: ``views``,
    ``p50_ms``/``p95_ms``/``max_ms`` of a view (from the rerun request to ``script_finished``),
    ``views_per_s``, ``errors`` (and the first few ``error_samples``); with ``server_pid`` (one
    process, or every process behind nginx) the servers' CPU per view (``server_cpu_ms_per_view``)."""
    pids = [server_pid] if isinstance(server_pid, int) else list(server_pid or [])
    cpu_before = _cpu_seconds(pids)
    start = time.perf_counter()
    tallies = asyncio.run(_all(stream_url(base_url), sessions, seconds))
    wall = time.perf_counter() - start
    views = [v for t in tallies for v in t.views]
    errors = [e for t in tallies for e in t.errors]
    out = {"sessions": sessions, "url": base_url, "seconds": round(wall, 1), "views": len(views),
           "p50_ms": round(statistics.median(views) * 1000) if views else None,
           "p95_ms": round(_percentile(views, 0.95) * 1000) if views else None,
           "max_ms": round(max(views) * 1000) if views else None,
           "views_per_s": round(len(views) / wall, 2) if wall else None,
           "errors": len(errors), "error_samples": sorted(set(errors))[:5]}
    if any(t.upstream for t in tallies):  # how nginx spread the sessions: sessions per process
        out["sessions_per_process"] = dict(sorted(Counter(t.upstream or "?" for t in tallies).items()))
    cpu_after = _cpu_seconds(pids)
    if cpu_before is not None and cpu_after is not None and views:
        out["server_cpu_ms_per_view"] = round((cpu_after - cpu_before) / len(views) * 1000, 1)
    return out


def _cpu_seconds(pids: list[int]) -> float | None:
    """User + system CPU seconds processes ``pids`` have used together (from /proc), or None."""
    if not pids:
        return None
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _spawn(data_dir: Path, log_path: Path):
    port = free_port()
    env = dict(os.environ, IKM_DATA_DIR=str(data_dir), IKM_RAISE_BUGS="1")
    log = open(log_path, "w")
    proc = subprocess.Popen([sys.executable, "-m", "ikm_data", "serve", "--server.port", str(port),
                             "--server.headless", "true", "--server.fileWatcherType", "none"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    return proc, f"http://127.0.0.1:{port}", log, log_path


def _stop(proc, log) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


@contextmanager
def servers(data_dir: Path, folder: Path, count: int, timeout: float = 120):
    """``count`` dashboards (``python -m ikm_data serve`` on free ports, bugs raised, not
    hidden, so the load test counts them) over one ``data_dir``, started together, their logs
    ``folder/server-N.log``; yields [(base URL, process id)] once all answer. Every one is
    stopped on leaving, also on an error or Ctrl-C."""
    started = []
    try:
        for n in range(count):
            started.append(_spawn(data_dir, folder / f"server-{n + 1}.log"))
        for proc, url, _, log_path in started:
            wait_healthy(url, proc, timeout, log_path)
        yield [(url, proc.pid) for proc, url, _, _ in started]
    finally:
        for proc, _, log, _ in started:
            _stop(proc, log)


@contextmanager
def server(data_dir: Path, log_path: Path, timeout: float = 120):
    """One dashboard over ``data_dir`` (see ``servers``), its log at ``log_path``; yields
    (base URL, process id). Stopped on leaving."""
    proc, url, log, _ = _spawn(data_dir, log_path)
    try:
        wait_healthy(url, proc, timeout, log_path)
        yield url, proc.pid
    finally:
        _stop(proc, log)


def server_peak_rss_mb(pid: int) -> float | None:
    """The server's peak resident memory (VmHWM) in MiB, while it runs."""
    from ikm_data.bench import peak_rss_mb

    return peak_rss_mb(pid)
