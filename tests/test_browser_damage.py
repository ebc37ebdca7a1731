"""A damaged store in a real Chromium: Ringkasan and Wilayah show what is wrong, the last
good version and how to recover instead of a traceback; Unggah Data's "Perbaiki
penyimpanan" repairs it and Ringkasan shows the figures again. Screenshots in
test-artifacts/."""

import pytest

from ikm_data.i18n import t
from tests.browser import screenshot, settle, sign_in, streamlit_server, wait_for_page

pytestmark = pytest.mark.browser


def _no_traceback(page, where: str) -> str:
    main = page.locator("[data-testid='stMain']").inner_text()
    assert page.locator("[data-testid='stException']").count() == 0, (where, main)
    assert "Traceback" not in main and "Error:" not in main, (where, main)
    return main


@pytest.mark.parametrize("state_store", ["missing_parquet"], indirect=True)
def test_a_damaged_store_explains_itself_and_is_repaired(state_store, page):
    with streamlit_server(state_store.root) as (url, _):
        for path, title in (("", "page.ringkasan"), ("wilayah-ntb", "page.wilayah")):
            page.goto(f"{url}/{path}")
            wait_for_page(page, t(title), timeout=60_000)
            main = _no_traceback(page, path)
            assert t("damage.title") in main and "v3" in main and "Parquet" in main, main
            assert t("damage.last_good", versions="Tahap 4: v2") in main, main
            screenshot(page, f"damaged-{path or 'ringkasan'}")

        sign_in(page, url, state_store.root)  # repairing needs an uploader
        page.goto(f"{url}/unggah-data")
        wait_for_page(page, t("unggah.page"), timeout=60_000)
        _no_traceback(page, "unggah")
        page.get_by_text(t("unggah.history.title")).first.wait_for()
        screenshot(page, "damaged-unggah")
        page.get_by_role("button", name=t("damage.repair.button")).click()
        page.get_by_text("versi baru v4 memulihkan v2").wait_for(timeout=60_000)
        settle(page, drawn=False)
        assert t("damage.title") not in _no_traceback(page, "unggah repaired")
        screenshot(page, "damaged-unggah-repaired")

        page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Ringkasan").first.click()
        wait_for_page(page, t("page.ringkasan"))
        main = _no_traceback(page, "ringkasan repaired")
        assert t("damage.title") not in main and "v4" in main, main
