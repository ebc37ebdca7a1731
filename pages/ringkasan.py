"""Ringkasan: the headline figures of the chosen phase and their reconciliation against
what the department published."""

import streamlit as st

from ikm_data import queries, tables, ui
from ikm_data.markup import escape
from ikm_data.formatting import fmt_int, fmt_num

f = ui.page_header("page.ringkasan", "ringkasan.caption")
lang = ui.lang()

if ui.has_rows(f.phase):
    k = ui.query(queries.kpis, f)
    cards = [
        ("metric.enterprises", fmt_int(k["enterprises"])),
        ("metric.workers", fmt_int(k["workers"])),
        ("metric.products", fmt_int(k["products"])),
        ("metric.regencies", fmt_int(k["regencies"])),
        ("metric.workers_per_enterprise", fmt_num(k["workers_per_enterprise"])),
    ]
    for col, (key, value) in zip(st.columns(len(cards)), cards):
        col.metric(ui.tr(key), value, border=True)
    st.caption(ui.source_label(f.phase, markdown=True))
    for note in tables.split_notes(ui.query(queries.unknown_splits, f, lang=lang), lang):
        st.caption(escape(note))  # product names from a file
    ui.downloads(table=tables.kpis(k, lang), name=f"angka-utama-tahap-{f.phase}",
                 title=ui.tr("downloads.kpis.title"), source=ui.source_label(f.phase))
    if k["product_enterprises"] != k["enterprises"]:
        st.info(ui.tr("ringkasan.multi_product", pairs=fmt_int(k["product_enterprises"]),
                      enterprises=fmt_int(k["enterprises"])))
else:
    row = ui.query(queries.phase_summary, f)
    cols = st.columns(2)
    for col, metric in zip(cols, ("enterprises", "workers")):
        col.metric(ui.tr(f"metric.{metric}"), ("± " if row[f"approx_{metric}"] else "") + fmt_int(row[metric]),
                   border=True)
    st.caption(ui.source_label(f.phase, markdown=True))
    if why := tables.why_missing(row, lang):
        st.info(why)
    st.info(ui.tr("ringkasan.published_only", n=f.phase))

st.subheader(ui.tr("ringkasan.reconcile.title"))
st.caption(ui.tr("ringkasan.reconcile.caption"))
rec = ui.query(queries.reconciliation, f.phase, lang=lang)
if rec.empty:
    st.info(ui.tr("ringkasan.reconcile.none", n=f.phase))
else:
    rec_table = tables.reconciliation(rec, lang)
    st.dataframe(rec_table.display(), hide_index=True, height="content")
    ui.downloads(table=rec_table, name=f"pencocokan-rilis-tahap-{f.phase}",
                 view=f.narrowed(regencies=(), products=()), title=ui.tr("ringkasan.reconcile.title"),
                 source=(ui.source_label(f.phase), ui.tr("downloads.reconcile.source")))
    verdict = tables.reconciliation_verdict(rec)
    if verdict["mismatches"]:
        st.warning(ui.tr("ringkasan.reconcile.mismatch", n=verdict["mismatches"]))
    elif verdict["matches"]:
        st.success(ui.tr("ringkasan.reconcile.ok", n=verdict["matches"]))
    if f.regencies or f.products:
        st.caption(ui.tr("ringkasan.reconcile.unfiltered"))
