"""Perbandingan Tahap: each phase's one summary (its participant rows, else the
department's published totals) side by side, with scopes and sources; figures of other
scopes are listed apart and never added in. With regency/product filters every phase is
compared on the same scope: a published-only phase shows a figure only where its release
gives that breakdown, else "–" with the reason. Below, the returning participants:
enterprises found in more than one phase's rows (``ikm_data.returning``), within the
regency/product filters, paginated."""

import streamlit as st

from ikm_data import charts, queries, returning, tables, ui
from ikm_data.formatting import fmt_int
from ikm_data.markup import escape

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

st.subheader(ui.tr("returning.title"))
st.caption(ui.tr("returning.rule"))
every_phase = f.narrowed(phase=None)
repeat = ui.query(returning.summary, every_phase)
compared = repeat["phases"]
if repeat["sample_phases"]:
    st.caption(ui.tr("returning.sample_left_out", phases=returning.phase_list(repeat["sample_phases"], lang)))
if len(compared) < 2:
    st.info(ui.tr("returning.empty.one", phase=returning.phase_list(compared, lang)) if compared
            else ui.tr("returning.empty.none"))
elif not repeat["enterprises"]:
    st.info(ui.tr("returning.none.filtered" if filtered else "returning.none",
                  phases=returning.phase_list(compared, lang)))
else:
    total = repeat["enterprises"]
    st.markdown(ui.tr("returning.count", n=fmt_int(total), by_nib=fmt_int(repeat["by_nib"]),
                      by_name=fmt_int(repeat["by_name"]), phases=returning.phase_list(compared, lang)))
    if filtered:
        st.caption(ui.tr("returning.count.filtered", what=escape(" · ".join(ui.active_filters(f)))))
    pages = max(1, -(-total // returning.PAGE_SIZE))
    page = 1
    if pages > 1:
        page = int(st.number_input(ui.tr("direktori.page", pages=fmt_int(pages)), min_value=1, max_value=pages,
                                   value=1, step=1, key="berulang_page"))
    _, rows = ui.query(returning.returning, every_phase, page, returning.PAGE_SIZE)
    first = (page - 1) * returning.PAGE_SIZE
    st.caption(ui.tr("direktori.showing", first=fmt_int(first + 1), last=fmt_int(first + len(rows)),
                     total=fmt_int(total)))
    repeat_table = returning.table(rows, compared, lang)
    st.dataframe(repeat_table.display(), hide_index=True, key="tabel_berulang")
    ui.downloads(table=repeat_table, name=f"peserta-berulang-halaman-{page}",
                 title=ui.tr("returning.download.title", page=page),
                 source=tuple(ui.source_label(p) for p in compared), view=every_phase)
    st.caption(ui.tr("returning.workers_note"))
