"""Texts of reading an official's workbook: the sheet chosen by its header, NIK/NIB that
Excel stored as numbers, and which products an upload brings new."""

MESSAGES = {
    # -- the sheet chosen by its header ---------------------------------------------------
    "reading.sheet.auto": (
        "Lembar “{sheet}” dipilih otomatis karena judul kolomnya paling cocok ({found} dari "
        "{total} kolom wajib).",
        "Sheet “{sheet}” was chosen automatically because its column headers match best "
        "({found} of {total} required columns).",
    ),
    "reading.sheet.cli_hint": ("Lembar lain: --sheet \"NAMA LEMBAR\".",
                               "Another sheet: --sheet \"SHEET NAME\"."),
    # -- identifiers Excel stored as numbers -----------------------------------------------
    "reading.validate.nik.numeric": (
        "NIK ini tersimpan sebagai angka di Excel (“{value}”), bukan teks: Excel hanya "
        "menyimpan 15 digit, jadi digit terakhirnya bisa sudah hilang. Format kolom NIK "
        "sebagai Teks lalu ketik ulang NIK ini.",
        "This NIK was stored as a number by Excel (“{value}”), not as text: Excel keeps only "
        "15 digits, so its last digits may already be lost. Format the NIK column as Text and "
        "type this NIK again.",
    ),
    "reading.validate.nib.numeric": (
        "NIB ini tersimpan sebagai angka di Excel (“{value}”) dan kurang dari {digits} digit: "
        "angka 0 di depannya hilang. Format kolom NIB sebagai Teks lalu ketik ulang NIB ini.",
        "This NIB was stored as a number by Excel (“{value}”) and has fewer than {digits} "
        "digits: its leading zero was lost. Format the NIB column as Text and type this NIB "
        "again.",
    ),
    # -- products an upload brings ----------------------------------------------------------
    "reading.effect.new_to_programme": (
        "Produk yang belum pernah ada di tahap mana pun: {products}.",
        "Products not yet in any phase: {products}.",
    ),
    "reading.effect.new_to_phase": (
        "Produk baru di tahap ini (sudah ada di tahap lain): {products}.",
        "Products new to this phase (already in another phase): {products}.",
    ),
}
