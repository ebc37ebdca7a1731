"""The server's own two routes beside Streamlit's, for the sign-in cookie (a page run
cannot set one): ``/_ikm/sesi?kode=...&ke=/path`` trades a one-time code for the session
cookie, ``/_ikm/keluar?ke=/path`` clears it; both then send the browser (303) to a path of
this site only. ``app.py`` serves them beside Streamlit (``st.App(..., routes=routes(...))``).
Starlette only (no streamlit): the server imports this before Streamlit's runtime exists."""

from __future__ import annotations

from ikm_data import settings
from ikm_data.signin import COOKIE, XSRF_COOKIE, Sessions, browser_key


def _target(request) -> str:
    """``ke`` when it is a path of this site, else the home page (no open redirect)."""
    target = request.query_params.get("ke") or "/"
    if not target.startswith("/") or target.startswith("//") or "\\" in target or any(ord(c) < 33 for c in target):
        return "/"
    return target


def _secure(request) -> bool:
    """Whether the browser came over https (directly or through the reverse proxy)."""
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


async def session_cookie(request):
    """Spend the one-time code; on success set the cookie (HttpOnly, SameSite=Lax, Path=/,
    Secure over https) until the session's end. Either way, go to ``ke``."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import RedirectResponse

    sessions = Sessions(settings.data_dir())
    browser = browser_key(request.cookies.get(XSRF_COOKIE))
    redeemed = await run_in_threadpool(sessions.redeem, request.query_params.get("kode"), None, browser)
    response = _no_store(RedirectResponse(_target(request), status_code=303))
    if redeemed is not None:
        value, expires = redeemed
        response.set_cookie(COOKIE, value, expires=expires, path="/", httponly=True, samesite="lax",
                            secure=_secure(request))
    return response


async def clear_cookie(request):
    """End the cookie's session (if still live), clear the cookie, go to ``ke``."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import RedirectResponse

    sessions = Sessions(settings.data_dir())
    token = sessions.token_from_cookie(request.cookies.get(COOKIE))
    await run_in_threadpool(sessions.end, token)
    response = _no_store(RedirectResponse(_target(request), status_code=303))
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax", secure=_secure(request))
    return response


def routes(base: str | None = "") -> list:
    """The two routes, under the server's ``server.baseUrlPath`` (``base``, e.g. ``ikm``)."""
    from starlette.routing import Route

    base = "/" + str(base or "").strip("/") if str(base or "").strip("/") else ""
    return [Route(f"{base}/_ikm/sesi", session_cookie, methods=["GET"]),
            Route(f"{base}/_ikm/keluar", clear_cookie, methods=["GET"])]
