"""Texts of access: signing in and out, roles, accounts (the ``users`` command), the audit
log (its page and the ``audit`` command) and revealing one record's personal data."""

MESSAGES = {
    "nav.section.account": ("Akun", "Account"),
    # errors
    "ingest.title.AccessError": ("Akses ditolak", "Access refused"),
    "access.role.unknown": ("Peran “{role}” tidak dikenal; pilih salah satu: {roles}.",
                            "Unknown role “{role}”; choose one of: {roles}."),
    "access.name.bad": (
        "Nama pengguna “{name}” tidak sah: 2–64 huruf kecil, angka atau . _ - @ +, diawali huruf atau angka.",
        "The user name “{name}” is not valid: 2–64 lower-case letters, digits or . _ - @ +, starting with a "
        "letter or digit."),
    "access.password.short": ("Kata sandi terlalu pendek: paling sedikit {n} karakter.",
                              "The password is too short: at least {n} characters."),
    "access.password.long": ("Kata sandi terlalu panjang: paling banyak {n} karakter.",
                             "The password is too long: at most {n} characters."),
    "access.password.none": ("Tidak ada kata sandi pada masukan standar (satu baris).",
                             "No password on standard input (one line)."),
    "access.user.exists": ("Akun “{name}” sudah ada.", "The account “{name}” already exists."),
    "access.user.unknown": ("Tidak ada akun “{name}”.", "There is no account “{name}”."),
    # roles
    "access.role.viewer": ("Pengamat", "Viewer"),
    "access.role.uploader": ("Pengunggah", "Uploader"),
    "access.role.admin": ("Admin", "Admin"),
    "access.role.visitor": ("Pengunjung (belum masuk)", "Visitor (not signed in)"),
    # the sign-in page
    "access.page": ("Masuk", "Sign in"),
    "access.page.caption": (
        "Masuk untuk mengunggah data, mengembalikan versi atau mengelola dasbor. Melihat grafik tidak perlu masuk.",
        "Sign in to upload data, restore versions or manage the dashboard. Viewing the charts needs no sign-in."),
    "access.page.caption.required": ("Dasbor ini hanya untuk petugas yang sudah masuk.",
                                     "This dashboard is for signed-in officials only."),
    "access.name": ("Nama pengguna", "User name"),
    "access.password": ("Kata sandi", "Password"),
    "access.button": ("Masuk", "Sign in"),
    "access.wrong": ("Nama pengguna atau kata sandi salah.", "Wrong user name or password."),
    "access.locked": (
        "Terlalu banyak percobaan yang gagal: nama ini dikunci selama {minutes} menit. Coba lagi nanti, atau "
        "hubungi admin dasbor.",
        "Too many failed attempts: this name is locked for {minutes} minutes. Try again later, or ask the "
        "dashboard's admin."),
    "access.signed_in": ("Anda masuk sebagai **{user}** ({role}).", "You are signed in as **{user}** ({role})."),
    "access.ended": ("Sesi masuk Anda sudah berakhir (tidak aktif terlalu lama, atau keluar di jendela lain). "
                     "Silakan masuk lagi.",
                     "Your session has ended (idle too long, or signed out in another window). Please sign in again."),
    "access.signing_in": ("Berhasil masuk sebagai **{user}**. Membuka halaman…",
                          "Signed in as **{user}**. Opening the page…"),
    "access.signed_out": ("Anda sudah keluar.", "You have signed out."),
    "access.sign_out": ("Keluar", "Sign out"),
    "access.sidebar.user": ("Masuk sebagai **{user}** · {role}", "Signed in as **{user}** · {role}"),
    "access.sidebar.sign_in": ("Masuk", "Sign in"),
    "access.required": ("Silakan masuk dulu untuk melihat dasbor ini.", "Please sign in to see this dashboard."),
    "access.goto": ("Buka halaman Masuk", "Open the sign-in page"),
    "access.no_accounts": (
        "Belum ada akun. Admin server membuat akun pertama dengan perintah "
        "`python -m ikm_data users add NAMA --role admin` (kata sandi dibaca dari masukan standar).",
        "There are no accounts yet. The server's admin makes the first one with "
        "`python -m ikm_data users add NAME --role admin` (the password is read from standard input)."),
    "access.oidc.button": ("Masuk dengan akun kantor", "Sign in with the office account"),
    "access.oidc.missing": (
        "Masuk dengan akun kantor (OIDC) diaktifkan tetapi belum siap di server ini: {why}",
        "Signing in with the office account (OIDC) is switched on but not ready on this server: {why}"),
    "access.oidc.no_authlib": ("paket Authlib belum terpasang.", "the Authlib package is not installed."),
    "access.oidc.no_config": ("bagian [auth] di .streamlit/secrets.toml belum ada.",
                              "the [auth] section of .streamlit/secrets.toml is missing."),
    # what a role may not do
    "access.upload.need": (
        "Mengunggah data, mengembalikan versi dan menghapus data contoh memerlukan akun **pengunggah**. "
        "Masuk dulu; akun dibuat oleh admin dasbor.",
        "Uploading data, restoring versions and removing the sample need an **uploader** account. Sign in "
        "first; accounts are made by the dashboard's admin."),
    "access.upload.author": ("Dicatat di riwayat atas nama **{user}** (akun yang masuk).",
                             "Recorded in the history under **{user}** (the signed-in account)."),
    "access.sample.need": ("Menghapus data contoh memerlukan akun pengunggah.",
                           "Removing the sample needs an uploader account."),
    # revealing one record (Direktori, admin)
    "access.reveal.title": ("Lihat data pribadi satu IKM (admin)", "See one enterprise's personal data (admin)"),
    "access.reveal.caption": (
        "NIK, nomor HP dan nama pemilik hanya dibuka untuk satu IKM sekaligus, dan setiap pembukaan dicatat di "
        "log audit.",
        "NIK, phone number and owner name are opened for one enterprise at a time, and each opening is "
        "recorded in the audit log."),
    "access.reveal.pick": ("IKM di halaman ini", "Enterprise on this page"),
    "access.reveal.option": ("{name} (baris {row}, Tahap {phase})", "{name} (row {row}, Phase {phase})"),
    "access.reveal.button": ("Buka data pribadi", "Open personal data"),
    "access.reveal.none": ("Data ini tidak lagi ada (data sudah berubah).", "This record is gone (the data changed)."),
    "access.audit.need": ("Log audit hanya untuk admin.", "The audit log is for admins only."),
    # the audit log page and command
    "audit.page": ("Log Audit", "Audit log"),
    "audit.caption": (
        "Siapa melakukan apa dan kapan: masuk, keluar, pemeriksaan berkas, unggahan, pengembalian versi, "
        "penghapusan, unduhan, pembukaan data pribadi dan perubahan akun. Waktu dalam WITA.",
        "Who did what and when: sign-ins, sign-outs, file checks, uploads, rollbacks, removals, downloads, "
        "openings of personal data and account changes. Times in WITA."),
    "audit.filter.since": ("Sejak tanggal", "Since"),
    "audit.filter.until": ("Sampai tanggal", "Until"),
    "audit.filter.event": ("Kejadian", "Event"),
    "audit.filter.user": ("Pengguna", "User"),
    "audit.filter.all": ("Semua", "All"),
    "audit.page_no": ("Halaman (dari {pages})", "Page (of {pages})"),
    "audit.showing": ("Kejadian {first}–{last} dari {total}, terbaru di atas.",
                      "Events {first}–{last} of {total}, newest first."),
    "audit.empty": ("Tidak ada kejadian yang cocok.", "No matching events."),
    "audit.col.at": ("Waktu (WITA)", "Time (WITA)"),
    "audit.col.user": ("Pengguna", "User"),
    "audit.col.event": ("Kejadian", "Event"),
    "audit.col.detail": ("Rincian", "Details"),
    "audit.col.os_user": ("Pengguna sistem", "OS user"),
    "audit.cli.line": ("{at}  {user}  {event}  {detail}", "{at}  {user}  {event}  {detail}"),
    "audit.cli.empty": ("Log audit kosong.", "The audit log is empty."),
    "audit.event.sign_in": ("masuk", "signed in"),
    "audit.event.sign_in_failed": ("gagal masuk", "sign-in failed"),
    "audit.event.sign_out": ("keluar", "signed out"),
    "audit.event.locked": ("nama dikunci", "name locked"),
    "audit.event.validate": ("memeriksa berkas", "checked a file"),
    "audit.event.commit": ("menyimpan versi", "committed a version"),
    "audit.event.rollback": ("mengembalikan versi", "rolled back"),
    "audit.event.remove_phase": ("mengosongkan tahap", "emptied a phase"),
    "audit.event.remove_sample": ("menghapus data contoh", "removed the sample"),
    "audit.event.repair": ("memperbaiki penyimpanan", "repaired the store"),
    "audit.event.export": ("mengunduh", "downloaded"),
    "audit.event.reveal": ("membuka data pribadi", "opened personal data"),
    "audit.event.user_added": ("akun dibuat", "account added"),
    "audit.event.role_changed": ("peran diubah", "role changed"),
    "audit.event.user_disabled": ("akun dinonaktifkan", "account disabled"),
    "audit.event.user_enabled": ("akun diaktifkan", "account enabled"),
    "audit.event.password_changed": ("kata sandi diganti", "password changed"),
    "audit.field.phase": ("tahap", "phase"),
    "audit.field.version": ("versi", "version"),
    "audit.field.target": ("dari versi", "from version"),
    "audit.field.file": ("berkas", "file"),
    "audit.field.sha256": ("sha256", "sha256"),
    "audit.field.mode": ("mode", "mode"),
    "audit.field.rows": ("baris", "rows"),
    "audit.field.row": ("baris", "row"),
    "audit.field.account": ("akun", "account"),
    "audit.field.role": ("peran", "role"),
    "audit.field.format": ("format", "format"),
    "audit.field.what": ("isi", "what"),
    "audit.field.via": ("lewat", "via"),
    "audit.field.os_user": ("pengguna sistem", "OS user"),
    "audit.since.bad": ("Tanggal “{value}” tidak dikenali: tulis sebagai TTTT-BB-HH.",
                        "The date “{value}” is not recognised: write it as YYYY-MM-DD."),
    # the users command
    "users.added": ("Akun {name} dibuat dengan peran {role}.", "Account {name} added with role {role}."),
    "users.role_set": ("Peran {name} sekarang {role}.", "{name}'s role is now {role}."),
    "users.disabled": ("Akun {name} dinonaktifkan; sesi masuknya ({n}) diakhiri.",
                       "Account {name} disabled; its sessions ({n}) ended."),
    "users.enabled": ("Akun {name} diaktifkan kembali.", "Account {name} enabled again."),
    "users.password_set": ("Kata sandi {name} diganti; sesi masuknya ({n}) diakhiri.",
                           "{name}'s password changed; its sessions ({n}) ended."),
    "users.none": ("Belum ada akun.", "No accounts yet."),
    "users.line": ("{name}  {role}{disabled}{password}", "{name}  {role}{disabled}{password}"),
    "users.line.disabled": ("  (nonaktif)", "  (disabled)"),
    "users.line.oidc": ("  (hanya akun kantor/OIDC)", "  (office account/OIDC only)"),
}
