"""The role matrix in AppTest: what a visitor, an uploader and an admin see and can do on
every page, signing in through the /masuk form itself; wrong passwords and the lockout
message; a session that ends while idle; sign-in required to view; an admin revealing one
record, logged without its NIK."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from argon2 import PasswordHasher

from ikm_data import audit
from ikm_data.accounts import Accounts
from ikm_data.markup import escape
from ikm_data.i18n import t
from tests.apptest import ok, open_app, page_text, values

PASSWORDS = {"baiq": "rahasia-baiq", "ani": "rahasia-ani"}


@pytest.fixture
def accounts(store_with_phase3) -> Accounts:
    """baiq (uploader) and ani (admin); hashed with cheap argon2id parameters, which the
    server's verification reads from the hash (a successful sign-in rehashes with its own)."""
    accounts = Accounts(store_with_phase3.root, hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    accounts.add("baiq", "uploader", PASSWORDS["baiq"])
    accounts.add("ani", "admin", PASSWORDS["ani"])
    return accounts


_MENU: dict[str, bool] = {}  # url path -> shown in the menu, as app.py's last run declared it


@pytest.fixture(autouse=True)
def _menu(monkeypatch):
    """Record the visibility app.py gives each st.Page (AppTest keeps no menu of its own)."""
    import streamlit as st

    real = st.Page

    def page(*args, **kwargs):
        _MENU[kwargs.get("url_path", "")] = kwargs.get("visibility", "visible") == "visible"
        return real(*args, **kwargs)

    monkeypatch.setattr(st, "Page", page)
    _MENU.clear()


def nav(at) -> list[str]:
    """The URL paths of the menu this run showed (every page stays registered: a page the
    role may not open is hidden from the menu and says so itself when a link opens it)."""
    assert set(_MENU) >= {info.get("url_pathname", "") for info in at._registered_pages.values()} - {""}
    return sorted(url for url, shown in _MENU.items() if shown)


def sign_in_form(at, name: str, password: str):
    """Fill /masuk's form (opening it first unless it is open) and press Masuk."""
    if not any(w.key == "masuk_name" for w in at.text_input):
        at.switch_page("pages/akun.py").run()
    at.text_input(key="masuk_name").set_value(name)
    at.text_input(key="masuk_password").set_value(password)
    next(b for b in at.button if b.key.startswith("FormSubmitter:masuk_form")).click().run()
    return ok(at)


def after_redirect(at):
    """The next run, as the browser's reload after the sign-in or sign-out redirect."""
    return ok(at.run())


def signed_in(name: str, lang: str = "id"):
    at = open_app("ringkasan", lang, role=None)
    sign_in_form(at, name, PASSWORDS[name])
    assert values(at, "success") == [t("access.signing_in", lang, user=name)]  # (names here have no markup)
    after_redirect(at)
    assert f"**{name}**" in " ".join(m.value for m in at.sidebar.markdown)
    return at


def controls(at) -> set[str]:
    return {b.key for b in at.button} | {u.key for u in at.file_uploader}


def test_a_visitor_sees_the_figures_but_no_control(accounts):
    at = open_app("ringkasan", role=None)
    assert {m.label: m.value for m in at.metric}["IKM/UKM"] == "453"
    assert "log-audit" not in nav(at) and "masuk" in nav(at)
    assert [p.proto.page for p in at.sidebar.page_link] == ["masuk"] and "keluar" not in controls(at)
    at.switch_page("pages/unggah.py").run()
    assert controls(at) == set()  # no uploader, no rollback, no sample removal
    assert values(at, "info") == [t("access.upload.need")]
    assert [(p.proto.page, dict(p.proto.query_string and [p.proto.query_string.split("=")] or []))
            for p in at.main.page_link] == [("masuk", {"ke": "%2Funggah-data"})]
    at.switch_page("pages/tentang.py").run()
    assert "hapus_sampel" not in controls(at) and t("access.sample.need") in values(at, "caption")
    at.switch_page("pages/direktori.py").run()
    assert "dir_reveal" not in controls(at) and not at.expander
    assert all("*" in n for n in at.dataframe[0].value["NIK"].dropna())  # masked
    at.switch_page("pages/audit.py").run()  # a link to the admin's page: it says so, shows nothing
    assert values(at, "error") == [t("access.audit.need")] and not at.dataframe and not at.main.selectbox


def test_an_uploader_signed_in_at_masuk_gets_the_upload_controls_only(accounts):
    at = signed_in("baiq")
    assert "log-audit" not in nav(at)
    at.switch_page("pages/unggah.py").run()
    assert {"unggah_file", "unggah_rollback", "unggah_remove_sample", "keluar"} <= controls(at)
    at.switch_page("pages/tentang.py").run()
    assert "hapus_sampel" in controls(at)
    at.switch_page("pages/direktori.py").run()
    assert "dir_reveal" not in controls(at)
    at.switch_page("pages/unggah.py").run()
    at.button(key="keluar").click().run()
    assert {"unggah_file", "unggah_rollback"} & controls(ok(at)) == set()  # this run's page is a visitor's
    assert t("access.signed_out") in values(at, "success")
    after_redirect(at)
    assert controls(at) == set()
    events = [(e["event"], e["user"]) for e in audit.read(accounts.folder.parent)]
    assert events == [("sign_in", "baiq"), ("sign_out", "baiq")]


def test_an_admin_reveals_one_record_and_it_is_logged_without_the_nik(accounts, store_with_phase3):
    at = signed_in("ani")
    assert "log-audit" in nav(at)
    at.switch_page("pages/direktori.py").run()
    at.selectbox(key="dir_reveal_pick").set_value(1).run()
    at.button(key="dir_reveal").click().run()
    shown = ok(at).dataframe[-1].value
    stored = pd.read_parquet(store_with_phase3.root / "versions" / "v1" / "participants.parquet").iloc[1]
    assert shown.iloc[0].tolist() == [stored["name"], stored["owner"], stored["nik"], stored["phone"]]
    assert len(shown) == 1
    at.run()  # the next run shows it no more
    assert all(stored["nik"] not in df.value.to_string() for df in at.dataframe)
    reveal = [e for e in audit.read(store_with_phase3.root) if e["event"] == "reveal"]
    assert reveal == [{"at": reveal[0]["at"], "user": "ani", "event": "reveal", "phase": 3, "version": "v1",
                       "row": int(stored["source_row"]), "via": "web"}]
    raw = (store_with_phase3.root / "audit" / "audit.jsonl").read_text()
    assert stored["nik"] not in raw and stored["phone"] not in raw and stored["owner"] not in raw
    # the audit page: the events, newest first, in WITA
    at.switch_page("pages/audit.py").run()
    table = ok(at).dataframe[0].value
    assert table["Kejadian"].tolist() == ["membuka data pribadi", "masuk"]
    assert table["Pengguna"].tolist() == ["ani", "ani"] and table["Waktu (WITA)"].str.endswith("WITA").all()
    at.selectbox(key="audit_event").set_value("sign_in").run()
    assert ok(at).dataframe[0].value["Kejadian"].tolist() == ["masuk"]


def test_wrong_passwords_then_the_lockout_say_nothing_about_the_name(accounts):
    at = open_app("ringkasan", role=None)
    for name in ("baiq", "tidak-ada"):
        sign_in_form(at, name, "salah-sekali")
        assert values(at, "error") == [t("access.wrong")]
    for _ in range(4):
        sign_in_form(at, "baiq", "salah-sekali")
    locked = t("access.locked", minutes="15")
    assert values(at, "error") == [locked]
    sign_in_form(at, "baiq", PASSWORDS["baiq"])  # the right password, refused while locked
    assert values(at, "error") == [locked] and "keluar" not in controls(at)  # (unknown names: test_accounts)
    events = [(e["event"], e["user"]) for e in audit.read(accounts.folder.parent)]
    assert events.count(("locked", "baiq")) == 1 and events.count(("sign_in_failed", "baiq")) == 5
    assert events.count(("sign_in_failed", "tidak-ada")) == 1 and ("sign_in", "baiq") not in events


def test_an_idle_session_ends(accounts, monkeypatch):
    at = signed_in("baiq")
    session_file, = (accounts.folder / "sessions").glob("*.json")
    record = json.loads(session_file.read_text())
    session_file.write_text(json.dumps({**record, "last_seen": "2000-01-01T00:00:00+00:00"}))  # idle for years
    at.switch_page("pages/unggah.py").run()
    assert controls(ok(at)) == set() and t("access.ended") in values(at, "info")


def test_sign_in_required_shows_no_figure_to_a_visitor(accounts, monkeypatch):
    monkeypatch.setenv("IKM_REQUIRE_SIGN_IN", "1")
    at = open_app("ringkasan", "en", role=None)
    assert not at.metric and not at.dataframe and values(at, "info") == [t("access.required", "en")]
    assert not at.sidebar.selectbox  # no filters either
    at.switch_page("pages/akun.py").run()
    assert [w.label for w in at.text_input] == ["User name", "Password"]
    at = signed_in("baiq", "en")
    at.switch_page("pages/ringkasan.py").run()
    assert "453" in [m.value for m in at.metric]
    assert "453" not in page_text(open_app("produk", role=None))


def test_oidc_sign_in_is_a_configuration_switch(accounts, monkeypatch):
    """IKM_SIGN_IN=oidc: /masuk offers the office account instead of the password form (and
    says what is missing here: Authlib is not installed); the role comes from the account
    named by the e-mail address, else viewer."""
    monkeypatch.setenv("IKM_SIGN_IN", "oidc")
    accounts.add("ani@ntbprov.go.id", "uploader", None)
    at = open_app("akun", role=None)
    assert not at.text_input and not at.button
    assert values(at, "warning") == [t("access.oidc.missing", why=t("access.oidc.no_authlib"))]
    for email, expected in (("ani@ntbprov.go.id", {"unggah_file", "keluar"}), ("tamu@contoh.id", set())):
        at = open_app("ringkasan", role=None)
        at.user = {"is_logged_in": True, "email": email}
        at.switch_page("pages/unggah.py").run()
        assert expected <= controls(ok(at)) and ("unggah_file" in controls(at)) == bool(expected)
        assert f"**{escape(email)}**" in " ".join(m.value for m in at.sidebar.markdown)
    at.button(key="keluar").click().run()  # st.logout: the office account's session ends here
    after_redirect(at)
    assert ("sign_out", "tamu@contoh.id") in [(e["event"], e["user"]) for e in audit.read(accounts.folder.parent)]


def test_each_file_handed_out_is_in_the_audit_log(accounts, files):
    """A download is written to the log when the file is asked for (not when its button is
    drawn), by the official of the page that drew it."""
    from tests.apptest import sign_in

    made = files
    at = open_app("ringkasan", role=None)
    sign_in(at, "uploader", "baiq")
    at.run()
    assert not [e for e in audit.read(accounts.folder.parent) if e["event"] == "export"]
    name = next(n for n in made if n.endswith(".xlsx"))
    assert made[name]()[:2] == b"PK"  # the workbook itself
    (export,) = [e for e in audit.read(accounts.folder.parent) if e["event"] == "export"]
    assert (export["user"], export["file"], export["format"], export["phase"]) == ("baiq", name, "xlsx", 3)
