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

import io
import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ikm_data import charts, export, house
from ikm_data import slides as slides_mod
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

# The page, in inches (16:9, PowerPoint's widescreen size); the PDF uses the same boxes.
WIDTH, HEIGHT = 13.333, 7.5
MARGIN = 0.6
TITLE_BOX = (MARGIN, 0.35, WIDTH - 2 * MARGIN - 3.4, 0.95)
BADGE_BOX = (WIDTH - MARGIN - 3.2, 0.5, 3.2, 0.5)
CONTENT_TOP = 1.45
FOOTER_TOP = 6.92
NOTE_LINE = 0.3  # inches per line of notes (17 pt with leading)
NOTE_CHARS = 88  # characters per line of notes across the slide
CHART_PPI = 68  # px of chart drawing per inch of slide: the charts' 21 px type reads as ~22 pt
MIN_PNG_WIDTH = 1600

# Colours (the charts' palette and text colour)
TEXT, MUTED, PRIMARY = house.rgb(house.TEXT), house.rgb(house.TEXT_SECONDARY), house.rgb(house.PRIMARY)
PANEL, RULE = house.rgb(house.PANEL), house.rgb(house.RULE)
BADGE_FILL, BADGE_LINE, BADGE_TEXT = (house.rgb(c) for c in (house.BADGE_FILL, house.BADGE_LINE, house.BADGE_TEXT))

# Type sizes in points
TITLE_PT, BIG_TITLE_PT, SUBTITLE_PT, BODY_PT, NOTE_PT, FOOTER_PT = 34, 50, 26, 22, 17, 12
FIGURE_PT, FIGURE_LABEL_PT, TABLE_PT = 58, 22, 16
CHART_LABEL_PT, CHART_VALUE_PT = 20, 20  # native charts: category labels, values on the bars

# The charts PowerPoint draws itself, editable and holding their numbers, by (slide key,
# chart index): category column, value column, colour, and whether the bars stand upright
# (phases, in time order) rather than lie ranked with the largest on top. Any other chart
# (the map: PowerPoint has no map chart) is a picture.
NATIVE = {
    ("products", 0): ("product", "enterprises", charts.PALETTE[0], False),
    ("workforce", 0): ("group", "workers", charts.PALETTE[2], False),
    ("phases", 0): ("phase", "enterprises", charts.PALETTE[0], True),
    ("phases", 1): ("phase", "workers", charts.PALETTE[2], True),
}
# Values on native charts in id-ID whatever the viewer's locale: "#,##0" would follow the
# viewer's Windows/Office settings (2,858 in an English Office), so the dots are literal
# (\.), one format section per size. Counts are whole and never negative.
NUMBER_FORMAT = r"[>=1000000]#\.###\.##0;[>=1000]#\.##0;0"
APPROX_NUMBER_FORMAT = r'[>=1000000]"± "#\.###\.##0;[>=1000]"± "#\.##0;"± "0'


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


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


def is_native(slide: Slide, ci: int) -> bool:
    """Whether PowerPoint draws the slide's chart ``ci`` itself (else it is a picture):
    a bar chart with at least one bar (PowerPoint cannot hold a chart without data)."""
    if (slide.key, ci) not in NATIVE or not slide.data:
        return False
    return bool(slide.data[0][NATIVE[(slide.key, ci)][1]].notna().any())


def native_data(slide: Slide, ci: int, lang: str = "id") -> pd.DataFrame:
    """What the native chart ``ci`` of ``slide`` shows, in drawing order: columns
    ``category``, ``value`` (int) and ``approximate`` (the release gives it as "±").
    Ranked bars come largest first (drawn on top); phases in their order, named
    ``Tahap III``, without the phases that lack the figure. Raises KeyError for a chart
    that is a picture."""
    category, value, _, upright = NATIVE[(slide.key, ci)]
    frame = slide.data[0].dropna(subset=[value])
    if upright:
        frame = frame.sort_values(category, kind="stable")
        names = [slides_mod.phase_name(int(p), lang) for p in frame[category]]
    else:
        frame = frame.sort_values(value, ascending=False, kind="stable")
        names = [str(c) for c in frame[category]]
    approximate = frame["approximate"] if "approximate" in frame else [False] * len(frame)
    return pd.DataFrame({"category": names, "value": [int(v) for v in frame[value]],
                         "approximate": [bool(a) for a in approximate]})


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
# The map is drawn as wide as on the Presentasi page (ui.PRESENT_DESIGN_WIDTH), so that it
# keeps every regency's name beside its circle (narrower, it turns compact for phones).
MAP_DRAW_WIDTH = 1200


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


def _fit(png: bytes, box: Box) -> Box:
    """The largest box of the image's aspect ratio inside ``box``, centred across, at top."""
    w_px, h_px = export.png_size(png)
    ratio = w_px / h_px
    w, h = box.w, box.w / ratio
    if h > box.h:
        h, w = box.h, box.h * ratio
    return Box(box.x + (box.w - w) / 2, box.y, w, h)


# -- PowerPoint ----------------------------------------------------------------------------
def build_pptx(deck: list[Slide], lang: str = "id", progress: Progress | None = None,
               images: dict | None = None) -> bytes:
    """The slides as a 16:9 .pptx (bytes): bar charts as native, editable PowerPoint
    charts, the map as a picture. ``images`` may hold the pictures already rendered by
    ``render_charts``; else they are rendered here."""
    from pptx import Presentation
    from pptx.util import Inches

    tick = _Ticker(progress, _steps(deck, native=True) if images is None else len(deck) + 1)
    images = images if images is not None else render_charts(deck, lang, _tick=tick, native=True)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(WIDTH), Inches(HEIGHT)
    prs.core_properties.title = deck[0].title if deck else ""
    prs.core_properties.author = t("present.department", lang)
    prs.core_properties.language = "id-ID" if lang == "id" else "en-GB"
    for si, slide in enumerate(deck):
        _pptx_slide(prs, slide, si, len(deck), images, lang)
        tick(t("deck.progress.slide", lang, i=si + 1, n=len(deck)))
    buf = io.BytesIO()
    prs.save(buf)
    tick(t("deck.progress.done", lang))
    return buf.getvalue()


def _rgb(c):
    from pptx.dml.color import RGBColor

    return RGBColor(*c)


def _text(shape_or_frame, paragraphs, *, size, color=TEXT, bold=False, align="left", anchor="top",
          wrap=True):
    """Fill a text frame with paragraphs (a str or a list of str), one run each."""
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches, Pt

    tf = shape_or_frame.text_frame if hasattr(shape_or_frame, "text_frame") else shape_or_frame
    tf.clear()
    tf.word_wrap = wrap
    tf.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE,
                          "bottom": MSO_ANCHOR.BOTTOM}[anchor]
    tf.margin_left = tf.margin_right = Inches(0.05)
    tf.margin_top = tf.margin_bottom = Inches(0.03)
    items = [paragraphs] if isinstance(paragraphs, str) else list(paragraphs)
    for i, text in enumerate(items):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[align]
        run = p.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = _rgb(color)
    return tf


def _textbox(slide, box: Box, paragraphs, **kw):
    from pptx.util import Inches

    shape = slide.shapes.add_textbox(Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    _text(shape, paragraphs, **kw)
    return shape


def _rect(slide, box: Box, fill, line=None, rounded=False):
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches, Pt

    kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
    shape = slide.shapes.add_shape(kind, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(fill)
    if line:
        shape.line.color.rgb = _rgb(line)
        shape.line.width = Pt(1.25)
    else:
        shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


def _pptx_slide(prs, slide: Slide, index: int, total: int, images: dict, lang: str) -> None:
    from pptx.util import Inches

    layout = prs.slide_layouts[0 if slide.kind == "title" else 5]
    s = prs.slides.add_slide(layout)
    if slide.kind == "title":
        _pptx_title_slide(s, slide)
    else:
        _rect(s, Box(0, 0, WIDTH, 0.14), PRIMARY)
        title = s.shapes.title
        title.left, title.top = Inches(TITLE_BOX[0]), Inches(TITLE_BOX[1])
        title.width, title.height = Inches(TITLE_BOX[2]), Inches(TITLE_BOX[3])
        _text(title, slide.title, size=_title_pt(slide), bold=True, anchor="middle")
        if slide.kind == "figures":
            _pptx_figures(s, slide)
        elif slide.kind == "chart":
            for ci, box in enumerate(chart_boxes(slide)):
                if is_native(slide, ci):
                    _pptx_chart(s, slide, ci, box, lang)
                    continue
                png = images[(index, ci)]
                fit = _fit(png, box)
                s.shapes.add_picture(io.BytesIO(png), Inches(fit.x), Inches(fit.y), Inches(fit.w), Inches(fit.h))
        elif slide.kind == "sources":
            _pptx_table(s, slide)
        if slide.notes:
            _textbox(s, notes_box(slide), slide.notes, size=NOTE_PT, color=MUTED, anchor="bottom")
    if slide.sample:
        badge = _rect(s, Box(*BADGE_BOX), BADGE_FILL, BADGE_LINE, rounded=True)
        _text(badge, slide.sample_label, size=_badge_pt(slide), color=BADGE_TEXT, bold=True, align="center",
              anchor="middle")
    # footer: a rule, the source, the slide number
    _rect(s, Box(MARGIN, FOOTER_TOP - 0.06, WIDTH - 2 * MARGIN, 0.015), RULE)
    _textbox(s, Box(MARGIN, FOOTER_TOP, WIDTH - 2 * MARGIN - 1.2, 0.45), slide.footer, size=FOOTER_PT,
             color=MUTED)
    _textbox(s, Box(WIDTH - MARGIN - 1.1, FOOTER_TOP, 1.1, 0.45),
             t("deck.slide_number", lang, i=index + 1, n=total), size=FOOTER_PT, color=MUTED, align="right")


def _pptx_chart(s, slide: Slide, ci: int, box: Box, lang: str):
    """The slide's chart ``ci`` as a native bar chart: the house colour, no legend or
    axis of values (each value is written at its bar, in id-ID), large type."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
    from pptx.util import Inches, Pt

    _, value, colour, upright = NATIVE[(slide.key, ci)]
    frame = native_data(slide, ci, lang)
    data = CategoryChartData(number_format=NUMBER_FORMAT)
    data.categories = list(frame["category"])
    data.add_series(t(f"metric.{value}", lang), list(frame["value"]))
    kind = XL_CHART_TYPE.COLUMN_CLUSTERED if upright else XL_CHART_TYPE.BAR_CLUSTERED
    chart = s.shapes.add_chart(kind, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h), data).chart
    chart.has_legend = False
    chart.has_title = upright  # two charts side by side: each names its figure
    if upright:
        _text(chart.chart_title.text_frame, t(f"metric.{value}", lang), size=CHART_LABEL_PT, bold=True)
    chart.font.size, chart.font.color.rgb = Pt(CHART_LABEL_PT), _rgb(TEXT)
    plot = chart.plots[0]
    plot.gap_width, plot.vary_by_categories = 40 if not upright else 80, False
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = _rgb(_hex(colour))
    labels = series.data_labels  # on the series: a point's own label must not hide the others
    labels.number_format, labels.number_format_is_linked = NUMBER_FORMAT, False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size, labels.font.bold = Pt(CHART_VALUE_PT), True
    labels.show_value = True
    for i in (i for i, a in enumerate(frame["approximate"]) if a):
        _approximate_label(series.points[i].data_label)
    axis = chart.category_axis
    axis.reverse_order = not upright  # the first (largest) category on top
    axis.has_major_gridlines = False
    axis.format.line.color.rgb = _rgb(RULE)
    values = chart.value_axis
    values.visible, values.has_major_gridlines = False, False
    values.minimum_scale = 0
    values.maximum_scale = max(1, int(frame["value"].max())) * (1.18 if upright else 1.12)  # room for labels
    return chart


def _approximate_label(label) -> None:
    """Write a value the release gives as approximate with its "±", still linked to the
    value (a number format, not fixed text)."""
    from pptx.enum.chart import XL_LABEL_POSITION
    from pptx.oxml import parse_xml
    from pptx.oxml.ns import nsdecls
    from pptx.util import Pt

    label.font.size, label.font.bold = Pt(CHART_VALUE_PT), True
    dlbl = label._get_or_add_dLbl()
    fmt = parse_xml(f'<c:numFmt {nsdecls("c")} formatCode="{APPROX_NUMBER_FORMAT.replace(chr(34), "&quot;")}" '
                    'sourceLinked="0"/>')
    dlbl.insert_element_before(fmt, "c:spPr", "c:txPr", "c:dLblPos", "c:showLegendKey", "c:showVal")
    label.position = XL_LABEL_POSITION.OUTSIDE_END


def _hex(colour: str) -> tuple[int, int, int]:
    """``#0072B2`` gives ``(0, 114, 178)``."""
    return tuple(int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))


def _pptx_title_slide(s, slide: Slide) -> None:
    from pptx.util import Inches

    _rect(s, Box(0, 0, 0.35, HEIGHT), PRIMARY)
    title, subtitle = s.shapes.title, s.placeholders[1]
    title.left, title.top, title.width, title.height = Inches(1.0), Inches(1.35), Inches(11.3), Inches(1.3)
    _text(title, slide.title, size=BIG_TITLE_PT, bold=True, anchor="bottom")
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = Inches(1.0), Inches(2.75), Inches(11.3), Inches(1.2)
    _text(subtitle, slide.subtitle, size=SUBTITLE_PT, color=TEXT)
    _textbox(s, Box(1.0, 4.0, 11.3, 1.5), slide.lines, size=BODY_PT, color=MUTED)
    _textbox(s, Box(1.0, 5.75, 11.3, 0.7), slide.notes, size=24, color=PRIMARY, bold=True)


def _figure_boxes(slide: Slide) -> list[Box]:
    box, n, gap = content_box(slide), max(1, len(slide.figures)), 0.3
    w = min((box.w - gap * (n - 1)) / n, 4.0)
    x0 = box.x + (box.w - (w * n + gap * (n - 1))) / 2
    h = min(box.h - 0.2, 3.9)
    return [Box(x0 + i * (w + gap), box.y + (box.h - h) / 2, w, h) for i in range(n)]


def _badge_pt(slide: Slide) -> float:
    return _fit_pt(slide.sample_label, BADGE_BOX[2] - 0.3, 16, 0.64)


def _title_pt(slide: Slide) -> float:
    """The title's size: ``TITLE_PT``, smaller where a long title would not fit one line."""
    return max(24.0, _fit_pt(slide.title, TITLE_BOX[2] - 0.1, TITLE_PT, 0.64))


def _fit_pt(text: str, width: float, largest: float, em: float) -> float:
    """The largest size up to ``largest`` pt at which ``text`` (about ``em`` of its size
    wide per character, DejaVu Sans Bold) fits in one line of ``width`` inches."""
    return max(12.0, min(largest, math.floor(width * 72 / (em * max(1, len(text))))))


def _figure_parts(fig, box: Box) -> list[tuple[Box, str, float, tuple, bool]]:
    """(box, text, pt, colour, bold) of a figure's value, label and note, shared by both
    formats so the PowerPoint and the PDF look alike."""
    inner = box.w - 0.4
    parts = [
        (Box(box.x + 0.2, box.y + 0.3, inner, 1.4), fig.value, _fit_pt(fig.value, inner, FIGURE_PT, 0.72),
         PRIMARY, True),
        (Box(box.x + 0.2, box.y + 1.85, inner, 0.7), fig.label, _fit_pt(fig.label, inner, FIGURE_LABEL_PT, 0.66),
         TEXT, True),
    ]
    if fig.note:
        parts.append((Box(box.x + 0.2, box.y + 2.6, inner, 1.1), fig.note, 15, MUTED, False))
    return parts


def _pptx_figures(s, slide: Slide) -> None:
    for fig, box in zip(slide.figures, _figure_boxes(slide)):
        _rect(s, box, PANEL, rounded=True)
        for i, (b, text, pt, color, bold) in enumerate(_figure_parts(fig, box)):
            _textbox(s, b, text, size=pt, color=color, bold=bold, align="center",
                     anchor="middle" if i == 0 else "top")


def _table_widths(slide: Slide, total: float) -> list[float]:
    cols = list(slide.table.columns)
    weights = [max(len(str(c)), *(len(str(v)) for v in slide.table[c])) for c in cols]
    weights = [min(max(w, 11), 45) for w in weights]
    return [total * w / sum(weights) for w in weights]


def _pptx_table(s, slide: Slide) -> None:
    from pptx.util import Inches

    frame = slide.table
    box = content_box(slide)
    rows, cols = len(frame) + 1, len(frame.columns)
    height = min(box.h, 0.5 * rows)
    shape = s.shapes.add_table(rows, cols, Inches(box.x), Inches(box.y), Inches(box.w), Inches(height))
    table = shape.table
    for j, w in enumerate(_table_widths(slide, box.w)):
        table.columns[j].width = Inches(w)
    for j, column in enumerate(frame.columns):
        _text(table.cell(0, j), str(column), size=TABLE_PT, bold=True, color=(0xFF, 0xFF, 0xFF))
        table.cell(0, j).fill.solid()
        table.cell(0, j).fill.fore_color.rgb = _rgb(PRIMARY)
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        for j, value in enumerate(row):
            cell = table.cell(i, j)
            _text(cell, str(value), size=TABLE_PT, align="right" if j in (1, 2) else "left")
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(PANEL if i % 2 else (0xFF, 0xFF, 0xFF))
    for r in table.rows:
        r.height = Inches(0.5)



# -- PDF -----------------------------------------------------------------------------------
FONT_REGULAR = export.FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = export.FONT_DIR / "DejaVuSans-Bold.ttf"
_PT = 1 / 72  # one point in inches


def build_pdf(deck: list[Slide], lang: str = "id", progress: Progress | None = None,
              images: dict | None = None) -> bytes:
    """The same slides as a PDF (bytes), one 16:9 page each, text as real (searchable)
    text in the shipped DejaVu Sans."""
    from fpdf import FPDF

    tick = _Ticker(progress, _steps(deck) if images is None else len(deck) + 1)
    images = images if images is not None else render_charts(deck, lang, _tick=tick)
    pdf = FPDF(orientation="L", unit="in", format=(HEIGHT, WIDTH))
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.add_font("DejaVu", "", str(FONT_REGULAR))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.set_title(deck[0].title if deck else "")
    pdf.set_author(t("present.department", lang))
    pdf.set_lang("id-ID" if lang == "id" else "en-GB")
    pdf.set_creator("Dasbor IKM NTB")
    for si, slide in enumerate(deck):
        pdf.add_page()
        _pdf_slide(pdf, slide, si, len(deck), images, lang)
        tick(t("deck.progress.slide", lang, i=si + 1, n=len(deck)))
    data = bytes(pdf.output())
    tick(t("deck.progress.done", lang))
    return data


def _pdf_text(pdf, box: Box, paragraphs, *, size, color=TEXT, bold=False, align="L", anchor="top",
              spacing=1.2) -> None:
    items = [paragraphs] if isinstance(paragraphs, str) else list(paragraphs)
    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.set_text_color(*color)
    line_h = size * spacing * _PT
    lines = []
    for text in items:
        lines += pdf.multi_cell(box.w, line_h, text, dry_run=True, output="LINES") or [""]
    height = len(lines) * line_h
    y = box.y
    if anchor == "middle":
        y = box.y + max(0, (box.h - height) / 2)
    elif anchor == "bottom":
        y = box.y + max(0, box.h - height)
    pdf.set_xy(box.x, y)
    for text in items:
        pdf.set_x(box.x)
        pdf.multi_cell(box.w, line_h, text, align=align)


def _pdf_rect(pdf, box: Box, fill, line=None, rounded=False) -> None:
    pdf.set_fill_color(*fill)
    if line:
        pdf.set_draw_color(*line)
        pdf.set_line_width(1.25 * _PT)
    style = "DF" if line else "F"
    pdf.rect(box.x, box.y, box.w, box.h, style=style, round_corners=rounded, corner_radius=0.12)


def _pdf_slide(pdf, slide: Slide, index: int, total: int, images: dict, lang: str) -> None:
    if slide.kind == "title":
        _pdf_rect(pdf, Box(0, 0, 0.35, HEIGHT), PRIMARY)
        _pdf_text(pdf, Box(1.0, 1.35, 11.3, 1.3), slide.title, size=BIG_TITLE_PT, bold=True, anchor="bottom")
        _pdf_text(pdf, Box(1.0, 2.8, 11.3, 1.2), slide.subtitle, size=SUBTITLE_PT)
        _pdf_text(pdf, Box(1.0, 4.05, 11.3, 1.5), slide.lines, size=BODY_PT, color=MUTED)
        _pdf_text(pdf, Box(1.0, 5.8, 11.3, 0.7), slide.notes, size=24, color=PRIMARY, bold=True)
    else:
        _pdf_rect(pdf, Box(0, 0, WIDTH, 0.14), PRIMARY)
        _pdf_text(pdf, Box(*TITLE_BOX), slide.title, size=_title_pt(slide), bold=True, anchor="middle")
        if slide.kind == "figures":
            for fig, box in zip(slide.figures, _figure_boxes(slide)):
                _pdf_rect(pdf, box, PANEL, rounded=True)
                for i, (b, text, pt, color, bold) in enumerate(_figure_parts(fig, box)):
                    _pdf_text(pdf, b, text, size=pt, color=color, bold=bold, align="C",
                              anchor="middle" if i == 0 else "top")
        elif slide.kind == "chart":
            for ci, box in enumerate(chart_boxes(slide)):
                png = images[(index, ci)]
                fit = _fit(png, box)
                pdf.image(io.BytesIO(png), x=fit.x, y=fit.y, w=fit.w, h=fit.h)
        elif slide.kind == "sources":
            _pdf_table(pdf, slide)
        if slide.notes:
            _pdf_text(pdf, notes_box(slide), slide.notes, size=NOTE_PT, color=MUTED, anchor="bottom")
    if slide.sample:
        box = Box(*BADGE_BOX)
        _pdf_rect(pdf, box, BADGE_FILL, BADGE_LINE, rounded=True)
        _pdf_text(pdf, box, slide.sample_label, size=_badge_pt(slide), color=BADGE_TEXT, bold=True, align="C",
                  anchor="middle")
    _pdf_rect(pdf, Box(MARGIN, FOOTER_TOP - 0.06, WIDTH - 2 * MARGIN, 0.015), RULE)
    _pdf_text(pdf, Box(MARGIN, FOOTER_TOP + 0.05, WIDTH - 2 * MARGIN - 1.2, 0.45), slide.footer,
              size=FOOTER_PT, color=MUTED)
    _pdf_text(pdf, Box(WIDTH - MARGIN - 1.1, FOOTER_TOP + 0.05, 1.1, 0.45),
              t("deck.slide_number", lang, i=index + 1, n=total), size=FOOTER_PT, color=MUTED, align="R")


def _pdf_table(pdf, slide: Slide) -> None:
    from fpdf.fonts import FontFace

    box = content_box(slide)
    pdf.set_xy(box.x, box.y)
    pdf.set_font("DejaVu", "", TABLE_PT)
    pdf.set_text_color(*TEXT)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.75 * _PT)
    widths = _table_widths(slide, box.w)
    head = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=PRIMARY)
    with pdf.table(col_widths=tuple(widths), width=box.w, align="LEFT", line_height=0.3,
                   headings_style=head, cell_fill_mode="NONE",
                   text_align=tuple("RIGHT" if j in (1, 2) else "LEFT" for j in range(len(widths))),
                   padding=0.08) as table:
        header = table.row()
        for column in slide.table.columns:
            header.cell(str(column))
        for i, values in enumerate(slide.table.itertuples(index=False), start=1):
            row = table.row(style=FontFace(color=TEXT, fill_color=PANEL if i % 2 else (255, 255, 255)))
            for value in values:
                row.cell(str(value))


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
