"""DuckDB queries over the current participant data. Every value is a bound parameter;
every function returns a small, aggregated frame (tables paginate in SQL).

Counting rules (see Tentang Data): per product, the enterprises that supply it; per phase,
distinct enterprises; an enterprise's workers are counted once per phase (and once per
product it supplies in per-product figures).

Worker groups: where the department published one worker figure for several products
(Phase III: Teh Kelor / Serbat Jahe / Gula Semut = 910), a figure labelled with the group
always holds the whole group. A product filter that keeps only part of a group's stored
products gives a figure for that part, labelled with its products; in the synthetic sample
nobody knows that part's workers (its per-enterprise workers only add up to the group's
published figure), so every worker figure that holds such a part is null, never a number
(``unknown_splits``). Real uploads know each enterprise's workers, so their parts are
real sums.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq

from ikm_data import derive, profiles, schema, search
from ikm_data.i18n import t
from ikm_data.privacy import mask_sql
from ikm_data.reference import DEPARTMENT_SCOPE, Reference, load_reference
from ikm_data.settings import setting
from ikm_data.store import DERIVED, State, Store, readable_parquet

# The filter every participant query starts from; identifiers are constants of this module.
_WHERE = """
    ($phase::INTEGER IS NULL OR phase = $phase)
    AND (len($regencies::VARCHAR[]) = 0 OR list_contains($regencies::VARCHAR[], regency_code))
    AND (len($products::VARCHAR[]) = 0 OR list_contains($products::VARCHAR[], product_code))
"""


# The aggregate queries read ``SRC``: the view ``profiles`` (``ikm_data.profiles``: the
# rows folded, ``n`` enterprises each) for one phase, else ``participants_n`` (the rows,
# ``n = 1``); so they count ``sum(n)`` and ``sum(workers * n)``, never ``count(*)``.
SRC = "__SOURCE__"
SOURCES = ("profiles", "participants_n")
WEIGHT = "any_value(n) AS n"  # every row of one profile has the same n


def sources(sql: str) -> dict[str, str]:
    """``sql`` (reading ``SRC``) for each of ``SOURCES``: ``{source: sql}``."""
    return {src: sql.replace(SRC, src) for src in SOURCES}


def _per_enterprise(*keys: str, unique: bool) -> str:
    """SQL for one row per (``keys``, enterprise) within the filter, with the enterprise's
    workers counted once, and ``n``. Where every stored row of the phase is a different
    enterprise (``unique``, known from the version's totals) the rows already are that,
    and the GROUP BY over enterprise keys is skipped."""
    if unique:
        lead = "".join(f"{k}, " for k in keys)
        return f"SELECT {lead}enterprise_key, workers, n FROM {SRC} WHERE {_WHERE}"
    return schema.per_enterprise_sql(SRC, keys, _WHERE, extra=(WEIGHT,))


def _both(template: str, **subqueries) -> dict[tuple[bool, str], str]:
    """``template`` filled for both cases of ``_per_enterprise`` and each source:
    ``{(unique, source): sql}`` (see ``Dataset.pick``)."""
    out = {}
    for u in (False, True):
        filled = template.format(**{name: _per_enterprise(*keys, unique=u) for name, keys in subqueries.items()})
        out |= {(u, src): sql for src, sql in sources(filled).items()}
    return out


@dataclass(frozen=True)
class Filters:
    """What the official chose in the sidebar (or clicked in a chart)."""

    phase: int | None = None
    regencies: tuple[str, ...] = ()
    products: tuple[str, ...] = ()

    def params(self) -> dict:
        return {"phase": self.phase, "regencies": list(self.regencies), "products": list(self.products)}

    def narrowed(self, **changes) -> "Filters":
        """A copy with some fields replaced (``regencies=("5201",)``)."""
        values = {"phase": self.phase, "regencies": self.regencies, "products": self.products}
        values.update({k: tuple(v) if isinstance(v, (list, tuple)) else v for k, v in changes.items()})
        return Filters(**values)


def _limits() -> dict:
    """The memory a dataset's DuckDB may hold and where it spills (``IKM_QUERY_MEMORY``,
    ``IKM_QUERY_TEMP``)."""
    temp = setting("IKM_QUERY_TEMP") or os.path.join(tempfile.gettempdir(), "ikm-duckdb")
    return {"memory_limit": setting("IKM_QUERY_MEMORY"), "temp_directory": temp}


def _usable(path, derived, columns: list[str]) -> bool:
    """True when the derived file at ``path`` can be read, has ``columns`` and was built with
    this release's SQL (``derived.RECIPE``)."""
    if not readable_parquet(path):
        return False
    return pq.read_schema(path).names == columns and derive.recipe_of(path) == derived.RECIPE


def _derived_view(con: duckdb.DuckDBPyConnection, store: Store, state: State, derived) -> None:
    """The table ``derived.VIEW`` (in memory unless ``derived.IN_MEMORY`` is False) of the
    file each shown version has beside its rows (``derived.FILE``, see ``store.DERIVED``);
    for a version written before that file existed, or whose file cannot be read or was built
    by another release's SQL (``_usable``), the same columns computed from its rows
    (``derived.ROWS_SQL``): the figures never depend on a derived file."""
    rows = con.sql(derived.ROWS_SQL.format(source="participants"))
    written, missing = [], []
    for phase, path in store.current_files(state).items():
        (written if _usable(path.parent / derived.FILE, derived, rows.columns) else missing).append((phase, path))
    parts = [con.read_parquet([str(p.parent / derived.FILE) for _, p in written])] if written else []
    if missing or not parts:
        keep = [duckdb.ConstantExpression(phase) for phase, _ in missing]
        parts.append(rows.filter(duckdb.ColumnExpression("phase").isin(*keep)) if keep else rows.limit(0))
    view = parts[0]
    for part in parts[1:]:
        view = view.union(part)
    if derived.IN_MEMORY:
        view.create(derived.VIEW)
    else:
        view.create_view(derived.VIEW)


@dataclass
class Dataset:
    """A DuckDB connection with the ``participants`` view over one state of the store, the
    rows with ``n = 1`` (``participants_n``) and the files derived from them at commit
    (``profiles``, ``search``, ``partner_cells``, ``listing``: ``store.DERIVED``).

    Build it with ``Dataset.open(store)``; it stays valid for that state (the files it reads
    are immutable). Use one per process and state; each query takes its own cursor.
    """

    con: duckdb.DuckDBPyConnection
    state: State
    ref: Reference = field(default_factory=load_reference)
    root: Path | None = None  # the store's folder (where results kept per data state live)

    @classmethod
    def open(cls, store: Store, state: State | None = None) -> "Dataset":
        """The dataset of ``state`` (default: the store's now). Raises StoreDamaged when
        the store is damaged (see ``store_check``)."""
        state = state or store.state()
        con = duckdb.connect(config={"autoinstall_known_extensions": False, **_limits()})
        con.execute("SET enable_progress_bar = false")
        files = [str(p) for p in store.current_files(state).values()]
        try:
            # file_row_number: each phase's file is stored in directory order (store.DIRECTORY_ORDER)
            rel = (con.read_parquet(files, file_row_number=True) if files
                   else con.from_arrow(schema.empty_table()).select("*, 0::BIGINT AS file_row_number"))
            rel.create_view("participants")
            con.sql(profiles.ROWS_SQL.format(source="participants")).create_view("participants_n")
            for derived in DERIVED:
                _derived_view(con, store, state, derived)
        except duckdb.Error as exc:  # a version's file missing or damaged: StoreDamaged says which
            con.close()
            raise store.explain(exc) from exc
        return cls(con, state, root=store.root)

    def source(self, f: Filters) -> str:
        """The view the aggregate queries read under ``f``: ``profiles`` for one phase, the
        rows (``participants_n``) across phases, where a profile names no enterprise."""
        return "profiles" if f.phase is not None else "participants_n"

    def pick(self, variants: dict, f: Filters) -> str:
        """The SQL of ``variants`` (from ``_both`` or ``sources``) for ``f``."""
        key = self.source(f)
        return variants[(self.unique_enterprises(f), key)] if (False, key) in variants else variants[key]

    def sql(self, query: str, params: dict | None = None) -> pd.DataFrame:
        return self.con.cursor().execute(query, params or {}).df()

    @property
    def sample_phases(self) -> set[int]:
        return {p for p in self.state.phases if (m := self.state.current(p)) and m.sample}

    def unique_enterprises(self, f: Filters) -> bool:
        """True when ``f`` is one phase whose every stored row is a different enterprise
        (its version's rows equal its enterprises), so queries need not group by
        enterprise to count each once."""
        meta = self.state.current(f.phase) if f.phase is not None else None
        return bool(meta) and meta.rows == meta.enterprises

    def data_phases(self) -> list[int]:
        """Phases that have participant rows now."""
        return sorted(p for p, v in self.state.phases.items() if v)

    def product_label(self, code: str, lang: str = "id") -> str:
        """A product's name in ``lang``; a product new to the vocabulary by the name its
        file gave it, never by its code."""
        if self.ref.product(code):
            return self.ref.product_name(code, lang)
        return product_names(self).get(code, code)

    def describe(self, f: Filters, lang: str = "id") -> list[str]:
        """The regency and product filters of ``f`` in words, one text each
        (``["Lombok Timur", "Susu Kedelai, Kopi"]``); empty without filters."""
        parts = []
        if f.regencies:
            parts.append(", ".join(self.ref.regency(c).label for c in f.regencies))
        if f.products:
            parts.append(", ".join(self.product_label(c, lang) for c in f.products))
        return parts


# -- headline figures -------------------------------------------------------------------
_KPIS_SQL = _both(f"""
    WITH e AS ({{enterprises}}), pe AS ({{product_enterprises}}),
         p AS (SELECT product_code, regency_code, n FROM {SRC} WHERE {_WHERE})
    SELECT (SELECT coalesce(sum(n), 0) FROM e), (SELECT coalesce(sum(workers * n), 0) FROM e),
           (SELECT count(DISTINCT product_code) FROM p),
           (SELECT count(DISTINCT regency_code) FROM p),
           (SELECT coalesce(sum(n), 0) FROM pe),
           (SELECT coalesce(sum(n), 0) FROM p)
""", enterprises=(), product_enterprises=("product_code",))


def kpis(ds: Dataset, f: Filters) -> dict:
    """Enterprises, workers, products, regencies, workers per enterprise, and the sum of
    per-product enterprise counts (which exceeds ``enterprises`` when some supply several
    products). ``workers`` and ``workers_per_enterprise`` are None where ``f`` keeps part of
    a group whose split the sample cannot know (``unknown_splits``)."""
    row = ds.con.cursor().execute(ds.pick(_KPIS_SQL, f), f.params()).fetchone()
    enterprises, workers, products, regencies, product_pairs, rows = (int(x) for x in row)
    if not unknown_splits(ds, f).empty:
        workers = None
    return {
        "enterprises": enterprises,
        "workers": workers,
        "products": products,
        "regencies": regencies,
        "workers_per_enterprise": workers / enterprises if enterprises and workers is not None else None,
        "product_enterprises": product_pairs,
        "rows": rows,
    }


# An enterprise counts once for each product it supplies.
_BY_PRODUCT_SQL = {
    (False, src): sql for src, sql in sources(f"""
        WITH names AS (SELECT product_code, any_value(product_name) AS product_name
                       FROM {SRC} WHERE {_WHERE} GROUP BY product_code)
        SELECT product_code, names.product_name, sum(n)::BIGINT AS enterprises,
               sum(workers * n)::BIGINT AS workers
        FROM ({_per_enterprise("product_code", unique=False)}) JOIN names USING (product_code)
        GROUP BY product_code, names.product_name ORDER BY enterprises DESC, product_code""").items()
} | {
    (True, src): sql for src, sql in sources(f"""
        SELECT product_code, any_value(product_name) AS product_name, sum(n)::BIGINT AS enterprises,
               sum(workers * n)::BIGINT AS workers
        FROM {SRC} WHERE {_WHERE}
        GROUP BY product_code ORDER BY enterprises DESC, product_code""").items()
}


def by_product(ds: Dataset, f: Filters, lang: str = "id") -> pd.DataFrame:
    """Enterprises and workers per product, largest first.

    ``workers`` is null where the phase's data is the synthetic sample and the product is
    one of several stored products of a group for which only one worker figure was
    published: the sample cannot know a split that was never published.
    """
    frame = ds.sql(ds.pick(_BY_PRODUCT_SQL, f), f.params())
    frame["product"] = [
        ds.ref.product_label(c, n, lang) for c, n in zip(frame["product_code"], frame["product_name"])
    ]
    frame["workers"] = frame["workers"].astype("Int64")
    unknown_split = _unpublished_split(ds, f.phase)
    frame.loc[frame["product_code"].isin(unknown_split), "workers"] = pd.NA
    return frame[["product_code", "product", "enterprises", "workers"]]


def _unpublished_split(ds: Dataset, phase: int | None) -> set[str]:
    """Products whose own workers the sample cannot know: in a sample phase, each stored
    member of a published group that has more than one stored member (the combined
    "Minyak Cengkeh / Minyak Kayu Putih" alone is its group's whole)."""
    parts = group_parts(ds, Filters(phase=phase), sample_only=True)
    return {c for g in parts if len(g.stored) > 1 for c in g.stored}


@dataclass(frozen=True)
class GroupPart:
    """One published worker group of one phase, as a product filter sees it: the release's
    ``label``, its members ``stored`` in the phase, and those the filter ``kept``."""

    phase: int
    label: str
    stored: tuple[str, ...]
    kept: tuple[str, ...]

    @property
    def whole(self) -> bool:
        """True when the filter keeps every stored member: a figure over the kept
        products is the group's own figure."""
        return set(self.kept) == set(self.stored)


_PHASE_PRODUCTS_SQL = "SELECT DISTINCT product_code FROM profiles WHERE phase = $phase"


def group_parts(ds: Dataset, f: Filters, sample_only: bool = False) -> list[GroupPart]:
    """For ``f.phase`` (or every phase with rows when None; only sample phases when
    ``sample_only``) each published worker group with a member stored in the phase.
    Whole and part are judged against the phase's stored products, not the regency
    filter."""
    phases = [f.phase] if f.phase is not None else ds.data_phases()
    out = []
    for phase in phases:
        groups = ds.ref.worker_groups(phase)
        if not groups or (sample_only and phase not in ds.sample_phases):
            continue
        stored = {r[0] for r in ds.con.cursor().execute(_PHASE_PRODUCTS_SQL, {"phase": phase}).fetchall()}
        for label, members in groups:
            have = tuple(c for c in members if c in stored)
            kept = tuple(c for c in have if not f.products or c in f.products)
            if have:
                out.append(GroupPart(phase, label, have, kept))
    return out


def unknown_splits(ds: Dataset, f: Filters, lang: str = "id") -> pd.DataFrame:
    """The parts of published worker groups whose workers nobody knows under ``f``: in a
    sample phase, a product filter keeping some but not all of a group's stored products.
    One row per such part: phase, ``group`` (the release's label in ``lang``), ``products``
    (the kept products' names), ``group_workers`` (the whole group's figure under the same
    phase and regencies, i.e. ``f`` without its product filter). Empty when every worker
    figure under ``f`` is known."""
    columns = ["phase", "group", "products", "group_workers"]
    phases = [f.phase] if f.phase is not None else ds.data_phases()
    if not f.products or not any(p in ds.sample_phases for p in phases):
        return pd.DataFrame(columns=columns)
    rows = []
    for g in group_parts(ds, f, sample_only=True):
        if not g.kept or g.whole:
            continue
        whole = _group_sums(ds, f.narrowed(phase=g.phase, products=()), {c: g.label for c in g.stored})
        rows.append({"phase": g.phase, "group": _group_label(ds.ref, g.label, lang),
                     "products": ", ".join(ds.ref.product_name(c, lang) for c in g.kept),
                     "group_workers": int(whole.set_index("grp")["workers"].get(g.label, 0))})
    frame = pd.DataFrame(rows, columns=columns)
    frame["group_workers"] = frame["group_workers"].astype("Int64")
    return frame


# Enterprises and workers per worker group, an enterprise counted once per group; the
# product -> group mapping arrives as two parallel lists of bound parameters.
_WORKER_GROUP_OF = f"""
    WITH m AS (SELECT unnest($codes::VARCHAR[]) AS product_code, unnest($labels::VARCHAR[]) AS grp)
    SELECT coalesce(m.grp, '#' || p.product_code) AS grp, p.enterprise_key, p.workers, p.n,
           p.product_code, p.product_name
    FROM (SELECT * FROM {SRC} WHERE {_WHERE}) p LEFT JOIN m USING (product_code)
"""
_WORKER_GROUPS_SQL = {
    (unique, src): sql
    for unique, template in (
        (False, f"""SELECT grp, sum(n)::BIGINT AS enterprises, sum(workers * n)::BIGINT AS workers FROM (
                        {schema.per_enterprise_sql(f"({_WORKER_GROUP_OF})", ("grp",), extra=(WEIGHT,))})
                    GROUP BY grp"""),
        (True, f"""SELECT grp, sum(n)::BIGINT AS enterprises, sum(workers * n)::BIGINT AS workers
                   FROM ({_WORKER_GROUP_OF}) GROUP BY grp"""))
    for src, sql in sources(template).items()
}
_WORKER_GROUP_PRODUCTS_SQL = sources(f"""
    SELECT DISTINCT grp, product_code, product_name FROM ({_WORKER_GROUP_OF})
""")
_PART = "~"  # key prefix of the kept part of a group (a stand-alone product's is "#")


def _group_params(f: Filters, mapping: dict[str, str]) -> dict:
    return f.params() | {"codes": list(mapping), "labels": list(mapping.values())}


def _group_sums(ds: Dataset, f: Filters, mapping: dict[str, str]) -> pd.DataFrame:
    """grp, enterprises, workers under ``f``, products mapped to ``mapping[code]`` (others
    stand alone as ``#code``), an enterprise counted once per grp."""
    return ds.sql(ds.pick(_WORKER_GROUPS_SQL, f), _group_params(f, mapping))


def _group_label(ref: Reference, commodity: str, lang: str) -> str:
    """A published group's label in ``lang``: the release's own words in Indonesian, each
    product's English name in English ("Moringa tea / Ginger drink / Palm sugar crystals")."""
    if lang != "en":
        return commodity
    whole = ref.resolve_product(commodity)
    if whole:
        return ref.product_name(whole, lang)
    return " / ".join(ref.product_name(ref.resolve_product(part) or part.strip(), lang)
                      for part in commodity.split("/"))


_WORKER_GROUP_COLUMNS = ["group", "products", "enterprises", "workers", "published", "within"]


def worker_groups(ds: Dataset, f: Filters, lang: str = "id") -> pd.DataFrame:
    """Enterprises and workers per published worker group of ``f.phase`` (products without
    a group stand alone), an enterprise counted once per row, so that workers are shown
    only at the level they are known.

    A row labelled with a group (``published``) holds the whole group. Where the product
    filter keeps only part of a group's stored products the row holds that part and is
    labelled with its products (``within`` the group's label, else ""): a real sum for a
    real upload, null ``workers`` for the sample (see ``unknown_splits``). A product
    without a group stands alone (neither). Columns: group, products, enterprises,
    workers (Int64), published, within."""
    if f.phase is None:
        raise ValueError("worker groups are defined per phase")
    parts = group_parts(ds, f) if f.products else [
        GroupPart(f.phase, label, members, members) for label, members in ds.ref.worker_groups(f.phase)]
    mapping = {c: (g.label if g.whole else _PART + g.label) for g in parts for c in g.kept}
    frame = _group_sums(ds, f, mapping)
    if frame.empty:
        return pd.DataFrame(columns=_WORKER_GROUP_COLUMNS)
    names: dict[str, set[str]] = {}
    sql = ds.pick(_WORKER_GROUP_PRODUCTS_SQL, f)
    for grp, code, stored in ds.con.cursor().execute(sql, _group_params(f, mapping)).fetchall():
        names.setdefault(grp, set()).add(ds.ref.product_label(code, stored, lang))
    frame["products"] = [", ".join(sorted(names.get(g, ()))) for g in frame["grp"]]
    frame["published"] = ~frame["grp"].str.startswith(("#", _PART))
    frame["within"] = [_group_label(ds.ref, g[1:], lang) if g.startswith(_PART) else "" for g in frame["grp"]]
    frame["group"] = [_group_label(ds.ref, g, lang) if pub else prods for g, pub, prods in
                      zip(frame["grp"], frame["published"], frame["products"])]
    # the combined oils are a product named like their group: its part must not wear that label
    labels = {_group_label(ds.ref, label, lang) for label, _ in ds.ref.worker_groups(f.phase)}
    frame["group"] = [f"{g} ({t('counting.part_suffix', lang)})" if w and g in labels else g
                      for g, w in zip(frame["group"], frame["within"])]
    frame["workers"] = frame["workers"].astype("Int64")
    if ds.state.current(f.phase) and ds.state.current(f.phase).sample:
        frame.loc[frame["grp"].str.startswith(_PART), "workers"] = pd.NA
    return frame.sort_values(["workers", "group"], ascending=[False, True], ignore_index=True,
                             na_position="last")[_WORKER_GROUP_COLUMNS]


_BY_REGENCY_SQL = _both("""
    SELECT regency_code, sum(n)::BIGINT AS enterprises, sum(workers * n)::BIGINT AS workers
    FROM ({per_regency}) GROUP BY regency_code
""", per_regency=("regency_code",))


def by_regency(ds: Dataset, f: Filters) -> pd.DataFrame:
    """Every NTB regency (zero where none took part) with enterprises, workers (Int64; null
    throughout where ``f`` keeps part of a group whose split the sample cannot know, see
    ``unknown_splits``) and its seat's coordinates, for the table, the bar chart and the map."""
    counts = ds.sql(ds.pick(_BY_REGENCY_SQL, f), f.params()).set_index("regency_code")
    rows = []
    for r in ds.ref.regencies:
        rows.append({
            "regency_code": r.code, "regency": r.label, "seat": r.seat, "lat": r.lat, "lon": r.lon,
            "enterprises": int(counts["enterprises"].get(r.code, 0)),
            "workers": int(counts["workers"].get(r.code, 0)),
        })
    frame = pd.DataFrame(rows)
    frame["workers"] = frame["workers"].astype("Int64")
    if not unknown_splits(ds, f).empty:
        frame["workers"] = pd.NA
    return frame.sort_values(["enterprises", "regency"], ascending=[False, True], ignore_index=True)


# -- directory ----------------------------------------------------------------------------
DIRECTORY_PAGE_SIZE = 25

# The rows the directory finds, over the search column (``ikm_data.search``): ``$q`` is
# ``search.text`` of what the official typed ('' for every row), compared in lower case.
_DIRECTORY_WHERE = f"""{_WHERE} AND ($q = '' OR contains(key, lower($q)))"""
_DIRECTORY_COUNT_SQL = f"SELECT count(*) FROM search WHERE {_DIRECTORY_WHERE}"
_DIRECTORY_PAGE_SQL = f"""SELECT phase, file_row_number FROM search WHERE {_DIRECTORY_WHERE}
                          ORDER BY phase, file_row_number LIMIT $limit OFFSET $offset"""
# With a search text the matches are few: one pass finds them, counts them and takes the page.
_DIRECTORY_FOUND_SQL = f"""
    WITH m AS MATERIALIZED (SELECT phase, file_row_number FROM search WHERE {_DIRECTORY_WHERE})
    SELECT (SELECT count(*) FROM m),
           (SELECT list([phase, file_row_number]) FROM
                (FROM m ORDER BY phase, file_row_number LIMIT $limit OFFSET $offset))
"""
# The participant rows at (phase, row in its file) pairs (``directory_page``): a row-number
# filter DuckDB pushes into the Parquet scan, then the exact pairs.
ROWS_AT = """FROM participants
    WHERE list_contains($phases::INTEGER[], phase) AND file_row_number IN (SELECT unnest($rows::BIGINT[]))
      AND list_contains($keys::BIGINT[], phase::BIGINT * 4294967296 + file_row_number)
    ORDER BY phase, file_row_number"""
_DIRECTORY_SQL = f"""
    SELECT name, regency_code, product_code, product_name, workers, workers_male,
           workers_female, {mask_sql('owner', 'name')} AS owner, {mask_sql('nik', 'digits')} AS nik,
           {mask_sql('phone', 'digits')} AS phone, nib, village, district,
           {", ".join(schema.CERTIFICATIONS)}, tourism, phase
    {ROWS_AT}
"""


def directory_page(ds: Dataset, f: Filters, search_text: str = "", page: int = 1,
                   page_size: int = DIRECTORY_PAGE_SIZE) -> tuple[int, dict]:
    """(How many rows the directory finds for ``f`` and ``search_text``, the bound
    parameters of ``ROWS_AT`` for one page of them.)"""
    params = directory_params(f, search_text, page, page_size)
    cur = ds.con.cursor()
    if params["q"]:
        total, pairs = cur.execute(_DIRECTORY_FOUND_SQL, params).fetchone()
        pairs = pairs or []
    else:
        total = cur.execute(_DIRECTORY_COUNT_SQL, directory_params(f)).fetchone()[0]
        pairs = cur.execute(_DIRECTORY_PAGE_SQL, params).fetchall()
    return int(total), {"phases": sorted({int(p) for p, _ in pairs}), "rows": [int(r) for _, r in pairs],
                        "keys": [int(p) * 4294967296 + int(r) for p, r in pairs]}


_DIRECTORY_ALL_SQL = f"""
    SELECT * EXCLUDE ({", ".join(sorted(schema.PERSONAL))}) FROM participants
    SEMI JOIN (SELECT phase AS page_phase, file_row_number AS page_row FROM search WHERE {_DIRECTORY_WHERE}) m
         ON phase = m.page_phase AND file_row_number = m.page_row
    ORDER BY phase, file_row_number
"""


def directory_rows(ds: Dataset, f: Filters, search_text: str = ""):
    """Every participant row the directory finds for ``f`` and ``search`` (all pages), in
    the directory's order, as an Arrow table without the personal columns (owner, NIK,
    phone never leave DuckDB)."""
    return ds.con.cursor().sql(_DIRECTORY_ALL_SQL, params=directory_params(f, search_text)).to_arrow_table()


def directory_params(f: Filters, search_text: str = "", page: int | None = None,
                     page_size: int = DIRECTORY_PAGE_SIZE) -> dict:
    """The bound parameters of the directory's SQL for ``f``, what the official typed and
    (with ``page``) one page of ``page_size`` rows."""
    params = f.params() | {"q": search.text(search_text)}
    if page is not None:
        params |= {"limit": int(page_size), "offset": max(0, int(page) - 1) * int(page_size)}
    return params


def directory(ds: Dataset, f: Filters, search_text: str = "", page: int = 1,
              page_size: int = DIRECTORY_PAGE_SIZE, lang: str = "id") -> tuple[int, pd.DataFrame]:
    """One page of enterprises matching ``search_text`` (name, NIB or village, any case; ``%``,
    ``_`` and ``\\`` are literal, not wildcards) and the filters, by name, with NIK, phone
    and owner masked. Returns (total matches, page frame). Rows are stored sorted by
    name, so the page is taken by row number, not by sorting."""
    total, at = directory_page(ds, f, search_text, page, page_size)
    frame = ds.sql(_DIRECTORY_SQL, at)
    frame["regency"] = frame["regency_code"].map(ds.ref.regency_labels())
    frame["product"] = [ds.ref.product_label(c, n, lang) for c, n in zip(frame["product_code"], frame["product_name"])]
    return int(total), frame


# -- phases and published figures ---------------------------------------------------------
_METRICS = ("enterprises", "workers")


def phase_summaries(ds: Dataset, f: Filters | None = None) -> pd.DataFrame:
    """One summary per phase (``f.phase`` is ignored) from its single source, within the
    regency/product filters of ``f`` and only where that compares like with like:
    participant rows where the phase has them (filtered), else the department's own
    published figures — totals without filters; with a product filter the release's
    per-product figures where it gives exactly that breakdown; with a regency filter none
    (the releases have no regional breakdown). Never adds figures of different scopes.

    Columns: phase, enterprises, workers (null where no comparable figure), source_kind
    (data | sample | published), approx_enterprises, approx_workers (that metric's
    published figure is approximate), approximate (either is), why_enterprises,
    why_workers (why the figure is null: '' | unpublished | regency | product | overlap |
    split), as_of, source, note, note_id, scope."""
    f = (f or Filters()).narrowed(phase=None)
    data = set(ds.data_phases())
    rows = [_rows_summary(ds, f, phase) if phase in data else _published_summary(ds.ref, f, phase)
            for phase in sorted(data | {p.phase for p in ds.ref.published})]
    frame = pd.DataFrame(rows, columns=_SUMMARY_COLUMNS)
    for col in _METRICS:
        frame[col] = frame[col].astype("Int64")
    frame["approximate"] = frame["approx_enterprises"] | frame["approx_workers"]
    return frame


_SUMMARY_COLUMNS = ["phase", "enterprises", "workers", "source_kind", "approximate", "approx_enterprises",
                    "approx_workers", "why_enterprises", "why_workers", "as_of", "source", "source_id", "note",
                    "note_id", "scope"]


def _rows_summary(ds: Dataset, f: Filters, phase: int) -> dict:
    """A phase's summary from its participant rows within ``f``; the sample's workers are
    withheld where the product filter splits a group whose workers were published as one
    (``kpis`` returns None there)."""
    k = kpis(ds, f.narrowed(phase=phase))
    meta = ds.state.current(phase)
    split = k["workers"] is None  # kpis withholds it where the filter splits a group (unknown_splits)
    return {"phase": phase, "enterprises": k["enterprises"], "workers": k["workers"],
            "source_kind": "sample" if meta.sample else "data", "approx_enterprises": False,
            "approx_workers": False, "why_enterprises": "", "why_workers": "split" if split else "",
            "as_of": meta.as_of or meta.upload_day, "source": f"{meta.file} ({meta.version})",
            "source_id": f"{meta.file} ({meta.version})", "note": "", "note_id": "", "scope": DEPARTMENT_SCOPE}


def _published_summary(ref: Reference, f: Filters, phase: int) -> dict:
    """A published-only phase's summary within ``f``, metric by metric (see
    ``_published_figure``), with the sources and notes of the figures it uses."""
    row = {"phase": phase, "source_kind": "published", "scope": DEPARTMENT_SCOPE}
    used = []
    for metric in _METRICS:
        value, figures, why = _published_figure(ref, f, phase, metric)
        row |= {metric: value, f"approx_{metric}": any(p.approximate for p in figures), f"why_{metric}": why}
        used += figures
    dated = [p.as_of for p in used] or [p.as_of for p in ref.published_for(phase) if p.scope == DEPARTMENT_SCOPE]
    return row | {
        "as_of": min(dated) if dated else "",
        "source": "; ".join(dict.fromkeys(p.source for p in used)),
        "source_id": "; ".join(dict.fromkeys(p.source_in("id") for p in used)),
        "note": "; ".join(dict.fromkeys(p.note for p in used if p.note)),
        "note_id": "; ".join(dict.fromkeys(p.note_id for p in used if p.note_id)),
    }


def _published_figure(ref: Reference, f: Filters, phase: int, metric: str):
    """``(value, figures used, why)`` for one metric of a published-only phase: the
    department's total without filters; with a product filter the release's own figures
    for exactly the chosen products (several added only when the release's per-product
    figures add up to its total, so no enterprise is counted twice); else ``(None, [],
    reason)``."""
    figures = [p for p in ref.published_for(phase) if p.scope == DEPARTMENT_SCOPE and p.metric == metric]
    total = next((p for p in figures if p.is_total), None)
    parts = [p for p in figures if not p.is_total]
    if total is None and not parts:
        return None, [], "unpublished"
    if f.regencies:
        return None, [], "regency"
    if not f.products:
        return (total.value, [total], "") if total else (None, [], "unpublished")
    chosen = set(f.products)
    touched = [p for p in parts if chosen & set(ref.members(p.commodity))]
    covered = {c for p in touched for c in ref.members(p.commodity)}
    if not touched or not chosen <= covered:
        return None, [], "product"
    if not all(_whole_figure(ref, p, chosen) for p in touched):
        return None, [], "split"
    if len(touched) > 1 and (total is None or sum(p.value for p in parts) != total.value):
        return None, [], "overlap"
    return sum(p.value for p in touched), touched, ""


def _whole_figure(ref: Reference, p, chosen: set[str]) -> bool:
    """True when ``chosen`` takes the whole of what published figure ``p`` counts: the
    one product it names (a combined product such as the two oils included), or every
    product of a group it gives one figure for."""
    members = ref.members(p.commodity)
    whole = ref.resolve_product(p.commodity)
    if whole in chosen:
        return True
    return set(members) - {whole} <= chosen


def published(ref: Reference, phase: int | None = None) -> pd.DataFrame:
    """The published figures (all scopes) as a frame, in the release's order."""
    return pd.DataFrame([vars(p) | {"is_total": p.is_total} for p in ref.published_for(phase)])


def reconciliation(ds: Dataset, phase: int, lang: str = "id") -> pd.DataFrame:
    """Every published figure of ``phase`` beside the same figure computed from the stored
    rows: published, stored, and ``match`` (True/False; None where the scope is another
    agency's or the phase has no rows). Never adds the two."""
    f = Filters(phase=phase)
    has_rows = phase in ds.data_phases()
    prod = by_product(ds, f, lang).set_index("product_code") if has_rows else None
    groups = worker_groups(ds, f).set_index("group") if has_rows else None
    k = kpis(ds, f) if has_rows else None
    rows = []
    for p in ds.ref.published_for(phase):
        stored = None
        comparable = has_rows and p.scope == DEPARTMENT_SCOPE
        if comparable:
            if p.is_total:
                stored = k[p.metric]
            elif p.metric == "workers":
                stored = int(groups["workers"].get(p.commodity, 0))
            else:
                stored = int(sum(prod["enterprises"].get(c, 0) for c in ds.ref.members(p.commodity)))
        rows.append({
            "metric": p.metric, "commodity": p.commodity, "scope": p.scope, "published": p.value,
            "stored": stored, "match": (stored == p.value) if comparable else None,
            "approximate": p.approximate, "as_of": p.as_of, "source": p.source,
            "source_id": p.source_in("id"), "note": p.note, "note_id": p.note_id,
        })
    frame = pd.DataFrame(rows, columns=_RECONCILIATION_COLUMNS)
    frame["stored"] = frame["stored"].astype("Int64")
    return frame


_RECONCILIATION_COLUMNS = ["metric", "commodity", "scope", "published", "stored", "match", "approximate",
                           "as_of", "source", "source_id", "note", "note_id"]


def summary(ds: Dataset, phase: int | None = None, lang: str = "id") -> dict:
    """The CLI's ``summary --json``: each phase's one summary source (``phases``,
    ``by_product``, and ``by_worker_group`` where workers are known only per group) and,
    apart, the published figures for reconciliation; product names in ``lang``."""
    phases = phase_summaries(ds)
    if phase is not None:
        phases = phases[phases["phase"] == phase]
    out_phases, out_products, out_groups = [], [], []
    for row in phases.itertuples():
        out_phases.append({
            "phase": int(row.phase), "enterprises": _int(row.enterprises), "workers": _int(row.workers),
            "source": row.source, "source_kind": row.source_kind, "approximate": bool(row.approximate),
            "approx_enterprises": bool(row.approx_enterprises), "approx_workers": bool(row.approx_workers),
            "sample": row.source_kind == "sample",
        })
        if row.source_kind == "published":
            out_products += _published_products(ds.ref, int(row.phase))
            out_groups += [{"phase": int(row.phase), "group": p.commodity, "workers": p.value}
                           for p in ds.ref.published_for(int(row.phase))
                           if p.scope == DEPARTMENT_SCOPE and p.metric == "workers" and not p.is_total]
        else:
            for g in worker_groups(ds, Filters(phase=int(row.phase)), lang).itertuples():
                out_groups.append({"phase": int(row.phase), "group": g.group, "products": g.products,
                                   "enterprises": int(g.enterprises), "workers": int(g.workers)})
            for p in by_product(ds, Filters(phase=int(row.phase)), lang).itertuples():
                out_products.append({"phase": int(row.phase), "product": p.product,
                                     "product_code": p.product_code, "enterprises": int(p.enterprises),
                                     "workers": _int(p.workers)})
    phase_set = {p["phase"] for p in out_phases}
    return {
        "phases": out_phases,
        "by_product": out_products,
        "by_worker_group": out_groups,
        "published": [vars(p) for p in ds.ref.published if p.phase in phase_set],
    }


def _published_products(ref: Reference, phase: int) -> list[dict]:
    figures = [p for p in ref.published_for(phase) if p.scope == DEPARTMENT_SCOPE and not p.is_total]
    workers = {p.commodity: p.value for p in figures if p.metric == "workers"}
    return [{"phase": phase, "product": p.commodity, "product_code": ref.members(p.commodity)[:1][0]
             if ref.members(p.commodity) else None, "enterprises": p.value,
             "workers": workers.get(p.commodity)}
            for p in figures if p.metric == "enterprises"]


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def product_codes(ds: Dataset) -> list[str]:
    """Every product code present in the stored data (for the filter's options)."""
    return list(product_names(ds))


_PRODUCT_NAMES_SQL = "SELECT product_code, min(product_name) FROM profiles GROUP BY 1 ORDER BY 1"


def product_names(ds: Dataset) -> dict[str, str]:
    """``{code: name}`` of every product in the stored data, the name as its file wrote it
    (how a product new to the vocabulary is named: it has no catalogue name)."""
    return dict(ds.con.cursor().execute(_PRODUCT_NAMES_SQL).fetchall())


def published_products(ds: Dataset, phase: int, lang: str = "id") -> pd.DataFrame:
    """A phase's per-product figures from the department's release (for phases with no
    participant rows): product, enterprises, workers (null where unpublished)."""
    rows = _published_products(ds.ref, phase)
    frame = pd.DataFrame(rows, columns=["phase", "product", "product_code", "enterprises", "workers"])
    frame["product"] = [_group_label(ds.ref, p, lang) if "/" in p else
                        ds.ref.product_label(c, p, lang)
                        for c, p in zip(frame["product_code"], frame["product"])]
    frame["workers"] = frame["workers"].astype("Int64")
    return frame.sort_values("enterprises", ascending=False, ignore_index=True)


def phase_summary(ds: Dataset, f: Filters) -> dict:
    """``f.phase``'s row of ``phase_summaries`` within the filters of ``f``, as a dict."""
    frame = phase_summaries(ds, f)
    return frame[frame["phase"] == f.phase].iloc[0].to_dict()


def published_other_scopes(ds: Dataset) -> pd.DataFrame:
    """Published figures whose scope is not the department's own: shown apart, never
    compared or added."""
    frame = published(ds.ref)
    return frame[frame["scope"] != DEPARTMENT_SCOPE].reset_index(drop=True)


def published_all(ds: Dataset) -> pd.DataFrame:
    """Every published figure, all scopes."""
    return published(ds.ref)
