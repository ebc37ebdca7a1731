"""Texts of the returning participants (Peserta berulang, on Perbandingan Tahap)."""

MESSAGES = {
    "returning.title": ("Peserta berulang", "Returning participants"),
    "returning.rule": (
        "IKM dua tahap dianggap sama bila NIB-nya sama; bila salah satunya tidak ber-NIB, bila nama "
        "(tanpa membedakan huruf besar/kecil, spasi dan tanda baca) dan kabupaten/kotanya sama.",
        "Two phases' enterprises are taken to be the same when they have the same NIB; where one of "
        "them has no NIB, when their names (ignoring case, spacing and punctuation) and regencies are "
        "the same.",
    ),
    "returning.count": (
        "**{n}** IKM ikut di lebih dari satu tahap ({by_nib} dicocokkan dengan NIB, {by_name} dengan "
        "nama + kabupaten/kota), dibandingkan antara {phases}.",
        "**{n}** enterprises took part in more than one phase ({by_nib} matched by NIB, {by_name} by "
        "name + regency), comparing {phases}.",
    ),
    "returning.count.filtered": ("Cakupan: {what}.", "Scope: {what}."),
    "returning.none": (
        "Belum ada IKM yang ikut di lebih dari satu tahap di antara {phases}.",
        "No enterprise has taken part in more than one phase among {phases} yet.",
    ),
    "returning.none.filtered": (
        "Dengan filter ini, tidak ada IKM yang ikut di lebih dari satu tahap di antara {phases}.",
        "With these filters, no enterprise took part in more than one phase among {phases}.",
    ),
    "returning.empty.none": (
        "Perlu data peserta per IKM dari sedikitnya dua tahap untuk melihat IKM yang ikut lebih dari "
        "sekali. Belum ada tahap dengan data peserta hasil unggahan; unggah datanya di halaman Unggah Data.",
        "Participant data of at least two phases is needed to see which enterprises took part more "
        "than once. No phase has uploaded participant data yet; upload it on the Upload Data page.",
    ),
    "returning.empty.one": (
        "Perlu data peserta per IKM dari sedikitnya dua tahap untuk melihat IKM yang ikut lebih dari "
        "sekali. Saat ini hanya {phase} yang punya data peserta hasil unggahan; unggah data tahap lain "
        "di halaman Unggah Data.",
        "Participant data of at least two phases is needed to see which enterprises took part more "
        "than once. Only {phase} has uploaded participant data now; upload another phase's data on the "
        "Upload Data page.",
    ),
    "returning.sample_left_out": (
        "Data contoh (sintetis) {phases} tidak ikut dicocokkan: IKM-nya rekaan.",
        "The synthetic sample data of {phases} is not matched: its enterprises are invented.",
    ),
    "returning.and": ("dan", "and"),
    "returning.col.phases": ("Ikut di", "Took part in"),
    "returning.col.matched": ("Dicocokkan dengan", "Matched by"),
    "returning.col.workers": ("TK Tahap {phase}", "Workers, phase {phase}"),
    "returning.matched.nib": ("NIB", "NIB"),
    "returning.matched.name": ("Nama + kabupaten/kota", "Name + regency"),
    "returning.workers_note": (
        "TK = tenaga kerja IKM itu di tahap tersebut, dihitung sekali per IKM; – bila IKM tidak ikut di "
        "tahap itu. Data pribadi (pemilik, NIK, nomor HP) tidak ditampilkan.",
        "Workers = the enterprise's workers in that phase, counted once per enterprise; – where it did "
        "not take part in that phase. Personal data (owner, NIK, phone) is not shown.",
    ),
    "returning.download.title": ("IKM peserta berulang, halaman {page}", "Returning enterprises, page {page}"),
}
