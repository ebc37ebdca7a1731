"""Texts of sharing: links that carry the sidebar's filters ("Salin tautan") and the open-data
package (Frictionless Data Package) on Tentang Data and in the CLI."""

MESSAGES = {
    # links (ikm_data.links, ui.session)
    "share.copy": ("Salin tautan", "Copy link"),
    "share.copy.help": (
        "Tautan ke tampilan ini dengan tahap, wilayah, produk dan bahasanya; tanpa data pribadi",
        "A link to this view with its phase, regions, products and language; no personal data",
    ),
    "share.copied": ("Tautan disalin.", "Link copied."),
    "share.copy.manual": ("Tekan Ctrl+C untuk menyalin tautan ini.", "Press Ctrl+C to copy this link."),
    "share.ignored": (
        "Sebagian isi tautan tidak dikenali dan diabaikan ({what}); yang tampil: tampilan tanpa bagian itu.",
        "Part of the link was not recognised and was ignored ({what}); shown: the view without that part.",
    ),
    "share.param.tahap": ("tahap", "phase"),
    "share.param.kabupaten": ("kabupaten/kota", "regency/city"),
    "share.param.produk": ("produk", "product"),
    "share.param.lang": ("bahasa", "language"),
}

MESSAGES.update({
    "share.cli.written": (
        "Paket data terbuka Tahap {phase} ({rows} baris peserta, {files} berkas) ditulis ke {path}.",
        "Open-data package of phase {phase} ({rows} participant rows, {files} files) written to {path}.",
    ),
    "share.cli.written_published_only": (
        "Paket data terbuka Tahap {phase} ditulis ke {path} ({files} berkas): tahap ini hanya punya angka rilis.",
        "Open-data package of phase {phase} written to {path} ({files} files): this phase has only published figures.",
    ),
    "share.tentang.heading": ("Paket data terbuka (Satu Data)", "Open-data package (Satu Data)"),
    "share.tentang.body": (
        "Data Tahap {n} sebagai paket data terbuka (Frictionless Data Package: `datapackage.json` dan berkas CSV) "
        "untuk portal Satu Data: peserta tanpa data pribadi, daftar kabupaten/kota (kode BPS dan Kemendagri), "
        "daftar produk dan angka rilis, dengan metadata, lisensi dan sha256 versi datanya.",
        "Phase {n}'s data as an open-data package (Frictionless Data Package: `datapackage.json` and CSV files) "
        "for the Satu Data portal: participants without personal data, the regencies (BPS and Kemendagri codes), "
        "the products and the published figures, with metadata, licence and the data version's sha256.",
    ),
    "share.tentang.published_only": ("Tahap {n} hanya punya angka rilis: paketnya berisi angka rilis dan daftar "
                                     "rujukan, tanpa data peserta.",
                                     "Phase {n} has only published figures: its package holds them and the "
                                     "reference lists, no participant rows."),
    "share.tentang.download": ("Unduh paket data Tahap {n} (.zip)", "Download the phase {n} data package (.zip)"),
})

# The open-data package (ikm_data.datapackage): titles and descriptions inside datapackage.json
_DP = {
    "share.dp.title": ("IKM peserta JPS Gemilang Tahap {n}, Provinsi NTB",
                       "IKM participants of JPS Gemilang Phase {n}, NTB Province"),
    "share.dp.sample": ("[DATA CONTOH (SINTETIS)] IKM peserta JPS Gemilang Tahap {n}, Provinsi NTB",
                        "[SAMPLE DATA (SYNTHETIC)] IKM participants of JPS Gemilang Phase {n}, NTB Province"),
    "share.dp.published_only": ("Angka rilis IKM JPS Gemilang Tahap {n}, Provinsi NTB",
                                "Published IKM figures of JPS Gemilang Phase {n}, NTB Province"),
    "share.dp.desc.sample": (
        "Data contoh (sintetis): disusun agar jumlahnya sama dengan rilis, bukan data peserta yang sebenarnya.",
        "Sample data (synthetic): made to add up to the published figures, not the real participants.",
    ),
    "share.dp.desc.rows": (
        "Tahap {n}: {rows} baris peserta (satu per IKM dan produk), {enterprises} IKM, {workers} tenaga kerja "
        "(dihitung sekali per IKM).",
        "Phase {n}: {rows} participant rows (one per IKM and product), {enterprises} IKM, {workers} workers "
        "(counted once per IKM).",
    ),
    "share.dp.desc.published_only": (
        "Tahap {n} hanya punya angka rilis Dinas: tidak ada data peserta, jadi paket ini tanpa sumber daya peserta.",
        "Phase {n} has only the department's published figures: there are no participant rows, so this package "
        "has no participant resource.",
    ),
    "share.dp.desc.personal": (
        "Tanpa data pribadi (nama pemilik, NIK, nomor HP). Teks yang diawali = + - @ diberi tanda ' di depannya.",
        "No personal data (owner's name, NIK, phone). Text starting with = + - @ has a leading '.",
    ),
    "share.dp.source.upload": ("Unggahan Dinas Perindustrian NTB, versi {version} (sha256 berkas {sha256})",
                               "Upload by Dinas Perindustrian NTB, version {version} (file sha256 {sha256})"),
    "share.dp.sdi.frekuensi": ("Per tahap program JPS Gemilang (tidak berkala)", "Per JPS Gemilang phase (irregular)"),
    "share.dp.sdi.cakupan": ("Provinsi Nusa Tenggara Barat (10 kabupaten/kota)",
                             "Nusa Tenggara Barat Province (10 regencies/cities)"),
    "share.dp.sdi.tingkat": ("Kabupaten/kota", "Regency/city"),
    "share.dp.sdi.konsep": (
        "Industri kecil dan menengah (IKM) yang memasok produk program Jaring Pengaman Sosial (JPS) Gemilang.",
        "Small and medium industries (IKM) supplying products to the JPS Gemilang social safety net programme.",
    ),
    "share.dp.sdi.definisi": (
        "Satu baris per IKM, produk dan tahap; IKM dikenali dari NIB, atau nama dan kabupaten/kota.",
        "One row per IKM, product and phase; an IKM is known by its NIB, or its name and regency/city.",
    ),
    "share.dp.sdi.ukuran": (
        "Jumlah IKM (unit usaha berbeda) dan tenaga kerja (orang, sekali per IKM).",
        "Number of IKM (distinct enterprises) and workers (persons, once per IKM).",
    ),
    # resources
    "share.dp.peserta": ("Peserta IKM", "IKM participants"),
    "share.dp.kabupaten": ("Kabupaten/kota NTB (kode BPS)", "NTB regencies/cities (BPS codes)"),
    "share.dp.produk": ("Daftar produk", "Product list"),
    "share.dp.angka_rilis": ("Angka rilis Dinas dan media", "Published figures (department and press)"),
}
_FIELDS = {  # resource.field: (title id, title en, description id, description en)
    "peserta.phase": ("Tahap", "Phase", "Tahap program JPS Gemilang", "JPS Gemilang programme phase"),
    "peserta.enterprise_key": ("Kunci IKM", "IKM key", "NIB, atau nama yang dinormalkan dan kode kabupaten/kota",
                               "NIB, else the normalised name and regency code"),
    "peserta.name": ("Nama IKM", "IKM name", "Nama usaha seperti di berkas", "The enterprise's name as filed"),
    "peserta.regency_code": ("Kode kabupaten/kota", "Regency code", "Kode wilayah BPS (lihat kabupaten.csv)",
                             "BPS area code (see kabupaten.csv)"),
    "peserta.product_code": ("Kode produk", "Product code", "Kode produk (lihat produk.csv)",
                             "Product code (see produk.csv)"),
    "peserta.product_name": ("Nama produk", "Product name", "Produk seperti ditulis di berkas",
                             "The product as written in the file"),
    "peserta.workers": ("Jumlah tenaga kerja", "Workers", "Tenaga kerja IKM (orang)", "The IKM's workers (persons)"),
    "peserta.workers_male": ("Tenaga kerja laki-laki", "Male workers", "Orang", "Persons"),
    "peserta.workers_female": ("Tenaga kerja perempuan", "Female workers", "Orang", "Persons"),
    "peserta.nib": ("NIB", "NIB", "Nomor Induk Berusaha (OSS)", "Business identification number (OSS)"),
    "peserta.address": ("Alamat usaha", "Business address", "Alamat tempat usaha", "Where the business is"),
    "peserta.village": ("Desa/kelurahan", "Village", "Desa atau kelurahan tempat usaha", "Village of the business"),
    "peserta.district": ("Kecamatan", "District", "Kecamatan tempat usaha", "District of the business"),
    "peserta.capacity": ("Kapasitas produksi", "Production capacity", "Dalam satuan capacity_unit",
                         "In the unit of capacity_unit"),
    "peserta.capacity_unit": ("Satuan kapasitas", "Capacity unit", "Satuan kapasitas produksi",
                              "Unit of the production capacity"),
    "peserta.order_value": ("Nilai pesanan", "Order value", "Nilai pesanan program (rupiah)",
                            "The programme's order value (rupiah)"),
    "peserta.pirt": ("PIRT", "PIRT", "Punya izin PIRT", "Holds a PIRT home-industry licence"),
    "peserta.halal": ("Halal", "Halal", "Bersertifikat halal", "Halal certified"),
    "peserta.bpom": ("BPOM", "BPOM", "Terdaftar di BPOM", "Registered with BPOM"),
    "peserta.sni": ("SNI", "SNI", "Bersertifikat SNI", "SNI certified"),
    "peserta.tourism": ("Mitra pariwisata", "Tourism partner", "Memasok usaha pariwisata",
                        "Supplies the tourism trade"),
    "peserta.tourism_partner": ("Nama mitra pariwisata", "Tourism partner's name", "Hotel atau usaha yang dipasok",
                                "Hotel or business supplied"),
    "peserta.mentoring": ("Pendampingan", "Mentoring", "Mendapat pendampingan Dinas",
                          "Mentored by the department"),
    "kabupaten.code": ("Kode BPS", "BPS code", "Kode wilayah kabupaten/kota dari BPS",
                       "The regency's BPS area code"),
    "kabupaten.kemendagri_code": ("Kode Kemendagri", "Kemendagri code", "Kode wilayah Kemendagri (Permendagri)",
                                  "The Ministry of Home Affairs area code"),
    "kabupaten.name": ("Nama", "Name", "Nama kabupaten/kota", "Name of the regency/city"),
    "kabupaten.kind": ("Jenis", "Kind", "Kabupaten atau Kota", "Regency (Kabupaten) or city (Kota)"),
    "kabupaten.seat": ("Ibu kota", "Seat", "Ibu kota kabupaten/kota", "Seat of the regency/city"),
    "kabupaten.seat_lat": ("Lintang ibu kota", "Seat latitude", "Derajat (WGS84)", "Degrees (WGS84)"),
    "kabupaten.seat_lon": ("Bujur ibu kota", "Seat longitude", "Derajat (WGS84)", "Degrees (WGS84)"),
    "produk.code": ("Kode produk", "Product code", "Kode tetap produk", "The product's stable code"),
    "produk.name_id": ("Nama (Indonesia)", "Name (Indonesian)", "Nama produk", "Product name in Indonesian"),
    "produk.name_en": ("Nama (Inggris)", "Name (English)", "Nama produk dalam bahasa Inggris",
                       "Product name in English"),
    "produk.category": ("Kategori", "Category", "Kelompok produk", "Product group"),
    "produk.raw_material": ("Bahan baku", "Raw material", "Bahan baku utama", "Main raw material"),
    "produk.in_vocabulary": ("Dalam daftar", "In the list", "false: produk baru, nama dari berkas",
                             "false: a product new to the list, named as in the file"),
    "angka_rilis.phase": ("Tahap", "Phase", "Tahap program", "Programme phase"),
    "angka_rilis.scope": ("Lingkup", "Scope", "Siapa yang merilis angka", "Who published the figure"),
    "angka_rilis.metric": ("Ukuran", "Measure", "enterprises: jumlah IKM; workers: tenaga kerja",
                           "enterprises: number of IKM; workers: workers"),
    "angka_rilis.commodity": ("Komoditas", "Commodity", "Produk, beberapa produk dengan /, atau (total)",
                              "A product, several joined by /, or (total)"),
    "angka_rilis.value": ("Nilai", "Value", "Angka yang dirilis", "The published figure"),
    "angka_rilis.approximate": ("Perkiraan", "Approximate", "true: rilis menulis 'sekitar'",
                                "true: the release says 'about'"),
    "angka_rilis.as_of": ("Per tanggal", "As of", "Tanggal data (YYYY-MM atau YYYY-MM-DD)",
                          "Date of the data (YYYY-MM or YYYY-MM-DD)"),
    "angka_rilis.source_id": ("Sumber", "Source (Indonesian)", "Sumber rilis", "The release, in Indonesian"),
    "angka_rilis.source_en": ("Sumber (Inggris)", "Source", "Sumber rilis dalam bahasa Inggris",
                              "The release, in English"),
    "angka_rilis.note_id": ("Catatan", "Note (Indonesian)", "Catatan tentang angka", "Note, in Indonesian"),
    "angka_rilis.note_en": ("Catatan (Inggris)", "Note", "Catatan dalam bahasa Inggris", "Note, in English"),
}
MESSAGES.update(_DP)
for _key, (_tid, _ten, _did, _den) in _FIELDS.items():
    MESSAGES[f"share.dp.{_key}"] = (_tid, _ten)
    MESSAGES[f"share.dp.{_key}.desc"] = (_did, _den)
