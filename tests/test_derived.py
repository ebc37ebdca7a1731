"""The files derived from a version's rows at commit (``store.DERIVED``: profiles, the search
column, the partner cells, the listing rows): every figure read over them equals the figure
read over the rows themselves (a version without them, or with one damaged), on a phase
whose enterprises have several rows with differing workers, flags and partners."""

from __future__ import annotations

import random
import shutil

import pandas as pd
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from ikm_data import derive, listing, partner_cells, profiles, queries, returning, schema, search, themes
from ikm_data.queries import Dataset, Filters
from ikm_data.reference import load_reference
from ikm_data.store import DERIVED, Store

REF = load_reference()
PHASE = 5
# few kinds of flags and workers, so that many enterprises share a profile (n > 1)
FLAGS = [dict(zip((*schema.CERTIFICATIONS, "tourism", "mentoring"), v)) for v in (
    (True, False, None, None, False, True), (False, False, False, False, False, False),
    (None, None, None, None, None, None), (False, None, None, None, True, None))]
PARTNERS = (None, "", "Hotel Santika", "hotel  santika; Novotel Lombok", "Novotel\u00a0Lombok,\nHotel Santika", " ")
NAMES = ("UD Maju Jaya", "IKM SINAR JAYA", "kub berkah 50%", "CV Tunas_Baru", "Toko a\\b", "Warung Sinar")


def _rows(seed: int = 7, enterprises: int = 300, phase: int = PHASE) -> list[dict]:
    """Participant rows of one phase: some enterprises with two or three rows (other
    products, now and then other workers or flags), names that need literal matching."""
    rnd = random.Random(seed)
    regencies = ["5201", "5202"]
    products = [p.code for p in REF.products][:4]
    out = []
    for e in range(enterprises):
        key, name, regency = f"91200000{e:05d}", f"{rnd.choice(NAMES)} {e % 7}", rnd.choice(regencies)
        flags, workers = rnd.choice(FLAGS), rnd.choice((2, 5))
        for product in rnd.sample(products, rnd.choice((1, 1, 1, 2, 3))):
            row = {c: None for c in schema.NAMES}
            row |= {"phase": phase, "enterprise_key": key, "name": name, "regency_code": regency,
                    "product_code": product, "product_name": REF.product_name(product, "id"),
                    "workers": workers if rnd.random() < 0.8 else 9, "nib": key if e % 3 else None,
                    "village": rnd.choice(("Sakra", "Jaya Makmur", None)), "source_row": len(out) + 2,
                    "tourism_partner": rnd.choice(PARTNERS),
                    **(flags if rnd.random() < 0.8 else rnd.choice(FLAGS))}
            out.append(row)
    return out


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """(store with derived files, the same store without them)."""
    root = tmp_path_factory.mktemp("derived") / "store"
    store = Store.open(root, seed_sample=True)
    table = schema.to_table(_rows()).sort_by(
        [("name", "ascending"), ("product_code", "ascending"), ("source_row", "ascending")])
    store.commit(table, phase=PHASE, user="uji", file_name="tahap5.csv", content=b"tahap 5")
    # phase 4: the first 120 enterprises again (by NIB, or by name where they have none)
    store.commit(schema.to_table(_rows(seed=9, enterprises=120, phase=4)), phase=4, user="uji",
                 file_name="tahap4.csv", content=b"tahap 4")
    bare = root.parent / "bare"
    shutil.copytree(root, bare)
    for path in bare.glob("versions/*/*.parquet"):
        if path.name != "participants.parquet":
            path.unlink()
    return store, Store(bare)


FILTERS = [
    Filters(phase=PHASE),
    Filters(phase=PHASE, regencies=("5201", "5203")),
    Filters(phase=PHASE, products=tuple(p.code for p in REF.products[:3])),
    Filters(phase=PHASE, regencies=("5202", "5204", "5271"), products=tuple(p.code for p in REF.products[2:8])),
    Filters(phase=3),
    Filters(regencies=("5202",)),
]


def _frames(ds: Dataset, f: Filters) -> dict:
    total, page = themes.uncertified(ds, f, page_size=None)
    return {
        "kpis": queries.kpis(ds, f), "by_product": queries.by_product(ds, f), "by_regency": queries.by_regency(ds, f),
        "worker_groups": queries.worker_groups(ds, f) if f.phase else None, "counts": themes.counts(ds, f),
        **{f"counts_by_{by}": themes.counts_by(ds, f, by) for by in ("product", "regency", "raw_material",
                                                                      "mentoring")},
        "uncertified": (total, page), "partners": themes.partners(ds, f).drop(columns="product_names"),
        "product_names": queries.product_names(ds),
        "returning": returning.summary(ds, f), "returning_page": returning.returning(ds, f, page=2, page_size=10),
    }


def _same(a, b) -> None:
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))
    elif isinstance(a, tuple):
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    else:
        assert a == b


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: f"{f.phase}-{len(f.regencies)}-{len(f.products)}")
def test_every_figure_over_the_derived_files_equals_the_rows(stores, f):
    derived, bare = (Dataset.open(s) for s in stores)
    got, want = _frames(derived, f), _frames(bare, f)
    for name in want:
        _same(got[name], want[name])
    assert want["kpis"]["enterprises"] > 0 and want["uncertified"][0] == want["counts"]["none"]
    if f.phase == PHASE and not f.regencies and not f.products:
        assert want["returning"]["enterprises"] >= 80 and want["returning"]["by_name"] > 0


def test_the_profiles_are_fewer_rows_and_count_every_enterprise_once(stores):
    store, _ = stores
    vid = store.state().phases[PHASE]
    folded = pq.read_table(store.version_dir(vid) / profiles.FILE).to_pandas()
    rows = pq.read_table(store.parquet_path(vid)).to_pandas()
    # every enterprise once: the weights add up to the enterprises, each profile row to a row
    sizes = folded.groupby("enterprise_key")["n"].first()
    assert sizes.sum() == rows["enterprise_key"].nunique() == store.state().current(PHASE).enterprises
    assert (folded["n"]).sum() == len(rows)
    assert set(folded.columns) == {"phase", "enterprise_key", "n", *profiles.COLUMNS}
    assert folded["n"].max() >= 3 and len(folded) < len(rows) * 0.9
    assert not set(folded.columns) & (schema.PERSONAL | {"name", "nib", "address"})


def test_the_directory_search_over_the_column_finds_what_the_rows_do(stores):
    derived, bare = (Dataset.open(s) for s in stores)
    f = Filters(phase=PHASE)
    for typed in ("", "jaya", "SINAR", "50%", "%", "_", "tunas_", "a\\b", "sakra", "9120000000",
                  "maju\x1fjaya", "  berkah  "):
        want = queries.directory(bare, f, typed, page=1, page_size=500)
        got = queries.directory(derived, f, typed, page=1, page_size=500)
        assert got[0] == want[0]
        pd.testing.assert_frame_equal(got[1], want[1])
        assert queries.directory_rows(derived, f, typed).equals(queries.directory_rows(bare, f, typed))
    # literal, any case, across name / NIB / village, never across two of them
    rows = pd.DataFrame(_rows())
    assert queries.directory(derived, f, "50%")[0] == rows["name"].str.contains("50%", regex=False).sum()
    assert queries.directory(derived, f, "_")[0] == rows["name"].str.contains("_", regex=False).sum()
    assert queries.directory(derived, f, "JAYA MAKMUR")[0] == (rows["village"] == "Jaya Makmur").sum()
    assert queries.directory(derived, f, "5 sakra")[0] == 0


def test_a_rollback_copies_the_files_and_a_damaged_one_is_not_used(stores, tmp_path):
    store, _ = stores
    root = tmp_path / "store"
    shutil.copytree(store.root, root)
    s = Store(root)
    first = s.state().phases[PHASE]
    s.commit(schema.to_table(_rows(seed=8, enterprises=20)), phase=PHASE, user="uji", file_name="b.csv",
             content=b"b")
    back = s.rollback(first, user="uji").version
    for derived in DERIVED:
        assert (s.version_dir(back) / derived.FILE).read_bytes() == (s.version_dir(first) / derived.FILE).read_bytes()
    want = _frames(Dataset.open(s), Filters(phase=PHASE))
    for derived in (profiles, search, partner_cells, listing):
        (s.version_dir(back) / derived.FILE).write_bytes(b"not parquet")
    got = _frames(Dataset.open(s), Filters(phase=PHASE))
    for name in want:
        _same(got[name], want[name])


def test_the_uncertified_list_kept_per_version_is_the_list_worked_out_now(stores):
    store, _ = stores
    ds = Dataset.open(store)
    f = Filters(phase=PHASE)
    for page, size in ((1, None), (1, 10), (3, 10), (99, 10)):
        kept_total, kept_page = themes.uncertified(ds, f, page, size)
        now_total, now_page = themes.uncertified(ds, f, page, size, keep=False)
        assert kept_total == now_total > 20
        pd.testing.assert_frame_equal(kept_page, now_page)
    files = sorted(p.name for p in (store.root / "derived").glob(f"uncertified-p{PHASE}-*"))
    assert len(files) == 1  # one per phase, for its version
    # with a filter the list is worked out now, and is the same as the kept one narrowed
    narrowed = themes.uncertified(ds, Filters(phase=PHASE, regencies=("5201",)), page_size=None)[1]
    assert set(narrowed["name"]) <= set(themes.uncertified(ds, f, page_size=None)[1]["name"])


def test_the_partner_list_kept_per_version_is_the_list_counted_now(stores):
    store, _ = stores
    ds = Dataset.open(store)
    f = Filters(phase=PHASE)
    kept_list, now = themes.partners(ds, f), themes.partners(ds, f, keep=False)
    pd.testing.assert_frame_equal(kept_list, now)
    assert len(now) >= 2 and now["enterprises"].sum() > 0
    assert len(list((store.root / "derived").glob(f"partners-p{PHASE}-*"))) == 1


def test_a_file_built_by_another_release_is_not_used(stores, tmp_path):
    """A profiles file whose recipe is not this release's (here: every weight doubled, as a
    release with another rule might have written it) is bypassed, not read."""
    store, _ = stores
    root = tmp_path / "store"
    shutil.copytree(store.root, root)
    s = Store(root)
    want = queries.kpis(Dataset.open(s), Filters(phase=PHASE))
    path = s.version_dir(s.state().phases[PHASE]) / profiles.FILE
    table = pq.read_table(path)
    doubled = table.set_column(table.schema.get_field_index("n"), "n", pc.multiply(table["n"], 2))
    derive.write(path, doubled, "another release")
    assert queries.kpis(Dataset.open(s), Filters(phase=PHASE)) == want
    derive.write(path, doubled, profiles.RECIPE)  # the same file with this release's recipe is read
    assert queries.kpis(Dataset.open(s), Filters(phase=PHASE))["enterprises"] == 2 * want["enterprises"]
