"""The participant table: one row per enterprise, product and phase, as the store keeps it
(Parquet) and the queries read it (DuckDB)."""

from __future__ import annotations

import pyarrow as pa

# (column, arrow type, personal data?)
COLUMNS: tuple[tuple[str, pa.DataType, bool], ...] = (
    ("phase", pa.int16(), False),
    ("enterprise_key", pa.string(), False),  # NIB, else normalised name + regency
    ("name", pa.string(), False),
    ("regency_code", pa.string(), False),
    ("product_code", pa.string(), False),
    ("product_name", pa.string(), False),
    ("workers", pa.int32(), False),
    ("workers_male", pa.int32(), False),
    ("workers_female", pa.int32(), False),
    ("owner", pa.string(), True),
    ("nik", pa.string(), True),
    ("nib", pa.string(), False),
    ("phone", pa.string(), True),
    ("address", pa.string(), False),
    ("village", pa.string(), False),
    ("district", pa.string(), False),
    ("capacity", pa.float64(), False),
    ("capacity_unit", pa.string(), False),
    ("order_value", pa.int64(), False),
    ("pirt", pa.bool_(), False),
    ("halal", pa.bool_(), False),
    ("bpom", pa.bool_(), False),
    ("sni", pa.bool_(), False),
    ("tourism", pa.bool_(), False),
    ("tourism_partner", pa.string(), False),
    ("mentoring", pa.bool_(), False),
    ("source_row", pa.int32(), False),  # the row number as the official saw it in the file
)

# The longest text each field may hold, in characters (validation reports a longer value as
# an error naming its row; a cell longer than IKM_MAX_CELL_CHARS is refused when reading).
MAX_LENGTH: dict[str, int] = {
    "name": 200, "owner": 200, "regency": 100, "product": 200, "address": 500, "village": 100,
    "district": 100, "phone": 100, "nik": 100, "nib": 100, "capacity": 100, "capacity_unit": 100,
    "order_value": 100, "tourism_partner": 300, "workers": 50, "workers_male": 50,
    "workers_female": 50, "phase": 50, "pirt": 200, "halal": 200, "bpom": 200, "sni": 200,
    "tourism": 200, "mentoring": 200,
}

SCHEMA = pa.schema([pa.field(name, typ) for name, typ, _ in COLUMNS])
NAMES = tuple(name for name, _, _ in COLUMNS)
PERSONAL = frozenset(name for name, _, personal in COLUMNS if personal)
CERTIFICATIONS = ("pirt", "halal", "bpom", "sni")
# How each certification is written for people (the template's headers, the directory).
CERTIFICATION_LABELS = {"pirt": "PIRT", "halal": "Halal", "bpom": "BPOM", "sni": "SNI"}


def certifications_text(record: dict) -> str:
    """The certifications a participant row holds (its flags that are True), as people
    write them: ``"PIRT, Halal"``."""
    return ", ".join(CERTIFICATION_LABELS[c] for c in CERTIFICATIONS if record[c] is True)


def per_enterprise_sql(source: str, keys: tuple[str, ...] = (), where: str = "",
                       extra: tuple[str, ...] = ()) -> str:
    """SQL for one row per enterprise (per ``keys`` and enterprise) of ``source``, its
    workers counted once: the most any of its rows says. The counting rule of every total:
    an enterprise listed under two products is one enterprise with one workforce.
    ``extra`` adds aggregate columns (``"bool_or(pirt) AS pirt"``), SQL of the caller's
    own constants."""
    lead = "".join(f"{k}, " for k in keys)
    more = "".join(f", {e}" for e in extra)
    return (f"SELECT {lead}enterprise_key, max(workers) AS workers{more} FROM {source} "
            f"{f'WHERE {where} ' if where else ''}GROUP BY {lead}enterprise_key")


# (rows, distinct enterprises, workers counted once per enterprise) of a table named ``t``.
TOTALS_SQL = ("SELECT (SELECT count(*) FROM t), count(*), coalesce(sum(workers), 0) "
              f"FROM ({per_enterprise_sql('t')})")


def table_totals(table: pa.Table) -> tuple[int, int, int]:
    """(rows, distinct enterprises, workers counted once per enterprise) of a phase table."""
    import duckdb

    con = duckdb.connect()
    try:
        con.register("t", table)
        rows, enterprises, workers = con.execute(TOTALS_SQL).fetchone()
    finally:
        con.close()
    return int(rows), int(enterprises), int(workers)


def to_table(records) -> pa.Table:
    """An Arrow table in the participant schema from a pandas frame or a list of dicts;
    missing optional columns become nulls, extra columns are refused."""
    import pandas as pd

    frame = records if isinstance(records, pd.DataFrame) else pd.DataFrame.from_records(list(records))
    extra = set(frame.columns) - set(NAMES)
    if extra:
        raise ValueError(f"columns outside the participant schema: {sorted(extra)}")
    for name in NAMES:
        if name not in frame.columns:
            frame[name] = None
    return pa.Table.from_pandas(frame[list(NAMES)], schema=SCHEMA, preserve_index=False)


def empty_table() -> pa.Table:
    return SCHEMA.empty_table()


def rekeyed(table: pa.Table, keys: dict[str, str] | None) -> pa.Table:
    """``table`` with each ``enterprise_key`` found in ``keys`` replaced by its value (an
    append whose NIB names stored rows that had none: ``validate.Report.rekey``)."""
    if not keys or table.num_rows == 0:
        return table
    import pyarrow.compute as pc

    column = table["enterprise_key"]
    where = pc.index_in(column, value_set=pa.array(list(keys), pa.string()))
    new = pc.take(pa.array(list(keys.values()), pa.string()), where)
    at = table.schema.get_field_index("enterprise_key")
    return table.set_column(at, table.schema.field(at), pc.coalesce(new, column))
