"""A damaged store explains itself and is repaired without losing a byte: check and repair
for each kind of damage, the CLI's check-store/history/rollback on damaged stores, a full
disk (a small tmpfs) and the leftovers of crashed commits cleaned at open."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ikm_data import cli, schema
from ikm_data.errors import StoreDamaged, StoreError, WriteFailed
from ikm_data.queries import Dataset, Filters, kpis
from ikm_data.store import Store


def table(n: int, seed: str = "a"):
    return schema.to_table([{"enterprise_key": f"{seed}{i}", "name": f"UD {seed.upper()} {i}", "regency_code": "5205",
                             "product_code": "kopi", "product_name": "Kopi", "workers": 1 + i % 5,
                             "source_row": i + 2} for i in range(n)])


@pytest.fixture
def three_versions(tmp_path) -> Store:
    """Phase 4 uploaded (v1, 5 rows) then replaced (v2, 7 rows); phase 5 (v3, 3 rows)."""
    store = Store.open(tmp_path / "store", seed_sample=False)
    store.commit(table(5, "a"), phase=4, user="a", file_name="a.csv", content=b"a")
    store.commit(table(7, "b"), phase=4, user="b", file_name="b.csv", content=b"b")
    store.commit(table(3, "c"), phase=5, user="c", file_name="c.csv", content=b"c")
    return store


def files(root: Path) -> dict[str, str]:
    """Every file of the store with its sha256 (the lock file aside)."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".lock"}


def assert_kept(before: dict[str, str], after: dict[str, str], state_damaged: bool = True) -> None:
    """Nothing deleted or changed, except state.json: a damaged one survives under another
    name, a readable one is replaced as by any commit (its history kept in the new one)."""
    for name, digest in before.items():
        if name == "state.json":
            assert not state_damaged or digest in after.values(), "the old state.json is not kept"
        else:
            assert after.get(name) == digest, name


def shown(store: Store) -> dict[int, int]:
    """Rows per phase as the dashboard's queries count them."""
    ds = Dataset.open(store)
    return {p: kpis(ds, Filters(phase=p))["rows"] for p in ds.data_phases()}


def cut(path: Path, keep: int) -> None:
    path.write_bytes(path.read_bytes()[:keep])


DAMAGE = {  # name -> (how, problem key, blocking, phase 4's rows after the repair)
    "truncated_state": (lambda s: cut(s.root / "state.json", 120), "damage.state.unreadable", True, 7),
    "empty_state": (lambda s: cut(s.root / "state.json", 0), "damage.state.empty", True, 7),
    "wrong_structure": (lambda s: (s.root / "state.json").write_text('{"seq": "x", "phases": [1], "history": 3}'),
                        "damage.state.structure", True, 7),
    "state_names_unknown_version": (
        lambda s: (s.root / "state.json").write_text(json.dumps(
            {**json.loads((s.root / "state.json").read_text()), "phases": {"4": "v9"}})),
        "damage.state.structure", True, 7),
    "missing_parquet": (lambda s: s.parquet_path("v2").unlink(), "damage.version.parquet", True, 5),
    "truncated_parquet": (lambda s: cut(s.parquet_path("v2"), 200), "damage.version.parquet_bad", True, 5),
    "missing_meta": (lambda s: (s.version_dir("v2") / "meta.json").unlink(), "damage.version.meta", False, 7),
    "missing_folder": (lambda s: shutil.rmtree(s.version_dir("v2")), "damage.version.folder", True, 5),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_check_and_repair_each_kind_of_damage(three_versions, kind):
    store = three_versions
    damage, key, blocking, rows_after = DAMAGE[kind]
    damage(store)
    report = store.check()
    assert [p.key for p in report.problems] == [key]
    assert report.ok is not blocking
    assert report.last_good == {4: "v1" if key.startswith("damage.version.") and blocking else "v2", 5: "v3"}
    if blocking:
        with pytest.raises(StoreDamaged) as caught:
            Dataset.open(Store.open(store.root))
        assert caught.value.report.problems == report.problems
        for lang in ("id", "en"):
            text = caught.value.text(lang)
            assert report.problems[0].text(lang) in text and "check-store --repair" in text
    before = files(store.root)
    actions, after = store.repair(user="perbaikan")
    assert actions and after.ok and not [p for p in after.problems if p.blocking]
    assert_kept(before, files(store.root), key.startswith("damage.state."))
    assert shown(store) == {4: rows_after, 5: 3}
    if blocking and key.startswith("damage.version."):
        entry = store.state().history[-1]
        assert (entry.version, entry.mode, entry.rollback_of, entry.user) == ("v4", "rollback", "v1", "perbaikan")
        assert entry.note == "perbaikan: v2 tidak terbaca, dipulihkan ke v1"
    assert store.repair()[0] == []  # a second repair finds nothing to do


def test_a_lost_state_and_a_lost_meta_rebuild_from_the_parquet(three_versions):
    store = three_versions
    (store.root / "state.json").unlink()
    (store.version_dir("v3") / "meta.json").unlink()
    store = Store.open(store.root)  # never seeds a new store over the versions
    assert not (store.root / "state.json").exists()
    report = store.check()
    assert {p.key for p in report.problems} == {"damage.state.missing", "damage.version.meta"}
    before = files(store.root)
    actions, after = store.repair()
    assert after.ok and after.problems == ()
    assert_kept(before, files(store.root))
    meta = store.state().version("v3")
    assert (meta.phase, meta.rows, meta.workers, meta.file) == (5, 3, 6, "c.csv")
    assert shown(store) == {4: 7, 5: 3} and store.state().seq == 3
    assert {a.key for a in actions} == {"damage.repair.state_written", "damage.repair.meta_rebuilt"}


def test_rebuilt_state_follows_rollbacks_and_removals(three_versions):
    store = three_versions
    store.rollback("v1")  # v4: phase 4 shows v1's rows again
    store.remove_phase(5)  # v5: phase 5 empty
    expected = store.state()
    cut(store.root / "state.json", 10)
    store.repair()
    assert store.state().phases == expected.phases == {4: "v4", 5: None}
    assert store.state().history == expected.history
    assert shown(store) == {4: 5}


def test_rollback_refuses_a_version_whose_data_is_lost(three_versions):
    store = three_versions
    store.parquet_path("v1").unlink()
    with pytest.raises(StoreError) as caught:
        store.rollback("v1")
    assert caught.value.key == "store.version_unreadable" and "v1" in caught.value.text("en")
    assert store.state().phases[4] == "v2"  # not emptied instead


def test_store_errors_speak_both_languages(three_versions):
    with pytest.raises(StoreError) as caught:
        three_versions.commit(table(1), phase=4, mode="merge", user="x", file_name="x.csv", content=b"x")
    assert "merge" in caught.value.text("en") and caught.value.text("en") != caught.value.text("id")
    with pytest.raises(StoreError) as caught:
        three_versions.rollback("v99")
    assert caught.value.heading("en") == "Unknown version" and "v99" in caught.value.text("en")


# -- the CLI -----------------------------------------------------------------------------------
def run(capsys, root, *args):
    code = cli.main(["--data-dir", str(root), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_check_store_repair_history_rollback_on_a_damaged_state(capsys, three_versions):
    root = three_versions.root
    assert run(capsys, root, "check-store")[0] == 0
    cut(root / "state.json", 50)
    code, out, err = run(capsys, root, "history")
    assert code == 1 and "state.json rusak" in err and "check-store --repair" in err and "Traceback" not in err
    code, out, _ = run(capsys, root, "check-store", "--lang", "en")
    assert code == 1 and "state.json is damaged" in out and "Last readable version: Phase 4: v2; Phase 5: v3" in out
    assert "would" in out and (root / "state.json").stat().st_size == 50  # nothing done without --repair
    code, out, _ = run(capsys, root, "check-store", "--repair", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["ok"] and payload["repaired"] and payload["problems"] == []
    assert payload["last_good"] == {"4": "v2", "5": "v3"}
    code, out, _ = run(capsys, root, "history")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == ["v3", "v2", "v1"]
    code, out, _ = run(capsys, root, "rollback", "v1")
    assert code == 0 and "v4" in out


def test_cli_on_a_missing_parquet(capsys, three_versions):
    root = three_versions.root
    three_versions.parquet_path("v2").unlink()
    code, _, err = run(capsys, root, "summary")
    assert code == 1 and "versi v2 (Tahap 4, data yang ditampilkan sekarang) hilang berkas Parquet-nya" in err
    code, out, _ = run(capsys, root, "history")  # the state reads: history works
    assert code == 0 and "v2" in out
    code, _, err = run(capsys, root, "rollback", "v2")
    assert code == 1 and "v2 tidak bisa dipulihkan" in err
    code, out, _ = run(capsys, root, "check-store", "--repair")
    assert code == 0 and "versi baru v4 memulihkan v1" in out and "versi lama" in out  # v2 stays a note
    assert run(capsys, root, "check-store")[0] == 0
    assert run(capsys, root, "rollback", "v3")[0] == 0


def test_check_store_never_creates_a_store(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path / "none", "check-store")
    assert code == 0 and not (tmp_path / "none").exists()


# -- leftovers ----------------------------------------------------------------------------------
def test_leftovers_of_crashed_commits_are_removed_at_open(three_versions):
    store = three_versions
    versions = store.root / "versions"
    shutil.copytree(store.version_dir("v3"), versions / ".tmp-deadbeef")
    shutil.copytree(store.version_dir("v3"), versions / ".orphan-v4-1234abcd")
    shutil.copytree(store.version_dir("v3"), versions / "v4")  # renamed, the state never switched
    os.utime(versions / "v4")  # written after the state last switched, as a crashed commit is
    (store.root / f".state.json.{uuid.uuid4().hex}.tmp").write_text("{")
    keep = files(store.root)
    Store.open(store.root)
    assert sorted(p.name for p in versions.iterdir()) == ["v1", "v2", "v3"]
    assert not list(store.root.glob(".state.json.*"))
    assert {k: v for k, v in keep.items() if k.startswith("versions/v") and not k.startswith("versions/v4")
            } == {k: v for k, v in files(store.root).items() if k.startswith("versions/")}


def test_open_keeps_newer_versions_when_an_older_state_was_copied_back(three_versions):
    """An official copies back yesterday's state.json by hand: v3 is not named and is above
    its seq, but it was written before this state.json, so it is not a crashed commit."""
    store = three_versions
    state = json.loads((store.root / "state.json").read_text())
    state["seq"], state["history"] = 2, state["history"][:2]
    state["phases"] = {k: ("v2" if v == "v3" else v) for k, v in state["phases"].items()}
    past = time.time() - 3600
    os.utime(store.version_dir("v3"), (past, past))
    (store.root / "state.json").write_text(json.dumps(state))
    Store.open(store.root)
    assert sorted(p.name for p in (store.root / "versions").iterdir()) == ["v1", "v2", "v3"]


def test_open_never_removes_a_referenced_folder_nor_waits_for_a_writer(three_versions):
    store = three_versions
    state = json.loads((store.root / "state.json").read_text())
    state["seq"] = 1  # a state whose seq lags behind the versions it names
    (store.root / "state.json").write_text(json.dumps(state))
    (store.root / "versions" / ".tmp-deadbeef").mkdir()
    from ikm_data.store import file_lock

    with file_lock(store.root / ".lock"):  # a writer holds the lock: open neither waits nor cleans
        Store.open(store.root)
        assert (store.root / "versions" / ".tmp-deadbeef").exists()
    Store.open(store.root)
    assert sorted(p.name for p in (store.root / "versions").iterdir()) == ["v1", "v2", "v3"]
    cut(store.root / "state.json", 20)  # a damaged state: nothing is cleaned
    (store.root / "versions" / "v9").mkdir()
    Store.open(store.root)
    assert (store.root / "versions" / "v9").exists()


# -- a full disk ----------------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs mounted at a temporary folder (needs root)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a tmpfs")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def _fill(folder: Path, leave: int) -> None:
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with open(folder / "filler.bin", "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


@pytest.mark.parametrize("leave", [0, 64 * 1024])
def test_a_full_disk_ends_in_a_named_error_and_leaves_no_debris(small_disk, leave):
    store = Store.open(small_disk / "store", seed_sample=False)
    store.commit(table(5), phase=4, user="a", file_name="a.csv", content=b"a")
    before = files(store.root)
    _fill(small_disk, leave)
    with pytest.raises(WriteFailed) as caught:
        store.commit(table(20_000, "z"), phase=5, user="b", file_name="b.csv", content=os.urandom(200_000))
    err = caught.value
    assert err.key == "store.write.disk_full" and err.text("id").startswith("disk penuh")
    assert "No space left on device" in err.text("en") and str(store.root) in err.text("en")
    assert cli_message(err).startswith("Data tidak tersimpan: disk penuh")
    assert files(store.root) == before  # the old state, nothing staged left
    assert sorted(p.name for p in (store.root / "versions").iterdir()) == ["v1"]
    assert not list(store.root.glob(".state.json.*"))
    (small_disk / "filler.bin").unlink()
    assert store.commit(table(3, "y"), phase=5, user="c", file_name="c.csv", content=b"c").meta.version == "v2"


def cli_message(err) -> str:
    return f"{err.heading('id')}: {err.text('id')}"


def test_a_failed_state_write_removes_the_staged_version(three_versions, monkeypatch):
    store = three_versions
    import errno

    def refuse(*_args, **_kw):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(store, "_write_state", refuse)
    with pytest.raises(WriteFailed) as caught:
        store.commit(table(2, "q"), phase=6, user="x", file_name="x.csv", content=b"x")
    assert caught.value.key == "store.write.read_only"
    assert sorted(p.name for p in (store.root / "versions").iterdir()) == ["v1", "v2", "v3"]
    assert pq.read_table(store.parquet_path("v2")).num_rows == 7
