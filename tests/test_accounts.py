"""Accounts: argon2id hashes (never the password), names and passwords checked, and the
lockout after IKM_LOCKOUT_ATTEMPTS wrong passwords that says nothing about which names exist."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest
from argon2 import PasswordHasher

from ikm_data.accounts import Accounts
from ikm_data.errors import AccessError

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # argon2id, cheap for tests
T0 = dt.datetime(2026, 11, 29, 2, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def accounts(tmp_path) -> Accounts:
    acc = Accounts(tmp_path / "store", hasher=FAST)
    acc.add("Baiq", "uploader", "rahasia-baiq")
    return acc


def test_the_file_holds_an_argon2id_hash_never_the_password(accounts, tmp_path):
    raw = accounts.path.read_text()
    assert "rahasia-baiq" not in raw
    entry = json.loads(raw)["accounts"]["baiq"]
    assert entry["hash"].startswith("$argon2id$") and entry["role"] == "uploader"
    assert stat.S_IMODE(accounts.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(accounts.folder.stat().st_mode) == 0o700
    # a second account with the same password gets another salt
    accounts.add("lalu", "viewer", "rahasia-baiq")
    hashes = [e["hash"] for e in json.loads(accounts.path.read_text())["accounts"].values()]
    assert hashes[0] != hashes[1]
    assert [a.to_json() for a in accounts.list()] == [
        {"name": "baiq", "role": "uploader", "disabled": False, "created": accounts.get("baiq").created,
         "password": True},
        {"name": "lalu", "role": "viewer", "disabled": False, "created": accounts.get("lalu").created,
         "password": True}]


@pytest.mark.parametrize("name, role, password, key", [
    ("x", "viewer", "panjang-sekali", "access.name.bad"),
    ("baiq aminah", "viewer", "panjang-sekali", "access.name.bad"),
    ("ani", "boss", "panjang-sekali", "access.role.unknown"),
    ("ani", "viewer", "pendek", "access.password.short"),
    ("BAIQ", "viewer", "panjang-sekali", "access.user.exists"),
])
def test_bad_names_roles_passwords_and_taken_names_are_refused(accounts, name, role, password, key):
    with pytest.raises(AccessError) as err:
        accounts.add(name, role, password)
    assert err.value.key == key and err.value.exit_code == 2


def test_sign_in_with_the_right_password_any_case_of_the_name(accounts):
    attempt = accounts.sign_in("  BAIQ ", "rahasia-baiq", T0)
    assert attempt.outcome == "ok" and attempt.account.name == "baiq" and attempt.account.role == "uploader"
    assert accounts.sign_in("baiq", "Rahasia-baiq", T0).outcome == "wrong"


def test_five_wrong_passwords_lock_the_name_and_the_right_one_is_refused_meanwhile(accounts):
    outcomes = [accounts.sign_in("baiq", f"salah-{i}", T0 + dt.timedelta(seconds=i)) for i in range(5)]
    assert [a.outcome for a in outcomes] == ["wrong"] * 4 + ["locked"]
    assert outcomes[-1].just_locked
    during = accounts.sign_in("baiq", "rahasia-baiq", T0 + dt.timedelta(minutes=14))
    assert during.outcome == "locked" and during.account is None and not during.just_locked
    after = accounts.sign_in("baiq", "rahasia-baiq", T0 + dt.timedelta(minutes=15, seconds=5))
    assert after.outcome == "ok"
    assert "baiq" not in accounts.attempts_path.read_text()  # only a hash of the name is kept


def test_a_right_password_resets_the_count(accounts):
    for i in range(4):
        accounts.sign_in("baiq", "salah", T0 + dt.timedelta(seconds=i))
    assert accounts.sign_in("baiq", "rahasia-baiq", T0 + dt.timedelta(seconds=5)).outcome == "ok"
    assert accounts.sign_in("baiq", "salah", T0 + dt.timedelta(seconds=6)).outcome == "wrong"


def test_an_unknown_or_disabled_name_behaves_exactly_like_a_wrong_password(accounts):
    """Same outcomes, same lock: the page cannot tell which names exist."""
    accounts.add("lalu", "viewer", "rahasia-lalu")
    accounts.set_disabled("lalu")
    for name in ("tidak-ada", "lalu"):
        outcomes = [accounts.sign_in(name, "rahasia-lalu", T0).outcome for _ in range(6)]
        assert outcomes == ["wrong"] * 4 + ["locked", "locked"], name
    accounts.set_disabled("lalu", False)
    assert accounts.sign_in("lalu", "rahasia-lalu", T0 + dt.timedelta(minutes=16)).outcome == "ok"


class _Counting(PasswordHasher):
    """argon2id that remembers the hashes it verified against."""

    def __init__(self):
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.verified = []

    def verify(self, hash, password):
        self.verified.append(hash)
        return super().verify(hash, password)


def test_an_unknown_name_is_verified_against_a_dummy_hash(accounts):
    counting = Accounts(accounts.folder.parent, hasher=_Counting())
    counting.sign_in("tidak-ada", "apa-saja", T0)
    counting.sign_in("baiq", "apa-saja", T0)
    dummy, real = counting.hasher.verified
    assert dummy.startswith("$argon2id$") and real == json.loads(accounts.path.read_text())["accounts"]["baiq"]["hash"]
    assert dummy != real


def test_password_change_role_change_and_oidc_only_accounts(accounts):
    accounts.set_password("baiq", "sandi-baru-123")
    assert accounts.sign_in("baiq", "rahasia-baiq", T0).outcome == "wrong"
    assert accounts.sign_in("baiq", "sandi-baru-123", T0).outcome == "ok"
    assert accounts.set_role("baiq", "admin").role == "admin"
    oidc = accounts.add("ani@ntbprov.go.id", "uploader", None)
    assert not oidc.has_password
    assert accounts.sign_in("ani@ntbprov.go.id", "", T0).outcome == "wrong"
    with pytest.raises(AccessError):
        accounts.set_role("tidak-ada", "viewer")


def test_the_lockout_setting_is_honoured(accounts, monkeypatch):
    monkeypatch.setenv("IKM_LOCKOUT_ATTEMPTS", "2")
    monkeypatch.setenv("IKM_LOCKOUT_MINUTES", "1")
    assert [accounts.sign_in("baiq", "x", T0).outcome for _ in range(2)] == ["wrong", "locked"]
    assert accounts.sign_in("baiq", "rahasia-baiq", T0 + dt.timedelta(seconds=61)).outcome == "ok"
