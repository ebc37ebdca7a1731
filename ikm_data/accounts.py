"""Accounts of the officials who sign in: a name, a role and an argon2id password hash in
``<data dir>/access/accounts.json`` (0600, never in git, never a password), written whole
under a lock. Wrong passwords are counted per name (``attempts.json``) the same way whether
or not the name exists: IKM_LOCKOUT_ATTEMPTS in a row lock it for IKM_LOCKOUT_MINUTES, the
right password refused meanwhile, and an unknown name is checked against a dummy hash so the
time taken does not tell either."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ikm_data.access import check_role
from ikm_data.errors import AccessError
from ikm_data.files import file_lock, private_dir, read_private, write_private
from ikm_data.settings import setting

ACCESS_DIR = "access"
MIN_PASSWORD = 8
MAX_PASSWORD = 256
NAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{1,63}$")  # a login name or an e-mail address (OIDC)
_FORGET_AFTER = dt.timedelta(hours=24)  # a name's wrong-password count is forgotten a day after the last
_MAX_ATTEMPT_ENTRIES = 10_000  # names tried: a bound, so guessing names cannot fill the disk


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    disabled: bool = False
    created: str = ""
    has_password: bool = True

    def to_json(self) -> dict:
        """What ``users list --json`` shows: never the hash."""
        return {"name": self.name, "role": self.role, "disabled": self.disabled, "created": self.created,
                "password": self.has_password}


@dataclass(frozen=True)
class Attempt:
    """A sign-in attempt's outcome: ``ok`` (``account`` set), ``wrong`` or ``locked``;
    ``just_locked`` when this attempt locked the name."""

    outcome: str
    account: Account | None = None
    just_locked: bool = False


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def normal_name(name: str) -> str:
    """``name`` as accounts are keyed (trimmed, lower case)."""
    return str(name).strip().lower()


def check_name(name: str) -> str:
    """The normal form of ``name``; AccessError when it is not a valid account name."""
    norm = normal_name(name)
    if not NAME.match(norm):
        raise AccessError.from_key("access.name.bad", name=norm[:64])
    return norm


def check_password(password: str) -> str:
    """``password`` when it is long enough (and not absurdly long); AccessError otherwise."""
    if len(password) < MIN_PASSWORD:
        raise AccessError.from_key("access.password.short", n=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise AccessError.from_key("access.password.long", n=MAX_PASSWORD)
    return password


class Accounts:
    """The accounts of one data directory. ``hasher`` (argon2id with its library's defaults
    unless given) hashes and verifies passwords."""

    def __init__(self, root: Path, hasher: PasswordHasher | None = None) -> None:
        self.folder = Path(root) / ACCESS_DIR
        self.path = self.folder / "accounts.json"
        self.attempts_path = self.folder / "attempts.json"
        self.hasher = hasher or PasswordHasher()
        self._dummy: str | None = None

    # -- reading and writing the file ------------------------------------------------------
    def _lock(self):
        private_dir(self.folder)
        return file_lock(self.folder / ".lock")

    def _load(self, path: Path | None = None) -> dict:
        raw = read_private(path or self.path)
        return json.loads(raw) if raw else {}

    def _save(self, data: dict, path: Path | None = None) -> None:
        write_private(path or self.path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode())

    @staticmethod
    def _account(name: str, entry: dict) -> Account:
        return Account(name, entry["role"], bool(entry.get("disabled")), entry.get("created", ""),
                       bool(entry.get("hash")))

    def list(self) -> list[Account]:
        """Every account, by name."""
        data = self._load().get("accounts", {})
        return [self._account(n, e) for n, e in sorted(data.items())]

    def get(self, name: str) -> Account | None:
        """The account ``name`` (any case), None when there is none."""
        entry = self._load().get("accounts", {}).get(normal_name(name))
        return None if entry is None else self._account(normal_name(name), entry)

    def _change(self, name: str, change) -> Account:
        """Apply ``change(entry)`` to the account ``name`` under the lock; AccessError when
        there is no such account."""
        name = normal_name(name)
        with self._lock():
            data = self._load()
            entry = data.get("accounts", {}).get(name)
            if entry is None:
                raise AccessError.from_key("access.user.unknown", name=name[:64])
            change(entry)
            entry["changed"] = _now().isoformat()
            self._save(data)
            return self._account(name, entry)

    # -- managing accounts (the ``users`` command) ---------------------------------------
    def add(self, name: str, role: str, password: str | None) -> Account:
        """A new account (``password`` None: signs in only through OIDC). AccessError for a
        bad name, role or password, or a name already taken."""
        name, role = check_name(name), check_role(role)
        digest = None if password is None else self.hasher.hash(check_password(password))
        with self._lock():
            data = self._load()
            accounts = data.setdefault("accounts", {})
            if name in accounts:
                raise AccessError.from_key("access.user.exists", name=name)
            accounts[name] = {"role": role, "hash": digest, "disabled": False, "created": _now().isoformat()}
            self._save(data)
            return self._account(name, accounts[name])

    def set_role(self, name: str, role: str) -> Account:
        role = check_role(role)
        return self._change(name, lambda e: e.update(role=role))

    def set_disabled(self, name: str, disabled: bool = True) -> Account:
        return self._change(name, lambda e: e.update(disabled=disabled))

    def set_password(self, name: str, password: str) -> Account:
        digest = self.hasher.hash(check_password(password))
        return self._change(name, lambda e: e.update(hash=digest))

    # -- signing in ----------------------------------------------------------------------
    def _dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = self.hasher.hash("dummy password, never matched")
        return self._dummy

    def _verify(self, digest: str | None, password: str) -> bool:
        """Always runs one argon2 verification (a dummy one without ``digest``)."""
        try:
            return bool(self.hasher.verify(digest or self._dummy_hash(), password)) and digest is not None
        except (VerificationError, InvalidHashError):
            return False

    def sign_in(self, name: str, password: str, now: dt.datetime | None = None) -> Attempt:
        """Check ``password`` for ``name``; count a wrong one, lock the name after
        IKM_LOCKOUT_ATTEMPTS in a row. Unknown, disabled and password-less names are
        treated as a wrong password (and locked the same way)."""
        now = now or _now()
        self._dummy_hash()  # made by the first attempt of any name, so that one is not slower for unknown names
        norm = normal_name(name)[:MAX_PASSWORD]
        key = hashlib.sha256(norm.encode()).hexdigest()
        with self._lock():
            entry = self._load().get("accounts", {}).get(norm) if NAME.match(norm) else None
            usable = entry is not None and not entry.get("disabled") and entry.get("hash")
            ok = self._verify(entry.get("hash") if usable else None, password[:MAX_PASSWORD])
            attempts = self._load(self.attempts_path)
            record = attempts.get(key, {})
            locked_until = record.get("locked_until")
            if locked_until and dt.datetime.fromisoformat(locked_until) > now:
                return Attempt("locked")
            if ok:
                attempts.pop(key, None)
                self._save(_pruned(attempts, now), self.attempts_path)
                if self.hasher.check_needs_rehash(entry["hash"]):
                    self._rehash(norm, password)
                return Attempt("ok", self._account(norm, entry))
            failures = int(record.get("failures", 0)) + 1
            locked = failures >= int(setting("IKM_LOCKOUT_ATTEMPTS"))
            minutes = int(setting("IKM_LOCKOUT_MINUTES"))
            attempts[key] = {"failures": 0 if locked else failures, "last": now.isoformat(),
                             "locked_until": (now + dt.timedelta(minutes=minutes)).isoformat() if locked else None}
            self._save(_pruned(attempts, now), self.attempts_path)
            return Attempt("locked" if locked else "wrong", just_locked=locked)

    def _rehash(self, name: str, password: str) -> None:
        data = self._load()
        data["accounts"][name]["hash"] = self.hasher.hash(password)
        self._save(data)


def _pruned(attempts: dict, now: dt.datetime) -> dict:
    """``attempts`` without the entries a day old and not locked, at most the newest
    ``_MAX_ATTEMPT_ENTRIES``."""
    def alive(entry: dict) -> bool:
        until = entry.get("locked_until")
        return (bool(until) and dt.datetime.fromisoformat(until) > now) or \
            dt.datetime.fromisoformat(entry["last"]) > now - _FORGET_AFTER
    kept = {k: v for k, v in attempts.items() if alive(v)}
    newest = sorted(kept, key=lambda k: kept[k]["last"], reverse=True)[:_MAX_ATTEMPT_ENTRIES]
    return {k: kept[k] for k in newest}
