"""Texts of the spreadsheet formats beside xlsx (``.xls``, ``.ods``, ``.xlsb``: reading and
their budget) and of the full downloads of a phase from Direktori IKM."""

MESSAGES = {
    # -- reading .xls, .ods, .xlsb --------------------------------------------------------
    "ingest.xls_unreadable": (
        "“{name}” adalah berkas Excel lama (.xls) yang tidak dapat dibuka: mungkin dilindungi "
        "kata sandi atau rusak. Buka di Excel atau LibreOffice, simpan tanpa kata sandi, lalu "
        "unggah lagi.",
        "“{name}” is an old Excel file (.xls) that cannot be opened: perhaps password-protected "
        "or damaged. Open it in Excel or LibreOffice, save it without a password and upload it "
        "again.",
    ),
    "ingest.xls_unreadable.title": ("Berkas tidak dapat dibuka", "The file cannot be opened"),
    "budget.entries": (
        "Berkas “{name}” berisi {entries} bagian di dalam ZIP-nya; buku kerja biasa hanya "
        "puluhan, batasnya {limit} — berkas ditolak. Simpan ulang dari Excel atau LibreOffice.",
        "The file “{name}” holds {entries} parts inside its ZIP; a workbook has a few dozen, "
        "the limit is {limit} — refused. Save it again from Excel or LibreOffice.",
    ),
    "budget.entries.title": ("Berkas mencurigakan", "A suspicious file"),
}
