"""Texts of the programme's themes: the Standardisasi, Pasar Pariwisata and Pendampingan
pages, their slides in the forum deck and ``python -m ikm_data indicators``."""

MESSAGES = {
    # navigation
    "page.standardisasi": ("Standardisasi", "Standardisation"),
    "page.pariwisata": ("Pasar Pariwisata", "Tourism market"),
    "page.pendampingan": ("Pendampingan", "Mentoring"),
    # shared: honest denominators
    "themes.of_known": ("dari {known} IKM yang datanya ada ({share})", "of {known} enterprises with data ({share})"),
    "themes.of_known.short": ("{held} dari {known} IKM yang datanya ada", "{held} of {known} enterprises with data"),
    "themes.no_column": ("kolomnya tidak ada di berkas", "no such column in the file"),
    "themes.partial": (
        "Datanya ada untuk {known} dari {total} IKM. {unknown} IKM lainnya tidak diketahui (kolomnya tidak ada "
        "di berkasnya atau isinya tidak terbaca) dan tidak dihitung sebagai “tidak”.",
        "The data is there for {known} of {total} enterprises. The other {unknown} are unknown (their file had "
        "no such column, or the cell could not be read) and are not counted as “no”.",
    ),
    "themes.col.known": ("IKM yang datanya ada", "Enterprises with data"),
    "themes.col.share": ("Persentase", "Share"),
    "themes.col.raw_material": ("Bahan baku", "Raw material"),
    "themes.col.held": ("Memegang", "Holding"),
    "themes.cert.pirt": ("PIRT", "PIRT"),
    "themes.cert.halal": ("Halal", "Halal"),
    "themes.cert.bpom": ("BPOM", "BPOM"),
    "themes.cert.sni": ("SNI", "SNI"),
    "themes.cert.certified": ("Salah satu", "Any of them"),
    "themes.cert.none": ("Belum satu pun", "None yet"),
    "themes.cert.column": ("Sertifikasi", "Certification"),
    "themes.cell": ("{held} dari {known}", "{held} of {known}"),
    # raw materials of the reference list (data/products.csv), by their Indonesian names
    "themes.raw.none": ("Lainnya (bahan baku tidak tercatat)", "Other (raw material not listed)"),
    "themes.raw.kelapa": ("Kelapa", "Coconut"),
    "themes.raw.kedelai": ("Kedelai", "Soybean"),
    "themes.raw.kelor": ("Kelor", "Moringa"),
    "themes.raw.jahe": ("Jahe", "Ginger"),
    "themes.raw.aren": ("Aren", "Sugar palm"),
    "themes.raw.cengkeh": ("Cengkeh", "Clove"),
    "themes.raw.kayu_putih": ("Kayu putih", "Cajuput"),
    "themes.raw.kopi": ("Kopi", "Coffee"),
    "themes.raw.garam": ("Garam", "Salt"),
    "themes.raw.ikan": ("Ikan", "Fish"),
    "themes.mentoring.group.true": ("Didampingi", "Mentored"),
    "themes.mentoring.group.false": ("Tidak didampingi", "Not mentored"),
    "themes.mentoring.group.unknown": ("Tidak diketahui", "Unknown"),
    # Standardisasi
    "standar.caption": (
        "IKM yang memegang PIRT, halal, BPOM dan SNI, dan yang belum memegang satu pun: sasaran fasilitasi "
        "berikutnya. Nomor sertifikat di berkas dihitung “ada”; “Belum” dihitung belum.",
        "Enterprises holding PIRT, halal, BPOM and SNI certificates, and those holding none: the target of "
        "the next facilitation round. A certificate number in the file counts as “has it”; “Belum” as not yet.",
    ),
    "standar.published_only": (
        "Tahap {n} hanya punya angka rilis, tanpa data sertifikasi per IKM. Unggah data per IKM tahap ini.",
        "Phase {n} has only published figures, with no certification data per enterprise. Upload this "
        "phase's enterprise data.",
    ),
    "standar.no_column": (
        "Berkas Tahap {n} tidak memuat kolom sertifikasi (PIRT, Halal, BPOM, SNI): belum diketahui IKM mana "
        "yang memegangnya — ini bukan 0%. Unggah berkas dengan kolom tersebut (lihat templat di Unggah Data).",
        "Phase {n}'s file had no certification columns (PIRT, Halal, BPOM, SNI): who holds them is unknown "
        "— this is not 0%. Upload a file with those columns (see the template on Upload data).",
    ),
    "standar.by_product": ("Sertifikasi per produk", "Certifications by product"),
    "standar.by_regency": ("Sertifikasi per kabupaten/kota", "Certifications by regency/city"),
    "standar.heat.caption": (
        "Di tiap kotak: IKM yang memegang sertifikat dari IKM yang datanya ada; warnanya persentase itu. "
        "Kotak abu-abu bertanda – : tidak ada data.",
        "In each cell: enterprises holding the certificate of those whose data is there; its colour is that "
        "share. A grey cell marked – : no data.",
    ),
    "standar.uncertified.title": ("IKM yang belum memegang sertifikat apa pun", "Enterprises holding no certificate"),
    "standar.uncertified.caption": (
        "IKM yang datanya ada dan belum memegang PIRT, halal, BPOM maupun SNI, urut kabupaten/kota dan nama. "
        "Tanpa data pribadi; unduhan memuat seluruh daftar.",
        "Enterprises whose data is there and that hold none of PIRT, halal, BPOM or SNI, by regency and name. "
        "No personal data; the downloads hold the whole list.",
    ),
    "standar.uncertified.none": (
        "Tidak ada: setiap IKM yang datanya ada memegang setidaknya satu sertifikat.",
        "None: every enterprise whose data is there holds at least one certificate.",
    ),
    # Pasar Pariwisata
    "pariwisata.caption": (
        "IKM yang memasok pasar pariwisata (hotel dan mitra lain) dan mitranya. Nama mitra dihitung tanpa "
        "membedakan huruf besar/kecil dan spasi, dan ditampilkan seperti paling sering ditulis.",
        "Enterprises supplying the tourism market (hotels and other partners) and their partners. Partner "
        "names are counted regardless of case and spacing, and shown as most often written.",
    ),
    "pariwisata.published_only": (
        "Tahap {n} hanya punya angka rilis, tanpa data pasar pariwisata per IKM. Unggah data per IKM tahap ini.",
        "Phase {n} has only published figures, with no tourism-market data per enterprise. Upload this "
        "phase's enterprise data.",
    ),
    "pariwisata.no_column": (
        "Berkas Tahap {n} tidak memuat kolom Pasar Pariwisata atau Mitra Hotel: belum diketahui IKM mana yang "
        "memasok — ini bukan 0%. Unggah berkas dengan kolom tersebut (lihat templat di Unggah Data).",
        "Phase {n}'s file had no Pasar Pariwisata or Mitra Hotel column: who supplies the market is unknown "
        "— this is not 0%. Upload a file with those columns (see the template on Upload data).",
    ),
    "pariwisata.metric.suppliers": ("IKM pemasok pasar pariwisata", "Enterprises supplying tourism"),
    "pariwisata.metric.partners": ("Mitra hotel/pariwisata", "Hotel/tourism partners"),
    "pariwisata.partners.caption": ("disebut di berkas", "named in the file"),
    "pariwisata.by_product": ("IKM pemasok pariwisata per produk", "Tourism suppliers by product"),
    "pariwisata.by_regency": ("IKM pemasok pariwisata per kabupaten/kota", "Tourism suppliers by regency/city"),
    "pariwisata.partners": ("Mitra dan IKM pemasoknya", "Partners and the enterprises supplying them"),
    "pariwisata.partners.none": ("Berkas tidak menyebut nama mitra.", "The file names no partner."),
    "pariwisata.col.partner": ("Mitra", "Partner"),
    "pariwisata.col.spellings": ("Ditulis dengan … cara", "Written in … ways"),
    "pariwisata.none": (
        "Belum ada IKM yang memasok pasar pariwisata di antara {known} IKM yang datanya ada.",
        "No enterprise supplies the tourism market among the {known} whose data is there.",
    ),
    # Pendampingan
    "pendampingan.caption": (
        "IKM yang didampingi (pendampingan berbasis riset bersama Universitas Mataram: turunan cengkeh, "
        "kelapa, kedelai, kopi, garam), menurut bahan baku produknya dan kabupaten/kota.",
        "Enterprises mentored (research-based mentoring with Universitas Mataram: clove, coconut, soybean, "
        "coffee and salt derivatives), by their products' raw material and by regency/city.",
    ),
    "pendampingan.published_only": (
        "Tahap {n} hanya punya angka rilis, tanpa data pendampingan per IKM. Unggah data per IKM tahap ini.",
        "Phase {n} has only published figures, with no mentoring data per enterprise. Upload this phase's "
        "enterprise data.",
    ),
    "pendampingan.no_column": (
        "Berkas Tahap {n} tidak memuat kolom Pendampingan: belum diketahui IKM mana yang didampingi — ini "
        "bukan 0%. Unggah berkas dengan kolom tersebut (lihat templat di Unggah Data).",
        "Phase {n}'s file had no Pendampingan (mentoring) column: who was mentored is unknown — this is not "
        "0%. Upload a file with that column (see the template on Upload data).",
    ),
    "pendampingan.metric.mentored": ("IKM didampingi", "Enterprises mentored"),
    "pendampingan.by_material": ("IKM didampingi per bahan baku", "Mentored enterprises by raw material"),
    "pendampingan.by_material.note": (
        "Bahan baku menurut daftar produk; IKM dengan produk dari dua bahan baku dihitung di keduanya.",
        "Raw material as the product list gives it; an enterprise whose product has two counts under both.",
    ),
    "pendampingan.by_regency": ("IKM didampingi per kabupaten/kota", "Mentored enterprises by regency/city"),
    "pendampingan.compare": ("Didampingi dan tidak didampingi", "Mentored and not mentored"),
    "pendampingan.not_effect": (
        "Ini gambaran dua kelompok pada tahap ini, bukan dampak pendampingan: IKM yang didampingi dipilih "
        "menurut produk dan keadaannya, jadi selisih angka tidak menunjukkan apa yang diubah pendampingan.",
        "This describes two groups in this phase, not the effect of mentoring: enterprises were chosen for "
        "mentoring by their products and situation, so a difference does not show what mentoring changed.",
    ),
    "pendampingan.one_side": (
        "Tidak ada yang dibandingkan: di tahap dan filter ini hanya ada IKM “{group}”.",
        "Nothing to compare: this phase and filter hold only “{group}” enterprises.",
    ),
    "pendampingan.col.group": ("Kelompok", "Group"),
    "pendampingan.col.certified": ("Punya sertifikat", "Holding a certificate"),
    "pendampingan.metric.per_enterprise": ("Tenaga kerja per IKM", "Workers per IKM"),
    "pendampingan.metric.certified": ("Punya sertifikat", "Holding a certificate"),
    # slides of the forum deck
    "present.standard.title": ("Standardisasi: IKM pemegang sertifikat", "Standardisation: certificate holders"),
    "present.standard.note": (
        "Pemegang sertifikat, dari IKM yang datanya ada: {list}.",
        "Certificate holders, of the enterprises with data: {list}.",
    ),
    "present.standard.none": (
        "{none} IKM belum memegang satu pun — sasaran fasilitasi berikutnya.",
        "{none} hold none yet — the target of the next facilitation round.",
    ),
    "present.tourism.title": ("Pasar pariwisata: IKM pemasok per produk", "Tourism market: suppliers by product"),
    "present.tourism.note": (
        "{n} dari {known} IKM yang datanya ada memasok pasar pariwisata ({share}).",
        "{n} of {known} enterprises with data supply the tourism market ({share}).",
    ),
    "present.tourism.partners": ("Mitra terbanyak: {list}.", "Main partners: {list}."),
    "present.tourism.partner": ("{partner} ({n} IKM)", "{partner} ({n} IKM)"),
    # python -m ikm_data indicators
    "cli.indicators.phase": ("Tahap {phase}: {enterprises} IKM{tag}", "Phase {phase}: {enterprises} IKM{tag}"),
    "cli.indicators.no_rows": (
        "  tahap ini hanya punya angka rilis: tidak ada data sertifikasi, pariwisata atau pendampingan per IKM",
        "  this phase has only published figures: no certification, tourism or mentoring data per enterprise",
    ),
    "cli.indicators.flag": ("  {label:<28} {held:>7} dari {known:>7} IKM yang datanya ada",
                            "  {label:<28} {held:>7} of {known:>7} enterprises with data"),
    "cli.indicators.flag_unknown": ("  {label:<28} tidak diketahui (kolomnya tidak ada di berkas)",
                                    "  {label:<28} unknown (no such column in the file)"),
    "cli.indicators.repeat": ("  Peserta berulang (juga ikut tahap lain; tahap dibandingkan: {phases}): {n} IKM",
                              "  Returning participants (also in another phase; phases compared: {phases}): {n} IKM"),
    "cli.indicators.item": ("    {label:<36} {n:>7} IKM", "    {label:<36} {n:>7} IKM"),
}
