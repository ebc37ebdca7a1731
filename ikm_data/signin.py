"""Signed-in sessions, shared by every server process through the data directory.

A session is a random token; only its sha256 is stored (``access/sessions/<sha256>.json``,
0600): who, when it started, when it ends (IKM_SESSION_MAX_HOURS) and when it was last seen
(it ends after IKM_SESSION_IDLE_MINUTES without a page run). The browser keeps the token in a
cookie whose value is the token and its end, signed with HMAC-SHA256 by a secret key made
once into the data directory (``access/secret.key``), so a cookie cannot be made up or
stretched, and a revoked one is refused by the server. Streamlit cannot set a cookie from a
page run, so a sign-in hands the browser a one-time code (``issue_code``, single use, valid
CODE_SECONDS) that the server's ``/_ikm/sesi`` route trades for the cookie (``redeem``)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

from ikm_data.accounts import ACCESS_DIR, Accounts
from ikm_data.files import PRIVATE_FILE, private_dir, read_private, write_private
from ikm_data.settings import setting

COOKIE = "ikm_sesi"
XSRF_COOKIE = "_streamlit_xsrf"  # Streamlit's own: it names the browser a one-time code was issued to
CODE_SECONDS = 60
TOUCH_SECONDS = 60  # last-seen is written at most this often


@dataclass(frozen=True)
class Session:
    """A live session: who (their role read from the accounts at each check), its token's
    sha256, and when it ends."""

    user: str
    role: str
    token_hash: str
    expires: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def idle_limit() -> dt.timedelta:
    return dt.timedelta(minutes=float(setting("IKM_SESSION_IDLE_MINUTES")))


def max_age() -> dt.timedelta:
    return dt.timedelta(hours=float(setting("IKM_SESSION_MAX_HOURS")))


class Sessions:
    """The sessions of one data directory (``root``)."""

    def __init__(self, root: Path, accounts: Accounts | None = None) -> None:
        self.folder = Path(root) / ACCESS_DIR
        self.sessions = self.folder / "sessions"
        self.codes = self.folder / "codes"
        self.accounts = accounts or Accounts(root)

    # -- the secret key --------------------------------------------------------------------
    def secret(self) -> bytes:
        """The signing key, made once (32 random bytes, 0600) on first use."""
        path = self.folder / "secret.key"
        key = read_private(path)
        if key:
            return key
        private_dir(self.folder)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        except FileExistsError:  # another process made it first
            return path.read_bytes()
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
            fh.flush()
            os.fsync(fh.fileno())
        return path.read_bytes()

    def _sign(self, text: str) -> str:
        mac = hmac.new(self.secret(), text.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).decode().rstrip("=")

    # -- sessions ------------------------------------------------------------------------
    def start(self, user: str, now: dt.datetime | None = None) -> str:
        """A new session for the account ``user``; its token (kept by the caller only)."""
        now = now or _now()
        self.prune(now)
        token = secrets.token_urlsafe(32)
        self._write(_sha(token), {"user": user, "started": now.isoformat(),
                                  "expires": (now + max_age()).isoformat(), "last_seen": now.isoformat()})
        return token

    def _path(self, token_hash: str) -> Path:
        return self.sessions / f"{token_hash}.json"

    def _write(self, token_hash: str, record: dict) -> None:
        write_private(self._path(token_hash), json.dumps(record).encode())

    def _read(self, token_hash: str) -> dict | None:
        raw = read_private(self._path(token_hash))
        try:
            return json.loads(raw) if raw else None
        except ValueError:
            return None

    def check(self, token: str | None, now: dt.datetime | None = None) -> Session | None:
        """The live session of ``token``; None when there is none, it has ended (its end,
        idle, revoked) or its account is gone or disabled. Touches last-seen at most once
        a minute."""
        return self._check_hash(_sha(token), now) if token else None

    def _check_hash(self, token_hash: str, now: dt.datetime | None = None) -> Session | None:
        now = now or _now()
        record = self._read(token_hash)
        if record is None:
            return None
        expires, seen = dt.datetime.fromisoformat(record["expires"]), dt.datetime.fromisoformat(record["last_seen"])
        account = self.accounts.get(record["user"])
        if expires <= now or now - seen > idle_limit() or account is None or account.disabled:
            self._revoke(token_hash)
            return None
        if (now - seen).total_seconds() >= TOUCH_SECONDS:
            self._write(token_hash, {**record, "last_seen": now.isoformat()})
        return Session(account.name, account.role, token_hash, expires)

    def end(self, token: str | None, now: dt.datetime | None = None) -> Session | None:
        """Revoke the session of ``token`` (sign-out); the session it was, if live."""
        if not token:
            return None
        live = self.check(token, now)
        self._revoke(_sha(token))
        return live

    def _revoke(self, token_hash: str) -> None:
        try:
            self._path(token_hash).unlink()
        except FileNotFoundError:
            pass

    def end_all(self, user: str) -> int:
        """Revoke every session of ``user`` (disabled, new password); how many."""
        ended = 0
        for path in self.sessions.glob("*.json") if self.sessions.exists() else ():
            record = self._read(path.stem)
            if record and record.get("user") == user:
                self._revoke(path.stem)
                ended += 1
        return ended

    def prune(self, now: dt.datetime | None = None) -> None:
        """Delete ended sessions and spent codes."""
        now = now or _now()
        for path in self.sessions.glob("*.json") if self.sessions.exists() else ():
            record = self._read(path.stem)
            if record is None or dt.datetime.fromisoformat(record["expires"]) <= now or \
                    now - dt.datetime.fromisoformat(record["last_seen"]) > idle_limit():
                self._revoke(path.stem)
        for path in self.codes.glob("*.json") if self.codes.exists() else ():
            if path.stat().st_mtime < now.timestamp() - CODE_SECONDS:
                path.unlink(missing_ok=True)

    # -- the cookie ----------------------------------------------------------------------
    def cookie_value(self, token: str, expires: dt.datetime) -> str:
        """``token.end.signature``: what the cookie holds."""
        text = f"{token}.{int(expires.timestamp())}"
        return f"{text}.{self._sign(text)}"

    def token_from_cookie(self, value: str | None, now: dt.datetime | None = None) -> str | None:
        """The token of a cookie value whose signature is right and whose end has not come;
        None for anything else (made up, altered, expired, malformed)."""
        parts = (value or "").split(".")
        if len(parts) != 3 or not parts[1].isdigit():
            return None
        token, end, signature = parts
        if not hmac.compare_digest(signature, self._sign(f"{token}.{end}")):
            return None
        if int(end) <= (now or _now()).timestamp():
            return None
        return token

    def from_cookie(self, value: str | None, now: dt.datetime | None = None) -> Session | None:
        """The live session a cookie value names (signature, end, server-side check)."""
        return self.check(self.token_from_cookie(value, now), now)

    # -- the one-time code that becomes the cookie -----------------------------------------
    def issue_code(self, token: str, now: dt.datetime | None = None, browser: str | None = None) -> str:
        """A code, valid CODE_SECONDS and usable once, that ``redeem`` trades for a cookie
        of a session of the same account (the token's session is then ended). With
        ``browser`` (``browser_key`` of the browser that signed in) only that browser can
        spend it, so a link with someone else's code cannot sign a victim in as them."""
        now = now or _now()
        code = secrets.token_urlsafe(24)
        record = {"session": _sha(token), "expires": (now + dt.timedelta(seconds=CODE_SECONDS)).isoformat(),
                  "browser": browser}
        write_private(self.codes / f"{_sha(code)}.json", json.dumps(record).encode())
        return code

    def redeem(self, code: str | None, now: dt.datetime | None = None,
               browser: str | None = None) -> tuple[str, dt.datetime] | None:
        """Spend ``code``: (cookie value, its end) of a new session of the account whose
        session issued it; None for an unknown, spent or expired code, an ended session, or
        another browser than the one the code was issued to (``browser``)."""
        now = now or _now()
        if not code or len(code) > 100:
            return None
        path = self.codes / f"{_sha(code)}.json"
        claimed = path.with_name(f".{path.stem}.{uuid.uuid4().hex}.used")
        try:
            os.rename(path, claimed)  # atomic: of two requests with one code, one wins
        except (FileNotFoundError, NotADirectoryError):
            return None
        try:
            record = json.loads(claimed.read_bytes())
        finally:
            claimed.unlink(missing_ok=True)
        if dt.datetime.fromisoformat(record["expires"]) <= now:
            return None
        if record.get("browser") and not hmac.compare_digest(record["browser"], browser or ""):
            return None
        first = self._check_hash(record["session"], now)
        if first is None:
            return None
        token = self.start(first.user, now)
        self._revoke(first.token_hash)
        record = self._read(_sha(token))
        expires = dt.datetime.fromisoformat(record["expires"])
        return self.cookie_value(token, expires), expires


def browser_key(xsrf_cookie: str | None) -> str | None:
    """Who the browser is, from Streamlit's XSRF cookie (``_streamlit_xsrf``, version 2:
    ``2|mask|masked token|time``; the mask changes, the token does not): the sha256 of its
    token, None when there is no such cookie (XSRF protection off)."""
    parts = str(xsrf_cookie or "").strip("\"'").split("|")
    if len(parts) != 4 or parts[0] != "2":
        return None
    try:
        mask, masked = bytes.fromhex(parts[1]), bytes.fromhex(parts[2])
    except ValueError:
        return None
    if not mask:
        return None
    token = bytes(b ^ mask[i % len(mask)] for i, b in enumerate(masked))
    return hashlib.sha256(token).hexdigest()
