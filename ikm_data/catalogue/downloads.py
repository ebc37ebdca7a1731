"""Texts of the data downloads (CSV in two flavours, Excel with title, source and totals) and
the labels of published-figure scopes."""

MESSAGES = {
    # buttons under a chart or table
    "downloads.csv_id": ("CSV (Excel Indonesia)", "CSV (Excel Indonesia)"),
    "downloads.csv_intl": ("CSV (internasional)", "CSV (international)"),
    "downloads.help.csv_id": (
        "Tabel di layar sebagai CSV untuk Excel berbahasa Indonesia: pemisah titik koma (;), "
        "desimal koma (6,3); tanpa data pribadi",
        "The table on screen as CSV for an Excel set to Indonesian: semicolon (;) separated, "
        "decimal comma (6,3); no personal data",
    ),
    "downloads.help.csv_intl": (
        "Tabel di layar sebagai CSV internasional: pemisah koma (,), desimal titik (6.3), "
        "untuk program lain; tanpa data pribadi",
        "The table on screen as international CSV: comma (,) separated, decimal point (6.3), "
        "for other programs; no personal data",
    ),
    "downloads.help.xlsx": (
        "Tabel di layar sebagai Excel (.xlsx) dengan judul, sumber dan jumlah; tanpa data pribadi",
        "The table on screen as Excel (.xlsx) with title, source and totals; no personal data",
    ),
    # the Excel sheet's title lines and totals row
    "downloads.title.phase": ("Tahap {n}", "Phase {n}"),
    "downloads.title.all_phases": ("Semua tahap", "All phases"),
    "downloads.title.filters": ("Filter: {what}", "Filters: {what}"),
    "downloads.title.no_filters": ("Tanpa filter", "No filters"),
    "downloads.total": ("Jumlah", "Total"),
    "downloads.total.per_product": (
        "Jumlah (IKM dengan beberapa produk dihitung per produk)",
        "Total (an enterprise with several products counted per product)",
    ),
    # table titles given to the Excel sheets
    "downloads.kpis.title": ("Angka utama", "Headline figures"),
    "downloads.reconcile.source": (
        "Angka rilis: sumber masing-masing di kolom Sumber.",
        "Published figures: each one's source is in the Source column.",
    ),
    "downloads.tahap.source": (
        "Sumber: data per tahap dan rilis Dinas Perindustrian NTB (lihat kolom Sumber)",
        "Source: data per phase and releases of Dinas Perindustrian NTB (see the Source column)",
    ),
    "downloads.direktori.title": ("Direktori IKM (halaman {page})", "IKM directory (page {page})"),
    # columns that only the downloads name
    "downloads.col.group_published": ("Kelompok menurut rilis", "Group as published"),
    # scopes of published figures (an agency's own name stays as it is)
    "downloads.scope.all_agencies": ("Semua instansi", "All agencies"),
}
