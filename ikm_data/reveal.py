"""One record's personal data, for an admin (the Direktori page's "Buka data pribadi"):
the records of a directory page to choose from (no personal data), then the NIK, phone
and owner of the one chosen. The page writes each opening to the audit log."""

from __future__ import annotations

from ikm_data.queries import DIRECTORY_PAGE_SIZE, ROWS_AT, Dataset, Filters, directory_page

_PAGE_RECORDS_SQL = f"SELECT phase, file_row_number AS row_key, source_row, name {ROWS_AT}"
_PERSONAL_SQL = """
    SELECT name, owner, nik, phone, source_row FROM participants
    WHERE phase = $phase AND file_row_number = $row_key
"""


def page_records(ds: Dataset, f: Filters, search: str = "", page: int = 1,
                 page_size: int = DIRECTORY_PAGE_SIZE) -> list[dict]:
    """The records of one directory page (the same rows, in the same order, as
    ``queries.directory``): phase, row_key (the row in the phase's stored file),
    source_row (the row in the uploaded file) and the enterprise's name."""
    return ds.sql(_PAGE_RECORDS_SQL, directory_page(ds, f, search, page, page_size)[1]).to_dict("records")


def personal(ds: Dataset, phase: int, row_key: int) -> dict | None:
    """The unmasked name, owner, NIK, phone and source row of one record; None when the
    data no longer has it."""
    rows = ds.sql(_PERSONAL_SQL, {"phase": int(phase), "row_key": int(row_key)}).to_dict("records")
    return rows[0] if rows else None
