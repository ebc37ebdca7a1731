"""What every page draws: its header, where its figures come from, a chart with its
download buttons (``chart``), the download buttons under a table, and named errors."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ikm_data import export as _export
from ikm_data import markup as _markup
from ikm_data import tables as _tables
from ikm_data.chart_key import chart_key
from ikm_data.errors import IkmError, StoreDamaged
from ikm_data.formatting import fmt_date, fmt_datetime
from ikm_data.i18n import t
from ikm_data.queries import Filters
from ikm_data.ui.data import dataset
from ikm_data.ui.session import active_filters, filters, lang, tr
from ikm_data.ui.signin import download_logger

_MIME = {"png": "image/png", "svg": "image/svg+xml", "csv": "text/csv",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


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


def show_ikm_error(err: IkmError) -> None:
    """An error meant for the official, in the session's language (its text may quote a
    file's name or cells: shown as written, never as Markdown)."""
    current = lang()
    title, text = _markup.escape(err.heading(current)), _markup.escape(err.text(current))
    st.error(f"**{title}** — {text}" if title and title != text else text, icon=":material/error:")


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


@dataclass(frozen=True)
class Download:
    """What the buttons under a chart offer besides the chart itself (see ``downloads``):
    ``table`` (a ``tables.Table``), the files' ``name``, and the Excel sheet's ``title``,
    ``source`` lines and filters (``view``, default: the sidebar's)."""

    table: _tables.Table | None
    name: str
    title: str = ""
    source: str | tuple[str, ...] = ""
    view: Filters | None = None


@st.cache_resource(show_spinner=False, max_entries=256)
def _built_spec(key: str, _build) -> dict:
    # keyed by ``chart_key``; shared by every session: Streamlit copies the spec before changing it
    return _build()


class _Unvalidated:
    """A chart as Streamlit's conversion reads it (its ``to_dict``), turned into a spec
    without Altair's JSON-schema check, which is half of a new chart's build: the charts'
    code is checked instead (tests/test_server_cpu.py validates every chart of every page,
    and checks the spec is the same)."""

    def __init__(self, chart):
        self.chart = chart

    def to_dict(self) -> dict:
        return self.chart.to_dict(validate=False)


def _spec(make, args: tuple, kwargs: dict) -> dict:
    """The Vega-Lite spec of ``make(*args, **kwargs)`` as ``st.altair_chart`` would send it
    (data as Arrow, the theme off; Streamlit's own conversion), built once per distinct chart
    (``chart_key``) rather than on every rerun."""
    from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

    def build():
        return _convert_altair_to_vega_lite_spec(_Unvalidated(make(*args, **kwargs)))

    key = chart_key(make, args, kwargs)
    return build() if key is None else _built_spec(key, build)


def chart(make, *args, download: Download, select: str | None = None, key: str | None = None, **kwargs):
    """Draw ``make(*args, **kwargs)`` (a function of ``charts``) across its column, with
    the download buttons of ``download`` under it. The chart is built once per distinct
    input (``_spec``). With ``select`` (the chart's selection parameter) a click on the
    chart reruns the page and the selection event is returned; the PNG and SVG are then
    drawn from ``make(..., interactive=False)``. The files are drawn only when one is asked
    for. Returns None without ``select``."""
    spec = _spec(make, args, kwargs)
    if select is None:
        st.vega_lite_chart(spec=spec, key=key, width="stretch")
        event = None

        def for_files():
            return make(*args, **kwargs)
    else:
        event = st.vega_lite_chart(spec=spec, key=key, on_select="rerun", selection_mode=[select], width="stretch")

        def for_files():  # the same chart without the click selection
            return make(*args, **kwargs, interactive=False)
    downloads(for_files, download.table, download.name, title=download.title, source=download.source,
              view=download.view)
    return event


def downloads(chart=None, table=None, name: str = "data", *, title: str = "",
              source: str | tuple[str, ...] = "", view: Filters | None = None,
              allow_personal: bool = False, key: str | None = None) -> None:
    """A compact row of download buttons under a chart or table: the chart (an Altair chart,
    or a function that draws it when a file is asked for) as PNG (2x) and SVG; ``table``
    (a ``tables.Table``, the same object the screen shows, or a function that makes one
    when a file is asked for: a whole list of which the screen shows a page) as CSV for an Indonesian Excel
    (``;``, decimal comma), international CSV and Excel. The Excel sheet opens with
    ``title``, the phase and the filters of ``view`` (default: the sidebar's), then
    ``source`` (one line, or a tuple of lines). Personal data (owner, NIK, phone) is left
    out unless ``allow_personal``; spreadsheet formulas are defused. Files are made only
    when a button is clicked."""
    current = lang()
    stem = _export.file_stem(name)
    key = key or stem
    files = []
    if chart is not None:
        drawn = chart if callable(chart) else lambda: chart
        files += [("png", "png", "export.png", "export.help.png", lambda: _export.chart_png(drawn(), scale=2)),
                  ("svg", "svg", "export.svg", "export.help.svg", lambda: _export.chart_svg(drawn()))]
    if table is not None:
        made = table if callable(table) else None  # a table made only when a file is asked for
        if made is None and not isinstance(table, _tables.Table):  # a raw frame would export raw keys
            raise TypeError(f"downloads() takes a tables.Table, not {type(table).__name__}")
        get = made or (lambda: table)
        f = view or filters()
        heading = _export.title_line(title, f.phase, active_filters(f), current)
        files += [
            ("csv", "csv", "downloads.csv_id", "downloads.help.csv_id",
             lambda: _export.table_csv(get(), "id", allow_personal)),
            ("csv_intl", "csv", "downloads.csv_intl", "downloads.help.csv_intl",
             lambda: _export.table_csv(get(), "intl", allow_personal)),
            ("xlsx", "xlsx", "export.xlsx", "downloads.help.xlsx",
             lambda: _export.table_xlsx(get(), heading, source, stem, allow_personal)),
        ]
    logged = download_logger()  # each file asked for is written to the audit log
    with st.container(horizontal=True, gap="small", key=f"dl_{key}", vertical_alignment="center"):
        st.caption(t("export.label", current) + ":", width="content")
        for fid, ext, label, help_key, make in files:
            suffix = "-intl" if fid == "csv_intl" else ""
            st.download_button(
                t(label, current), data=logged(make, what=stem, file=f"{stem}{suffix}.{ext}",
                                                        phase=(view or filters()).phase),
                file_name=f"{stem}{suffix}.{ext}", mime=_MIME[ext],
                key=f"dl_{key}_{fid}", on_click="ignore", type="tertiary", icon=":material/download:",
                help=t(help_key, current),
            )
