"""Presentasi: forum mode. The chosen phase (and filters) as a curated sequence of slides,
one idea each, in large type; next/previous by big buttons or a presenter's clicker
(arrow keys, PageUp/PageDown: one press moves one slide); the deck to hand out as
PowerPoint or PDF.

Stable selectors for browser tests: ``.st-key-present_prev``/``.st-key-present_next``
(buttons), ``.st-key-present_counter`` ("3 / 7"), ``.st-key-present_slide`` (the slide,
whose head carries ``data-slide="<key>"``), ``.st-key-present_back`` (back link),
``.st-key-present_downloads`` (deck downloads)."""

import streamlit as st

from ikm_data import ui

ui.present_mode()
f = ui.filters()
lang = ui.lang()

with st.container(horizontal=True, key="present_top", vertical_alignment="center"):
    with st.container(key="present_back", width="content"):
        st.page_link("pages/ringkasan.py", label=ui.tr("present.back"), icon=":material/arrow_back:")
    st.caption(ui.tr("present.fullscreen_hint") + " " + ui.tr("present.keys_hint"))

deck = ui.slide_deck(f)
if not deck:
    st.info(ui.tr("present.empty", phase=ui.phase_name(f.phase)))
    st.stop()
total = len(deck)
i = ui.slide_index(total)
slide = deck[i]

with st.container(key="present_slide"):
    if slide.kind == "title":
        ui.slide_cover(slide)
    else:
        ui.slide_head(slide)
        if slide.kind == "figures":
            ui.slide_figures(slide)
        elif slide.kind == "chart":
            for col, chart in zip(st.columns(len(slide.charts)), slide.charts):
                col.altair_chart(ui.slide_chart(chart, len(slide.charts)), width="content")
        elif slide.kind == "sources":
            ui.slide_table(slide)
    ui.slide_notes(slide)
    ui.slide_footer(slide)

with st.container(horizontal=True, key="present_nav", vertical_alignment="center",
                  horizontal_alignment="center"):
    # one arrow per button (its icon); the keys are the keyboard's, below
    st.button(ui.tr("present.prev"), key="present_prev", icon=":material/arrow_back:",
              on_click=ui.go_to_slide, args=(i - 1, total), disabled=i == 0)
    with st.container(key="present_counter", width="content"):
        st.markdown(ui.tr("present.counter", i=i + 1, n=total))
    st.button(ui.tr("present.next"), key="present_next", icon=":material/arrow_forward:",
              icon_position="right", on_click=ui.go_to_slide, args=(i + 1, total),
              disabled=i == total - 1, type="primary")
    with st.popover(ui.tr("present.downloads"), icon=":material/download:", key="present_downloads"):
        st.caption(ui.tr("present.downloads.caption"))
        ui.deck_download(f, "pptx")
        ui.deck_download(f, "pdf")

# Arrow keys and a presenter's clicker (PageDown/PageUp): one press, one slide.
with st.container(key="present_keys"):
    ui.slide_keys(i, total, f)
