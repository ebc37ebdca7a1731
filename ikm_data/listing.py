"""The rows the lists of enterprises read (Standardisasi's uncertified enterprises, Perbandingan
Tahap's returning enterprises), built at commit.

That list names each enterprise whose certification data is there and names none it holds,
by regency and name, a page at a time. Grouping every row of a phase by enterprise at each
view cost 0,9 s at a million rows. Most enterprises have one row in a phase (``alone``):
their row is the enterprise, and no grouping is needed; only the others are grouped. So the
file written at commit beside the phase's rows (``listing.parquet``) holds, per row, the
enterprise, its name, codes and workers, whether the row holds a certification
(``certified``: TRUE, FALSE where its data names none, NULL where it says nothing),
``alone``, its row in the phase's file, and the keys the returning enterprises are matched
by (``nib_key``, ``name_key``: a regular expression over every name cost half of that
match). A version written before the file existed has none: its rows are read instead (the
same lists, only slower). No personal data.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from ikm_data import derive, schema

FILE = "listing.parquet"
VIEW = "listing"  # its name in the queries' DuckDB (``queries.Dataset``)
IN_MEMORY = False  # names are large: read from the file at each view

# TRUE where any certification is held, FALSE where the data names some and none is held,
# NULL where none is known: over a row's flags or an enterprise's (their bool_or).
CERTIFIED = (f"CASE WHEN {' OR '.join(schema.CERTIFICATIONS)} THEN TRUE "
             f"WHEN coalesce({', '.join(schema.CERTIFICATIONS)}) IS NOT NULL THEN FALSE END")
# The NIB as the store keys it ("" for none; no spaces, dots or dashes) and the name +
# regency key (reference.norm_key's rule: lower case, every run of other characters one space).
NIB_KEY = "regexp_replace(coalesce(nib, ''), '[ .\\-]', '', 'g')"
NAME_KEY = "trim(regexp_replace(lower(strip_accents(name)), '[^0-9a-z]+', ' ', 'g')) || '|' || regency_code"
ROWS_SQL = f"""
    WITH multi AS (SELECT phase, enterprise_key FROM {{source}} GROUP BY ALL HAVING count(*) > 1)
    SELECT phase, enterprise_key, name, regency_code, product_code, workers, {CERTIFIED} AS certified,
           m.enterprise_key IS NULL AS alone, file_row_number, {NIB_KEY} AS nib_key, {NAME_KEY} AS name_key
    FROM {{source}} LEFT JOIN multi m USING (phase, enterprise_key)
"""


RECIPE = derive.recipe(ROWS_SQL)


def build(table: pa.Table) -> pa.Table:
    """The listing rows of a phase's participant rows (``schema.SCHEMA``)."""
    return derive.over(table, ROWS_SQL.format(source="t"), row_numbers=True)


def write(folder: Path, table: pa.Table) -> Path:
    """``build(table)`` written to ``folder / FILE``; its path."""
    return derive.write(folder / FILE, build(table), RECIPE)
