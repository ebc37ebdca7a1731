"""Dasbor IKM NTB: routing only. Page config, the pages in their sections, the shared
sidebar (language, filters), then the chosen page runs."""

import streamlit as st

from ikm_data import ui

st.set_page_config(page_title="Dasbor IKM NTB", page_icon=":material/factory:", layout="wide")

PAGES = {
    "nav.section.browse": [
        ("pages/ringkasan.py", "page.ringkasan", ":material/dashboard:", "ringkasan", True),
        ("pages/produk.py", "page.produk", ":material/inventory_2:", "produk", False),
        ("pages/wilayah.py", "page.wilayah", ":material/map:", "wilayah", False),
        ("pages/tahap.py", "page.tahap", ":material/compare_arrows:", "tahap", False),
        ("pages/direktori.py", "page.direktori", ":material/search:", "direktori", False),
    ],
    "nav.section.about": [
        ("pages/tentang.py", "page.tentang", ":material/info:", "tentang", False),
    ],
}

navigation = st.navigation({
    ui.tr(section): [
        st.Page(path, title=ui.tr(title), icon=icon, url_path=url, default=default)
        for path, title, icon, url, default in pages
    ]
    for section, pages in PAGES.items()
})
ui.mark_routed()
ui.sidebar()
navigation.run()
