"""Peserta berulang on Perbandingan Tahap in a real Chromium, on the store whose phases share
enterprises (tests/states.py ``returning``): the count and the table as the official sees
them, checked against the pandas computation of tests/test_states.py; a screenshot of the
section in test-artifacts/."""

import pytest

from ikm_data.i18n import t
from tests.browser import ARTIFACTS, settle, streamlit_server, wait_for_page
from tests.test_states import Truth, num

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("state_store", ["returning"], indirect=True)
def test_peserta_berulang_shows_the_returning_enterprises(state_store, page):
    back = Truth(state_store.root).returning()
    by_nib = sum(b["by_nib"] for b in back)
    with streamlit_server(state_store.root) as (url, _):
        page.goto(f"{url}/perbandingan-tahap")
        wait_for_page(page, t("page.tahap"))
        heading = page.locator(f"h3:has-text('{t('returning.title')}')")
        heading.scroll_into_view_if_needed()
        settle(page)
        main = page.locator("[data-testid='stMain']").inner_text()
        said = t("returning.count", n=num(len(back)), by_nib=num(by_nib), by_name=num(len(back) - by_nib),
                 phases="Tahap 4 dan Tahap 5").replace("**", "")
        assert said in main, main
        assert t("returning.rule") in main
        assert page.locator("[data-testid='stDataFrame']").count() == 3  # phases, other scopes, returning
        buttons = page.locator(".st-key-dl_peserta-berulang-halaman-1 [data-testid='stDownloadButton']")
        assert buttons.count() == 3  # CSV twice, Excel
        ARTIFACTS.mkdir(exist_ok=True)
        note = page.get_by_text(t("returning.workers_note"))
        assert note.count() == 1
        heading.evaluate("h => h.scrollIntoView({block: 'start'})")  # the page scrolls inside Streamlit's main
        settle(page)
        page.screenshot(path=str(ARTIFACTS / "tahap-peserta-berulang.png"))
