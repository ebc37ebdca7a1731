"""The duplicate checks run in linear time and find exactly what the former quadratic
loops found: the former code is kept here as the reference, compared on random small
files (hypothesis), and the one-name files that took minutes are timed."""

import time

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ikm_data import validate as v
from ikm_data.validate import _all_distinct, _Collector, _strip_chars, norm_keys


# -- the former code, verbatim (the reference) ----------------------------------------------
def old_duplicates(frame, nib_key, name_key, usable, col: _Collector, raw: dict) -> None:
    """The same enterprise (same NIB, else same name + regency) with the same product twice."""
    product = frame["product_code"].fillna("")
    phase = frame["phase"].astype("Int64").fillna(-1).astype("int64")  # a file may hold several
    seen: dict[int, tuple[int, str]] = {}  # row -> (first row, reason)
    has_nib = usable & (nib_key != "")
    if has_nib.any() and not _all_distinct(nib_key[has_nib]):
        keyed = pd.DataFrame({"k": nib_key[has_nib], "p": product[has_nib], "t": phase[has_nib]})
        dup = keyed.duplicated(keep=False)
        if dup.any():
            for _, grp in keyed[dup].groupby(["k", "p", "t"], sort=False):
                first = grp.index[0]
                for r in grp.index[1:]:
                    seen[r] = (first, "nib")
    keyed = pd.DataFrame({"n": name_key[usable], "r": frame["regency_code"][usable],
                          "p": product[usable], "t": phase[usable], "b": nib_key[usable]})
    dup = (pd.Series(False, index=keyed.index) if _all_distinct(keyed["n"])
           else keyed.duplicated(["n", "r", "p", "t"], keep=False))
    if dup.any():
        for _, grp in keyed[dup].groupby(["n", "r", "p", "t"], sort=False):
            members = list(grp.index)
            for j, r in enumerate(members):
                if r in seen:
                    continue
                for q in members[:j]:
                    if grp.at[q, "b"] == "" or grp.at[r, "b"] == "":
                        seen[r] = (q, "name")
                        break
    for r in sorted(seen):
        first, reason = seen[r]
        fld = "nib" if reason == "nib" else "name"
        value = raw[fld][r]
        col.error(r, fld, value, f"validate.duplicate.{reason}", first=int(first), second=int(r),
                  product=frame.at[r, "product_name"] or "")


def old_stored_duplicates(frame, nib_key, name_key, usable, existing: pd.DataFrame, info: dict,
                       col: _Collector) -> None:
    """Append mode: a row that is already stored for the phase (same rule as above)."""
    ex = existing
    ex_nib = _strip_chars(ex["nib"].fillna("").astype("str"), " .-")
    ex_name = norm_keys(ex["name"].fillna("").astype("str"))
    ex_rows = ex["source_row"].tolist() if "source_row" in ex else [None] * len(ex)
    by_nib, by_name_any, by_name_nonib = {}, {}, {}
    for b, n, r, p, t_, sr in zip(ex_nib, ex_name, ex["regency_code"], ex["product_code"], ex["phase"], ex_rows):
        t_ = int(t_)
        if b:
            by_nib.setdefault((b, p, t_), sr)
        else:
            by_name_nonib.setdefault((n, r, p, t_), sr)
        by_name_any.setdefault((n, r, p, t_), sr)
    missing = object()
    for row in frame.index[usable]:
        b, n = nib_key[row], name_key[row]
        r, p = frame.at[row, "regency_code"], frame.at[row, "product_code"]
        t_ = -1 if pd.isna(frame.at[row, "phase"]) else int(frame.at[row, "phase"])
        hit, fld = missing, "name"
        if b and (b, p, t_) in by_nib:
            hit, fld = by_nib[(b, p, t_)], "nib"
        elif b and (n, r, p, t_) in by_name_nonib:
            hit = by_name_nonib[(n, r, p, t_)]
        elif not b and (n, r, p, t_) in by_name_any:
            hit = by_name_any[(n, r, p, t_)]
        if hit is missing:
            continue
        value = frame.at[row, "nib"] if fld == "nib" else frame.at[row, "name"]
        col.error(row, fld, value, "validate.duplicate.stored",
                  stored_row=hit if hit is not None else "-", phase=t_,
                  version=info.get("version", ""), file=info.get("file", ""),
                  product=frame.at[row, "product_name"] or "")



# -- random small files ---------------------------------------------------------------------
# few values, so that rows often share a name, a NIB or both
_ROW = st.tuples(st.sampled_from(["UD A", "ud  a", "UD B", ""]), st.sampled_from(["5201", "5201", "5202", None]),
                 st.sampled_from(["kopi", "kopi", "teh", None]), st.sampled_from([3, 3, 4, None]),
                 st.sampled_from(["", "", "9120000000001", "912.0000000001", "9120000000002"]))


def _inputs(rows, first_row: int = 2):
    idx = pd.RangeIndex(first_row, first_row + len(rows))
    frame = pd.DataFrame({
        "name": pd.Series([r[0] or None for r in rows], index=idx, dtype=object),
        "regency_code": pd.Series([r[1] for r in rows], index=idx, dtype=object),
        "product_code": pd.Series([r[2] for r in rows], index=idx, dtype=object),
        "product_name": pd.Series([(r[2] or "").title() or None for r in rows], index=idx, dtype=object),
        "phase": pd.Series([r[3] for r in rows], index=idx, dtype="Int64"),
        "nib": pd.Series([r[4] or None for r in rows], index=idx, dtype=object),
    })
    nib_key = _strip_chars(frame["nib"].fillna("").astype("str"), " .-").astype(object)
    name_key = norm_keys(frame["name"].fillna("").astype("str"))
    reg = frame["regency_code"].fillna("")
    usable = (name_key != "") & (reg != "") & frame["product_code"].notna()
    raw = {"nib": frame["nib"].fillna("").astype(str), "name": frame["name"].fillna("").astype(str)}
    return frame, nib_key, name_key, usable, raw


def _stored(rows) -> pd.DataFrame:
    frame = _inputs(rows)[0]
    frame["phase"] = frame["phase"].fillna(3)
    frame["source_row"] = range(10, 10 + len(rows))
    return frame.reset_index(drop=True)


def _found(col: _Collector):
    return [(i.row, i.code, i.value, i.params) for i in col.errors]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_ROW, max_size=14))
def test_duplicates_as_before(rows):
    args = _inputs(rows)
    old, new = _Collector(None), _Collector(None)
    old_duplicates(*args[:4], old, args[4])
    v._duplicates(*_inputs(rows)[:4], new, args[4])
    assert _found(new) == _found(old)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_ROW, max_size=10), st.lists(_ROW, min_size=1, max_size=10))
def test_stored_duplicates_as_before(rows, stored):
    frame, nib_key, name_key, usable, _ = _inputs(rows)
    info = {"version": "v3", "file": "lama.xlsx"}
    old, new = _Collector(None), _Collector(None)
    old_stored_duplicates(frame, nib_key, name_key, usable, _stored(stored), info, old)
    v._stored_duplicates(frame, nib_key, name_key, usable, _stored(stored), info, new)
    assert _found(new) == _found(old)


def test_stored_duplicates_without_source_rows_say_so():
    frame, nib_key, name_key, usable, _ = _inputs([("UD A", "5201", "kopi", 3, "")])
    stored = _stored([("UD A", "5201", "kopi", 3, "")]).drop(columns="source_row")
    col = _Collector(None)
    v._stored_duplicates(frame, nib_key, name_key, usable, stored, {}, col)
    assert [(i.row, i.params["stored_row"]) for i in col.errors] == [(2, "-")]


def _one_name(n: int, with_nib: bool):
    return [("UD Sama", "5205", "kopi", 4, f"{9120000000000 + i}" if with_nib else "") for i in range(n)]


def test_one_name_with_distinct_nibs_is_linear():
    """4.000 rows of one name with distinct NIBs took 170 s; none is a duplicate."""
    args = _inputs(_one_name(40_000, True))
    col = _Collector(None)
    started = time.perf_counter()
    v._duplicates(*args[:4], col, args[4])
    assert time.perf_counter() - started < 5
    assert col.errors == []


def test_one_name_without_nib_names_the_first_row():
    args = _inputs(_one_name(40_000, False))
    col = _Collector(None)
    started = time.perf_counter()
    v._duplicates(*args[:4], col, args[4])
    assert time.perf_counter() - started < 5
    assert col.totals["error"] == 39_999
    assert {i.params["first"] for i in col.errors} == {2} and col.errors[0].row == 3


def test_stored_duplicates_of_many_rows_are_linear():
    rows = _one_name(40_000, True)
    frame, nib_key, name_key, usable, _ = _inputs(rows)
    col = _Collector(None)
    started = time.perf_counter()
    v._stored_duplicates(frame, nib_key, name_key, usable, _stored(rows), {}, col)
    assert time.perf_counter() - started < 5
    assert col.totals["error"] == 40_000 and col.errors[0].code == "validate.duplicate.stored"
    assert col.errors[0].params["stored_row"] == 10 and np.all([i.field == "nib" for i in col.errors])
