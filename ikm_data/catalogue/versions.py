"""Texts of what a version records (the data's date, the programme), removing a phase and
the confirmations before a destructive action."""

MESSAGES = {
    # the data's date and the programme: checks
    "versions.as_of.bad": (
        "Tanggal data “{value}” tidak dikenali: tulis sebagai TTTT-BB-HH, misalnya 2020-07-13.",
        "The data date “{value}” is not recognised: write it as YYYY-MM-DD, e.g. 2020-07-13.",
    ),
    "versions.as_of.bad.title": ("Tanggal data tidak sah", "Invalid data date"),
    "versions.as_of.future": (
        "Tanggal data {value} belum tiba: data hanya bisa per hari ini atau sebelumnya.",
        "The data date {value} is in the future: data can only be as of today or earlier.",
    ),
    "versions.as_of.future.title": ("Tanggal data tidak sah", "Invalid data date"),
    "versions.programme.empty": ("Nama program tidak boleh kosong (misalnya JPS Gemilang).",
                                 "The programme name cannot be empty (e.g. JPS Gemilang)."),
    "versions.programme.empty.title": ("Nama program kosong", "No programme name"),
    "versions.programme.long": ("Nama program terlalu panjang: paling banyak {limit} huruf.",
                                "The programme name is too long: at most {limit} characters."),
    "versions.programme.long.title": ("Nama program terlalu panjang", "Programme name too long"),
    # how a version's date is named wherever figures are shown
    "versions.when.as_of": ("data per {date}", "data as of {date}"),
    "versions.when.uploaded": ("diunggah {date}", "uploaded {date}"),
    "versions.title.uploaded": ("Data per: tanggal data tidak dicatat ({as_of})",
                                "Data as of: date not recorded ({as_of})"),
    "versions.history.as_of": ("Data per", "Data as of"),
    "versions.history.programme": ("Program", "Programme"),
    "versions.cli.as_of": (", data per {date}", ", data as of {date}"),
    # the Unggah Data page: the commit
    "versions.unggah.as_of": ("Data per tanggal", "Data as of (date)"),
    "versions.unggah.as_of.help": (
        "Tanggal keadaan data di berkas (misalnya tanggal rekap dinas), bukan hari ini. "
        "Grafik dan slide menampilkannya sebagai “Data per …”.",
        "The date the file's data describes (e.g. the date of the department's tally), not "
        "today. Charts and slides show it as “Data as of …”.",
    ),
    "versions.unggah.need_as_of": ("Isi tanggal data (Data per tanggal) dulu.",
                                   "Fill in the data date (Data as of) first."),
    "versions.unggah.programme": ("Program", "Programme"),
    "versions.unggah.programme.help": ("Program tempat data ini berasal; tampil di judul slide.",
                                       "The programme the data belongs to; shown on the title slide."),
    # confirmations before a destructive action
    "versions.rollback.confirm": (
        "Saya mengerti: Tahap {phase} akan menampilkan data seperti setelah {target} — "
        "{rows} baris, {enterprises} IKM, {workers} tenaga kerja.",
        "I understand: Phase {phase} will show the data as it was after {target} — "
        "{rows} rows, {enterprises} enterprises, {workers} workers.",
    ),
    "versions.rollback.confirm_empty": (
        "Saya mengerti: Tahap {phase} akan kosong, seperti setelah {target}.",
        "I understand: Phase {phase} will be empty, as it was after {target}.",
    ),
    "versions.sample.confirm": (
        "Saya mengerti: Tahap {phases} akan kosong sampai data asli diunggah (bisa dipulihkan dari riwayat).",
        "I understand: Phase {phases} will be empty until the real data is uploaded (it can be "
        "restored from the history).",
    ),
    # removing a phase
    "versions.remove.title": ("Hapus tahap", "Remove a phase"),
    "versions.remove.caption": (
        "Untuk tahap yang keliru (misalnya salah ketik 44): datanya dikosongkan sebagai versi baru, "
        "jadi bisa dipulihkan dari riwayat di atas.",
        "For a phase made by mistake (e.g. 44 typed for 4): its data is emptied as a new version, "
        "so it can be restored from the history above.",
    ),
    "versions.remove.pick": ("Tahap yang dihapus", "Phase to remove"),
    "versions.remove.option": ("Tahap {phase} · {version} · {file}", "Phase {phase} · {version} · {file}"),
    "versions.remove.confirm": (
        "Saya mengerti: Tahap {phase} ({version}: {rows} baris, {enterprises} IKM, {workers} tenaga "
        "kerja) akan dikosongkan.",
        "I understand: Phase {phase} ({version}: {rows} rows, {enterprises} enterprises, {workers} "
        "workers) will be emptied.",
    ),
    "versions.remove.button": ("Hapus tahap ini", "Remove this phase"),
    "versions.remove.done": (
        "Tahap {phase} dikosongkan (versi baru {version}); pulihkan versi sebelumnya dari riwayat bila keliru.",
        "Phase {phase} emptied (new version {version}); restore the version before it from the "
        "history if this was a mistake.",
    ),
    "versions.remove.none": ("Belum ada tahap dengan data yang bisa dihapus.",
                             "No phase holds data that could be removed."),
    "versions.remove.published_only": (
        "Tahap {phase} hanya punya angka rilis Dinas Perindustrian NTB: itu data rujukan, bukan "
        "unggahan, dan tidak bisa dihapus. Tidak ada yang dihapus.",
        "Phase {phase} has only the NTB Industry Department's published figures: they are reference "
        "data, not an upload, and cannot be removed. Nothing was removed.",
    ),
    "versions.remove.published_note": (
        "Tahap {phases} hanya punya angka rilis Dinas (data rujukan, bukan unggahan): tidak bisa dihapus.",
        "Phase {phases} has only the department's published figures (reference data, not an "
        "upload): they cannot be removed.",
    ),
    "versions.remove.nothing": ("Tahap {phase} tidak punya data untuk dihapus. Tidak ada yang dihapus.",
                                "Phase {phase} holds no data to remove. Nothing was removed."),
}
