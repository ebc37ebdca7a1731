"""The performance benchmark (``python -m ikm_data bench``): generate N synthetic
participant rows the way officials write them (title rows, ``;`` CSV, aliases, id-ID
money, NIK/NIB as text), time validating and importing them as CSV and as XLSX, then time
the dashboard's queries on the resulting store. Speed is measured here, never asserted in
tests.
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20201128
XLSX_CAP = 100_000
HEADERS = ["No", "Nama IKM/UKM", "Kabupaten/Kota", "Jenis Produk", "TK L", "TK P", "Jumlah TK",
           "NIB", "NIK", "No. HP", "Desa/Kelurahan", "Kecamatan", "Kapasitas Produksi", "Satuan",
           "Nilai Pesanan (Rp)", "PIRT", "Halal"]
_PREFIX = np.array(["UD", "IKM", "KUB", "CV", "UMKM", "Kelompok"])
_WORD1 = np.array(["Sinar", "Berkah", "Maju", "Mandiri", "Sejahtera", "Harapan", "Karya", "Cahaya",
                   "Tunas", "Mekar", "Lestari", "Rinjani", "Tambora", "Barokah", "Indah", "Rezeki"])
_WORD2 = np.array(["Jaya", "Sari", "Bersama", "Abadi", "Mulia", "Sentosa", "Utama", "Lombok",
                   "Samawa", "Mbojo", "Gemilang", "Wangi"])
_REGENCIES = np.array(["Lombok Barat", "Kab. Lombok Tengah", "Lotim", "Kabupaten Sumbawa", "Dompu",
                       "Bima", "KSB", "Lombok Utara", "Kota Mataram", "Kota Bima", "Mataram", "Loteng"])
_REGENCY_CODES = {"Lombok Barat": "5201", "Kab. Lombok Tengah": "5202", "Lotim": "5203",
                  "Kabupaten Sumbawa": "5204", "Dompu": "5205", "Bima": "5206", "KSB": "5207",
                  "Lombok Utara": "5208", "Kota Mataram": "5271", "Kota Bima": "5272",
                  "Mataram": "5271", "Loteng": "5202"}
_PRODUCTS = np.array(["Minyak Goreng", "minyak kelapa", "Susu Kedelai", "susu kedele", "Teh Kelor",
                      "Serbat Jahe", "Gula Semut", "Tas Kemasan", "Minyak Cengkeh", "Kopi", "Garam",
                      "Abon Ikan", "Sabun", "Gula Aren"])
_FLAGS = np.array(["Ya", "Tidak", "-", "", "ada", "T"])


def synthetic_frame(n: int, seed: int = SEED) -> pd.DataFrame:
    """``n`` participant rows as text, under officials' headers; deterministic for ``seed``.
    Every row is a distinct enterprise (unique NIB), so the file is valid."""
    rng = np.random.default_rng(seed)
    i = np.arange(n)
    male = rng.integers(0, 12, n)
    female = rng.integers(1, 15, n)
    regency = _REGENCIES[rng.integers(0, len(_REGENCIES), n)]
    money = rng.integers(1, 400, n) * 25_000
    money_text = {v: "Rp " + f"{v:,}".replace(",", ".") for v in np.unique(money)}
    frame = pd.DataFrame({
        "No": (i + 1).astype(str),
        "Nama IKM/UKM": (pd.Series(_PREFIX[rng.integers(0, len(_PREFIX), n)]) + " "
                         + _WORD1[rng.integers(0, len(_WORD1), n)] + " "
                         + _WORD2[rng.integers(0, len(_WORD2), n)] + " "
                         + pd.Series(i + 1).astype(str).str.zfill(7)),
        "Kabupaten/Kota": regency,
        "Jenis Produk": _PRODUCTS[rng.integers(0, len(_PRODUCTS), n)],
        "TK L": male.astype(str),
        "TK P": female.astype(str),
        "Jumlah TK": (male + female).astype(str),
        "NIB": pd.Series((i * 7919) % 10**10).astype(str).str.zfill(10).radd("912"),
        "NIK": pd.Series(pd.Series(regency).map(_REGENCY_CODES).to_numpy())
        + pd.Series(rng.integers(0, 10**12, n)).astype(str).str.zfill(12),
        "No. HP": pd.Series(rng.integers(0, 10**9, n)).astype(str).str.zfill(9).radd("0812"),
        "Desa/Kelurahan": "Sukamaju",
        "Kecamatan": "Selong",
        "Kapasitas Produksi": (rng.integers(10, 500, n) * 10).astype(str),
        "Satuan": "kg/bulan",
        "Nilai Pesanan (Rp)": pd.Series(money).map(money_text).to_numpy(),
        "PIRT": _FLAGS[rng.integers(0, len(_FLAGS), n)],
        "Halal": _FLAGS[rng.integers(0, 2, n)],
    })
    return frame[HEADERS]


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """As an office saves it from an Indonesian Excel: title rows, ``;`` separated, UTF-8."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("DATA IKM PESERTA (SINTETIS, BENCHMARK)\n\n")
        frame.to_csv(fh, sep=";", index=False, lineterminator="\n")
    return path


def write_xlsx(frame: pd.DataFrame, path: Path) -> Path:
    """As an xlsx: a title row, the header in row 3, workers as numbers, NIK/NIB as text."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    ws.append(["DATA IKM PESERTA (SINTETIS, BENCHMARK)"])
    ws.append([])
    ws.append(list(frame.columns))
    numeric = {"No", "TK L", "TK P", "Jumlah TK", "Kapasitas Produksi"}
    cols = [(c in numeric) for c in frame.columns]
    for row in frame.itertuples(index=False, name=None):
        ws.append([int(v) if num else v for v, num in zip(row, cols)])
    wb.save(path)
    return path


def _timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(max(1, repeat)):
        _, seconds = _timed(fn)
        times.append(seconds * 1000)
    return round(statistics.median(times), 1)


def run(rows: int = 100_000, xlsx_rows: int | None = None, repeat: int = 5,
        workdir: str | os.PathLike | None = None) -> dict:
    """Generate, import and query; returns seconds per import step and median
    milliseconds per dashboard query."""
    from ikm_data import importer, queries
    from ikm_data.queries import Dataset, Filters
    from ikm_data.store import Store

    xlsx_rows = min(rows, XLSX_CAP) if xlsx_rows is None else xlsx_rows
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        tmp = Path(tmp)
        frame = synthetic_frame(rows)
        csv_path, gen_csv = _timed(lambda: write_csv(frame, tmp / f"bench_{rows}.csv"))
        xlsx_path, gen_xlsx = (None, 0.0)
        if xlsx_rows:
            xlsx_path, gen_xlsx = _timed(lambda: write_xlsx(frame.head(xlsx_rows), tmp / f"bench_{xlsx_rows}.xlsx"))
        frame = None  # freed before the imports are measured
        gc.collect()
        store = Store.open(tmp / "store", seed_sample=False)
        steps: dict[str, float] = {}
        for kind, path, phase in (("csv", csv_path, 4), ("xlsx", xlsx_path, 5)):
            if path is None:
                continue
            content = path.read_bytes()
            out, steps[f"validate_{kind}_s"] = _timed(lambda: importer.check(
                importer.prepare(content, path.name, memory=importer.mapping_memory(store)), store=store,
                phase=phase))
            assert out.report.valid, out.report.errors[:3]
            del out
            gc.collect()
            out, steps[f"import_{kind}_s"] = _timed(lambda: importer.commit(
                importer.prepare(content, path.name, memory=importer.mapping_memory(store)), store=store,
                phase=phase, user="bench"))
            assert out.committed and not out.noop
            content = out = None
            gc.collect()
        ds, open_s = _timed(lambda: Dataset.open(store))
        f = Filters(phase=4)
        f_all = Filters()
        q = {
            "dataset_open_ms": round(open_s * 1000, 1),
            "kpis_ms": _median_ms(lambda: queries.kpis(ds, f), repeat),
            "kpis_all_phases_ms": _median_ms(lambda: queries.kpis(ds, f_all), repeat),
            "by_product_ms": _median_ms(lambda: queries.by_product(ds, f), repeat),
            "by_regency_ms": _median_ms(lambda: queries.by_regency(ds, f), repeat),
            "directory_page_ms": _median_ms(lambda: queries.directory(ds, f, "", 1), repeat),
            "directory_search_ms": _median_ms(lambda: queries.directory(ds, f, "Sinar Jaya", 3), repeat),
            "phase_summaries_ms": _median_ms(lambda: queries.phase_summaries(ds), repeat),
        }
        history = store.history()
        return {
            "rows": rows,
            "xlsx_rows": xlsx_rows,
            "csv_mb": round(csv_path.stat().st_size / 1e6, 1),
            "xlsx_mb": round(xlsx_path.stat().st_size / 1e6, 1) if xlsx_path else None,
            "generate_s": {"csv": round(gen_csv, 2), "xlsx": round(gen_xlsx, 2)},
            "import": {k: round(v, 2) for k, v in steps.items()},
            "queries": q,
            "stored": [{"version": m.version, "phase": m.phase, "rows": m.rows,
                        "enterprises": m.enterprises, "workers": m.workers} for m in history],
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "platform": platform.platform(terse=True)},
        }


def format_table(result: dict) -> str:
    """The benchmark as a small text table."""
    from ikm_data.formatting import fmt_int

    lines = [f"bench: {fmt_int(result['rows'])} rows CSV ({result['csv_mb']} MB), "
             f"{fmt_int(result['xlsx_rows'])} rows XLSX ({result['xlsx_mb']} MB); "
             f"{result['machine']['cpus']} CPUs, Python {result['machine']['python']}"]
    lines.append(f"{'step':<28}{'time':>12}")
    for key, seconds in result["import"].items():
        lines.append(f"{key.removesuffix('_s'):<28}{seconds:>10.2f} s")
    for key, ms in result["queries"].items():
        lines.append(f"{key.removesuffix('_ms'):<28}{ms:>9.1f} ms")
    if "scale" in result:
        scale = result["scale"]
        lines.append(f"pages' queries on {fmt_int(scale['rows'])} rows (built in {scale['build_s']} s, "
                     f"committed in {scale['commit_s']} s):")
        for key, ms in scale["queries"].items():
            lines.append(f"  {key.removesuffix('_ms'):<26}{ms:>9.1f} ms")
    return "\n".join(lines)


# Generated in DuckDB straight into the participant schema: the query benchmark at a scale
# (10 million rows) where going through a CSV import would only measure the import again.
_SCALE_SQL = """
    SELECT CAST(4 AS SMALLINT) AS phase,
           'bench-' || i AS enterprise_key,
           'IKM Bench ' || lpad(CAST(i AS VARCHAR), 8, '0') AS name,
           ($regencies)[1 + (hash(i) % 10)::INTEGER] AS regency_code,
           ($products)[1 + (hash(i * 7) % len($products))::INTEGER] AS product_code,
           ($products)[1 + (hash(i * 7) % len($products))::INTEGER] AS product_name,
           CAST(1 + hash(i * 13) % 20 AS INTEGER) AS workers,
           CAST(NULL AS INTEGER) AS workers_male, CAST(NULL AS INTEGER) AS workers_female,
           'Pemilik ' || (i % 997) AS owner,
           '52' || lpad(CAST(hash(i * 17) % 100000000000000 AS VARCHAR), 14, '0') AS nik,
           '912' || lpad(CAST(i AS VARCHAR), 10, '0') AS nib,
           '0812' || lpad(CAST(hash(i * 19) % 1000000000 AS VARCHAR), 9, '0') AS phone,
           NULL AS address, 'Sukamaju' AS village, 'Selong' AS district,
           CAST(10 * (hash(i) % 500) AS DOUBLE) AS capacity, 'kg/bulan' AS capacity_unit,
           CAST(25000 * (hash(i * 3) % 400) AS BIGINT) AS order_value,
           hash(i) % 2 = 0 AS pirt, hash(i) % 3 = 0 AS halal, false AS bpom, false AS sni,
           hash(i) % 9 = 0 AS tourism, NULL AS tourism_partner, hash(i) % 5 = 0 AS mentoring,
           CAST(i + 2 AS INTEGER) AS source_row
    FROM range($rows) t(i)
"""


def run_queries(rows: int, repeat: int = 5, workdir: str | os.PathLike | None = None) -> dict:
    """Median milliseconds of every query the pages run, on a store holding ``rows``
    participant rows in one phase (plus the synthetic Phase III sample)."""
    import duckdb

    from ikm_data import queries, schema
    from ikm_data.queries import Dataset, Filters
    from ikm_data.reference import load_reference
    from ikm_data.store import Store

    ref = load_reference()
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        store = Store.open(Path(tmp) / "store")
        con = duckdb.connect()
        con.execute("SET enable_progress_bar = false")
        params = {"rows": rows, "regencies": [r.code for r in ref.regencies],
                  "products": [p.code for p in ref.products]}
        table, build_s = _timed(lambda: con.sql(_SCALE_SQL, params=params).to_arrow_table().cast(schema.SCHEMA))
        _, commit_s = _timed(lambda: store.commit(table, phase=4, user="bench", file_name="bench.parquet",
                                                  content=b"bench %d" % rows))
        table = None
        gc.collect()
        ds, open_s = _timed(lambda: Dataset.open(store))
        f = Filters(phase=4)
        narrowed = Filters(phase=4, regencies=("5203",), products=("kopi",))
        q = {
            "dataset_open_ms": round(open_s * 1000, 1),
            "kpis_ms": _median_ms(lambda: queries.kpis(ds, f), repeat),
            "kpis_filtered_ms": _median_ms(lambda: queries.kpis(ds, narrowed), repeat),
            "by_product_ms": _median_ms(lambda: queries.by_product(ds, f), repeat),
            "worker_groups_ms": _median_ms(lambda: queries.worker_groups(ds, f), repeat),
            "by_regency_ms": _median_ms(lambda: queries.by_regency(ds, f), repeat),
            "directory_first_page_ms": _median_ms(lambda: queries.directory(ds, f, "", 1), repeat),
            "directory_page_1000_ms": _median_ms(lambda: queries.directory(ds, f, "", 1000), repeat),
            "directory_search_ms": _median_ms(lambda: queries.directory(ds, f, "00012345", 1), repeat),
            "phase_summaries_ms": _median_ms(lambda: queries.phase_summaries(ds), repeat),
            "reconciliation_ms": _median_ms(lambda: queries.reconciliation(ds, 3), repeat),
        }
        return {"rows": rows, "build_s": round(build_s, 2), "commit_s": round(commit_s, 2), "queries": q,
                "machine": {"cpus": os.cpu_count(), "python": platform.python_version()}}
