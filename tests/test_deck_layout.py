"""Tests for ikm_data.deck_layout: one layout drawn by both backends, with the same boxes."""

import io

import pytest
from pptx import Presentation
from pptx.util import Inches

from ikm_data import deck, deck_layout, slides
from ikm_data.deck_layout import HEIGHT, WIDTH, Box, Canvas
from ikm_data.queries import Dataset, Filters
from ikm_data.store import Store

PRIMITIVES = ("page", "rect", "text", "image", "table", "chart")


def _plain(value):
    """A call's argument as something ``==`` compares: a slide by its key, a frame by its cells."""
    if isinstance(value, slides.Slide):
        return ("slide", value.key)
    if hasattr(value, "to_dict"):
        return ("frame", tuple(value.columns), tuple(map(tuple, value.astype(str).values)))
    return value


class Recorder(Canvas):
    """A canvas that only writes down what the layout asks it to draw."""

    def __init__(self) -> None:
        self.calls = []

    def __getattribute__(self, name):
        if name in PRIMITIVES:
            calls = object.__getattribute__(self, "calls")
            return lambda *args, **kw: calls.append(
                (name, tuple(map(_plain, args)), tuple(sorted((k, _plain(v)) for k, v in kw.items()))))
        return object.__getattribute__(self, name)


class Tap:
    """Stands before a real canvas: writes down each call of the layout, then passes it on."""

    def __init__(self, canvas, calls: list) -> None:
        self.canvas, self.calls = canvas, calls

    def __getattr__(self, name):
        method = getattr(self.canvas, name)
        if name not in PRIMITIVES:
            return method

        def call(*args, **kw):
            self.calls.append((name, tuple(map(_plain, args)), tuple(sorted((k, _plain(v)) for k, v in kw.items()))))
            return method(*args, **kw)
        return call


@pytest.fixture(scope="module")
def sample():
    """The sample store's Phase III slides in both languages, and the products filtered
    away (a chart without bars), each with all their charts rendered once."""
    import tempfile
    from pathlib import Path

    ds = Dataset.open(Store.open(Path(tempfile.mkdtemp())))
    decks = {"id": slides.build(ds, Filters(phase=3), "id"), "en": slides.build(ds, Filters(phase=3), "en"),
             "empty": slides.build(ds, Filters(phase=3, products=("tidak_ada",)), "id")}
    return {name: (sequence, deck.render_charts(sequence, "id")) for name, sequence in decks.items()}


def _draw_all(sequence, lang="id") -> list:
    canvas = Recorder()
    for i, slide in enumerate(sequence):
        deck_layout.draw_slide(canvas, slide, i, len(sequence), lang)
    return canvas.calls


def _boxes(calls) -> list[Box]:
    return [arg for _, args, _ in calls for arg in args if isinstance(arg, Box)]


@pytest.mark.parametrize("name", ["id", "en", "empty"])
def test_both_backends_are_given_the_same_boxes(sample, monkeypatch, name):
    sequence, images = sample[name]
    lang = "en" if name == "en" else "id"
    seen = {}
    draw = deck_layout.draw_slide

    def tapped(canvas, *args):
        draw(Tap(canvas, seen.setdefault(type(canvas).__name__, [])), *args)

    monkeypatch.setattr(deck_layout, "draw_slide", tapped)
    deck.build_pptx(sequence, lang, images=images)
    deck.build_pdf(sequence, lang, images=images)
    assert set(seen) == {"PptxCanvas", "PdfCanvas"}
    assert seen["PptxCanvas"] == seen["PdfCanvas"] == _draw_all(sequence, lang)
    kinds = {call[0] for call in seen["PdfCanvas"]}
    assert kinds == {"page", "rect", "text", "table", "chart"}


def test_every_box_lies_on_the_page(sample):
    for sequence, _ in sample.values():
        boxes = _boxes(_draw_all(sequence))
        assert boxes
        for box in boxes:
            assert 0 <= box.x and box.x + box.w <= WIDTH + 1e-9, box
            assert 0 <= box.y and box.y + box.h <= HEIGHT + 1e-9, box
            assert box.w > 0 and box.h > 0, box


def test_every_slide_has_its_footer_and_number(sample):
    sequence, _ = sample["id"]
    calls = _draw_all(sequence)
    pages = [i for i, call in enumerate(calls) if call[0] == "page"]
    assert len(pages) == len(sequence) == 9  # the sample has certifications and hotel partners
    for n, (start, end) in enumerate(zip(pages, pages[1:] + [len(calls)])):
        texts = [args[1] for name, args, _ in calls[start:end] if name == "text"]
        assert texts[-2] == sequence[n].footer and texts[-1] == f"{n + 1} / 9"


def test_the_pptx_shapes_sit_in_the_layouts_boxes(sample):
    """Each shape PowerPoint holds is where the layout put it (a picture: fitted in its box)."""
    sequence, images = sample["id"]
    prs = Presentation(io.BytesIO(deck.build_pptx(sequence, "id", images=images)))
    calls = _draw_all(sequence)
    pages = [i for i, call in enumerate(calls) if call[0] == "page"] + [len(calls)]
    for si, (slide, start, end) in enumerate(zip(prs.slides, pages, pages[1:])):
        expected = set()
        for name, args, _ in calls[start:end]:
            if name == "chart" and not deck.is_native(sequence[si], args[3]):
                expected.add(deck_layout.fit(images[(si, args[3])], args[0]))
            elif name != "page":
                expected.add(args[0])
        emu = sorted(tuple(Inches(v) for v in (b.x, b.y, b.w, b.h)) for b in expected)
        shapes = sorted({(s.left, s.top, s.width, s.height) for s in slide.shapes})
        assert len(shapes) == len(emu), si
        for got, want in zip(shapes, emu):  # a table's width is its columns' (rounded) sum
            assert all(abs(g - w) <= 10 for g, w in zip(got, want)), (si, got, want)


def test_drifted_boxes_take_one_value():
    """The cover and the footer once sat 0,05 in lower in the PDF than in the PowerPoint;
    both now take the PowerPoint's boxes."""
    assert deck_layout.COVER_SUBTITLE.y == 2.75 and deck_layout.COVER_LINES.y == 4.0
    assert deck_layout.COVER_NOTES.y == 5.75
    assert deck_layout.FOOTER_SOURCE.y == deck_layout.FOOTER_NUMBER.y == deck_layout.FOOTER_TOP
