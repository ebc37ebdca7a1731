"""The performance benchmark (``python -m ikm_data bench``), its library half: the bench
store of N participant rows committed through the store (``build_store``), the imports of
files written the way officials write them (title rows, ``;`` CSV, aliases, id-ID money,
NIK/NIB as text; ``time_imports``) and the queries beside their pandas baselines
(``bench_queries``). The page renders and the load test need streamlit and live in
``ikm_data/ui/bench_pages.py`` and ``ikm_data/ui/load.py``; the CLI puts the parts together
and ``bench_report`` judges them against the targets. Speed is measured here, never
asserted in tests.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import platform
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


# Generated in DuckDB straight into the participant schema: the bench store at any scale (10
# million rows) without measuring an import again. Rows ``$start`` .. ``$start + $rows``; row
# i belongs to enterprise e (every tenth row is the previous row's enterprise with a second
# product), so the queries count distinct enterprises the general way.
_SCALE_SQL = """
    WITH r AS (SELECT i, i - CASE WHEN i % 10 = 9 THEN 1 ELSE 0 END AS e FROM range($start, $start + $rows) t(i))
    SELECT CAST($phase AS SMALLINT) AS phase,
           'nib:912' || lpad(CAST(e AS VARCHAR), 10, '0') AS enterprise_key,
           ($prefixes)[1 + (hash(e * 3) % len($prefixes))::INTEGER] || ' '
               || ($first)[1 + (hash(e) % len($first))::INTEGER] || ' '
               || ($second)[1 + (hash(e * 5) % len($second))::INTEGER] || ' ' || lpad(CAST(e AS VARCHAR), 8, '0')
               AS name,
           ($regencies)[1 + (hash(e) % len($regencies))::INTEGER] AS regency_code,
           ($products)[1 + (hash(i * 7) % len($products))::INTEGER] AS product_code,
           ($products)[1 + (hash(i * 7) % len($products))::INTEGER] AS product_name,
           CAST(1 + hash(e * 13) % 20 AS INTEGER) AS workers,
           CAST(NULL AS INTEGER) AS workers_male, CAST(NULL AS INTEGER) AS workers_female,
           'Pemilik ' || (e % 997) AS owner,
           '52' || lpad(CAST(hash(e * 17) % 100000000000000 AS VARCHAR), 14, '0') AS nik,
           '912' || lpad(CAST(e AS VARCHAR), 10, '0') AS nib,
           '0812' || lpad(CAST(hash(e * 19) % 1000000000 AS VARCHAR), 9, '0') AS phone,
           NULL AS address, 'Sukamaju' AS village, 'Selong' AS district,
           CAST(10 * (hash(i) % 500) AS DOUBLE) AS capacity, 'kg/bulan' AS capacity_unit,
           CAST(25000 * (hash(i * 3) % 400) AS BIGINT) AS order_value,
           hash(e) % 2 = 0 AS pirt, hash(e * 11) % 3 = 0 AS halal, false AS bpom, false AS sni,
           hash(e) % 9 = 0 AS tourism,
           CASE WHEN hash(e) % 9 = 0 THEN ($partners)[1 + (hash(e * 29) % len($partners))::INTEGER] END
               AS tourism_partner,
           hash(e) % 5 = 0 AS mentoring,
           CAST(i - $start + 2 AS INTEGER) AS source_row
    FROM r
"""
_PARTNERS = ["Hotel Lombok Raya", "hotel lombok raya", "Novotel Lombok", "Sheraton Senggigi; Hotel Santika",
             "Hotel  Santika", "Katamaran Resort, Novotel Lombok"]


def _scale_table(con, ref, *, phase: int, start: int, rows: int):
    from ikm_data import schema

    params = {"phase": phase, "start": start, "rows": rows, "regencies": [r.code for r in ref.regencies],
              "products": [p.code for p in ref.products if "_kayu_putih" not in p.code],
              "prefixes": list(_PREFIX), "first": list(_WORD1), "second": list(_WORD2), "partners": _PARTNERS}
    return con.sql(_SCALE_SQL, params=params).to_arrow_table().cast(schema.SCHEMA)


def build_store(root: Path, rows: int) -> dict:
    """The bench store at ``root``: the synthetic Phase III sample, phase 5 (the newest, the
    pages' default) with ``rows`` rows and phase 4 with ``rows // 10`` (half of them phase
    5's enterprises too), committed through ``Store.commit``. Returns seconds to build and
    commit each."""
    import duckdb

    from ikm_data.reference import load_reference
    from ikm_data.store import Store

    ref = load_reference()
    store = Store.open(root, seed_sample=True)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    out = {}
    for phase, start, n in ((5, 0, rows), (4, rows - rows // 20, max(1, rows // 10))):
        table, out[f"build_{phase}_s"] = _timed(lambda: _scale_table(con, ref, phase=phase, start=start, rows=n))
        _, out[f"commit_{phase}_s"] = _timed(lambda: store.commit(
            table, phase=phase, user="bench", file_name=f"bench_tahap{phase}.parquet", content=b"bench %d" % n))
        table = None
        gc.collect()
    con.close()
    return {k: round(v, 2) for k, v in out.items()}


def time_queries(root: Path, repeat: int, baseline: bool = True) -> dict:
    """The queries of ``bench_queries`` on the store at ``root``, with the dataset's open
    time, the peak memory of the process after the queries and before the baseline's frame
    (what the dashboard holds), and, with ``baseline``, the pandas baselines and the frame's
    load time."""
    from ikm_data import bench_queries
    from ikm_data.queries import Dataset
    from ikm_data.store import Store

    store = Store(root)
    gc.collect()
    reset_peak_rss()  # the store's building is not the dashboard's memory
    ds, open_s = _timed(lambda: Dataset.open(store))
    timed = bench_queries.time_duckdb(ds, repeat)
    out = {"dataset_open_ms": round(open_s * 1000, 1), "queries_peak_rss_mb": peak_rss_mb(), "baseline_load_s": None}
    frame = None
    if baseline:
        frame, out["baseline_load_s"] = _timed(lambda: bench_queries.load_frame(store, ds))
        out["baseline_load_s"] = round(out["baseline_load_s"], 2)
    rows = bench_queries.with_baselines(timed, frame, repeat)
    frame = timed = None
    gc.collect()
    ds.con.close()
    return {"queries": rows, **out, "geomean_ratio": bench_queries.geomean_ratio(rows)}


WRITERS = {"csv": (write_csv, "csv"), "xlsx": (write_xlsx, "xlsx")}


def parse_imports(text: str) -> list[tuple[str, int]]:
    """``"csv:100000,xlsx:100000"`` as ``[("csv", 100000), ("xlsx", 100000)]``; "" for none.
    Raises ValueError for a format other than csv/xlsx or a bad row count."""
    out = []
    for item in filter(None, (x.strip() for x in text.split(","))):
        fmt, _, rows = item.partition(":")
        if fmt not in WRITERS or not rows.isdigit() or int(rows) < 1:
            raise ValueError(item)
        out.append((fmt, int(rows)))
    return out


def parse_counts(text: str) -> tuple[int, ...]:
    """``"20,50"`` as ``(20, 50)``; "" for none. Raises ValueError for a count below 1."""
    counts = tuple(int(x) for x in text.split(",") if x.strip())
    if any(c < 1 for c in counts):
        raise ValueError(text)
    return counts


def time_imports(specs: list[tuple[str, int]], workdir: Path) -> list[dict]:
    """Each (format, rows) of ``specs`` written as an office file, then imported into an
    empty store as ``python -m ikm_data import`` does: ``read_s`` (reading and mapping the
    file), ``seconds`` (read + validate + commit)."""
    from ikm_data import importer
    from ikm_data.store import Store

    out = []
    for n, (fmt, rows) in enumerate(specs):
        write, ext = WRITERS[fmt]
        path, write_s = _timed(lambda: write(synthetic_frame(rows), workdir / f"bench_{rows}.{ext}"))
        gc.collect()
        store = Store.open(workdir / f"import_{n}", seed_sample=False)
        content = path.read_bytes()
        limits = import_limits(rows)
        with _settings(limits):
            prepared, read_s = _timed(lambda: importer.prepare(content, path.name))
            outcome, commit_s = _timed(lambda: importer.commit(prepared, store=store, phase=4, user="bench"))
        if not outcome.committed:
            raise RuntimeError(f"bench import of {path.name} was rejected: {outcome.report.errors[:3]}")
        out.append({"format": fmt, "rows": rows, "seconds": round(read_s + commit_s, 2), "read_s": round(read_s, 2),
                    "validate_commit_s": round(commit_s, 2), "file_mb": round(path.stat().st_size / 1e6, 1),
                    "write_s": round(write_s, 2), "limits": limits})
        path.unlink()
        prepared = outcome = content = None
        gc.collect()
    return out


TITLE_ROWS = 3  # the lines above the data in a bench file: its title, a blank line, the header


def import_limits(rows: int) -> dict[str, str]:
    """The budget settings (``IKM_MAX_*``) the bench imports its own file of ``rows`` rows
    under: the defaults, raised where the file (its rows, title and header included, by
    ``len(HEADERS)`` columns) would not fit — the 1.000.000-row CSV holds 1.000.003 lines
    and 17 million cells. Only the bench's imports use them; the product's defaults stay."""
    from ikm_data.settings import setting

    lines = rows + TITLE_ROWS
    cells = lines * len(HEADERS)
    out = {}
    for name, need in (("IKM_MAX_ROWS", lines), ("IKM_MAX_CELLS", cells), ("IKM_MAX_XLSX_CELLS", cells)):
        out[name] = str(max(int(setting(name)), need))
    return out


@contextlib.contextmanager
def _settings(values: dict[str, str]):
    """The environment with ``values`` set, restored afterwards (the budget reads its
    settings at each check)."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def reset_peak_rss() -> bool:
    """Start this process's peak memory (VmHWM) anew from what it holds now (Linux: ``5`` into
    ``/proc/self/clear_refs``), so that a later ``peak_rss_mb`` measures what came after — the
    queries, not the building of the bench store before them. False where not supported."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_rss_mb(pid: int | None = None) -> float | None:
    """The peak resident memory (VmHWM) of process ``pid`` (default: this one) in MiB, or
    None where /proc does not say."""
    try:
        text = Path(f"/proc/{pid or os.getpid()}/status").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def machine() -> dict:
    """Where and with what the figures were taken."""
    import duckdb
    import pyarrow

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(terse=True),
            "processor": platform.processor() or platform.machine(), "memory_gb": _memory_gb(),
            "load_average": [round(x, 2) for x in load] if load else None,
            "versions": {"duckdb": duckdb.__version__, "pandas": pd.__version__, "pyarrow": pyarrow.__version__,
                         "streamlit": _version("streamlit")}}


def _memory_gb() -> float | None:
    try:
        first = Path("/proc/meminfo").read_text().splitlines()[0]
    except OSError:
        return None
    return round(int(first.split()[1]) / 1024 / 1024, 1)


def _version(name: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def start(rows: int, workdir: Path, repeat: int, imports: list[tuple[str, int]], baseline: bool = True) -> dict:
    """The library half of a bench run: the store at ``workdir/store``, the queries and the
    imports. The CLI adds the pages and the load test."""
    build = build_store(workdir / "store", rows)
    result = {"rows": rows, "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
              "machine": machine(), "store": {"path": str(workdir / "store"), **build}}
    result |= time_queries(workdir / "store", repeat, baseline)
    result["import"] = time_imports(imports, workdir)
    return result
