"""SIGKILL during an import of 300,000 rows, at every step of a commit and at arbitrary
moments: the store shows the old state or the new one, whole, and the next import works."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ikm_data import bench
from ikm_data.queries import Dataset, Filters, kpis
from ikm_data.store import Store

pytestmark = pytest.mark.slow  # writers of a 300.000-row import killed at every step; CI runs them

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
ROWS = 300_000
POINTS = ("before-rename", "after-rename", "before-state", "before-replace", "after-state")
DELAYS = (0.5, 3.0)  # seconds after the start: somewhere in reading or validating
WAIT = 240  # the longest a writer may take to reach its point before the test fails


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A 300,000-row CSV and the totals it must produce; a store holding an older phase 4."""
    folder = tmp_path_factory.mktemp("crash")
    frame = bench.synthetic_frame(ROWS)
    csv_path = bench.write_csv(frame, folder / "tahap4_besar.csv")
    workers = int(frame["Jumlah TK"].astype(int).sum())
    base = Store.open(folder / "base")
    old = base.commit(*_small_table(), phase=4, user="lama", file_name="lama.csv", content=b"lama").meta
    return {"csv": csv_path, "new": (ROWS, ROWS, workers), "old": (old.rows, old.enterprises, old.workers),
            "base": base.root, "old_version": old.version}


def _small_table():
    from ikm_data import schema

    table = schema.to_table([{"enterprise_key": "x", "name": "UD Lama", "regency_code": "5205",
                              "product_code": "kopi", "product_name": "Kopi", "workers": 9, "source_row": 2}])
    return (table,)


def _start(store_dir: Path, csv_path: Path, point: str | None, marker: Path) -> subprocess.Popen:
    env = dict(os.environ, IKM_TEST_PAUSE_AT=point or "", IKM_TEST_PAUSE_FILE=str(marker))
    return subprocess.Popen(
        [sys.executable, "-m", "ikm_data", "--data-dir", str(store_dir), "import", str(csv_path), "--phase", "4",
         "--user", "tertembak"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for(marker: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT
    while not marker.exists():
        if proc.poll() is not None:
            raise AssertionError(f"writer ended before its pause point: {proc.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("writer never reached its pause point")
        time.sleep(0.05)


def _assert_whole(store_dir: Path, big, expect: str | None = None) -> str:
    """The store shows the old or the new phase 4, with figures that agree; returns which."""
    store = Store.open(store_dir)
    state = store.state()
    meta = state.current(4)
    ds = Dataset.open(store, state)
    k = kpis(ds, Filters(phase=4))
    shown = (k["rows"], k["enterprises"], k["workers"])
    assert shown == (meta.rows, meta.enterprises, meta.workers)
    which = "new" if shown == big["new"] else "old" if shown == big["old"] else None
    assert which is not None, shown
    if which == "old":
        assert meta.version == big["old_version"] and len(state.history) == 2
    else:
        assert state.history[-1].user == "tertembak" and len(state.history) == 3
    for path in store.current_files(state).values():
        assert pq.read_table(path).num_rows > 0
    assert kpis(ds, Filters(phase=3))["enterprises"] == 453  # the other phase, whole
    if expect:
        assert which == expect
    return which


def test_sigkill_at_every_step_of_a_commit_and_at_random_moments(big, tmp_path):
    runs = []
    for name in POINTS + tuple(f"delay-{d}" for d in DELAYS):
        store_dir = tmp_path / name
        shutil.copytree(big["base"], store_dir)
        marker = tmp_path / f"{name}.paused"
        point = None if name.startswith("delay-") else name
        runs.append((name, store_dir, marker, _start(store_dir, big["csv"], point, marker), time.monotonic()))
    for name, store_dir, marker, proc, started in runs:
        if name.startswith("delay-"):
            delay = float(name.split("-")[1])
            while time.monotonic() < started + delay and proc.poll() is None:
                time.sleep(0.05)
        else:
            _wait_for(marker, proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    outcomes = {}
    for name, store_dir, *_ in runs:
        expect = "new" if name == "after-state" else "old" if name in POINTS else None
        outcomes[name] = _assert_whole(store_dir, big, expect)
    assert outcomes["after-state"] == "new" and outcomes["before-replace"] == "old"

    # after a crash the next import works and cleans up what the killed writer left
    for name, store_dir, *_ in runs[:2]:  # a temporary folder left; a renamed but uncommitted version
        result = subprocess.run([sys.executable, "-m", "ikm_data", "--data-dir", str(store_dir), "import",
                                 str(DATA / "good_two_row_header.xlsx"), "--phase", "4", "--user", "berikut"],
                                cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        store = Store.open(store_dir)
        meta = store.state().current(4)
        assert (meta.version, meta.user, meta.rows, meta.workers) == ("v3", "berikut", 7, 43), name
        assert pq.read_table(store.parquet_path("v3")).num_rows == 7
        assert not list((store_dir / "versions").glob(".tmp-*"))
        assert not list(store_dir.glob(".state.json.*"))


REMOVE_POINTS = ("before-rename", "after-rename", "before-replace")


def test_sigkill_while_removing_a_phase(tmp_path):
    """A removal killed at any step leaves the phase as it was; the next removal works."""
    runs = []
    for point in REMOVE_POINTS:
        store = Store.open(tmp_path / point)
        store.commit(*_small_table(), phase=44, user="lama", file_name="salah.csv", content=b"salah")
        marker = tmp_path / f"{point}.paused"
        env = dict(os.environ, IKM_TEST_PAUSE_AT=point, IKM_TEST_PAUSE_FILE=str(marker))
        proc = subprocess.Popen([sys.executable, "-m", "ikm_data", "--data-dir", str(store.root), "remove-phase",
                                 "44"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        runs.append((store, marker, proc))
    for store, marker, proc in runs:
        _wait_for(marker, proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        state = store.state()
        assert state.phases == {3: "v1", 44: "v2"} and len(state.history) == 2
        assert store.phase_table(44).num_rows == 1
        gone = store.remove_phase(44, user="berikut")
        assert (gone.version, gone.mode) == ("v3", "remove") and store.state().phases[44] is None
        assert not list((store.root / "versions").glob(".tmp-*"))
        assert store.rollback("v2").rows == 1 and store.phase_table(44).num_rows == 1
