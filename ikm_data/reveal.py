"""One record's personal data, for an admin (the Direktori page's "Buka data pribadi"):
the records of a directory page to choose from (no personal data), then the NIK, phone
and owner of the one chosen. The page writes each opening to the audit log."""

from __future__ import annotations

from ikm_data.queries import DIRECTORY_PAGE, DIRECTORY_PAGE_SIZE, Dataset, Filters, directory_params

_PAGE_RECORDS_SQL = f"""
    WITH page AS ({DIRECTORY_PAGE})
    SELECT phase, file_row_number AS row_key, source_row, name
    FROM participants JOIN page ON phase = page_phase AND file_row_number = page_row
    ORDER BY phase, file_row_number
"""
_PERSONAL_SQL = """
    SELECT name, owner, nik, phone, source_row FROM participants
    WHERE phase = $phase AND file_row_number = $row_key
"""


def page_records(ds: Dataset, f: Filters, search: str = "", page: int = 1,
                 page_size: int = DIRECTORY_PAGE_SIZE) -> list[dict]:
    """The records of one directory page (the same rows, in the same order, as
    ``queries.directory``): phase, row_key (the row in the phase's stored file),
    source_row (the row in the uploaded file) and the enterprise's name."""
    return ds.sql(_PAGE_RECORDS_SQL, directory_params(f, search, page, page_size)).to_dict("records")


def personal(ds: Dataset, phase: int, row_key: int) -> dict | None:
    """The unmasked name, owner, NIK, phone and source row of one record; None when the
    data no longer has it."""
    rows = ds.sql(_PERSONAL_SQL, {"phase": int(phase), "row_key": int(row_key)}).to_dict("records")
    return rows[0] if rows else None
