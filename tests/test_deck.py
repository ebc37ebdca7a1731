"""Tests for ikm_data.deck: the Phase III deck as a 16:9 PowerPoint and a PDF, opened and read back."""

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from ikm_data import deck, export, slides
from ikm_data.queries import Dataset, Filters
from ikm_data.store import Store

FOOTER = "Sumber: Dinas Perindustrian NTB, Tahap III"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The Phase III slides, their chart images rendered once, both files built from them,
    and the progress each build reported."""
    ds = Dataset.open(Store.open(tmp_path_factory.mktemp("store")))
    sequence = slides.build(ds, Filters(phase=3), "id")
    chart_progress, pptx_progress, pdf_progress = [], [], []
    images = deck.render_charts(sequence, "id", progress=lambda f, t: chart_progress.append((f, t)))
    pptx = deck.build_pptx(sequence, "id", progress=lambda f, t: pptx_progress.append((f, t)), images=images)
    pdf = deck.build_pdf(sequence, "id", progress=lambda f, t: pdf_progress.append((f, t)), images=images)
    return {"ds": ds, "slides": sequence, "images": images, "pptx": pptx, "pdf": pdf,
            "progress": {"charts": chart_progress, "pptx": pptx_progress, "pdf": pdf_progress}}


def _slide_texts(slide) -> str:
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(texts)


@pytest.fixture(scope="module")
def pptx(built):
    return Presentation(io.BytesIO(built["pptx"]))


@pytest.fixture(scope="module")
def pdf_pages(built):
    return [page.extract_text() for page in PdfReader(io.BytesIO(built["pdf"])).pages]


def test_pptx_is_16_9_with_one_slide_per_idea(pptx, built):
    assert (pptx.slide_width, pptx.slide_height) == (12191695, 6858000)  # 13.333 x 7.5 in
    assert len(pptx.slides) == len(built["slides"]) == 7


def test_pptx_titles_are_editable_placeholders(pptx):
    titles = [s.shapes.title.text_frame.text for s in pptx.slides]
    assert titles == ["JPS Gemilang — Tahap III", "Angka utama — Tahap III", "IKM per produk",
                      "Tenaga kerja per kelompok produk", "Sebaran IKM di kabupaten/kota",
                      "Perbandingan antartahap", "Sumber dan cara menghitung"]
    assert all(s.shapes.title.is_placeholder for s in pptx.slides)


def test_pptx_holds_the_figures_and_every_slide_its_source(pptx):
    texts = [_slide_texts(s) for s in pptx.slides]
    figures = texts[1]
    assert "453" in figures and "2.858" in figures and "IKM/UKM" in figures and "Tenaga kerja" in figures
    for i, text in enumerate(texts):
        assert "Sumber: Dinas Perindustrian NTB" in text, i
        assert f"{i + 1} / 7" in text
        assert "data contoh (sintetis)" in text
    assert FOOTER in texts[0] and FOOTER in texts[2]
    assert "2.858" in texts[6] and "453" in texts[6]  # the sources table


def test_pptx_charts_are_sharp_images(pptx):
    pictures = [shape for s in pptx.slides for shape in s.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 5  # products, workforce, map, two phase charts
    for picture in pictures:
        width_px, height_px = picture.image.size
        assert width_px >= 1600 and picture.image.content_type == "image/png"
        assert picture.left + picture.width <= 12191695 and picture.top + picture.height < 6858000


def test_chart_images_fill_their_box_at_least_1600_px_wide(built):
    for (si, ci), png in built["images"].items():
        width, height = export.png_size(png)
        assert width >= deck.MIN_PNG_WIDTH, (si, ci)
        box = deck.chart_boxes(built["slides"][si])[ci]
        assert abs(width / height - box.w / box.h) < 0.05  # drawn for the box, not squeezed into it


def test_pdf_has_the_same_slides_with_real_text(built, pdf_pages):
    reader = PdfReader(io.BytesIO(built["pdf"]))
    assert len(pdf_pages) == 7
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (960, 540)
    assert "JPS Gemilang — Tahap III" in pdf_pages[0]
    assert "453" in pdf_pages[1] and "2.858" in pdf_pages[1]
    for i, text in enumerate(pdf_pages):
        assert "Sumber: Dinas Perindustrian NTB" in " ".join(text.split()), i
        assert f"{i + 1} / 7" in text
    assert FOOTER in pdf_pages[1]
    assert "data contoh (sintetis)" in pdf_pages[1]
    assert len(reader.pages[2].images) == 1 and len(reader.pages[5].images) == 2


def test_progress_is_reported_up_to_done(built):
    for name in ("charts", "pptx", "pdf"):
        steps = built["progress"][name]
        fractions = [f for f, _ in steps]
        assert fractions == sorted(fractions) and fractions[-1] == 1.0, name
    assert built["progress"]["charts"][0][1] == "Menggambar grafik 1 dari 5…"
    assert built["progress"]["pptx"][-1][1] == "Selesai"


def test_build_reports_progress_from_zero_and_refuses_bad_requests(built):
    seen = []
    data = deck.build(built["ds"], Filters(phase=1), "pdf", "en", progress=lambda f, t: seen.append((f, t)))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "57" in text and "Source: NTB Industry Department, Phase I" in " ".join(text.split())
    assert seen[0] == (0.0, "Preparing the slides…") and seen[-1] == (1.0, "Done")
    with pytest.raises(ValueError):
        deck.build(built["ds"], Filters(phase=3), "docx")
    with pytest.raises(ValueError):
        deck.build(built["ds"], Filters(phase=9), "pptx")


def test_file_name():
    assert deck.file_name(3, "pptx") == "presentasi-jps-gemilang-tahap-3.pptx"
    assert deck.file_name(3, "pdf", "en") == "presentation-jps-gemilang-phase-3.pdf"
