"""The budget harness: checks one file through the real import path (``importer.run``:
read, find the header, map, validate; in append mode against a store, committing when
valid) in a child process with a cap on its address space and a timeout, and measures its
wall time and peak memory (``ru_maxrss`` from ``os.wait4``).

``check(path)`` is what the tests call. The child is this file run as a script:
``python tests/hostile.py [--root REPO] [--store DIR] FILE`` prints one JSON line —
``{"refused": key, "message": ...}`` for a named error, else ``{"valid": ..., "errors": N,
"codes": {...}}``. ``--root`` lets the same child run against another checkout (the
before/after table of issue 8: ``python tests/hostile.py --measure FOLDER --root /work/main``).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GIB = 1 << 30


@dataclass
class Run:
    """One checked file: ``seconds`` of wall time, ``peak_mb`` the child's peak resident
    memory, ``result`` its JSON line (None when it was killed: ``killed`` says why)."""

    seconds: float
    peak_mb: float
    result: dict | None
    killed: str = ""
    stderr: str = ""


def check(path: Path, *, store: Path | None = None, timeout: float = 60, address_space: int = 6 * GIB,
          root: Path = REPO, python: str = sys.executable) -> Run:
    """Check ``path`` in a child process limited to ``address_space`` bytes of address space
    (importing pandas, pyarrow and DuckDB alone takes 1,2 GB of it) and ``timeout``
    seconds (killed after)."""
    cmd = [python, str(Path(__file__).resolve()), "--root", str(root), "--address-space", str(address_space),
           str(path)]
    if store is not None:
        cmd[2:2] = ["--store", str(store)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        # no preexec_fn: the child is spawned without copying this process, whose memory
        # would otherwise count in the child's peak; it caps its own address space
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=root,
                                env={**os.environ, "IKM_NO_SAMPLE": "1"})
        status, usage, killed = _wait(proc.pid, timeout)
        proc.returncode = status  # reaped by os.wait4
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        text, errors = out.read().decode(), err.read().decode(errors="replace")
    if not killed and "MemoryError" in errors:
        killed = f"MemoryError at the {address_space / GIB:.0f} GB cap"
    lines = text.strip().splitlines()
    result = json.loads(lines[-1]) if lines and not killed else None
    if result is None and not killed:
        killed = f"exit {status}"
    # the child's own high-water mark (VmHWM); ru_maxrss keeps the parent's peak from
    # before the exec, so it is only the fallback for a child that was killed
    peak = (result or {}).get("peak_mb") or usage.ru_maxrss / 1024
    return Run(seconds, peak, result, killed, errors[-2000:])


def _wait(pid: int, timeout: float):
    deadline = time.monotonic() + timeout
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage, ""
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            return status, usage, f"> {timeout:.0f} s"
        time.sleep(0.05)


def store_digest(root: Path) -> dict[str, bytes]:
    """Every file of a store folder with its bytes (to show a refusal changed nothing)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# -- the child ---------------------------------------------------------------------------
def _child(argv: list[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=str(REPO))
    parser.add_argument("--store")
    parser.add_argument("--address-space", type=int, default=6 * GIB)
    parser.add_argument("file")
    args = parser.parse_args(argv)
    resource.setrlimit(resource.RLIMIT_AS, (args.address_space, args.address_space))
    sys.path.insert(0, args.root)
    from ikm_data import importer
    from ikm_data.errors import IkmError
    from ikm_data.store import Store

    store = Store.open(args.store) if args.store else None
    content = Path(args.file).read_bytes()
    try:
        outcome = importer.run(content, Path(args.file).name, store=store, phase=4, mode="append",
                               commit=store is not None)
    except IkmError as err:
        print(json.dumps({"refused": err.key, "message": err.text("id"), "english": err.text("en"),
                          "peak_mb": _own_peak_mb()}))
        return
    rep = outcome.report
    codes: dict[str, int] = {}
    for issue in rep.errors:
        codes[issue.code] = codes.get(issue.code, 0) + 1
    print(json.dumps({"valid": rep.valid, "rows": rep.rows, "errors": rep.errors_total, "codes": codes,
                      "committed": [r.meta.version for r in outcome.committed], "peak_mb": _own_peak_mb()}))


def _own_peak_mb() -> float:
    """This process's peak resident memory since its exec (``VmHWM``), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(folder: Path, root: Path, python: str, names: list[str]) -> None:
    """Print a Markdown table row per hostile file: time, peak memory and outcome."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import make_hostile

    for name in names or list(make_hostile.HOSTILE):
        path = make_hostile.write(folder, name)
        run = check(path, timeout=60, root=root, python=python)
        res = run.result or {}
        what = run.killed or res.get("refused") or (
            f"valid, {res['rows']} rows" if res.get("valid") else f"{res.get('errors')} errors {res.get('codes')}")
        print(f"| {name} | {path.stat().st_size:,} | {run.seconds:.1f} s | {run.peak_mb:,.0f} MB | {what} |",
              flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        import argparse

        p = argparse.ArgumentParser()
        p.add_argument("--measure", type=Path)
        p.add_argument("--root", type=Path, default=REPO)
        p.add_argument("--python", default=sys.executable)
        p.add_argument("names", nargs="*")
        a = p.parse_args()
        _measure(a.measure, a.root, a.python, a.names)
    else:
        _child(sys.argv[1:])
