"""Tables of the programme's themes as officials read them and download them
(``tables.Table``: the same columns, headers and labels on screen and in the files)."""

from __future__ import annotations

import pandas as pd

from ikm_data import schema
from ikm_data.tables import Column, Table

# The header of a ``themes.counts_by`` frame's label column, per grouping
_GROUP_HEADER = {"product": "metric.product", "regency": "metric.regency", "raw_material": "themes.col.raw_material"}
# What a totals row over the groups means: per regency each enterprise counts once; per
# product or raw material once per group it falls in (and the row says so)
_TOTAL = {"product": "downloads.total.per_product", "regency": "downloads.total",
          "raw_material": "downloads.total.per_product"}


def _table(frame: pd.DataFrame, columns: list[tuple], lang: str, total_key: str | None = None) -> Table:
    return Table(frame.reset_index(drop=True), tuple(Column(*c) for c in columns), lang, total_key)


def certifications(frame: pd.DataFrame, by: str, lang: str) -> Table:
    """Per product or regency (a ``themes.counts_by`` frame): enterprises, how many hold
    each certification and any of them, how many hold none, and how many have data; a
    certification nobody's data gives reads ``–`` (unknown, not 0)."""
    out = frame.assign(none=frame["certified_known"] - frame["certified"])
    for c in schema.CERTIFICATIONS:
        out[c] = [int(h) if k else None for h, k in zip(frame[c], frame[f"{c}_known"])]
        out[c] = out[c].astype("Int64")
    return _table(out, [
        ("label", _GROUP_HEADER[by], "text"),
        ("enterprises", "metric.enterprises", "int", True),
        ("certified_known", "themes.col.known", "int", True),
        *((c, f"themes.cert.{c}", "int", True) for c in schema.CERTIFICATIONS),
        ("certified", "themes.cert.certified", "int", True),
        ("none", "themes.cert.none", "int", True),
    ], lang, _TOTAL[by])


def flag(frame: pd.DataFrame, by: str, name: str, lang: str, header: str) -> Table:
    """Per group of a ``themes.counts_by`` frame: enterprises, how many hold the flag
    ``name`` (headed ``header``), how many have data, and the share of those."""
    out = frame.assign(share=[h / k if k else None for h, k in zip(frame[name], frame[f"{name}_known"])])
    return _table(out, [
        ("label", _GROUP_HEADER[by], "text"),
        ("enterprises", "metric.enterprises", "int", True),
        (name, header, "int", True),
        (f"{name}_known", "themes.col.known", "int", True),
        ("share", "themes.col.share", "pct"),
    ], lang, _TOTAL[by])


def uncertified(frame: pd.DataFrame, lang: str) -> Table:
    """The enterprises holding no certificate (``themes.uncertified``): name, regency,
    products, workers. No personal data; not totalled (a page is not a population)."""
    return _table(frame, [
        ("name", "metric.enterprise", "text"),
        ("regency", "metric.regency", "text"),
        ("product", "metric.product", "text"),
        ("workers", "metric.workers", "int"),
    ], lang)


def partners(frame: pd.DataFrame, lang: str) -> Table:
    """Each tourism partner with how many enterprises supply it and their products. Not
    additive: an enterprise may supply several partners."""
    return _table(frame, [
        ("partner", "pariwisata.col.partner", "text"),
        ("enterprises", "metric.enterprises", "int"),
        ("product", "chart.tooltip.products", "text"),
        ("spellings", "pariwisata.col.spellings", "int"),
    ], lang)


def mentoring_comparison(frame: pd.DataFrame, lang: str) -> Table:
    """Mentored and not mentored side by side (``themes.mentoring_comparison``)."""
    return _table(frame, [
        ("label", "pendampingan.col.group", "text"),
        ("enterprises", "metric.enterprises", "int"),
        ("workers_per_enterprise", "pendampingan.metric.per_enterprise", "num"),
        ("certified", "pendampingan.col.certified", "int"),
        ("certified_known", "themes.col.known", "int"),
        ("certified_share", "themes.col.share", "pct"),
    ], lang)
