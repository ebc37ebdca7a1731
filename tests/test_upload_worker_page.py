"""The Unggah Data page with its worker (AppTest): a check stopped by its limits is a named
error on the page, not a traceback; the session keeps only light results of the current
upload, and a rerun with the same choices does not start the work again."""

import io
import os
import threading
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ikm_data import bench, worker
from tests.apptest import upload
from tests.apptest import values as texts
from tests.test_upload_page import state_bytes


def hostile_parquet(rows: int = 1_000_000) -> bytes:
    """The issue's file: about 14 KB of Parquet, a million identical rows (one name)."""
    table = pa.table({"Nama IKM": ["UD Sinar Jaya"] * rows, "Kabupaten/Kota": ["Dompu"] * rows,
                      "Jenis Produk": ["Kopi"] * rows, "Jumlah TK": ["3"] * rows})
    out = io.BytesIO()
    pq.write_table(table, out, compression="zstd")
    return out.getvalue()


class PeakMemory:
    """The most this process held (resident MB) while the block ran, sampled every 20 ms."""

    def __enter__(self):
        self.start = self.peak = worker.resident_mb(os.getpid())
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._done.wait(0.02):
            self.peak = max(self.peak, worker.resident_mb(os.getpid()))

    def __exit__(self, *exc):
        self._done.set()
        self._thread.join()


@pytest.fixture
def big_csv(tmp_path) -> bytes:
    return bench.write_csv(bench.synthetic_frame(20_000), tmp_path / "besar.csv").read_bytes()


@pytest.fixture
def jobs(monkeypatch) -> list:
    """The names of the jobs the page runs in a worker, in order."""
    ran, real = [], worker.run

    def counting(func, *args, **kwargs):
        ran.append(func.__name__)
        return real(func, *args, **kwargs)

    monkeypatch.setattr(worker, "run", counting)
    return ran


@pytest.mark.parametrize("lang,expected", [
    ("id", "Pemeriksaan berkas ini memerlukan memori lebih dari 50 MB, jadi dihentikan."),
    ("en", "Checking this file needs more than 50 MB of memory, so it was stopped."),
])
def test_a_check_past_the_memory_limit_is_a_named_error(app, store_with_phase3, big_csv, monkeypatch, lang,
                                                        expected):
    monkeypatch.setenv("IKM_WORKER_MEMORY_MB", "50")  # less than a worker needs to start
    before = state_bytes(store_with_phase3)
    at = upload(app("unggah", lang), "besar.csv", big_csv)
    assert any(expected in e for e in texts(at, "error")), texts(at, "error")
    assert not at.metric and not [b for b in at.button if b.key == "unggah_commit"]
    assert state_bytes(store_with_phase3) == before


def test_the_session_keeps_light_results_of_the_current_upload_only(app, store_with_phase3, big_csv, jobs):
    at = upload(app("unggah"), "besar.csv", big_csv)
    assert jobs == ["read", "check"]
    assert {m.label: m.value for m in at.metric}["Baris data"] == "20.000"
    at.run()
    assert jobs == ["read", "check"]  # nothing new to do
    at.number_input(key="unggah_phase").set_value(7).run()
    assert jobs == ["read", "check", "check"]
    cache = at.session_state["_unggah_cache"]
    results = [v for k, v in cache.items() if isinstance(k, tuple)]
    assert results and all(getattr(r, "content", b"") == b"" for r in results)
    assert all(r.raw.grid.empty for r in results if hasattr(r, "raw"))
    assert all(len(r.report.frame) == 50 for r in results if hasattr(r, "report"))
    upload(at, "good_two_row_header.xlsx")
    cache = at.session_state["_unggah_cache"]
    assert {k[1] for k in cache if isinstance(k, tuple)} == {cache["upload"]}  # the first file's results went
    assert jobs[-2:] == ["read", "check"]


def test_the_issues_small_parquet_of_a_million_rows_stops_within_its_limit(app, store_with_phase3, monkeypatch):
    """Once > 8 minutes and +1 GB in the server; now a named error within the limit (or
    sooner, refused by a budget), and the page's own process does not grow."""
    content = hostile_parquet()
    assert len(content) < 30_000
    monkeypatch.setenv("IKM_CHECK_SECONDS", "4")
    before = state_bytes(store_with_phase3)
    at = app("unggah")
    start = time.monotonic()
    with PeakMemory() as memory:
        upload(at, "tahap_sejuta.parquet", content)
    took = time.monotonic() - start
    print(f"\nhostile parquet: {took:.1f}s, page process {memory.start:.0f} -> peak {memory.peak:.0f} MB")
    assert texts(at, "error") and not at.metric, texts(at, "error")
    assert took < 4 * 2 + 5, took  # read and check, each within 4 s, and the page around them
    assert memory.peak - memory.start < 150, (memory.start, memory.peak)
    assert state_bytes(store_with_phase3) == before
