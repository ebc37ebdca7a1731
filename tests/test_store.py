"""The versioned store: immutable versions, atomic state, the upload kept as received,
no-op re-commits, append and replace, rollback as a new entry, removing the sample, and
what a crashed writer leaves behind."""

import json

import pyarrow.parquet as pq
import pytest

from ikm_data import schema
from ikm_data.errors import StoreError, UnknownVersion
from ikm_data.store import Store, sha256_bytes


def table(*rows):
    """Participant rows ``(key, name, product, workers)`` in regency 5205."""
    return schema.to_table([{"enterprise_key": k, "name": n, "regency_code": "5205", "product_code": p,
                             "product_name": p.title(), "workers": w, "source_row": i + 2}
                            for i, (k, n, p, w) in enumerate(rows)])


A = table(("a", "UD A", "kopi", 3), ("b", "UD B", "garam", 4))
B = table(("c", "UD C", "kopi", 5))


@pytest.fixture
def empty_store(tmp_path) -> Store:
    return Store.open(tmp_path / "store", seed_sample=False)


def test_new_store_holds_the_sample(store_with_phase3):
    (meta,) = store_with_phase3.history()
    assert (meta.version, meta.phase, meta.mode, meta.sample) == ("v1", 3, "sample", True)
    assert (meta.rows, meta.enterprises, meta.workers) == (453, 453, 2858)


def test_commit_writes_an_immutable_version(empty_store):
    result = empty_store.commit(A, phase=4, user="Baiq", file_name="../tahap 4.csv", content=b"raw,bytes\n")
    meta = result.meta
    assert not result.noop and (meta.version, meta.phase, meta.mode) == ("v1", 4, "replace")
    assert (meta.rows, meta.enterprises, meta.workers, meta.user) == (2, 2, 7, "Baiq")
    assert meta.sha256 == sha256_bytes(b"raw,bytes\n")
    folder = empty_store.version_dir("v1")
    assert json.loads((folder / "meta.json").read_text())["sha256"] == meta.sha256
    assert empty_store.upload_path("v1").read_bytes() == b"raw,bytes\n"
    assert empty_store.upload_path("v1").name == "tahap 4.csv"  # no path parts from the name
    stored = pq.read_table(folder / "participants.parquet")
    assert stored.schema.equals(schema.SCHEMA) and stored["phase"].to_pylist() == [4, 4]
    assert json.loads((empty_store.root / "state.json").read_text())["phases"] == {"4": "v1"}


def test_history_newest_first_with_every_field(empty_store):
    empty_store.commit(A, phase=4, user="a", file_name="a.csv", content=b"a")
    empty_store.commit(B, phase=5, user="b", file_name="b.csv", content=b"b")
    history = empty_store.history()
    assert [m.version for m in history] == ["v2", "v1"]
    assert set(history[0].to_dict()) >= {"version", "phase", "mode", "user", "file", "sha256", "rows",
                                         "enterprises", "workers", "at"}
    assert history[0].at.endswith("+00:00")  # stored in UTC


def test_same_content_same_mode_is_a_noop(empty_store):
    first = empty_store.commit(A, phase=4, user="a", file_name="a.csv", content=b"a")
    again = empty_store.commit(A, phase=4, user="b", file_name="renamed.csv", content=b"a")
    assert again.noop and again.meta.version == first.meta.version
    assert len(empty_store.history()) == 1
    other_mode = empty_store.commit(A, phase=4, mode="append", user="a", file_name="a.csv", content=b"a")
    assert not other_mode.noop and other_mode.meta.rows == 4
    other_phase = empty_store.commit(A, phase=5, user="a", file_name="a.csv", content=b"a")
    assert not other_phase.noop


def test_append_adds_and_replace_replaces(empty_store):
    empty_store.commit(A, phase=4, user="a", file_name="a.csv", content=b"a")
    meta = empty_store.commit(B, phase=4, mode="append", user="a", file_name="b.csv", content=b"b").meta
    assert (meta.rows, meta.enterprises, meta.workers) == (3, 3, 12)
    assert empty_store.phase_table(4)["name"].to_pylist() == ["UD A", "UD B", "UD C"]
    meta = empty_store.commit(B, phase=4, user="a", file_name="b2.csv", content=b"b2").meta
    assert meta.rows == 1 and empty_store.phase_table(4)["name"].to_pylist() == ["UD C"]


def test_append_onto_the_sample_replaces_it(store_with_phase3):
    meta = store_with_phase3.commit(B, phase=3, mode="append", user="a", file_name="b.csv", content=b"b").meta
    assert (meta.rows, meta.sample) == (1, False)
    assert store_with_phase3.phase_table(3)["name"].to_pylist() == ["UD C"]


def test_rollback_is_a_new_entry_and_leaves_other_phases(empty_store):
    empty_store.commit(A, phase=4, user="a", file_name="a.csv", content=b"a")       # v1
    empty_store.commit(B, phase=5, user="a", file_name="b.csv", content=b"b")       # v2
    empty_store.commit(B, phase=4, user="a", file_name="b4.csv", content=b"b4")     # v3
    meta = empty_store.rollback("v1", user="Lalu")                                  # v4
    assert (meta.version, meta.phase, meta.mode, meta.rollback_of, meta.user) == ("v4", 4, "rollback", "v1", "Lalu")
    assert (meta.rows, meta.workers, meta.sha256) == (2, 7, sha256_bytes(b"a"))
    state = empty_store.state()
    assert state.phases == {4: "v4", 5: "v2"}
    assert empty_store.phase_table(4)["name"].to_pylist() == ["UD A", "UD B"]
    assert [m.version for m in empty_store.history()] == ["v4", "v3", "v2", "v1"]
    # the file whose data the phase shows again is a no-op now
    assert empty_store.commit(A, phase=4, user="a", file_name="a.csv", content=b"a").noop
    back = empty_store.rollback("3")
    assert back.rollback_of == "v3" and empty_store.phase_table(4)["name"].to_pylist() == ["UD C"]


def test_rollback_unknown_version(empty_store):
    with pytest.raises(UnknownVersion):
        empty_store.rollback("v9")
    assert empty_store.history() == []


def test_remove_sample_and_bring_it_back(store_with_phase3):
    (removed,) = store_with_phase3.remove_sample(user="x")
    assert (removed.version, removed.mode, removed.phase, removed.rows) == ("v2", "remove", 3, 0)
    assert store_with_phase3.state().phases == {3: None} and store_with_phase3.current_files() == {}
    assert store_with_phase3.remove_sample() == []
    back = store_with_phase3.rollback("v1")
    assert back.sample and back.rows == 453 and store_with_phase3.state().current(3).sample


def test_commit_many_switches_once(empty_store):
    results = empty_store.commit_many({5: B, 4: A}, user="a", file_name="ab.csv", content=b"ab")
    assert [(r.meta.version, r.meta.phase) for r in results] == [("v1", 4), ("v2", 5)]
    assert empty_store.state().seq == 2 and empty_store.state().phases == {4: "v1", 5: "v2"}


def test_refuses_bad_mode_and_phase(empty_store):
    with pytest.raises(StoreError):
        empty_store.commit(A, phase=4, mode="merge", user="a", file_name="a", content=b"a")
    with pytest.raises(StoreError):
        empty_store.commit(A, phase=0, user="a", file_name="a", content=b"a")


def test_debris_of_a_killed_writer_is_ignored_then_cleaned(empty_store):
    empty_store.commit(A, phase=4, user="a", file_name="a.csv", content=b"a")
    versions = empty_store.root / "versions"
    (versions / ".tmp-deadbeef" / "upload").mkdir(parents=True)     # killed while writing
    (versions / "v2").mkdir()                                         # killed after the rename
    (versions / "v2" / "meta.json").write_text("{}")
    (empty_store.root / ".state.json.123.tmp").write_text("{half")     # killed before the replace
    assert empty_store.state().phases == {4: "v1"}
    meta = empty_store.commit(B, phase=4, user="a", file_name="b.csv", content=b"b").meta
    assert meta.version == "v2" and json.loads((versions / "v2" / "meta.json").read_text())["file"] == "b.csv"
    assert not list(versions.glob(".tmp-*")) and not list(empty_store.root.glob(".state.json.*"))
    assert len(list(versions.glob(".orphan-v2-*"))) == 1


def test_reopening_does_not_rewrite_state(store_with_phase3):
    before = (store_with_phase3.root / "state.json").read_bytes()
    Store.open(store_with_phase3.root)
    assert (store_with_phase3.root / "state.json").read_bytes() == before


# -- what a version records; removing a phase -----------------------------------------------
def test_a_version_records_the_data_date_and_the_programme(empty_store):
    meta = empty_store.commit(A, phase=4, user="u", file_name="a.csv", content=b"a", as_of="2020-07-13",
                              programme="  JPS   Gemilang Lanjutan ").meta
    assert (meta.as_of, meta.programme) == ("2020-07-13", "JPS Gemilang Lanjutan")
    on_disk = json.loads((empty_store.version_dir(meta.version) / "meta.json").read_text())
    assert (on_disk["as_of"], on_disk["programme"]) == ("2020-07-13", "JPS Gemilang Lanjutan")
    assert empty_store.history()[0] == meta
    plain = empty_store.commit(B, phase=5, user="u", file_name="b.csv", content=b"b").meta
    assert (plain.as_of, plain.programme) == ("", "JPS Gemilang")


def test_a_store_written_before_dates_and_programmes_still_loads(store_with_phase3):
    store = store_with_phase3
    store.commit(A, phase=4, user="u", file_name="a.csv", content=b"a", as_of="2020-07-13")
    path = store.root / "state.json"
    raw = json.loads(path.read_text())
    for entry in raw["history"]:
        del entry["as_of"], entry["programme"]
    raw["history"][0]["added_by_a_newer_version"] = 1
    path.write_text(json.dumps(raw))
    old, new = store.state().history
    assert (old.version, old.as_of, old.programme, old.sample) == ("v1", "", "JPS Gemilang", True)
    assert (new.version, new.as_of, new.programme, new.rows) == ("v2", "", "JPS Gemilang", 2)
    meta_json = json.loads((store.version_dir("v1") / "meta.json").read_text())
    del meta_json["as_of"], meta_json["programme"]
    from ikm_data.store import VersionMeta

    assert VersionMeta.from_dict(meta_json) == old
    # and the next commit and rollback work on it
    assert store.rollback("v1", user="u").rows == 453


@pytest.mark.parametrize("value", ["13/07/2020", "2020-7-13", "kemarin", "2020-02-30", "2999-01-01"])
def test_a_bad_or_future_date_is_refused_and_stores_nothing(empty_store, value):
    from ikm_data.errors import UsageError

    with pytest.raises(UsageError) as err:
        empty_store.commit(A, phase=4, user="u", file_name="a.csv", content=b"a", as_of=value)
    assert ("belum tiba" if value.startswith("2999") else "TTTT-BB-HH") in err.value.text("id")
    assert err.value.exit_code == 2
    assert empty_store.history() == []


def test_the_same_file_with_another_date_is_a_new_version(empty_store):
    first = empty_store.commit(A, phase=4, user="u", file_name="a.csv", content=b"a", as_of="2020-07-01")
    again = empty_store.commit(A, phase=4, user="u", file_name="a.csv", content=b"a", as_of="2020-07-01")
    fixed = empty_store.commit(A, phase=4, user="u", file_name="a.csv", content=b"a", as_of="2020-07-13")
    assert again.noop and again.meta.version == first.meta.version
    assert not fixed.noop and (fixed.meta.version, fixed.meta.as_of) == ("v2", "2020-07-13")


def test_rollback_and_remove_carry_their_targets_date_and_programme(empty_store):
    empty_store.commit(A, phase=4, user="u", file_name="a.csv", content=b"a", as_of="2020-07-13",
                       programme="Program A")
    empty_store.commit(B, phase=4, user="u", file_name="b.csv", content=b"b", as_of="2020-09-01")
    back = empty_store.rollback("v1", user="u")
    assert (back.as_of, back.programme, back.rows) == ("2020-07-13", "Program A", 2)
    gone = empty_store.remove_phase(4, user="u")
    assert (gone.mode, gone.as_of, gone.programme, gone.file, gone.rows) == ("remove", "2020-07-13", "Program A",
                                                                          "a.csv", 0)


def test_remove_a_mistaken_phase_and_bring_it_back(store_with_phase3):
    store = store_with_phase3
    wrong = store.commit(A, phase=44, user="u", file_name="tahap4.csv", content=b"a").meta
    before = store.state()
    gone = store.remove_phase(44, user="Baiq")
    state = store.state()
    assert (gone.version, gone.phase, gone.mode, gone.user, gone.rows) == ("v3", 44, "remove", "Baiq", 0)
    assert state.phases == {3: "v1", 44: None} and state.seq == before.seq + 1
    assert store.phase_table(44).num_rows == 0 and store.phase_table(3).num_rows == 453
    assert [m.version for m in store.history()] == ["v3", "v2", "v1"]
    back = store.rollback(wrong.version, user="u")
    assert store.state().phases[44] == back.version and store.phase_table(44).num_rows == 2


def test_nothing_to_remove(store_with_phase3):
    store = store_with_phase3
    before = (store.root / "state.json").read_bytes()
    assert store.remove_phase(1, user="u") is None  # only published figures
    assert store.remove_phase(44, user="u") is None  # never uploaded
    assert (store.root / "state.json").read_bytes() == before
    assert store.remove_phase(3, user="u").mode == "remove"  # the sample phase can be emptied too
    assert store.remove_phase(3, user="u") is None  # already empty


def test_remove_phase_waits_for_the_writers_lock(empty_store):
    import threading

    from ikm_data.store import file_lock

    empty_store.commit(A, phase=44, user="u", file_name="a.csv", content=b"a")
    done = []
    with file_lock(empty_store.root / ".lock"):
        worker = threading.Thread(target=lambda: done.append(empty_store.remove_phase(44, user="u")))
        worker.start()
        worker.join(timeout=1.0)
        assert worker.is_alive() and not done  # blocked while another writer holds the lock
        assert empty_store.state().phases == {44: "v1"}
    worker.join(timeout=30)
    assert done[0].version == "v2" and empty_store.state().phases == {44: None}
