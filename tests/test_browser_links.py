"""Links that carry their filters, in a real Chromium on a fresh server: a link opened as the
server's very first request (straight to a deep page) shows the filtered figures, the address
bar follows a change of filter and a switch of page, "Salin tautan" copies the link (through
the clipboard on a secure page, through a selected field on plain http); and Tentang Data's
open-data package downloads as a zip that Frictionless validates. Screenshots go to
test-artifacts/."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import ARTIFACTS, screenshot, settle, streamlit_server, wait_for_page
from tests.test_states import Truth, num

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("links") / "store"
    with streamlit_server(folder) as (url, _):
        yield url, folder  # the server makes the store at its first request: read it after that


def _query(page) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


def _metrics(page) -> dict[str, str]:
    labels = page.locator("[data-testid='stMetricLabel']").all_inner_texts()
    values = page.locator("[data-testid='stMetricValue']").all_inner_texts()
    return dict(zip((x.strip() for x in labels), (v.strip() for v in values)))


def _table(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def test_a_deep_link_on_a_fresh_server_then_a_link_to_ringkasan(server, page):
    base, folder = server
    # the server's first request: a link straight to the map page, filtered to Lombok Timur
    page.goto(f"{base}/wilayah-ntb?kabupaten=5203")
    wait_for_page(page, "Wilayah")
    truth = Truth(folder)
    assert page.get_by_text("Page not found").count() == 0
    regencies, products = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").all_inner_texts()
    assert regencies.split() == ["Kabupaten/Kota", "Lombok", "Timur"] and products.split() == ["Produk"]
    enterprises, workers = truth.by_regency(3, ("5203",))["5203"]
    bars = page.locator("[data-testid='stVegaLiteChart']").nth(1).locator("[aria-roledescription='bar']")
    labels = [bars.nth(i).get_attribute("aria-label") for i in range(bars.count())]
    drawn = [a for a in labels if "Lombok Timur" in a]
    assert drawn and f": {num(enterprises)};" in drawn[0] and workers  # the bar of the filtered regency
    assert all("Lombok Timur" in a for a in labels if not a.rstrip().endswith(": 0"))  # only it has IKM
    assert _query(page) == {"kabupaten": "5203"}
    screenshot(page, "link-wilayah-kabupaten-5203")

    page.goto(f"{base}/?tahap=3&kabupaten=5203,5271&produk=susu_kedelai&lang=en")
    wait_for_page(page, "Overview")
    k = truth.kpis(3, ("5203", "5271"), ("susu_kedelai",))
    shown = _metrics(page)
    assert shown["IKM/SMEs"] == num(k["enterprises"]) and shown["Workers"] == num(k["workers"])
    assert shown["Regencies/cities"] == num(k["regencies"]) and shown["Products"] == "1"
    # phase 3 is the newest: the address bar leaves it out, the rest stays
    assert _query(page) == {"kabupaten": "5203,5271", "produk": "susu_kedelai", "lang": "en"}


def test_the_address_bar_follows_the_filters_and_the_pages(server, page):
    base, folder = server
    page.goto(f"{base}/?kabupaten=9999&tahap=abc")
    wait_for_page(page, "Ringkasan")
    truth = Truth(folder)
    page.get_by_text("Sebagian isi tautan tidak dikenali").wait_for(timeout=10_000)
    assert page.url.rstrip("/") == base  # a clean / : nothing of the bad link is kept
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.locator("[data-testid='stMultiSelect'] input").nth(1).click()  # typing opens the list wherever it sits
    page.keyboard.type("Susu Ked")
    page.get_by_role("option", name="Susu Kedelai").click()
    page.keyboard.press("Escape")
    settle(page)
    page.wait_for_function("() => location.search.includes('produk=susu_kedelai')", timeout=10_000)
    k = truth.kpis(3, (), ("susu_kedelai",))
    assert _metrics(page)["IKM/UKM"] == num(k["enterprises"])
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Wilayah").first.click()
    wait_for_page(page, "Wilayah")
    page.wait_for_function("() => location.search.includes('produk=susu_kedelai')", timeout=10_000)
    assert urlsplit(page.url).path.endswith("/wilayah-ntb") and _query(page) == {"produk": "susu_kedelai"}
    screenshot(page, "link-wilayah-produk")


def _copy(page) -> tuple[str, str, bool]:
    page.locator(".ikm-link").evaluate("b => { delete b.dataset.copied; }")
    page.locator(".ikm-link button").click()
    box = page.locator(".ikm-link[data-copied]")  # inside the component's shadow root: CSS pierces it
    box.wait_for(timeout=10_000)
    return box.get_attribute("data-url"), page.locator(".ikm-link-status").inner_text(), \
        page.locator(".ikm-link input").is_visible()


def test_copy_link_uses_the_clipboard_on_a_secure_page(server, browser, tmp_path):
    base, _ = server
    context = browser.new_context(viewport={"width": 1366, "height": 1150})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    try:
        page.goto(f"{base}/produk-komoditas?kabupaten=5203")
        wait_for_page(page, "Produk/Komoditas")
        url, status, field_shown = _copy(page)
        assert url == f"{base}/produk-komoditas?tahap=3&kabupaten=5203"  # the phase pinned in a shared link
        assert page.evaluate("navigator.clipboard.readText()") == url
        assert status == "Tautan disalin." and not field_shown
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator("[data-testid='stSidebar']").screenshot(path=str(ARTIFACTS / "link-sidebar-salin-tautan.png"))
        # Tentang Data, through the sidebar: the link follows, the package downloads and validates
        page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Tentang Data").first.click()
        wait_for_page(page, "Tentang Data")
        assert _query(page) == {"kabupaten": "5203"}
        button = page.get_by_role("button", name="Unduh paket data Tahap 3 (.zip)")
        button.scroll_into_view_if_needed()
        screenshot(page, "tentang-paket-data")
        with page.expect_download() as info:
            button.click()
        _validates(info.value.path(), tmp_path)
        _copy_without_clipboard(page, f"{base}/tentang-data?tahap=3&kabupaten=5203")
    finally:
        context.close()


def _copy_without_clipboard(page, expected: str) -> None:
    """Over plain http on an office network the page is no secure context and has no
    navigator.clipboard: the link is shown in a field, selected, and copied by the browser's
    copy command (or by the official with Ctrl+C)."""
    page.evaluate("() => Object.defineProperty(window, 'isSecureContext', {value: false})")
    url, status, shown = _copy(page)
    field = page.locator(".ikm-link input")
    assert url == expected and field.input_value() == expected
    assert (status, shown) in (("Tautan disalin.", False), ("Tekan Ctrl+C untuk menyalin tautan ini.", True))
    if shown:
        assert field.evaluate("f => f.selectionStart === 0 && f.selectionEnd === f.value.length")


def _validates(zip_path, folder) -> None:
    import zipfile

    from frictionless import Package

    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(folder / "paket")
    report = Package(str(folder / "paket" / "datapackage.json")).validate()
    assert report.valid and report.stats["tasks"] == 4
