"""The programme's themes from the participant rows: standardisation (PIRT, halal, BPOM,
SNI), the tourism market (hotels and their suppliers) and research-based mentoring. The
Standardisasi, Pasar Pariwisata and Pendampingan pages, the forum deck and ``python -m
ikm_data indicators`` all read these functions.

Counting rules. Every count is of distinct enterprises within the sidebar's filters
(``queries.Filters``); per product or per regency an enterprise counts once in each
group it falls in. A flag an enterprise's rows do not give (the file had no such column,
or a cell that could not be read) is *unknown*, never "no": every count comes with how
many enterprises it is *of* (``known``), and a share is ``held / known``. An enterprise
holds a certification when any of its rows says so (a certificate number counts as
"has it"); it has "none" when its certification data is there and names none it holds.
It supplies the tourism market when the tourism column says so or a partner is named.
"""

from __future__ import annotations

import pandas as pd

from ikm_data import kept, listing, profiles, queries, returning, schema
from ikm_data.queries import _WHERE, SRC, WEIGHT, Dataset, Filters, sources

# The flags of one enterprise (over its rows within the filter): True where any row says
# so, False where its rows say no, NULL where none of them says; counted over the profiles
# (``n`` enterprises each, see ``ikm_data.profiles``).
_AGGREGATES = (*(f"bool_or({c}) AS {c}" for c in schema.CERTIFICATIONS),
               "bool_or(tourism) AS tourism", "bool_or(partner) AS partner", "bool_or(mentoring) AS mentoring")
# What a list of enterprises shows besides (over the participant rows: names are not folded).
_LISTED = ("min(name) AS name", "min(regency_code) AS home_regency",
           "list(DISTINCT product_code ORDER BY product_code) AS products")
# The flags counted: certifications one by one, any of them, the tourism market, mentoring.
FLAGS = (*schema.CERTIFICATIONS, "certified", "tourism_market", "mentoring")
_DERIVED = f"""{listing.CERTIFIED} AS certified,
               CASE WHEN tourism OR partner THEN TRUE ELSE tourism END AS tourism_market"""
_COUNTS = ", ".join(f"coalesce(sum(CASE WHEN {x} THEN n END), 0)::BIGINT AS {x}, "
                    f"coalesce(sum(CASE WHEN {x} IS NOT NULL THEN n END), 0)::BIGINT AS {x}_known" for x in FLAGS)

# The rows within the filter; with the products' raw materials (an enterprise under one per
# material of each product it supplies; a product without one under NULL). The product ->
# material mapping arrives as two parallel lists of bound parameters.
_ROWS = f"(SELECT * FROM {SRC} WHERE {_WHERE})"
_ROWS_BY_MATERIAL = f"""(
    WITH m AS (SELECT unnest($codes::VARCHAR[]) AS product_code, unnest($materials::VARCHAR[]) AS raw_material)
    SELECT p.*, m.raw_material FROM {_ROWS} p LEFT JOIN m USING (product_code))"""


def _kept_for_phase(ds: Dataset, f: Filters, name: str, sql: str):
    """The file of the list ``sql`` gives for ``f.phase`` (``ikm_data.kept``: worked out once
    per version of the phase and kept), where ``f`` is one phase without regency or product
    filter (a page's default); else None. Sorting a phase's uncertified enterprises by
    regency and name, or counting each partner's suppliers, takes seconds at ten million
    rows."""
    version = ds.state.phases.get(f.phase) if f.phase is not None else None
    if version is None or f.regencies or f.products:
        return None
    return kept.kept(ds.root, f"{name}-p{f.phase}", [f.phase, version],
                     lambda: ds.con.cursor().sql(sql, params=f.params()).to_arrow_table(), sql)


def _enterprises_sql(source: str, keys: tuple[str, ...] = (), extra: tuple[str, ...] = (WEIGHT,)) -> str:
    """One row per (``keys``, enterprise) of ``source`` with its flags (``FLAGS``), workers
    and ``extra`` (its weight ``n`` by default)."""
    per = schema.per_enterprise_sql(source, keys, extra=(*_AGGREGATES, *extra))
    return f"SELECT *, {_DERIVED} FROM ({per})"


def _counts_sql(source: str, keys: tuple[str, ...], group: str | None) -> str:
    """Enterprises, workers and each flag's count and known count, per ``group`` (one of
    ``keys`` or an enterprise's flag), or in total without one."""
    lead, tail = (f"{group}, ", f" GROUP BY {group}") if group else ("", "")
    return sources(f"SELECT {lead}coalesce(sum(n), 0)::BIGINT AS enterprises, sum(workers * n)::BIGINT AS workers, "
                   f"{_COUNTS} FROM ({_enterprises_sql(source, keys)}){tail}")


_TOTAL_SQL = _counts_sql(_ROWS, (), None)
_BY_SQL = {
    "product": _counts_sql(_ROWS, ("product_code",), "product_code"),
    "regency": _counts_sql(_ROWS, ("regency_code",), "regency_code"),
    "raw_material": _counts_sql(_ROWS_BY_MATERIAL, ("raw_material",), "raw_material"),
    "mentoring": _counts_sql(_ROWS, (), "mentoring"),
}
_NAMES_SQL = sources(f"SELECT product_code, any_value(product_name) FROM {_ROWS} GROUP BY product_code")


def _names(ds: Dataset, f: Filters) -> dict[str, str]:
    """``{product code: a name its rows under f give}``."""
    return dict(ds.con.cursor().execute(ds.pick(_NAMES_SQL, f), f.params()).fetchall())


def _material_params(ds: Dataset, f: Filters) -> dict:
    pairs = [(p.code, m.strip()) for p in ds.ref.products for m in p.raw_material.split("|") if m.strip()]
    return f.params() | {"codes": [c for c, _ in pairs], "materials": [m for _, m in pairs]}


def counts(ds: Dataset, f: Filters) -> dict:
    """The totals under ``f``: ``enterprises``, ``workers`` and, for each of ``FLAGS``,
    ``<flag>`` (enterprises holding it) and ``<flag>_known`` (enterprises whose data says
    yes or no); ``none``: enterprises whose certification data names none they hold."""
    cur = ds.con.cursor().execute(ds.pick(_TOTAL_SQL, f), f.params())
    names = [d[0] for d in cur.description]
    out = {n: int(v or 0) for n, v in zip(names, cur.fetchone())}
    return out | {"none": out["certified_known"] - out["certified"]}


def counts_by(ds: Dataset, f: Filters, by: str, lang: str = "id") -> pd.DataFrame:
    """``counts`` per product, regency, raw material or mentoring (``by``), a row per group
    that has enterprises under ``f``, with ``key`` (code, material or flag) and ``label``
    (its name in ``lang``); largest first."""
    params = _material_params(ds, f) if by == "raw_material" else f.params()
    frame = ds.sql(ds.pick(_BY_SQL[by], f), params)
    key = {"product": "product_code", "regency": "regency_code"}.get(by, by)
    frame = frame.rename(columns={key: "key"})
    frame["workers"] = frame["workers"].astype("Int64")
    frame["label"] = _labels(ds, f, by, frame["key"], lang)
    return frame.sort_values(["enterprises", "label"], ascending=[False, True], ignore_index=True)


def _labels(ds: Dataset, f: Filters, by: str, keys: pd.Series, lang: str) -> list[str]:
    from ikm_data.i18n import t

    if by == "product":
        names = _names(ds, f)
        return [ds.ref.product_label(c, names.get(c), lang) for c in keys]
    if by == "regency":
        return [ds.ref.regency(c).label for c in keys]
    if by == "raw_material":
        return [raw_material_label(m, lang) for m in keys]
    return [t(f"themes.mentoring.group.{'unknown' if pd.isna(k) else str(bool(k)).lower()}", lang) for k in keys]


def raw_material_label(material, lang: str = "id") -> str:
    """A raw material as the UI names it (``Kelapa`` / ``Coconut``); a product without one
    in the reference list under "other"."""
    from ikm_data.i18n import CATALOGUE, t
    from ikm_data.reference import slug

    if material is None or pd.isna(material):
        return t("themes.raw.none", lang)
    key = f"themes.raw.{slug(material)}"
    return t(key, lang) if key in CATALOGUE else str(material)


def workers_known(ds: Dataset, f: Filters) -> bool:
    """False where ``f`` keeps part of a sample group whose workers nobody knows
    (``queries.unknown_splits``): workers per IKM are then not shown."""
    return queries.unknown_splits(ds, f).empty


# -- standardisation ----------------------------------------------------------------------
def certification_matrix(ds: Dataset, f: Filters, by: str, lang: str = "id") -> pd.DataFrame:
    """Per product or regency (``by``) and certification (and "any"), long: ``key``,
    ``label``, ``cert`` (pirt, halal, bpom, sni, certified), ``held``, ``known``,
    ``share`` (held / known; NaN where nobody's data is known), ``enterprises``; the
    groups in ``counts_by`` order."""
    frame = counts_by(ds, f, by, lang)
    rows = [{"key": r["key"], "label": r["label"], "cert": c, "held": int(r[c]), "known": int(r[f"{c}_known"]),
             "enterprises": int(r["enterprises"])}
            for r in frame.to_dict("records") for c in (*schema.CERTIFICATIONS, "certified")]
    out = pd.DataFrame(rows, columns=["key", "label", "cert", "held", "known", "enterprises"])
    out["share"] = [h / k if k else float("nan") for h, k in zip(out["held"], out["known"])]
    return out


# The participant rows (names are not folded into profiles) with the profiles' partner flag.
_NAMED_ROWS = f"(SELECT *, {profiles.PARTNER} FROM participants WHERE {_WHERE})"
# The uncertified enterprises, a page: across phases from the rows; for one phase from the
# listing rows (``ikm_data.listing``), grouping only the enterprises with several rows.
_UNCERTIFIED = f"SELECT * FROM ({_enterprises_sql(_NAMED_ROWS, extra=_LISTED)}) WHERE certified = FALSE"
_ORDER = "ORDER BY home_regency, name, enterprise_key"
_PAGE = f"{_ORDER} LIMIT $limit OFFSET $offset"
_UNCERTIFIED_ONE_PHASE = f"""
    WITH r AS (SELECT * FROM listing WHERE {_WHERE}),
    alone AS (SELECT enterprise_key, name, regency_code AS home_regency, [product_code] AS products, workers
              FROM r WHERE alone AND certified = FALSE),
    grouped AS (SELECT enterprise_key, {", ".join(_LISTED)}, max(workers) AS workers FROM r WHERE NOT alone
                GROUP BY enterprise_key HAVING bool_or(certified) = FALSE)
    FROM alone UNION ALL FROM grouped"""
_UNCERTIFIED_SQL = {
    "participants_n": f"SELECT name, home_regency AS regency_code, products, workers FROM ({_UNCERTIFIED}) {_PAGE}",
    "profiles": f"SELECT name, home_regency AS regency_code, products, workers FROM ({_UNCERTIFIED_ONE_PHASE}) {_PAGE}",
}
# A phase's whole list without filters, numbered in the list's order (kept: ``_kept_for_phase``),
# and a page of it by those numbers.
_UNCERTIFIED_ALL_SQL = f"""
    SELECT row_number() OVER ({_ORDER}) AS n, name, home_regency AS regency_code, products, workers
    FROM ({_UNCERTIFIED_ONE_PHASE}) ORDER BY n"""
_UNCERTIFIED_KEPT_SQL = """
    SELECT name, regency_code, products, workers FROM read_parquet($file)
    WHERE n > $offset AND n <= $offset + $limit ORDER BY n"""
UNCERTIFIED_PAGE_SIZE = 25


def uncertified(ds: Dataset, f: Filters, page: int = 1, page_size: int | None = UNCERTIFIED_PAGE_SIZE,
                lang: str = "id", keep: bool = True) -> tuple[int, pd.DataFrame]:
    """One page (all of them when ``page_size`` is None) of the enterprises whose
    certification data is there and names none they hold: the target list of the next
    round, by regency and name. Returns (how many in all, the page: name, regency,
    product (its products' names), workers). No personal data. ``keep=False`` works the
    list out now even where the kept list could be read (the benchmark's measure)."""
    total = counts(ds, f)["none"]
    size = total if page_size is None else int(page_size)
    window = {"limit": size, "offset": 0 if page_size is None else max(0, int(page) - 1) * size}
    listed = _kept_for_phase(ds, f, "uncertified", _UNCERTIFIED_ALL_SQL) if keep else None
    if listed is not None:
        frame = ds.sql(_UNCERTIFIED_KEPT_SQL, window | {"file": str(listed)})
    else:
        frame = ds.sql(ds.pick(_UNCERTIFIED_SQL, f), f.params() | window)
    names = _names(ds, f)
    frame["regency"] = [ds.ref.regency(c).label for c in frame["regency_code"]]
    frame["product"] = [", ".join(ds.ref.product_label(c, names.get(c), lang) for c in codes)
                        for codes in frame["products"]]
    frame["workers"] = frame["workers"].astype("Int64")
    return total, frame[["name", "regency", "product", "workers"]]


# -- the tourism market ---------------------------------------------------------------------
# Partners as written, split where a cell names several (";", "," or a line break), runs of
# spaces made one; counted by the name in lower case, shown as most often written (ties: the
# first in sort order).
_PARTNERS_SQL = f"""
    WITH keyed AS (SELECT * FROM partner_cells WHERE {_WHERE}),
         forms AS (SELECT norm, written, count(*) AS n FROM keyed GROUP BY ALL)
    SELECT norm, (SELECT first(written ORDER BY n DESC, written) FROM forms WHERE forms.norm = k.norm) AS partner,
           count(DISTINCT enterprise_key) AS enterprises, list(DISTINCT product_code ORDER BY product_code) AS products,
           count(DISTINCT written) AS spellings
    FROM keyed k GROUP BY norm ORDER BY enterprises DESC, partner"""
_PARTNERS_KEPT_SQL = "SELECT * FROM read_parquet($file) ORDER BY enterprises DESC, partner"


def partners(ds: Dataset, f: Filters, lang: str = "id", keep: bool = True) -> pd.DataFrame:
    """Each hotel or tourism partner named under ``f``: ``partner`` (as most often
    written), ``enterprises`` supplying it, ``product`` (their products' names;
    ``product_names`` as a list), ``spellings`` (how many ways it was written); most
    suppliers first. ``keep=False`` counts now even where the kept list could be read."""
    listed = _kept_for_phase(ds, f, "partners", _PARTNERS_SQL) if keep else None
    frame = ds.sql(_PARTNERS_KEPT_SQL, {"file": str(listed)}) if listed else ds.sql(_PARTNERS_SQL, f.params())
    names = _names(ds, f)
    frame["product_names"] = [[ds.ref.product_label(c, names.get(c), lang) for c in codes]
                              for codes in frame["products"]]
    frame["product"] = [", ".join(x) for x in frame["product_names"]]
    return frame[["partner", "enterprises", "product", "product_names", "spellings"]]


# -- mentoring -------------------------------------------------------------------------------
def mentoring_comparison(ds: Dataset, f: Filters, lang: str = "id") -> pd.DataFrame:
    """Mentored and not mentored enterprises side by side (a description, not an effect):
    ``key`` (True, False), ``label``, ``enterprises``, ``workers_per_enterprise`` (null
    where the sample cannot know a part's workers), ``certified`` and ``certified_known``,
    ``certified_share``. Enterprises whose mentoring is unknown are left out."""
    frame = counts_by(ds, f, "mentoring", lang)
    frame = frame[frame["key"].notna()].copy()
    frame["key"] = frame["key"].astype(bool)
    frame = frame.sort_values("key", ascending=False, ignore_index=True)
    known = workers_known(ds, f)
    frame["workers_per_enterprise"] = [w / e if known and e and not pd.isna(w) else None
                                       for w, e in zip(frame["workers"], frame["enterprises"])]
    frame["certified_share"] = [h / k if k else None
                                for h, k in zip(frame["certified"], frame["certified_known"])]
    return frame[["key", "label", "enterprises", "workers_per_enterprise", "certified", "certified_known",
                  "certified_share"]]


# -- the indicators command ----------------------------------------------------------------
def indicators(ds: Dataset, phase: int, lang: str = "id") -> dict:
    """``python -m ikm_data indicators --json`` for one phase: enterprises; certifications
    (each, any, none, known and each one's known); the tourism market (enterprises, known,
    partners); mentoring (enterprises, known, by raw material); repeat (this phase's
    enterprises that took part in another uploaded phase too, ``returning.summary``). A phase without
    participant rows has no such data: its counts are null and ``rows`` is False (its
    ``enterprises`` the department's published total, where there is one)."""
    meta = ds.state.current(phase)
    out = {"phase": phase, "rows": meta is not None, "sample": bool(meta and meta.sample)}
    f = Filters(phase=phase)
    c = counts(ds, f) if meta is not None else None
    maybe = (lambda key: c[key]) if c else (lambda key: None)
    out["enterprises"] = maybe("enterprises") if c else _published_enterprises(ds, phase)
    out["certifications"] = {
        **{k: maybe(k) for k in schema.CERTIFICATIONS}, "any": maybe("certified"),
        "none": maybe("none"), "known": maybe("certified_known"),
        "known_each": {k: maybe(f"{k}_known") for k in schema.CERTIFICATIONS},
    }
    out["tourism"] = {"enterprises": maybe("tourism_market"), "known": maybe("tourism_market_known"),
                      "partners": [{"partner": r["partner"], "enterprises": int(r["enterprises"]),
                                    "products": list(r["product_names"])}
                                   for r in (partners(ds, f, lang).to_dict("records") if c else [])]}
    materials = counts_by(ds, f, "raw_material", lang) if c else pd.DataFrame(columns=["mentoring", "label"])
    out["mentoring"] = {"enterprises": maybe("mentoring"), "known": maybe("mentoring_known"),
                        "by_raw_material": [{"raw_material": r["label"], "enterprises": int(r["mentoring"])}
                                            for r in materials.sort_values(["mentoring", "label"],
                                                                           ascending=[False, True]).to_dict("records")
                                            if r["mentoring"]]}
    out["repeat"] = returning.summary(ds, f)  # enterprises of this phase seen in another phase too
    return out


def _published_enterprises(ds: Dataset, phase: int) -> int | None:
    """A published-only phase's enterprises as the department released them, or None."""
    row = queries.phase_summaries(ds)
    value = row.loc[row["phase"] == phase, "enterprises"]
    return None if value.empty or pd.isna(value.iloc[0]) else int(value.iloc[0])
