"""Tentang Data: where every figure comes from, how things are counted, and what the
synthetic sample is (and the one action that removes it)."""

import streamlit as st

from ikm_data import queries, tables, ui

ui.page_header("page.tentang")
lang = ui.lang()
ui.show_flashes()

st.subheader(ui.tr("tentang.sources"))
st.markdown(ui.tr("tentang.sources.body"))
st.dataframe(tables.published(ui.query(queries.published_all), lang).display(), hide_index=True,
             height="content")

st.subheader(ui.tr("share.tentang.heading"))
ui.datapackage_download(ui.filters().phase)

st.subheader(ui.tr("tentang.counting"))
st.markdown(ui.tr("tentang.counting.body"))

st.subheader(ui.tr("tentang.sample"))
st.markdown(ui.tr("tentang.sample.body"))
sample_phases = sorted(ui.dataset().sample_phases)
if sample_phases:
    st.warning(ui.tr("tentang.sample.present", phases=", ".join(str(p) for p in sample_phases)))
    if ui.allowed("remove_sample"):
        confirm = st.checkbox(ui.tr("tentang.sample.confirm"), key="confirm_remove_sample")
        if st.button(ui.tr("tentang.sample.remove"), disabled=not confirm, type="primary", key="hapus_sampel"):
            removed = ui.remove_sample_data()
            ui.flash("success", ui.tr("tentang.sample.removed", versions=", ".join(m.version for m in removed)))
            st.rerun()
    else:
        st.caption(ui.tr("access.sample.need"))
else:
    st.success(ui.tr("tentang.sample.absent"))

st.subheader(ui.tr("tentang.store"))
st.markdown(ui.tr("tentang.store.body", path=str(ui.store().root)))
st.dataframe(tables.history(ui.store().history(), lang).display(), hide_index=True)
