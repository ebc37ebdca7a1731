"""The admin's "open one record's personal data" on the Direktori page: choose a record of
the page, press the button, see its NIK, phone and owner for that run only (never cached),
written to the audit log (phase, version, row; never the NIK)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ikm_data import reveal as _reveal
from ikm_data.i18n import t
from ikm_data.queries import Filters
from ikm_data.ui.data import dataset, query
from ikm_data.ui.session import lang, tr
from ikm_data.ui.signin import allowed, log


def reveal_panel(f: Filters, search: str, page: int) -> None:
    """The panel under the directory (admins only; nothing for anyone else)."""
    if not allowed("reveal"):
        return
    records = query(_reveal.page_records, f, search, int(page))
    if not records:
        return
    current = lang()
    with st.expander(tr("access.reveal.title"), icon=":material/visibility:"):
        st.caption(tr("access.reveal.caption"))
        keys = list(range(len(records)))
        chosen = st.selectbox(tr("access.reveal.pick"), keys, key="dir_reveal_pick", format_func=lambda i: t(
            "access.reveal.option", current, name=records[i]["name"], row=records[i]["source_row"],
            phase=records[i]["phase"]))
        if st.button(tr("access.reveal.button"), key="dir_reveal", icon=":material/visibility:"):
            _show(records[chosen], current)


def _show(record: dict, current: str) -> None:
    ds = dataset()
    person = _reveal.personal(ds, record["phase"], record["row_key"])  # not cached: personal data
    if person is None:
        st.warning(tr("access.reveal.none"))
        return
    meta = ds.state.current(int(record["phase"]))
    log("reveal", phase=int(record["phase"]), version=meta.version if meta else None, row=int(person["source_row"]))
    st.dataframe(pd.DataFrame([{
        t("metric.enterprise", current): person["name"], t("direktori.col.owner", current): person["owner"],
        t("direktori.col.nik", current): person["nik"], t("direktori.col.phone", current): person["phone"],
    }]), hide_index=True, key="dir_revealed")
