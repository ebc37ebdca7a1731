"""Perbandingan Tahap: each phase's one summary (its participant rows, else the
department's published totals) side by side, with scopes and sources; figures of other
scopes are listed apart and never added in."""

import streamlit as st

from ikm_data import charts, tables, ui

f = ui.page_header("page.tahap", "tahap.caption")
lang = ui.lang()

phases = ui.query("phase_summaries", f.narrowed(phase=None))
comparable = tables.comparable_counts(phases)
cols = st.columns(2)
for col, metric in zip(cols, ("enterprises", "workers")):
    with col:
        if comparable[metric] < 2:
            st.info(ui.tr("tahap.empty", metric=ui.tr(f"metric.{metric}")))
        st.altair_chart(charts.by_phase(phases, metric=metric, lang=lang,
                                        source=ui.tr("tahap.chart_source")), width="stretch")
        ui.downloads(charts.by_phase(phases, metric=metric, lang=lang, source=ui.tr("tahap.chart_source")),
                     phases, f"perbandingan-tahap-{metric}")
st.caption(ui.tr("tahap.approx_note"))
if f.regencies or f.products:
    st.caption(ui.tr("tahap.filter_note"))

st.subheader(ui.tr("tahap.table"))
st.dataframe(tables.phases(phases, lang), hide_index=True, height="content")

st.subheader(ui.tr("tahap.other_scopes"))
st.caption(ui.tr("tahap.other_scopes.caption"))
st.dataframe(tables.other_scopes(ui.query("published_other_scopes"), lang), hide_index=True,
             height="content")
