"""Texts drawn over Streamlit's own English widget texts (file uploader, multiselect) by the
dashboard's stylesheet; Streamlit has no API to translate them."""

MESSAGES = {
    "phone.uploader.button": ("Unggah berkas", "Upload a file"),
    "phone.uploader.limit": ("Maks. {mb} MB per berkas", "Up to {mb} MB per file"),
    "phone.uploader.drop": ("Lepaskan berkas di sini", "Drop the file here"),
    "phone.select.all": ("Pilih semua", "Select all"),
    "phone.select.matches": ("Pilih semua yang cocok", "Select all matches"),
    "phone.select.none": ("Tidak ada hasil", "No results"),
}
