"""Texts of a commit refused because another upload changed the phase while the file was
being checked (the store decides again under its lock)."""

MESSAGES = {
    "race.duplicate": (
        "Baris ini sudah disimpan oleh unggahan lain ({version}, {file}) saat berkas Anda "
        "diperiksa: IKM ini dengan produk {product} kini ada di Tahap {phase} (baris {stored_row} "
        "berkas itu). Berkas Anda tidak disimpan; hapus baris ini lalu unggah lagi.",
        "This row was stored by another upload ({version}, {file}) while your file was being "
        "checked: this enterprise with product {product} is now in phase {phase} (row {stored_row} "
        "of that file). Your file was not stored; remove this row and upload again.",
    ),
    "race.phase_moved": (
        "Tahap {phase} berubah saat berkas Anda diperiksa: kini {version} ({file}, oleh {user}). "
        "Mengganti sekarang akan menimpa perubahan itu tanpa Anda lihat.",
        "Phase {phase} changed while your file was being checked: it is now {version} ({file}, "
        "by {user}). Replacing it now would overwrite that change unseen.",
    ),
    "race.append_refused": (
        "{count} baris berkas Anda sudah disimpan oleh unggahan lain ({versions}) saat berkas Anda "
        "diperiksa. Tidak ada yang disimpan; daftar di bawah menyebut barisnya.",
        "{count} rows of your file were stored by another upload ({versions}) while your file was "
        "being checked. Nothing was stored; the list below names the rows.",
    ),
    "race.append_refused.title": ("Unggahan lain lebih dulu", "Another upload came first"),
    "race.replace_refused": (
        "Tahap {phases} berubah oleh unggahan lain saat berkas Anda diperiksa. Tidak ada yang "
        "disimpan; periksa lagi dampaknya, lalu simpan bila tetap ingin mengganti.",
        "Phase {phases} was changed by another upload while your file was being checked. Nothing "
        "was stored; check the effect again, then save if you still want to replace it.",
    ),
    "race.replace_refused.title": ("Unggahan lain lebih dulu", "Another upload came first"),
}
