"""The theme pages (Standardisasi, Pasar Pariwisata, Pendampingan) in a real Chromium on a
store with certifications, tourism partners and mentoring (tests/states.themes): each page
draws its charts and tables without an error; screenshots for the README in
docs/screenshots/ and test-artifacts/."""

import shutil

import pytest

from tests import states
from tests.browser import ROOT, screenshot, settle, streamlit_server

pytestmark = pytest.mark.browser

PAGES = [  # (url path, title, charts drawn, text that must be on it, screenshot)
    ("standardisasi", "Standardisasi", 2, "IKM yang datanya ada", "standardisasi"),
    ("pasar-pariwisata", "Pasar Pariwisata", 2, "IKM pemasok pasar pariwisata", "pasar-pariwisata"),
    ("pendampingan", "Pendampingan", 2, "bukan dampak pendampingan", "pendampingan"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser_themes") / "store"
    states.themes(folder)
    with streamlit_server(folder) as (url, _):
        yield url


def test_the_theme_pages_draw_in_the_browser(server, page):
    page.set_viewport_size({"width": 1366, "height": 900})
    for path, title, charts, text, name in PAGES:
        page.goto(f"{server}/{path}")
        page.wait_for_selector(f"h1:has-text('{title}')", timeout=30_000)
        settle(page, drawn=False)  # the tables behind "Tabel per …" stay folded, unpainted
        page.wait_for_function("n => [...document.querySelectorAll(\"[data-testid='stVegaLiteChart'] svg\")]"
                               ".filter(s => s.querySelector('.mark-rect')).length === n", arg=charts)
        main = page.locator("[data-testid='stMain']")
        assert page.locator("[data-testid='stException']").count() == 0, path
        assert page.locator("[data-testid='stVegaLiteChart']").count() == charts, path
        assert text.lower() in main.inner_text().lower(), path
        shot = screenshot(page, f"themes-{name}")
        shutil.copyfile(shot, ROOT / "docs" / "screenshots" / f"{name}.png")
