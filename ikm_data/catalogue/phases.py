"""Texts of the phase comparison: what is compared under filters, and why a figure is '–'."""

MESSAGES = {
    "phases.filtered": (
        "Dengan filter, tiap tahap dibandingkan pada cakupan yang sama: tahap yang punya data per IKM "
        "dihitung dari baris yang cocok dengan filter; tahap yang hanya punya angka rilis memakai "
        "angka rilis per produk hanya bila rilis memberi rincian itu. Rilis tidak merinci per "
        "kabupaten/kota, jadi dengan filter wilayah tahap-tahap itu tampil “–”. Grafik hanya memuat "
        "tahap yang punya angka sebanding.",
        "With filters, every phase is compared on the same scope: a phase with enterprise-level data "
        "is counted from its rows that match the filters; a phase with only published figures uses "
        "the release's per-product figures only where the release gives that breakdown. The "
        "releases have no regency breakdown, so with a regency filter those phases show “–”. The "
        "charts hold only the phases with a comparable figure.",
    ),
    "phases.filtered.short": (
        "Cakupan: {what}. Tahap yang hanya punya angka rilis tampil hanya bila rilis merinci cakupan itu.",
        "Scope: {what}. A phase with only published figures is shown only where its release gives "
        "that breakdown.",
    ),
    "phases.chart_source.filtered": (
        "Sumber: data per tahap dan rilis Dinas Perindustrian NTB (lihat tabel) · cakupan: {what}",
        "Source: phase data and the Industry Department's releases (see the table) · scope: {what}",
    ),
    "phases.empty.filtered": (
        "{metric}: kurang dari dua tahap punya angka sebanding untuk filter ini (lihat kolom “Tanpa "
        "angka” di tabel).",
        "{metric}: fewer than two phases have a comparable figure for these filters (see the "
        "“No figure” column of the table).",
    ),
    "phases.col.why": ("Tanpa angka", "No figure"),
    "phases.why.unpublished": (
        "Dinas tidak merilis angka ini untuk tahap ini",
        "the department published no such figure for this phase",
    ),
    "phases.why.regency": ("rilis tidak merinci per kabupaten/kota", "the release has no regency breakdown"),
    "phases.why.product": (
        "rilis tidak memberi angka untuk produk terpilih",
        "the release gives no figure for the chosen products",
    ),
    "phases.why.split": (
        "rilis memberi satu angka untuk beberapa produk bersama; pembagiannya tidak diketahui",
        "the release gives one figure for several products together; no split is known",
    ),
    "phases.why.overlap": (
        "angka per produk dalam rilis tidak bisa dijumlahkan (IKM bisa terhitung dua kali)",
        "the release's per-product figures cannot be added (an enterprise could count twice)",
    ),
    "phases.approx_note": (
        "± = angka perkiraan dalam rilis (\"sekitar\", \"tak kurang dari\"), hanya pada angka yang "
        "dirilis sebagai perkiraan.",
        "± = an approximate published figure (\"about\", \"at least\"), only on the figure the "
        "release gives as approximate.",
    ),
    # column names of the phase comparison's CSV/XLSX download (export.labelled)
    "export.col.approx_enterprises": ("IKM/UKM perkiraan", "Enterprises approximate"),
    "export.col.approx_workers": ("Tenaga kerja perkiraan", "Workers approximate"),
    "export.col.why_enterprises": ("Tanpa angka IKM/UKM (alasan)", "No enterprises figure (why)"),
    "export.col.why_workers": ("Tanpa angka tenaga kerja (alasan)", "No workers figure (why)"),
}
