"""Pasar Pariwisata: enterprises supplying the tourism market (count with the enterprises
it is of, by product, by regency) and their partners, each hotel or partner with how many
enterprises supply it and which products (names counted regardless of case and spacing)."""

import streamlit as st

from ikm_data import theme_charts, theme_tables, themes, ui
from ikm_data.formatting import fmt_int

f = ui.page_header("page.pariwisata", "pariwisata.caption")
lang = ui.lang()
source = ui.source_label(f.phase)

c = ui.theme_counts(f, "tourism_market", "pariwisata")
partners = ui.query(themes.partners, f, lang=lang)
cards = st.columns(2)
ui.flag_metric(cards[0], ui.tr("pariwisata.metric.suppliers"), c["tourism_market"], c["tourism_market_known"])
cards[1].metric(ui.tr("pariwisata.metric.partners"), fmt_int(len(partners)), border=True)
cards[1].caption(ui.tr("pariwisata.partners.caption"))
st.caption(ui.source_label(f.phase, markdown=True))
if not c["tourism_market"]:
    st.info(ui.tr("pariwisata.none", known=fmt_int(c["tourism_market_known"])))
    st.stop()

for col, by, title_key in zip(st.columns(2), ("product", "regency"),
                              ("pariwisata.by_product", "pariwisata.by_regency")):
    with col:
        frame = ui.query(themes.counts_by, f, by, lang=lang)
        ui.chart(theme_charts.flag_bars, frame, flag="tourism_market", title=ui.tr(title_key), source=source,
                 lang=lang, download=ui.Download(
                     theme_tables.flag(frame, by, "tourism_market", lang, "pariwisata.metric.suppliers"),
                     f"pemasok-pariwisata-per-{by}-tahap-{f.phase}", title=ui.tr(title_key), source=source))

st.subheader(ui.tr("pariwisata.partners"))
if partners.empty:
    st.info(ui.tr("pariwisata.partners.none"))
else:
    partner_table = theme_tables.partners(partners, lang)
    st.dataframe(partner_table.display(), hide_index=True, height="content", key="tabel_mitra")
    ui.downloads(table=partner_table, name=f"mitra-pariwisata-tahap-{f.phase}", title=ui.tr("pariwisata.partners"),
                 source=source)
