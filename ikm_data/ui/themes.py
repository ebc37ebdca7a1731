"""What the theme pages (Standardisasi, Pasar Pariwisata, Pendampingan) share: the guard
that explains a phase without the data instead of showing 0 %, and a card whose count
says of how many enterprises it is."""

from __future__ import annotations

import streamlit as st

from ikm_data import themes
from ikm_data.formatting import fmt_int, fmt_pct
from ikm_data.queries import Filters
from ikm_data.ui.data import has_rows, query
from ikm_data.ui.session import tr


def theme_counts(f: Filters, flag: str, prefix: str) -> dict:
    """``themes.counts`` under ``f`` for a page about ``flag``; the page stops with an
    explanation where there is nothing to count: a phase with only published figures
    (``<prefix>.published_only``), no enterprise under the filters, or a file without
    the flag's column (``<prefix>.no_column``: unknown, not 0 %). Where only some
    enterprises' data gives the flag, says so."""
    if not has_rows(f.phase):
        st.info(tr(f"{prefix}.published_only", n=f.phase))
        st.stop()
    c = query(themes.counts, f)
    if not c["enterprises"]:
        st.info(tr("direktori.none"))
        st.stop()
    known = c[f"{flag}_known"]
    if not known:
        st.info(tr(f"{prefix}.no_column", n=f.phase))
        st.stop()
    if known < c["enterprises"]:
        st.info(tr("themes.partial", known=fmt_int(known), total=fmt_int(c["enterprises"]),
                   unknown=fmt_int(c["enterprises"] - known)))
    return c


def flag_metric(column, label: str, held: int, known: int) -> None:
    """A card in ``column``: how many enterprises hold it, and under it of how many with
    data and the share (``dari 30 IKM yang datanya ada (36,7%)``); without data ``–``
    and why."""
    column.metric(label, fmt_int(held) if known else "–", border=True)
    column.caption(tr("themes.of_known", known=fmt_int(known), share=fmt_pct(held / known)) if known
                   else tr("themes.no_column"))
