"""Texts of the presentation fixes: what the slides say about the source of their figures
(an upload's date; the workers of an uploaded phase, with or without a release)."""

MESSAGES = {
    # title slide: an upload's date is when it was uploaded, not a release date
    # workforce slide: what the workers per group are, by the phase's source
    "present.fix.workforce.title.products": ("Tenaga kerja per produk", "Workers by product"),
    "present.fix.workforce.upload": (
        "Tenaga kerja dari baris data unggahan, dihitung sekali per IKM; IKM yang memasok dua "
        "produk tercatat pada keduanya.",
        "Workers from the uploaded rows, counted once per enterprise; an enterprise supplying two "
        "products appears under both.",
    ),
    "present.fix.workforce.upload_grouped": (
        "Tenaga kerja dari baris data unggahan, dihitung sekali per IKM dalam tiap kelompok; "
        "kelompok produk mengikuti rilis Dinas (misalnya Teh Kelor, Serbat Jahe dan Gula Semut "
        "bersama-sama).",
        "Workers from the uploaded rows, counted once per enterprise in each group; the product "
        "groups follow the department's release (e.g. moringa tea, ginger drink and palm-sugar "
        "crystals together).",
    ),
}
