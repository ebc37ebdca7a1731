"""Appends and replaces decide under the store lock: two uploads that overlap, checked at
the same moment, give one commit and one clear refusal naming the rows — in one process
(a rival commit slipped in between check and commit) and with two real processes held at
a barrier after their checks."""

import json
import multiprocessing as mp
import os
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ikm_data import importer
from ikm_data.errors import ValidationFailed
from ikm_data.i18n import t
from ikm_data.store import Store

ROOT = Path(__file__).resolve().parent.parent
HEADER = "Nama IKM;Kabupaten/Kota;Jenis Produk;Jumlah TK;NIB"
BARRIER_TIMEOUT = 120  # s: both writers checked and waiting (generous: 2 cores, 4 helpers)


def rows_csv(names, nib=True, product="Kopi") -> bytes:
    """A valid file: one row per name in ``names`` (``IKM <n>``), NIB derived from it."""
    lines = [HEADER]
    for n in names:
        lines.append(f"IKM {n};Lombok Timur;{product};{1 + n % 5};{'%013d' % (8_000_000 + n) if nib else ''}")
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def base(tmp_path) -> Store:
    """A store whose phase 3 holds 10 uploaded rows (``IKM 0`` .. ``IKM 9``, v1)."""
    store = Store.open(tmp_path / "store", seed_sample=False)
    out = importer.run(rows_csv(range(10)), "awal.csv", store=store, phase=3, user="awal")
    assert out.committed and out.committed[0].meta.version == "v1"
    return store


def stored_names(store: Store, phase: int = 3) -> list[str]:
    return sorted(store.phase_table(phase).column("name").to_pylist())


def rival_before_commit(monkeypatch, store: Store, content: bytes, name: str, mode: str = "append",
                        phase: int = 3):
    """Make the next ``commit_many`` first let a rival upload of ``content`` commit: what
    happens when another writer takes the lock between our check and our commit."""
    original = Store.commit_many
    done = []

    def patched(self, *args, **kwargs):
        if not done:
            done.append(True)
            monkeypatch.setattr(Store, "commit_many", original)
            rival = importer.run(content, name, store=Store(self.root), phase=phase, mode=mode,
                                 user="rival")
            assert rival.committed and not rival.noop
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "commit_many", patched)


def rival_at_the_lock(monkeypatch, tmp_path, store: Store, content: bytes, name: str, phase: int):
    """The page's commit runs in a worker process: hold that worker at ``before-lock`` (its
    check done), commit a rival upload of ``content`` meanwhile, then let the worker go on.
    Returns the thread doing it (join it after the click)."""
    marker = tmp_path / "worker.paused"
    monkeypatch.setenv("IKM_TEST_PAUSE_AT", "before-lock")
    monkeypatch.setenv("IKM_TEST_PAUSE_FILE", str(marker))
    done = []

    def rival() -> None:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        os.environ.pop("IKM_TEST_PAUSE_AT", None)  # the rival itself does not stop there
        try:
            done.append(importer.run(content, name, store=Store(store.root), phase=phase, mode="append",
                                     user="rival"))
        finally:
            marker.unlink(missing_ok=True)

    thread = threading.Thread(target=rival, daemon=True)
    thread.start()
    thread.done = done
    return thread


# -- one process: a rival commit slipped in between check and commit -----------------------
def test_overlapping_append_is_refused_naming_the_rows(base, monkeypatch):
    rival_before_commit(monkeypatch, base, rows_csv(range(10, 20)), "rival.csv")
    before = base.state()
    with pytest.raises(ValidationFailed) as caught:
        importer.run(rows_csv(range(15, 25)), "saya.csv", store=base, phase=3, mode="append", user="saya")
    err = caught.value
    assert err.key == "race.append_refused"
    assert err.text("id").startswith("5 baris berkas Anda sudah disimpan oleh unggahan lain (v2, rival.csv)")
    assert err.heading("en") == "Another upload came first"
    rows = [(i.row, i.column, i.value, i.code) for i in err.report.errors]
    # rows 2..6 of saya.csv are IKM 15..19, which rival.csv stored (same NIB, same product)
    assert rows == [(r, "NIB", "%013d" % (8_000_000 + 13 + r), "race.duplicate") for r in range(2, 7)]
    first = err.report.errors[0]
    assert first.message("id").startswith("Baris ini sudah disimpan oleh unggahan lain (v2, rival.csv) saat "
                                          "berkas Anda diperiksa")
    assert "(row 7 of that file)" in first.message("en")  # IKM 15 is row 7 of rival.csv
    assert err.report.errors_total == 5 and not err.report.valid
    after = base.state()
    assert [m.version for m in after.history] == ["v1", "v2"]  # the rival's commit, nothing of ours
    assert stored_names(base) == sorted(f"IKM {n}" for n in range(20))
    assert after.seq == before.seq + 1


def test_appends_that_do_not_overlap_both_commit(base, monkeypatch):
    rival_before_commit(monkeypatch, base, rows_csv(range(10, 20)), "rival.csv")
    out = importer.run(rows_csv(range(20, 30)), "saya.csv", store=base, phase=3, mode="append", user="saya")
    assert [r.meta.version for r in out.committed] == ["v3"]
    assert stored_names(base) == sorted(f"IKM {n}" for n in range(30))
    assert out.committed[0].meta.rows == 30


def test_the_keys_follow_the_rows_stored_meanwhile(base, monkeypatch):
    """A rival stores ``IKM 50`` without NIB while our file names it with a NIB (another
    product): decided on the rows stored now, the rival's row takes our NIB as its key."""
    rival_before_commit(monkeypatch, base, rows_csv([50], nib=False, product="Keripik"), "rival.csv")
    out = importer.run(rows_csv([50]), "saya.csv", store=base, phase=3, mode="append", user="saya")
    assert out.committed and out.report.rekey == {}  # the check saw no such stored row
    table = base.phase_table(3).to_pandas()
    keys = table.loc[table["name"] == "IKM 50", ["product_code", "nib", "enterprise_key"]]
    nib = "%013d" % 8_000_050
    assert sorted(keys["enterprise_key"]) == [nib, nib]  # one enterprise, two products
    assert keys["nib"].isna().sum() == 1
    assert out.committed[0].meta.enterprises == 11


def test_a_replace_is_refused_when_its_phase_moved_on(base, monkeypatch):
    rival_before_commit(monkeypatch, base, rows_csv(range(10, 20)), "rival.csv")
    with pytest.raises(ValidationFailed) as caught:
        importer.run(rows_csv(range(100, 105)), "ganti.csv", store=base, phase=3, mode="replace", user="saya")
    err = caught.value
    assert err.key == "race.replace_refused" and "Tahap 3 berubah" in err.text("id")
    assert [i.message("id") for i in err.report.errors] == [
        "Tahap 3 berubah saat berkas Anda diperiksa: kini v2 (rival.csv, oleh rival). Mengganti sekarang "
        "akan menimpa perubahan itu tanpa Anda lihat."]
    assert [m.version for m in base.history()] == ["v2", "v1"]
    assert stored_names(base) == sorted(f"IKM {n}" for n in range(20))  # the rival's rows are not lost


def test_a_replace_confirmed_on_an_older_version_is_refused(base):
    """The page shows the effect, the official confirms later: ``expected`` (the check's
    ``seen``) is what the replace was decided on."""
    shown = importer.run(rows_csv(range(100, 105)), "ganti.csv", store=base, phase=3, commit=False)
    assert shown.seen == {3: "v1"}
    importer.run(rows_csv(range(10, 20)), "rival.csv", store=base, phase=3, mode="append", user="rival")
    with pytest.raises(ValidationFailed):
        importer.run(rows_csv(range(100, 105)), "ganti.csv", store=base, phase=3, mode="replace", user="saya",
                     expected=shown.seen)
    out = importer.run(rows_csv(range(100, 105)), "ganti.csv", store=base, phase=3, mode="replace", user="saya")
    assert out.committed[0].meta.version == "v3"  # without ``expected``: decided on this call's check


def test_the_refusal_is_readable_in_english_and_names_the_version(base, monkeypatch):
    rival_before_commit(monkeypatch, base, rows_csv([40, 41]), "rival.csv")
    with pytest.raises(ValidationFailed) as caught:
        importer.run(rows_csv([40]), "saya.csv", store=base, phase=3, mode="append")
    assert caught.value.text("en") == t("race.append_refused", "en", count="1", versions="v2, rival.csv")


# -- two processes at a barrier ---------------------------------------------------------
def _appender(root: str, content: bytes, name: str, marker: str, results) -> None:
    """A writer that checks its file, waits at the barrier (before the lock), then commits."""
    try:
        os.environ["IKM_TEST_PAUSE_AT"] = "before-lock"
        os.environ["IKM_TEST_PAUSE_FILE"] = marker
        out = importer.run(content, name, store=Store(root), phase=3, mode="append", user=name)
        results.put((name, "committed", [r.meta.version for r in out.committed]))
    except ValidationFailed as err:
        results.put((name, "refused", [err.key, err.report.errors_total, err.text("id")]))
    except BaseException:  # noqa: BLE001 - reported to the parent
        results.put((name, "crashed", traceback.format_exc()))


def _await(markers: list[Path], procs) -> None:
    deadline = time.monotonic() + BARRIER_TIMEOUT
    while not all(m.exists() for m in markers):
        assert time.monotonic() < deadline, "the writers never reached the barrier"
        assert all(p.poll() is None if hasattr(p, "poll") else p.is_alive() for p in procs), "a writer died"
        time.sleep(0.02)


def _release(markers: list[Path]) -> None:
    for m in markers:
        m.unlink()


@pytest.mark.parametrize("attempt", range(4))
def test_two_processes_appending_overlapping_rows_give_one_commit(base, tmp_path, attempt):
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    files = {"a.csv": rows_csv(range(10, 30)), "b.csv": rows_csv(range(20, 40))}
    markers = {n: tmp_path / f"at-barrier-{n}" for n in files}
    procs = [ctx.Process(target=_appender, args=(str(base.root), c, n, str(markers[n]), results))
             for n, c in files.items()]
    for p in procs:
        p.start()
    _await(list(markers.values()), procs)
    _release(list(markers.values()))  # both checked against v1; now both go for the lock
    got = {}
    for _ in procs:
        name, what, detail = results.get(timeout=BARRIER_TIMEOUT)
        got[name] = (what, detail)
    for p in procs:
        p.join(timeout=BARRIER_TIMEOUT)
    kinds = sorted(what for what, _ in got.values())
    assert kinds == ["committed", "refused"], got
    winner = next(n for n, (what, _) in got.items() if what == "committed")
    loser = next(n for n in got if n != winner)
    assert got[winner][1] == ["v2"]
    key, total, text = got[loser][1]
    assert key == "race.append_refused" and total == 10  # IKM 20..29 are in both
    assert f"oleh unggahan lain (v2, {winner})" in text
    names = stored_names(base)
    assert len(names) == len(set(names)) == 30  # v1's 10 and the winner's 20, none twice
    assert [m.version for m in base.history()] == ["v2", "v1"]


def _cli(root: Path, path: Path, marker: Path) -> subprocess.Popen:
    env = dict(os.environ, IKM_TEST_PAUSE_AT="before-lock", IKM_TEST_PAUSE_FILE=str(marker))
    return subprocess.Popen([sys.executable, "-m", "ikm_data", "--data-dir", str(root), "import", str(path),
                             "--phase", "3", "--mode", "append", "--user", path.stem],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("attempt", range(3))
def test_a_cli_import_racing_a_second_one(base, tmp_path, attempt):
    """Two commands import overlapping rows into one phase at once: the job registry lets
    one commit (it waits at the barrier before the store's lock) and refuses the other at
    once, saying who is saving the phase; nothing of the refused file is stored."""
    paths = []
    for name, names in (("satu", range(10, 25)), ("dua", range(20, 35))):
        paths.append(tmp_path / f"{name}.csv")
        paths[-1].write_bytes(rows_csv(names))
    markers = [tmp_path / f"at-barrier-{p.stem}" for p in paths]
    procs = [_cli(base.root, p, m) for p, m in zip(paths, markers)]
    try:
        deadline = time.monotonic() + BARRIER_TIMEOUT
        while not (any(m.exists() for m in markers) and any(p.poll() is not None for p in procs)):
            assert time.monotonic() < deadline, "no writer reached the barrier, or none was refused"
            time.sleep(0.02)
        winner = next(i for i, m in enumerate(markers) if m.exists())
        _release([markers[winner]])
        done = [p.communicate(timeout=BARRIER_TIMEOUT) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    loser = 1 - winner
    assert (procs[winner].returncode, procs[loser].returncode) == (0, 1), done
    err = done[loser][1]
    assert err.strip().splitlines()[-1].startswith(t("jobs.busy.title", "id")), err
    assert paths[winner].name in err and "Traceback" not in err
    assert "v2" in done[winner][0]
    history = base.history()
    assert [(m.version, m.user) for m in history] == [("v2", paths[winner].stem), ("v1", "awal")]
    table = pq.read_table(base.parquet_path("v2"))
    assert table.num_rows == 25 and len(set(table.column("name").to_pylist())) == 25


def test_the_cli_refusal_in_json(base, tmp_path, monkeypatch, capsys):
    from ikm_data import cli

    path = tmp_path / "saya.csv"
    path.write_bytes(rows_csv([61, 60]))
    rival_before_commit(monkeypatch, base, rows_csv([60]), "rival.csv")
    code = cli.main(["--data-dir", str(base.root), "import", str(path), "--phase", "3", "--mode", "append",
                     "--json"])
    out = capsys.readouterr()
    assert code == 1
    payload = json.loads(out.out)
    assert payload["valid"] is False and payload["refused"].startswith("1 baris berkas Anda")
    assert [(e["row"], e["code"]) for e in payload["errors"]] == [(3, "race.duplicate")]


# -- the Unggah Data page -----------------------------------------------------------------
def test_the_page_shows_the_refusal_with_the_rows(app, store_with_phase3, monkeypatch, tmp_path):
    import datetime as dt

    importer.run(rows_csv(range(10)), "awal.csv", store=store_with_phase3, phase=4, user="awal")
    at = app("unggah")
    at.file_uploader(key="unggah_file").set_value(("saya.csv", rows_csv(range(10, 16)), "text/csv"))
    at.run()
    at.radio(key="unggah_mode").set_value("append").run()
    at.number_input(key="unggah_phase").set_value(4).run()
    at.date_input(key="unggah_as_of").set_value(dt.date(2020, 7, 13)).run()
    assert not at.error, [e.value for e in at.error]
    rival = rival_at_the_lock(monkeypatch, tmp_path, store_with_phase3, rows_csv([12, 14, 30]), "rival.csv", 4)
    at.button(key="unggah_commit").click().run(timeout=60)
    rival.join(10)
    assert rival.done and rival.done[0].committed
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert any(e.startswith("**Unggahan lain lebih dulu** — 2 baris berkas Anda sudah disimpan oleh unggahan "
                            "lain (v3, rival.csv)") for e in errors), errors
    (refused,) = [df.value for df in at.dataframe if "Keterangan" in df.value.columns
                  and df.value["Keterangan"].str.startswith("Baris ini sudah disimpan").all()]
    assert refused["Baris"].tolist() == ["4", "6"]  # IKM 12 and IKM 14 of saya.csv
    assert [m.version for m in store_with_phase3.history()][:2] == ["v3", "v2"]


def test_the_page_refuses_a_replace_confirmed_on_a_version_that_moved_on(app, store_with_phase3):
    """The official sees the effect of replacing phase 4 as it is (v2); before the click
    another upload changes it (v3): the click refuses instead of throwing v3 away."""
    import datetime as dt

    importer.run(rows_csv(range(10)), "awal.csv", store=store_with_phase3, phase=4, user="awal")
    at = app("unggah")
    at.file_uploader(key="unggah_file").set_value(("ganti.csv", rows_csv(range(100, 104)), "text/csv"))
    at.run()
    at.number_input(key="unggah_phase").set_value(4).run()
    at.date_input(key="unggah_as_of").set_value(dt.date(2020, 7, 13)).run()
    assert not at.error, [e.value for e in at.error]
    importer.run(rows_csv(range(10, 12)), "rival.csv", store=store_with_phase3, phase=4, mode="append",
                 user="rival")
    at.button(key="unggah_commit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    moved = "**Unggahan lain lebih dulu** — Tahap 4 berubah oleh unggahan lain"
    assert any(e.startswith(moved) for e in errors), errors
    assert [m.version for m in store_with_phase3.history()][:2] == ["v3", "v2"]  # v3 kept, nothing of ours
    at.button(key="unggah_commit").click().run()  # seen the new effect now: the replace goes through
    assert [m.version for m in store_with_phase3.history()][:2] == ["v4", "v3"]
