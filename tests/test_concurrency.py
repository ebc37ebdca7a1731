"""Two writers committing at once (a dashboard session and a CLI import) with readers beside
them: no lock error, no lost update, and every read sees a whole, consistent state."""

import multiprocessing as mp
import subprocess
import sys
import traceback
from pathlib import Path

from ikm_data.store import Store

ROOT = Path(__file__).resolve().parent.parent
COMMITS = 6


def _content(phase: int, i: int) -> bytes:
    """A valid file for ``phase`` whose size differs per commit (so no two are equal)."""
    lines = ["Nama IKM;Kabupaten/Kota;Jenis Produk;Jumlah TK;NIB"]
    for j in range(40 + 10 * i + phase):
        lines.append(f"IKM {phase}-{i}-{j};Lombok Timur;Kopi;{1 + j % 7};{phase}{i:02d}{j:010d}")
    return ("\n".join(lines) + "\n").encode()


def _writer(root: str, phase: int, errors) -> None:
    try:
        from ikm_data import importer

        store = Store.open(root)
        for i in range(COMMITS):
            outcome = importer.run(_content(phase, i), f"tahap{phase}_{i}.csv", store=store, phase=phase,
                                   user=f"penulis{phase}")
            assert outcome.report.valid and outcome.committed and not outcome.noop
    except BaseException:  # noqa: BLE001 - reported to the parent
        errors.put(f"writer {phase}: {traceback.format_exc()}")


def _reader(root: str, stop, errors, counts) -> None:
    try:
        from ikm_data.queries import Dataset, Filters, kpis

        store = Store(root)
        n = 0
        while not stop.is_set() or n < 3:
            state = store.state()
            ds = Dataset.open(store, state)
            for phase in ds.data_phases():
                meta = state.current(phase)
                k = kpis(ds, Filters(phase=phase))
                assert (k["rows"], k["enterprises"], k["workers"]) == (meta.rows, meta.enterprises, meta.workers), \
                    (phase, meta.version, k)
            ds.con.close()
            n += 1
        counts.put(n)
    except BaseException:  # noqa: BLE001
        errors.put(f"reader: {traceback.format_exc()}")


def test_two_writers_and_readers_lose_nothing(tmp_path):
    root = str(tmp_path / "store")
    Store.open(root)
    ctx = mp.get_context("spawn")
    errors, counts, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    readers = [ctx.Process(target=_reader, args=(root, stop, errors, counts)) for _ in range(2)]
    writers = [ctx.Process(target=_writer, args=(root, phase, errors)) for phase in (4, 5)]
    for p in readers + writers:
        p.start()
    # and a CLI import beside them, as an official's script would run next to the server
    (tmp_path / "cli.csv").write_bytes(_content(6, 0))
    cli = subprocess.run([sys.executable, "-m", "ikm_data", "--data-dir", root, "import", str(tmp_path / "cli.csv"),
                          "--phase", "6", "--user", "skrip"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    for p in writers:
        p.join(timeout=300)
    stop.set()
    for p in readers:
        p.join(timeout=300)
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    assert problems == []
    assert cli.returncode == 0, cli.stderr
    assert all(p.exitcode == 0 for p in readers + writers)
    assert sorted(counts.get() for _ in readers)[0] >= 3

    store = Store.open(root)
    history = store.state().history
    assert len(history) == 1 + 2 * COMMITS + 1                        # the sample, every commit, the CLI
    assert [m.version for m in history] == [f"v{i}" for i in range(1, len(history) + 1)]
    for phase in (4, 5):
        mine = [m for m in history if m.phase == phase]
        assert [m.file for m in mine] == [f"tahap{phase}_{i}.csv" for i in range(COMMITS)]  # none lost
        assert store.state().current(phase).file == f"tahap{phase}_{COMMITS - 1}.csv"
        assert store.state().current(phase).rows == 40 + 10 * (COMMITS - 1) + phase
    assert store.state().current(6).user == "skrip"
    assert store.state().current(3).sample
