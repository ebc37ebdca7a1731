"""The deck an official hands out after a forum: the slides of ``ikm_data.slides`` as a
16:9 PowerPoint (python-pptx: real, editable titles, text boxes and tables; the bar charts
as native PowerPoint charts holding their numbers, the map as a sharp PNG picture at least
1600 px wide) and as a PDF with the same content (fpdf2 with the DejaVu Sans font shipped
in ``data/fonts``; every chart a picture). Both are built offline; each slide is footed
with its source and numbered ``3 / 7``; figures are in id-ID (``2.858``).

``build(ds, filters, fmt, lang, progress=...)`` is what the page and the CLI call;
``progress(fraction, text)`` is told how far the build is.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ikm_data import deck_layout, deck_pdf, deck_pptx, export
from ikm_data import slides as slides_mod
from ikm_data.deck_layout import (
    CHART_PPI,
    MAP_DRAW_WIDTH,
    MIN_PNG_WIDTH,
    Box,
    chart_boxes,
)
from ikm_data.deck_pptx import (
    APPROX_NUMBER_FORMAT,
    NUMBER_FORMAT,
    is_native,
    native_data,
)
from ikm_data.errors import DeckError
from ikm_data.i18n import t
from ikm_data.queries import Dataset, Filters
from ikm_data.slides import Slide

FORMATS = export.DECK_FORMATS
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
Progress = Callable[[float, str], None]
__all__ = ["APPROX_NUMBER_FORMAT", "CHART_PPI", "FORMATS", "MAP_DRAW_WIDTH", "MIME", "MIN_PNG_WIDTH",
           "NUMBER_FORMAT", "Box", "build", "build_pdf", "build_pptx", "chart_boxes", "chart_image",
           "file_name", "is_native", "native_data", "render_charts"]

# The boxes, colours and sizes of the slides live in ``deck_layout`` (one layout for both
# formats); the PowerPoint and PDF drawing in ``deck_pptx`` and ``deck_pdf``.


def _pictures(deck: list[Slide], native: bool) -> int:
    """How many charts are drawn as pictures (all of them unless PowerPoint draws some)."""
    return sum(1 for s in deck for ci in range(len(s.charts)) if not (native and is_native(s, ci)))


def _steps(deck: list[Slide], native: bool = False) -> int:
    return _pictures(deck, native) + len(deck) + 1


class _Ticker:
    """Counts steps and reports ``progress(fraction, text)``."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, max(1, total), 0

    def __call__(self, text: str) -> None:
        self.done += 1
        if self.progress:
            self.progress(min(1.0, self.done / self.total), text)


# -- chart images --------------------------------------------------------------------------
def render_charts(deck: list[Slide], lang: str = "id", progress: Progress | None = None,
                  _tick: _Ticker | None = None, *, native: bool = False) -> dict[tuple[int, int], bytes]:
    """PNG bytes of every chart, keyed ``(slide index, chart index)``, each drawn to fill
    its box on the slide and at least ``MIN_PNG_WIDTH`` px wide; with ``native``, only
    the charts PowerPoint cannot draw itself (the map)."""
    n = _pictures(deck, native)
    tick = _tick or _Ticker(progress, n)
    images, i = {}, 0
    for si, slide in enumerate(deck):
        for ci, (chart, box) in enumerate(zip(slide.charts, chart_boxes(slide))):
            if native and is_native(slide, ci):
                continue
            i += 1
            images[(si, ci)] = chart_image(chart, box, MAP_DRAW_WIDTH if slide.key == "regions" else 0)
            tick(t("deck.progress.chart", lang, i=i, n=n))
    return images


def chart_image(chart, box: Box, min_width: int = 0) -> bytes:
    """The chart drawn for ``box``: its drawing width and height follow the box
    (``CHART_PPI``, so the type keeps its size on the slide) or, where that is narrower than
    ``min_width``, are drawn at ``min_width`` (same proportions) and fitted to the box; the
    pixel scale makes the PNG at least ``MIN_PNG_WIDTH`` wide."""
    width, height = round(box.w * CHART_PPI), round(box.h * CHART_PPI)
    if width < min_width:
        width, height = min_width, round(height * min_width / width)
    spec = export.chart_spec(chart, width)
    spec["height"] = height
    spec["autosize"] = {"type": "fit", "contains": "padding"}  # the whole image fills the box
    scale = max(2.0, math.ceil(MIN_PNG_WIDTH / width * 10) / 10)
    import vl_convert as vlc

    export.register_fonts()
    return vlc.vegalite_to_png(spec, scale=scale)


# -- the two formats ----------------------------------------------------------------------
def build_pptx(deck: list[Slide], lang: str = "id", progress: Progress | None = None,
               images: dict | None = None) -> bytes:
    """The slides as a 16:9 .pptx (bytes): bar charts as native, editable PowerPoint
    charts, the map as a picture. ``images`` may hold the pictures already rendered by
    ``render_charts``; else they are rendered here."""
    tick = _Ticker(progress, _steps(deck, native=True) if images is None else len(deck) + 1)
    images = images if images is not None else render_charts(deck, lang, _tick=tick, native=True)
    return _draw(deck_pptx.PptxCanvas(deck, lang, images), deck, lang, tick)


def build_pdf(deck: list[Slide], lang: str = "id", progress: Progress | None = None,
              images: dict | None = None) -> bytes:
    """The same slides as a PDF (bytes), one 16:9 page each, text as real (searchable)
    text in the shipped DejaVu Sans."""
    tick = _Ticker(progress, _steps(deck) if images is None else len(deck) + 1)
    images = images if images is not None else render_charts(deck, lang, _tick=tick)
    return _draw(deck_pdf.PdfCanvas(deck, lang, images), deck, lang, tick)


def _draw(canvas, deck: list[Slide], lang: str, tick: _Ticker) -> bytes:
    """Every slide drawn on ``canvas`` by the one layout; the file's bytes."""
    for si, slide in enumerate(deck):
        deck_layout.draw_slide(canvas, slide, si, len(deck), lang)
        tick(t("deck.progress.slide", lang, i=si + 1, n=len(deck)))
    data = canvas.save()
    tick(t("deck.progress.done", lang))
    return data


# -- the whole build -----------------------------------------------------------------------
def build(ds: Dataset, f: Filters, fmt: str, lang: str = "id", progress: Progress | None = None) -> bytes:
    """The deck of ``f.phase`` (with its filters) as ``fmt`` (pptx or pdf) bytes.

    Raises DeckError (a ValueError) for an unknown format or a phase with nothing to
    present.
    """
    if fmt not in FORMATS:
        raise DeckError.from_key("deck.error.format", format=fmt, formats=", ".join(FORMATS))
    if progress:
        progress(0.0, t("deck.progress.start", lang))
    deck = slides_mod.build(ds, f, lang)
    if not deck:
        raise DeckError.from_key("deck.error.nothing", phase=f.phase)
    maker = build_pptx if fmt == "pptx" else build_pdf
    return maker(deck, lang, progress)


def file_name(phase: int, fmt: str, lang: str = "id") -> str:
    """``presentasi-jps-gemilang-tahap-3.pptx``."""
    return f"{t('deck.file_stem', lang, n=phase)}.{fmt}"
