"""What the files derived from a version's rows at commit share (``store.DERIVED``: profiles,
search, partner_cells, listing): SQL run over the rows in a DuckDB of its own, and the file
written."""

from __future__ import annotations

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


def write(path: Path, table: pa.Table) -> Path:
    """``table`` written as Parquet at ``path``; the path."""
    pq.write_table(table, path)
    return path
