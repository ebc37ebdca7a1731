"""Texts drawn over Streamlit's own English widget texts (file uploader, multiselect) by the
dashboard's stylesheet; Streamlit has no API to translate them."""

MESSAGES = {
    "widgets.uploader.button": ("Unggah berkas", "Upload a file"),
    "widgets.uploader.limit": ("Maks. {mb} MB per berkas", "Up to {mb} MB per file"),
    "widgets.uploader.drop": ("Lepaskan berkas di sini", "Drop the file here"),
    "widgets.select.all": ("Pilih semua", "Select all"),
    "widgets.select.matches": ("Pilih semua yang cocok", "Select all matches"),
    "widgets.select.none": ("Tidak ada hasil", "No results"),
}
