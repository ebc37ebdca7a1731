"""Standardisasi: enterprises holding PIRT, halal, BPOM and SNI certificates (each count
with the enterprises it is of), product x certification and regency x certification
heatmaps, and the enterprises holding none: the next round's target list, paginated,
downloadable whole."""

import streamlit as st

from ikm_data import schema, theme_charts, theme_tables, themes, ui
from ikm_data.formatting import fmt_int

f = ui.page_header("page.standardisasi", "standar.caption")
lang = ui.lang()
source = ui.source_label(f.phase)

c = ui.theme_counts(f, "certified", "standar")
cards = [(ui.tr(f"themes.cert.{k}"), c[k], c[f"{k}_known"]) for k in (*schema.CERTIFICATIONS, "certified")]
cards.append((ui.tr("themes.cert.none"), c["none"], c["certified_known"]))
for col, (label, held, known) in zip(st.columns(len(cards)), cards):
    ui.flag_metric(col, label, held, known)
st.caption(ui.source_label(f.phase, markdown=True))

for by, title_key, header_key in (("product", "standar.by_product", "metric.product"),
                                  ("regency", "standar.by_regency", "metric.regency")):
    st.subheader(ui.tr(title_key))
    matrix = ui.query(themes.certification_matrix, f, by, lang=lang)
    table = theme_tables.certifications(ui.query(themes.counts_by, f, by, lang=lang), by, lang)
    ui.chart(theme_charts.certification_heatmap, matrix, category_title=ui.tr(header_key), title=ui.tr(title_key),
             source=source, lang=lang, key=f"heat_{by}",
             download=ui.Download(table, f"sertifikasi-per-{by}-tahap-{f.phase}", title=ui.tr(title_key),
                                  source=source))
    st.caption(ui.tr("standar.heat.caption"))
    with st.expander(ui.tr("produk.table" if by == "product" else "wilayah.table"), icon=":material/table:"):
        st.dataframe(table.display(), hide_index=True, height="content")

st.subheader(ui.tr("standar.uncertified.title"))
st.caption(ui.tr("standar.uncertified.caption"))
if not c["none"]:
    st.success(ui.tr("standar.uncertified.none"))
    st.stop()
size = themes.UNCERTIFIED_PAGE_SIZE
pages = max(1, -(-c["none"] // size))
left, right = st.columns([1, 3])
page = left.number_input(ui.tr("direktori.page", pages=fmt_int(pages)), min_value=1, max_value=pages, value=1,
                         step=1, key="std_page")
total, rows = ui.query(themes.uncertified, f, int(page), size, lang=lang)
first = (page - 1) * size
right.markdown(ui.tr("direktori.showing", first=fmt_int(min(total, first + 1)),
                     last=fmt_int(min(total, first + len(rows))), total=fmt_int(total)))
st.dataframe(theme_tables.uncertified(rows, lang).display(), hide_index=True, key="tabel_tanpa_sertifikat")
ui.downloads(table=lambda: theme_tables.uncertified(ui.query(themes.uncertified, f, 1, None, lang=lang)[1], lang),
             name=f"ikm-tanpa-sertifikat-tahap-{f.phase}", title=ui.tr("standar.uncertified.title"), source=source)
