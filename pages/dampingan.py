"""Pendampingan: enterprises mentored, by their products' raw material and by regency, and
mentored beside not mentored (workers per enterprise, certification share): a description
of two groups, never claimed as an effect of mentoring."""

import streamlit as st

from ikm_data import theme_charts, theme_tables, themes, ui
from ikm_data.formatting import fmt_int, fmt_num
from ikm_data.house import PALETTE

f = ui.page_header("page.pendampingan", "pendampingan.caption")
lang = ui.lang()
source = ui.source_label(f.phase)

c = ui.theme_counts(f, "mentoring", "pendampingan")
ui.flag_metric(st.columns(3)[0], ui.tr("pendampingan.metric.mentored"), c["mentoring"], c["mentoring_known"])
st.caption(ui.source_label(f.phase, markdown=True))

for col, by, title_key in zip(st.columns(2), ("raw_material", "regency"),
                              ("pendampingan.by_material", "pendampingan.by_regency")):
    with col:
        frame = ui.query(themes.counts_by, f, by, lang=lang)
        ui.chart(theme_charts.flag_bars, frame, flag="mentoring", title=ui.tr(title_key), source=source, lang=lang,
                 color=PALETTE[0], download=ui.Download(
                     theme_tables.flag(frame, by, "mentoring", lang, "pendampingan.metric.mentored"),
                     f"ikm-didampingi-per-{by}-tahap-{f.phase}", title=ui.tr(title_key), source=source))
        if by == "raw_material":
            st.caption(ui.tr("pendampingan.by_material.note"))

st.subheader(ui.tr("pendampingan.compare"))
st.info(ui.tr("pendampingan.not_effect"), icon=":material/info:")
groups = ui.query(themes.mentoring_comparison, f, lang=lang)
if len(groups) < 2:
    st.info(ui.tr("pendampingan.one_side", group=groups["label"].iloc[0]))
else:
    for col, row in zip(st.columns(len(groups)), groups.to_dict("records")):
        col.markdown(f"**{row['label']}** · {fmt_int(row['enterprises'])} {ui.tr('metric.enterprises')}")
        col.metric(ui.tr("pendampingan.metric.per_enterprise"), fmt_num(row["workers_per_enterprise"]), border=True)
        ui.flag_metric(col, ui.tr("pendampingan.metric.certified"), row["certified"], row["certified_known"])
compare_table = theme_tables.mentoring_comparison(groups, lang)
st.dataframe(compare_table.display(), hide_index=True, height="content", key="tabel_banding_pendampingan")
ui.downloads(table=compare_table, name=f"didampingi-dan-tidak-tahap-{f.phase}", title=ui.tr("pendampingan.compare"),
             source=(source, ui.tr("pendampingan.not_effect")))
