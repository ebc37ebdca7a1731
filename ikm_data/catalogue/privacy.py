"""Texts of personal data, the server's hardening, backups and the deployment."""

MESSAGES = {
    "privacy.bug.title": ("Maaf, halaman ini gagal dimuat", "Sorry, this page could not be loaded"),
    "privacy.bug.text": (
        "Terjadi kesalahan pada dasbor. Data tidak berubah. Muat ulang halaman; bila terulang, "
        "sampaikan kode {incident} kepada petugas TI (rinciannya ada di log server).",
        "The dashboard hit an error. No data was changed. Reload the page; if it happens again, "
        "give the code {incident} to the IT staff (the details are in the server log).",
    ),
}
