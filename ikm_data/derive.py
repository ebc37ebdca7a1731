"""What the files derived from a version's rows at commit share (``store.DERIVED``: profiles,
search, partner_cells, listing): SQL run over the rows in a DuckDB of its own, and the file
written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq


def over(table: pa.Table, sql: str, *, row_numbers: bool = False) -> pa.Table:
    """``sql`` run over ``table`` (a phase's participant rows) registered as ``t``, as Arrow;
    with ``row_numbers`` ``t`` also has ``file_row_number`` (each row's place in the file)."""
    import duckdb

    if row_numbers:
        table = table.append_column("file_row_number", pa.array(np.arange(table.num_rows, dtype=np.int64)))
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
        con.register("t", table)
        return con.sql(sql).to_arrow_table()
    finally:
        con.close()


RECIPE_KEY = b"ikm_recipe"


def recipe(sql: str) -> str:
    """A short name for the SQL a derived file is built with: written into the file
    (``write``) and compared when it is read (``queries.Dataset``), so that a file built by an
    earlier release whose SQL differs is not used."""
    return hashlib.sha256(sql.encode()).hexdigest()[:16]


def write(path: Path, table: pa.Table, made_by: str) -> Path:
    """``table`` written as Parquet at ``path`` with its recipe (``recipe``) in the file's
    metadata; the path."""
    meta = dict(table.schema.metadata or {}) | {RECIPE_KEY: made_by.encode()}
    pq.write_table(table.replace_schema_metadata(meta), path)
    return path


def recipe_of(path: Path) -> str | None:
    """The recipe written into the Parquet file at ``path``; None where it has none."""
    meta = pq.read_schema(path).metadata or {}
    value = meta.get(RECIPE_KEY)
    return value.decode() if value else None
