"""Charts of the programme's themes (``ikm_data.themes``) in the house look of
``ikm_data.charts``: a certification heatmap with the counts written in its cells, and
bars of enterprises holding a flag (per product, regency or raw material) whose tooltips
say of how many enterprises each count is."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ikm_data import schema
from ikm_data.charts import _hbar, _title, theme, wrap_label
from ikm_data.formatting import fmt_int
from ikm_data.house import PALETTE, RULE, TEXT
from ikm_data.i18n import t

CERT_ORDER = (*schema.CERTIFICATIONS, "certified")
# A share above this is drawn dark enough that its count is written in white.
_DARK_FROM = 0.55


def certification_heatmap(frame: pd.DataFrame, *, category_title: str, title: str, source: str,
                          lang: str, scale: float = 1.0) -> alt.TopLevelMixin:
    """Groups (rows: ``label``) x certifications (columns), each cell coloured by the share
    of the group's enterprises with data that hold it and labelled ``11 dari 30``; a cell
    where nobody's data is known is grey and reads ``–``. ``frame`` is
    ``themes.certification_matrix``."""
    names = {c: t(f"themes.cert.{c}", lang) for c in CERT_ORDER}
    data = frame.assign(
        cert_label=[names[c] for c in frame["cert"]],
        cell=[t("themes.cell", lang, held=fmt_int(h), known=fmt_int(k)) if k else "–"
              for h, k in zip(frame["held"], frame["known"])],
        dark=[bool(k) and s > _DARK_FROM for s, k in zip(frame["share"], frame["known"])],
        row=["\n".join(wrap_label(x)) for x in frame["label"]],
    )
    rows = list(dict.fromkeys(data["row"]))
    most = max((r.count("\n") + 1 for r in rows), default=1)
    x = alt.X("cert_label:N", sort=[names[c] for c in CERT_ORDER], title=None,
              axis=alt.Axis(orient="top", labelAngle=0, labelFontWeight="bold"))
    y = alt.Y("row:N", sort=rows, title=category_title,
              axis=alt.Axis(labelExpr="split(datum.label, '\\n')", labelOverlap=False))
    base = alt.Chart(data).encode(x=x, y=y, tooltip=[
        alt.Tooltip("label:N", title=category_title),
        alt.Tooltip("cert_label:N", title=t("themes.cert.column", lang)),
        alt.Tooltip("held:Q", title=t("themes.col.held", lang), format=",d"),
        alt.Tooltip("known:Q", title=t("themes.col.known", lang), format=",d"),
        alt.Tooltip("share:Q", title=t("themes.col.share", lang), format=".1%"),
    ])
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(color=alt.condition(
        "datum.known > 0",
        alt.Color("share:Q", scale=alt.Scale(domain=[0, 1], scheme="blues"), legend=alt.Legend(
            title=t("themes.col.share", lang), format=".0%", orient="bottom", gradientLength=round(200 * scale))),
        alt.value(RULE)))
    text = base.mark_text(fontSize=round(13 * scale), fontWeight="bold").encode(
        text="cell:N", color=alt.condition("datum.dark", alt.value("white"), alt.value(TEXT)))
    step = round(max(34, 12 + 16 * most) * scale)
    return theme(alt.layer(cells, text).properties(
        title=_title(title, source), width="container", height=alt.Step(step)), scale)


def flag_bars(frame: pd.DataFrame, *, flag: str, title: str, source: str, lang: str,
              color: str = PALETTE[2], scale: float = 1.0, label_wrap: int | None = None) -> alt.TopLevelMixin:
    """Enterprises holding ``flag`` per group (``label``) of a ``themes.counts_by`` frame,
    largest first, the count written at each bar; the tooltip gives how many enterprises
    of the group have data (``<flag>_known``)."""
    data = frame.assign(held=frame[flag].astype(int), known=frame[f"{flag}_known"].astype(int))
    tooltip = [alt.Tooltip("known:Q", title=t("themes.col.known", lang), format=",d"),
               alt.Tooltip("enterprises:Q", title=t("metric.enterprises", lang), format=",d")]
    return theme(_hbar(data, category="label", value="held", value_title=t("metric.enterprises", lang),
                       title=title, source=source, lang=lang, extra_tooltip=tooltip, color=color, scale=scale,
                       label_wrap=label_wrap), scale)
