"""Property tests of the counting rules: random small stores, imported from CSV bytes through
the real importer (so ``enterprise_key`` is set as in production), queried with random
filters, and every figure compared with an independent pandas computation from the stored
parquet rows."""

from __future__ import annotations

import csv
import io
import tempfile

import pandas as pd
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from ikm_data import importer, queries
from ikm_data.queries import Dataset, Filters
from ikm_data.reference import load_reference
from ikm_data.store import Store

REF = load_reference()
REGENCIES = [r.code for r in REF.regencies]
PRODUCTS = [p.code for p in REF.products]  # incl. the members of Phase III's published groups
BASE_NAMES = ["UD Maju", "IKM Sinar Jaya", "KUB Berkah", "CV Tunas Baru", "UD Maju Jaya"]
# no "explain" phase: it reruns every failing example many times over (minutes here)
PROPS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                 phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink])


def _spelling(name: str, how: int) -> str:
    """The same name as officials type it: other case, doubled or stray spaces."""
    return [name, name.upper(), name.lower(), "  " + name.replace(" ", "  ") + " "][how]


enterprises = st.tuples(st.sampled_from(BASE_NAMES), st.sampled_from(REGENCIES),
                        st.one_of(st.none(), st.sampled_from(["9120000000001", "9120000000002",
                                                              "9120000000003", "9120000000004"])))
rows = st.tuples(st.integers(0, 39), st.sampled_from(PRODUCTS), st.integers(0, 50), st.integers(0, 3))
stores = st.fixed_dictionaries({
    "pool": st.lists(enterprises, min_size=1, max_size=40),
    "phases": st.dictionaries(st.sampled_from([1, 3, 4, 5]), st.lists(rows, max_size=40),
                              min_size=1, max_size=3),
})


def _csv(spec: dict) -> bytes:
    """One file for every phase (its Tahap column); rows the validator would reject as
    duplicates (the same enterprise and product twice in a phase) are left out, so that
    every file imports."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["Tahap", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK", "NIB"])
    pool = spec["pool"]
    for phase, phase_rows in sorted(spec["phases"].items()):
        by_nib, by_name = set(), {}
        for index, product, workers, how in phase_rows:
            name, regency, nib = pool[index % len(pool)]
            name_key = (" ".join(name.lower().split()), regency, product)
            if (nib and (nib, product) in by_nib) or (name_key in by_name and (not nib or "" in by_name[name_key])):
                continue
            if nib:
                by_nib.add((nib, product))
            by_name.setdefault(name_key, set()).add(nib or "")
            w.writerow([phase, _spelling(name, how), REF.regency(regency).label, REF.product_name(product),
                        workers, nib or ""])
    return out.getvalue().encode()


def _build(root: str, spec: dict) -> Store:
    """A store holding ``spec``'s phases, imported as an official would (one file with a
    Tahap column; a phase without rows is not stored)."""
    store = Store.open(root, seed_sample=False)
    if any(spec["phases"].values()):
        outcome = importer.run(_csv(spec), "tahap.csv", store=store, user="uji")
        assert not outcome.report.errors, [e.code for e in outcome.report.errors]
    return store


def _stored(store: Store) -> pd.DataFrame:
    files = list(store.current_files().values())
    cols = ["phase", "enterprise_key", "name", "nib", "regency_code", "product_code", "workers"]
    if not files:
        return pd.DataFrame(columns=cols)
    return pd.concat([pd.read_parquet(p, columns=cols) for p in files], ignore_index=True)


def _select(rows: pd.DataFrame, f: Filters) -> pd.DataFrame:
    keep = rows["phase"] == f.phase
    if f.regencies:
        keep &= rows["regency_code"].isin(f.regencies)
    if f.products:
        keep &= rows["product_code"].isin(f.products)
    return rows[keep]


def _counts(rows: pd.DataFrame, by: str | None) -> dict:
    """{by value: (enterprises, workers)}: each enterprise once per ``by`` value, with its
    largest worker figure there."""
    if by is None:
        per = rows.groupby("enterprise_key")["workers"].max()
        return {None: (len(per), int(per.sum()))}
    per = rows.groupby([by, "enterprise_key"])["workers"].max().reset_index()
    return {k: (len(g), int(g["workers"].sum())) for k, g in per.groupby(by)}


class _Grouped(Dataset):
    """The dataset with the one-row-per-enterprise shortcut switched off."""

    def unique_enterprises(self, f: Filters) -> bool:
        return False


GROUP_MEMBERS = [c for _, members in REF.worker_groups(3) for c in members if len(members) > 1]
products_filter = st.one_of(st.just(()), st.lists(st.sampled_from(PRODUCTS), max_size=4, unique=True),
                            st.lists(st.sampled_from(GROUP_MEMBERS), min_size=1, max_size=3, unique=True))
regencies_filter = st.one_of(st.just(()), st.lists(st.sampled_from(REGENCIES), max_size=3, unique=True))


def _filters(data, phases: list[int]) -> Filters:
    return Filters(phase=data.draw(st.sampled_from(phases)), regencies=tuple(data.draw(regencies_filter)),
                   products=tuple(data.draw(products_filter)))


def _check_kpis(ds: Dataset, sel: pd.DataFrame, f: Filters) -> None:
    k = queries.kpis(ds, f)
    enterprises, workers = _counts(sel, None)[None]
    pairs = sel.groupby(["product_code", "enterprise_key"]).ngroups
    assert (k["enterprises"], k["workers"], k["rows"]) == (enterprises, workers, len(sel))
    assert (k["products"], k["regencies"]) == (sel["product_code"].nunique(), sel["regency_code"].nunique())
    assert k["product_enterprises"] == pairs >= enterprises
    several = (sel.groupby("enterprise_key")["product_code"].nunique() > 1).any()
    assert (pairs == enterprises) == (not several)
    event("an enterprise with two products" if several else "one product each")


def _check_by_product(ds: Dataset, sel: pd.DataFrame, f: Filters) -> None:
    frame = queries.by_product(ds, f)
    got = {c: (int(e), int(w)) for c, e, w in zip(frame["product_code"], frame["enterprises"], frame["workers"])}
    assert got == _counts(sel, "product_code")
    assert frame["enterprises"].sum() == sel.groupby(["product_code", "enterprise_key"]).ngroups


def _check_by_regency(ds: Dataset, sel: pd.DataFrame, f: Filters) -> None:
    frame = queries.by_regency(ds, f)
    expected = _counts(sel, "regency_code")
    assert sorted(frame["regency_code"]) == sorted(REGENCIES)
    got = {c: (int(e), int(w)) for c, e, w in zip(frame["regency_code"], frame["enterprises"], frame["workers"])}
    assert got == {c: expected.get(c, (0, 0)) for c in REGENCIES}


def _group_of(phase: int) -> dict[str, str]:
    return {code: label for label, members in REF.worker_groups(phase) for code in members}


def _check_worker_groups(ds: Dataset, rows: pd.DataFrame, f: Filters) -> None:
    """Without a product filter: one row per published group (else per product), each
    enterprise once per row. With one: a row labelled with a group carries the whole
    group's figure; every other row is labelled with its products and sums only those."""
    whole_filter = f.narrowed(products=())
    groups = _group_of(f.phase)
    sel = _select(rows, whole_filter)
    labelled = sel.assign(label=[groups.get(c) or REF.product_name(c) for c in sel["product_code"]])
    expected = _counts(labelled, "label")
    frame = queries.worker_groups(ds, whole_filter)
    assert {g: (int(e), int(w)) for g, e, w in zip(frame["group"], frame["enterprises"], frame["workers"])} == expected
    assert (frame["within"] == "").all()

    kept = _select(rows, f)
    part = queries.worker_groups(ds, f)
    names = set()
    for row in part.itertuples():
        if row.published:
            assert (row.enterprises, row.workers) == expected[row.group]  # the group's own figure
            names |= set(row.products.split(", "))
            continue
        assert row.group not in set(groups.values()), row  # a part never wears the group's label
        mine = kept[[REF.product_name(c) in row.group.split(", ") for c in kept["product_code"]]]
        assert (row.enterprises, row.workers) == _counts(mine, None)[None]
        names |= set(row.group.split(", "))
    assert names == {REF.product_name(c) for c in kept["product_code"]}


def _check_phase_summaries(ds: Dataset, store: Store, rows: pd.DataFrame) -> None:
    frame = queries.phase_summaries(ds).set_index("phase")
    for phase in ds.data_phases():
        enterprises, workers = _counts(rows[rows["phase"] == phase], None)[None]
        assert (frame.loc[phase, "enterprises"], frame.loc[phase, "workers"]) == (enterprises, workers)
        assert frame.loc[phase, "source_kind"] == "data"
        meta = store.state().current(phase)
        assert (meta.enterprises, meta.workers, meta.rows) == (enterprises, workers, (rows["phase"] == phase).sum())


def _check_fast_path(ds: Dataset, f: Filters) -> None:
    """Where every row of the phase is its own enterprise, the shortcut changes nothing."""
    if not ds.unique_enterprises(f):
        event("grouped path only")
        return
    event("one row per enterprise: fast path compared")
    slow = _Grouped(ds.con, ds.state, ds.ref)
    assert queries.kpis(ds, f) == queries.kpis(slow, f)
    for name in ("by_product", "by_regency", "worker_groups"):
        pd.testing.assert_frame_equal(getattr(queries, name)(ds, f), getattr(queries, name)(slow, f))


def _check_identity(rows: pd.DataFrame) -> None:
    """Rows with one NIB are one enterprise; rows without a NIB are one enterprise when their
    names differ only by case/spaces and their regency is the same; different NIBs are
    different enterprises."""
    rows = rows.assign(norm=[" ".join(n.lower().split()) for n in rows["name"]], nib=rows["nib"].fillna(""))
    with_nib, without = rows[rows["nib"] != ""], rows[rows["nib"] == ""]
    assert (with_nib.groupby(["phase", "nib"])["enterprise_key"].nunique() == 1).all()
    assert (with_nib.groupby(["phase", "enterprise_key"])["nib"].nunique() == 1).all()
    assert (without.groupby(["phase", "norm", "regency_code"])["enterprise_key"].nunique() == 1).all()
    assert (without.groupby(["phase", "enterprise_key"])[["norm", "regency_code"]].nunique() == 1).all().all()


@PROPS
@given(spec=stores, data=st.data())
def test_every_figure_equals_an_independent_count(spec, data):
    with tempfile.TemporaryDirectory() as root:
        store = _build(root, spec)
        ds = Dataset.open(store)
        rows = _stored(store)
        _check_identity(rows)
        _check_phase_summaries(ds, store, rows)
        phases = ds.data_phases()
        if not phases:
            event("empty store")
            assert queries.kpis(ds, Filters(phase=3))["enterprises"] == 0
            return
        for _ in range(2):
            f = _filters(data, phases)
            sel = _select(rows, f)
            _check_kpis(ds, sel, f)
            _check_by_product(ds, sel, f)
            _check_by_regency(ds, sel, f)
            _check_worker_groups(ds, rows, f)
            _check_fast_path(ds, f)
