"""Texts of the worker process that reads, checks and commits an upload: its progress line
and why it was stopped."""

MESSAGES = {
    "worker.elapsed": ("{seconds} detik (paling lama {limit} detik)", "{seconds} s (at most {limit} s)"),
    # -- reading and checking --------------------------------------------------------------
    "worker.check.too_slow.title": ("Pemeriksaan dihentikan", "Checking stopped"),
    "worker.check.too_slow": (
        "Pemeriksaan berkas ini melebihi {seconds} detik, jadi dihentikan. Bagi berkasnya (misalnya "
        "per kabupaten) lalu unggah bagian-bagiannya.",
        "Checking this file took more than {seconds} seconds, so it was stopped. Split the file "
        "(for example by regency) and upload the parts.",
    ),
    "worker.check.too_big.title": ("Pemeriksaan dihentikan", "Checking stopped"),
    "worker.check.too_big": (
        "Pemeriksaan berkas ini memerlukan memori lebih dari {memory} MB, jadi dihentikan. Bagi "
        "berkasnya (misalnya per kabupaten) lalu unggah bagian-bagiannya.",
        "Checking this file needs more than {memory} MB of memory, so it was stopped. Split the file "
        "(for example by regency) and upload the parts.",
    ),
    "worker.check.crashed.title": ("Pemeriksaan terhenti", "Checking broke off"),
    "worker.check.crashed": (
        "Pemeriksaan berkas ini berhenti tiba-tiba (kode {code}). Unggah lagi; bila terulang, bagi "
        "berkasnya atau hubungi pengelola dasbor.",
        "Checking this file broke off (code {code}). Upload it again; if it happens again, split the "
        "file or contact the dashboard's maintainer.",
    ),
    # -- committing ------------------------------------------------------------------------
    "worker.commit.too_slow.title": ("Penyimpanan dihentikan", "Saving stopped"),
    "worker.commit.too_slow": (
        "Penyimpanan melebihi {seconds} detik, jadi dihentikan. Data yang tersimpan tetap utuh: "
        "lihat di Riwayat versi apakah versi baru sudah tercatat sebelum mencoba lagi.",
        "Saving took more than {seconds} seconds, so it was stopped. The stored data is whole: check "
        "the version history for a new version before trying again.",
    ),
    "worker.commit.too_big.title": ("Penyimpanan dihentikan", "Saving stopped"),
    "worker.commit.too_big": (
        "Penyimpanan memerlukan memori lebih dari {memory} MB, jadi dihentikan. Data yang tersimpan "
        "tetap utuh. Bagi berkasnya (misalnya per kabupaten) lalu simpan bagian-bagiannya.",
        "Saving needs more than {memory} MB of memory, so it was stopped. The stored data is whole. "
        "Split the file (for example by regency) and save the parts.",
    ),
    "worker.commit.crashed.title": ("Penyimpanan terhenti", "Saving broke off"),
    "worker.commit.crashed": (
        "Penyimpanan berhenti tiba-tiba (kode {code}). Data yang tersimpan tetap utuh: lihat di "
        "Riwayat versi apakah versi baru sudah tercatat sebelum mencoba lagi.",
        "Saving broke off (code {code}). The stored data is whole: check the version history for a "
        "new version before trying again.",
    ),
}
