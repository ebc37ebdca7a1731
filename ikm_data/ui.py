"""The one module of ``ikm_data`` that imports streamlit: cached access to the store and
the queries, the shared sidebar (language, filters) and small display helpers that every
page uses. Logic stays in the rest of the library; this only wires it to the session."""

from __future__ import annotations

import streamlit as st

from ikm_data import queries, settings
from ikm_data.errors import IkmError
from ikm_data.formatting import fmt_datetime
from ikm_data.i18n import DEFAULT_LANG, LANGS, t
from ikm_data.queries import Dataset, Filters
from ikm_data.reference import load_reference
from ikm_data.store import Store

LANG_KEY = "lang"
PHASE_KEY = "flt_phase"
REGENCY_KEY = "flt_regencies"
PRODUCT_KEY = "flt_products"


# -- data access -------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def _store(data_dir: str) -> Store:
    return Store.open(data_dir)


def store() -> Store:
    """The store of this server (``IKM_DATA_DIR`` or the default), opened once per folder."""
    return _store(str(settings.data_dir()))


@st.cache_resource(show_spinner=False, max_entries=3)
def _dataset(root: str, token: str) -> Dataset:
    s = Store(root)
    return Dataset.open(s, s.state())


def dataset() -> Dataset:
    """A DuckDB dataset for the store's current state; rebuilt when the state changes."""
    s = store()
    return _dataset(str(s.root), s.state().token)


@st.cache_data(show_spinner=False, max_entries=512)
def _query(root: str, token: str, name: str, args: tuple, kwargs: tuple):
    return getattr(queries, name)(_dataset(root, token), *args, **dict(kwargs))


def query(name: str, *args, **kwargs):
    """``queries.<name>(dataset, *args, **kwargs)``, cached per state of the store."""
    s = store()
    return _query(str(s.root), s.state().token, name, args, tuple(sorted(kwargs.items())))


def clear_caches() -> None:
    """After a write: drop cached results (they are keyed by state too; this frees memory)."""
    _query.clear()


# -- session -----------------------------------------------------------------------------
def lang() -> str:
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


def phase_options() -> list[int]:
    ds = dataset()
    return sorted(set(ds.data_phases()) | {p.phase for p in ds.ref.published})


def sidebar() -> None:
    """Language switch and the shared filters, drawn by ``app.py`` on every page so their
    values persist across pages."""
    ref = load_reference()
    current = lang()  # bound now: format functions may be called outside this run
    with st.sidebar:
        st.segmented_control(
            "Bahasa / Language", LANGS, key=LANG_KEY, default=DEFAULT_LANG, required=True,
            format_func=lambda code: {"id": "Indonesia", "en": "English"}[code],
        )
        st.markdown(f"**{tr('filter.heading')}**")
        options = phase_options()
        ds = dataset()
        if PHASE_KEY not in st.session_state or st.session_state[PHASE_KEY] not in options:
            st.session_state[PHASE_KEY] = (ds.data_phases() or options or [None])[-1]
        st.selectbox(tr("filter.phase"), options, key=PHASE_KEY,
                     format_func=lambda p: t("phase.label", current, n=p))
        st.multiselect(tr("filter.regency"), [r.code for r in ref.regencies], key=REGENCY_KEY,
                       format_func=lambda c: ref.regency(c).label, placeholder=tr("filter.all"))
        st.multiselect(tr("filter.product"), product_options(), key=PRODUCT_KEY,
                       format_func=lambda c: ds.ref.product_name(c, current), placeholder=tr("filter.all"))


def product_options() -> list[str]:
    """Products of the vocabulary plus any new product found in the stored data."""
    ds = dataset()
    known = [p.code for p in ds.ref.products]
    stored = query("product_codes")
    return known + [c for c in stored if c not in known]


# -- display helpers ---------------------------------------------------------------------
def source_label(phase: int | None) -> str:
    """Where a phase's figures come from, for chart subtitles and captions."""
    ds = dataset()
    meta = ds.state.current(phase) if phase is not None else None
    if meta is None:
        figures = [p for p in ds.ref.published_for(phase) if p.is_total] or ds.ref.published_for(phase)
        src = figures[0].source if figures else "-"
        return tr("source.published", source=src)
    if meta.sample:
        return tr("source.sample", version=meta.version)
    return tr("source.upload", file=meta.file, version=meta.version, date=fmt_datetime(meta.at))


ROUTED_KEY = "_routed_by_app"


def mark_routed() -> None:
    """Called by app.py on every run, before the page runs."""
    st.session_state[ROUTED_KEY] = True


def require_app() -> None:
    """Rerun through app.py when Streamlit ran a page file directly.

    Because the project has a ``pages/`` folder, Streamlit runs the very first session of a
    fresh server in its legacy mode: a link such as ``/wilayah`` executes
    ``pages/wilayah.py`` alone, without app.py's navigation, sidebar and filters. That run
    does not switch the legacy mode off (only app.py's ``st.navigation`` does), so we switch
    it off here and rerun, which puts the official on the real page. The browser test opens
    a deep link on a fresh server to keep this honest across Streamlit upgrades.
    """
    if not st.session_state.get(ROUTED_KEY):
        from streamlit.runtime.pages_manager import PagesManager

        PagesManager.uses_pages_directory = False
        st.rerun()


def page_header(title_key: str, caption_key: str | None = None) -> Filters:
    """Title, the sample badge where the phase is synthetic, and the active filters.
    Returns the filters the page should use."""
    require_app()
    f = filters()
    st.title(tr(title_key))
    if caption_key:
        st.caption(tr(caption_key))
    ds = dataset()
    if f.phase in ds.sample_phases:
        st.badge(tr("sample.badge"), icon=":material/science:", color="orange",
                 help=tr("sample.help"))
    active = []
    if f.regencies:
        active.append(", ".join(ds.ref.regency(c).label for c in f.regencies))
    if f.products:
        active.append(", ".join(ds.ref.product_name(c, lang()) for c in f.products))
    if active:
        st.caption(tr("filter.active", what=" · ".join(active)))
    return f


def has_rows(phase: int | None) -> bool:
    return phase in dataset().data_phases()


def selected(event, param: str, field: str) -> tuple:
    """The values a chart click selected (``event`` from ``st.altair_chart(on_select=...)``;
    a plain dict when a test injects it)."""
    try:
        points = (event["selection"] or {}).get(param) or []
    except (KeyError, TypeError):
        return ()
    if isinstance(points, dict):  # interval-style {field: [values]}
        values = points.get(field) or []
        return tuple(values if isinstance(values, list) else [values])
    return tuple(p[field] for p in points if isinstance(p, dict) and field in p)


def show_error(err: IkmError) -> None:
    st.error(f"**{err.title}** — {err.message}" if err.title != err.message else err.message)
