"""The dashboard on a phone (390 px, Chromium) and Streamlit's own widget texts in the
Indonesian UI: measured in the real browser (bounding boxes, computed styles), with
screenshots in test-artifacts/."""

import re

import pytest

from tests.browser import screenshot, settle, sign_in, streamlit_server, wait_for_page

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2}

# Lines each whitespace-separated word of the page's h1 is drawn on (1 = kept whole).
WORD_LINES_JS = """h => {
    const out = [];
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.textContent.matchAll(/\\S+/g)) {
            const r = document.createRange();
            r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
            out.push([m[0], new Set([...r.getClientRects()].map(x => Math.round(x.top))).size]);
        }
    }
    return out;
}"""

# Bounding boxes of the map's visible label texts and circles, in page pixels.
MAP_BOXES_JS = """svg => {
    const box = e => { const r = e.getBoundingClientRect();
                       return [r.left, r.top, r.right, r.bottom, e.textContent || ""]; };
    return {
        texts: [...svg.querySelectorAll("g.mark-text text")].filter(t => t.textContent.trim()).map(box),
        circles: [...svg.querySelectorAll("g.mark-symbol path")].map(box),
    };
}"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("phone") / "store"


@pytest.fixture(scope="module")
def server(folder):
    with streamlit_server(folder) as (url, _):
        yield url


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE, locale="id-ID")
    yield context.new_page()
    context.close()


def _sidebar(page, action):
    """Open the phone's collapsed sidebar, run ``action`` in it, close it again."""
    page.locator("[data-testid='stExpandSidebarButton']").click()
    action(page.locator("[data-testid='stSidebar']"))
    close = page.locator("[data-testid='stSidebarCollapseButton'] button")
    if close.is_visible():
        close.click()


def _go(page, title):
    _sidebar(page, lambda bar: bar.locator("[data-testid='stSidebarNav'] a").filter(has_text=title).first.click())
    wait_for_page(page, title)


def _english(page, title):
    _sidebar(page, lambda bar: bar.locator("button", has_text="English").click())
    wait_for_page(page, title)


def _overlap(a, b, slack=0.5):
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


def test_page_titles_keep_their_words_whole_on_a_phone(server, phone):
    phone.goto(f"{server}/produk-komoditas")
    wait_for_page(phone, "Produk/Komoditas")
    for lang, title in (("id", "Produk/Komoditas"), ("en", "Products/Commodities")):
        if lang == "en":
            _english(phone, title)
        words = phone.locator("[data-testid='stMain'] h1").first.evaluate(WORD_LINES_JS)
        assert [w for w, _ in words] == [title]
        assert all(lines == 1 for _, lines in words), words  # 'Komodita / s' drew 2 lines
        assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
        screenshot(phone, f"phone-produk-{lang}")


def test_reconciliation_shows_its_numbers_and_totals_on_a_phone(server, phone):
    phone.goto(server)
    wait_for_page(phone, "Ringkasan")
    table = phone.locator("[data-testid='stDataFrame']").last
    # the grid's accessible table holds only the cells it draws: columns in view, rows shown
    table.locator("table th").first.wait_for(state="attached")
    headers = table.locator("table th").all_text_contents()
    assert headers[:3] == ["Cocok", "Rilis", "Data"], headers
    cells = table.locator("table td").all_text_contents()
    assert "IKM/UKM · total" in cells and "Tenaga kerja · total" in cells  # no 10-row scroll box
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    screenshot(phone, "phone-ringkasan-pencocokan")


@pytest.mark.parametrize("width", [390, 1366])
def test_map_labels_do_not_overlap(server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=2)
    page = context.new_page()
    page.goto(f"{server}/wilayah-ntb")
    wait_for_page(page, "Wilayah")
    svg = page.locator("[data-testid='stVegaLiteChart'] svg").first
    boxes = svg.evaluate(MAP_BOXES_JS)
    labels = [b for b in boxes["texts"] if not b[4].startswith(("Sebaran", "Sumber"))
              and b[1] > max(t[3] for t in boxes["texts"] if t[4].startswith("Sebaran"))]
    labels = [b for b in labels if re.search(r"\d", b[4])]  # the count labels, not the subtitle
    assert len(labels) == 10, [b[4] for b in labels]
    clashes = [(a[4], b[4]) for i, a in enumerate(labels) for b in labels[i + 1:] if _overlap(a, b)]
    assert clashes == []
    chart = svg.bounding_box()
    assert all(chart["x"] - 1 <= b[0] and b[2] <= chart["x"] + chart["width"] + 1 for b in labels)
    if width == 390:  # small circles: the five Lombok seats stay apart enough to read
        assert max(c[2] - c[0] for c in boxes["circles"]) <= 24
    screenshot(page, f"map-labels-{width}")
    context.close()


def _after(page, selector):
    """The text drawn by ``selector``'s ::after and the font size of its own text."""
    return page.locator(selector).first.evaluate(
        "e => [getComputedStyle(e, '::after').content, getComputedStyle(e).fontSize]")


UPLOAD_BUTTON = "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p"
UPLOAD_LIMIT = "[data-testid='stFileUploaderDropzoneInstructions'] > div > span"
DROP_HINT = "[data-testid='stFileUploaderDropzone'] > input + div > span"


def test_uploader_speaks_indonesian_with_the_real_limit(server, folder, phone):
    sign_in(phone, server, folder)
    phone.goto(f"{server}/unggah-data")
    wait_for_page(phone, "Unggah Data")
    assert _after(phone, UPLOAD_BUTTON) == ['"Unggah berkas"', "0px"]  # 'Upload' hidden
    limit, size = _after(phone, UPLOAD_LIMIT)
    assert size == "0px" and re.fullmatch(r'"Maks\. \d+ MB per berkas"', limit), limit
    files = phone.evaluate_handle(
        "() => { const d = new DataTransfer(); d.items.add(new File(['a'], 'a.csv')); return d; }")
    phone.dispatch_event("[data-testid='stFileUploaderDropzone']", "dragenter", {"dataTransfer": files})
    phone.locator(DROP_HINT).wait_for()
    assert _after(phone, DROP_HINT) == ['"Lepaskan berkas di sini"', "0px"]  # 'Drag and drop a file here'
    phone.dispatch_event("[data-testid='stFileUploaderDropzone']", "dragleave", {"dataTransfer": files})
    screenshot(phone, "phone-unggah-id")
    _english(phone, "Upload data")
    assert _after(phone, UPLOAD_BUTTON)[0] == "none"  # the English UI keeps Streamlit's texts
    native = phone.locator(UPLOAD_LIMIT).inner_text()
    assert re.search(r"\d+", native).group() == re.search(r"\d+", limit).group()  # the real limit


def test_multiselect_bulk_action_and_empty_state_speak_indonesian(server, page):
    page.goto(server)
    wait_for_page(page, "Ringkasan")
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect'] input").first
    box.click()
    page.keyboard.type("Bima")
    matches = "[role='option'][data-key='__select_matches__'] [data-item-hl]"
    page.locator(matches).wait_for()
    assert page.locator(matches).inner_text().startswith("Select 2")  # Streamlit's own text ...
    assert _after(page, matches) == ['"Pilih semua yang cocok"', "0px"]  # ... hidden, ours shown
    screenshot(page, "multiselect-id-matches")
    page.keyboard.type("zzz")
    empty = "[role='listbox'][data-empty='true'] > [role='option'] > span"
    page.locator(empty).wait_for()
    assert _after(page, empty) == ['"Tidak ada hasil"', "0px"]
    page.keyboard.press("Escape")
    settle(page)
