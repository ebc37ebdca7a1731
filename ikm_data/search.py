"""The directory's search column, built at commit: each participant row's name, NIB and
village in lower case, in one text (``key``), beside the columns the directory filters on.

The directory finds a row when its name, NIB or village contains what the official typed,
in any case. Lower-casing three columns of every row at every search cost 0,3 s at a
million rows; the column is written once, at commit, beside the phase's rows
(``search.parquet``), and a search is one ``contains`` over it. The three parts are joined
by a character nobody types (U+001F), which is taken out of the search text, so a match
never runs across two of them. A version written before the column existed has none: its
rows are read and lower-cased at the search (the same rows found, only slower).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from ikm_data import derive

FILE = "search.parquet"
VIEW = "search"  # its name in the queries' DuckDB (``queries.Dataset``)
IN_MEMORY = True  # read at every page view, small beside the rows: held in memory
SEPARATOR = "\x1f"
# The search text of a participant row, as SQL over the participant columns.
KEY_SQL = ("lower(name) || chr(31) || lower(coalesce(nib, '')) || chr(31) || lower(coalesce(village, ''))")
# The search rows of the participant rows of ``{source}`` (with ``file_row_number``): built at
# commit (``build``), or read this way for a version without the file.
ROWS_SQL = f"SELECT phase, file_row_number, regency_code, product_code, {KEY_SQL} AS key FROM {{source}}"


RECIPE = derive.recipe(ROWS_SQL)


def build(table: pa.Table) -> pa.Table:
    """The search rows of a phase's participant rows (``schema.SCHEMA``, in stored order):
    phase, file_row_number, regency_code, product_code, key."""
    return derive.over(table, ROWS_SQL.format(source="t"), row_numbers=True)


def write(folder: Path, table: pa.Table) -> Path:
    """``build(table)`` written to ``folder / FILE``; its path."""
    return derive.write(folder / FILE, build(table), RECIPE)


def text(search: str) -> str:
    """What the official typed, as the search compares it (the SQL lower-cases it):
    trimmed, without the separator."""
    return search.replace(SEPARATOR, "").strip()
