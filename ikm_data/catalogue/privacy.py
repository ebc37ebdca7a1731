"""Texts of personal data, the server's hardening, backups and the deployment."""

MESSAGES = {
    "privacy.bug.title": ("Maaf, halaman ini gagal dimuat", "Sorry, this page could not be loaded"),
    "privacy.bug.text": (
        "Terjadi kesalahan pada dasbor. Data tidak berubah. Muat ulang halaman; bila terulang, "
        "sampaikan kode {incident} kepada petugas TI (rinciannya ada di log server).",
        "The dashboard hit an error. No data was changed. Reload the page; if it happens again, "
        "give the code {incident} to the IT staff (the details are in the server log).",
    ),
}
MESSAGES.update({
    "privacy.backup.done": (
        "Cadangan ditulis: {out} ({files} berkas, {versions} versi, {size} MB). Berisi data pribadi: "
        "simpan di tempat yang hanya bisa dibaca petugas TI.",
        "Backup written: {out} ({files} files, {versions} versions, {size} MB). It holds personal data: "
        "keep it where only the IT staff can read it.",
    ),
    "privacy.backup.inside": (
        "Cadangan tidak boleh ditulis di dalam folder data ({root}): pilih tempat lain untuk {out}.",
        "A backup cannot be written inside the data folder ({root}): choose another place for {out}.",
    ),
    "privacy.restore.not_empty": (
        "Folder {target} tidak kosong: pulihkan cadangan ke folder baru yang kosong, lalu arahkan "
        "IKM_DATA_DIR ke sana.",
        "Folder {target} is not empty: restore the backup into a new, empty folder, then point "
        "IKM_DATA_DIR at it.",
    ),
    "privacy.restore.not_backup": (
        "{archive} bukan cadangan dasbor (arsip .tar.gz berisi state.json).",
        "{archive} is not a dashboard backup (a .tar.gz archive holding state.json).",
    ),
    "privacy.restore.done": (
        "Cadangan dipulihkan ke {target}: {files} berkas, {versions} versi.",
        "Backup restored into {target}: {files} files, {versions} versions.",
    ),
    "privacy.restore.healthy": (
        "Pemeriksaan penyimpanan: sehat.",
        "Store check: healthy.",
    ),
})
MESSAGES.update({
    "privacy.backup.inside.title": ("Cadangan tidak ditulis", "Backup not written"),
    "privacy.restore.not_empty.title": ("Pemulihan dibatalkan", "Restore cancelled"),
    "privacy.restore.not_backup.title": ("Pemulihan dibatalkan", "Restore cancelled"),
})
