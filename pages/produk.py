"""Produk/Komoditas: enterprises by product (click a bar to filter the rest of the page)
and workers by the groups the department published them for."""

import streamlit as st

from ikm_data import charts, queries, slides, tables, ui
from ikm_data.markup import escape

# the caption invites a click on the bars, which only a phase with rows has
f = ui.page_header("page.produk", "produk.caption" if ui.has_rows(ui.filters().phase, damaged=False) else None)
lang = ui.lang()
source = ui.source_label(f.phase)

if not ui.has_rows(f.phase):
    st.info(ui.tr("produk.published_only", n=f.phase))
    pub = ui.query(queries.published_products, f.phase, lang=lang)
    pub_table = tables.products(pub, lang)
    ui.chart(charts.by_product, pub, lang=lang, source=source, interactive=False,
             download=ui.Download(pub_table, f"ikm-per-produk-tahap-{f.phase}",
                                  title=ui.tr("chart.by_product.title"), source=source))
    st.dataframe(pub_table.display(), hide_index=True, height="content")
    st.stop()

products = ui.query(queries.by_product, f, lang=lang)
event = ui.chart(charts.by_product, products, lang=lang, source=source,
                 select=charts.SELECT_PRODUCT, key="chart_produk",
                 download=ui.Download(tables.products(products, lang), f"ikm-per-produk-tahap-{f.phase}",
                                      title=ui.tr("chart.by_product.title"), source=source))
picked = ui.selected(event, charts.SELECT_PRODUCT, "product_code")
st.caption(ui.tr("produk.click_hint"))
focus = f.narrowed(products=picked) if picked else f
if picked:
    st.info(ui.tr("produk.picked", what=escape(", ".join(ui.product_label(c) for c in picked))))

left, right = st.columns(2)
with left:
    groups = ui.query(queries.worker_groups, focus, lang=lang)
    workforce_title, workforce_note = slides.workforce_texts(ui.dataset(), f.phase, lang)
    ui.chart(charts.by_worker_group, groups, lang=lang, source=source, title=workforce_title,
             download=ui.Download(tables.worker_groups(groups, lang), f"tenaga-kerja-per-kelompok-tahap-{f.phase}",
                                  title=workforce_title, source=source, view=focus))
    st.caption(workforce_note)
    unknown = ui.query(queries.unknown_splits, focus, lang=lang)
    for note in tables.split_notes(unknown, lang):
        st.info(escape(note))  # product names from a file
with right:
    st.markdown(f"**{ui.tr('produk.by_regency')}**")
    st.dataframe(tables.regencies(ui.query(queries.by_regency, focus), lang).display(), hide_index=True,
                 key="tabel_wilayah_produk", height="content")
    if not unknown.empty:
        st.caption(ui.tr("counting.workers_unknown"))

st.markdown(f"**{ui.tr('produk.table')}**")
st.dataframe(tables.products(products, lang).display(), hide_index=True, height="content")
