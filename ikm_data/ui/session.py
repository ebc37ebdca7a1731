"""The visitor's session: language, the sidebar's shared filters (kept in step with the URL
query, so the address bar is always a link to what is on screen), and messages kept for the
next rerun."""

from __future__ import annotations

import streamlit as st

from ikm_data import links
from ikm_data.errors import StoreDamaged
from ikm_data.i18n import DEFAULT_LANG, LANGS, t
from ikm_data.queries import Filters
from ikm_data.reference import load_reference
from ikm_data.ui import style
from ikm_data.ui.data import dataset, phase_options, product_options, this_run

LANG_KEY = "lang"
PHASE_KEY = "flt_phase"
REGENCY_KEY = "flt_regencies"
PRODUCT_KEY = "flt_products"
_FLASH = "_unggah_flash"
_LINK_KEY = "_link_query"  # the query this session last put in the address bar


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
    st.session_state.setdefault(LANG_KEY, DEFAULT_LANG)  # set here, not as the widget's default: a link may set it
    with st.sidebar:
        st.segmented_control(
            "Bahasa / Language", LANGS, key=LANG_KEY, required=True,
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
            return
        _keep_link()
        copy_link()


def _filters(ref, current: str) -> None:
    """The sidebar's phase, regency and product filters."""
    options = phase_options()
    if PHASE_KEY not in st.session_state or st.session_state[PHASE_KEY] not in options:
        st.session_state[PHASE_KEY] = default_phase()
    st.selectbox(tr("filter.phase"), options, key=PHASE_KEY,
                 format_func=lambda p: t("phase.label", current, n=p))
    st.multiselect(tr("filter.regency"), [r.code for r in ref.regencies], key=REGENCY_KEY,
                   format_func=lambda c: ref.regency(c).label, placeholder=tr("filter.all"))
    products = {c: product_label(c, current) for c in product_options()}
    st.multiselect(tr("filter.product"), list(products), key=PRODUCT_KEY,
                   format_func=lambda c: products.get(c, c), placeholder=tr("filter.all"))


def default_phase() -> int | None:
    """The phase a new visitor sees: the newest with participant rows, else the newest
    with published figures."""
    return (dataset().data_phases() or phase_options() or [None])[-1]


# -- links: the URL query is the view (ikm_data.links) -----------------------------------
def _link_choices() -> links.Choices:
    """What a link may name now (raises StoreDamaged on a damaged store); worked out once
    per run (``this_run``: reading the link, writing it back, the copy button)."""
    memo = this_run()
    if "link_choices" not in memo:
        memo["link_choices"] = links.Choices(
            phases=tuple(phase_options()), regencies=tuple(r.code for r in load_reference().regencies),
            products=tuple(product_options()), langs=LANGS, default_phase=default_phase(),
            default_lang=DEFAULT_LANG,
        )
    return memo["link_choices"]


def _url_query() -> dict[str, str]:
    """The view's part of the address bar's query as this run received it (repeated keys
    joined by commas). Other parameters belong to a page (``/masuk?ke=/unggah-data``) and
    are left as they are."""
    return {k: ",".join(st.query_params.get_all(k)) for k in st.query_params if k in links.PARAMS}


def open_link() -> None:
    """At the start of a run (``app.py``, before anything is drawn): the URL query is the
    source of truth whenever it is not the query this session last wrote. On a session's
    first run (a link opened, also straight to a deep page) the parameters it carries are
    applied; later, a different non-empty query (the browser's back button) gives the whole
    view, what it leaves out at its default. A switch of page through the sidebar arrives
    with an empty query: the session keeps its view and ``sidebar`` writes it back. Unknown
    or malformed values are ignored with a short notice that names the parameter, never
    the value."""
    query, last = _url_query(), st.session_state.get(_LINK_KEY)
    first = last is None
    if not first and (not query or query == last):
        return
    try:
        choices = _link_choices()
    except StoreDamaged:  # the page explains it; the link is read again once the store is readable
        parsed = links.parse(query, links.Choices((), (), (), LANGS))
        if parsed.view.lang:
            st.session_state[LANG_KEY] = parsed.view.lang
        return
    parsed = links.parse(query, choices)
    _apply(parsed.view, parsed.present if first else frozenset(links.PARAMS), choices)
    st.session_state[_LINK_KEY] = query
    if parsed.ignored:
        st.toast(tr("share.ignored", what=", ".join(tr(f"share.param.{p}") for p in parsed.ignored)),
                 icon=":material/link_off:")


def _apply(view: links.View, given: frozenset[str], choices: links.Choices) -> None:
    """Put ``view`` into the sidebar's widgets, for the parameters in ``given`` (a
    parameter given but ignored as unknown falls back to its default)."""
    values = {
        links.PHASE: (PHASE_KEY, view.phase if view.phase is not None else choices.default_phase),
        links.REGENCIES: (REGENCY_KEY, list(view.regencies)),
        links.PRODUCTS: (PRODUCT_KEY, list(view.products)),
        links.LANG: (LANG_KEY, view.lang or choices.default_lang),
    }
    for param in given:
        key, value = values[param]
        st.session_state[key] = value


def _view(pin_phase: bool = False) -> dict[str, str]:
    f = filters()
    view = links.View(f.phase, f.regencies, f.products, lang())
    return links.build(view, _link_choices(), pin_phase=pin_phase)


def _keep_link() -> None:
    """After the sidebar's widgets: put the view on screen into the address bar (default
    values left out), only when it changed (writing does not rerun the script)."""
    query = _view()
    if _url_query() != query:
        page_own = {k: st.query_params.get_all(k) for k in st.query_params if k not in links.PARAMS}
        st.query_params.from_dict({**page_own, **query})
    st.session_state[_LINK_KEY] = query


def copy_link() -> None:
    """The "Salin tautan" button: copies the address of this page with the view's query
    (its phase always written, so the link keeps showing that phase after a newer one is
    uploaded). Streamlit has no clipboard API: a small component (``copy_link.js``) uses the
    browser's clipboard and, where a page served over plain http has none, shows the link
    selected in a field to copy by hand."""
    component = st.components.v2.component(
        "ikm_copy_link", js=style.asset("copy_link.js"), css=style.asset("copy_link.css"))
    component(key="salin_tautan", data={
        "query": links.query_string(_view(pin_phase=True)), "label": tr("share.copy"),
        "help": tr("share.copy.help"), "copied": tr("share.copied"), "manual": tr("share.copy.manual"),
    })


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
