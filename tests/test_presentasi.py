"""The Presentasi page through AppTest: slides step by buttons and clicker keys, both languages, deck downloads."""

import json
import re

import pytest
from tests import apptest

COUNTER = re.compile(r"^\d+ / \d+$")


def _counter(at) -> str:
    return next(m.value for m in at.markdown if COUNTER.match(str(m.value)))


def _html(at) -> str:
    return "\n".join(e.proto.body for e in at.get("html"))


_button, _click = apptest.button, apptest.click


@pytest.mark.parametrize("lang, title, figures_title, workers", [
    ("id", "JPS Gemilang — Tahap III", "Angka utama — Tahap III", "Tenaga kerja"),
    ("en", "JPS Gemilang — Phase III", "Headline figures — Phase III", "Workers"),
])
def test_next_and_previous_change_the_slide(app, lang, title, figures_title, workers):
    at = app("presentasi", lang)
    assert _counter(at) == "1 / 9"
    assert title in _html(at)
    assert _button(at, "present_prev").disabled
    _click(at, "present_next")
    assert _counter(at) == "2 / 9"
    html = _html(at)
    assert figures_title in html and ">2.858<" in html and ">453<" in html and workers in html
    _click(at, "present_prev")
    assert _counter(at) == "1 / 9"


def test_buttons_stop_at_the_end_of_the_deck(app):
    at = app("presentasi")
    while not _button(at, "present_next").disabled:
        _click(at, "present_next")
    assert _counter(at) == "9 / 9"
    assert _button(at, "present_next").disabled and not _button(at, "present_prev").disabled
    assert "Sumber dan cara menghitung" in _html(at)
    _click(at, "present_prev")
    assert _counter(at) == "8 / 9"


def test_one_arrow_per_button_and_one_keyboard(app):
    at = app("presentasi", present_slide=2)
    nav = {b.key: b for b in at.button if b.key in ("present_prev", "present_next")}
    for key, icon in (("present_prev", ":material/arrow_back:"), ("present_next", ":material/arrow_forward:")):
        assert nav[key].proto.icon == icon
        assert nav[key].proto.shortcut == ""  # a shortcut would add its own "←"/"→" to the label
        assert not set(nav[key].proto.label) & set("←→<>")
    assert not [b.key for b in at.button if b.proto.shortcut]  # no second key handler anywhere
    keyboard = [e for e in at.get("bidi_component") if e.proto.id.endswith("present_keyboard")
                or "present_keyboard" in e.proto.id]
    assert len(keyboard) == 1
    data = json.loads(keyboard[0].proto.json)
    assert (data["slide"], data["total"]) == (2, 9)
    assert "ArrowRight" in keyboard[0].proto.js_content and "PageDown" in keyboard[0].proto.js_content


def test_chart_slide_shows_a_large_type_chart_and_its_source(app):
    at = app("presentasi", present_slide=2)
    assert _counter(at) == "3 / 9"
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    assert spec["config"]["axis"]["labelFontSize"] == 21 and spec["width"] == 1200
    html = _html(at)
    assert "IKM per produk" in html
    assert "Sumber: Dinas Perindustrian NTB, Tahap III · data contoh (sintetis)" in html
    assert 'class="ikm-badge">data contoh (sintetis)<' in html


def test_forum_mode_hides_the_dashboard_and_links_back(app):
    at = app("presentasi")
    html = _html(at)
    assert '[data-testid="stSidebar"]' in html and "display: none" in html
    links = at.get("page_link")
    assert any(link.proto.label == "Kembali ke dasbor" for link in links)


def test_published_only_phase(app):
    at = app("presentasi", flt_phase=1)
    assert _counter(at) == "1 / 5"
    _click(at, "present_next")
    assert ">57<" in _html(at) and "angka rilis" in _html(at)


def test_deck_is_built_on_request_then_offered(app):
    at = app("presentasi")
    assert not [d for d in at.get("download_button")]
    _click(at, "present_build_pptx")
    downloads = at.get("download_button")
    assert [d.proto.label for d in downloads] == ["Unduh PowerPoint (.pptx)"]
    assert any("Siap: 9 slide" in c.value for c in at.caption)

