"""Perbandingan Tahap: each phase's one summary (its participant rows, else the
department's published totals) side by side, with scopes and sources; figures of other
scopes are listed apart and never added in. With regency/product filters every phase is
compared on the same scope: a published-only phase shows a figure only where its release
gives that breakdown, else "–" with the reason."""

import streamlit as st

from ikm_data import charts, queries, tables, ui

f = ui.page_header("page.tahap", "tahap.caption")
lang = ui.lang()
filtered = bool(f.regencies or f.products)
if filtered:
    st.info(ui.tr("phases.filtered"))
    source = ui.tr("phases.chart_source.filtered", what=" · ".join(ui.active_filters(f)))
else:
    source = ui.tr("tahap.chart_source")

phases = ui.query(queries.phase_summaries, f.narrowed(phase=None))
phase_table = tables.phases(phases, lang)
comparable = tables.comparable_counts(phases)
cols = st.columns(2)
for col, metric in zip(cols, ("enterprises", "workers")):
    with col:
        if comparable[metric] < 2:
            st.info(ui.tr("phases.empty.filtered" if filtered else "tahap.empty", metric=ui.tr(f"metric.{metric}")))
        ui.chart(charts.by_phase, phases, metric=metric, lang=lang, source=source,
                 download=ui.Download(phase_table, f"perbandingan-tahap-{metric}", title=ui.tr("tahap.table"),
                                      source=ui.tr("downloads.tahap.source"), view=f.narrowed(phase=None)))
st.caption(ui.tr("phases.approx_note"))

st.subheader(ui.tr("tahap.table"))
st.dataframe(phase_table.display(), hide_index=True, height="content")

st.subheader(ui.tr("tahap.other_scopes"))
st.caption(ui.tr("tahap.other_scopes.caption"))
st.dataframe(tables.other_scopes(ui.query(queries.published_other_scopes), lang).display(), hide_index=True,
             height="content")
