"""The deck's PDF backend: a ``deck_layout.Canvas`` drawn with fpdf2, one 16:9 page per
slide, text as real (searchable) text in the DejaVu Sans shipped in ``data/fonts``, every
chart its picture."""

from __future__ import annotations

import io

from ikm_data import export
from ikm_data.deck_layout import (
    CORNER,
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

FONT_REGULAR = export.FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = export.FONT_DIR / "DejaVuSans-Bold.ttf"
_PT = 1 / 72  # one point in inches
LEADING = 1.2  # line height / type size
# The table's own flow: fpdf2 sizes each row to its text (lines of 0,3 in, padded)
TABLE_LINE, TABLE_PADDING, TABLE_RULE_PT = 0.3, 0.08, 0.75
_ALIGN = {"left": "L", "center": "C", "right": "R"}


class PdfCanvas(Canvas):
    """A landscape PDF in inches, one page per ``page``."""

    def __init__(self, deck: list[Slide], lang: str, images: dict) -> None:
        from fpdf import FPDF

        self.images = images
        pdf = self.pdf = FPDF(orientation="L", unit="in", format=(HEIGHT, WIDTH))
        pdf.set_auto_page_break(False)
        pdf.set_margin(0)
        pdf.add_font("DejaVu", "", str(FONT_REGULAR))
        pdf.add_font("DejaVu", "B", str(FONT_BOLD))
        pdf.set_title(deck[0].title if deck else "")
        pdf.set_author(t("present.department", lang))
        pdf.set_lang("id-ID" if lang == "id" else "en-GB")
        pdf.set_creator("Dasbor IKM NTB")

    def page(self, slide: Slide) -> None:
        self.pdf.add_page()

    def rect(self, box, fill, line=None, rounded=False, label=None) -> None:
        pdf = self.pdf
        pdf.set_fill_color(*fill)
        if line:
            pdf.set_draw_color(*line)
            pdf.set_line_width(LINE_PT * _PT)
        style = "DF" if line else "F"
        pdf.rect(box.x, box.y, box.w, box.h, style=style, round_corners=rounded, corner_radius=CORNER)
        if label:
            self.text(box, *label)

    def text(self, box: Box, paragraphs, style: Style, role="") -> None:
        pdf = self.pdf
        items = [paragraphs] if isinstance(paragraphs, str) else list(paragraphs)
        pdf.set_font("DejaVu", "B" if style.bold else "", style.size)
        pdf.set_text_color(*style.color)
        line_h = style.size * LEADING * _PT
        lines = []
        for text in items:
            lines += pdf.multi_cell(box.w, line_h, text, dry_run=True, output="LINES") or [""]
        height = len(lines) * line_h
        y = box.y
        if style.anchor == "middle":
            y = box.y + max(0, (box.h - height) / 2)
        elif style.anchor == "bottom":
            y = box.y + max(0, box.h - height)
        pdf.set_xy(box.x, y)
        for text in items:
            pdf.set_x(box.x)
            pdf.multi_cell(box.w, line_h, text, align=_ALIGN[style.align])

    def image(self, box, png) -> None:
        self.pdf.image(io.BytesIO(png), x=box.x, y=box.y, w=box.w, h=box.h)

    def table(self, box, frame, widths, right, row) -> None:
        """The table flows from the box's top, each row as high as its text (``row`` is
        PowerPoint's fixed minimum; fpdf2's rows come out ~0,46 in)."""
        from fpdf.fonts import FontFace

        pdf = self.pdf
        pdf.set_xy(box.x, box.y)
        pdf.set_font("DejaVu", "", TABLE_PT)
        pdf.set_text_color(*TEXT)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(TABLE_RULE_PT * _PT)
        head = FontFace(emphasis="BOLD", color=WHITE, fill_color=PRIMARY)
        with pdf.table(col_widths=tuple(widths), width=box.w, align="LEFT", line_height=TABLE_LINE,
                       headings_style=head, cell_fill_mode="NONE",
                       text_align=tuple("RIGHT" if j in right else "LEFT" for j in range(len(widths))),
                       padding=TABLE_PADDING) as table:
            header = table.row()
            for column in frame.columns:
                header.cell(str(column))
            for i, values in enumerate(frame.itertuples(index=False), start=1):
                cells = table.row(style=FontFace(color=TEXT, fill_color=PANEL if i % 2 else WHITE))
                for value in values:
                    cells.cell(str(value))

    def save(self) -> bytes:
        return bytes(self.pdf.output())
