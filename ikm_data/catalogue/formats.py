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
    # -- the whole filtered phase from Direktori IKM ------------------------------------------
    "fulldl.title": ("Direktori IKM", "IKM directory"),
    "fulldl.search": ("pencarian “{q}”", "search “{q}”"),
    "fulldl.no_source": ("Sumber: -", "Source: -"),
    "fulldl.made": ("Dibuat {date} dari Dasbor IKM NTB; tanpa data pribadi (NIK, nomor HP, nama pemilik).",
                    "Made {date} by the Dasbor IKM NTB; no personal data (NIK, phone, owner)."),
    "fulldl.sheet": ("Direktori IKM", "IKM directory"),
    "fulldl.col.regency_code": ("Kode Kab/Kota", "Regency code"),
    "fulldl.col.product_code": ("Kode Produk", "Product code"),
    "fulldl.yes": ("Ya", "Yes"),
    "fulldl.no": ("Tidak", "No"),
    "fulldl.rows": ("{n} baris", "{n} rows"),
    "fulldl.heading": ("Unduh semua hasil", "Download every result"),
    "fulldl.intro": (
        "Semua {rows} yang cocok dengan filter dan pencarian (bukan hanya halaman ini), tanpa data "
        "pribadi, sebagai CSV, Excel atau Parquet.",
        "All {rows} matching the filters and the search (not only this page), without personal "
        "data, as CSV, Excel or Parquet.",
    ),
    "fulldl.prepare": ("Siapkan unduhan", "Prepare the download"),
    "fulldl.preparing": ("Menyiapkan {rows}…", "Preparing {rows}…"),
    "fulldl.step": ("{fmt} siap ({n} dari {total})", "{fmt} ready ({n} of {total})"),
    "fulldl.ready": ("Unduhan siap: {rows}", "Download ready: {rows}"),
    "fulldl.format.csv": ("CSV", "CSV"),
    "fulldl.format.xlsx": ("Excel", "Excel"),
    "fulldl.format.parquet": ("Parquet", "Parquet"),
    "fulldl.help.csv": (
        "Semua baris sebagai CSV untuk Excel Indonesia (pemisah ;, desimal koma); tanpa data pribadi",
        "Every row as CSV (comma-separated, decimal point); no personal data",
    ),
    "fulldl.help.xlsx": ("Semua baris sebagai Excel (.xlsx) dengan judul dan sumber; tanpa data pribadi",
                         "Every row as Excel (.xlsx) with title and source; no personal data"),
    "fulldl.help.parquet": ("Semua baris sebagai Parquet (untuk analisis data); tanpa data pribadi",
                            "Every row as Parquet (for data analysis); no personal data"),
}
