"""Hostile files (written by tests/make_hostile.py into a session folder) are refused, or
accepted, within a time and memory budget: each is checked through the real import path in
a child process with a capped address space (tests/hostile.py), against a store that must
come out byte for byte unchanged."""

from pathlib import Path

import pytest

from tests import hostile, make_hostile

SECONDS = 30  # the bound for any file under 100 MB
PEAK_MB = 2048
pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.fixture(scope="session")
def guarded_store(tmp_path_factory) -> Path:
    """A store holding the sample, which every refused file is offered to (append, phase 4)."""
    from ikm_data.store import Store

    root = tmp_path_factory.mktemp("store")
    Store.open(root, seed_sample=True)
    return root


REFUSED = [
    ("rows_5m.parquet", "budget.rows", "5.000.000 baris; batasnya 1.000.000"),
    ("huge_string.parquet", "budget.cell", "1.048.576 karakter; batasnya 32.767"),
    ("nested.parquet", "budget.values", "20.000.060 nilai dalam 4 kolom"),
    ("wide.parquet", "budget.columns", "20.000 kolom; batasnya 500"),
    ("same_name_1m.xlsx", "budget.unpacked", "batasnya 400 MB"),
    ("dimension_lies.xlsx", "budget.rows", "1.500.001 baris; batasnya 1.000.000"),
    ("name_10mb.csv", "budget.cell", "(baris 2, kolom Nama IKM) berisi 10.485.763 karakter"),
    ("columns_100k.csv", "budget.columns", "100.000 kolom"),
    ("one_line_60mb.csv", "budget.cell", "62.914.560 karakter"),
    ("rows_2m.csv", "budget.rows", "2.000.001 baris"),
    ("utf16le_no_bom.csv", "ingest.wrong_type.utf16", "UTF-16"),
    ("dimension_lies.xlsb", "budget.rows", "1.048.576 baris; batasnya 1.000.000"),
    ("zip_bomb.ods", "budget.unpacked", "521 MB data setelah dibuka; batasnya 400 MB"),
    ("rows_repeated.ods", "budget.rows", "2.000.001 baris; batasnya 1.000.000"),
]


@pytest.mark.parametrize("name,key,says", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_within_budget_store_unchanged(name, key, says, hostile_dir, guarded_store):
    path = make_hostile.write(hostile_dir, name)
    assert path.stat().st_size < 100 << 20
    before = hostile.store_digest(guarded_store)
    run = hostile.check(path, store=guarded_store, timeout=SECONDS * 2, address_space=4 << 30)
    assert run.result is not None, (run.killed, run.stderr)
    assert run.result.get("refused") == key, run.result
    assert says in run.result["message"]
    assert run.seconds < SECONDS and run.peak_mb < PEAK_MB, (run.seconds, run.peak_mb)
    assert hostile.store_digest(guarded_store) == before


CHECKED = [
    ("one_name_4000_nib.csv", True, {}),  # 170 s before: quadratic duplicate check
    ("one_name_4000_no_nib.csv", False, {"validate.duplicate.name": 3999}),
    ("valid_200k.csv", True, {}),
]


@pytest.mark.parametrize("name,valid,codes", CHECKED, ids=[c[0] for c in CHECKED])
def test_checked_within_budget(name, valid, codes, hostile_dir):
    path = make_hostile.write(hostile_dir, name)
    run = hostile.check(path, timeout=SECONDS * 2, address_space=4 << 30)
    assert run.result is not None, (run.killed, run.stderr)
    assert run.result["valid"] is valid and run.result["codes"] == codes
    assert run.seconds < SECONDS and run.peak_mb < PEAK_MB, (run.seconds, run.peak_mb)


def test_the_harness_sees_a_store_change(hostile_dir, guarded_store):
    """The harness itself can fail: a valid file offered to the store is committed."""
    path = make_hostile.write(hostile_dir, "one_name_1000_nib.csv")
    store = guarded_store.parent / "committing"
    from ikm_data.store import Store

    Store.open(store, seed_sample=False)
    before = hostile.store_digest(store)
    run = hostile.check(path, store=store, timeout=SECONDS * 2)
    assert run.result["committed"], run.result
    assert hostile.store_digest(store) != before
