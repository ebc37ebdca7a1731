"""Texts of the budget of one file (``ikm_data/budget.py``) and of the length limits of the
named fields (``schema.MAX_LENGTH``)."""

_TOO_LARGE = ("Berkas terlalu besar", "The file is too large")
_TOO_LONG = ("Sel terlalu panjang", "A cell is too long")

MESSAGES = {
    "budget.rows": (
        "Berkas “{name}” berisi {rows} baris; batasnya {limit} — bagi berkasnya per kabupaten "
        "lalu unggah satu per satu.",
        "The file “{name}” holds {rows} rows; the limit is {limit} — split the file by regency "
        "and upload the parts one by one.",
    ),
    "budget.rows.title": _TOO_LARGE,
    "budget.rows.more": (
        "Berkas “{name}” berisi lebih dari {limit} baris, batasnya — bagi berkasnya per kabupaten "
        "lalu unggah satu per satu.",
        "The file “{name}” holds more than {limit} rows, the limit — split the file by regency and "
        "upload the parts one by one.",
    ),
    "budget.rows.more.title": _TOO_LARGE,
    "budget.columns": (
        "Berkas “{name}” berisi {columns} kolom; batasnya {limit} — hapus kolom yang tidak dipakai "
        "lalu unggah lagi.",
        "The file “{name}” holds {columns} columns; the limit is {limit} — delete the columns that "
        "are not used and upload it again.",
    ),
    "budget.columns.title": _TOO_LARGE,
    "budget.cells": (
        "Berkas “{name}” berisi {cells} sel ({rows} baris × {columns} kolom); batasnya {limit} sel "
        "— hapus kolom yang tidak dipakai atau bagi berkasnya per kabupaten.",
        "The file “{name}” holds {cells} cells ({rows} rows × {columns} columns); the limit is "
        "{limit} cells — delete the columns that are not used or split the file by regency.",
    ),
    "budget.cells.title": _TOO_LARGE,
    "budget.values": (
        "Berkas “{name}” berisi {values} nilai dalam {columns} kolom; batasnya {limit} — hapus "
        "kolom yang tidak dipakai atau bagi berkasnya per kabupaten.",
        "The file “{name}” holds {values} values in {columns} columns; the limit is {limit} — "
        "delete the columns that are not used or split the file by regency.",
    ),
    "budget.values.title": _TOO_LARGE,
    "budget.unpacked": (
        "Berkas “{name}” berisi {size} MB data setelah dibuka; batasnya {limit} MB — bagi "
        "berkasnya per kabupaten, atau hapus lembar dan kolom yang tidak dipakai.",
        "The file “{name}” holds {size} MB of data once unpacked; the limit is {limit} MB — "
        "split the file by regency, or delete the sheets and columns that are not used.",
    ),
    "budget.unpacked.title": _TOO_LARGE,
    "budget.cell": (
        "Satu sel di “{name}” (baris {row}, kolom {column}) berisi {length} karakter; batasnya "
        "{limit} — periksa sel itu: mungkin isinya tertempel berulang kali.",
        "One cell of “{name}” (row {row}, column {column}) holds {length} characters; the limit "
        "is {limit} — check that cell: its content may have been pasted many times.",
    ),
    "budget.cell.title": _TOO_LONG,
    "budget.cell.somewhere": (
        "Satu sel di “{name}” berisi lebih dari {limit} karakter, batasnya — periksa sel yang "
        "sangat panjang: mungkin isinya tertempel berulang kali.",
        "One cell of “{name}” holds more than {limit} characters, the limit — look for a very "
        "long cell: its content may have been pasted many times.",
    ),
    "budget.cell.somewhere.title": _TOO_LONG,
    # -- validation: a named field longer than its limit (schema.MAX_LENGTH)
    "validate.too_long": (
        "{field} terlalu panjang: {length} karakter; batasnya {limit}. Periksa isi sel ini.",
        "{field} is too long: {length} characters; the limit is {limit}. Check this cell.",
    ),
}
