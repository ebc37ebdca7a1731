"""Returning participants: enterprises that appear in more than one phase's participant rows.

The matching rule (said on Perbandingan Tahap in one sentence): two phases' enterprises are
the same enterprise when both have a NIB and it is the same NIB; where one of them has no
NIB, when their names (case, spacing and punctuation aside) and regencies are the same.

Within a phase the store already keys each enterprise once (``enterprise_key``: its NIB,
else its name + regency; a row without NIB whose name + regency goes with exactly one NIB in
the phase is that NIB's enterprise), so an enterprise listed under several products is one
enterprise here too. Across phases an enterprise without NIB takes the NIB that its name +
regency goes with in the compared rows when exactly one NIB does; where two NIBs share that
name + regency nobody can tell which enterprise it is, so it is matched by name only with
other enterprises that have no NIB. Two different NIBs are never one enterprise.

Only phases whose rows are real data are compared: the synthetic sample's enterprises are
invented, so matching them would be an invented figure. Every value is a bound parameter;
the matching, counting and paging are done in DuckDB.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ikm_data import kept, tables
from ikm_data.queries import Dataset, Filters

PAGE_SIZE = 25

# Rows of the compared phases within the regency/product filters, each with its NIB key and
# its name + regency key (``listing.NIB_KEY``, ``listing.NAME_KEY``), from the listing rows
# (``ikm_data.listing``, built at commit).
_ROWS = """
    SELECT phase, enterprise_key, name, regency_code, workers, file_row_number, nib_key, name_key, alone
    FROM listing
    WHERE list_contains($phases::INTEGER[], phase)
      AND (len($regencies::VARCHAR[]) = 0 OR list_contains($regencies::VARCHAR[], regency_code))
      AND (len($products::VARCHAR[]) = 0 OR list_contains($products::VARCHAR[], product_code))
"""
# One row per returning enterprise (``who``): per phase its workers (counted once, the most
# any of its rows says), its name and regency as the newest phase wrote them, and whether
# every phase's rows had a NIB (matched by NIB) or not (matched by name + regency). An
# enterprise with one row in its phase (``alone``, most of them) is that row: only the
# others are grouped.
_MATCHED = f"""
    WITH r AS ({_ROWS}),
    e AS (SELECT phase, enterprise_key, nullif(nib_key, '') AS nib, name_key, name, regency_code, workers, alone
          FROM r WHERE alone
          UNION ALL
          SELECT phase, enterprise_key, max(nullif(nib_key, '')) AS nib, min(name_key) AS name_key,
                 arg_min(name, file_row_number) AS name, arg_min(regency_code, file_row_number) AS regency_code,
                 max(workers) AS workers, FALSE AS alone
          FROM r WHERE NOT alone GROUP BY phase, enterprise_key),
    named AS (SELECT name_key, nib FROM e WHERE alone AND nib IS NOT NULL
              UNION
              SELECT r.name_key, e.nib FROM r JOIN e USING (phase, enterprise_key)
              WHERE NOT r.alone AND e.nib IS NOT NULL),
    sole AS (SELECT name_key, min(nib) AS nib FROM named GROUP BY name_key HAVING count(*) = 1),
    ident AS (SELECT e.*, CASE WHEN coalesce(e.nib, sole.nib) IS NOT NULL THEN 'nib:' || coalesce(e.nib, sole.nib)
                               ELSE 'nama:' || e.name_key END AS who
              FROM e LEFT JOIN sole ON e.nib IS NULL AND e.name_key = sole.name_key),
    per AS (SELECT who, phase, max(workers) AS workers, arg_max(name, struct_pack(w := workers, n := name)) AS name,
                   arg_max(regency_code, struct_pack(w := workers, n := name)) AS regency_code,
                   bool_and(nib IS NOT NULL) AS by_nib
            FROM ident GROUP BY who, phase),
    everyone AS (SELECT who, count(*) AS phases, bool_or(phase = $phase) AS in_phase FROM per GROUP BY who),
    back AS (SELECT who FROM everyone WHERE phases >= 2 AND ($phase::INTEGER IS NULL OR in_phase))
    SELECT who, arg_max(name, phase) AS name, arg_max(regency_code, phase) AS regency_code,
           list(phase ORDER BY phase) AS phases, list(workers ORDER BY phase) AS workers,
           bool_and(by_nib) AS by_nib, lower(arg_max(name, phase)) AS sort_name
    FROM per JOIN back USING (who) GROUP BY who
"""
# The matched enterprises: matched now (``$phases``, ``$regencies``, ``$products``, ``$phase``),
# or, without regency or product filter, read from the match kept for this data (``$file``,
# see ``kept_match``; ``$phase``). Each query below matches once: a CTE materialised once and
# read by every part of the answer.
_LIVE = f"MATERIALIZED ({_MATCHED})"
_KEPT = "(SELECT * FROM read_parquet($file) WHERE $phase::INTEGER IS NULL OR list_contains(phases, $phase))"
_PAGE = """
    WITH m AS {m},
    page AS (SELECT name, regency_code, phases, workers, by_nib,
                    row_number() OVER (ORDER BY {order}) AS n
             FROM m ORDER BY n LIMIT $limit OFFSET $offset)
    SELECT (SELECT count(*) FROM m) AS total, page.*
    FROM (SELECT 1) AS one LEFT JOIN page ON true
    ORDER BY page.n
"""
_SUMMARY = """
    WITH m AS {m},
    by_phase AS (SELECT unnest(phases) AS phase, count(*) AS enterprises FROM m GROUP BY 1),
    by_phases AS (SELECT phases, count(*) AS enterprises FROM m GROUP BY phases)
    SELECT (SELECT count(*) FROM m) AS enterprises,
           (SELECT count(*) FILTER (WHERE by_nib) FROM m) AS by_nib,
           (SELECT list([phase, enterprises] ORDER BY phase) FROM by_phase) AS by_phase,
           (SELECT list({{'phases': phases, 'enterprises': enterprises}} ORDER BY phases) FROM by_phases)
               AS by_phases
"""
# the page's order: by name (the kept match is stored numbered in that order, ``place``)
_ORDER = "sort_name, regency_code, who"
_PAGE_SQL = {"live": _PAGE.format(m=_LIVE, order=_ORDER), "kept": _PAGE.format(m=_KEPT, order="place"),
             # every phase (the page's view): the page is a range of the kept numbers
             "kept_all": """
    WITH page AS (SELECT name, regency_code, phases, workers, by_nib, place AS n FROM read_parquet($file)
                  WHERE place > $offset AND place <= $offset + $limit)
    SELECT (SELECT count(*) FROM read_parquet($file)) AS total, page.*
    FROM (SELECT 1) AS one LEFT JOIN page ON true
    ORDER BY page.n"""}
_KEEP_SQL = f"SELECT *, row_number() OVER (ORDER BY {_ORDER}) AS place FROM ({_MATCHED}) ORDER BY place"
_SUMMARY_SQL = {"live": _SUMMARY.format(m=_LIVE), "kept": _SUMMARY.format(m=_KEPT)}


def kept_match(ds: Dataset, *, build: bool = True) -> Path | None:
    """The file holding every enterprise matched across the compared phases of ``ds``
    without filters (the Perbandingan Tahap page's default), kept per data state
    (``ikm_data.kept``: ``derived/returning-<key>.parquet``, the key naming the compared
    phases' versions). Matching a million rows takes most of a second, ten million most of a
    minute: done once per data state and kept. None where there is no such file and
    ``build`` is False, or it cannot be written."""
    versions = [(p, ds.state.phases[p]) for p in compared_phases(ds)]
    params = {"phases": [p for p, _ in versions], "regencies": [], "products": [], "phase": None}
    work = (lambda: ds.con.cursor().sql(_KEEP_SQL, params=params).to_arrow_table()) if build else None
    return kept.kept(ds.root, "returning", versions, work, _KEEP_SQL)


def _matched(ds: Dataset, f: Filters, sql: dict[str, str], extra: dict | None = None, keep: bool = True):
    """A cursor over ``sql`` (``_PAGE_SQL`` or ``_SUMMARY_SQL``) for ``f``: over the kept
    match where ``f`` has no regency or product filter (and ``keep``), else matched now."""
    file = None if (f.regencies or f.products or not keep) else kept_match(ds)
    if file is not None and f.phase is None and "kept_all" in sql:
        return ds.con.cursor().execute(sql["kept_all"], {"file": str(file)} | (extra or {}))
    if file is not None:
        return ds.con.cursor().execute(sql["kept"], {"file": str(file), "phase": f.phase} | (extra or {}))
    return ds.con.cursor().execute(sql["live"], _params(ds, f) | (extra or {}))


def compared_phases(ds: Dataset) -> list[int]:
    """The phases whose participant rows are compared: every phase with rows that are not
    the synthetic sample."""
    return [p for p in ds.data_phases() if p not in ds.sample_phases]


def _params(ds: Dataset, f: Filters) -> dict:
    return f.params() | {"phases": compared_phases(ds)}


def returning(ds: Dataset, f: Filters, page: int = 1, page_size: int = PAGE_SIZE) -> tuple[int, pd.DataFrame]:
    """One page of the enterprises that appear in more than one compared phase within the
    regency/product filters of ``f`` (with ``f.phase``: only those that appear in that
    phase), by name. Returns (how many there are, the page): ``name`` and ``regency_code``
    as the newest phase wrote them, ``regency`` (its label), ``phases`` (the phases it
    appears in, in order), ``workers`` (its workers in each of them, same order, counted
    once per phase), ``by_nib`` (True where every phase's rows had a NIB: matched by NIB,
    else by name + regency). No personal data is read."""
    params = _params(ds, f)
    columns = ["name", "regency_code", "phases", "workers", "by_nib"]
    total, frame = 0, pd.DataFrame(columns=columns)
    if params["phases"]:
        found = _matched(ds, f, _PAGE_SQL, {"limit": int(page_size),
                                            "offset": max(0, int(page) - 1) * int(page_size)}).df()
        total = int(found["total"].iloc[0])
        if found["n"].notna().any():  # an empty page is one row of nulls
            frame = found[columns]
    frame["phases"] = [[int(p) for p in ps] for ps in frame["phases"]]
    frame["workers"] = [[None if pd.isna(w) else int(w) for w in ws] for ws in frame["workers"]]
    frame["regency"] = frame["regency_code"].map(ds.ref.regency_labels())
    return total, frame


def summary(ds: Dataset, f: Filters | None = None, keep: bool = True) -> dict:
    """The returning enterprises in figures, for the CLI's ``indicators --json`` (its
    ``repeat`` key) and the page: ``{"enterprises": N (distinct enterprises in two or more
    compared phases; with ``f.phase`` only those in that phase), "by_nib": matched by NIB,
    "by_name": matched by name + regency, "phases": the compared phases (real data, not the
    sample), "sample_phases": phases left out because their rows are the sample,
    "by_phase": [{"phase", "enterprises": how many of the returning are in it}],
    "by_phases": [{"phases": [4, 5], "enterprises": N}] (each combination of phases)}``.
    ``keep=False`` matches now even where the kept match could be read (the benchmark's
    measure of what the first view after a change costs)."""
    f = f or Filters()
    params = _params(ds, f)
    out = {"enterprises": 0, "by_nib": 0, "by_name": 0, "phases": params["phases"],
           "sample_phases": sorted(ds.sample_phases), "by_phase": [], "by_phases": []}
    if len(params["phases"]) < 2:
        return out
    enterprises, by_nib, by_phase, by_phases = _matched(ds, f, _SUMMARY_SQL, keep=keep).fetchone()
    out |= {"enterprises": int(enterprises), "by_nib": int(by_nib), "by_name": int(enterprises) - int(by_nib)}
    out["by_phase"] = [{"phase": int(p), "enterprises": int(n)} for p, n in by_phase or []]
    out["by_phases"] = [{"phases": [int(x) for x in g["phases"]], "enterprises": int(g["enterprises"])}
                        for g in by_phases or []]
    return out


def table(frame: pd.DataFrame, phases: list[int], lang: str = "id") -> tables.Table:
    """A page of ``returning`` as a table: name, regency, the phases it appears in, how it
    was matched, then its workers in each of ``phases`` (– where it is not in that phase).
    Not totalled: an enterprise's workers of different phases are not one workforce."""
    from ikm_data.i18n import t

    frame = frame.assign(
        phase_list=[", ".join(t("phase.label", lang, n=p) for p in ps) for ps in frame["phases"]],
        matched=[t("returning.matched.nib" if b else "returning.matched.name", lang) for b in frame["by_nib"]],
        **{f"workers_{p}": pd.array([dict(zip(ps, ws)).get(p) for ps, ws in zip(frame["phases"], frame["workers"])],
                                    dtype="Int64") for p in phases},
    )
    columns = [("name", "metric.enterprise", "text"), ("regency", "metric.regency", "text"),
               ("phase_list", "returning.col.phases", "text"), ("matched", "returning.col.matched", "text")]
    columns += [tables.Column(f"workers_{p}", "returning.col.workers", "int", params=(("phase", p),))
                for p in phases]
    return tables.Table(frame.reset_index(drop=True), tuple(tables.Column(*c) for c in columns), lang)


def phase_list(phases: list[int], lang: str = "id") -> str:
    """Phases in words: ``Tahap 4 dan Tahap 5``, ``Tahap 4, Tahap 5 dan Tahap 44``."""
    from ikm_data.i18n import t

    names = [t("phase.label", lang, n=p) for p in phases]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('returning.and', lang)} {names[-1]}"
