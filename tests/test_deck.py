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
    assert len(pptx.slides) == len(built["slides"]) == 9


def test_pptx_titles_are_editable_placeholders(pptx):
    titles = [s.shapes.title.text_frame.text for s in pptx.slides]
    assert titles == ["JPS Gemilang — Tahap III", "Angka utama — Tahap III", "IKM per produk",
                      "Tenaga kerja per kelompok produk", "Sebaran IKM di kabupaten/kota",
                      "Standardisasi: IKM pemegang sertifikat", "Pasar pariwisata: IKM pemasok per produk",
                      "Perbandingan antartahap", "Sumber dan cara menghitung"]
    assert all(s.shapes.title.is_placeholder for s in pptx.slides)


def test_pptx_holds_the_figures_and_every_slide_its_source(pptx):
    texts = [_slide_texts(s) for s in pptx.slides]
    figures = texts[1]
    assert "453" in figures and "2.858" in figures and "IKM/UKM" in figures and "Tenaga kerja" in figures
    for i, text in enumerate(texts):
        assert "Sumber: Dinas Perindustrian NTB" in text, i
        assert f"{i + 1} / 9" in text
        assert "data contoh (sintetis)" in text
    assert FOOTER in texts[0] and FOOTER in texts[2]
    assert "2.858" in texts[8] and "453" in texts[8]  # the sources table


def test_pptx_map_is_the_one_picture_and_sharp(pptx):
    pictures = [(i, shape) for i, s in enumerate(pptx.slides) for shape in s.shapes
                if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert [i for i, _ in pictures] == [4]  # the map: PowerPoint has no map chart
    for _, picture in pictures:
        width_px, height_px = picture.image.size
        assert width_px >= 1600 and picture.image.content_type == "image/png"
        assert picture.left + picture.width <= 12191695 and picture.top + picture.height < 6858000


def _native_charts(slide):
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def _expected(frame, category, value, ranked=True):
    """The chart's categories and values computed from the slide's frame, independently."""
    rows = frame.dropna(subset=[value])
    if ranked:
        rows = rows.sort_values(value, ascending=False, kind="stable")
        return [str(c) for c in rows[category]], [float(v) for v in rows[value]]
    return [f"Tahap {slides.roman(p)}" for p in rows["phase"]], [float(v) for v in rows[value]]


def test_pptx_bar_charts_are_native_with_the_slides_numbers(pptx, built):
    expected = {  # slide key: [(category, value, colour, ranked)]
        "products": [("product", "enterprises", "0072B2", True)],
        "workforce": [("group", "workers", "009E73", True)],
        "standardisation": [("label", "enterprises", "009E73", True)],
        "tourism": [("label", "enterprises", "0072B2", True)],
        "phases": [("phase", "enterprises", "0072B2", False), ("phase", "workers", "009E73", False)],
    }
    seen = []
    for slide, source in zip(pptx.slides, built["slides"]):
        natives = _native_charts(slide)
        assert len(natives) == len(expected.get(source.key, [])), source.key
        for chart, (category, value, colour, ranked) in zip(natives, expected.get(source.key, [])):
            seen.append(source.key)
            cats, values = _expected(source.data[0], category, value, ranked)
            plot = chart.plots[0]
            assert list(plot.categories) == cats, source.key
            assert list(plot.series[0].values) == values, source.key
            assert str(plot.series[0].format.fill.fore_color.rgb) == colour
            labels = plot.series[0].data_labels
            assert labels.show_value and not labels.number_format_is_linked
            assert labels.number_format == deck.NUMBER_FORMAT
            assert labels.font.size.pt >= 18 and chart.font.size.pt >= 18
            # ranked bars: the first (largest) category drawn on top
            assert chart.category_axis.reverse_order == ranked
            assert not chart.has_legend
    assert seen == ["products", "workforce", "standardisation", "tourism", "phases", "phases"]
    frame = built["slides"][3].data[0]
    assert "Teh Kelor / Serbat Jahe / Gula Semut" in list(frame["group"])  # whole, not cut


def test_native_phase_chart_marks_the_approximate_figure(pptx):
    workers = _native_charts(pptx.slides[7])[1]
    assert list(workers.plots[0].categories) == ["Tahap II", "Tahap III"]
    # Tahap II's ± 900 is a number format on its own label (still linked to the value)
    own = workers._chartSpace.xpath(".//c:dLbl")
    assert len(own) == 1 and own[0].xpath("./c:idx/@val") == ["0"]
    assert own[0].xpath("./c:numFmt/@formatCode") == [deck.APPROX_NUMBER_FORMAT]
    assert own[0].xpath("./c:showVal/@val") == ["1"]


@pytest.mark.parametrize("value, shown", [(0, "0"), (57, "57"), (900, "900"), (2858, "2.858"),
                                          (12345, "12.345"), (1234567, "1.234.567")])
def test_number_format_writes_id_id_dots_in_every_locale(value, shown):
    assert _apply_format(deck.NUMBER_FORMAT, value) == shown
    assert _apply_format(deck.APPROX_NUMBER_FORMAT, value) == "± " + shown


def _apply_format(code: str, value: int) -> str:
    """A tiny reading of the Excel/PowerPoint number format used on the native charts:
    ``[>=N]`` sections, ``"literal"``, ``\\.`` literal dots, ``#``/``0`` digit places."""
    import re

    for section in code.split(";"):
        cond = re.match(r"\[>=(\d+)\]", section)
        if cond and value < int(cond.group(1)):
            continue
        body = re.sub(r"^\[[^\]]*\]", "", section)
        tokens = re.findall(r'"[^"]*"|\\.|[#0]', body)
        digits, out = list(str(value)), []
        places = [tok for tok in tokens if tok in "#0"]
        extra = len(digits) - len(places)
        for tok in tokens:
            if tok in "#0":
                if extra > 0:  # spare digits go to the leftmost place
                    out.append("".join(digits[:extra + 1]))
                    digits, extra = digits[extra + 1:], 0
                elif extra < 0:  # an empty place: "0" shows 0, "#" nothing
                    out.append("0" if tok == "0" else "")
                    extra += 1
                else:
                    out.append(digits.pop(0))
            else:
                out.append(tok.strip('"').replace("\\", ""))
        return "".join(out)
    raise AssertionError("no section")


def test_chart_images_fill_their_box_at_least_1600_px_wide(built):
    for (si, ci), png in built["images"].items():
        width, height = export.png_size(png)
        assert width >= deck.MIN_PNG_WIDTH, (si, ci)
        box = deck.chart_boxes(built["slides"][si])[ci]
        assert abs(width / height - box.w / box.h) < 0.05  # drawn for the box, not squeezed into it


def test_pdf_has_the_same_slides_with_real_text(built, pdf_pages):
    reader = PdfReader(io.BytesIO(built["pdf"]))
    assert len(pdf_pages) == 9
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (960, 540)
    assert "JPS Gemilang — Tahap III" in pdf_pages[0]
    assert "453" in pdf_pages[1] and "2.858" in pdf_pages[1]
    for i, text in enumerate(pdf_pages):
        assert "Sumber: Dinas Perindustrian NTB" in " ".join(text.split()), i
        assert f"{i + 1} / 9" in text
    assert FOOTER in pdf_pages[1]
    assert "data contoh (sintetis)" in pdf_pages[1]
    assert len(reader.pages[2].images) == 1 and len(reader.pages[7].images) == 2


def test_progress_is_reported_up_to_done(built):
    for name in ("charts", "pptx", "pdf"):
        steps = built["progress"][name]
        fractions = [f for f, _ in steps]
        assert fractions == sorted(fractions) and fractions[-1] == 1.0, name
    assert built["progress"]["charts"][0][1] == "Menggambar grafik 1 dari 7…"
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


def test_english_pptx_shows_long_group_names_whole(built):
    sequence = slides.build(built["ds"], Filters(phase=3), "en")
    prs = Presentation(io.BytesIO(deck.build_pptx(sequence, "en")))
    workforce = _native_charts(prs.slides[3])[0]
    assert "Moringa tea / Ginger drink / Palm sugar crystals" in list(workforce.plots[0].categories)
    phases = _native_charts(prs.slides[7])[0]
    assert list(phases.plots[0].categories) == ["Phase I", "Phase III"]


def test_a_chart_without_bars_stays_a_picture(built):
    sequence = slides.build(built["ds"], Filters(phase=3, products=("tidak_ada",)), "id")
    prs = Presentation(io.BytesIO(deck.build_pptx(sequence, "id")))
    products = prs.slides[2]
    assert not _native_charts(products)
    assert [s.shape_type for s in products.shapes].count(MSO_SHAPE_TYPE.PICTURE) == 1


def test_deck_map_keeps_every_regencys_name(built):
    """The handout's map is drawn as wide as the Presentasi page's (not the phone's compact
    map with bare counts), so each seat is named: its text marks hold the full labels."""
    (si,) = [i for i, s in enumerate(built["slides"]) if s.key == "regions"]
    box = deck.chart_boxes(built["slides"][si])[0]
    assert round(box.w * deck.CHART_PPI) < 1024 <= deck.MAP_DRAW_WIDTH  # the box alone would be compact
    import vl_convert as vlc

    spec = export.chart_spec(built["slides"][si].charts[0], deck.MAP_DRAW_WIDTH)
    svg = vlc.vegalite_to_svg(spec)
    assert "Lombok Timur (123)" in svg and "Kota Mataram (43)" in svg
    width, height = export.png_size(built["images"][(si, 0)])
    assert width >= 2 * deck.MAP_DRAW_WIDTH and abs(width / height - box.w / box.h) < 0.05
