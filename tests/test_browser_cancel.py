"""Abandoned checks stop, in a real Chromium against a real server: while a big CSV is
checked the page shows a line counting the seconds; closing the page, or uploading another
file, kills the worker checking the first file within seconds, and what the server holds
falls back. Screenshot: test-artifacts/unggah-checking.png."""

import time
from pathlib import Path

import pytest

from ikm_data import bench
from ikm_data.store import Store
from tests import procs
from tests.browser import screenshot, settle, sign_in, streamlit_server, wait_for_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]
DATA = Path(__file__).resolve().parent / "data"
ROWS = 400_000  # about 62 MB of CSV: reading and checking take several seconds even on a fast machine
BUSY_MB = 300  # a worker this large is deep in the file
STATUS = "detik (paling lama 30 detik)"


@pytest.fixture(scope="module")
def slow_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("slow") / "tahap_besar.csv"
    return bench.write_csv(bench.synthetic_frame(ROWS), path)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-cancel") / "store"
    with streamlit_server(folder) as (url, _):
        yield url, procs.server_pid(url), folder


def _busy_worker(server: int):
    """A worker of ``server`` that holds at least BUSY_MB, else None."""
    return next((w for w in procs.workers(server) if procs.resident_mb(w) >= BUSY_MB), None)


def _start_slow_check(page, url: str, server: int, slow_csv: Path, folder: Path) -> tuple[float, int]:
    """Open Unggah Data (signed in as an uploader), upload the slow file and wait until a
    worker is deep in it; what the server held before, and the worker's pid."""
    sign_in(page, url, folder)
    page.goto(f"{url}/unggah-data")
    wait_for_page(page, "Unggah Data")
    before = procs.serving_mb(server)
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(slow_csv))
    page.get_by_text(STATUS).first.wait_for(timeout=60_000)
    busy = procs.wait_until(lambda: _busy_worker(server), timeout=60)
    assert busy, "no worker grew while the file was checked"
    return before, busy


def test_closing_the_page_stops_the_check_and_frees_its_memory(server, page, slow_csv):
    url, pid, folder = server
    before, busy = _start_slow_check(page, url, server=pid, slow_csv=slow_csv, folder=folder)
    status = page.get_by_text(STATUS).first.inner_text()
    assert "Membaca dan memeriksa berkas…" in status, status  # (the icon's name comes first)
    screenshot(page, "unggah-checking")
    during = procs.serving_mb(pid)
    page.close()
    closed = time.monotonic()
    assert procs.wait_until(lambda: not procs.alive(busy), timeout=5), "the worker outlived the page"
    stopped = time.monotonic() - closed
    after = procs.wait_until(lambda: (m := procs.serving_mb(pid)) < during - BUSY_MB + 50 and m, timeout=10)
    print(f"\nclose: worker gone {stopped:.2f}s after; server+workers MB before {before:.0f}, "
          f"during {during:.0f}, after {after or procs.serving_mb(pid):.0f}")
    assert after, f"memory did not fall back: {procs.serving_mb(pid):.0f} MB, {during:.0f} MB during the check"
    assert not procs.workers(pid)
    # what stays is the upload's bytes in the closed session, kept for a reconnect, not its rows
    assert after < before + 3 * slow_csv.stat().st_size / 2**20 + 100, (before, after)


def test_uploading_another_file_stops_the_first_files_check(server, page, slow_csv):
    url, pid, folder = server
    _, busy = _start_slow_check(page, url, server=pid, slow_csv=slow_csv, folder=folder)
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        str(DATA / "good_two_row_header.xlsx"))
    changed = time.monotonic()
    assert procs.wait_until(lambda: not procs.alive(busy), timeout=5), "the first file's worker went on"
    print(f"\nanother file: the first file's worker gone {time.monotonic() - changed:.2f}s after")
    page.get_by_text("Berkas sah dan siap disimpan.").wait_for(timeout=60_000)
    settle(page, drawn=False)
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "good_two_row_header.xlsx" in body and "tahap_besar.csv" not in body
    assert not procs.workers(pid)


def test_a_commit_goes_on_when_its_page_closes(server, page, slow_csv):
    """The official asked for it: closing the page while it is saved does not stop it."""
    url, pid, folder = server
    author = sign_in(page, url, folder)  # the signed-in account is the commit's author
    page.goto(f"{url}/unggah-data")
    wait_for_page(page, "Unggah Data")
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(slow_csv))
    page.get_by_text("Berkas sah dan siap disimpan.").wait_for(timeout=120_000)
    phase = page.get_by_label("Tahap", exact=True)
    phase.fill("4")
    phase.press("Enter")
    settle(page, drawn=False)
    _type_date(page, "Data per tanggal", "13072020")
    store = Store(folder)
    assert store.state().phases.get(4) is None
    page.get_by_role("button", name="Simpan sebagai versi baru").click()
    try:
        page.get_by_text("Memeriksa dan menyimpan…").first.wait_for(timeout=30_000)
    except Exception:
        screenshot(page, "unggah-saving-failed")
        pytest.fail("no commit started: " + page.locator("[data-testid='stMain']").inner_text()[-600:])
    screenshot(page, "unggah-saving")
    saving = procs.wait_until(lambda: procs.workers(pid), timeout=10)
    assert saving, "no worker saves the file"
    page.close()
    assert procs.wait_until(lambda: store.state().phases.get(4), timeout=60), "the commit was dropped"
    assert store.history()[0].user == author and store.phase_table(4).num_rows == ROWS
    assert procs.wait_until(lambda: not procs.workers(pid), timeout=10)


def _type_date(page, label: str, digits: str) -> None:
    """Type a date into st.date_input's day/month/year field (it moves on by itself); again
    when a rerun swallowed the keys."""
    field = page.get_by_role("group", name=label)
    for _ in range(3):
        field.get_by_role("spinbutton").first.click()
        page.keyboard.type(digits)
        page.keyboard.press("Tab")
        settle(page, drawn=False)
        if digits[-4:] in field.inner_text():
            return
    raise AssertionError(f"the date field shows {field.inner_text()!r}")
