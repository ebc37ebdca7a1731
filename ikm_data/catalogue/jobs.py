"""Texts of long work that outlives its page (``ikm_data.jobs``): a commit or a deck build
going on after the official left, how it ended, and why a second commit must wait."""

MESSAGES = {
    # -- a commit in progress, seen on Unggah Data (also after leaving and coming back) -----
    "jobs.import.queued": (
        "Menyimpan “{file}” ke Tahap {phases}… dimulai {at}.",
        "Saving “{file}” to Phase {phases}… started {at}.",
    ),
    "jobs.import.running": (
        "Menyimpan “{file}” ke Tahap {phases}… {elapsed}. Halaman ini boleh ditinggal atau ditutup: "
        "penyimpanan berjalan terus, hasilnya tampil di sini saat Anda kembali.",
        "Saving “{file}” to Phase {phases}… {elapsed}. You may leave or close this page: saving goes "
        "on, and its result shows here when you come back.",
    ),
    "jobs.import.done": (
        "“{file}” tersimpan: versi {versions} ({at}).",
        "“{file}” was saved: version {versions} ({at}).",
    ),
    "jobs.import.recovered": (
        "“{file}” tersimpan utuh sebagai versi {versions}, meskipun server dimulai ulang sesudahnya.",
        "“{file}” was saved whole as version {versions}, although the server restarted afterwards.",
    ),
    "jobs.import.failed": (
        "Penyimpanan “{file}” ({at}) tidak berhasil:",
        "Saving “{file}” ({at}) did not succeed:",
    ),
    # -- a second commit to the same phase ---------------------------------------------------
    "jobs.busy.title": ("Tahap ini sedang disimpan", "This phase is being saved"),
    "jobs.busy": (
        "Tahap {phase} sedang disimpan oleh {who} (berkas “{file}”, dimulai {at} UTC). Dua "
        "penyimpanan ke satu tahap tidak pernah berjalan bersamaan: tunggu sampai selesai, lalu "
        "periksa berkas Anda lagi — hasilnya akan dihitung terhadap data yang baru.",
        "Phase {phase} is being saved by {who} (file “{file}”, started {at} UTC). Two saves to one "
        "phase never run at once: wait until it ends, then check your file again — it will be "
        "checked against the new data.",
    ),
    # -- a job whose server stopped --------------------------------------------------------
    "jobs.interrupted.title": ("Pekerjaan terhenti", "Work interrupted"),
    "jobs.interrupted": (
        "Server dimulai ulang saat pekerjaan ini berjalan, jadi pekerjaan ini dihentikan. Tidak ada "
        "yang tersimpan setengah jalan: data tetap seperti sebelumnya. Ulangi bila masih diperlukan.",
        "The server restarted while this work was running, so it was stopped. Nothing was half "
        "saved: the data is as it was before. Do it again if it is still needed.",
    ),
    "jobs.bug.title": ("Pekerjaan gagal", "The work failed"),
    "jobs.bug": (
        "Terjadi kesalahan program (kode insiden {incident}). Data tetap seperti sebelumnya; "
        "sampaikan kode ini kepada pengelola dasbor.",
        "A program error occurred (incident code {incident}). The data is as it was before; give "
        "this code to the dashboard's maintainer.",
    ),
    # -- a deck being built (Presentasi) ------------------------------------------------------
    "jobs.deck.running": (
        "Sedang disiapkan — boleh berpindah halaman; berkasnya tetap disiapkan dan menunggu di sini.",
        "Being prepared — you may switch pages; the file is still prepared and waits here.",
    ),
    "jobs.deck.failed": ("Berkas tidak bisa disiapkan:", "The file could not be prepared:"),
    "jobs.deck.again": ("Coba lagi", "Try again"),
}
