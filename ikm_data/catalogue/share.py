"""Texts of sharing: links that carry the sidebar's filters ("Salin tautan") and the open-data
package (Frictionless Data Package) on Tentang Data and in the CLI."""

MESSAGES = {
    # links (ikm_data.links, ui.session)
    "share.copy": ("Salin tautan", "Copy link"),
    "share.copy.help": (
        "Tautan ke tampilan ini dengan tahap, wilayah, produk dan bahasanya; tanpa data pribadi",
        "A link to this view with its phase, regions, products and language; no personal data",
    ),
    "share.copied": ("Tautan disalin.", "Link copied."),
    "share.copy.manual": ("Tekan Ctrl+C untuk menyalin tautan ini.", "Press Ctrl+C to copy this link."),
    "share.ignored": (
        "Sebagian isi tautan tidak dikenali dan diabaikan ({what}); yang tampil: tampilan tanpa bagian itu.",
        "Part of the link was not recognised and was ignored ({what}); shown: the view without that part.",
    ),
    "share.param.tahap": ("tahap", "phase"),
    "share.param.kabupaten": ("kabupaten/kota", "regency/city"),
    "share.param.produk": ("produk", "product"),
    "share.param.lang": ("bahasa", "language"),
}
