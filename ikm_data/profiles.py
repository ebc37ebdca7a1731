"""Enterprise profiles: a phase's participant rows folded for the aggregate figures.

Every headline figure (enterprises, workers, per product, regency or worker group, the
themes' certification, tourism and mentoring counts) reads only a few columns of each row
and counts each enterprise once. Two enterprises whose rows give the same values in those
columns are counted alike under every filter, so they are stored once, as a *profile*, with
``n`` (how many enterprises have it). A profile's rows are its enterprises' rows (one per
row of each), keyed by ``enterprise_key`` (a profile key, not a NIB or name), so a query
written for the participant rows answers the same over the profiles when it counts
``sum(n)`` instead of ``count(*)`` and ``sum(workers * n)`` instead of ``sum(workers)``.

A million rows of the bench store fold into about 110.000 profile rows in 0,8 s; the file is
written at commit beside the phase's participant rows (``profiles.parquet``). A version
written before profiles existed has none: its rows are read with ``n = 1`` (the same
figures, only slower), see ``ROWS_SQL``.

Profiles hold no name, NIB, address or personal data: only codes, workers and flags.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from ikm_data import derive, schema

FILE = "profiles.parquet"
VIEW = "profiles"  # its name in the queries' DuckDB (``queries.Dataset``)
IN_MEMORY = True  # read at every page view, small beside the rows: held in memory
# The columns a profile row keeps, as SQL over the participant rows; ``partner`` is whether
# the row names a tourism partner (the themes' rule).
PARTNER = "coalesce(trim(tourism_partner), '') <> '' AS partner"
_FOLDED = ("regency_code", "product_code", "product_name", "workers", *schema.CERTIFICATIONS, "tourism", PARTNER,
           "mentoring")
COLUMNS = ("regency_code", "product_code", "product_name", "workers", *schema.CERTIFICATIONS, "tourism",
           "partner", "mentoring")
_FIELDS = ", ".join(COLUMNS)

# The participant rows of ``{source}`` as profile rows of one enterprise each (``n = 1``): for
# versions without a profiles file, and for queries across phases (a profile key names no
# enterprise, so an enterprise in two phases is one enterprise only over the rows).
ROWS_SQL = f"SELECT phase, enterprise_key, 1::BIGINT AS n, {', '.join(_FOLDED)} FROM {{source}}"

# Enterprises with one row (most of them) fold by their row's values; an enterprise with
# several rows by the sorted list of its rows. Each profile's key says which kind it is.
_BUILD_SQL = f"""
    WITH r AS ({ROWS_SQL.format(source="t")}),
    multi AS (SELECT enterprise_key FROM r GROUP BY enterprise_key HAVING count(*) > 1),
    single AS (SELECT phase, {_FIELDS}, count(*)::BIGINT AS n
               FROM r ANTI JOIN multi USING (enterprise_key) GROUP BY ALL),
    sig AS (SELECT phase, list(struct_pack({_FIELDS}) ORDER BY struct_pack({_FIELDS})) AS rs
            FROM r SEMI JOIN multi USING (enterprise_key) GROUP BY phase, enterprise_key),
    many AS (SELECT phase, rs, count(*)::BIGINT AS n FROM sig GROUP BY ALL),
    many_rows AS (SELECT phase, 'm' || row_number() OVER (ORDER BY phase, rs) AS enterprise_key, n,
                         unnest(rs) AS r FROM many)
    SELECT phase, 's' || row_number() OVER (ORDER BY phase, {_FIELDS}, n) AS enterprise_key, n, {_FIELDS}
    FROM single
    UNION ALL
    SELECT phase, enterprise_key, n, {", ".join(f"r.{c} AS {c}" for c in COLUMNS)} FROM many_rows
"""


RECIPE = derive.recipe(_BUILD_SQL)


def build(table: pa.Table) -> pa.Table:
    """The profiles of a phase's participant rows (``schema.SCHEMA``): phase,
    enterprise_key (the profile's key), n, and ``COLUMNS``."""
    return derive.over(table, _BUILD_SQL)


def write(folder: Path, table: pa.Table) -> Path:
    """Fold ``table`` into ``folder / FILE`` and return its path."""
    return derive.write(folder / FILE, build(table), RECIPE)
