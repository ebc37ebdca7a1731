"""The whole filtered phase as a file, on Direktori IKM: a "Siapkan unduhan" button that
builds the CSV, Excel and Parquet files (``phase_download``) under a progress bar, then
their download buttons. Nothing is built until the official asks, and each file is cached
per state of the store, filters, search and language (``data.query``), so asking again
or rerunning the page costs nothing."""

from __future__ import annotations

import streamlit as st

from ikm_data import phase_download
from ikm_data.formatting import fmt_int
from ikm_data.i18n import t
from ikm_data.queries import Filters
from ikm_data.ui.data import query, store
from ikm_data.ui.session import lang

_READY = "dir_full_ready"


def phase_downloads(f: Filters, search: str, total: int) -> None:
    """The full download of what the directory finds (``total`` rows) for ``f`` and
    ``search``: the button, the progress while the files are built, the three buttons."""
    current = lang()
    wanted = (store().state().token, f, search.strip(), current)
    rows = phase_download.rows_label(total, current)
    st.markdown(f"**{t('fulldl.heading', current)}**")
    st.caption(t("fulldl.intro", current, rows=rows))
    if st.session_state.get(_READY) != wanted:
        if not st.button(t("fulldl.prepare", current), key="dir_full_prepare", icon=":material/dataset:"):
            return
        _build_all(f, search, current, rows)
        st.session_state[_READY] = wanted
    files = {fmt: query(phase_download.build, f, search, fmt, current) for fmt in phase_download.FORMATS}
    with st.container(horizontal=True, gap="small", key="dir_full_buttons"):
        for fmt, made in files.items():
            st.download_button(t(f"fulldl.format.{fmt}", current), data=made.data, file_name=made.file_name,
                               mime=made.mime, key=f"dir_full_{fmt}", on_click="ignore",
                               icon=":material/download:", help=t(f"fulldl.help.{fmt}", current))


def _build_all(f: Filters, search: str, current: str, rows: str) -> None:
    """Build (or take from the cache) each format, one step of the progress bar each."""
    formats = phase_download.FORMATS
    with st.status(t("fulldl.preparing", current, rows=rows), expanded=False) as status:
        bar = st.progress(0.0)
        for i, fmt in enumerate(formats, start=1):
            query(phase_download.build, f, search, fmt, current)
            bar.progress(i / len(formats), text=t("fulldl.step", current, fmt=t(f"fulldl.format.{fmt}", current),
                                                  n=fmt_int(i), total=fmt_int(len(formats))))
        status.update(label=t("fulldl.ready", current, rows=rows), state="complete")
