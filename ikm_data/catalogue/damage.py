"""Texts of a damaged store (what is wrong, the last good version, how to recover), its
repair, ``check-store``, a failed write (disk full) and the store's refusals."""

MESSAGES = {
    # the panel and the error
    "damage.title": ("Penyimpanan data rusak", "The data store is damaged"),
    "damage.intro": ("Dasbor tidak bisa membaca data yang tersimpan:",
                     "The dashboard cannot read the stored data:"),
    "damage.last_good": ("Versi terakhir yang terbaca: {versions}.", "Last readable version: {versions}."),
    "damage.last_good.phase": ("Tahap {phase}: {version}", "Phase {phase}: {version}"),
    "damage.last_good.empty": ("Tahap {phase}: {version} (kosong)", "Phase {phase}: {version} (empty)"),
    "damage.last_good.none": ("Tahap {phase}: tidak ada", "Phase {phase}: none"),
    "damage.how": (
        "Cara memulihkan: buka halaman Unggah Data dan tekan “Perbaiki penyimpanan”, atau jalankan "
        "python -m ikm_data check-store --repair. Tidak ada data yang dihapus: berkas yang rusak "
        "disimpan di sampingnya, dan tiap tahap yang rusak kembali ke versi terakhir yang terbaca.",
        "To recover: open the Unggah Data page and press “Perbaiki penyimpanan” (repair the store), "
        "or run python -m ikm_data check-store --repair. No data is deleted: damaged files are kept "
        "beside it, and each damaged phase goes back to its last readable version.",
    ),
    "damage.how.here": (
        "Cara memulihkan: tekan “Perbaiki penyimpanan” di bawah ini, atau jalankan python -m ikm_data "
        "check-store --repair. Tidak ada data yang dihapus: berkas yang rusak disimpan di sampingnya, "
        "dan tiap tahap yang rusak kembali ke versi terakhir yang terbaca.",
        "To recover: press “Perbaiki penyimpanan” (repair the store) below, or run python -m ikm_data "
        "check-store --repair. No data is deleted: damaged files are kept beside it, and each damaged "
        "phase goes back to its last readable version.",
    ),
    "damage.goto": ("Buka Unggah Data untuk memperbaiki", "Open Unggah Data to repair"),
    "damage.sidebar": ("Filter tidak tersedia: penyimpanan data rusak.",
                       "Filters unavailable: the data store is damaged."),
    # the problems
    "damage.where.current": ("Tahap {phase}, data yang ditampilkan sekarang",
                             "Phase {phase}, the data shown now"),
    "damage.where.older": ("Tahap {phase}, versi lama", "Phase {phase}, an older version"),
    "damage.state.unreadable": ("state.json rusak: isinya tidak bisa dibaca ({detail}).",
                                "state.json is damaged: it cannot be read ({detail})."),
    "damage.state.empty": ("state.json rusak: berkasnya kosong.", "state.json is damaged: the file is empty."),
    "damage.state.structure": (
        "state.json rusak: isinya bukan keadaan penyimpanan yang dikenal ({detail}).",
        "state.json is damaged: it does not hold a store state this dashboard knows ({detail}).",
    ),
    "damage.state.missing": ("state.json hilang, padahal ada {count} versi tersimpan.",
                             "state.json is missing, although {count} versions are stored."),
    "damage.version.folder": ("versi {version} ({where}) hilang: foldernya tidak ada.",
                              "version {version} ({where}) is missing: its folder is gone."),
    "damage.version.parquet": ("versi {version} ({where}) hilang berkas Parquet-nya.",
                               "version {version} ({where}) has lost its Parquet file."),
    "damage.version.parquet_bad": ("berkas Parquet versi {version} ({where}) rusak ({detail}).",
                                   "the Parquet file of version {version} ({where}) is damaged ({detail})."),
    "damage.version.meta": ("versi {version} hilang meta.json-nya.", "version {version} has lost its meta.json."),
    "damage.version.meta_bad": ("meta.json versi {version} rusak.", "the meta.json of version {version} is damaged."),
    "damage.version.lost": (
        "versi {version} tidak bisa dipakai: meta.json dan berkas Parquet-nya tidak terbaca.",
        "version {version} cannot be used: neither its meta.json nor its Parquet file can be read.",
    ),
    "damage.version.unreadable": ("data {version} tidak bisa dibaca ({detail}).",
                                  "the data of {version} cannot be read ({detail})."),
    # the repair
    "damage.repair.button": ("Perbaiki penyimpanan", "Repair the store"),
    "damage.repair.help": (
        "Membangun ulang state.json bila rusak dan mengembalikan tiap tahap yang rusak ke versi terakhir "
        "yang terbaca (sebagai versi baru di riwayat). Tidak ada berkas yang dihapus.",
        "Rebuilds state.json when it is damaged and puts each damaged phase back to its last readable "
        "version (as a new version in the history). No file is deleted.",
    ),
    "damage.repair.done": ("Penyimpanan diperbaiki: {actions}", "Store repaired: {actions}"),
    "damage.repair.still": ("Masih ada masalah setelah perbaikan: {problems}",
                            "Problems remain after the repair: {problems}"),
    "damage.repair.state_rebuilt": (
        "state.json dibangun ulang dari {count} versi; berkas lama disimpan sebagai {kept}.",
        "state.json rebuilt from {count} versions; the old file is kept as {kept}.",
    ),
    "damage.repair.state_written": ("state.json dibangun ulang dari {count} versi.",
                                    "state.json rebuilt from {count} versions."),
    "damage.repair.meta_written": ("meta.json versi {version} ditulis ulang dari riwayat.",
                                   "the meta.json of version {version} rewritten from the history."),
    "damage.repair.meta_rebuilt": ("meta.json versi {version} disusun dari berkas Parquet-nya.",
                                   "the meta.json of version {version} rebuilt from its Parquet file."),
    "damage.repair.rolled_back": (
        "Tahap {phase}: {bad} tidak terbaca, versi baru {version} memulihkan {target}.",
        "Phase {phase}: {bad} cannot be read, new version {version} restores {target}.",
    ),
    "damage.repair.emptied": (
        "Tahap {phase}: tidak ada versi yang terbaca, versi baru {version} mengosongkan tahap ini.",
        "Phase {phase}: no readable version, new version {version} empties this phase.",
    ),
    "damage.repair.note": ("perbaikan: {bad} tidak terbaca, dipulihkan ke {target}",
                           "repair: {bad} unreadable, restored to {target}"),
    "damage.repair.note_empty": ("perbaikan: {bad} tidak terbaca, tidak ada versi yang terbaca",
                                 "repair: {bad} unreadable, no readable version"),
    "damage.repair.nothing": ("Tidak ada yang perlu diperbaiki.", "Nothing to repair."),
    # python -m ikm_data check-store
    "damage.check.ok": ("Penyimpanan sehat: {versions} versi, {phases} tahap dengan data.",
                        "The store is healthy: {versions} versions, {phases} phases with data."),
    "damage.check.found": ("{count} masalah ditemukan:", "{count} problems found:"),
    "damage.check.notes": ("Catatan (tidak menghalangi dasbor):", "Notes (the dashboard still works):"),
    "damage.check.would": ("check-store --repair akan:", "check-store --repair would:"),
    "damage.check.did": ("Diperbaiki:", "Repaired:"),
    # the store's refusals (named errors)
    "ingest.title.StoreError": ("Penyimpanan menolak", "The store refused"),
    "ingest.title.UnknownVersion": ("Versi tidak dikenal", "Unknown version"),
    "ingest.title.WriteFailed": ("Data tidak tersimpan", "The data was not saved"),
    "store.mode_unknown": ("Mode “{mode}” tidak dikenal (replace atau append).",
                           "Unknown mode “{mode}” (replace or append)."),
    # notes recorded in the history (always in Indonesian: they are stored once)
    "store.note.sample": ("data contoh (sintetis)", "sample data (synthetic)"),
    "store.note.rollback": ("rollback ke {version}", "rollback to {version}"),
    "store.note.sample_removed": ("data contoh dihapus", "sample data removed"),
    "store.note.phase_removed": ("tahap {phase} dihapus", "phase {phase} removed"),
    "store.no_phase": ("Tidak ada tahap untuk disimpan.", "No phase to store."),
    "store.phase_invalid": ("Tahap {phase} tidak valid (1 sampai 99).", "Phase {phase} is not valid (1 to 99)."),
    "store.version_unknown": ("Versi {version} tidak ada di riwayat.", "Version {version} is not in the history."),
    "store.version_unreadable": (
        "Versi {version} tidak bisa dipulihkan: datanya hilang atau rusak. Pilih versi lain dari riwayat.",
        "Version {version} cannot be restored: its data is missing or damaged. Pick another version "
        "from the history.",
    ),
    "store.write.disk_full": (
        "disk penuh: versi baru tidak tersimpan dan data yang ada tidak berubah. Perlu ruang kosong sekitar "
        "{need} MB di {path}; kosongkan ruang lalu coba lagi. ({detail})",
        "disk full: the new version was not saved and the stored data is unchanged. About {need} MB of "
        "free space is needed in {path}; free some space and try again. ({detail})",
    ),
    "store.write.read_only": (
        "disk hanya-baca: versi baru tidak tersimpan dan data yang ada tidak berubah. Minta pengelola "
        "server mengizinkan penulisan di {path}. ({detail})",
        "read-only disk: the new version was not saved and the stored data is unchanged. Ask the server's "
        "administrator to allow writing in {path}. ({detail})",
    ),
    "store.write.io": (
        "gagal menulis ke disk: versi baru tidak tersimpan dan data yang ada tidak berubah. Periksa disk "
        "di {path} lalu coba lagi. ({detail})",
        "writing to disk failed: the new version was not saved and the stored data is unchanged. Check "
        "the disk of {path} and try again. ({detail})",
    ),
}
