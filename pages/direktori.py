"""Direktori IKM: look an enterprise up by name, NIB or village; filtered by the sidebar,
paginated in SQL; NIK, phone and owner name are masked."""

import streamlit as st

from ikm_data import queries, tables, ui
from ikm_data.formatting import fmt_int

f = ui.page_header("page.direktori", "direktori.caption")
lang = ui.lang()

if not ui.has_rows(f.phase):
    st.info(ui.tr("direktori.published_only", n=f.phase))
    st.stop()

search = st.text_input(ui.tr("direktori.search"), key="dir_search", placeholder=ui.tr("direktori.search_hint"))
total, _ = ui.query(queries.directory, f, search, 1, 1)
pages = max(1, -(-total // queries.DIRECTORY_PAGE_SIZE))
left, right = st.columns([1, 3])
page = left.number_input(ui.tr("direktori.page", pages=fmt_int(pages)), min_value=1, max_value=pages,
                         value=1, step=1, key="dir_page")
first = (page - 1) * queries.DIRECTORY_PAGE_SIZE
_, rows = ui.query(queries.directory, f, search, int(page), lang=lang)
right.markdown(ui.tr("direktori.showing", first=fmt_int(min(total, first + 1)),
                     last=fmt_int(min(total, first + len(rows))), total=fmt_int(total)))
if total == 0:
    st.warning(ui.tr("direktori.none"))
else:
    rows_table = tables.directory(rows, lang)
    st.dataframe(rows_table.display(), hide_index=True, key="tabel_direktori")
    ui.downloads(table=rows_table, name=f"direktori-ikm-tahap-{f.phase}-halaman-{page}",
                 title=ui.tr("downloads.direktori.title", page=page), source=ui.source_label(f.phase))
    ui.reveal_panel(f, search, int(page))  # admins only: one record's personal data, logged
st.caption(ui.tr("direktori.privacy"))
if total:
    ui.phase_downloads(f, search, total)
