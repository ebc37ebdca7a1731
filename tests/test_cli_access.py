"""The access commands of ``python -m ikm_data``: ``users`` (the password from standard
input, never printed or stored), ``audit`` (JSON list, --since), and the audit trail the
data commands leave (--user and the operating-system user)."""

import getpass
import io
import json
import sys
from pathlib import Path

import pytest

from ikm_data import cli

GOOD = str(Path(__file__).resolve().parent / "data" / "good_two_row_header.xlsx")


def run(capsys, monkeypatch, data_dir, *args, stdin: str = ""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main([*args, "--data-dir", str(data_dir)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_users_add_list_set_role_disable_passwd(capsys, monkeypatch, tmp_path):
    store = tmp_path / "store"
    code, out, _ = run(capsys, monkeypatch, store, "users", "add", "Ani", "--role", "admin", stdin="rahasia-ani\n")
    assert code == 0 and out.strip() == "Akun ani dibuat dengan peran admin."
    code, _, err = run(capsys, monkeypatch, store, "users", "add", "budi", "--role", "uploader", stdin="pendek\n")
    assert code == 2 and "paling sedikit 8 karakter" in err
    code, _, err = run(capsys, monkeypatch, store, "users", "add", "budi", "--role", "uploader", stdin="")
    assert code == 2 and "masukan standar" in err
    code, _, _ = run(capsys, monkeypatch, store, "users", "add", "budi", "--role", "boss", stdin="rahasia-budi\n")
    assert code == 2  # argparse: not a role
    run(capsys, monkeypatch, store, "users", "add", "budi", "--role", "viewer", stdin="rahasia-budi\r\n")
    code, out, _ = run(capsys, monkeypatch, store, "users", "list", "--json")
    listed = json.loads(out)
    assert [(a["name"], a["role"], a["disabled"]) for a in listed] == [("ani", "admin", False),
                                                                      ("budi", "viewer", False)]
    assert "hash" not in out and "argon2" not in out and "rahasia" not in out
    assert run(capsys, monkeypatch, store, "users", "set-role", "budi", "uploader")[0] == 0
    code, out, _ = run(capsys, monkeypatch, store, "users", "passwd", "budi", stdin="sandi-baru-budi\n")
    assert code == 0 and "rahasia" not in out
    code, out, _ = run(capsys, monkeypatch, store, "users", "disable", "budi", "--lang", "en")
    assert code == 0 and out.startswith("Account budi disabled")
    code, _, err = run(capsys, monkeypatch, store, "users", "set-role", "nobody", "viewer")
    assert code == 2 and "Tidak ada akun" in err
    code, out, _ = run(capsys, monkeypatch, store, "users", "list")
    assert out.splitlines() == ["ani  admin", "budi  uploader  (nonaktif)"]

    from ikm_data.accounts import Accounts
    assert Accounts(store).sign_in("budi", "rahasia-budi").outcome == "wrong"  # the new password replaced it

    events = json.loads(run(capsys, monkeypatch, store, "audit", "--json")[1])
    me = getpass.getuser()
    assert [(e["event"], e.get("account"), e.get("role"), e["user"], e["os_user"]) for e in events] == [
        ("user_added", "ani", "admin", me, me), ("user_added", "budi", "viewer", me, me),
        ("role_changed", "budi", "uploader", me, me), ("password_changed", "budi", None, me, me),
        ("user_disabled", "budi", None, me, me)]
    assert "rahasia" not in (store / "audit" / "audit.jsonl").read_text()


def test_import_and_rollback_record_the_user_and_the_os_user(capsys, monkeypatch, tmp_path):
    store = tmp_path / "store"
    assert run(capsys, monkeypatch, store, "import", GOOD, "--phase", "4", "--user", "Baiq",
               "--as-of", "2020-07-13")[0] == 0
    assert run(capsys, monkeypatch, store, "rollback", "v1")[0] == 0  # no --user: the login name
    code, out, _ = run(capsys, monkeypatch, store, "audit", "--json", "--since", "2000-01-01")
    events = json.loads(out)
    me = getpass.getuser()
    commit, rollback = events
    assert (commit["event"], commit["user"], commit["os_user"], commit["phase"], commit["version"], commit["rows"],
            commit["file"]) == ("commit", "Baiq", me, 4, "v2", 7, "good_two_row_header.xlsx")
    assert len(commit["sha256"]) == 64
    assert (rollback["event"], rollback["user"], rollback["version"], rollback["target"]) == (
        "rollback", me, "v3", "v1")
    assert json.loads(run(capsys, monkeypatch, store, "audit", "--json", "--since", "2999-01-01")[1]) == []
    assert run(capsys, monkeypatch, store, "audit", "--since", "kemarin")[0] == 2
    code, out, _ = run(capsys, monkeypatch, store, "audit")
    assert code == 0 and "WITA  Baiq  menyimpan versi  tahap 4, versi v2" in out


@pytest.mark.parametrize("lang, text", [("id", "Log audit kosong."), ("en", "The audit log is empty.")])
def test_an_empty_log(capsys, monkeypatch, tmp_path, lang, text):
    assert run(capsys, monkeypatch, tmp_path / "s", "audit", "--lang", lang)[1].strip() == text
