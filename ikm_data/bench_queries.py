"""The benchmark's queries: every query the pages run, each beside a pandas baseline doing
the same work the naive way (the rows in one pandas frame, loaded once; filter, group,
count), timed in the same run. Each case also names one figure both must agree on, so a
baseline that does less work than its query is caught (``agrees`` in the output).

The bench store (``bench.build_store``) holds the synthetic Phase III sample, phase 5 with
N rows (one enterprise in ten supplies two products) and phase 4 with N/10 rows, half of
them phase 5's enterprises too (the returning enterprises of Perbandingan Tahap).
"""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from ikm_data import phase_download, queries, returning, schema, themes
from ikm_data.queries import Dataset, Filters

PHASE = 5
SEARCH = "sinar jaya"  # matches about one name in 200
_FLAGS = (*schema.CERTIFICATIONS, "tourism", "mentoring")


@dataclass(frozen=True)
class Case:
    """One query as a page runs it (``duckdb``) and its naive pandas twin (``baseline``),
    with ``figure_d``/``figure_b`` taking the figure both must agree on from their results."""

    name: str
    pages: tuple[str, ...]
    duckdb: Callable[[Dataset], object]
    baseline: Callable[[pd.DataFrame], object]
    figure_d: Callable[[object], object]
    figure_b: Callable[[object], object]


# -- the naive way: filter the frame, group it, count ---------------------------------------
def _rows(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    mask = pd.Series(True, index=df.index)
    if f.phase is not None:
        mask &= df["phase"] == f.phase
    if f.regencies:
        mask &= df["regency_code"].isin(f.regencies)
    if f.products:
        mask &= df["product_code"].isin(f.products)
    return df[mask]


def _per_enterprise(rows: pd.DataFrame, keys: tuple[str, ...] = ()) -> pd.DataFrame:
    return rows.groupby([*keys, "enterprise_key"], observed=True, dropna=False)["workers"].max().reset_index()


def _grouped(rows: pd.DataFrame, key: str) -> pd.DataFrame:
    per = _per_enterprise(rows, (key,))
    return (per.groupby(key, observed=True).agg(enterprises=("enterprise_key", "size"), workers=("workers", "sum"))
            .sort_values("enterprises", ascending=False))


def b_kpis(df: pd.DataFrame, f: Filters) -> dict:
    rows = _rows(df, f)
    per = _per_enterprise(rows)
    return {"enterprises": len(per), "workers": int(per["workers"].sum()),
            "products": rows["product_code"].nunique(), "regencies": rows["regency_code"].nunique(),
            "product_enterprises": len(_per_enterprise(rows, ("product_code",))), "rows": len(rows)}


def b_worker_groups(df: pd.DataFrame, f: Filters, groups: list) -> pd.DataFrame:
    rows = _rows(df, f).copy()
    mapping = {code: label for label, members in groups for code in members}
    rows["grp"] = rows["product_code"].map(mapping).fillna("#" + rows["product_code"])
    return _grouped(rows, "grp")


def b_directory(df: pd.DataFrame, f: Filters, search: str, page: int, size: int = 25) -> tuple[int, pd.DataFrame]:
    rows = _rows(df, f)
    if search:
        hit = pd.Series(False, index=rows.index)
        for col in ("name", "nib", "village"):
            hit |= rows[col].fillna("").str.contains(search, case=False, regex=False)
        rows = rows[hit]
    ordered = rows.sort_values(["phase", "file_row_number"])
    return len(rows), ordered.iloc[(page - 1) * size: page * size].drop(columns=sorted(schema.PERSONAL))


def _flags(rows: pd.DataFrame, keys: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per (keys, enterprise): any row's flag (NA where none says), workers, name."""
    agg = {c: (c, "max") for c in _FLAGS} | {"workers": ("workers", "max"), "name": ("name", "min"),
                                             "home": ("regency_code", "min")}
    per = rows.groupby([*keys, "enterprise_key"], observed=True).agg(**agg).reset_index()
    certs = per[list(schema.CERTIFICATIONS)]
    per["certified"] = certs.any(axis=1).where(certs.notna().any(axis=1))
    return per


def b_counts(df: pd.DataFrame, f: Filters, by: str | None = None) -> pd.DataFrame:
    key = {"product": "product_code", "regency": "regency_code"}.get(by, by)
    per = _flags(_rows(df, f), (key,) if key and key != "mentoring" else ())
    cols = [c for c in (*_FLAGS, "certified") if c != key]
    if not key:
        return pd.DataFrame([{"enterprises": len(per), **{c: int(per[c].fillna(False).astype(bool).sum())
                                                        for c in cols}}])
    return per.groupby(key, dropna=False).agg(enterprises=("enterprise_key", "size"),
                                              **{c: (c, "sum") for c in cols}).reset_index()


def b_uncertified(df: pd.DataFrame, f: Filters, page: int = 1, size: int = 25) -> tuple[int, pd.DataFrame]:
    per = _flags(_rows(df, f))
    rows = per[per["certified"] == False]  # noqa: E712 (NA stays out, as in SQL)
    ordered = rows.sort_values(["home", "name", "enterprise_key"])
    return len(rows), ordered.iloc[(page - 1) * size: page * size]


def b_partners(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    rows = _rows(df, f)
    rows = rows[rows["tourism_partner"].notna()]
    cells = rows.assign(cell=rows["tourism_partner"].str.split(r"[;,\n]", regex=True)).explode("cell")
    cells["written"] = cells["cell"].str.replace(r"\s+", " ", regex=True).str.strip()
    cells = cells[cells["written"] != ""]
    cells["norm"] = cells["written"].str.lower()
    return (cells.groupby("norm").agg(enterprises=("enterprise_key", "nunique"), spellings=("written", "nunique"))
            .sort_values("enterprises", ascending=False))


def b_returning(df: pd.DataFrame, phases: list[int]) -> int:
    rows = df[df["phase"].isin(phases)]
    nib = rows["nib"].fillna("").str.replace(r"[ .\-]", "", regex=True)
    name = rows["name"].str.lower().str.replace(r"[^0-9a-z]+", " ", regex=True).str.strip() + "|" + rows["regency_code"]
    who = ("nib:" + nib).where(nib != "", "nama:" + name)
    per = pd.DataFrame({"who": who, "phase": rows["phase"]}).drop_duplicates()
    return int((per.groupby("who").size() >= 2).sum())


def b_product_names(df: pd.DataFrame) -> dict:
    return df.groupby("product_code")["product_name"].min().to_dict()


# -- the cases ------------------------------------------------------------------------------
def _total(frame: pd.DataFrame, col: str = "enterprises") -> int:
    return int(frame[col].sum())


def ent(result) -> int:
    return result["enterprises"]


def pair(result) -> int:
    """The count of a (count, page) result."""
    return result[0]


def cases(sample_groups: list, compared: list[int]) -> list[Case]:
    """Every query the pages run on the bench store's phase ``PHASE`` (``sample_groups``: the
    worker groups of that phase; ``compared``: the phases Perbandingan Tahap compares)."""
    f = Filters(phase=PHASE)
    narrow = Filters(phase=PHASE, regencies=("5203", "5271"), products=("kopi", "garam"))
    unfiltered = Filters()
    return [
        Case("kpis", ("ringkasan",), lambda ds: queries.kpis(ds, f), lambda df: b_kpis(df, f), ent, ent),
        Case("kpis_filtered", ("ringkasan",), lambda ds: queries.kpis(ds, narrow), lambda df: b_kpis(df, narrow),
             ent, ent),
        Case("by_product", ("produk", "wilayah"), lambda ds: queries.by_product(ds, f),
             lambda df: _grouped(_rows(df, f), "product_code"), _total, _total),
        Case("worker_groups", ("produk", "ringkasan"), lambda ds: queries.worker_groups(ds, f),
             lambda df: b_worker_groups(df, f, sample_groups), _total, _total),
        Case("by_regency", ("wilayah", "produk"), lambda ds: queries.by_regency(ds, f),
             lambda df: _grouped(_rows(df, f), "regency_code"), _total, _total),
        Case("phase_summaries", ("tahap", "ringkasan"), lambda ds: queries.phase_summaries(ds, unfiltered),
             lambda df: {p: b_kpis(df, Filters(phase=p)) for p in sorted(df["phase"].unique())},
             lambda r: int(r.loc[r["phase"] == PHASE, "enterprises"].iloc[0]), lambda r: r[PHASE]["enterprises"]),
        Case("reconciliation", ("ringkasan",), lambda ds: queries.reconciliation(ds, PHASE),
             lambda df: (b_kpis(df, f), _grouped(_rows(df, f), "product_code"), b_worker_groups(df, f, sample_groups)),
             lambda r: len(r), lambda r: 0),  # phase 4 has no published figures: both compare nothing
        Case("directory_first_page", ("direktori",), lambda ds: queries.directory(ds, f, "", 1),
             lambda df: b_directory(df, f, "", 1), pair, pair),
        Case("directory_page_1000", ("direktori",), lambda ds: queries.directory(ds, f, "", 1000),
             lambda df: b_directory(df, f, "", 1000), lambda r: len(r[1]), lambda r: len(r[1])),
        Case("directory_search", ("direktori",), lambda ds: queries.directory(ds, f, SEARCH, 1),
             lambda df: b_directory(df, f, SEARCH, 1), pair, pair),
        Case("download_rows_search", ("direktori",), lambda ds: phase_download.frame(ds, f, SEARCH),
             lambda df: b_directory(df, f, SEARCH, 1, size=10**12)[1], len, len),
        Case("theme_counts", ("sertifikasi", "pariwisata", "dampingan"), lambda ds: themes.counts(ds, f),
             lambda df: b_counts(df, f), lambda r: r["certified"], lambda r: int(r["certified"].iloc[0])),
        Case("counts_by_product", ("sertifikasi", "pariwisata", "dampingan"),
             lambda ds: themes.counts_by(ds, f, "product"), lambda df: b_counts(df, f, "product"),
             _total, _total),
        Case("counts_by_regency", ("sertifikasi", "pariwisata"), lambda ds: themes.counts_by(ds, f, "regency"),
             lambda df: b_counts(df, f, "regency"), _total, _total),
        Case("mentoring_comparison", ("dampingan",), lambda ds: themes.mentoring_comparison(ds, f),
             lambda df: b_counts(df, f, "mentoring"), _total, _total),
        Case("uncertified_page", ("sertifikasi",), lambda ds: themes.uncertified(ds, f, 1),
             lambda df: b_uncertified(df, f), pair, pair),
        Case("uncertified_list", ("sertifikasi",), lambda ds: themes.uncertified(ds, f, 1, keep=False),
             lambda df: b_uncertified(df, f), pair, pair),
        Case("partners", ("pariwisata",), lambda ds: themes.partners(ds, f), lambda df: b_partners(df, f),
             _total, _total),
        Case("partners_count", ("pariwisata",), lambda ds: themes.partners(ds, f, keep=False),
             lambda df: b_partners(df, f), _total, _total),
        Case("returning_summary", ("tahap",), lambda ds: returning.summary(ds, unfiltered),
             lambda df: b_returning(df, compared), ent, lambda r: r),
        Case("returning_match", ("tahap",), lambda ds: returning.summary(ds, unfiltered, keep=False),
             lambda df: b_returning(df, compared), ent, lambda r: r),
        Case("returning_page", ("tahap",), lambda ds: returning.returning(ds, unfiltered, 1), lambda df: b_returning(
            df, compared), pair, lambda r: r),
        Case("product_names", ("sidebar",), queries.product_names, b_product_names, len, len),
    ]


def _median_ms(fn, repeat: int) -> tuple[float, object]:
    """(median milliseconds of ``repeat`` runs after one warm-up run, the last result)."""
    out = fn()
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2), out


def time_duckdb(ds: Dataset, repeat: int = 5) -> list[tuple[Case, float, object]]:
    """Per case: (the case, its query's median ms after a warm-up, its result)."""
    out = []
    for case in cases(ds.ref.worker_groups(PHASE), returning.compared_phases(ds)):
        ms, result = _median_ms(lambda: case.duckdb(ds), repeat)
        out.append((case, ms, result))
    return out


def with_baselines(timed: list[tuple[Case, float, object]], frame: pd.DataFrame | None,
                   repeat: int = 5) -> list[dict]:
    """Per case of ``time_duckdb``: name, pages, ``duckdb_ms``, ``baseline_ms`` (the pandas
    baseline's median over ``frame``), ``ratio`` (baseline / duckdb), ``agrees`` (both gave
    the case's figure alike) and ``figure``. Without a frame the baseline keys are None."""
    out = []
    for case, duck_ms, duck in timed:
        row = {"name": case.name, "pages": list(case.pages), "duckdb_ms": duck_ms, "baseline_ms": None,
               "ratio": None, "agrees": None, "figure": _plain(case.figure_d(duck))}
        if frame is not None:
            base_ms, base = _median_ms(lambda: case.baseline(frame), max(1, min(repeat, 3)))
            row |= {"baseline_ms": base_ms, "ratio": round(base_ms / duck_ms, 1) if duck_ms else None,
                    "agrees": _same(case.figure_d(duck), case.figure_b(base))}
        out.append(row)
    return out


def _same(a, b) -> bool:
    return _plain(a) == _plain(b)


def _plain(value):
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def geomean_ratio(rows: list[dict]) -> float | None:
    """The geometric mean of baseline / duckdb over the cases."""
    ratios = [r["baseline_ms"] / r["duckdb_ms"] for r in rows if r["duckdb_ms"] and r["baseline_ms"]]
    return round(math.exp(statistics.fmean(math.log(x) for x in ratios)), 2) if ratios else None


def load_frame(store, ds: Dataset) -> pd.DataFrame:
    """The baseline's rows: every participant row of ``ds`` in one pandas frame, read from
    ``store``'s Parquet files with pandas, as a naive app would hold them."""
    frames = [pd.read_parquet(p).assign(phase=phase) for phase, p in store.current_files(ds.state).items()]
    frame = pd.concat(frames, ignore_index=True)
    frame["file_row_number"] = frame.groupby("phase").cumcount()
    return frame
