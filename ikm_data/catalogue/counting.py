"""Texts of the counting rules: worker figures that only a published group knows."""

MESSAGES = {
    "counting.part_suffix": ("sebagian kelompok", "part of the group"),
    "counting.split_unknown": (
        "Pembagian tenaga kerja {products} dalam kelompok {group} tidak diketahui (data contoh "
        "hanya tahu angka kelompok); kelompok itu: {n}.",
        "How many of the workers of {group} belong to {products} is unknown (the sample knows "
        "only the group's figure); the whole group: {n}.",
    ),
    "counting.workers_unknown": (
        "Tenaga kerja: – karena pilihan produk memuat sebagian kelompok yang pembagiannya tidak "
        "diketahui.",
        "Workers: – because the product choice holds part of a group whose split is unknown.",
    ),
}
