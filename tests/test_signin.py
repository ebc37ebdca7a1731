"""Sessions: the token stored only as its sha256, the absolute end and the idle time-out,
sign-out revoking, a signed cookie that cannot be altered, the one-time code (single use,
expires) and the server's cookie routes (HttpOnly, SameSite, Secure behind https, no open
redirect)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import stat

import pytest

from ikm_data import cookie
from ikm_data.accounts import Accounts
from ikm_data.signin import CODE_SECONDS, COOKIE, Sessions

T0 = dt.datetime(2026, 11, 29, 2, 0, tzinfo=dt.timezone.utc)


def _run(coroutine):
    """Await a route handler in a thread of its own: a browser test's Playwright (sync API)
    may keep an event loop running in this thread, where ``asyncio.run`` refuses to start."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture
def sessions(tmp_path, monkeypatch) -> Sessions:
    root = tmp_path / "store"
    monkeypatch.setenv("IKM_DATA_DIR", str(root))
    Accounts(root).add("baiq", "uploader", None)
    return Sessions(root)


def test_a_session_is_stored_by_the_hash_of_its_token(sessions):
    token = sessions.start("baiq", T0)
    files = list(sessions.sessions.glob("*.json"))
    assert len(files) == 1 and token not in files[0].name and token not in files[0].read_text()
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    live = sessions.check(token, T0 + dt.timedelta(minutes=1))
    assert (live.user, live.role) == ("baiq", "uploader")
    assert sessions.check("another-token", T0) is None


def test_the_idle_time_out_ends_a_session_and_activity_keeps_it(sessions, monkeypatch):
    monkeypatch.setenv("IKM_SESSION_IDLE_MINUTES", "30")
    token = sessions.start("baiq", T0)
    for minutes in (20, 40, 60):  # seen every 20 minutes: alive
        assert sessions.check(token, T0 + dt.timedelta(minutes=minutes)) is not None
    assert sessions.check(token, T0 + dt.timedelta(minutes=91)) is None  # 31 idle minutes
    assert sessions.check(token, T0 + dt.timedelta(minutes=92)) is None  # and it stays ended
    assert list(sessions.sessions.glob("*.json")) == []


def test_the_absolute_end_comes_however_active(sessions, monkeypatch):
    monkeypatch.setenv("IKM_SESSION_MAX_HOURS", "2")
    token = sessions.start("baiq", T0)
    for minutes in range(10, 120, 10):
        assert sessions.check(token, T0 + dt.timedelta(minutes=minutes)) is not None
    assert sessions.check(token, T0 + dt.timedelta(minutes=120)) is None


def test_sign_out_a_disabled_account_and_a_role_change(sessions):
    first, second = sessions.start("baiq", T0), sessions.start("baiq", T0)
    assert sessions.end(first, T0).user == "baiq"
    assert sessions.check(first, T0) is None and sessions.check(second, T0) is not None
    sessions.accounts.set_role("baiq", "admin")
    assert sessions.check(second, T0).role == "admin"  # the role is read at every check
    sessions.accounts.set_disabled("baiq")
    assert sessions.check(second, T0) is None


def test_end_all_revokes_every_session_of_one_account(sessions):
    sessions.accounts.add("lalu", "viewer", None)
    baiq = [sessions.start("baiq", T0) for _ in range(3)]
    lalu = sessions.start("lalu", T0)
    assert sessions.end_all("baiq") == 3
    assert all(sessions.check(t, T0) is None for t in baiq) and sessions.check(lalu, T0) is not None


def test_the_cookie_is_signed_and_cannot_be_altered_or_stretched(sessions):
    token = sessions.start("baiq", T0)
    expires = T0 + dt.timedelta(hours=12)
    value = sessions.cookie_value(token, expires)
    assert sessions.token_from_cookie(value, T0) == token
    assert sessions.from_cookie(value, T0).user == "baiq"
    body, end, signature = value.split(".")
    later = str(int(end) + 86400)
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    for bad in (f"{body}.{later}.{signature}", f"{body}x.{end}.{signature}", f"{body}.{end}.{flipped}",
                f"{body}.{end}", "", "a.b.c", f"{body}.{end}.{signature}.x"):
        assert sessions.token_from_cookie(bad, T0) is None, bad
    assert sessions.token_from_cookie(value, expires) is None  # its end has come
    # a key of another data directory does not sign for this one
    other = Sessions(sessions.folder.parent.parent / "other")
    assert other.token_from_cookie(value, T0) is None
    assert stat.S_IMODE((sessions.folder / "secret.key").stat().st_mode) == 0o600
    assert len((sessions.folder / "secret.key").read_bytes()) == 32


def test_the_one_time_code_is_single_use_expires_and_ends_the_first_session(sessions):
    first = sessions.start("baiq", T0)
    code = sessions.issue_code(first, T0)
    value, expires = sessions.redeem(code, T0 + dt.timedelta(seconds=5))
    assert sessions.from_cookie(value, T0 + dt.timedelta(seconds=6)).user == "baiq"
    assert expires == T0 + dt.timedelta(seconds=5, hours=12)
    assert sessions.check(first, T0 + dt.timedelta(seconds=6)) is None  # traded for the cookie's
    assert sessions.redeem(code, T0 + dt.timedelta(seconds=7)) is None  # used once only
    late = sessions.issue_code(sessions.start("baiq", T0), T0)
    assert sessions.redeem(late, T0 + dt.timedelta(seconds=CODE_SECONDS)) is None
    assert sessions.redeem("made-up", T0) is None and sessions.redeem(None, T0) is None


def _request(path: str, query: str, headers: dict | None = None, scheme: str = "http"):
    from starlette.requests import Request

    return Request({"type": "http", "method": "GET", "path": path, "query_string": query.encode(),
                    "scheme": scheme, "server": ("127.0.0.1", 8501), "root_path": "",
                    "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]})


def test_the_session_route_sets_an_httponly_lax_cookie_and_redirects_on_this_site(sessions):
    code = sessions.issue_code(sessions.start("baiq"))
    response = _run(cookie.session_cookie(_request("/_ikm/sesi", f"kode={code}&ke=/unggah-data")))
    assert response.status_code == 303 and response.headers["location"] == "/unggah-data"
    set_cookie = response.headers["set-cookie"]
    assert set_cookie.startswith(f"{COOKIE}=") and "HttpOnly" in set_cookie and "SameSite=lax" in set_cookie
    assert "Path=/" in set_cookie and "Secure" not in set_cookie
    value = set_cookie.split(";")[0].split("=", 1)[1]
    assert sessions.from_cookie(value).user == "baiq"
    # the same code again: no cookie; behind the https proxy: Secure
    again = _run(cookie.session_cookie(_request("/_ikm/sesi", f"kode={code}&ke=/")))
    assert "set-cookie" not in again.headers
    code = sessions.issue_code(sessions.start("baiq"))
    proxied = _run(cookie.session_cookie(
        _request("/_ikm/sesi", f"kode={code}&ke=/", {"X-Forwarded-Proto": "https"})))
    assert "Secure" in proxied.headers["set-cookie"]


@pytest.mark.parametrize("target", ["https://evil.example/login", "//evil.example", "/\\evil.example",
                                    "javascript:alert(1)", "%2F%2Fevil.example", "/ok%0d%0aSet-Cookie:x=1"])
def test_no_open_redirect(sessions, target):
    response = _run(cookie.clear_cookie(_request("/_ikm/keluar", f"ke={target}")))
    assert response.headers["location"] == "/"


def test_the_sign_out_route_clears_the_cookie_and_ends_its_session(sessions):
    token = sessions.start("baiq")
    value = sessions.cookie_value(token, dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1))
    response = _run(cookie.clear_cookie(
        _request("/_ikm/keluar", "ke=/tentang-data", {"Cookie": f"{COOKIE}={value}"})))
    assert response.headers["location"] == "/tentang-data"
    assert "Max-Age=0" in response.headers["set-cookie"]
    assert sessions.check(token) is None


def test_the_routes_follow_the_base_url_path():
    assert [r.path for r in cookie.routes("")] == ["/_ikm/sesi", "/_ikm/keluar"]
    assert [r.path for r in cookie.routes("/ikm/")] == ["/ikm/_ikm/sesi", "/ikm/_ikm/keluar"]


def _xsrf(token: bytes, mask: bytes) -> str:
    """Streamlit's XSRF cookie (version 2) for ``token`` under ``mask``."""
    masked = bytes(b ^ mask[i % len(mask)] for i, b in enumerate(token))
    return f"2|{mask.hex()}|{masked.hex()}|1795957134"


def test_a_code_is_spent_only_by_the_browser_that_signed_in(sessions):
    """A link carrying someone's code cannot sign another browser in (login CSRF)."""
    from ikm_data.signin import browser_key

    mine, theirs = b"t" * 32, b"u" * 32
    key = browser_key(_xsrf(mine, b"abcd"))
    assert key == browser_key(_xsrf(mine, b"wxyz"))  # the mask changes per response, the token does not
    assert key != browser_key(_xsrf(theirs, b"abcd")) and browser_key("rubbish") is None
    code = sessions.issue_code(sessions.start("baiq", T0), T0, browser=key)
    assert sessions.redeem(code, T0, browser=browser_key(_xsrf(theirs, b"abcd"))) is None
    code = sessions.issue_code(sessions.start("baiq", T0), T0, browser=key)
    assert sessions.redeem(code, T0, browser=None) is None
    code = sessions.issue_code(sessions.start("baiq", T0), T0, browser=key)
    assert sessions.redeem(code, T0, browser=browser_key(_xsrf(mine, b"qrst"))) is not None
