"""Texts of uploading: reading files, validation messages, the Unggah Data page and the
command line's import commands."""

MESSAGES = {
    # navigation
    "nav.section.data": ("Data", "Data"),
    "unggah.page": ("Unggah Data", "Upload data"),
    # -- reading files (IngestError) ------------------------------------------------------
    "ingest.title.IngestError": ("Berkas tidak dapat dibaca", "The file cannot be read"),
    "ingest.title.UsageError": ("Perintah tidak lengkap", "Incomplete command"),
    "ingest.title.ValidationFailed": ("Berkas berisi kesalahan", "The file has errors"),
    "ingest.unsupported": (
        "“{name}” tidak dapat diunggah: jenis berkas .{ext} tidak didukung. Gunakan Excel "
        "(.xlsx, .xls, .xlsb), LibreOffice (.ods), CSV (.csv) atau Parquet (.parquet).",
        "“{name}” cannot be uploaded: .{ext} files are not supported. Use Excel (.xlsx, .xls, "
        ".xlsb), LibreOffice (.ods), CSV (.csv) or Parquet (.parquet).",
    ),
    "ingest.empty": ("Berkas “{name}” kosong: tidak ada isinya.", "The file “{name}” is empty."),
    "ingest.wrong_type": (
        "“{name}” bukan berkas {kind} yang sah: isinya tidak dapat dibaca sebagai {kind}. "
        "Periksa bahwa berkas yang dipilih benar.",
        "“{name}” is not a valid {kind} file: its content cannot be read as {kind}. Check "
        "that you picked the right file.",
    ),
    "ingest.wrong_type.pdf": (
        "“{name}” sebenarnya berkas PDF, bukan {kind}. Unggah tabel aslinya (Excel atau CSV), "
        "bukan hasil cetak PDF.",
        "“{name}” is really a PDF, not a {kind} file. Upload the original table (Excel or "
        "CSV), not a PDF print-out.",
    ),
    "ingest.wrong_type.zip": (
        "“{name}” sebenarnya berkas Excel/LibreOffice/ZIP, bukan {kind}. Ganti akhiran namanya "
        "menjadi .xlsx (atau .ods), atau simpan ulang sebagai CSV.",
        "“{name}” is really an Excel/LibreOffice/ZIP file, not {kind}. Rename it to .xlsx (or "
        ".ods), or save it again as CSV.",
    ),
    "ingest.wrong_type.ole": (
        "“{name}” adalah berkas Excel lama (.xls) atau berkas yang dilindungi kata sandi, "
        "bukan {kind}. Ganti akhiran namanya menjadi .xls; bila berkata sandi, simpan tanpa "
        "kata sandi.",
        "“{name}” is an old Excel file (.xls) or a password-protected file, not {kind}. "
        "Rename it to .xls; if it has a password, save it without one.",
    ),
    "ingest.wrong_type.parquet": (
        "“{name}” sebenarnya berkas Parquet, bukan {kind}. Ganti akhiran namanya menjadi .parquet.",
        "“{name}” is really a Parquet file, not {kind}. Rename it to .parquet.",
    ),
    "ingest.wrong_type.image": (
        "“{name}” adalah gambar, bukan {kind}. Unggah tabel aslinya.",
        "“{name}” is an image, not a {kind} file. Upload the table itself.",
    ),
    "ingest.wrong_type.utf16": (
        "“{name}” disimpan sebagai “Unicode Text” (UTF-16). Simpan ulang dari Excel sebagai "
        "“CSV UTF-8 (Comma delimited)”.",
        "“{name}” was saved as “Unicode Text” (UTF-16). Save it again from Excel as "
        "“CSV UTF-8 (Comma delimited)”.",
    ),
    "ingest.wrong_type.text": (
        "“{name}” berisi teks biasa, bukan {kind}. Jika isinya tabel berpemisah koma, beri "
        "nama berakhiran .csv.",
        "“{name}” holds plain text, not {kind}. If it is a comma-separated table, name it .csv.",
    ),
    "ingest.not_workbook": (
        "“{name}” adalah berkas ZIP tetapi bukan buku kerja Excel (.xlsx, .xlsb) atau "
        "LibreOffice (.ods).",
        "“{name}” is a ZIP file but not an Excel (.xlsx, .xlsb) or LibreOffice (.ods) workbook.",
    ),
    "ingest.corrupt": (
        "“{name}” rusak atau tidak lengkap dan tidak dapat dibuka. Simpan ulang dari Excel lalu "
        "unggah lagi.",
        "“{name}” is damaged or incomplete and cannot be opened. Save it again from Excel and "
        "upload it again.",
    ),
    "ingest.too_large": (
        "“{name}” terlalu besar setelah dibuka ({size} MB) atau isinya mencurigakan (bom ZIP); "
        "berkas ditolak.",
        "“{name}” is too large once unpacked ({size} MB) or suspicious (a ZIP bomb); refused.",
    ),
    "ingest.no_sheet": (
        "Lembar “{sheet}” tidak ada di “{name}”. Lembar yang ada: {sheets}.",
        "There is no sheet “{sheet}” in “{name}”. Its sheets: {sheets}.",
    ),
    "ingest.encoding": (
        "“{name}” tidak memakai pengodean yang didukung (UTF-8 atau Windows-1252). Simpan ulang "
        "dari Excel sebagai “CSV UTF-8”.",
        "“{name}” uses an unsupported encoding (use UTF-8 or Windows-1252). Save it again "
        "from Excel as “CSV UTF-8”.",
    ),
    # -- field names ------------------------------------------------------------------------
    "validate.field.name": ("Nama IKM", "Enterprise name"),
    "validate.field.regency": ("Kabupaten/Kota", "Regency/city"),
    "validate.field.product": ("Jenis Produk", "Product"),
    "validate.field.workers": ("Jumlah Tenaga Kerja", "Workers (total)"),
    "validate.field.workers_male": ("TK Laki-laki (L)", "Male workers"),
    "validate.field.workers_female": ("TK Perempuan (P)", "Female workers"),
    "validate.field.owner": ("Nama Pemilik", "Owner"),
    "validate.field.nik": ("NIK", "NIK (ID number)"),
    "validate.field.nib": ("NIB", "NIB (business number)"),
    "validate.field.phone": ("No. HP", "Phone"),
    "validate.field.address": ("Alamat", "Address"),
    "validate.field.village": ("Desa/Kelurahan", "Village"),
    "validate.field.district": ("Kecamatan", "District"),
    "validate.field.capacity": ("Kapasitas Produksi", "Production capacity"),
    "validate.field.capacity_unit": ("Satuan", "Unit"),
    "validate.field.order_value": ("Nilai Pesanan", "Order value"),
    "validate.field.pirt": ("PIRT", "PIRT"),
    "validate.field.halal": ("Halal", "Halal"),
    "validate.field.bpom": ("BPOM", "BPOM"),
    "validate.field.sni": ("SNI", "SNI"),
    "validate.field.tourism": ("Pasar Pariwisata", "Tourism market"),
    "validate.field.tourism_partner": ("Mitra Hotel", "Hotel partner"),
    "validate.field.mentoring": ("Pendampingan", "Mentoring"),
    "validate.field.phase": ("Tahap", "Phase"),
    # -- validation messages -------------------------------------------------------------------
    "validate.missing_column": (
        "Kolom wajib “{field}” tidak ditemukan. Judul kolom yang dikenali: {examples}. "
        "Pilih kolomnya secara manual atau ubah judul kolom di berkas.",
        "Required column “{field}” not found. Recognised headers: {examples}. Map it by hand "
        "or rename the column in the file.",
    ),
    "validate.missing.split_hint": ("atau dua kolom L dan P", "or two columns L and P"),
    "validate.duplicate_column": (
        "Kolom “{value}” juga berarti {field}; yang dipakai kolom “{used}”.",
        "Column “{value}” also means {field}; column “{used}” is used.",
    ),
    "validate.no_rows": (
        "Berkas hanya berisi judul kolom, tanpa baris data: tidak ada yang bisa disimpan.",
        "The file has a header but no data rows: there is nothing to store.",
    ),
    "validate.name.blank": ("Nama IKM kosong.", "The enterprise name is blank."),
    "validate.regency.blank": ("Kabupaten/kota kosong.", "The regency/city is blank."),
    "validate.regency.unknown": (
        "“{value}” bukan kabupaten/kota di NTB. Tulis salah satu dari 10 kabupaten/kota NTB "
        "(mis. Lombok Barat, Kota Mataram, Bima, Kota Bima).",
        "“{value}” is not a regency/city of NTB. Write one of NTB's 10 regencies/cities "
        "(e.g. Lombok Barat, Kota Mataram, Bima, Kota Bima).",
    ),
    "validate.regency.typo": (
        "“{value}” bukan nama kabupaten/kota NTB yang dikenal; mungkin maksudnya {suggestion}?",
        "“{value}” is not a known NTB regency/city; did you mean {suggestion}?",
    ),
    "validate.product.blank": ("Jenis produk kosong.", "The product is blank."),
    "validate.product.new": (
        "Produk “{value}” belum ada di daftar produk ({count} baris); diterima sebagai produk "
        "baru. Produk terdekat di daftar: {closest} — bila itu yang dimaksud, perbaiki tulisannya.",
        "Product “{value}” is not in the product list ({count} rows); accepted as a new product. "
        "Closest listed product: {closest} — if that is what was meant, fix the spelling.",
    ),
    "validate.product.new_none": (
        "Produk “{value}” belum ada di daftar produk ({count} baris); diterima sebagai produk "
        "baru (tidak ada produk yang mirip di daftar).",
        "Product “{value}” is not in the product list ({count} rows); accepted as a new "
        "product (nothing similar in the list).",
    ),
    "validate.workers.blank": ("Jumlah tenaga kerja kosong.", "The number of workers is blank."),
    "validate.workers.not_number": (
        "“{value}” bukan angka: tenaga kerja harus bilangan bulat 0 atau lebih.",
        "“{value}” is not a number: workers must be a whole number, 0 or more.",
    ),
    "validate.workers.negative": (
        "Tenaga kerja tidak boleh negatif (“{value}”).",
        "Workers cannot be negative (“{value}”).",
    ),
    "validate.workers.fraction": (
        "Tenaga kerja harus bilangan bulat, bukan pecahan (“{value}”).",
        "Workers must be a whole number, not a fraction (“{value}”).",
    ),
    "validate.workers.split": (
        "L + P = {male} + {female} = {sum}, tetapi jumlah tenaga kerja ditulis {total}.",
        "M + F = {male} + {female} = {sum}, but the total is written as {total}.",
    ),
    "validate.number.invalid": (
        "“{value}” bukan angka; {field} baris ini dikosongkan.",
        "“{value}” is not a number; this row's {field} is left blank.",
    ),
    "validate.number.negative": (
        "{field} negatif (“{value}”); dikosongkan.",
        "Negative {field} (“{value}”); left blank.",
    ),
    "validate.flag.unknown": (
        "“{value}” tidak dikenali untuk {field}: tulis Ya/Tidak (atau nomor sertifikat). "
        "Dianggap belum diketahui.",
        "“{value}” is not understood for {field}: write Ya/Tidak (yes/no) or the certificate "
        "number. Treated as unknown.",
    ),
    "validate.nik.format": (
        "NIK biasanya {digits} digit; “{value}” tidak.",
        "A NIK usually has {digits} digits; “{value}” does not.",
    ),
    "validate.nik.scientific": (
        "NIK tertulis sebagai angka ilmiah (“{value}”): digit aslinya hilang di Excel. Format "
        "kolom NIK sebagai Teks lalu ketik ulang.",
        "The NIK is written in scientific notation (“{value}”): Excel lost its digits. Format "
        "the NIK column as Text and type it again.",
    ),
    "validate.nib.format": (
        "NIB biasanya {digits} digit; “{value}” tidak.",
        "A NIB usually has {digits} digits; “{value}” does not.",
    ),
    "validate.nib.scientific": (
        "NIB tertulis sebagai angka ilmiah (“{value}”): digit aslinya hilang di Excel. Format "
        "kolom NIB sebagai Teks lalu ketik ulang.",
        "The NIB is written in scientific notation (“{value}”): Excel lost its digits. Format "
        "the NIB column as Text and type it again.",
    ),
    "validate.duplicate.nib": (
        "Duplikat: NIB {value} dengan produk {product} muncul dua kali, di baris {first} dan "
        "baris {second}.",
        "Duplicate: NIB {value} with product {product} appears twice, in rows {first} and {second}.",
    ),
    "validate.duplicate.name": (
        "Duplikat: IKM “{value}” (nama dan kabupaten/kota sama) dengan produk {product} muncul "
        "dua kali, di baris {first} dan baris {second}.",
        "Duplicate: enterprise “{value}” (same name and regency) with product {product} "
        "appears twice, in rows {first} and {second}.",
    ),
    "validate.duplicate.stored": (
        "IKM ini dengan produk {product} sudah tersimpan di Tahap {phase} (versi {version}, "
        "berkas {file}, baris {stored_row}); mode tambah tidak boleh menggandakannya.",
        "This enterprise with product {product} is already stored in phase {phase} (version "
        "{version}, file {file}, row {stored_row}); append mode must not duplicate it.",
    ),
    "validate.phase.invalid": ("“{value}” bukan nomor tahap.", "“{value}” is not a phase number."),
    "validate.phase.blank": (
        "Kolom Tahap kosong di baris ini, dan tidak ada tahap yang dipilih.",
        "The phase column is blank in this row and no phase was chosen.",
    ),
    "validate.phase.mismatch": (
        "Baris ini untuk Tahap {found} (“{value}”), bukan Tahap {phase} yang dipilih.",
        "This row is for phase {found} (“{value}”), not the chosen phase {phase}.",
    ),
    "validate.totals.mismatch": (
        "Baris “{label}” menulis {stated}, tetapi jumlah dari baris data adalah {computed}.",
        "The “{label}” row says {stated}, but the data rows add up to {computed}.",
    ),
    "validate.totals.unreadable": (
        "Angka di baris jumlah (“{value}”) tidak dapat dibaca; tidak dicocokkan.",
        "The figure in the totals row (“{value}”) cannot be read; not checked.",
    ),
    # -- command line --------------------------------------------------------------------------
    "cli.phase_required": (
        "Sebutkan tahapnya dengan --phase N (berkas ini tidak punya kolom Tahap).",
        "Give the phase with --phase N (this file has no Tahap column).",
    ),
    "cli.bad_mode": ("Mode “{mode}” tidak dikenal: pakai replace atau append.",
                     "Unknown mode “{mode}”: use replace or append."),
    "cli.file_missing": ("Berkas “{path}” tidak ditemukan.", "File “{path}” not found."),
    "cli.valid": ("Berkas sah: {rows} baris, {enterprises} IKM, {workers} tenaga kerja.",
                  "Valid file: {rows} rows, {enterprises} enterprises, {workers} workers."),
    "cli.invalid": ("Berkas ditolak: {errors} kesalahan, {warnings} peringatan. Tidak ada yang disimpan.",
                    "File rejected: {errors} errors, {warnings} warnings. Nothing was stored."),
    "cli.committed": ("Tersimpan sebagai versi {version} (Tahap {phase}, {mode}).",
                      "Committed as version {version} (phase {phase}, {mode})."),
    "cli.noop": ("Tidak ada perubahan: isi berkas ini sudah menjadi data Tahap {phase} saat ini "
                 "(versi {version}, mode {mode}).",
                 "Nothing changed: this file's content is already phase {phase}'s current data "
                 "(version {version}, mode {mode})."),
    "cli.rolled_back": ("Tahap {phase} dipulihkan ke keadaan setelah {target}: versi baru {version}.",
                        "Phase {phase} restored to its state after {target}: new version {version}."),
    "cli.exported": ("{rows} baris Tahap {phase} diekspor ke {path} (tanpa data pribadi).",
                     "{rows} rows of phase {phase} exported to {path} (personal data left out)."),
    "cli.no_phase_data": ("Tahap {phase} tidak punya data per IKM untuk diekspor.",
                          "Phase {phase} has no enterprise-level data to export."),
    "cli.sample_removed": ("Data contoh dihapus: {versions}.", "Sample data removed: {versions}."),
    "cli.no_sample": ("Tidak ada data contoh yang dipakai.", "No sample data in use."),
    "cli.history_empty": ("Riwayat masih kosong.", "The history is empty."),
    # -- Unggah Data page ------------------------------------------------------------------------
    "unggah.caption": (
        "Unggah data peserta satu tahap (Excel .xlsx/.xls/.xlsb, LibreOffice .ods, CSV atau "
        "Parquet). Berkas diperiksa seluruhnya "
        "dulu: bila ada satu kesalahan saja, tidak ada yang disimpan. Data lama tidak pernah "
        "hilang — setiap unggahan menjadi versi baru yang bisa dipulihkan.",
        "Upload one phase's participant data (Excel .xlsx/.xls/.xlsb, LibreOffice .ods, CSV or "
        "Parquet). The whole file is "
        "checked first: if there is a single error, nothing is stored. Earlier data is never "
        "lost — every upload becomes a new version that can be restored.",
    ),
    "unggah.template.title": ("Templat Excel", "Excel template"),
    "unggah.template.body": (
        "Belum punya format? Unduh templat dengan judul kolom baku, daftar pilihan "
        "kabupaten/kota dan produk, serta satu baris contoh. Berkas yang sudah ada boleh "
        "diunggah apa adanya, juga .xls lama atau .ods dari LibreOffice: tidak perlu disimpan "
        "ulang sebagai .xlsx.",
        "No format yet? Download the template with the standard headers, drop-down lists of "
        "regencies and products, and an example row. A file you already have can be uploaded "
        "as it is, an old .xls or a LibreOffice .ods too: no need to save it as .xlsx first.",
    ),
    "unggah.template.note": (
        "Petunjuk: isi mulai baris 5; baris bertanda “Contoh” tidak ikut disimpan. Satu baris = satu "
        "IKM dengan satu produk. Tenaga kerja: bilangan bulat; NIK dan NIB diketik sebagai teks.",
        "How to: fill from row 5; the row marked “Contoh” is never stored. One row = one "
        "enterprise with one product. Workers: whole numbers; type NIK and NIB as text.",
    ),
    "unggah.template.download": ("Unduh templat Excel", "Download the Excel template"),
    "unggah.file": ("Pilih berkas", "Choose a file"),
    "unggah.file.help": ("Excel (.xlsx, .xls, .xlsb), LibreOffice (.ods), CSV (.csv) atau Parquet (.parquet)",
                         "Excel (.xlsx, .xls, .xlsb), LibreOffice (.ods), CSV (.csv) or Parquet (.parquet)"),
    "unggah.sheet": ("Lembar (sheet)", "Sheet"),
    "unggah.phase": ("Tahap", "Phase"),
    "unggah.phase.from_file": ("Pakai kolom Tahap di berkas", "Use the file's Tahap column"),
    "unggah.phase.file_has": ("Berkas ini punya kolom Tahap: {phases}.",
                              "This file has a Tahap column: {phases}."),
    "unggah.mode": ("Cara menyimpan", "How to store it"),
    "unggah.mode.replace": ("Ganti seluruh data tahap ini", "Replace the whole phase"),
    "unggah.mode.append": ("Tambahkan ke data tahap ini", "Append to the phase"),
    "unggah.mode.help": (
        "Ganti: berkas ini menjadi seluruh data tahap. Tambah: baris berkas ini ditambahkan; "
        "baris yang sudah tersimpan dianggap kesalahan. Data contoh selalu diganti.",
        "Replace: this file becomes the whole phase. Append: its rows are added; rows already "
        "stored count as errors. Sample data is always replaced.",
    ),
    "unggah.read": ("Dibaca: {file} — {kind}{sheet}, judul kolom di baris {header}.",
                    "Read: {file} — {kind}{sheet}, header in row {header}."),
    "unggah.read.sheet": (", lembar “{sheet}”", ", sheet “{sheet}”"),
    "unggah.mapping.title": ("Pemetaan kolom", "Column mapping"),
    "unggah.mapping.missing": (
        "Kolom wajib berikut tidak dikenali otomatis: {fields}. Pilih kolom berkas yang berisi "
        "datanya; pilihan ini diingat untuk unggahan berikutnya dengan judul kolom yang sama.",
        "These required columns were not recognised: {fields}. Pick the file's column that "
        "holds them; the choice is remembered for the next upload with the same headers.",
    ),
    "unggah.mapping.remembered": ("Memakai pemetaan kolom yang diingat dari unggahan sebelumnya.",
                                  "Using the column mapping remembered from an earlier upload."),
    "unggah.mapping.none": ("— pilih kolom —", "— choose a column —"),
    "unggah.mapping.apply": ("Pakai dan ingat pemetaan ini", "Use and remember this mapping"),
    "unggah.mapping.reset": ("Lupakan pemetaan manual", "Forget the manual mapping"),
    "unggah.mapping.table": ("Kolom yang dikenali", "Recognised columns"),
    "unggah.mapping.col.header": ("Judul kolom di berkas", "Header in the file"),
    "unggah.mapping.col.field": ("Dibaca sebagai", "Read as"),
    "unggah.mapping.ignored": ("(tidak dipakai)", "(not used)"),
    "unggah.summary.rows": ("Baris data", "Data rows"),
    "unggah.summary.errors": ("Kesalahan", "Errors"),
    "unggah.summary.warnings": ("Peringatan", "Warnings"),
    "unggah.skipped": (
        "Dilewati: {blank} baris kosong, {totals} baris jumlah, {notes} baris catatan.",
        "Skipped: {blank} blank rows, {totals} totals rows, {notes} note rows.",
    ),
    "unggah.invalid": (
        "Berkas ditolak: {errors} kesalahan. Tidak ada yang disimpan. Perbaiki baris-baris di "
        "bawah pada berkas Excel Anda, lalu unggah lagi.",
        "File rejected: {errors} errors. Nothing was stored. Fix the rows below in your Excel "
        "file and upload it again.",
    ),
    "unggah.valid": ("Berkas sah dan siap disimpan.", "The file is valid and ready to commit."),
    "unggah.errors.title": ("Kesalahan (wajib diperbaiki)", "Errors (must be fixed)"),
    "unggah.warnings.title": ("Peringatan (tidak menghalangi penyimpanan)",
                              "Warnings (do not block the commit)"),
    "unggah.issues.truncated": ("Ditampilkan {shown} dari {total}.", "Showing {shown} of {total}."),
    "unggah.col.row": ("Baris", "Row"),
    "unggah.col.column": ("Kolom", "Column"),
    "unggah.col.value": ("Isi sel", "Cell value"),
    "unggah.col.message": ("Keterangan", "Message"),
    "unggah.col.severity": ("Jenis", "Kind"),
    "unggah.severity.error": ("kesalahan", "error"),
    "unggah.severity.warning": ("peringatan", "warning"),
    "unggah.download.csv": ("Unduh daftar (CSV)", "Download the list (CSV)"),
    "unggah.download.xlsx": ("Unduh daftar (Excel)", "Download the list (Excel)"),
    "unggah.preview.title": ("Pratinjau data yang dinormalkan (50 baris pertama)",
                             "Preview of the normalised rows (first 50)"),
    "unggah.preview.source_row": ("Baris di berkas", "Row in the file"),
    "unggah.totals.title": ("Pencocokan baris jumlah", "Totals row check"),
    "unggah.totals.col.label": ("Baris jumlah", "Totals row"),
    "unggah.totals.col.stated": ("Tertulis", "Written"),
    "unggah.totals.col.computed": ("Dihitung", "Computed"),
    "unggah.totals.col.ok": ("Cocok", "Match"),
    "unggah.effect.title": ("Dampak bila disimpan", "Effect of committing"),
    "unggah.effect.phase": ("Tahap {phase}", "Phase {phase}"),
    "unggah.effect.enterprises": ("IKM", "Enterprises"),
    "unggah.effect.workers": ("Tenaga kerja", "Workers"),
    "unggah.effect.rows": ("Baris", "Rows"),
    "unggah.effect.sample": (
        "Tahap ini sekarang memakai data contoh (sintetis); unggahan ini menggantikannya.",
        "This phase now shows sample (synthetic) data; this upload replaces it.",
    ),
    "unggah.effect.unknown_products": ("Produk di luar daftar baku: {products}.",
                                       "Products outside the standard list: {products}."),
    "unggah.commit.title": ("Simpan", "Commit"),
    "unggah.commit.button": ("Simpan sebagai versi baru", "Commit as a new version"),
    "unggah.commit.need_phase": ("Pilih tahapnya dulu.", "Choose the phase first."),
    "unggah.commit.done": ("Tersimpan: versi {versions}. Semua halaman kini memakai data ini.",
                           "Committed: version {versions}. Every page now uses this data."),
    "unggah.commit.noop": (
        "Tidak ada perubahan: isi berkas ini sudah menjadi data Tahap {phase} saat ini (versi {version}).",
        "Nothing changed: this file's content is already phase {phase}'s current data (version {version}).",
    ),
    "unggah.commit.progress": ("Memeriksa dan menyimpan…", "Checking and committing…"),
    "unggah.checking": ("Membaca dan memeriksa berkas…", "Reading and checking the file…"),
    "unggah.history.title": ("Riwayat versi", "Version history"),
    "unggah.history.caption": (
        "Pulihkan: tahap versi itu dikembalikan seperti sesaat setelah versi itu disimpan; "
        "tahap lain tidak berubah, dan pemulihan dicatat sebagai versi baru.",
        "Restore: that version's phase goes back to how it was right after it; other phases "
        "are untouched, and the restore is recorded as a new version.",
    ),
    "unggah.history.pick": ("Versi yang dipulihkan", "Version to restore"),
    "unggah.history.rollback": ("Pulihkan versi ini", "Restore this version"),
    "unggah.history.option": ("{version} · Tahap {phase} · {mode} · {file} · {at}",
                              "{version} · phase {phase} · {mode} · {file} · {at}"),
    "unggah.history.done": ("Tahap {phase} dipulihkan ke {target} (versi baru {version}).",
                            "Phase {phase} restored to {target} (new version {version})."),
    "unggah.history.empty": ("Belum ada versi.", "No versions yet."),
    "unggah.history.enterprises": ("IKM", "Enterprises"),
    "unggah.history.sha": ("sha256", "sha256"),
    "unggah.sample.title": ("Data contoh", "Sample data"),
    "unggah.sample.present": (
        "Tahap {phases} masih memakai data contoh (sintetis).",
        "Phase {phases} still uses sample (synthetic) data.",
    ),
    "unggah.sample.remove": ("Hapus data contoh", "Remove the sample data"),
    "unggah.sample.removed": ("Data contoh dihapus (versi {versions}).", "Sample data removed (version {versions})."),
    "unggah.sample.absent": ("Tidak ada data contoh yang dipakai.", "No sample data in use."),
}
