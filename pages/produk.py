"""Produk/Komoditas: enterprises by product (click a bar to filter the rest of the page)
and workers by the groups the department published them for."""

import streamlit as st

from ikm_data import charts, tables, ui

f = ui.page_header("page.produk", "produk.caption")
lang = ui.lang()
source = ui.source_label(f.phase)

if not ui.has_rows(f.phase):
    st.info(ui.tr("produk.published_only", n=f.phase))
    pub = ui.query("published_products", f.phase, lang=lang)
    st.altair_chart(charts.by_product(pub, lang=lang, source=source, interactive=False), width="stretch")
    ui.downloads(charts.by_product(pub, lang=lang, source=source, interactive=False), pub,
                 f"ikm-per-produk-tahap-{f.phase}")
    st.dataframe(tables.products(pub, lang), hide_index=True)
    st.stop()

products = ui.query("by_product", f, lang=lang)
event = st.altair_chart(
    charts.by_product(products, lang=lang, source=source),
    key="chart_produk", on_select="rerun", selection_mode=[charts.SELECT_PRODUCT], width="stretch",
)
ui.downloads(charts.by_product(products, lang=lang, source=source, interactive=False), products,
             f"ikm-per-produk-tahap-{f.phase}")
picked = ui.selected(event, charts.SELECT_PRODUCT, "product_code")
st.caption(ui.tr("produk.click_hint"))
focus = f.narrowed(products=picked) if picked else f
if picked:
    st.info(ui.tr("produk.picked", what=", ".join(ui.product_label(c) for c in picked)))

left, right = st.columns(2)
with left:
    groups = ui.query("worker_groups", focus, lang=lang)
    st.altair_chart(charts.by_worker_group(groups, lang=lang, source=source), width="stretch")
    ui.downloads(charts.by_worker_group(groups, lang=lang, source=source), groups,
                 f"tenaga-kerja-per-kelompok-tahap-{f.phase}")
    st.caption(ui.tr("produk.groups_note"))
with right:
    st.markdown(f"**{ui.tr('produk.by_regency')}**")
    st.dataframe(tables.regencies(ui.query("by_regency", focus), lang), hide_index=True,
                 key="tabel_wilayah_produk")

st.markdown(f"**{ui.tr('produk.table')}**")
st.dataframe(tables.products(products, lang), hide_index=True)
