"""Dasbor IKM NTB: routing only. Page config, the pages in their sections, the shared
sidebar (language, filters), then the chosen page runs.

Start it with ``python -m ikm_data serve`` (run.sh does), which switches off Streamlit's
legacy ``pages/`` folder mode before the first visitor arrives. ``app`` is the server: Streamlit
serving this file plus the two routes of the sign-in cookie (``ikm_data.cookie``); the server
imports this file as a module for it, so the page itself runs only as ``__main__``. Every URL also differs from
its file's name, so that under a plain ``streamlit run app.py`` a link such as ``/wilayah``
can never run ``pages/wilayah.py`` alone, without this file's navigation and sidebar."""

import streamlit as st

from ikm_data import cookie

app = st.App(__file__, routes=cookie.routes(st.get_option("server.baseUrlPath")))

PAGES = {
    "nav.section.browse": [
        ("pages/ringkasan.py", "page.ringkasan", ":material/dashboard:", "ringkasan-ikm", True),
        ("pages/produk.py", "page.produk", ":material/inventory_2:", "produk-komoditas", False),
        ("pages/wilayah.py", "page.wilayah", ":material/map:", "wilayah-ntb", False),
        ("pages/tahap.py", "page.tahap", ":material/compare_arrows:", "perbandingan-tahap", False),
        ("pages/direktori.py", "page.direktori", ":material/search:", "direktori-ikm", False),
        ("pages/sertifikasi.py", "page.standardisasi", ":material/verified:", "standardisasi", False),
        ("pages/pariwisata.py", "page.pariwisata", ":material/hotel:", "pasar-pariwisata", False),
        ("pages/dampingan.py", "page.pendampingan", ":material/school:", "pendampingan", False),
    ],
    "nav.section.data": [
        ("pages/unggah.py", "unggah.page", ":material/upload_file:", "unggah-data", False),
    ],
    "present.nav.section": [
        ("pages/presentasi.py", "present.page", ":material/slideshow:", "presentasi-forum", False),
    ],
    "nav.section.about": [
        ("pages/tentang.py", "page.tentang", ":material/info:", "tentang-data", False),
    ],
    "nav.section.account": [  # ui.permitted hides from the menu what the signed-in role may not open
        ("pages/akun.py", "access.page", ":material/login:", "masuk", False),
        ("pages/audit.py", "audit.page", ":material/policy:", "log-audit", False),
    ],
}

if __name__ == "__main__":
    from ikm_data import ui

    st.set_page_config(page_title="Dasbor IKM NTB", page_icon=":material/factory:", layout="wide")
    ui.open_link()  # a link's filters and language, before anything is drawn in them
    navigation = st.navigation({
        ui.tr(section): [
            st.Page(path, title=ui.tr(title), icon=icon, url_path=url, default=default,
                    visibility="visible" if ui.permitted(path) else "hidden")  # a page guards itself too
            for path, title, icon, url, default in pages
        ]
        for section, pages in PAGES.items()
    })
    ui.sidebar(navigation)
    ui.run(navigation)
