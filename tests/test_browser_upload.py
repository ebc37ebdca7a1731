"""The Unggah Data page in a real Chromium: the upload widget takes a bad file and shows its
errors, then a good file, which is committed and shows on Ringkasan. Screenshots go to
test-artifacts/."""

from pathlib import Path

import pytest

from tests.browser import screenshot, settle, sign_in, streamlit_server, wait_for_page

pytestmark = pytest.mark.browser
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-upload") / "store"
    with streamlit_server(folder) as (url, _):
        yield url, folder


def _upload(page, name: str) -> None:
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(DATA / name))
    page.locator(f"[data-testid='stFileChipName'][title='{name}']").wait_for(timeout=30_000)
    settle(page, drawn=False)


def test_upload_bad_then_good_file_and_commit(server, page):
    url, folder = server
    sign_in(page, url, folder)
    page.goto(f"{url}/unggah-data")
    wait_for_page(page, "Unggah Data")
    assert page.locator("[data-testid='stException']").count() == 0

    _upload(page, "bad_many_errors.csv")
    page.get_by_text("Berkas ditolak: 4 kesalahan").wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Simpan sebagai versi baru").count() == 0
    screenshot(page, "unggah-errors")

    _upload(page, "good_two_row_header.xlsx")
    page.get_by_text("Berkas sah dan siap disimpan.").wait_for(timeout=30_000)
    phase = page.get_by_label("Tahap", exact=True)
    phase.fill("3")
    phase.press("Enter")
    page.get_by_text("unggahan ini menggantikannya").wait_for(timeout=30_000)
    # st.date_input is a field of day/month/year segments: type into the first, it moves on
    page.get_by_role("group", name="Data per tanggal").get_by_role("spinbutton").first.click()
    page.keyboard.type("13072020")
    page.keyboard.press("Tab")
    settle(page, drawn=False)
    page.get_by_role("button", name="Simpan sebagai versi baru").click()
    page.get_by_text("Tersimpan: versi v2").wait_for(timeout=60_000)
    screenshot(page, "unggah-committed")

    page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Ringkasan").first.click()
    wait_for_page(page, "Ringkasan")
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "43" in body and "good_two_row_header.xlsx" in body and "2.858" not in body.split("Pencocokan")[0]
    assert "data per 13 Juli 2020" in body
    assert (folder / "versions" / "v2" / "upload" / "good_two_row_header.xlsx").read_bytes() == \
        (DATA / "good_two_row_header.xlsx").read_bytes()
