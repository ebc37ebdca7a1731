"""The benchmark's targets (issue 13, on the 2-core machine) and its readable table.

``judge`` adds to a bench result a ``targets`` list — one entry per figure that has a target
at the result's row count: the figure, its value, the limit, pass or fail — and ``passed``.
Below 1.000.000 rows the 1.000.000-row targets are applied as a yardstick (``tier`` says
so): passing them at a smaller N promises nothing at 1.000.000."""

from __future__ import annotations

from ikm_data.formatting import fmt_int

MIB_2G, MIB_4G = 2048, 4096
TIERS = {  # rows the tier is for: per-query ms, page ms, peak MiB, geo-mean ratio, load (sessions, p95 ms)
    1_000_000: {"query_ms": 50, "page_ms": 1000, "peak_mb": MIB_2G, "geomean": 3.0, "load": (20, 3000)},
    10_000_000: {"query_ms": 100, "page_ms": 3000, "peak_mb": MIB_4G, "geomean": None, "load": None},
}
IMPORT_TARGETS = {("csv", 1_000_000): 10.0, ("xlsx", 100_000): 2.0}  # seconds


def tier(rows: int) -> int:
    """The row count whose targets apply to ``rows``."""
    return 10_000_000 if rows >= 10_000_000 else 1_000_000


def _target(figure: str, value, limit, unit: str, below: bool = True) -> dict:
    ok = value is not None and (value <= limit if below else value >= limit)
    return {"figure": figure, "value": value, "limit": limit, "unit": unit, "pass": bool(ok)}


def judge(result: dict) -> dict:
    """``result`` with ``tier``, ``targets`` and ``passed`` (every target met)."""
    t = TIERS[tier(result["rows"])]
    out = [_target(f"query {q['name']}", q["duckdb_ms"], t["query_ms"], "ms") for q in result.get("queries", [])]
    if t["geomean"] and result.get("geomean_ratio") is not None:
        out.append(_target("queries: baseline / duckdb (geo-mean)", result["geomean_ratio"], t["geomean"], "x",
                           below=False))
    out += [_target(f"page {p['page']}", p["render_ms"], t["page_ms"], "ms") for p in result.get("pages", [])]
    # what the dashboard holds: the queries' process before the baseline's pandas frame, the
    # servers of the load test (``peak_rss_mb``, the bench process's own peak, includes that frame)
    for key in ("queries_peak_rss_mb", "server_peak_rss_mb"):
        if result.get(key) is not None:
            out.append(_target(key, result[key], t["peak_mb"], "MiB"))
    if t["load"]:
        sessions, p95 = t["load"]
        for run in (r for r in result.get("load", []) if r["sessions"] == sessions and not r.get("skipped")):
            out.append(_target(f"load {sessions} sessions{_route(run)} p95", run["p95_ms"], p95, "ms"))
            out.append(_target(f"load {sessions} sessions{_route(run)} errors", run["errors"], 0, ""))
    for imp in result.get("import", []):
        limit = IMPORT_TARGETS.get((imp["format"], imp["rows"]))
        if limit is not None:
            out.append(_target(f"import {imp['format']} {fmt_int(imp['rows'])}", imp["seconds"], limit, "s"))
    return result | {"tier": tier(result["rows"]), "targets": out, "passed": all(x["pass"] for x in out)}


def _route(run: dict) -> str:
    """How a load test reached the dashboard, for its figure's name ("" for one process directly)."""
    if run.get("via") == "nginx":
        return f" (nginx, {run['processes']} process{'es' if run['processes'] != 1 else ''})"
    return " (url)" if run.get("via") == "url" else ""


def _mark(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "MISS")


def format_table(result: dict) -> str:
    """The bench result as text tables (what ``bench`` prints without ``--json``)."""
    m = result.get("machine", {})
    verdict = {x["figure"]: x["pass"] for x in result.get("targets", [])}
    lines = [f"bench: {fmt_int(result['rows'])} rows, {result.get('date', '')}; {m.get('cpus')} CPUs, "
             f"{m.get('memory_gb')} GB, load average {m.get('load_average')}; targets of the "
             f"{fmt_int(result.get('tier', 0))}-row tier", ""]
    lines.append(f"{'query':<26}{'duckdb ms':>11}{'pandas ms':>11}{'ratio':>8}  agrees")
    for q in result.get("queries", []):
        base = f"{q['baseline_ms']:>11.1f}{q['ratio'] or 0:>8.1f}  {'yes' if q['agrees'] else 'NO'}" \
            if q["baseline_ms"] is not None else f"{'–':>11}{'–':>8}  –"
        lines.append(f"{q['name']:<26}{q['duckdb_ms']:>11.1f}{base}  {_mark(verdict.get('query ' + q['name']))}")
    if result.get("geomean_ratio") is not None:
        lines.append(f"{'geo-mean ratio':<26}{'':>22}{result['geomean_ratio']:>8.1f}")
    if result.get("pages"):
        lines += ["", f"{'page (AppTest, warm)':<26}{'render ms':>11}{'cpu ms':>9}{'first ms':>10}"]
        for p in result["pages"]:
            lines.append(f"{p['page']:<26}{p['render_ms']:>11.1f}{p['cpu_ms'] or 0:>9.1f}{p['first_ms']:>10.1f}  "
                         f"{_mark(verdict.get('page ' + p['page']))}")
    if result.get("import"):
        lines += ["", f"{'import':<26}{'rows':>11}{'read s':>9}{'total s':>10}"]
        for i in result["import"]:
            lines.append(f"{i['format']:<26}{fmt_int(i['rows']):>11}{i['read_s']:>9.2f}{i['seconds']:>10.2f}")
    if result.get("load"):
        lines += ["", *_load_lines(result["load"], verdict)]
    lines += ["", f"peak memory: bench {result.get('peak_rss_mb')} MiB, server {result.get('server_peak_rss_mb')} MiB"]
    missed = [x for x in result.get("targets", []) if not x["pass"]]
    lines.append(f"targets: {len(result.get('targets', [])) - len(missed)} met, {len(missed)} missed"
                 + "".join(f"\n  MISS {x['figure']}: {x['value']} {x['unit']} (limit {x['limit']})" for x in missed))
    return "\n".join(lines)


_VIA_ORDER = {"direct": 0, "nginx": 1, "url": 2}


def _load_lines(runs: list[dict], verdict: dict) -> list[str]:
    """The load tests, one session count's runs side by side (directly, then through nginx in
    front of 1, 2... processes); a skipped run with its reason."""
    lines = [f"{'load (sessions)':<16}{'via':<8}{'procs':>5}{'views':>7}{'views/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
             f"{'errors':>8}{'cpu/view':>10}"]
    for r in sorted(runs, key=lambda r: (r["sessions"], _VIA_ORDER.get(r.get("via"), 3), r.get("processes") or 0)):
        head = f"{r['sessions']:<16}{r.get('via') or '':<8}{r.get('processes') or '':>5}"
        if r.get("skipped"):
            lines.append(f"{head}  skipped: {r['skipped']}")
            continue
        mark = _mark(verdict.get(f"load {r['sessions']} sessions{_route(r)} p95"))
        lines.append(f"{head}{r['views']:>7}{r.get('views_per_s') or 0:>9.2f}{r['p50_ms'] or 0:>9}"
                     f"{r['p95_ms'] or 0:>9}{r['errors']:>8}{r.get('server_cpu_ms_per_view') or 0:>10.1f}  "
                     f"{mark}  {r['url']}")
    return lines
