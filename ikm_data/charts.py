"""Altair chart builders with one house theme. They take the small aggregated frames from
``queries`` and return charts whose numbers read in id-ID (``2.858``) on axes, labels and
tooltips; every chart carries its source in its subtitle, so an exported image keeps it."""

from __future__ import annotations

import copy
import textwrap
from collections.abc import Callable
from functools import lru_cache

import altair as alt
import pandas as pd

from ikm_data.formatting import fmt_int, vega_locale
from ikm_data.geo import load_coastline
from ikm_data.house import PALETTE, PRIMARY, TEXT, TEXT_SECONDARY
from ikm_data.i18n import t

FONT = "Source Sans Pro, Segoe UI, Arial, sans-serif"

# Names of the selection parameters; pages read them back from the chart's event.
SELECT_PRODUCT = "pilih_produk"
SELECT_REGENCY = "pilih_wilayah"
SELECT_REGENCY_MAP = "pilih_peta"


def theme(chart: alt.TopLevelMixin, scale: float = 1.0) -> alt.TopLevelMixin:
    """The house look: large dark text that survives a washed-out projector, id-ID numbers.
    ``scale`` enlarges the type (slides use ``SLIDE_SCALE``)."""
    fs = lambda n: round(n * scale)  # noqa: E731
    # One ``configure`` (not one per part): every copy of a layered chart re-validates its layers.
    return chart.configure(
        locale=vega_locale(), font=FONT, background="white",
        range={"category": PALETTE},
        title=alt.TitleConfig(fontSize=fs(17), subtitleFontSize=fs(12), color=TEXT, subtitleColor=TEXT_SECONDARY,
                              anchor="start", offset=10, subtitlePadding=4),
        axis=alt.AxisConfig(labelFontSize=fs(13), titleFontSize=fs(13), labelColor=TEXT, titleColor=TEXT,
                            gridColor="#E4E7EB", domainColor="#9AA5B1", labelLimit=fs(260)),
        legend=alt.LegendConfig(labelFontSize=fs(13), titleFontSize=fs(13)),
        view=alt.ViewConfig(stroke=None),
    )


# Characters per subtitle line: Vega cuts a title line wider than the chart with "…", and on
# a phone (390 px) a chart is about 350 px wide, room for ~55 characters of the subtitle.
SUBTITLE_WIDTH = 44
# Characters per line of a category label on a bar chart's axis (longer ones wrap).
LABEL_WIDTH = 22


def _title(text: str, source: str, width: int = SUBTITLE_WIDTH) -> alt.TitleParams:
    """Title with the source as its subtitle, wrapped by words into lines short enough for
    a phone, so it is never cut off."""
    return alt.TitleParams(text=text, subtitle=textwrap.wrap(source, width) or [""])


def wrap_label(text: str, width: int = LABEL_WIDTH) -> list[str]:
    """An axis label as lines of at most ``width`` characters where words allow: the
    products of a group (" / ") are packed onto a line while they fit, a break falls after
    a " /", a long product name wraps by words; the lines joined by spaces give the label
    back."""
    parts = str(text).split(" / ")
    lines: list[str] = []
    current = ""
    for i, part in enumerate(parts):
        tail = " /" if i < len(parts) - 1 else ""
        joined = f"{current} {part}{tail}" if current else part + tail
        if len(joined) <= width:
            current = joined
            continue
        if current:
            lines.append(current)
        *done, current = textwrap.wrap(part, width, break_long_words=False, break_on_hyphens=False) or [part]
        lines += done
        current += tail
    return lines + ([current] if current else [])


def _hbar(frame: pd.DataFrame, *, category: str, value: str, value_title: str, title: str,
          source: str, lang: str, select: str | None = None, select_field: str | None = None,
          extra_tooltip: list | None = None, color: str = PRIMARY,
          scale: float = 1.0, label_wrap: int | None = None) -> alt.Chart:
    """Horizontal bars, largest on top, each value written beside its bar (so nothing
    depends on colour); optionally a click selection on ``select_field``. Long labels
    ("Moringa tea / Ginger drink / Palm sugar crystals") are drawn whole on several lines of
    about ``label_wrap`` characters (default ``LABEL_WIDTH``): the axis splits the joined
    label again at its line breaks; the tooltip keeps it whole."""
    lines = [wrap_label(v, label_wrap or LABEL_WIDTH) for v in frame[category]]
    frame = frame.assign(**{f"{category}_lines": ["\n".join(x) for x in lines]})
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{category}_lines:N", sort="-x", title=None,
                axis=alt.Axis(labelExpr="split(datum.label, '\\n')", labelOverlap=False)),
        x=alt.X(f"{value}:Q", title=value_title, axis=alt.Axis(format=",d", tickMinStep=1)),
        tooltip=[alt.Tooltip(f"{category}:N", title=t("chart.tooltip.category", lang)),
                 alt.Tooltip(f"{value}:Q", title=value_title, format=",d"), *(extra_tooltip or [])],
    )
    most = max((len(x) for x in lines), default=1)
    step = round(max(30, 10 + 16 * most) * scale)  # room for every line of the longest label
    bars = base.mark_bar(color=color, cornerRadiusEnd=3, **({"size": round(24 * scale)} if most > 1 else {}))
    layers = []
    if select:
        param = alt.selection_point(name=select, fields=[select_field], on="click", clear="dblclick")
        bars = bars.encode(opacity=alt.condition(param, alt.value(1.0), alt.value(0.35))).add_params(param)
    layers.append(bars)
    labels = base.mark_text(align="left", dx=4, fontSize=round(13 * scale), color=TEXT,
                            fontWeight="bold").encode(text=alt.Text(f"{value}:Q", format=",d"))
    layers.append(labels)
    return alt.layer(*layers).properties(title=_title(title, source), height=alt.Step(step),
                                         width="container")


def by_product(frame: pd.DataFrame, *, lang: str, source: str,
               interactive: bool = True, scale: float = 1.0, label_wrap: int | None = None) -> alt.TopLevelMixin:
    """Enterprises per product; a click selects a product (``SELECT_PRODUCT``); long
    names wrap at ``label_wrap`` characters when given."""
    tooltip = [alt.Tooltip("workers:Q", title=t("metric.workers", lang), format=",d")]
    return theme(_hbar(
        frame, category="product", value="enterprises", value_title=t("metric.enterprises", lang),
        title=t("chart.by_product.title", lang), source=source, lang=lang,
        select=SELECT_PRODUCT if interactive else None, select_field="product_code",
        extra_tooltip=tooltip, scale=scale, label_wrap=label_wrap,
    ), scale)


def by_worker_group(frame: pd.DataFrame, *, lang: str, source: str, scale: float = 1.0,
                    label_wrap: int | None = None, title: str | None = None) -> alt.TopLevelMixin:
    """Workers per published worker group (never an invented split): a row whose workers
    are unknown (null, see ``queries.worker_groups``) gets no bar; long group names wrap at
    ``label_wrap`` characters when given. ``title`` replaces "per product group" (a phase
    without published groups shows workers per product)."""
    frame = frame[frame["workers"].notna()]
    tooltip = [alt.Tooltip("products:N", title=t("chart.tooltip.products", lang)),
               alt.Tooltip("enterprises:Q", title=t("metric.enterprises", lang), format=",d")]
    return theme(_hbar(
        frame, category="group", value="workers", value_title=t("metric.workers", lang),
        title=title or t("chart.by_group.title", lang), source=source, lang=lang, extra_tooltip=tooltip,
        color=PALETTE[2], scale=scale, label_wrap=label_wrap,
    ), scale)


def by_regency(frame: pd.DataFrame, *, lang: str, source: str,
               interactive: bool = True, scale: float = 1.0) -> alt.TopLevelMixin:
    """Enterprises per regency; a click selects a regency (``SELECT_REGENCY``)."""
    tooltip = [alt.Tooltip("workers:Q", title=t("metric.workers", lang), format=",d")]
    return theme(_hbar(
        frame, category="regency", value="enterprises", value_title=t("metric.enterprises", lang),
        title=t("chart.by_regency.title", lang), source=source, lang=lang,
        select=SELECT_REGENCY if interactive else None, select_field="regency_code",
        extra_tooltip=tooltip, color=PALETTE[0], scale=scale,
    ), scale)


# Where each regency's label sits relative to its seat (degrees of lon, lat): the five
# Lombok seats are a few kilometres apart, so their labels fan out to the sides.
_LABEL_OFFSET = {
    "5271": (-0.06, 0.03), "5201": (-0.06, -0.08), "5202": (0.0, -0.13), "5203": (0.09, 0.0),
    "5208": (0.0, 0.1), "5207": (0.0, -0.12), "5204": (0.0, 0.12), "5205": (-0.08, 0.0),
    "5206": (0.0, -0.12), "5272": (0.0, 0.1),
}
_LABEL_ALIGN = {"5271": "right", "5201": "right", "5203": "left", "5205": "right"}

# A map narrower than this (px at scale 1; a phone) is drawn compact: smaller circles and
# short labels placed in pixels, since NTB is then ~100 px per degree and the five Lombok
# seats lie within 45 px of each other.
NARROW_MAP = 640
# Compact labels: (with the name?, align, dx, dy in px). Lombok's seats show their count
# only (the tooltip and the bar chart below name them); the rest a short name and count.
_NARROW_LABEL = {
    "5271": (False, "right", -10, 0), "5201": (False, "right", -9, 13), "5208": (False, "center", 0, -12),
    "5202": (False, "center", 0, 17), "5203": (False, "center", 0, -15), "5207": (True, "center", 0, 13),
    "5204": (True, "center", 0, -13), "5205": (True, "right", -9, 2), "5206": (True, "center", 0, 14),
    "5272": (True, "center", 0, -11),
}
_SHORT_NAME = {"5207": "KSB"}  # Sumbawa Barat, as officials write it


def _narrow(scale: float) -> str:
    """The Vega expression that is true while the map is drawn narrow (``width`` is the
    chart's width signal, which follows the container)."""
    return f"width < {round(NARROW_MAP * scale)}"


def _at_seat() -> tuple:
    """A mark's place at a regency seat (``lon``, ``lat``), as channel objects: Altair reads
    a shorthand string ("lon:Q") through a schema lookup that costs milliseconds each."""
    return alt.Longitude("lon:Q"), alt.Latitude("lat:Q")


def _land_of(coastline: dict) -> alt.Chart:
    """The land drawn under the map, from a copy of ``coastline``'s features (the GeoJSON
    given is never touched)."""
    return alt.Chart(alt.Data(values=copy.deepcopy(coastline["features"]))).mark_geoshape(
        fill="#E8EFDF", stroke="#7A8F6A", strokeWidth=0.7).project(type="mercator")


@lru_cache(maxsize=1)
def _land() -> alt.Chart:
    """NTB's land (``geo.load_coastline``), prepared once per process. Shared: layer it,
    never change it."""
    return _land_of(load_coastline())


def _map_labels(data: pd.DataFrame, scale: float) -> list[alt.Chart]:
    """The count beside each seat: full labels placed in degrees for a wide map, compact
    ones placed in pixels for a narrow one (each layer filtered on the chart's width)."""
    wide = data.assign(
        label=[f"{r} ({fmt_int(n)})" for r, n in zip(data["regency"], data["enterprises"])],
        lat=[lat + _LABEL_OFFSET.get(c, (0, 0.09))[1] for c, lat in zip(data["regency_code"], data["lat"])],
        lon=[lon + _LABEL_OFFSET.get(c, (0, 0))[0] for c, lon in zip(data["regency_code"], data["lon"])],
        align=[_LABEL_ALIGN.get(c, "center") for c in data["regency_code"]],
    )
    layers = [
        alt.Chart(wide[wide["align"] == align]).mark_text(
            fontSize=round(12 * scale), fontWeight="bold", color=TEXT, align=align,
        ).encode(*_at_seat(), alt.Text("label:N")).transform_filter(f"!({_narrow(scale)})")
        for align in ("left", "center", "right")
    ]
    place = [_NARROW_LABEL.get(c, (False, "center", 0, -12)) for c in data["regency_code"]]
    compact = data.assign(
        short=[(f"{_SHORT_NAME.get(c, r)} " if p[0] else "") + fmt_int(n)
               for c, r, n, p in zip(data["regency_code"], data["regency"], data["enterprises"], place)],
        place=[p[1:] for p in place],
    )
    for align, dx, dy in sorted(set(compact["place"])):
        rows = compact[[p == (align, dx, dy) for p in compact["place"]]].drop(columns=["place"])
        layers.append(alt.Chart(rows).mark_text(
            fontSize=round(11 * scale), fontWeight="bold", color=TEXT, align=align, baseline="middle",
            dx=round(dx * scale), dy=round(dy * scale),
        ).encode(*_at_seat(), alt.Text("short:N")).transform_filter(_narrow(scale)))
    return layers


def ntb_map(frame: pd.DataFrame, coastline: dict | None = None, *, lang: str, source: str, interactive: bool = True,
            scale: float = 1.0) -> alt.TopLevelMixin:
    """The offline map: NTB's coastline, a circle at each regency seat sized by its
    enterprises, and the count written beside it. A click selects a regency. Narrower than
    ``NARROW_MAP`` px (a phone) it draws smaller circles and short labels that do not overlap.
    ``coastline`` (a GeoJSON FeatureCollection) replaces NTB's (``geo.load_coastline``),
    which is prepared once per process."""
    land = _land() if coastline is None or coastline is load_coastline() else _land_of(coastline)
    data = frame[frame["enterprises"] > 0]
    base = alt.Chart(data).encode(*_at_seat())
    tooltip = [alt.Tooltip("regency:N", title=t("metric.regency", lang)),
               alt.Tooltip("enterprises:Q", title=t("metric.enterprises", lang), format=",d"),
               alt.Tooltip("workers:Q", title=t("metric.workers", lang), format=",d")]
    biggest = alt.ExprRef(expr=f"{_narrow(scale)} ? {round(300 * scale)} : {round(1100 * scale)}")
    circles = base.mark_circle(color=PRIMARY, stroke="white", strokeWidth=1.2).encode(
        size=alt.Size("enterprises:Q", scale=alt.Scale(range=[40 * scale, biggest]), legend=None),
        tooltip=tooltip,
    )
    if interactive:
        param = alt.selection_point(name=SELECT_REGENCY_MAP, fields=["regency_code"], on="click",
                                    clear="dblclick")
        circles = circles.encode(opacity=alt.condition(param, alt.value(0.85), alt.value(0.3))).add_params(param)
    else:
        circles = circles.encode(opacity=alt.value(0.85))
    chart = alt.layer(land, circles, *_map_labels(data, scale), projection=alt.Projection(type="mercator"),
                      title=_title(t("chart.map.title", lang), source), width="container", height=round(360 * scale))
    return theme(chart, scale)


# Up to this many phases, named in this many characters at most ("Tahap III"), stand as
# columns; more phases or longer names lie as rows, so that any number of phases keeps its
# names and values apart in a half-width column or a half-slide (about 400 px at 1.6x type).
PHASE_COLUMNS_MAX = 3
PHASE_COLUMN_LABEL_MAX = 9
PHASE_ROWS_FULL_SIZE = 6


def by_phase(frame: pd.DataFrame, *, metric: str, lang: str, source: str, scale: float = 1.0,
             phase_label: Callable[[int], str] | None = None) -> alt.TopLevelMixin:
    """One metric (enterprises or workers) per phase, from each phase's one source (the
    frame of ``queries.phase_summaries``); phases without that figure are left out, and a
    figure the release gives as approximate reads ``± 900``. ``phase_label`` names a phase
    (default ``Tahap 3``; the slides pass ``Tahap III``). Bars take their width from the
    band; more than ``PHASE_COLUMNS_MAX`` phases (or longer names) are drawn as
    horizontal bars, each value written past its bar."""
    name = phase_label or (lambda p: t("phase.label", lang, n=p))
    data = frame.dropna(subset=[metric]).copy()
    data["phase_label"] = [name(int(p)) for p in data["phase"]]
    data["value_label"] = [("± " if a else "") + fmt_int(v) for v, a in zip(data[metric], data[f"approx_{metric}"])]
    data["kind"] = [t(f"source.kind.{k}", lang) for k in data["source_kind"]]
    data["source_text"] = data["source_id" if lang == "id" and "source_id" in data else "source"]
    rows = len(data) > PHASE_COLUMNS_MAX or any(len(x) > PHASE_COLUMN_LABEL_MAX for x in data["phase_label"])
    # On a slide (scale > 1) the chart fills a box of fixed height: past PHASE_ROWS_FULL_SIZE
    # phases the type shrinks so each row keeps its own line. On the dashboard rows grow instead.
    shrink = min(1.0, PHASE_ROWS_FULL_SIZE / max(1, len(data))) if scale > 1 else 1.0
    size = round(13 * scale * shrink)
    headroom = 1.4 if rows else 1.15  # room for the value written past the longest bar
    value = alt.Scale(domainMin=0, domainMax=max(1, float(data[metric].max() if len(data) else 0) * headroom))
    value_enc = dict(field=metric, type="quantitative", title=t(f"metric.{metric}", lang), scale=value,
                     axis=alt.Axis(format=",d", tickMinStep=1, tickCount=5))
    phase_enc = dict(field="phase_label", type="nominal", title=None, sort=None,
                     scale=alt.Scale(paddingInner=0.3, paddingOuter=0.15))
    base = alt.Chart(data).encode(
        tooltip=[alt.Tooltip("phase_label:N", title=t("metric.phase", lang)),
                 alt.Tooltip(f"{metric}:Q", title=t(f"metric.{metric}", lang), format=",d"),
                 alt.Tooltip("kind:N", title=t("chart.tooltip.source", lang)),
                 alt.Tooltip("source_text:N", title=t("chart.tooltip.reference", lang))],
    )
    if rows:
        base = base.encode(y=alt.Y(**phase_enc, axis=alt.Axis(labelFontSize=size)), x=alt.X(**value_enc))
        text = dict(align="left", baseline="middle", dx=4, fontSize=size)
    else:
        base = base.encode(x=alt.X(**phase_enc, axis=alt.Axis(labelAngle=0)), y=alt.Y(**value_enc))
        text = dict(align="center", baseline="bottom", dy=-4, fontSize=round(13 * scale))
    bars = base.mark_bar(color=PRIMARY if metric == "enterprises" else PALETTE[2])
    labels = base.mark_text(fontWeight="bold", color=TEXT, **text).encode(text="value_label:N")
    height = alt.Step(round(32 * scale)) if rows else round(260 * scale)
    chart = alt.layer(bars, labels).properties(
        title=_title(t(f"chart.by_phase.{metric}", lang), source), width="container", height=height)
    return theme(chart, scale)
