"""Texts of the presentation mode, the deck (PowerPoint/PDF) and the chart/data downloads."""

MESSAGES = {
    # navigation and the page
    "present.nav.section": ("Presentasi", "Present"),
    "present.page": ("Presentasi", "Presentation"),
    "present.back": ("Kembali ke dasbor", "Back to the dashboard"),
    "present.prev": ("Sebelumnya", "Previous"),
    "present.next": ("Berikutnya", "Next"),
    "present.counter": ("{i} / {n}", "{i} / {n}"),
    "present.keys_hint": (
        "Pindah slide: tombol panah ← →, PageUp/PageDown (clicker presentasi) atau tombol di bawah.",
        "Change slide: arrow keys ← →, PageUp/PageDown (presentation clicker) or the buttons below.",
    ),
    "present.downloads": ("Unduh deck", "Download the deck"),
    "present.downloads.caption": (
        "PowerPoint: judul, teks, tabel dan grafik batang bisa diedit (grafik asli PowerPoint "
        "berisi angkanya); peta tetap gambar. PDF: slide yang sama, grafik sebagai gambar. "
        "Setiap slide memuat sumbernya. Dibuat tanpa internet.",
        "PowerPoint: titles, texts, tables and bar charts are editable (native PowerPoint charts "
        "holding their numbers); the map stays a picture. PDF: the same slides, charts as "
        "pictures. Every slide carries its source. Built offline.",
    ),
    "present.build.pptx": ("Siapkan PowerPoint", "Prepare PowerPoint"),
    "present.build.pdf": ("Siapkan PDF", "Prepare PDF"),
    "present.download.pptx": ("Unduh PowerPoint (.pptx)", "Download PowerPoint (.pptx)"),
    "present.download.pdf": ("Unduh PDF", "Download PDF"),
    "present.built": ("Siap: {slides} slide, {size} KB.", "Ready: {slides} slides, {size} KB."),
    "present.empty": ("Belum ada angka untuk {phase}: tidak ada yang bisa dipresentasikan.",
                      "There are no figures for {phase} yet: nothing to present."),
    "present.fullscreen_hint": ("Tekan F11 untuk layar penuh.", "Press F11 for full screen."),
    # slide texts
    "present.programme": ("JPS Gemilang", "JPS Gemilang"),
    "present.programme.long": (
        "Pengadaan produk IKM untuk paket Jaring Pengaman Sosial (JPS) Gemilang",
        "Procurement of IKM products for the JPS Gemilang social-aid packages",
    ),
    "present.department": ("Dinas Perindustrian Provinsi Nusa Tenggara Barat",
                           "Industry Department, West Nusa Tenggara Province"),
    "present.department.short": ("Dinas Perindustrian NTB", "NTB Industry Department"),
    "present.phase": ("Tahap {roman}", "Phase {roman}"),
    "present.title.as_of": ("Data per {as_of}", "Data as of {as_of}"),
    "present.title.date": ("Disajikan {date}", "Presented on {date}"),
    "present.title.scope": ("Cakupan: {what}", "Scope: {what}"),
    "present.figures.title": ("Angka utama", "Headline figures"),
    "present.figures.multi": (
        "Dihitung per produk ada {pairs} IKM; IKM berbeda {enterprises} (IKM dengan dua produk dihitung sekali).",
        "Counted per product there are {pairs}; distinct enterprises {enterprises} "
        "(one with two products counts once).",
    ),
    "present.figures.approx": ("± angka perkiraan dalam rilis", "± an approximate published figure"),
    "present.figures.published_only": (
        "Tahap ini hanya punya angka rilis Dinas; rincian per IKM belum diunggah.",
        "This phase has only the department's published figures; no enterprise-level data yet.",
    ),
    "present.figures.per_enterprise": ("rata-rata {n} tenaga kerja per IKM", "on average {n} workers per enterprise"),
    "present.products.title": ("IKM per produk", "Enterprises by product"),
    "present.products.note": (
        "Setiap IKM dihitung pada produk yang dipasoknya; total IKM berbeda: {total}.",
        "Each enterprise counts for the products it supplies; distinct enterprises in total: {total}.",
    ),
    "present.workforce.title": ("Tenaga kerja per kelompok produk", "Workers by product group"),
    "present.regions.title": ("Sebaran IKM di kabupaten/kota", "Enterprises across the regencies"),
    "present.regions.note": (
        "IKM ada di {n} dari {total} kabupaten/kota; terbanyak di {top} ({count} IKM).",
        "Enterprises in {n} of {total} regencies/cities; most in {top} ({count}).",
    ),
    "present.phases.title": ("Perbandingan antartahap", "Phases compared"),
    "present.sources.title": ("Sumber dan cara menghitung", "Sources and counting"),
    "present.sources.col.phase": ("Tahap", "Phase"),
    "present.sources.col.kind": ("Jenis sumber", "Kind of source"),
    "present.sources.col.source": ("Sumber", "Source"),
    "present.sources.counting": (
        "IKM per tahap dihitung sekali walau memasok dua produk; tenaga kerja milik IKM, "
        "dihitung sekali per tahap. Angka rilis berbeda lingkup tidak dijumlahkan.",
        "Each enterprise counts once per phase even if it supplies two products; workers belong "
        "to the enterprise and count once per phase. Published figures of different scopes are "
        "never added together.",
    ),
    "present.sources.sample": (
        "Data per IKM Tahap {roman} adalah data contoh (sintetis): jumlahnya sama dengan rilis "
        "Dinas, tetapi nama, wilayah dan data pribadi bukan data nyata.",
        "The enterprise-level data of Phase {roman} is a synthetic sample: its totals equal the "
        "department's release, but names, regencies and personal data are not real.",
    ),
    "present.footer": ("Sumber: Dinas Perindustrian NTB, {phase}", "Source: NTB Industry Department, {phase}"),
    "present.footer.sample": ("data contoh (sintetis) {version}, sama dengan rilis {as_of}",
                              "sample data (synthetic) {version}, equal to the release of {as_of}"),
    "present.footer.upload": ("unggahan {file} ({version}, {when})", "upload {file} ({version}, {when})"),
    "present.footer.published": ("angka rilis {as_of}: {source}", "published {as_of}: {source}"),
    "present.footer.phases": (
        "Sumber: Dinas Perindustrian NTB — data per tahap dan angka rilis (lihat slide Sumber)",
        "Source: NTB Industry Department — phase data and published figures (see the Sources slide)",
    ),
    "present.footer.sources": (
        "Sumber: Dinas Perindustrian NTB — rilis JPS Gemilang dan data per tahap (tabel di atas)",
        "Source: NTB Industry Department — JPS Gemilang releases and phase data (table above)",
    ),
    # deck building
    "deck.progress.start": ("Menyiapkan slide…", "Preparing the slides…"),
    "deck.progress.chart": ("Menggambar grafik {i} dari {n}…", "Drawing chart {i} of {n}…"),
    "deck.progress.slide": ("Menyusun slide {i} dari {n}…", "Laying out slide {i} of {n}…"),
    "deck.progress.save": ("Menyimpan berkas…", "Saving the file…"),
    "deck.progress.done": ("Selesai", "Done"),
    "deck.slide_number": ("{i} / {n}", "{i} / {n}"),
    "deck.file_stem": ("presentasi-jps-gemilang-tahap-{n}", "presentation-jps-gemilang-phase-{n}"),
    # chart and data downloads
    "export.label": ("Unduh", "Download"),
    "export.png": ("PNG", "PNG"),
    "export.svg": ("SVG", "SVG"),
    "export.xlsx": ("Excel", "Excel"),
    "export.help.png": ("Grafik sebagai gambar PNG (resolusi 2×)", "The chart as a PNG image (2× resolution)"),
    "export.help.svg": ("Grafik sebagai gambar vektor SVG", "The chart as an SVG vector image"),
    "export.help.xlsx": (
        "Data di balik grafik/tabel sebagai Excel (.xlsx), sesuai filter di layar; tanpa data pribadi",
        "The data behind the chart/table as Excel (.xlsx), as filtered on screen; no personal data",
    ),
    # column headers of exported data
    "export.col.phase": ("Tahap", "Phase"),
    "export.col.product_code": ("Kode produk", "Product code"),
    "export.col.product": ("Produk", "Product"),
    "export.col.product_name": ("Nama produk", "Product name"),
    "export.col.enterprises": ("Jumlah IKM", "Enterprises"),
    "export.col.workers": ("Tenaga kerja", "Workers"),
    "export.col.workers_male": ("Tenaga kerja laki-laki", "Male workers"),
    "export.col.workers_female": ("Tenaga kerja perempuan", "Female workers"),
    "export.col.regency_code": ("Kode kabupaten/kota", "Regency code"),
    "export.col.regency": ("Kabupaten/Kota", "Regency/city"),
    "export.col.seat": ("Ibu kota", "Seat"),
    "export.col.lat": ("Lintang", "Latitude"),
    "export.col.lon": ("Bujur", "Longitude"),
    "export.col.group": ("Kelompok produk", "Product group"),
    "export.col.products": ("Produk", "Products"),
    "export.col.published": ("Angka rilis", "Published"),
    "export.col.source_kind": ("Jenis sumber", "Kind of source"),
    "export.col.approximate": ("Perkiraan", "Approximate"),
    "export.col.as_of": ("Per tanggal", "As of"),
    "export.col.source": ("Sumber", "Source"),
    "export.col.note": ("Catatan", "Note"),
    "export.col.scope": ("Lingkup", "Scope"),
    "export.col.metric": ("Ukuran", "Measure"),
    "export.col.commodity": ("Komoditas", "Commodity"),
    "export.col.stored": ("Data", "Data"),
    "export.col.match": ("Cocok", "Match"),
    "export.col.value": ("Nilai", "Value"),
    "export.col.name": ("Nama IKM", "Enterprise"),
    "export.col.nib": ("NIB", "NIB"),
    "export.col.village": ("Desa/Kelurahan", "Village"),
    "export.col.district": ("Kecamatan", "District"),
    "export.col.pirt": ("PIRT", "PIRT"),
    "export.col.halal": ("Halal", "Halal"),
    "export.col.bpom": ("BPOM", "BPOM"),
    "export.col.sni": ("SNI", "SNI"),
    "export.col.tourism": ("Pasar pariwisata", "Tourism market"),
    "export.col.is_total": ("Total", "Total"),
    "export.col.regencies": ("Jumlah kabupaten/kota", "Regencies/cities"),
    "export.col.workers_per_enterprise": ("Tenaga kerja per IKM", "Workers per enterprise"),
    "export.col.product_enterprises": ("IKM dihitung per produk", "Enterprises counted per product"),
    "export.col.rows": ("Baris data", "Data rows"),
    # the workforce chart (slide and Produk page): where its workers come from
    "present.fix.workforce.title.products": ("Tenaga kerja per produk", "Workers by product"),
    "present.fix.workforce.upload": (
        "Tenaga kerja dari baris data unggahan, dihitung sekali per IKM; IKM yang memasok dua "
        "produk tercatat pada keduanya.",
        "Workers from the uploaded rows, counted once per enterprise; an enterprise supplying two "
        "products appears under both.",
    ),
    "present.fix.workforce.upload_grouped": (
        "Tenaga kerja dari baris data unggahan, dihitung sekali per IKM dalam tiap kelompok; "
        "kelompok produk mengikuti rilis Dinas (misalnya Teh Kelor, Serbat Jahe dan Gula Semut "
        "bersama-sama).",
        "Workers from the uploaded rows, counted once per enterprise in each group; the product "
        "groups follow the department's release (e.g. moringa tea, ginger drink and palm-sugar "
        "crystals together).",
    ),
}
