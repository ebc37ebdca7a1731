"""The tourism partners each participant row names, one row per name, built at commit.

A cell of the tourism-partner column may name several hotels ("Hotel A; Hotel B", a comma
or a line break between them). Splitting and tidying every cell of every row at each view of
Pasar Pariwisata cost 0,8 s at a million rows; the names are split once, at commit, beside
the phase's rows (``partners.parquet``): phase, enterprise_key, regency_code, product_code,
``written`` (the name as written, runs of spaces made one) and ``norm`` (in lower case, how
names are counted). Only rows that name a partner have cells. A version written before the
file existed has none: its rows are split at the view (the same partners, only slower).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from ikm_data import derive

FILE = "partners.parquet"
VIEW = "partner_cells"  # its name in the queries' DuckDB (``queries.Dataset``)
IN_MEMORY = True  # read at every page view, small beside the rows: held in memory
# The cells of the participant rows of ``{source}``.
ROWS_SQL = """
    WITH cells AS (SELECT phase, enterprise_key, regency_code, product_code,
                          unnest(regexp_split_to_array(tourism_partner, '[;,\\n]')) AS cell
                   FROM {source} WHERE tourism_partner IS NOT NULL),
         named AS (SELECT phase, enterprise_key, regency_code, product_code,
                          trim(regexp_replace(cell, '[\\s\\x{{00A0}}]+', ' ', 'g')) AS written FROM cells)
    SELECT *, lower(written) AS norm FROM named WHERE written <> ''
"""


RECIPE = derive.recipe(ROWS_SQL)


def build(table: pa.Table) -> pa.Table:
    """The partner cells of a phase's participant rows (``schema.SCHEMA``)."""
    return derive.over(table, ROWS_SQL.format(source="t"))


def write(folder: Path, table: pa.Table) -> Path:
    """``build(table)`` written to ``folder / FILE``; its path."""
    return derive.write(folder / FILE, build(table), RECIPE)
