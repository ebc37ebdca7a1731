"""The deck's PowerPoint backend: a ``deck_layout.Canvas`` drawn with python-pptx (real,
editable titles in their placeholders, text boxes and tables), whose bar charts are
native PowerPoint charts holding their numbers in id-ID; any other chart (the map:
PowerPoint has no map chart) is its picture."""

from __future__ import annotations

import io

import pandas as pd

from ikm_data import charts, house
from ikm_data import slides as slides_mod
from ikm_data.deck_layout import (
    HEIGHT,
    LINE_PT,
    PANEL,
    PRIMARY,
    RULE,
    TABLE_PT,
    TEXT,
    WHITE,
    WIDTH,
    Box,
    Canvas,
    Style,
)
from ikm_data.i18n import t
from ikm_data.slides import Slide

CHART_LABEL_PT, CHART_VALUE_PT = 20, 20  # native charts: category labels, values on the bars
TEXT_MARGIN_X, TEXT_MARGIN_Y = 0.05, 0.03  # inside a text frame, inches

# The charts PowerPoint draws itself, editable and holding their numbers, by (slide key,
# chart index): category column, value column, colour, and whether the bars stand upright
# (phases, in time order) rather than lie ranked with the largest on top. Any other chart
# (the map: PowerPoint has no map chart) is a picture.
NATIVE = {
    ("products", 0): ("product", "enterprises", charts.PALETTE[0], False),
    ("workforce", 0): ("group", "workers", charts.PALETTE[2], False),
    ("phases", 0): ("phase", "enterprises", charts.PALETTE[0], True),
    ("phases", 1): ("phase", "workers", charts.PALETTE[2], True),
    ("standardisation", 0): ("label", "enterprises", charts.PALETTE[2], False),
    ("tourism", 0): ("label", "enterprises", charts.PALETTE[0], False),
}
# Values on native charts in id-ID whatever the viewer's locale: "#,##0" would follow the
# viewer's Windows/Office settings (2,858 in an English Office), so the dots are literal
# (\.), one format section per size. Counts are whole and never negative.
NUMBER_FORMAT = r"[>=1000000]#\.###\.##0;[>=1000]#\.##0;0"
APPROX_NUMBER_FORMAT = r'[>=1000000]"± "#\.###\.##0;[>=1000]"± "#\.##0;"± "0'


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


class PptxCanvas(Canvas):
    """A 16:9 presentation, one slide per ``page``."""

    def __init__(self, deck: list[Slide], lang: str, images: dict) -> None:
        from pptx import Presentation

        self.lang, self.images, self.slide = lang, images, None
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = _in(WIDTH), _in(HEIGHT)
        self.prs.core_properties.title = deck[0].title if deck else ""
        self.prs.core_properties.author = t("present.department", lang)
        self.prs.core_properties.language = "id-ID" if lang == "id" else "en-GB"

    def page(self, slide: Slide) -> None:
        # the layouts "Title Slide" and "Title Only": the titles are real placeholders
        self.slide = self.prs.slides.add_slide(self.prs.slide_layouts[0 if slide.kind == "title" else 5])

    def rect(self, box, fill, line=None, rounded=False, label=None) -> None:
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.util import Pt

        kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
        shape = self.slide.shapes.add_shape(kind, *_inches(box))
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(fill)
        if line:
            shape.line.color.rgb = _rgb(line)
            shape.line.width = Pt(LINE_PT)
        else:
            shape.line.fill.background()
        shape.shadow.inherit = False
        if label:
            _text(shape, *label)

    def text(self, box, paragraphs, style, role="") -> None:
        if role:
            shape = self.slide.shapes.title if role == "title" else self.slide.placeholders[1]
            shape.left, shape.top, shape.width, shape.height = _inches(box)
        else:
            shape = self.slide.shapes.add_textbox(*_inches(box))
        _text(shape, paragraphs, style)

    def image(self, box, png) -> None:
        self.slide.shapes.add_picture(io.BytesIO(png), *_inches(box))

    def table(self, box, frame, widths, right, row) -> None:
        table = self.slide.shapes.add_table(len(frame) + 1, len(frame.columns), *_inches(box)).table
        for j, w in enumerate(widths):
            table.columns[j].width = _in(w)
        for j, column in enumerate(frame.columns):
            _text(table.cell(0, j), str(column), Style(TABLE_PT, WHITE, True))
            table.cell(0, j).fill.solid()
            table.cell(0, j).fill.fore_color.rgb = _rgb(PRIMARY)
        for i, values in enumerate(frame.itertuples(index=False), start=1):
            for j, value in enumerate(values):
                cell = table.cell(i, j)
                _text(cell, str(value), Style(TABLE_PT, align="right" if j in right else "left"))
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(PANEL if i % 2 else WHITE)
        for r in table.rows:
            r.height = _in(row)

    def chart(self, box, slide, index, ci) -> None:
        if is_native(slide, ci):
            _native_chart(self.slide, slide, ci, box, self.lang)
        else:
            super().chart(box, slide, index, ci)

    def save(self) -> bytes:
        buf = io.BytesIO()
        self.prs.save(buf)
        return buf.getvalue()


def _in(inches: float):
    from pptx.util import Inches

    return Inches(inches)


def _inches(box: Box) -> tuple:
    return _in(box.x), _in(box.y), _in(box.w), _in(box.h)


def _rgb(c):
    from pptx.dml.color import RGBColor

    return RGBColor(*c)


def _text(shape_or_frame, paragraphs, style: Style):
    """Fill a text frame with paragraphs (a str or a list of str), one run each."""
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Pt

    tf = shape_or_frame.text_frame if hasattr(shape_or_frame, "text_frame") else shape_or_frame
    tf.clear()
    tf.word_wrap = True
    tf.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE,
                          "bottom": MSO_ANCHOR.BOTTOM}[style.anchor]
    tf.margin_left = tf.margin_right = _in(TEXT_MARGIN_X)
    tf.margin_top = tf.margin_bottom = _in(TEXT_MARGIN_Y)
    items = [paragraphs] if isinstance(paragraphs, str) else list(paragraphs)
    for i, text in enumerate(items):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[style.align]
        run = p.add_run()
        run.text = text
        run.font.size = Pt(style.size)
        run.font.bold = style.bold
        run.font.color.rgb = _rgb(style.color)
    return tf


def _native_chart(s, slide: Slide, ci: int, box: Box, lang: str):
    """The slide's chart ``ci`` as a native bar chart: the house colour, no legend or
    axis of values (each value is written at its bar, in id-ID), large type."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Pt

    _, value, colour, upright = NATIVE[(slide.key, ci)]
    frame = native_data(slide, ci, lang)
    data = CategoryChartData(number_format=NUMBER_FORMAT)
    data.categories = list(frame["category"])
    data.add_series(t(f"metric.{value}", lang), list(frame["value"]))
    kind = XL_CHART_TYPE.COLUMN_CLUSTERED if upright else XL_CHART_TYPE.BAR_CLUSTERED
    chart = s.shapes.add_chart(kind, *_inches(box), data).chart
    chart.has_legend = False
    chart.has_title = upright  # two charts side by side: each names its figure
    if upright:
        _text(chart.chart_title.text_frame, t(f"metric.{value}", lang), Style(CHART_LABEL_PT, bold=True))
    chart.font.size, chart.font.color.rgb = Pt(CHART_LABEL_PT), _rgb(TEXT)
    plot = chart.plots[0]
    plot.gap_width, plot.vary_by_categories = 40 if not upright else 80, False
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = _rgb(house.rgb(colour))
    _value_labels(series, frame)
    axis = chart.category_axis
    axis.reverse_order = not upright  # the first (largest) category on top
    axis.has_major_gridlines = False
    axis.format.line.color.rgb = _rgb(RULE)
    values = chart.value_axis
    values.visible, values.has_major_gridlines = False, False
    values.minimum_scale = 0
    values.maximum_scale = max(1, int(frame["value"].max())) * (1.18 if upright else 1.12)  # room for labels
    return chart


def _value_labels(series, frame: pd.DataFrame) -> None:
    """Each bar's value written at its end in id-ID, "±" before the approximate ones."""
    from pptx.enum.chart import XL_LABEL_POSITION
    from pptx.util import Pt

    labels = series.data_labels  # on the series: a point's own label must not hide the others
    labels.number_format, labels.number_format_is_linked = NUMBER_FORMAT, False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size, labels.font.bold = Pt(CHART_VALUE_PT), True
    labels.show_value = True
    for i in (i for i, a in enumerate(frame["approximate"]) if a):
        _approximate_label(series.points[i].data_label)


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

