"""A whole benchmark run (``python -m ikm_data bench``): the library half (``bench``: the
bench store, the queries beside their baselines, the imports), then every page through
AppTest and the load test against a dashboard started on the bench store (or at the given
URLs), the peak memory of this process and of the server, judged against the targets
(``bench_report``). ``profile`` is ``bench --profile PAGE``."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ikm_data import bench, bench_report, nginx_site
from ikm_data.ui import bench_pages, load


@dataclass(frozen=True)
class Plan:
    """What a run measures: ``rows`` in the bench store, ``repeat`` timed runs per query and
    page, ``imports`` ((format, rows) pairs), ``sessions`` (one load test per count; empty:
    none) of ``load_seconds`` each, against ``load_urls`` (empty: a server started here on
    the bench store), or for each count k of ``processes`` through nginx (the repository's
    site file) in front of k servers started here; ``pages`` (False: skip the AppTest
    renders), ``workdir`` (the folder, created if missing, that holds the run's own temporary
    folder for the store and files; default the system's temporary folder)."""

    rows: int = 100_000
    repeat: int = 5
    baseline: bool = True  # the pandas baselines beside the queries
    imports: tuple[tuple[str, int], ...] = ()
    sessions: tuple[int, ...] = (20, 50)
    load_seconds: float = 20
    load_urls: tuple[str, ...] = ()
    processes: tuple[int, ...] = ()
    pages: bool = True
    workdir: str | None = None


def run(plan: Plan) -> dict:
    """The benchmark as a dict: the JSON contract of issue 13 and more (see ``bench``)."""
    if plan.workdir:
        Path(plan.workdir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=plan.workdir, prefix="ikm-bench-") as tmp:
        tmp = Path(tmp)
        result = bench.start(plan.rows, tmp, plan.repeat, list(plan.imports), plan.baseline)
        store = Path(result["store"]["path"])
        before = os.environ.get("IKM_DATA_DIR")
        os.environ["IKM_DATA_DIR"] = str(store)
        try:
            result["pages"] = bench_pages.render_all(repeat=plan.repeat) if plan.pages else []
            result |= _load(plan, store, tmp)
        finally:
            _restore("IKM_DATA_DIR", before)
        result["peak_rss_mb"] = bench.peak_rss_mb()
    return bench_report.judge(result)


def _load(plan: Plan, store: Path, tmp: Path) -> dict:
    """The load tests: each entry says how it reached the dashboard (``via``: "url", "direct"
    or "nginx") and, where known, behind how many ``processes``."""
    if not plan.sessions:
        return {"load": []}
    if plan.load_urls:
        return {"load": [load.run(url, s, plan.load_seconds) | {"processes": None, "via": "url"}
                         for url in plan.load_urls for s in plan.sessions]}
    if plan.processes:
        return _through_nginx(plan, store, tmp)
    with load.server(store, tmp / "server.log") as (url, pid):
        runs = [load.run(url, s, plan.load_seconds, server_pid=pid) | {"processes": 1, "via": "direct"}
                for s in plan.sessions]
        return {"load": runs, "server_peak_rss_mb": bench.peak_rss_mb(pid)}


def _through_nginx(plan: Plan, store: Path, tmp: Path) -> dict:
    """For each k of ``plan.processes``: k fresh servers over the bench store, nginx in front
    (``nginx_site``: the repository's site file), every session count through it; the servers'
    CPU per view is theirs together, their peak memory the largest. Where nginx is missing or
    will not run, a ``skipped`` entry per session count says why."""
    if nginx_site.binary() is None:  # no server started for nothing
        return {"load": [_skipped(s, k, nginx_site.MISSING) for k in plan.processes for s in plan.sessions],
                "server_peak_rss_mb": None}
    runs, peaks = [], []
    for n, k in enumerate(plan.processes):
        folder = tmp / f"load-{n + 1}-processes-{k}"
        folder.mkdir()
        try:
            with load.servers(store, folder, k) as started, \
                    nginx_site.running(folder / "nginx", [url.removeprefix("http://") for url, _ in started],
                                       tell_upstream=True) as url:
                pids = [pid for _, pid in started]
                for s in plan.sessions:
                    run = load.run(url, s, plan.load_seconds, server_pid=pids)
                    peak = max((bench.peak_rss_mb(p) or 0 for p in pids), default=None)
                    runs.append(run | {"processes": k, "via": "nginx", "server_peak_rss_mb": peak})
                    peaks.append(peak)
        except nginx_site.NginxUnavailable as exc:
            runs += [_skipped(s, k, str(exc)) for s in plan.sessions]
    return {"load": runs, "server_peak_rss_mb": max(peaks) if peaks else None}


def _skipped(sessions: int, processes: int, why: str) -> dict:
    return {"sessions": sessions, "processes": processes, "via": "nginx", "skipped": why[:500]}


def _restore(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def profile(page: str, *, data_dir: str | None = None, rows: int | None = None, repeat: int = 5,
            top: int = 25) -> dict:
    """``page`` (or every page, ``"all"``) viewed warm under cProfile over the store at
    ``data_dir``, else a bench store of ``rows`` rows, else a fresh store holding only the
    synthetic sample. One page: its CPU per view and the top functions; every page: the CPU
    per warm view of each (``render``)."""
    from ikm_data.store import Store

    with tempfile.TemporaryDirectory(prefix="ikm-profile-") as tmp:
        store = Path(data_dir) if data_dir else Path(tmp) / "store"
        if not data_dir and rows:
            bench.build_store(store, rows)
        elif not data_dir:
            Store.open(store, seed_sample=True)
        before = os.environ.get("IKM_DATA_DIR")
        os.environ["IKM_DATA_DIR"] = str(store)
        try:
            if page == "all":
                return {"store": "sample" if not (data_dir or rows) else str(data_dir or rows),
                        "pages": bench_pages.render_all(repeat=repeat)}
            return bench_pages.profile(page, repeat=repeat, top=top)
        finally:
            _restore("IKM_DATA_DIR", before)


def format_profile(out: dict) -> str:
    """``profile``'s result as text."""
    if "pages" in out:
        lines = [f"CPU per warm page view (store: {out['store']}; target 100 ms)",
                 f"{'page':<16}{'cpu ms':>8}{'wall ms':>9}"]
        lines += [f"{p['page']:<16}{p['cpu_ms'] or 0:>8.1f}{p['render_ms']:>9.1f}" for p in out["pages"]]
        return "\n".join(lines)
    return "\n".join([f"{out['page']}: {out['views']} warm views, CPU per view {out['cpu_ms']} ms "
                      f"(median {out['cpu_ms_median']} ms; target 100 ms)", "", "by cumulative time:",
                      out["cumulative"], "", "by own time:", out["tottime"]])
