"""Long work that outlives its page: a small registry of jobs in the data directory, and the
thread that runs one job apart from any Streamlit session.

An official who presses "Simpan" (a commit) or builds a deck may leave the page or close the
tab: the work goes on in a thread of the server process (a commit itself in the bounded worker
process, ``worker.run``), and its record says how far it is and how it ended. Each job is one
file ``<data dir>/jobs/<id>.json`` (``0600``, replaced whole), so every server process sharing
the folder sees every job::

    {"id", "kind": "import" | "deck", "state": "queued" | "running" | "done" | "failed",
     "who", "phases", "file", "sha256", "key", "started", "finished", "progress" (0..1),
     "step" (a progress text), "limit" (seconds), "owner" {host, pid, since},
     "result" {...}, "error" {class, key, params, message, title, issues}, "seen"}

A job whose owner process is gone (the server stopped or was killed while it ran) is marked
failed the next time any process looks (``reap``); a commit never ends half done anyway (the
store switches ``state.json`` atomically), and one the store shows complete is marked done.
Two commits to one phase never run at once: ``start`` refuses the second (``JobBusy``) under
the registry's lock, whichever process each came through. Finished jobs are forgotten after
``KEEP_SECONDS``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import socket
import threading
import time
import traceback
import uuid
from contextlib import contextmanager
from pathlib import Path

from ikm_data import errors
from ikm_data.errors import IkmError, JobBusy
from ikm_data.files import file_lock, private_dir, write_private
from ikm_data.formatting import utc_now

FOLDER = "jobs"
KINDS = ("import", "deck")
ACTIVE = ("queued", "running")
KEEP_SECONDS = 24 * 3600  # a finished job (and its deck file) is kept this long
PROGRESS_SECONDS = 0.25  # a job's progress is written at most this often
_INTERRUPTED = {"class": "StoreError", "key": "jobs.interrupted", "params": {}, "message": "", "title": ""}


def _since(pid: int) -> str:
    """When process ``pid`` started (clock ticks since boot, /proc): with the pid, it tells a
    process from a later one given the same pid. Empty when it is gone or unknown."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def this_process() -> dict:
    """The owner record of a job run here."""
    return {"host": socket.gethostname(), "pid": os.getpid(), "since": _since(os.getpid())}


def owner_alive(owner: dict) -> bool:
    """False when the job's owner process is known to be gone: same host, and no process with
    that pid and start time. A job owned on another host (a shared data folder) counts as alive."""
    if owner.get("host") != socket.gethostname():
        return True
    return bool(owner.get("since")) and _since(int(owner.get("pid", 0))) == owner["since"]


def error_record(err: BaseException) -> dict:
    """An ``IkmError`` as the registry keeps it (both languages can be shown again, and a
    refused commit's rows); anything else as a bug with an incident code."""
    if isinstance(err, IkmError):
        report = getattr(err, "report", None)
        issues = [{k: v for k, v in dataclasses.asdict(i).items() if k != "position"}
                  for i in (getattr(report, "errors", None) or [])]
        return {"class": type(err).__name__, "key": err.key, "params": _plain(err.params), "message": err.message,
                "title": err.title, "issues": issues}
    return {"class": "bug", "key": "jobs.bug", "params": {"incident": uuid.uuid4().hex[:8]}, "message": str(err)}


def error_of(record: dict) -> IkmError:
    """The named error a job failed with, made again from its ``error_record``."""
    cls = getattr(errors, record.get("class", ""), None)
    params = record.get("params") or {}
    if not (isinstance(cls, type) and issubclass(cls, IkmError)):
        return errors.StoreError.from_key(record.get("key") or "jobs.bug", **params)
    if issubclass(cls, errors.ValidationFailed):
        from ikm_data.validate import Issue, Report

        issues = [Issue(**i) for i in record.get("issues") or []]
        return cls(record["message"], Report(errors=issues, errors_total=len(issues)), record.get("title", ""),
                   key=record.get("key"), params=params)
    try:
        return cls(record["message"], record.get("title", ""), key=record.get("key"), params=params)
    except TypeError:  # a class made otherwise (StoreDamaged): its words are kept all the same
        return IkmError(record["message"], record.get("title", ""), key=record.get("key"), params=params)


def _plain(value):
    return json.loads(json.dumps(value, default=str))


class Jobs:
    """The job registry of the data directory ``root``."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root)
        self.folder = self.root / FOLDER

    # -- reading -------------------------------------------------------------------------
    def get(self, job_id: str) -> dict | None:
        """The job ``job_id`` (its owner checked: see ``reap``), or None."""
        job = self._read(self.folder / f"{_safe(job_id)}.json")
        return self._reaped(job) if job else None

    def list(self, *, kind: str | None = None, who: str | None = None) -> list[dict]:
        """Every job (of ``kind``, by ``who``), the newest first, dead owners' marked failed."""
        jobs = [self._reaped(j) for p in self._files() if (j := self._read(p))]
        jobs = [j for j in jobs if (kind is None or j["kind"] == kind) and (who is None or j["who"] == who)]
        return sorted(jobs, key=lambda j: (j["started"], j["id"]), reverse=True)

    def artifact(self, job: dict) -> Path:
        """Where a job's output file (a deck) is kept."""
        return self.folder / f"{_safe(job['id'])}.{job['result'].get('format', 'bin')}"

    def _files(self) -> list[Path]:
        return sorted(self.folder.glob("*.json")) if self.folder.exists() else []

    @staticmethod
    def _read(path: Path) -> dict | None:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # gone meanwhile (forgotten), or being replaced on a strange filesystem

    # -- writing -------------------------------------------------------------------------
    def start(self, kind: str, *, who: str, phases=(), file: str = "", sha256: str = "", key: str = "",
              limit: float = 0) -> tuple[dict, bool]:
        """Register a new job (``queued``, owned by this process) and return ``(job, True)``.

        A deck (``kind="deck"``) whose ``key`` matches a job running or done is not built twice:
        that job is returned with False. An import is refused with ``JobBusy`` while another
        import to one of its ``phases`` is queued or running, in any process."""
        if kind not in KINDS:
            raise ValueError(kind)
        with self._locked():
            self.forget_old()
            for other in self.list(kind=kind):
                if kind == "deck" and key and other["key"] == key and other["state"] != "failed":
                    return other, False
                if kind == "import" and other["state"] in ACTIVE and set(other["phases"]) & set(phases):
                    raise JobBusy.from_key("jobs.busy", phase=sorted(set(other["phases"]) & set(phases))[0],
                                           who=other["who"], file=other["file"], at=other["started"])
            job = {"id": f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}", "kind": kind,
                   "state": "queued", "who": who, "phases": sorted(int(p) for p in phases), "file": file,
                   "sha256": sha256, "key": key, "started": utc_now(), "finished": None, "progress": 0.0,
                   "step": "", "limit": limit, "owner": this_process(), "result": {}, "error": None,
                   "seen": False}
            self._write(job)
        return job, True

    @contextmanager
    def held(self, kind: str, *, who: str, phases=(), file: str = "", sha256: str = "", via: str = "cli"):
        """Register work this process does in the foreground (the command line's ``import``)
        as ``start`` does — ``JobBusy`` while another commit to one of ``phases`` is queued or
        running, in any process — and yield a dict for its result. The job is ``running``
        meanwhile (owned by this process: ``reap`` marks it failed if the process dies), then
        done with that result, or failed with the error that ended it (raised again). Its
        caller saw how it ended, so it is not offered again on a page (``seen``)."""
        job, _ = self.start(kind, who=who, phases=phases, file=file, sha256=sha256)
        self.update(job, state="running", via=via)
        result: dict = {}
        try:
            yield result
        except Exception as err:  # a named error, or a bug (recorded with an incident code)
            self.update(self.fail(job, err), seen=True)
            raise
        except BaseException:  # Ctrl-C: the store is untouched or whole (state.json switches atomically)
            self.update(self.fail(job, dict(_INTERRUPTED)), seen=True)
            raise
        self.update(self.finish(job, result), seen=True)

    def update(self, job: dict, **fields) -> dict:
        """``job`` with ``fields`` changed, written whole (only its owner writes a live job)."""
        job.update(fields)
        self._write(job)
        return job

    def finish(self, job: dict, result: dict) -> dict:
        return self.update(job, state="done", progress=1.0, result=_plain(result), finished=utc_now())

    def fail(self, job: dict, err: BaseException | dict) -> dict:
        record = err if isinstance(err, dict) else error_record(err)
        return self.update(job, state="failed", error=record, finished=utc_now())

    def mark_seen(self, job: dict) -> None:
        """The official has been told how ``job`` ended: it is no longer offered again."""
        if not job.get("seen"):
            self.update(job, seen=True)

    def reap(self) -> int:
        """Mark every job whose owner process is gone failed (or done, for a commit the store
        shows complete); how many were marked. Runs at each server start and at each look."""
        before = [j for p in self._files() if (j := self._read(p)) and j["state"] in ACTIVE]
        return sum(1 for j in before if self._reaped(j)["state"] not in ACTIVE)

    def forget_old(self, now: float | None = None) -> int:
        """Delete finished jobs (and their files) older than ``KEEP_SECONDS``; how many."""
        now = now or time.time()
        gone = 0
        for path in self._files():
            job = self._read(path)
            if not job or job["state"] in ACTIVE or not job.get("finished"):
                continue
            if now - dt.datetime.fromisoformat(job["finished"]).timestamp() > KEEP_SECONDS:
                for p in self.folder.glob(f"{_safe(job['id'])}.*"):
                    p.unlink(missing_ok=True)
                gone += 1
        return gone

    def _reaped(self, job: dict) -> dict:
        if job["state"] not in ACTIVE or owner_alive(job.get("owner") or {}):
            return job
        done = self._committed(job) if job["kind"] == "import" else None
        if done:
            return self.finish(job, {"versions": done, "noop": False, "recovered": True})
        return self.fail(job, dict(_INTERRUPTED))

    def _committed(self, job: dict) -> list[str]:
        """The versions the store holds from ``job``'s file (same sha256 and account, saved
        after it started): a commit that ended whole although its server did not."""
        from ikm_data.store import Store

        try:
            history = Store(self.root).history()
        except (IkmError, OSError):
            return []
        return [m.version for m in history if m.sha256 == job["sha256"] and m.user == job["who"]
                and m.at >= job["started"] and m.mode in ("replace", "append")]

    def _write(self, job: dict) -> None:
        write_private(self.folder / f"{_safe(job['id'])}.json",
                      json.dumps(job, ensure_ascii=False, indent=1).encode("utf-8"))

    def _locked(self):
        private_dir(self.folder)
        return file_lock(self.folder / ".lock")


def _safe(job_id: str) -> str:
    return "".join(c for c in str(job_id) if c.isalnum() or c == "-")[:64]


def run_detached(jobs: Jobs, job: dict, work, on_bug=None) -> threading.Thread:
    """Run ``work(progress)`` for ``job`` in a thread of this process that belongs to no page
    (a daemon: it ends with the server, and ``reap`` marks the job failed then).
    ``progress(fraction, text)`` records how far it is (at most every ``PROGRESS_SECONDS``);
    ``work`` returns the result to record, or raises: an ``IkmError`` is recorded as the
    job's error, anything else as a bug (``on_bug(job, traceback_text)`` logs it)."""
    last = [0.0]

    def progress(fraction: float, text: str = "") -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_SECONDS:
            last[0] = now
            jobs.update(job, progress=round(float(fraction), 3), step=text)

    def body() -> None:
        jobs.update(job, state="running")
        try:
            result = work(progress)
        except IkmError as err:
            jobs.fail(job, err)
        except BaseException as err:  # noqa: BLE001 - a bug: recorded with an incident code, logged
            record = error_record(err)
            if on_bug is not None:
                on_bug(job, record["params"]["incident"], traceback.format_exc())
            jobs.fail(job, record)
        else:
            jobs.finish(job, result)

    thread = threading.Thread(target=body, name=f"ikm-job-{job['id']}", daemon=True)
    thread.start()
    return thread
