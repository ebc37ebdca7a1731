"""The Presentasi page in a real Chromium: one arrow per button, one slide per key press or
click (also when a presenter taps faster than the server draws), long group names whole.
Screenshots go to test-artifacts/."""

import re

import pytest

from tests.browser import screenshot, settle, streamlit_server, wait_for_page

pytestmark = pytest.mark.browser

COUNTER = ".st-key-present_counter"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with streamlit_server(tmp_path_factory.mktemp("browser_present") / "store") as (url, _):
        yield url


def _counter(page) -> str:
    return page.locator(COUNTER).inner_text().strip()


def _wait_counter(page, text: str) -> None:
    page.wait_for_function("t => document.querySelector('.st-key-present_counter')?.innerText.trim() === t",
                           arg=text, timeout=30_000)
    settle(page)


def _open(page, server) -> int:
    page.goto(f"{server}/presentasi-forum")
    page.locator(COUNTER).wait_for(timeout=60_000)
    settle(page)
    total = int(re.search(r"/\s*(\d+)", _counter(page)).group(1))
    assert _counter(page) == f"1 / {total}"
    return total


def test_each_button_shows_one_arrow(server, page):
    _open(page, server)
    for key, arrow in (("present_prev", "←"), ("present_next", "→")):
        button = page.locator(f".st-key-{key} button")
        assert button.locator("[data-testid='stIconMaterial']").count() == 1
        assert button.locator("[aria-label^='Shortcut']").count() == 0  # no key hint beside the icon
        assert arrow not in button.inner_text()
    screenshot(page, "present-buttons")


def test_every_press_moves_exactly_one_slide(server, page):
    total = _open(page, server)
    # a presenter tapping faster than the server draws: five presses, five slides
    for key, gap, expected in (("ArrowRight", 60, 6), ("ArrowLeft", 150, 1), ("ArrowRight", 0, 6)):
        for _ in range(5):
            page.keyboard.press(key)
            page.wait_for_timeout(gap)
        _wait_counter(page, f"{expected} / {total}")
        page.wait_for_timeout(1500)
        settle(page)
        assert _counter(page) == f"{expected} / {total}"  # not one slide more, not one less
    page.keyboard.press("PageUp")
    page.keyboard.press("ArrowLeft")
    _wait_counter(page, f"4 / {total}")
    page.keyboard.press("PageDown")
    _wait_counter(page, f"5 / {total}")
    page.locator(".st-key-present_next button").click()
    _wait_counter(page, f"6 / {total}")
    page.locator(".st-key-present_prev button").click()
    _wait_counter(page, f"5 / {total}")
    page.keyboard.press("ArrowRight")  # the keys carry on from the clicked slide
    _wait_counter(page, f"6 / {total}")
    page.wait_for_timeout(1000)
    settle(page)
    assert _counter(page) == f"6 / {total}"
    for _ in range(total + 2):  # past the end stays on the last slide
        page.keyboard.press("ArrowRight")
    _wait_counter(page, f"{total} / {total}")


def test_english_workforce_slide_shows_group_names_whole(server, page):
    page.goto(server)
    wait_for_page(page, "Ringkasan")
    page.locator("[data-testid='stSidebar'] button", has_text="English").click()
    wait_for_page(page, "Overview")
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Presentation").first.click()
    page.locator(COUNTER).wait_for(timeout=60_000)
    settle(page)
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_selector(".st-key-present_slide [data-slide='workforce']", timeout=30_000)
    settle(page)
    labels = page.locator(".st-key-present_slide [data-testid='stVegaLiteChart'] svg").text_content()
    assert "Moringa tea / Ginger drink /Palm sugar crystals" in labels  # two lines, every word
    assert "…" not in labels
    screenshot(page, "present-en-workforce")
