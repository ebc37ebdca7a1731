"""The one module of ``ikm_data`` that imports streamlit: cached access to the store and
the queries, the shared sidebar (language, filters) and small display helpers that every
page uses. Logic stays in the rest of the library; this only wires it to the session."""

from __future__ import annotations

import datetime as _dt
import html as _html

import streamlit as st

from ikm_data import deck as _deck
from ikm_data import export as _export
from ikm_data import importer as _importer
from ikm_data import markup as _markup
from ikm_data import page_style, queries, settings
from ikm_data import slides as _slides
from ikm_data import tables as _tables
from ikm_data import template as _template
from ikm_data import upload_jobs as _upload_jobs
from ikm_data import worker as _worker
from ikm_data.mapping import MappingMemory as _MappingMemory
from ikm_data.errors import IkmError, StoreDamaged, ValidationFailed
from ikm_data.formatting import fmt_date, fmt_datetime, fmt_int
from ikm_data.i18n import DEFAULT_LANG, LANGS, t
from ikm_data.queries import Dataset, Filters
from ikm_data.reference import load_reference
from ikm_data.store import DEFAULT_PROGRAMME, PROGRAMME_MAX, Store, today  # noqa: F401 (pages use them)

AS_OF_MIN = _dt.date(2000, 1, 1)  # the earliest "Data per tanggal" the Unggah page offers
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
    from ikm_data.store_check import READ_ERRORS

    s = store()
    try:
        return _query(str(s.root), s.state().token, name, args, tuple(sorted(kwargs.items())))
    except READ_ERRORS as exc:  # a file gone since the dataset was opened: say what is wrong
        _dataset.clear()
        raise s.explain(exc) from exc


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
    st.html(page_style.css(current, max_upload_mb()))
    with st.sidebar:
        st.segmented_control(
            "Bahasa / Language", LANGS, key=LANG_KEY, default=DEFAULT_LANG, required=True,
            format_func=lambda code: {"id": "Indonesia", "en": "English"}[code],
        )
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


def product_options() -> list[str]:
    """Products of the vocabulary plus any new product found in the stored data."""
    ds = dataset()
    known = [p.code for p in ds.ref.products]
    stored = query("product_codes")
    return known + [c for c in stored if c not in known]


def product_label(code: str, lang_: str | None = None) -> str:
    """A product's name in ``lang_`` (the session's by default); a product new to the
    vocabulary by the name its file gave it, never by its code."""
    return dataset().product_label(code, lang_ or lang())


# -- display helpers ---------------------------------------------------------------------
def source_label(phase: int | None, *, markdown: bool = False) -> str:
    """Where a phase's figures come from, for chart subtitles and captions; with
    ``markdown`` (a caption) the uploaded file's name is escaped to show as written."""
    ds = dataset()
    meta = ds.state.current(phase) if phase is not None else None
    if meta is None:
        figures = [p for p in ds.ref.published_for(phase) if p.is_total] or ds.ref.published_for(phase)
        src = figures[0].source_in(lang()) if figures else "-"
        return tr("source.published", source=src)
    if meta.sample:
        return tr("source.sample", version=meta.version)
    when = (tr("versions.when.as_of", date=fmt_date(meta.as_of, lang())) if meta.as_of
            else tr("versions.when.uploaded", date=fmt_datetime(meta.at, lang())))
    return tr("source.upload", file=_markup.escape(meta.file) if markdown else meta.file,
              version=meta.version, when=when)


def page_header(title_key: str, caption_key: str | None = None) -> Filters:
    """Title, the sample badge where the phase is synthetic, and the active filters.
    Returns the filters the page should use."""
    f = filters()
    st.title(tr(title_key))
    if caption_key:
        st.caption(tr(caption_key))
    try:
        ds = dataset()
        active = active_filters(f)
    except StoreDamaged:  # the page explains it (see ``run``); the title stays
        return f
    if f.phase in ds.sample_phases:
        st.badge(tr("sample.badge"), icon=":material/science:", color="orange",
                 help=tr("sample.help"))
    if active:
        st.caption(tr("filter.active", what=_markup.escape(" · ".join(active))))
    return f


def run(navigation) -> None:
    """Run the chosen page (``app.py``); a named error it raises is shown in its place,
    a damaged store as the panel that says what is wrong and how to recover."""
    try:
        navigation.run()
    except StoreDamaged as err:
        damage_panel(err)
    except IkmError as err:
        show_ikm_error(err)


def store_damage() -> StoreDamaged | None:
    """The damage that stops the store's data from being read, or None (the healthy path
    costs one cached dataset lookup)."""
    try:
        dataset()
    except StoreDamaged as err:
        return err
    return None


def damage_panel(err: StoreDamaged, *, repair: bool = False) -> None:
    """What is wrong, the last good version and how to recover; on Unggah Data
    (``repair``) the button that repairs the store, elsewhere a link to that page."""
    current, report = lang(), err.report
    lines = "\n".join(f"- {_markup.escape(x)}" for x in report.lines(current, here=repair))
    with st.container(key="damage_panel"):
        st.error(f"**{_markup.escape(report.heading(current))}** — {_markup.escape(t('damage.intro', current))}"
                 f"\n\n{lines}", icon=":material/report:")
        if not repair:
            st.page_link("pages/unggah.py", label=t("damage.goto", current), icon=":material/build:")
        elif st.button(t("damage.repair.button", current), key="damage_repair", type="primary",
                       icon=":material/build:", help=t("damage.repair.help", current)):
            repair_store(st.session_state.get("unggah_user") or t("unggah.user.default", current))
            st.rerun()


def repair_store(user: str) -> None:
    """Repair the store (``Store.repair``), drop cached data and say what was done."""
    actions, after = store().repair(user=user)
    clear_caches()
    _dataset.clear()
    st.session_state.pop(_UPLOAD_CACHE, None)
    current = lang()
    done = " ".join(a.text(current) for a in actions) or t("damage.repair.nothing", current)
    flash("success", t("damage.repair.done", current, actions=done))
    if not after.ok:
        flash("warning", t("damage.repair.still", current,
                           problems=" ".join(p.text(current) for p in after.blocking())))


def active_filters(f: Filters) -> list[str]:
    """The regency and product filters of ``f`` as officials read them (one text each)."""
    return dataset().describe(f, lang())


def has_rows(phase: int | None, *, damaged: bool | None = None) -> bool:
    """True when ``phase`` has participant rows. On a damaged store StoreDamaged goes on
    (``run`` explains it), or ``damaged`` is returned when given (e.g. for a caption
    drawn before the title)."""
    try:
        return phase in dataset().data_phases()
    except StoreDamaged:
        if damaged is None:
            raise
        return damaged


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


def serve(options: list[str]) -> int:
    """Start the dashboard server (``streamlit run app.py`` plus ``options``).

    Streamlit treats an app with a ``pages/`` folder as a legacy multipage app until
    app.py's ``st.navigation`` has run once, so the very first visitor of a fresh server who
    follows a link such as ``/wilayah-ntb`` would see a false "Page not found". The pages
    are declared in app.py, so the legacy mode is switched off before the server starts.
    """
    import sys

    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli as streamlit_cli

    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(settings.PROJECT_ROOT / "app.py"), *options]
    try:
        streamlit_cli.main()
    except SystemExit as done:
        return int(done.code or 0)
    return 0


# -- downloads and the presentation mode ------------------------------------------------


_MIME = {"png": "image/png", "svg": "image/svg+xml", "csv": "text/csv",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def downloads(chart=None, table=None, name: str = "data", *, title: str = "",
              source: str | tuple[str, ...] = "", view: Filters | None = None,
              allow_personal: bool = False, key: str | None = None) -> None:
    """A compact row of download buttons under a chart or table: the chart as PNG (2x) and
    SVG; ``table`` (a ``tables.Table``, the same object the screen shows) as CSV for an
    Indonesian Excel (``;``, decimal comma), international CSV and Excel. The Excel sheet
    opens with ``title``, the phase and the filters of ``view`` (default: the sidebar's),
    then ``source`` (one line, or a tuple of lines). Personal data (owner, NIK, phone) is
    left out unless ``allow_personal``; spreadsheet formulas are defused. Files are made
    only when a button is clicked."""
    current = lang()
    stem = _export.file_stem(name)
    key = key or stem
    files = []
    if chart is not None:
        files += [("png", "png", "export.png", "export.help.png", lambda: _export.chart_png(chart, scale=2)),
                  ("svg", "svg", "export.svg", "export.help.svg", lambda: _export.chart_svg(chart))]
    if table is not None:
        if not isinstance(table, _tables.Table):  # a raw frame would export raw keys
            raise TypeError(f"downloads() takes a tables.Table, not {type(table).__name__}")
        f = view or filters()
        heading = _export.title_line(title, f.phase, active_filters(f), current)
        files += [
            ("csv", "csv", "downloads.csv_id", "downloads.help.csv_id",
             lambda: _export.table_csv(table, "id", allow_personal)),
            ("csv_intl", "csv", "downloads.csv_intl", "downloads.help.csv_intl",
             lambda: _export.table_csv(table, "intl", allow_personal)),
            ("xlsx", "xlsx", "export.xlsx", "downloads.help.xlsx",
             lambda: _export.table_xlsx(table, heading, source, stem, allow_personal)),
        ]
    with st.container(horizontal=True, gap="small", key=f"dl_{key}", vertical_alignment="center"):
        st.caption(t("export.label", current) + ":", width="content")
        for fid, ext, label, help_key, make in files:
            suffix = "-intl" if fid == "csv_intl" else ""
            st.download_button(
                t(label, current), data=make, file_name=f"{stem}{suffix}.{ext}", mime=_MIME[ext],
                key=f"dl_{key}_{fid}", on_click="ignore", type="tertiary", icon=":material/download:",
                help=t(help_key, current),
            )


PRESENT_SLIDE_KEY = "present_slide"
PRESENT_DECKS_KEY = "present_decks"
# Type size of charts on screen in forum mode (the dashboard draws them at 1.0).
PRESENT_CHART_SCALE = 1.6
PRESENT_CHART_HEIGHT = 370  # px of the whole chart at the design width: fits 720p and 1080p
PRESENT_DESIGN_WIDTH = 1200  # px: the slide's width at 1280x720, before the CSS stretches it

_PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.6rem 2.2rem 0.4rem !important; max-width: none !important; }
[data-testid="stMain"] { color: #1F2933; }
.ikm-slide-head { display: flex; justify-content: space-between; align-items: center; gap: 1rem;
  border-top: 6px solid #0072B2; padding-top: 0.5rem; }
.ikm-slide-title { font-size: 2.5rem; font-weight: 700; line-height: 1.15; margin: 0; color: #1F2933; }
.ikm-badge { font-size: 1.1rem; font-weight: 700; color: #7A4B00; background: #FFF1D6; border: 2px solid #E69F00;
  border-radius: 0.6rem; padding: 0.15rem 0.8rem; white-space: nowrap; }
.ikm-cover { border-left: 14px solid #0072B2; padding: 2.2rem 0 1rem 2rem; }
.ikm-cover h1 { font-size: 3.6rem; font-weight: 800; line-height: 1.1; margin: 0 0 0.6rem; padding: 0; color: #1F2933; }
.ikm-cover .sub { font-size: 1.9rem; margin-bottom: 1.2rem; }
.ikm-cover .line { font-size: 1.5rem; color: #3E4C59; }
.ikm-cover .dept { font-size: 1.8rem; font-weight: 700; color: #0072B2; margin-top: 2rem; }
.ikm-figures { display: flex; gap: 1.2rem; justify-content: center; margin: 3.2rem 0 2.6rem; }
.ikm-figure { flex: 1 1 0; max-width: 21rem; background: #F0F4F8; border-radius: 1rem; padding: 2.2rem 1rem;
  text-align: center; }
.ikm-figure .value { font-size: 4.8rem; font-weight: 800; color: #0072B2; line-height: 1.1; }
.ikm-figure .label { font-size: 1.7rem; font-weight: 700; margin-top: 0.4rem; }
.ikm-figure .note { font-size: 1.15rem; color: #52606D; margin-top: 0.3rem; }
.ikm-notes { font-size: 1.3rem; color: #3E4C59; margin: 0.3rem 0; }
.ikm-notes p { margin: 0.1rem 0; }
.ikm-footer { display: flex; justify-content: space-between; gap: 1rem; font-size: 1rem; color: #52606D;
  border-top: 1px solid #D9E2EC; padding-top: 0.25rem; }
.ikm-table { width: 100%; border-collapse: collapse; font-size: 1.35rem; margin-top: 1rem; }
.ikm-table th { background: #0072B2; color: #fff; text-align: left; padding: 0.4rem 0.6rem; }
.ikm-table td { padding: 0.4rem 0.6rem; border-bottom: 1px solid #D9E2EC; }
.ikm-table tr:nth-child(even) td { background: #F0F4F8; }
.ikm-table td.num { text-align: right; white-space: nowrap; }
.st-key-present_nav button { font-size: 1.4rem; min-height: 3.2rem; padding: 0.3rem 1.8rem; }
.st-key-present_next button { background: #0072B2; border-color: #0072B2; color: #fff; }
.st-key-present_next button:hover { background: #005A8C; border-color: #005A8C; color: #fff; }
.st-key-present_nav button:focus { box-shadow: 0 0 0 3px rgba(0, 114, 178, 0.35) !important;
  border-color: #0072B2 !important; }
.st-key-present_nav button p { font-size: 1.4rem; }
.st-key-present_counter p { font-size: 1.6rem; font-weight: 700; margin: 0; min-width: 5rem; text-align: center; }
.st-key-present_keys { position: absolute !important; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.st-key-present_slide [data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"]),
.st-key-present_slide [data-testid="stFullScreenFrame"] > div,
.st-key-present_slide [data-testid="stVegaLiteChart"] { width: 100% !important; max-width: 100% !important; }
.st-key-present_slide [data-testid="stVegaLiteChart"] svg.marks { width: 100% !important; height: auto !important; }
@media (min-width: 1600px) and (min-height: 950px) { html { font-size: 24px; } }
@media (max-width: 700px) { .ikm-figures { flex-wrap: wrap; margin: 1rem 0; }
  .ikm-figure { flex-basis: 40%; padding: 1rem 0.5rem; }
  .ikm-figure .value { font-size: 2.6rem; } .ikm-slide-title { font-size: 1.7rem; }
  .ikm-cover h1 { font-size: 2.2rem; } }
</style>
"""


def present_mode() -> None:
    """Forum mode: hide the sidebar, header and toolbar, and set the slides' large type."""
    st.html(_PRESENT_CSS)


@st.cache_resource(show_spinner=False, max_entries=16)
def _slide_deck(root: str, token: str, phase, regencies: tuple, products: tuple, lang_: str,
                scale: float) -> list:
    return _slides.build(_dataset(root, token), Filters(phase, regencies, products), lang_, scale=scale)


def slide_deck(f: Filters, scale: float = PRESENT_CHART_SCALE) -> list:
    """The slides of ``f`` in the session's language (built once per state, shared: do not
    change them)."""
    s = store()
    return _slide_deck(str(s.root), s.state().token, f.phase, f.regencies, f.products, lang(), scale)


def phase_name(phase) -> str:
    """``Tahap III`` / ``Phase III`` in the session's language, as the slides name it."""
    return _slides.phase_name(int(phase), lang()) if phase is not None else "–"


def slide_index(total: int) -> int:
    """The slide shown now (0-based), kept within ``total``."""
    i = min(max(0, int(st.session_state.get(PRESENT_SLIDE_KEY, 0))), max(0, total - 1))
    st.session_state[PRESENT_SLIDE_KEY] = i
    return i


def go_to_slide(target: int, total: int) -> None:
    """Button callback: show slide ``target`` (0-based, kept within the deck). The buttons
    name the slide next to the one on screen, not "one more": two clicks that reach the
    server together (Streamlit folds them into one rerun) cannot skip a slide."""
    st.session_state[PRESENT_SLIDE_KEY] = min(max(0, int(target)), max(0, total - 1))


# Arrow keys and a presenter's clicker (PageDown/PageUp). The browser counts the presses
# and sends the slide it wants with a sequence number, so that presses made while the
# server is still drawing the last slide are neither lost (Streamlit folds pending button
# triggers into one) nor doubled; it takes the server's slide whenever no press of its own
# is pending. One document listener for the whole page; it acts only on the Presentasi
# page and ignores held-down repeats and typing in a field.
_SLIDE_KEYS_JS = """
export default function ({ data, setStateValue }) {
  const s = (window.__ikmSlides ||= { target: 0, sent: null, deck: null, seq: Date.now() });
  if (s.deck !== data.deck || s.sent === null || s.sent === data.slide) {
    s.deck = data.deck; s.target = data.slide; s.sent = null;
  }
  s.total = data.total;
  s.send = setStateValue;
  if (s.listening) return;
  s.listening = true;
  document.addEventListener("keydown", (e) => {
    const step = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 }[e.key];
    if (!step || e.repeat || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (!document.querySelector(".st-key-present_counter")) return;
    const el = e.target;
    if (el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))) return;
    e.preventDefault();
    e.stopPropagation();
    const next = Math.min(Math.max(0, s.target + step), s.total - 1);
    if (next === s.target) return;
    s.target = next; s.sent = next; s.seq += 1;
    s.send("target", { slide: next, seq: s.seq });
  }, true);
}
"""
PRESENT_KEYS_KEY = "present_keyboard"


def slide_keys(i: int, total: int, f: Filters) -> None:
    """The keyboard for slide ``i`` of ``total``: arrow keys and PageDown/PageUp move one
    slide per press (see ``_SLIDE_KEYS_JS``); nothing is drawn."""
    component = st.components.v2.component("ikm_slide_keys", js=_SLIDE_KEYS_JS)
    deck = f"{store().state().token}|{f.phase}|{f.regencies}|{f.products}|{lang()}"
    component(key=PRESENT_KEYS_KEY, data={"slide": i, "total": total, "deck": deck},
              on_target_change=_slide_from_keys)


def _slide_from_keys() -> None:
    target = (st.session_state.get(PRESENT_KEYS_KEY) or {}).get("target")
    if isinstance(target, dict) and isinstance(target.get("slide"), int):
        st.session_state[PRESENT_SLIDE_KEY] = max(0, target["slide"])  # slide_index keeps it in the deck


def _e(text: str) -> str:
    return _html.escape(str(text))


def slide_head(slide) -> None:
    """The slide's title and, for sample data, the "data contoh (sintetis)" badge."""
    badge = f'<span class="ikm-badge">{_e(slide.sample_label)}</span>' if slide.sample else ""
    st.html(f'<div class="ikm-slide-head" data-slide="{_e(slide.key)}"><h2 class="ikm-slide-title">'
            f'{_e(slide.title)}</h2>{badge}</div>')


def slide_cover(slide) -> None:
    """The title slide: programme and phase, what it is about, dates, the department."""
    badge = f'<div><span class="ikm-badge">{_e(slide.sample_label)}</span></div>' if slide.sample else ""
    lines = "".join(f'<div class="line">{_e(x)}</div>' for x in slide.lines)
    dept = "".join(f'<div class="dept">{_e(x)}</div>' for x in slide.notes)
    st.html(f'<div class="ikm-cover" data-slide="{_e(slide.key)}">{badge}<h1>{_e(slide.title)}</h1>'
            f'<div class="sub">{_e(slide.subtitle)}</div>{lines}{dept}</div>')


def slide_figures(slide) -> None:
    """The headline figures as big numbers."""
    cards = "".join(
        f'<div class="ikm-figure"><div class="value">{_e(f.value)}</div><div class="label">{_e(f.label)}</div>'
        + (f'<div class="note">{_e(f.note)}</div>' if f.note else "") + "</div>"
        for f in slide.figures)
    st.html(f'<div class="ikm-figures">{cards}</div>')


def slide_table(slide) -> None:
    """The slide's table (texts already formatted); the figures' columns right-aligned."""
    frame = slide.table
    head = "".join(f"<th>{_e(c)}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f'<td class="{"num" if j in (1, 2) else ""}">{_e(v)}</td>'
                                    for j, v in enumerate(row)) + "</tr>"
                   for row in frame.itertuples(index=False))
    st.html(f'<table class="ikm-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def slide_chart(chart, columns: int = 1):
    """A slide's chart drawn at a fixed design size (``PRESENT_DESIGN_WIDTH`` across the
    slide, split between ``columns``); the forum CSS stretches its SVG to the screen's
    width, so type grows with the projector (720p and 1080p alike). Show it with
    ``st.altair_chart(..., width="content")``."""
    import altair as alt

    width = (PRESENT_DESIGN_WIDTH - 40 * (columns - 1)) // columns
    return chart.properties(width=width, height=PRESENT_CHART_HEIGHT,
                            autosize=alt.AutoSizeParams(type="fit", contains="padding"))


def slide_notes(slide) -> None:
    if slide.notes and slide.kind != "title":
        st.html('<div class="ikm-notes">' + "".join(f"<p>{_e(n)}</p>" for n in slide.notes) + "</div>")


def slide_footer(slide) -> None:
    """The source of the slide's figures."""
    st.html(f'<div class="ikm-footer"><span>{_e(slide.footer)}</span></div>')


def deck_download(f: Filters, fmt: str) -> None:
    """Build (on request, with a progress bar) and offer the deck of ``f`` as ``fmt``."""
    s, current = store(), lang()
    built = st.session_state.setdefault(PRESENT_DECKS_KEY, {})
    key = (s.state().token, f.phase, f.regencies, f.products, current, fmt)
    if key not in built:
        slot = st.empty()
        if not slot.button(t(f"present.build.{fmt}", current), key=f"present_build_{fmt}",
                           icon=":material/slideshow:" if fmt == "pptx" else ":material/picture_as_pdf:"):
            return
        slot.empty()
        bar = st.progress(0.0, text=t("deck.progress.start", current))
        data = _deck.build(dataset(), f, fmt, current, progress=lambda x, text: bar.progress(x, text=text))
        bar.empty()
        if len(built) >= 6:  # keep the session small
            built.clear()
        built[key] = data
    data = built[key]
    st.download_button(
        t(f"present.download.{fmt}", current), data=data, file_name=_deck.file_name(f.phase, fmt, current),
        mime=_deck.MIME[fmt], key=f"present_download_{fmt}", on_click="ignore", type="primary",
        icon=":material/download:",
    )
    st.caption(t("present.built", current, slides=len(slide_deck(f)), size=round(len(data) / 1024)))


# -- the Unggah Data page ----------------------------------------------------------------

UPLOAD_KEY = "unggah_file"
SHEET_KEY = "unggah_sheet"
_SHEET_FOR = "_unggah_sheet_for"
_UPLOAD_CACHE = "_unggah_cache"
_UPLOAD_OF = "upload"  # in the cache: the upload its entries belong to
_WORKER_STATUS = {"check": "unggah.checking", "commit": "unggah.commit.progress"}
_UPLOAD_MANUAL = "_unggah_manual"
_FLASH = "_unggah_flash"
_SEEN = "_unggah_seen"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show_ikm_error(err: IkmError) -> None:
    """An error meant for the official, in the session's language."""
    current = lang()
    title, text = err.heading(current), err.text(current)
    st.error(f"**{title}** — {text}" if title and title != text else text, icon=":material/error:")


@st.cache_data(show_spinner=False, max_entries=2)
def _template_bytes(lang_: str) -> bytes:
    return _template.template_xlsx(notes=(t("unggah.template.note", lang_),))


def template_bytes() -> bytes:
    """The Excel template (made once per language)."""
    return _template_bytes(lang())


def _upload_id(uploaded) -> str:
    return str(getattr(uploaded, "file_id", None) or f"{uploaded.name}:{uploaded.size}")


def _cached(key: tuple, make):
    """One upload's read and check (light results, see ``upload_jobs``), kept in the session
    (never across sessions: a file is an official's own); ``key[1]`` names the upload, and
    another upload drops the last one's. A named error is kept too: the same file and
    choices fail the same way, so a rerun does not spend the time again."""
    cache = st.session_state.setdefault(_UPLOAD_CACHE, {})
    if cache.get(_UPLOAD_OF) != key[1] or len(cache) > 8:  # sheets, best sheet, a sheet by hand, checks
        cache.clear()
        cache[_UPLOAD_OF] = key[1]
    if key not in cache:
        try:
            cache[key] = make()
        except IkmError as err:
            cache[key] = err
    if isinstance(cache[key], IkmError):
        raise cache[key]
    return cache[key]


def _in_worker(action: str, uploaded, job, *args, finish: bool = False):
    """``job(content, *args)`` of ``upload_jobs`` in a worker process (``worker.run``, bounded
    by the ``action``'s time and memory limits), under a status line counting the seconds.
    Each look at the worker is a point where Streamlit can stop or rerun this script (the page
    closed, another file came): the worker is then killed, unless ``finish``."""
    limits = _worker.Limits.of(action)
    head, current = tr(_WORKER_STATUS[action]), lang()
    status, shown = st.empty(), []

    def poll(elapsed: float) -> None:
        text = f"{head} {t('worker.elapsed', current, seconds=int(elapsed), limit=fmt_int(limits.seconds))}"
        if shown[-1:] != [text]:
            status.caption(f":material/hourglass_top: {text}")
            shown.append(text)
        else:
            _ = _UPLOAD_CACHE in st.session_state  # Streamlit's yield point, without a message

    with uploaded.getbuffer() as content:  # streamed to the worker, never copied here
        try:
            result = _worker.run(job, *args, data=content, action=action, limits=limits, poll=poll, finish=finish)
        except IkmError:
            status.empty()
            raise
    status.empty()
    return result


def upload_sheets(uploaded) -> list[str] | None:
    """The sheets of an uploaded xlsx (``[]`` for CSV/Parquet); None after showing why the
    file cannot be read. (The file is read once, at its best sheet: ``upload_prepare``.)"""
    prepared = upload_prepare(uploaded, None)
    return None if prepared is None else list(prepared.sheets)


def preselect_sheet(uploaded, sheet: str) -> None:
    """Select ``sheet`` in the sheet picker when this upload is first shown (a new file
    gets its own best sheet; the official's own pick afterwards stays)."""
    upload = _upload_id(uploaded)
    if st.session_state.get(_SHEET_FOR) != upload:
        st.session_state[_SHEET_FOR] = upload
        st.session_state[SHEET_KEY] = sheet


def manual_mapping(uploaded) -> dict | None:
    """The column mapping the official made by hand for this upload (None: none yet)."""
    entry = st.session_state.get(_UPLOAD_MANUAL)
    return entry[1] if entry and entry[0] == _upload_id(uploaded) else None


def set_manual_mapping(uploaded, prepared, manual: dict[str, str], user: str = "") -> None:
    """Use ``manual`` for this upload and remember it for the same headers next time."""
    manual = {f: h for f, h in manual.items() if h}
    st.session_state[_UPLOAD_MANUAL] = (_upload_id(uploaded), manual)
    _MappingMemory(store().root).remember(prepared.layout.labels, manual, user=user or "-")


def upload_prepare(uploaded, sheet: str | None):
    """The upload read at ``sheet`` (None: a workbook's sheet whose header matches best),
    its header found and columns mapped (a remembered manual mapping applies), in a worker
    (the result has no grid: ``upload_jobs.light_prepared``); None after showing why the
    file cannot be read or was stopped."""
    manual = manual_mapping(uploaded)
    upload = _upload_id(uploaded)
    key = ("prepare", upload, sheet, tuple(sorted((manual or {}).items())), manual is None)
    root = str(store().root)
    try:
        return _cached(key, lambda: _in_worker("check", uploaded, _upload_jobs.read, uploaded.name, sheet,
                                               manual, root))
    except IkmError as err:
        show_ikm_error(err)
        return None


def upload_check(uploaded, prepared, phase: int | None, mode: str):
    """Validate the prepared upload against the store as it is now (nothing is stored), in
    a worker; None after showing why the check was stopped."""
    s, current = store(), lang()
    key = ("check", _upload_id(uploaded), prepared.raw.sheet, tuple(sorted(prepared.cmap.fields.items())),
           phase, mode, current, s.state().token)
    try:
        return _cached(key, lambda: _in_worker("check", uploaded, _upload_jobs.check, prepared, str(s.root),
                                               phase, mode, current))
    except IkmError as err:
        show_ikm_error(err)
        return None


def remember_seen(seen: dict) -> None:
    """The commit button's ``on_click``: the versions the effect on screen was computed on
    (``Outcome.seen``), for ``upload_commit`` — a replace must not throw away a version
    the official never saw."""
    st.session_state[_SEEN] = dict(seen)


def upload_commit(uploaded, prepared, phase: int | None, mode: str, user: str, *, as_of=None,
                  programme: str | None = None):
    """Validate again and commit (all or nothing) with the data's date and programme, in a
    worker that finishes even when the page closes meanwhile (within its time limit);
    caches are cleared after a change. None after showing why a date or programme is
    refused, or why the commit was refused (another upload changed the phase meanwhile)
    or stopped."""
    try:
        outcome = _in_worker("commit", uploaded, _upload_jobs.commit, prepared, str(store().root), phase, mode,
                             user, lang(), as_of, programme, st.session_state.pop(_SEEN, None), finish=True)
    except IkmError as err:
        show_ikm_error(err)
        if isinstance(err, ValidationFailed):  # another upload came first: the rows it names
            from ikm_data import upload_tables

            st.dataframe(upload_tables.issues_frame(err.report.errors, lang()), hide_index=True,
                         key="unggah_refused")
        return None
    if outcome.committed:
        clear_caches()
        st.session_state.pop(_UPLOAD_CACHE, None)
    return outcome


def rollback_version(version: str, user: str):
    """Restore ``version``'s phase (a new history entry) and drop cached results."""
    meta = store().rollback(version, user=user)
    clear_caches()
    st.session_state.pop(_UPLOAD_CACHE, None)
    return meta


def remove_sample_data(user: str) -> list:
    """Remove the synthetic sample (one action) and drop cached results."""
    removed = store().remove_sample(user=user)
    clear_caches()
    st.session_state.pop(_UPLOAD_CACHE, None)
    return removed


def remove_phase_data(phase: int, user: str):
    """Empty ``phase`` (a new history entry) and drop cached results; the entry, or None
    when the phase had no rows."""
    meta = store().remove_phase(phase, user=user)
    clear_caches()
    st.session_state.pop(_UPLOAD_CACHE, None)
    return meta


def confirm_key(name: str) -> str:
    """A confirmation checkbox's key, bound to the store's state: any change to the store
    (this session's action or another's) clears every tick, so a tick confirms only what
    it named."""
    return f"{name}_{store().state().token}"


def rollback_confirmation(target) -> str:
    """The confirmation before restoring version ``target`` (a VersionMeta): what its phase
    will show afterwards."""
    if not target.rows:
        return tr("versions.rollback.confirm_empty", phase=target.phase, target=target.version)
    return tr("versions.rollback.confirm", phase=target.phase, target=target.version,
              rows=fmt_int(target.rows), enterprises=fmt_int(target.enterprises),
              workers=fmt_int(target.workers))


def shown_versions() -> dict:
    """``{phase: version it shows}`` for every phase with rows now (what can be removed)."""
    state = dataset().state
    return {p: state.current(p) for p in dataset().data_phases()}


def published_only_phases() -> list[int]:
    """Phases that have only published figures: nothing in them can be removed."""
    ds = dataset()
    return sorted({p.phase for p in ds.ref.published} - set(ds.data_phases()))


def upload_phase_default(mode: str) -> int:
    """Where the Unggah phase box starts: appending, the newest phase with rows (appending
    to a phase that does not exist yet is rare); replacing, the phase after the highest
    known one (a new phase's file is the common upload; the box is there to change it)."""
    data = dataset().data_phases()
    if mode == "append" and data:
        return max(data)
    return max(phase_options() or [0]) + 1


def follow_upload_mode(mode_key: str, phase_key: str) -> None:
    """``on_change`` of the mode radio: move the phase box to the new mode's default, unless
    the official has typed another phase there."""
    new = st.session_state.get(mode_key)
    old = next((m for m in _importer.MODES if m != new), new)
    if st.session_state.get(phase_key) in (None, upload_phase_default(old)):
        st.session_state[phase_key] = upload_phase_default(new)


def flash(kind: str, text: str) -> None:
    """A message to show after the next rerun (``kind``: success, info, warning)."""
    st.session_state.setdefault(_FLASH, []).append((kind, text))


def show_flashes() -> None:
    for kind, text in st.session_state.pop(_FLASH, []):
        getattr(st, kind)(text)
