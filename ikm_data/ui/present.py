"""The Presentasi page's forum mode: the slides of the chosen phase drawn large, moved by
buttons or a presenter's clicker, and the deck to hand out (PowerPoint or PDF). Its
stylesheet is ``present.css``, its keyboard ``slide_keys.js``, both beside this module."""

from __future__ import annotations

import html as _html
from functools import cache
from importlib import resources

import streamlit as st

from ikm_data import deck as _deck
from ikm_data import house
from ikm_data import slides as _slides
from ikm_data.i18n import t
from ikm_data.queries import Filters
from ikm_data.ui import style
from ikm_data.ui.data import dataset_at, store
from ikm_data.ui.jobs import deck_file
from ikm_data.ui.session import lang
from ikm_data.ui.signin import download_logger

PRESENT_SLIDE_KEY = "present_slide"
# Type size of charts on screen in forum mode (the dashboard draws them at 1.0).
PRESENT_CHART_SCALE = house.SLIDE_SCALE
PRESENT_CHART_HEIGHT = 370  # px of the whole chart at the design width: fits 720p and 1080p
PRESENT_DESIGN_WIDTH = 1200  # px: the slide's width at 1280x720, before the CSS stretches it


def present_mode() -> None:
    """Forum mode: hide the sidebar, header and toolbar, and set the slides' large type
    (``present.css``)."""
    st.html(f"\n<style>\n{style.stylesheet('present')}</style>\n")


@st.cache_resource(show_spinner=False, max_entries=16)
def _slide_deck(root: str, token: str, phase, regencies: tuple, products: tuple, lang_: str,
                scale: float) -> list:
    return _slides.build(dataset_at(root, token), Filters(phase, regencies, products), lang_, scale=scale)


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
# page and ignores held-down repeats and typing in a field (``slide_keys.js``).
PRESENT_KEYS_KEY = "present_keyboard"


def slide_keys(i: int, total: int, f: Filters) -> None:
    """The keyboard for slide ``i`` of ``total``: arrow keys and PageDown/PageUp move one
    slide per press (see ``slide_keys.js``); nothing is drawn."""
    component = st.components.v2.component("ikm_slide_keys", js=_slide_keys_js())
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
    """The slide's notes under it (the title slide shows its own)."""
    if slide.notes and slide.kind != "title":
        st.html('<div class="ikm-notes">' + "".join(f"<p>{_e(n)}</p>" for n in slide.notes) + "</div>")


def slide_footer(slide) -> None:
    """The source of the slide's figures."""
    st.html(f'<div class="ikm-footer"><span>{_e(slide.footer)}</span></div>')


def deck_download(f: Filters, fmt: str) -> None:
    """Offer the deck of ``f`` as ``fmt``: built on request apart from the page (``ui.jobs``:
    it goes on when the official leaves Presentasi, and coming back finds it), with a
    progress bar meanwhile."""
    current = lang()
    data = deck_file(f, fmt)
    if data is None:
        return
    name = _deck.file_name(f.phase, fmt, current)
    st.download_button(
        t(f"present.download.{fmt}", current), data=download_logger()(data, what="deck", file=name, phase=f.phase),
        file_name=name,
        mime=_deck.MIME[fmt], key=f"present_download_{fmt}", on_click="ignore", type="primary",
        icon=":material/download:",
    )
    st.caption(t("present.built", current, slides=len(slide_deck(f)), size=round(len(data) / 1024)))


@cache
def _slide_keys_js() -> str:
    return resources.files(__package__).joinpath("slide_keys.js").read_text(encoding="utf-8")
