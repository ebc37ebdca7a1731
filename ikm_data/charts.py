"""Altair chart builders with one house theme. They take the small aggregated frames from
``queries`` and return charts whose numbers read in id-ID (``2.858``) on axes, labels and
tooltips; every chart carries its source in its subtitle, so an exported image keeps it."""

from __future__ import annotations

import copy
import textwrap

import altair as alt
import pandas as pd

from ikm_data.formatting import fmt_int, vega_locale
from ikm_data.i18n import t

# Okabe-Ito: safe for the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
PRIMARY = "#0072B2"
MUTED = "#B8C7D9"
TEXT = "#1F2933"
FONT = "Source Sans Pro, Segoe UI, Arial, sans-serif"

# Names of the selection parameters; pages read them back from the chart's event.
SELECT_PRODUCT = "pilih_produk"
SELECT_REGENCY = "pilih_wilayah"
SELECT_REGENCY_MAP = "pilih_peta"


def theme(chart: alt.TopLevelMixin, scale: float = 1.0) -> alt.TopLevelMixin:
    """The house look: large dark text that survives a washed-out projector, id-ID numbers.
    ``scale`` enlarges the type (the presentation mode uses 1.6)."""
    fs = lambda n: round(n * scale)  # noqa: E731
    return chart.configure(
        locale=vega_locale(), font=FONT, background="white",
        range={"category": PALETTE},
    ).configure_title(
        fontSize=fs(17), subtitleFontSize=fs(12), color=TEXT, subtitleColor="#52606D",
        anchor="start", offset=10, subtitlePadding=4,
    ).configure_axis(
        labelFontSize=fs(13), titleFontSize=fs(13), labelColor=TEXT, titleColor=TEXT,
        gridColor="#E4E7EB", domainColor="#9AA5B1", labelLimit=fs(240),
    ).configure_legend(labelFontSize=fs(13), titleFontSize=fs(13)).configure_view(stroke=None)


def _title(text: str, source: str, width: int = 70) -> alt.TitleParams:
    """Title with the source as its subtitle, wrapped into lines so it is never cut off."""
    return alt.TitleParams(text=text, subtitle=textwrap.wrap(source, width) or [""])


def _hbar(frame: pd.DataFrame, *, category: str, value: str, value_title: str, title: str,
          source: str, lang: str, select: str | None = None, select_field: str | None = None,
          extra_tooltip: list | None = None, color: str = PRIMARY,
          scale: float = 1.0, label_wrap: int | None = None) -> alt.Chart:
    """Horizontal bars, largest on top, each value written beside its bar (so nothing
    depends on colour); optionally a click selection on ``select_field``. With
    ``label_wrap`` a long category label is broken onto lines of about that many
    characters instead of being cut off (the tooltip keeps it whole)."""
    y = alt.Y(f"{category}:N", sort="-x", title=None)
    if label_wrap:
        frame = frame.assign(_label=["\n".join(textwrap.wrap(str(v), label_wrap)) or str(v)
                                     for v in frame[category]])
        y = alt.Y("_label:N", sort="-x", title=None, axis=alt.Axis(labelExpr="split(datum.value, '\\n')"))
    base = alt.Chart(frame).encode(
        y=y,
        x=alt.X(f"{value}:Q", title=value_title, axis=alt.Axis(format=",d", tickMinStep=1)),
        tooltip=[alt.Tooltip(f"{category}:N", title=t("chart.tooltip.category", lang)),
                 alt.Tooltip(f"{value}:Q", title=value_title, format=",d"), *(extra_tooltip or [])],
    )
    bars = base.mark_bar(color=color, cornerRadiusEnd=3)
    layers = []
    if select:
        param = alt.selection_point(name=select, fields=[select_field], on="click", clear="dblclick")
        bars = bars.encode(opacity=alt.condition(param, alt.value(1.0), alt.value(0.35))).add_params(param)
    layers.append(bars)
    labels = base.mark_text(align="left", dx=4, fontSize=round(13 * scale), color=TEXT,
                            fontWeight="bold").encode(text=alt.Text(f"{value}:Q", format=",d"))
    layers.append(labels)
    return alt.layer(*layers).properties(title=_title(title, source), height=alt.Step(round(30 * scale)),
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
                    label_wrap: int | None = None) -> alt.TopLevelMixin:
    """Workers per published worker group (never an invented split); long group names
    wrap at ``label_wrap`` characters when given."""
    tooltip = [alt.Tooltip("products:N", title=t("chart.tooltip.products", lang)),
               alt.Tooltip("enterprises:Q", title=t("metric.enterprises", lang), format=",d")]
    return theme(_hbar(
        frame, category="group", value="workers", value_title=t("metric.workers", lang),
        title=t("chart.by_group.title", lang), source=source, lang=lang, extra_tooltip=tooltip,
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


def ntb_map(frame: pd.DataFrame, coastline: dict, *, lang: str, source: str, interactive: bool = True, scale: float = 1.0) -> alt.TopLevelMixin:
    """The offline map: NTB's coastline, a circle at each regency seat sized by its
    enterprises, and the count written beside it. A click selects a regency."""
    features = copy.deepcopy(coastline["features"])
    land = alt.Chart(alt.Data(values=features)).mark_geoshape(
        fill="#E8EFDF", stroke="#7A8F6A", strokeWidth=0.7).project(type="mercator")
    data = frame[frame["enterprises"] > 0]
    base = alt.Chart(data).encode(longitude="lon:Q", latitude="lat:Q")
    tooltip = [alt.Tooltip("regency:N", title=t("metric.regency", lang)),
               alt.Tooltip("enterprises:Q", title=t("metric.enterprises", lang), format=",d"),
               alt.Tooltip("workers:Q", title=t("metric.workers", lang), format=",d")]
    circles = base.mark_circle(color=PRIMARY, stroke="white", strokeWidth=1.2).encode(
        size=alt.Size("enterprises:Q", scale=alt.Scale(range=[60 * scale, 1100 * scale]), legend=None),
        tooltip=tooltip,
    )
    if interactive:
        param = alt.selection_point(name=SELECT_REGENCY_MAP, fields=["regency_code"], on="click",
                                    clear="dblclick")
        circles = circles.encode(opacity=alt.condition(param, alt.value(0.85), alt.value(0.3))).add_params(param)
    else:
        circles = circles.encode(opacity=alt.value(0.85))
    data_labels = data.assign(
        label=[f"{r} ({fmt_int(n)})" for r, n in zip(data["regency"], data["enterprises"])],
        lat=[lat + _LABEL_OFFSET.get(c, (0, 0.09))[1] for c, lat in zip(data["regency_code"], data["lat"])],
        lon=[lon + _LABEL_OFFSET.get(c, (0, 0))[0] for c, lon in zip(data["regency_code"], data["lon"])],
        align=[_LABEL_ALIGN.get(c, "center") for c in data["regency_code"]],
    )
    labels = [
        alt.Chart(data_labels[data_labels["align"] == align]).mark_text(
            fontSize=round(12 * scale), fontWeight="bold", color=TEXT, align=align,
        ).encode(longitude="lon:Q", latitude="lat:Q", text="label:N")
        for align in ("left", "center", "right")
    ]
    chart = alt.layer(land, circles, *labels).project(type="mercator").properties(
        title=_title(t("chart.map.title", lang), source, width=110), width="container",
        height=round(360 * scale))
    return theme(chart, scale)


def by_phase(frame: pd.DataFrame, *, metric: str, lang: str, source: str, scale: float = 1.0) -> alt.TopLevelMixin:
    """One metric (enterprises or workers) per phase, from each phase's one source;
    approximate figures are marked with a '±' beside the value."""
    data = frame.dropna(subset=[metric]).copy()
    data["phase_label"] = [t("phase.label", lang, n=p) for p in data["phase"]]
    data["value_label"] = [("± " if a else "") + fmt_int(v) for v, a in zip(data[metric], data["approximate"])]
    data["kind"] = [t(f"source.kind.{k}", lang) for k in data["source_kind"]]
    base = alt.Chart(data).encode(
        x=alt.X("phase_label:N", title=None, sort=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{metric}:Q", title=t(f"metric.{metric}", lang), axis=alt.Axis(format=",d")),
        tooltip=[alt.Tooltip("phase_label:N", title=t("metric.phase", lang)),
                 alt.Tooltip(f"{metric}:Q", title=t(f"metric.{metric}", lang), format=",d"),
                 alt.Tooltip("kind:N", title=t("chart.tooltip.source", lang)),
                 alt.Tooltip("source:N", title=t("chart.tooltip.reference", lang))],
    )
    bars = base.mark_bar(color=PRIMARY if metric == "enterprises" else PALETTE[2], size=round(60 * scale))
    labels = base.mark_text(dy=-8, fontSize=round(13 * scale), fontWeight="bold", color=TEXT).encode(
        text="value_label:N")
    chart = alt.layer(bars, labels).properties(
        title=_title(t(f"chart.by_phase.{metric}", lang), source), width="container", height=round(260 * scale))
    return theme(chart, scale)
