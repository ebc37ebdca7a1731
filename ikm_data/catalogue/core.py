"""Texts of navigation, filters, metrics, charts and the browsing pages."""

MESSAGES = {
    # navigation
    "nav.section.browse": ("Jelajahi", "Browse"),
    "nav.section.about": ("Tentang", "About"),
    "page.ringkasan": ("Ringkasan", "Overview"),
    "page.produk": ("Produk/Komoditas", "Products/Commodities"),
    "page.wilayah": ("Wilayah", "Regions"),
    "page.tahap": ("Perbandingan Tahap", "Phase comparison"),
    "page.direktori": ("Direktori IKM", "IKM directory"),
    "page.tentang": ("Tentang Data", "About the data"),
    # filters
    "filter.heading": ("Filter", "Filters"),
    "filter.phase": ("Tahap JPS Gemilang", "JPS Gemilang phase"),
    "filter.regency": ("Kabupaten/Kota", "Regency/City"),
    "filter.product": ("Produk", "Product"),
    "filter.all": ("Semua", "All"),
    "filter.active": ("Filter aktif: {what}", "Active filters: {what}"),
    "phase.label": ("Tahap {n}", "Phase {n}"),
    # metrics
    "metric.enterprises": ("IKM/UKM", "IKM/SMEs"),
    "metric.workers": ("Tenaga kerja", "Workers"),
    "metric.products": ("Produk", "Products"),
    "metric.product": ("Produk", "Product"),
    "metric.regencies": ("Kabupaten/Kota", "Regencies/cities"),
    "metric.regency": ("Kabupaten/Kota", "Regency/city"),
    "metric.workers_per_enterprise": ("Tenaga kerja per IKM", "Workers per IKM"),
    "metric.phase": ("Tahap", "Phase"),
    "metric.enterprise": ("Nama IKM", "Enterprise"),
    # sources and the sample
    "sample.badge": ("data contoh (sintetis)", "sample data (synthetic)"),
    "sample.help": (
        "Rincian per IKM pada tahap ini adalah data contoh buatan program: jumlahnya sama "
        "dengan angka rilis Dinas Perindustrian NTB, tetapi nama, wilayah, pemilik, NIK dan "
        "nomor HP bukan data nyata. Unggah data asli untuk menggantinya.",
        "The enterprise-level rows of this phase are a sample made by the program: its totals "
        "equal the figures the Industry Department published, but names, regencies, owners, "
        "NIK and phone numbers are not real. Upload the real data to replace it.",
    ),
    "source.sample": (
        "Sumber: data contoh (sintetis) {version}, disusun agar sama dengan rilis Dinas "
        "Perindustrian NTB, Tahap III (Juli 2020)",
        "Source: sample data (synthetic) {version}, made to equal the Industry Department's "
        "release, Phase III (July 2020)",
    ),
    "source.upload": ("Sumber: unggahan {file} ({version}, {when})", "Source: upload {file} ({version}, {when})"),
    "source.published": ("Sumber: angka rilis — {source}", "Source: published figures — {source}"),
    "source.kind.data": ("data unggahan", "uploaded data"),
    "source.kind.sample": ("data contoh (sintetis)", "sample data (synthetic)"),
    "source.kind.published": ("angka rilis", "published figure"),
    # charts
    "chart.tooltip.category": ("Kategori", "Category"),
    "chart.tooltip.products": ("Produk", "Products"),
    "chart.tooltip.source": ("Jenis sumber", "Kind of source"),
    "chart.tooltip.reference": ("Sumber", "Source"),
    "chart.by_product.title": ("Jumlah IKM per produk", "Enterprises by product"),
    "chart.by_group.title": ("Tenaga kerja per kelompok produk", "Workers by product group"),
    "chart.by_regency.title": ("Jumlah IKM per kabupaten/kota", "Enterprises by regency/city"),
    "chart.map.title": ("Sebaran IKM di NTB", "Enterprises across NTB"),
    "chart.by_phase.enterprises": ("IKM per tahap", "Enterprises by phase"),
    "chart.by_phase.workers": ("Tenaga kerja per tahap", "Workers by phase"),
    # Ringkasan
    "ringkasan.caption": (
        "Angka utama tahap yang dipilih, dan pencocokannya dengan angka yang dirilis Dinas.",
        "The headline figures of the chosen phase, checked against what the department published.",
    ),
    "ringkasan.multi_product": (
        "Sebagian IKM memasok lebih dari satu produk: dihitung per produk ada {pairs} IKM, "
        "tetapi jumlah IKM berbeda adalah {enterprises} (setiap IKM dihitung sekali).",
        "Some enterprises supply more than one product: counted per product there are {pairs}, "
        "but there are {enterprises} distinct enterprises (each counted once).",
    ),
    "ringkasan.published_only": (
        "Tahap {n} belum punya data per IKM; angka di atas adalah angka rilis (lingkup Dinas "
        "Perindustrian NTB). Unggah data tahap ini untuk rincian per produk dan wilayah.",
        "Phase {n} has no enterprise-level data yet; the figures above are published ones "
        "(Industry Department scope). Upload this phase's data for product and regional detail.",
    ),
    "ringkasan.reconcile.title": ("Pencocokan dengan angka rilis", "Reconciliation with published figures"),
    "ringkasan.reconcile.caption": (
        "✓ sama, ✗ berbeda, — tidak dapat dibandingkan (lingkup lain atau belum ada data). "
        "Angka rilis hanya ditampilkan berdampingan, tidak pernah dijumlahkan dengan data.",
        "✓ equal, ✗ different, — not comparable (another scope, or no data yet). Published "
        "figures are shown beside the data, never added to it.",
    ),
    "ringkasan.reconcile.none": ("Belum ada angka rilis untuk Tahap {n}.", "No published figures for Phase {n}."),
    "ringkasan.reconcile.mismatch": (
        "{n} angka berbeda dari rilis: periksa data yang diunggah.",
        "{n} figures differ from the release: check the uploaded data.",
    ),
    "ringkasan.reconcile.ok": ("{n} angka sama dengan rilis.", "{n} figures equal the release."),
    "ringkasan.reconcile.unfiltered": (
        "Pencocokan selalu memakai seluruh tahap, tanpa filter wilayah atau produk.",
        "The reconciliation always uses the whole phase, without regency or product filters.",
    ),
    "reconcile.check": ("Cocok", "Match"),
    "reconcile.figure": ("Angka", "Figure"),
    "reconcile.published": ("Rilis", "Published"),
    "reconcile.stored": ("Data", "Data"),
    "reconcile.scope": ("Lingkup", "Scope"),
    "reconcile.as_of": ("Per tanggal", "As of"),
    "reconcile.source": ("Sumber", "Source"),
    "reconcile.note": ("Catatan", "Note"),
    "reconcile.total": ("total", "total"),
    # Produk
    "produk.caption": (
        "Klik batang produk untuk memfokuskan grafik dan tabel lain di halaman ini.",
        "Click a product bar to focus the other charts and tables on this page.",
    ),
    "produk.click_hint": ("Klik batang untuk memilih; klik ganda untuk membatalkan.",
                          "Click a bar to select it; double-click to clear."),
    "produk.picked": ("Dipilih di grafik: {what}", "Selected in the chart: {what}"),
    "produk.groups_note": (
        "Tenaga kerja ditampilkan per kelompok seperti dirilis Dinas (misalnya Teh Kelor, "
        "Serbat Jahe dan Gula Semut bersama-sama); batang berlabel kelompok selalu memuat "
        "seluruh kelompok, bagian kelompok berlabel produknya.",
        "Workers are shown per group as the department published them (e.g. moringa tea, "
        "ginger drink and palm-sugar crystals together); a bar labelled with a group always "
        "holds the whole group, a part of a group is labelled with its products.",
    ),
    "produk.by_regency": ("IKM per kabupaten/kota", "Enterprises by regency/city"),
    "produk.table": ("Tabel per produk", "Table by product"),
    "produk.published_only": (
        "Tahap {n} hanya punya angka rilis per produk (tanpa data per IKM).",
        "Phase {n} has only published per-product figures (no enterprise-level data).",
    ),
    # Wilayah
    "wilayah.caption": (
        "Peta NTB tanpa internet: lingkaran di ibu kota kabupaten/kota, besarnya sesuai jumlah IKM.",
        "Offline map of NTB: a circle at each regency seat, sized by its number of enterprises.",
    ),
    "wilayah.click_hint": (
        "Klik lingkaran di peta atau batang untuk memilih kabupaten/kota; klik ganda untuk membatalkan.",
        "Click a circle on the map or a bar to pick a regency; double-click to clear.",
    ),
    "wilayah.picked": ("Dipilih: {what}", "Selected: {what}"),
    "wilayah.table": ("Tabel per kabupaten/kota", "Table by regency/city"),
    "wilayah.products": ("Produk di wilayah terpilih", "Products in the selected area"),
    "wilayah.published_only": (
        "Tahap {n} hanya punya angka rilis, tanpa rincian per wilayah. Unggah data tahap ini.",
        "Phase {n} has only published figures, with no regional detail. Upload this phase's data.",
    ),
    # Tahap
    "tahap.caption": (
        "Setiap tahap memakai satu sumber: data per IKM bila ada, selain itu angka rilis Dinas "
        "Perindustrian NTB. Angka lingkup lain dicantumkan terpisah.",
        "Each phase uses one source: enterprise-level data where there is some, else the "
        "Industry Department's published figures. Figures of other scopes are listed apart.",
    ),
    "tahap.empty": (
        "{metric}: hanya satu tahap yang punya angka lingkup Dinas Perindustrian NTB, jadi "
        "belum ada yang bisa dibandingkan. Unggah data tahap lain untuk membandingkan.",
        "{metric}: only one phase has a figure of the Industry Department's scope, so there is "
        "nothing to compare yet. Upload another phase's data to compare.",
    ),
    "tahap.chart_source": ("Sumber: data per tahap dan rilis Dinas Perindustrian NTB (lihat tabel)",
                           "Source: phase data and the Industry Department's releases (see the table)"),
    "tahap.table": ("Ringkasan per tahap", "Summary by phase"),
    "tahap.approx": ("perkiraan", "approximate"),
    "tahap.col.approx": ("Perkiraan", "Approximate"),
    "tahap.col.kind": ("Jenis sumber", "Kind of source"),
    "tahap.other_scopes": ("Angka lingkup lain", "Figures of other scopes"),
    "tahap.other_scopes.caption": (
        "Dirilis oleh instansi lain atau untuk semua instansi: tidak sebanding dengan angka "
        "Dinas Perindustrian dan tidak dijumlahkan.",
        "Published by other agencies or for all agencies together: not comparable with the "
        "Industry Department's figures and never added to them.",
    ),
    # Direktori
    "direktori.caption": ("Cari IKM berdasarkan nama, NIB atau desa.",
                          "Look an enterprise up by name, NIB or village."),
    "direktori.search": ("Cari", "Search"),
    "direktori.search_hint": ("mis. Sinar, 912…, Sukamaju", "e.g. Sinar, 912…, Sukamaju"),
    "direktori.page": ("Halaman (dari {pages})", "Page (of {pages})"),
    "direktori.showing": ("Menampilkan {first}–{last} dari {total} IKM",
                          "Showing {first}–{last} of {total} enterprises"),
    "direktori.none": ("Tidak ada IKM yang cocok.", "No enterprise matches."),
    "direktori.privacy": (
        "Data pribadi (nama pemilik, NIK, nomor HP) disamarkan.",
        "Personal data (owner name, NIK, phone number) is masked.",
    ),
    "direktori.published_only": (
        "Tahap {n} belum punya data per IKM. Unggah data tahap ini untuk mengisi direktori.",
        "Phase {n} has no enterprise-level data. Upload this phase's data to fill the directory.",
    ),
    "direktori.col.split": ("L / P", "M / F"),
    "direktori.col.owner": ("Pemilik", "Owner"),
    "direktori.col.nik": ("NIK", "NIK"),
    "direktori.col.phone": ("No. HP", "Phone"),
    "direktori.col.nib": ("NIB", "NIB"),
    "direktori.col.village": ("Desa/Kelurahan", "Village"),
    "direktori.col.certs": ("Sertifikasi", "Certifications"),
    "direktori.col.tourism": ("Pasar pariwisata", "Tourism market"),
    # Tentang
    "tentang.sources": ("Sumber angka", "Sources of the figures"),
    "tentang.sources.body": (
        "Angka rilis JPS Gemilang berasal dari siaran pers Dinas Perindustrian NTB dan "
        "media yang dikutip di bawah. Lingkupnya berbeda-beda (satu dinas, semua dinas, hari "
        "peluncuran): angka berbeda lingkup tidak pernah dijumlahkan atau dibandingkan.",
        "The published JPS Gemilang figures come from the Industry Department's news release "
        "and the media cited below. Their scopes differ (one agency, all agencies, launch day): "
        "figures of different scopes are never added or compared.",
    ),
    "tentang.counting": ("Cara menghitung", "How things are counted"),
    "tentang.counting.body": (
        "- **IKM per produk**: IKM yang memasok produk itu.\n"
        "- **IKM per tahap**: IKM berbeda — IKM dengan dua produk dihitung sekali.\n"
        "- **Tenaga kerja** milik IKM, dihitung sekali per tahap.\n"
        "- Bila rilis memberi satu angka untuk beberapa produk, dasbor menampilkan kelompok "
        "itu, bukan pembagian karangan.\n"
        "- Satu sumber per angka: bila tahap punya data per IKM, ringkasannya dari data itu; "
        "angka rilis hanya untuk pencocokan.",
        "- **Enterprises per product**: the enterprises that supply it.\n"
        "- **Enterprises per phase**: distinct enterprises — one with two products counts once.\n"
        "- **Workers** belong to the enterprise and are counted once per phase.\n"
        "- Where a release gives one figure for several products, the dashboard shows that "
        "group, never an invented split.\n"
        "- One source per figure: where a phase has enterprise rows, its summary comes from "
        "them; published figures are only for reconciliation.",
    ),
    "tentang.sample": ("Data contoh (sintetis)", "Sample data (synthetic)"),
    "tentang.sample.body": (
        "Agar setiap halaman bisa dicoba sebelum data asli diunggah, program menyusun data "
        "contoh Tahap III secara deterministik: jumlah IKM per produk dan jumlah tenaga kerja "
        "per kelompok sama dengan rilis Dinas, tetapi nama usaha, wilayah, pemilik, NIK, nomor HP, "
        "sertifikasi dan mitra hotel adalah karangan. Semua angka dari data contoh diberi label "
        "**data contoh (sintetis)**. Unggahan asli untuk Tahap III menggantikannya; tombol di "
        "bawah menghapusnya sekaligus (tetap tercatat di riwayat dan bisa dipulihkan).",
        "So that every page can be tried before real data is uploaded, the program builds a "
        "deterministic Phase III sample: enterprises per product and workers per group equal "
        "the department's release, but business names, regencies, owners, NIK, phone numbers, "
        "certifications and hotel partners are invented. Everything drawn from it is labelled "
        "**sample data (synthetic)**. A real Phase III upload replaces it; the button below "
        "removes it in one action (it stays in the history and can be restored).",
    ),
    "tentang.sample.present": ("Data contoh masih dipakai untuk tahap: {phases}.",
                               "Sample data is still used for phase(s): {phases}."),
    "tentang.sample.confirm": ("Saya mengerti: tahap itu akan kosong sampai data asli diunggah.",
                               "I understand: that phase will be empty until real data is uploaded."),
    "tentang.sample.remove": ("Hapus data contoh", "Remove the sample data"),
    "tentang.sample.removed": ("Data contoh dihapus (versi {versions}).", "Sample data removed (version {versions})."),
    "tentang.sample.absent": ("Tidak ada data contoh yang dipakai: semua angka dari data unggahan atau rilis.",
                              "No sample data in use: every figure comes from uploads or releases."),
    "tentang.store": ("Penyimpanan dan riwayat", "Storage and history"),
    "tentang.store.body": (
        "Setiap unggahan menjadi versi baru yang tidak pernah diubah; berkas aslinya disimpan "
        "apa adanya. Lokasi data: `{path}`.",
        "Every upload becomes a new version that is never changed; the original file is kept "
        "as received. Data location: `{path}`.",
    ),
    "history.version": ("Versi", "Version"),
    "history.at": ("Waktu (WITA)", "Time (WITA)"),
    "history.mode": ("Jenis", "Kind"),
    "history.user": ("Petugas", "User"),
    "history.file": ("Berkas", "File"),
    "history.rows": ("Baris", "Rows"),
    "history.mode.replace": ("ganti tahap", "replace phase"),
    "history.mode.append": ("tambah ke tahap", "append to phase"),
    "history.mode.sample": ("data contoh", "sample data"),
    "history.mode.rollback": ("pemulihan", "rollback"),
    "history.mode.remove": ("tahap dikosongkan", "phase emptied"),
}
