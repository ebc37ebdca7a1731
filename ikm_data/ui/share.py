"""Sharing from the pages: the open-data package of a phase as a zip download (Tentang Data).
The "Salin tautan" button lives with the filters it carries (``session.copy_link``)."""

from __future__ import annotations

import streamlit as st

from ikm_data import datapackage
from ikm_data.ui.data import has_rows, store
from ikm_data.ui.session import tr


def datapackage_download(phase: int | None) -> None:
    """What the package of ``phase`` holds and a button that downloads it as a zip. The zip
    is built when the button is clicked (a large phase costs nothing until then)."""
    if phase is None:
        return
    st.markdown(tr("share.tentang.body", n=phase))
    if not has_rows(phase):
        st.info(tr("share.tentang.published_only", n=phase))
    st.download_button(
        tr("share.tentang.download", n=phase), data=lambda: datapackage.zip_bytes(datapackage.build(store(), phase)),
        file_name=f"paket-data-ikm-ntb-tahap-{phase}.zip", mime="application/zip", icon=":material/folder_zip:",
        key="unduh_paket_data", on_click="ignore",
    )
