"""Where everything sits on a slide of the deck, once for PowerPoint and PDF alike: the
boxes (inches on the 13,333 x 7,5 in widescreen page), colours and type sizes of each
kind of slide, drawn onto a small ``Canvas`` (``rect``, ``text``, ``image``, ``table``,
``chart``) that ``deck_pptx`` implements with python-pptx and ``deck_pdf`` with fpdf2.

``draw_slide(canvas, slide, index, total, lang)`` draws one slide; no geometry lives in
the backends.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ikm_data import export, house
from ikm_data.i18n import t
from ikm_data.slides import Slide

# The page, in inches (16:9, PowerPoint's widescreen size)
WIDTH, HEIGHT = 13.333, 7.5
MARGIN = 0.6
CONTENT_TOP = 1.45
FOOTER_TOP = 6.92
NOTE_LINE = 0.3  # inches per line of notes (17 pt with leading)
NOTE_CHARS = 88  # characters per line of notes across the slide
CHART_PPI = 68  # px of chart drawing per inch of slide: the charts' 21 px type reads as ~22 pt
MIN_PNG_WIDTH = 1600
# The map is drawn as wide as on the Presentasi page (ui.PRESENT_DESIGN_WIDTH), so that it
# keeps every regency's name beside its circle (narrower, it turns compact for phones).
MAP_DRAW_WIDTH = 1200

# Colours: the house's (``ikm_data.house``, shared with the charts and the pages), as RGB
TEXT, MUTED, PRIMARY = house.rgb(house.TEXT), house.rgb(house.TEXT_SECONDARY), house.rgb(house.PRIMARY)
PANEL, RULE = house.rgb(house.PANEL), house.rgb(house.RULE)
BADGE_FILL, BADGE_LINE, BADGE_TEXT = (house.rgb(c) for c in (house.BADGE_FILL, house.BADGE_LINE, house.BADGE_TEXT))
WHITE = (0xFF, 0xFF, 0xFF)

# Type sizes in points
TITLE_PT, BIG_TITLE_PT, SUBTITLE_PT, BODY_PT, NOTE_PT, FOOTER_PT = 34, 50, 26, 22, 17, 12
FIGURE_PT, FIGURE_LABEL_PT, FIGURE_NOTE_PT, TABLE_PT, COVER_NOTE_PT = 58, 22, 15, 16, 24
LINE_PT = 1.25  # the badge's outline
CORNER = 0.12  # radius of rounded corners


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Style:
    """How a text is set: size (pt), colour, weight, alignment across (left, center,
    right) and down its box (top, middle, bottom)."""

    size: float
    color: tuple = TEXT
    bold: bool = False
    align: str = "left"
    anchor: str = "top"


# The boxes every slide shares
TITLE_BOX = Box(MARGIN, 0.35, WIDTH - 2 * MARGIN - 3.4, 0.95)
BADGE_BOX = Box(WIDTH - MARGIN - 3.2, 0.5, 3.2, 0.5)
TOP_BAR = Box(0, 0, WIDTH, 0.14)
FOOTER_RULE = Box(MARGIN, FOOTER_TOP - 0.06, WIDTH - 2 * MARGIN, 0.015)
FOOTER_SOURCE = Box(MARGIN, FOOTER_TOP, WIDTH - 2 * MARGIN - 1.2, 0.45)
FOOTER_NUMBER = Box(WIDTH - MARGIN - 1.1, FOOTER_TOP, 1.1, 0.45)
# The title slide (the cover)
COVER_BAR = Box(0, 0, 0.35, HEIGHT)
COVER_TITLE = Box(1.0, 1.35, 11.3, 1.3)
COVER_SUBTITLE = Box(1.0, 2.75, 11.3, 1.2)
COVER_LINES = Box(1.0, 4.0, 11.3, 1.5)
COVER_NOTES = Box(1.0, 5.75, 11.3, 0.7)
TABLE_ROW = 0.5  # inches per row of the sources table


class Canvas:
    """What a backend draws: a page per slide, then rectangles, texts, pictures, a table
    and charts, each in a ``Box``. ``chart`` draws the chart's picture (``images`` holds
    PNG bytes keyed ``(slide index, chart index)``) fitted in its box; a backend that can
    draw some charts itself overrides it."""

    images: dict

    def page(self, slide: Slide) -> None:
        raise NotImplementedError

    def rect(self, box: Box, fill: tuple, line: tuple | None = None, rounded: bool = False,
             label: tuple[str, Style] | None = None) -> None:
        """A filled rectangle; ``label`` (text, style) is written inside it."""
        raise NotImplementedError

    def text(self, box: Box, paragraphs: str | list[str], style: Style, role: str = "") -> None:
        """Paragraphs in ``box``; ``role`` (``title``, ``subtitle``) names the slide's
        title, which PowerPoint keeps in its placeholders."""
        raise NotImplementedError

    def image(self, box: Box, png: bytes) -> None:
        raise NotImplementedError

    def table(self, box: Box, frame: pd.DataFrame, widths: list[float], right: tuple[int, ...],
              row: float) -> None:
        """``frame`` under a header row, in ``box`` (its height: the table's), columns
        ``widths`` inches wide, the columns numbered in ``right`` aligned right, each row
        at least ``row`` inches high."""
        raise NotImplementedError

    def save(self) -> bytes:
        """The finished file."""
        raise NotImplementedError

    def chart(self, box: Box, slide: Slide, index: int, ci: int) -> None:
        """Chart ``ci`` of ``slide`` (number ``index``, 0-based) in ``box``."""
        png = self.images[(index, ci)]
        self.image(fit(png, box), png)


# -- boxes computed from a slide -----------------------------------------------------------
def notes_height(slide: Slide) -> float:
    """Inches the slide's notes take above the footer (0 without notes)."""
    if not slide.notes:
        return 0.0
    lines = sum(max(1, math.ceil(len(n) / NOTE_CHARS)) for n in slide.notes)
    return lines * NOTE_LINE + 0.15


def content_box(slide: Slide) -> Box:
    """Where a slide's figures, charts or table go (above its notes and footer)."""
    bottom = FOOTER_TOP - 0.15 - notes_height(slide)
    return Box(MARGIN, CONTENT_TOP, WIDTH - 2 * MARGIN, bottom - CONTENT_TOP)


def notes_box(slide: Slide) -> Box:
    h = notes_height(slide)
    return Box(MARGIN, FOOTER_TOP - 0.12 - h, WIDTH - 2 * MARGIN, h)


def chart_boxes(slide: Slide) -> list[Box]:
    """One box per chart of the slide, side by side with a gap."""
    box, n, gap = content_box(slide), len(slide.charts), 0.4
    if not n:
        return []
    w = (box.w - gap * (n - 1)) / n
    return [Box(box.x + i * (w + gap), box.y, w, box.h) for i in range(n)]


def figure_boxes(slide: Slide) -> list[Box]:
    """One panel per headline figure, at most 4 in wide, centred in the content box."""
    box, n, gap = content_box(slide), max(1, len(slide.figures)), 0.3
    w = min((box.w - gap * (n - 1)) / n, 4.0)
    x0 = box.x + (box.w - (w * n + gap * (n - 1))) / 2
    h = min(box.h - 0.2, 3.9)
    return [Box(x0 + i * (w + gap), box.y + (box.h - h) / 2, w, h) for i in range(n)]


def figure_parts(fig, box: Box) -> list[tuple[Box, str, Style]]:
    """(box, text, style) of a figure's value, label and note inside its panel."""
    inner = box.w - 0.4
    parts = [
        (Box(box.x + 0.2, box.y + 0.3, inner, 1.4), fig.value,
         Style(fit_pt(fig.value, inner, FIGURE_PT, 0.72), PRIMARY, True, "center", "middle")),
        (Box(box.x + 0.2, box.y + 1.85, inner, 0.7), fig.label,
         Style(fit_pt(fig.label, inner, FIGURE_LABEL_PT, 0.66), TEXT, True, "center")),
    ]
    if fig.note:
        parts.append((Box(box.x + 0.2, box.y + 2.6, inner, 1.1), fig.note,
                      Style(FIGURE_NOTE_PT, MUTED, False, "center")))
    return parts


def table_box(slide: Slide) -> Box:
    """The sources table: the content box's top and width, one ``TABLE_ROW`` per row."""
    box = content_box(slide)
    return Box(box.x, box.y, box.w, min(box.h, TABLE_ROW * (len(slide.table) + 1)))


def table_widths(slide: Slide, total: float) -> list[float]:
    """Column widths (inches, summing to ``total``) after the longest text of each."""
    cols = list(slide.table.columns)
    weights = [max(len(str(c)), *(len(str(v)) for v in slide.table[c])) for c in cols]
    weights = [min(max(w, 11), 45) for w in weights]
    return [total * w / sum(weights) for w in weights]


def fit(png: bytes, box: Box) -> Box:
    """The largest box of the image's aspect ratio inside ``box``, centred across, at top."""
    w_px, h_px = export.png_size(png)
    ratio = w_px / h_px
    w, h = box.w, box.w / ratio
    if h > box.h:
        h, w = box.h, box.h * ratio
    return Box(box.x + (box.w - w) / 2, box.y, w, h)


def fit_pt(text: str, width: float, largest: float, em: float) -> float:
    """The largest size up to ``largest`` pt at which ``text`` (about ``em`` of its size
    wide per character, DejaVu Sans Bold) fits in one line of ``width`` inches."""
    return max(12.0, min(largest, math.floor(width * 72 / (em * max(1, len(text))))))


def title_pt(slide: Slide) -> float:
    """The title's size: ``TITLE_PT``, smaller where a long title would not fit one line."""
    return max(24.0, fit_pt(slide.title, TITLE_BOX.w - 0.1, TITLE_PT, 0.64))


def badge_pt(slide: Slide) -> float:
    return fit_pt(slide.sample_label, BADGE_BOX.w - 0.3, 16, 0.64)


# -- drawing -------------------------------------------------------------------------------
def draw_slide(canvas: Canvas, slide: Slide, index: int, total: int, lang: str = "id") -> None:
    """Draw ``slide`` (number ``index`` of ``total``, 0-based) on a new page of ``canvas``."""
    canvas.page(slide)
    if slide.kind == "title":
        _cover(canvas, slide)
    else:
        canvas.rect(TOP_BAR, PRIMARY)
        canvas.text(TITLE_BOX, slide.title, Style(title_pt(slide), bold=True, anchor="middle"), role="title")
        if slide.kind == "figures":
            _figures(canvas, slide)
        elif slide.kind == "chart":
            for ci, box in enumerate(chart_boxes(slide)):
                canvas.chart(box, slide, index, ci)
        elif slide.kind == "sources":
            canvas.table(table_box(slide), slide.table, table_widths(slide, content_box(slide).w), (1, 2),
                         TABLE_ROW)
        if slide.notes:
            canvas.text(notes_box(slide), slide.notes, Style(NOTE_PT, MUTED, anchor="bottom"))
    if slide.sample:
        canvas.rect(BADGE_BOX, BADGE_FILL, BADGE_LINE, rounded=True,
                    label=(slide.sample_label, Style(badge_pt(slide), BADGE_TEXT, True, "center", "middle")))
    _footer(canvas, slide, index, total, lang)


def _cover(canvas: Canvas, slide: Slide) -> None:
    canvas.rect(COVER_BAR, PRIMARY)
    canvas.text(COVER_TITLE, slide.title, Style(BIG_TITLE_PT, bold=True, anchor="bottom"), role="title")
    canvas.text(COVER_SUBTITLE, slide.subtitle, Style(SUBTITLE_PT), role="subtitle")
    canvas.text(COVER_LINES, slide.lines, Style(BODY_PT, MUTED))
    canvas.text(COVER_NOTES, slide.notes, Style(COVER_NOTE_PT, PRIMARY, True))


def _figures(canvas: Canvas, slide: Slide) -> None:
    for fig, box in zip(slide.figures, figure_boxes(slide)):
        canvas.rect(box, PANEL, rounded=True)
        for part, text, style in figure_parts(fig, box):
            canvas.text(part, text, style)


def _footer(canvas: Canvas, slide: Slide, index: int, total: int, lang: str) -> None:
    """A rule, the source, the slide number."""
    canvas.rect(FOOTER_RULE, RULE)
    canvas.text(FOOTER_SOURCE, slide.footer, Style(FOOTER_PT, MUTED))
    canvas.text(FOOTER_NUMBER, t("deck.slide_number", lang, i=index + 1, n=total),
                Style(FOOTER_PT, MUTED, align="right"))
