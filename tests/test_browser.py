"""The dashboard in a real Chromium: every page in both languages, a click on a product bar
that filters, a deep link on a fresh server, a phone-sized screen. Screenshots go to
test-artifacts/."""

import re

import pytest

from tests.browser import screenshot, settle, streamlit_server, wait_for_page

pytestmark = pytest.mark.browser

PAGES = [  # (url path, Indonesian title, English title)
    ("", "Ringkasan", "Overview"),
    ("produk-komoditas", "Produk/Komoditas", "Products/Commodities"),
    ("wilayah-ntb", "Wilayah", "Regions"),
    ("perbandingan-tahap", "Perbandingan Tahap", "Phase comparison"),
    ("direktori-ikm", "Direktori IKM", "IKM directory"),
    ("tentang-data", "Tentang Data", "About the data"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with streamlit_server(tmp_path_factory.mktemp("browser") / "store") as (url, started):
        print(f"\nstreamlit answered its health check after {started:.1f} s")
        yield url


def _no_exception(page):
    assert page.locator("[data-testid='stException']").count() == 0


def test_deep_link_on_a_fresh_server_opens_the_real_page(server, page):
    # first request of the server's life: a shared link straight to the map page
    page.goto(f"{server}/wilayah-ntb")
    wait_for_page(page, "Wilayah")
    _no_exception(page)
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("[data-testid='stSidebarNav'] a").count() >= 6
    assert page.get_by_text("Tahap JPS Gemilang").count() == 1  # the shared filters are there
    assert page.locator("[data-testid='stVegaLiteChart']").count() == 2
    screenshot(page, "wilayah-deep-link")


def test_every_page_in_both_languages(server, page):
    page.goto(server)
    wait_for_page(page, "Ringkasan")
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "453" in body and "2.858" in body and "data contoh (sintetis)" in body, body
    for lang, column in (("id", 1), ("en", 2)):
        if lang == "en":
            page.locator("[data-testid='stSidebar'] button", has_text="English").click()
            wait_for_page(page, PAGES[-1][2])  # still on the last page, now in English
        for path, *titles in PAGES:
            link = page.locator("[data-testid='stSidebarNav'] a").filter(has_text=titles[column - 1])
            link.first.click()
            wait_for_page(page, titles[column - 1])
            _no_exception(page)
            screenshot(page, f"{lang}-{path or 'ringkasan'}")
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "About the data" in body and "sample data (synthetic)" in body.lower()


def test_clicking_a_product_bar_filters_the_other_charts(server, page):
    page.goto(f"{server}/produk-komoditas")
    wait_for_page(page, "Produk/Komoditas")
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    # Vega labels each bar for screen readers: "IKM/UKM: 55; product: Minyak Goreng; ..."
    chart.locator("[aria-roledescription='bar'][aria-label*='Minyak Goreng']").first.click()
    page.get_by_text("Dipilih di grafik: Minyak Goreng").wait_for(timeout=30_000)
    wait_for_page(page, "Produk/Komoditas")
    groups = page.locator("[data-testid='stVegaLiteChart']").nth(1)
    bars = groups.locator("[aria-roledescription='bar']")
    bars.first.wait_for()
    assert bars.count() == 1 and "382" in bars.first.get_attribute("aria-label")
    screenshot(page, "produk-click-minyak-goreng")


def test_numbers_on_chart_axes_read_in_id_format(server, page):
    page.goto(f"{server}/perbandingan-tahap")
    wait_for_page(page, "Perbandingan Tahap")
    svg_text = page.locator("[data-testid='stVegaLiteChart'] svg").nth(1).text_content()
    assert "2.858" in svg_text and "3.000" in svg_text and "3,000" not in svg_text


def test_phone_width_stacks_without_sideways_scrolling(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    page.goto(server)
    wait_for_page(page, "Ringkasan")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    screenshot(page, "phone-ringkasan")
    context.close()


@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080)])
def test_presentation_steps_through_every_slide(server, browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{server}/presentasi-forum")
    counter = page.locator(".st-key-present_counter")
    counter.wait_for(timeout=30_000)
    total = int(re.search(r"/\s*(\d+)", counter.inner_text()).group(1))
    assert total >= 6
    seen = []
    for n in range(1, total + 1):
        page.wait_for_function(
            "n => document.querySelector('.st-key-present_counter')?.innerText.trim().startsWith(n + ' /')",
            arg=str(n), timeout=30_000)
        settle(page)
        seen.append(page.locator(".st-key-present_slide [data-slide]").first.get_attribute("data-slide"))
        screenshot(page, f"slide-{width}x{height}-{n:02d}")
        if n == 1:
            assert page.locator("[data-testid='stSidebar']").is_hidden()  # forum mode: no widgets
        if n == 2:
            text = page.locator(".st-key-present_slide").inner_text()
            assert "453" in text and "2.858" in text
        if n < total:  # odd slides by keyboard (arrow / page down), even ones by the big button
            if n % 2:
                page.keyboard.press("ArrowRight" if n % 4 == 1 else "PageDown")
            else:
                page.locator(".st-key-present_next button").click()
    assert len(set(seen)) == total  # every slide was a different one
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(
        "n => document.querySelector('.st-key-present_counter')?.innerText.trim().startsWith(n + ' /')",
        arg=str(total - 1), timeout=30_000)
    page.locator(".st-key-present_prev button").click()
    page.wait_for_function(
        "n => document.querySelector('.st-key-present_counter')?.innerText.trim().startsWith(n + ' /')",
        arg=str(total - 2), timeout=30_000)
    context.close()
