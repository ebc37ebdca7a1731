"""One job in its own process, bounded in wall-clock time and memory, and cancellable.

The Unggah Data page reads, checks and commits an official's file here, so that a slow or
huge file never holds the server's script thread or grows the server: the file's rows live
and die in the worker, and only a small result comes back. ``run`` waits for the job and
calls ``poll`` every ``POLL_SECONDS``; when ``poll`` raises (Streamlit stops or reruns the
script there when the page closes or another file comes), the worker is killed and reaped
before the exception goes on.

Workers start from a fork server that has imported the importer once (about 10–20 ms a
job instead of the second a fresh interpreter needs); plain ``fork`` of the multi-threaded
server would be unsafe. Memory is the worker's resident size, read from ``/proc`` every
``WATCH_SECONDS``: an address-space limit cannot work, because pyarrow and DuckDB reserve
gigabytes of address space they never touch.
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import os
import time
import traceback
from dataclasses import dataclass
from multiprocessing import connection, spawn

from ikm_data.errors import IkmError, IngestError
from ikm_data.formatting import fmt_int
from ikm_data.settings import setting

POLL_SECONDS = 0.2  # how often ``poll`` runs (Streamlit's chance to stop the script)
WATCH_SECONDS = 0.05  # how often the worker's memory and the clock are looked at
REAP_SECONDS = 5.0  # a killed worker is gone long before this
PRELOAD = ["ikm_data.importer", "ikm_data.upload_jobs"]
SECONDS_SETTING = {"check": "IKM_CHECK_SECONDS", "commit": "IKM_COMMIT_SECONDS"}
_NAME = "ikm-worker"


class WorkerError(RuntimeError):
    """A job raised something that is not an ``IkmError``: a bug. The message carries the
    worker's traceback; like any bug it is not caught by pages or the CLI."""


@dataclass(frozen=True)
class Limits:
    """How long (seconds, wall clock) and how large (resident MB) a job may grow."""

    seconds: float
    memory_mb: int

    @classmethod
    def of(cls, action: str) -> "Limits":
        """The declared limits of ``action`` (``check`` or ``commit``)."""
        return cls(float(setting(SECONDS_SETTING[action])), int(setting("IKM_WORKER_MEMORY_MB")))


def run(func, *args, data=None, action: str = "check", limits: Limits | None = None, poll=None,
        finish: bool = False):
    """``func(*args)`` in a worker process (``func(data, *args)`` when ``data``, a bytes-like
    object, is given: it is streamed to the worker, not pickled). ``func`` must be importable
    by name and its result picklable; keep it small.

    ``poll(elapsed_seconds)`` is called every ``POLL_SECONDS`` while the job runs. When it
    raises, the worker is killed (with ``finish``: left to end within its time limit, e.g. a
    commit the official asked for) and the exception goes on. Returns the job's result; raises
    the job's own ``IkmError``, an ``IngestError`` named ``worker.<action>.too_slow``,
    ``.too_big`` or ``.crashed`` when the limits end it or it dies, and ``WorkerError`` for a
    bug inside the job.
    """
    limits = limits or Limits.of(action)
    here, there = _context().Pipe()
    proc = _context().Process(target=_child, name=_NAME, daemon=True,
                              args=(there, _ikm_environment(), func, args, data is not None))
    started = time.monotonic()
    proc.start()
    there.close()
    try:
        if data is not None:
            _send(here, data)
        reply = _wait(proc, here, started, limits, poll)
    except BaseException:
        if finish and proc.is_alive():
            _wait(proc, here, started, limits, None)  # what it says is no longer awaited
        raise
    finally:
        exitcode = _stop(proc)
        here.close()
    return _unpack(reply, action, limits, exitcode)


# -- the parent's side ----------------------------------------------------------------
def _send(conn, data) -> None:
    try:
        conn.send_bytes(data)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the worker died before reading: its exit says why


def _wait(proc, conn, started: float, limits: Limits, poll) -> tuple:
    """The worker's reply (``("ok", result)``, ``("error", ...)``, ``("bug", traceback)``),
    or ``("ended", why)`` when it died or the limits ended it; ``poll`` on the way."""
    deadline, next_poll = started + limits.seconds, started
    while True:
        ready = connection.wait([conn, proc.sentinel], WATCH_SECONDS)
        if conn in ready or (ready and conn.poll(0)):
            try:
                return conn.recv()
            except (EOFError, OSError):
                return ("ended", "crashed")
        if ready:
            return ("ended", "crashed")
        now = time.monotonic()
        if resident_mb(proc.pid) > limits.memory_mb:
            return ("ended", "too_big")
        if now > deadline:
            return ("ended", "too_slow")
        if poll is not None and now >= next_poll:
            poll(now - started)
            next_poll = now + POLL_SECONDS


def _stop(proc) -> int | None:
    """Kill the worker if it still runs and reap it; its exit code."""
    if proc.is_alive():
        proc.kill()
    proc.join(REAP_SECONDS)
    exitcode = proc.exitcode
    if exitcode is not None:
        proc.close()
    return exitcode


def _unpack(reply, action: str, limits: Limits, exitcode):
    kind = reply[0]
    if kind == "ok":
        return reply[1]
    if kind == "error":
        _, cls, args, state = reply
        err = cls.__new__(cls, *args)  # not __init__: a subclass may want more than a message
        err.args = args
        err.__dict__.update(state)
        raise err
    if kind == "bug":
        raise WorkerError(reply[1])
    why = reply[1]
    params = {"too_slow": {"seconds": fmt_int(limits.seconds)},
              "too_big": {"memory": fmt_int(limits.memory_mb)},
              "crashed": {"code": exitcode if exitcode is not None else "-"}}[why]
    raise IngestError.from_key(f"worker.{action}.{why}", **params)


def resident_mb(pid: int) -> float:
    """The resident memory of process ``pid`` in MB (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            pages = int(fh.read().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


# -- the worker's side ----------------------------------------------------------------
def _child(conn, environment: dict, func, args: tuple, with_data: bool) -> None:
    _set_ikm_environment(environment)
    try:
        if with_data:
            args = (conn.recv_bytes(), *args)
        _die_with_server(conn)
        reply = ("ok", func(*args))
    except IkmError as err:
        reply = ("error", type(err), err.args, vars(err))
    except MemoryError:
        reply = ("ended", "too_big")
    except BaseException:  # noqa: BLE001 - a bug: the parent raises it with this traceback
        reply = ("bug", traceback.format_exc())
    try:
        conn.send(reply)
    except Exception:  # noqa: BLE001 - an unpicklable result is a bug too
        conn.send(("bug", traceback.format_exc()))


def _die_with_server(conn) -> None:
    """End this worker as soon as the server process is gone: the server sends nothing after
    the file, so its end of the pipe becoming readable means it closed (the server died).
    A commit whose server was killed then never completes unseen after the job registry
    (``jobs``) has marked it failed: it ends, as a crash does, before or after the store's
    atomic switch, never half way. (The fork server itself lives on while any worker holds
    the pipe it was handed, so a parent-death signal would never come.)"""
    import threading

    def watch() -> None:
        connection.wait([conn])
        os._exit(1)

    threading.Thread(target=watch, name="ikm-worker-watch", daemon=True).start()


def _ikm_environment() -> dict[str, str]:
    """The ``IKM_*`` settings as this process sees them now (the fork server was started
    earlier, with the environment of that moment)."""
    return {k: v for k, v in os.environ.items() if k.startswith("IKM_")}


def _set_ikm_environment(environment: dict[str, str]) -> None:
    for key in [k for k in os.environ if k.startswith("IKM_") and k not in environment]:
        del os.environ[key]
    os.environ.update(environment)


# -- the fork server ------------------------------------------------------------------
@functools.cache
def _context():
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    spawn.get_preparation_data = functools.partial(_without_main, spawn.get_preparation_data)
    return ctx


def _without_main(original, name):
    """multiprocessing re-imports the parent's ``__main__`` in a new worker; under Streamlit
    ``__main__`` is the page script being run (it would run the whole app in the worker), so
    workers of this module skip it: their jobs live in importable modules."""
    data = original(name)
    if name == _NAME:
        data.pop("init_main_from_name", None)
        data.pop("init_main_from_path", None)
    return data
