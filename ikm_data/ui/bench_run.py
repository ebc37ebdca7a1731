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

from ikm_data import bench, bench_report
from ikm_data.ui import bench_pages, load


@dataclass(frozen=True)
class Plan:
    """What a run measures: ``rows`` in the bench store, ``repeat`` timed runs per query and
    page, ``imports`` ((format, rows) pairs), ``sessions`` (one load test per count; empty:
    none) of ``load_seconds`` each, against ``load_urls`` (empty: a server started here on
    the bench store), ``pages`` (False: skip the AppTest renders), ``workdir`` (where the
    store and files go; default a temporary folder)."""

    rows: int = 100_000
    repeat: int = 5
    imports: tuple[tuple[str, int], ...] = ()
    sessions: tuple[int, ...] = (20, 50)
    load_seconds: float = 20
    load_urls: tuple[str, ...] = ()
    pages: bool = True
    workdir: str | None = None


def run(plan: Plan) -> dict:
    """The benchmark as a dict: the JSON contract of issue 13 and more (see ``bench``)."""
    with tempfile.TemporaryDirectory(dir=plan.workdir, prefix="ikm-bench-") as tmp:
        tmp = Path(tmp)
        result = bench.start(plan.rows, tmp, plan.repeat, list(plan.imports))
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
    if not plan.sessions:
        return {"load": []}
    if plan.load_urls:
        return {"load": [load.run(url, s, plan.load_seconds) for url in plan.load_urls for s in plan.sessions]}
    with load.server(store, tmp / "server.log") as (url, pid):
        runs = [load.run(url, s, plan.load_seconds, server_pid=pid) for s in plan.sessions]
        return {"load": runs, "server_peak_rss_mb": bench.peak_rss_mb(pid)}


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
