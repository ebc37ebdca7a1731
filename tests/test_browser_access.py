"""Access in a real Chromium: a visitor sees no upload control; /masuk signs in (an
HttpOnly cookie set by the server's route), survives a reload and a deep link in the same
browser, and signs out; five wrong passwords show the lockout; a whole day's work (sign in,
upload, commit, roll back, sign out) leaves an audit log (read with ``python -m ikm_data
audit --json``) naming the right official for each event; the admin's audit page.
Screenshots in test-artifacts/."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from ikm_data.accounts import Accounts
from ikm_data.i18n import t
from ikm_data.signin import COOKIE
from tests.browser import ROOT, screenshot, settle, streamlit_server, wait_for_page

pytestmark = pytest.mark.browser
DATA = Path(__file__).resolve().parent / "data"
PASSWORDS = {"baiq": "rahasia-baiq", "ani": "rahasia-ani", "lalu": "rahasia-lalu"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-access") / "store"
    accounts = Accounts(folder, hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    for name, role in (("baiq", "uploader"), ("ani", "admin"), ("lalu", "uploader")):
        accounts.add(name, role, PASSWORDS[name])
    with streamlit_server(folder) as (url, _):
        yield url, folder


def _submit(page, name: str, password: str) -> None:
    page.get_by_label(t("access.name"), exact=True).fill(name)
    page.get_by_label(t("access.password"), exact=True).fill(password)
    page.get_by_role("button", name=t("access.button"), exact=True).click()


def _sidebar(page) -> str:
    return page.locator("[data-testid='stSidebarUserContent']").inner_text()


def _session_cookies(page) -> list[dict]:
    return [c for c in page.context.cookies() if c["name"] == COOKIE]


def test_a_visitor_has_no_upload_control_and_five_wrong_passwords_lock_a_name(server, page):
    url, _ = server
    page.goto(f"{url}/unggah-data")
    wait_for_page(page, t("unggah.page"))
    main = page.locator("[data-testid='stMain']")
    assert page.locator("[data-testid='stFileUploader']").count() == 0
    assert page.get_by_role("button", name=t("unggah.history.rollback")).count() == 0
    assert "pengunggah" in main.inner_text()
    screenshot(page, "akses-unggah-pengunjung")
    main.get_by_role("link", name=t("access.goto")).click()
    page.wait_for_url(f"{url}/masuk?ke=%2Funggah-data")
    wait_for_page(page, t("access.page"))
    screenshot(page, "akses-masuk")
    for i in range(5):
        _submit(page, "lalu", f"salah-{i}")
        settle(page, drawn=False)
    locked = t("access.locked", minutes="15")
    page.get_by_text(locked).wait_for()
    _submit(page, "lalu", PASSWORDS["lalu"])  # the right password, refused while locked
    settle(page, drawn=False)
    page.get_by_text(locked).wait_for()
    assert _session_cookies(page) == [] and "lalu" not in _sidebar(page)
    screenshot(page, "akses-terkunci")


def test_a_whole_days_work_is_in_the_audit_log(server, page):
    url, folder = server
    page.goto(f"{url}/masuk?ke=%2Funggah-data")
    wait_for_page(page, t("access.page"))
    _submit(page, "Baiq", PASSWORDS["baiq"])
    page.wait_for_url(f"{url}/unggah-data", timeout=30_000)
    wait_for_page(page, t("unggah.page"))
    (cookie,) = _session_cookies(page)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["path"] == "/"
    assert "baiq" in _sidebar(page) and "Pengunggah" in _sidebar(page)
    page.reload()
    wait_for_page(page, t("unggah.page"))
    assert "baiq" in _sidebar(page)  # a reload is a new Streamlit session: the cookie signs it in
    deep = page.context.new_page()  # a dashboard link opened in the same browser
    deep.goto(f"{url}/tentang-data")
    wait_for_page(deep, t("page.tentang"))
    assert "baiq" in _sidebar(deep) and deep.get_by_role("button", name=t("tentang.sample.remove")).count() == 1
    screenshot(deep, "akses-sidebar-masuk")
    deep.close()

    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        str(DATA / "good_two_row_header.xlsx"))
    page.get_by_text(t("unggah.valid")).wait_for(timeout=60_000)
    phase = page.get_by_label("Tahap", exact=True)
    phase.fill("3")
    phase.press("Enter")
    page.get_by_text("unggahan ini menggantikannya").wait_for(timeout=30_000)
    assert page.get_by_label("Nama petugas", exact=True).count() == 0
    page.get_by_role("group", name="Data per tanggal").get_by_role("spinbutton").first.click()
    page.keyboard.type("13072020")
    page.keyboard.press("Tab")
    settle(page, drawn=False)
    page.get_by_role("button", name=t("unggah.commit.button")).click()
    page.get_by_text("Tersimpan: versi v2").wait_for(timeout=60_000)
    settle(page, drawn=False)

    page.locator(".st-key-unggah_rollback_version input").click()
    page.keyboard.type("v1 ·")
    page.locator("[role='option']").filter(has_text="v1 ·").first.click()
    settle(page, drawn=False)
    page.get_by_text("Saya mengerti: Tahap 3 akan menampilkan data seperti setelah v1").click()
    settle(page, drawn=False)
    page.get_by_role("button", name=t("unggah.history.rollback")).click()
    page.get_by_text("versi baru v3").first.wait_for(timeout=60_000)
    settle(page, drawn=False)

    page.get_by_role("button", name=t("access.sign_out")).click()
    page.wait_for_url(f"{url}/masuk?keluar=1", timeout=30_000)
    page.get_by_text(t("access.signed_out")).wait_for()
    assert _session_cookies(page) == [] and "baiq" not in _sidebar(page)
    page.goto(f"{url}/unggah-data")
    wait_for_page(page, t("unggah.page"))
    assert page.locator("[data-testid='stFileUploader']").count() == 0

    done = subprocess.run([sys.executable, "-m", "ikm_data", "audit", "--json", "--data-dir", str(folder)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60, check=True)
    day = [e for e in json.loads(done.stdout) if e.get("user") == "baiq" or e.get("event") != "sign_in_failed"]
    trail = [(e["event"], e["user"], e.get("phase"), e.get("version"), e.get("target"))
             for e in day if e["event"] in ("sign_in", "validate", "commit", "rollback", "sign_out")]
    assert trail[0] == ("sign_in", "baiq", None, None, None) and trail[-1] == ("sign_out", "baiq", None, None, None)
    assert ("commit", "baiq", 3, "v2", None) in trail and ("rollback", "baiq", 3, "v3", "v1") in trail
    assert {e for e, *_ in trail} == {"sign_in", "validate", "commit", "rollback", "sign_out"}
    assert {u for _, u, *_ in trail} == {"baiq"}
    validate = next(e for e in day if e["event"] == "validate")
    assert validate["file"] == "good_two_row_header.xlsx" and len(validate["sha256"]) == 64


def test_the_admins_audit_page(server, page):
    url, _ = server
    page.goto(f"{url}/masuk?ke=%2Flog-audit")
    wait_for_page(page, t("access.page"))
    _submit(page, "ani", PASSWORDS["ani"])
    page.wait_for_url(f"{url}/log-audit", timeout=30_000)
    wait_for_page(page, t("audit.page"))
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "WITA" in body and "Admin" in _sidebar(page)
    screenshot(page, "akses-log-audit")
