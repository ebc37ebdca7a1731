"""The visitor's session: language, the sidebar's shared filters, and messages kept for
the next rerun."""

from __future__ import annotations

import streamlit as st

from ikm_data.errors import StoreDamaged
from ikm_data.i18n import DEFAULT_LANG, LANGS, t
from ikm_data.queries import Filters
from ikm_data.reference import load_reference
from ikm_data.ui import style
from ikm_data.ui.data import dataset, phase_options, product_options

LANG_KEY = "lang"
PHASE_KEY = "flt_phase"
REGENCY_KEY = "flt_regencies"
PRODUCT_KEY = "flt_products"
_FLASH = "_unggah_flash"


def lang() -> str:
    """The session's language (``id`` or ``en``)."""
    return st.session_state.get(LANG_KEY, DEFAULT_LANG)


def tr(key: str, **values) -> str:
    """``t`` in the session's language."""
    return t(key, lang(), **values)


def filters() -> Filters:
    """The sidebar's filters, as the queries take them."""
    return Filters(
        phase=st.session_state.get(PHASE_KEY),
        regencies=tuple(st.session_state.get(REGENCY_KEY) or ()),
        products=tuple(st.session_state.get(PRODUCT_KEY) or ()),
    )


def sidebar(page=None) -> None:
    """Language switch, who is signed in (and sign-out), and the shared filters, drawn by
    ``app.py`` on every page (``page``: the chosen ``st.Page``) so their values persist
    across pages. Where sign-in is required to view, a visitor gets no filters."""
    from ikm_data.ui import signin

    ref = load_reference()
    current = lang()  # bound now: format functions may be called outside this run
    st.html(style.css(current, max_upload_mb()))
    with st.sidebar:
        st.segmented_control(
            "Bahasa / Language", LANGS, key=LANG_KEY, default=DEFAULT_LANG, required=True,
            format_func=lambda code: {"id": "Indonesia", "en": "English"}[code],
        )
        url = getattr(page, "url_path", "") or ""
        signin.sidebar_account(f"/{url}" if url else "/")
        if not signin.allowed("view"):
            return
        st.markdown(f"**{tr('filter.heading')}**")
        try:
            _filters(ref, current)
        except StoreDamaged:  # the page explains it (see ``run``)
            st.caption(tr("damage.sidebar"))


def _filters(ref, current: str) -> None:
    """The sidebar's phase, regency and product filters."""
    options = phase_options()
    ds = dataset()
    if PHASE_KEY not in st.session_state or st.session_state[PHASE_KEY] not in options:
        st.session_state[PHASE_KEY] = (ds.data_phases() or options or [None])[-1]
    st.selectbox(tr("filter.phase"), options, key=PHASE_KEY,
                 format_func=lambda p: t("phase.label", current, n=p))
    st.multiselect(tr("filter.regency"), [r.code for r in ref.regencies], key=REGENCY_KEY,
                   format_func=lambda c: ref.regency(c).label, placeholder=tr("filter.all"))
    products = {c: product_label(c, current) for c in product_options()}
    st.multiselect(tr("filter.product"), list(products), key=PRODUCT_KEY,
                   format_func=lambda c: products.get(c, c), placeholder=tr("filter.all"))


def max_upload_mb() -> int:
    """The server's upload limit in MB (``server.maxUploadSize``, .streamlit/config.toml)."""
    return int(st.get_option("server.maxUploadSize"))


def product_label(code: str, lang_: str | None = None) -> str:
    """A product's name in ``lang_`` (the session's by default); a product new to the
    vocabulary by the name its file gave it, never by its code."""
    return dataset().product_label(code, lang_ or lang())


def active_filters(f: Filters) -> list[str]:
    """The regency and product filters of ``f`` as officials read them (one text each)."""
    return dataset().describe(f, lang())


def flash(kind: str, text: str) -> None:
    """A message to show after the next rerun (``kind``: success, info, warning)."""
    st.session_state.setdefault(_FLASH, []).append((kind, text))


def show_flashes() -> None:
    """The messages ``flash`` kept, shown once."""
    for kind, text in st.session_state.pop(_FLASH, []):
        getattr(st, kind)(text)
