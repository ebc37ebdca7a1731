"""Every page in a real Chromium on two stores real use produces: a new phase uploaded
beside the sample (the state that once crashed the home page for every visitor) and the
sample removed (every phase shows its release). No traceback, the page's own title, and a
screenshot of each in test-artifacts/."""

import pytest

from ikm_data.i18n import t
from tests.browser import screenshot, settle, streamlit_server

pytestmark = pytest.mark.browser

PAGES = [  # (url path, title key); Presentasi has no page title: its counter shows instead
    ("", "page.ringkasan"), ("produk-komoditas", "page.produk"), ("wilayah-ntb", "page.wilayah"),
    ("perbandingan-tahap", "page.tahap"), ("direktori-ikm", "page.direktori"),
    ("unggah-data", "unggah.page"), ("presentasi-forum", None), ("tentang-data", "page.tentang"),
]


@pytest.mark.parametrize("state_store", ["new_phase", "published_only"], indirect=True)
def test_every_page_opens_in_the_state(state_store, page):
    with streamlit_server(state_store.root) as (url, _):
        for path, title_key in PAGES:
            page.goto(f"{url}/{path}")
            if title_key:
                page.wait_for_selector(f"h1:has-text('{t(title_key)}')", timeout=60_000)
            else:
                page.locator(".st-key-present_counter").wait_for(timeout=60_000)
            settle(page)
            main = page.locator("[data-testid='stMain']").inner_text()
            assert page.locator("[data-testid='stException']").count() == 0, (path, main)
            assert "Traceback" not in main and "KeyError" not in main, (path, main)
            if title_key:
                assert page.locator("h1").first.inner_text().strip() == t(title_key)
            screenshot(page, f"state-{state_store.root.name}-{path or 'ringkasan'}")
