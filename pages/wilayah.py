"""Wilayah: the regency breakdown on an offline map of NTB and in a bar chart; clicking a
regency (on either) filters the table and the product breakdown below."""

import streamlit as st

from ikm_data import charts, queries, tables, ui
from ikm_data.markup import escape

f = ui.page_header("page.wilayah", "wilayah.caption")
lang = ui.lang()
source = ui.source_label(f.phase)

if not ui.has_rows(f.phase):
    st.info(ui.tr("wilayah.published_only", n=f.phase))
    st.stop()

regions = ui.query(queries.by_regency, f)
map_event = ui.chart(charts.ntb_map, regions, lang=lang, source=source,
                     select=charts.SELECT_REGENCY_MAP, key="peta_ntb",
                     download=ui.Download(tables.regencies(regions, lang), f"peta-ikm-tahap-{f.phase}",
                                          title=ui.tr("chart.map.title"), source=source))
left, right = st.columns([3, 2])
with left:
    bar_event = ui.chart(charts.by_regency, regions, lang=lang, source=source,
                         select=charts.SELECT_REGENCY, key="chart_wilayah",
                         download=ui.Download(tables.regencies(regions, lang), f"ikm-per-wilayah-tahap-{f.phase}",
                                              title=ui.tr("chart.by_regency.title"), source=source))
picked = (ui.selected(map_event, charts.SELECT_REGENCY_MAP, "regency_code")
          + ui.selected(bar_event, charts.SELECT_REGENCY, "regency_code"))
st.caption(ui.tr("wilayah.click_hint"))
focus = f.narrowed(regencies=tuple(dict.fromkeys(picked))) if picked else f
ref = ui.dataset().ref
if picked:
    st.info(ui.tr("wilayah.picked", what=", ".join(ref.regency(c).label for c in dict.fromkeys(picked))))

with right:
    st.markdown(f"**{ui.tr('wilayah.products')}**")
    st.dataframe(tables.products(ui.query(queries.by_product, focus, lang=lang), lang).display(), hide_index=True,
                 height="content")
st.markdown(f"**{ui.tr('wilayah.table')}**")
st.dataframe(tables.regencies(ui.query(queries.by_regency, focus), lang).display(), hide_index=True,
             key="tabel_wilayah", height="content")
for note in tables.split_notes(ui.query(queries.unknown_splits, focus, lang=lang), lang):
    st.caption(escape(note))  # product names from a file
